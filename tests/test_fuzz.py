"""Fuzzing every format (issue 10): random bytes and mutated examples never crash giklint.

A fixed budget and a fixed seed (derandomised), so the suite takes the same time and finds the same
inputs on every run; ``bench/fuzz.py`` runs the same properties far longer with fresh seeds.
"""
from __future__ import annotations

import pytest
from _fuzz import SUFFIXES, check_survives, hostile_file
from hypothesis import HealthCheck, given, settings

BUDGET = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_random_and_mutated_files_end_with_0_1_or_2(suffix):
    @BUDGET
    @given(data=hostile_file(suffix))
    def survives(data: bytes) -> None:
        check_survives(suffix, data)

    survives()
