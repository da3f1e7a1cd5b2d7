"""A model file's findings (giklint/model_places.py) name the model file, at no line of it, and give
the original report's place in the message."""
from __future__ import annotations

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)
from conftest import EXAMPLES

from giklint.cli import main

pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_findings_on_a_model_file_name_it_with_the_original_reports_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    model = tmp_path / "faulty.json"
    assert main(["parse", "examples/reports/faulty-balance.md", "--output", str(model)]) == 0
    assert main(["check", str(model), "--select", "balance"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (f"{model}:0:0: GK311 [error] 表三“商业企业”列：一+二=4，（七）总计+四=3"
                     "（原报告 examples/reports/faulty-balance.md 第89行第16列） (balance)")
