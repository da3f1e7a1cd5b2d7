"""The ``giklint`` command finds the standard library's start-up patterns in ``re``'s cache, made from
programs kept by an earlier run (giklint/regex_cache.py), and they are the patterns ``re`` makes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from giklint import regex_cache

REPORT = Path(__file__).resolve().parents[1] / "examples" / "reports" / "clean-2021.md"

pytestmark = pytest.mark.skipif(not regex_cache._USABLE, reason="the kept programs are CPython's")


def _python(script: str, cache: Path) -> str:
    done = subprocess.run([sys.executable, "-c", script, str(REPORT)], capture_output=True, text=True,
                          env={"GIKLINT_CACHE_DIR": str(cache), "PATH": ""}, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


FIRST_RUN = "import sys\nfrom giklint.entry import main\nmain(['check', '--no-cache', '--quiet', sys.argv[1]])\n"

LATER_RUN = """
import re
from giklint import regex_cache
regex_cache.seed_start_up_patterns()
seeded = list(re._cache.values())
import json.scanner   # compiles NUMBER_RE at import, unless re's cache has it
print(json.dumps([any(p is json.scanner.NUMBER_RE for p in seeded), len(seeded)]))
"""


def test_a_later_command_finds_the_start_up_patterns_in_re_cache(tmp_path):
    assert json.loads(_python(LATER_RUN, tmp_path))[0] is False  # nothing kept yet: json compiles its own
    _python(FIRST_RUN, tmp_path)
    found, seeded = json.loads(_python(LATER_RUN, tmp_path))
    assert found and seeded >= 10


EQUAL = """
import json, re, sys
from giklint import regex_cache
from re import _compiler
regex_cache.seed_start_up_patterns()
differ = []
for pattern, flags in regex_cache.START_UP.table():
    kept, fresh = re._cache[type(pattern), pattern, flags], _compiler.compile(pattern, flags)
    sample = pattern[:40] if isinstance(pattern, str) else pattern[:40]
    if (kept.pattern, kept.flags, kept.groups, kept.groupindex) != (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex) \\
            or [m.span() for m in kept.finditer(sample)] != [m.span() for m in fresh.finditer(sample)]:
        differ.append(repr(pattern))
print(json.dumps([len(regex_cache.START_UP.table()), differ]))
"""


def test_the_seeded_patterns_are_those_re_compiles(tmp_path):
    _python(FIRST_RUN, tmp_path)
    kept, differ = json.loads(_python(EQUAL, tmp_path))
    assert kept >= 10 and differ == []


LIBRARY = """
import json, re, sys
import giklint
from giklint import regex_cache
giklint.lint(sys.argv[1])
print(json.dumps(regex_cache._seeded))
"""


def test_a_program_using_giklint_as_a_library_keeps_re_cache_its_own(tmp_path):
    _python(FIRST_RUN, tmp_path)
    assert json.loads(_python(LIBRARY, tmp_path)) is False
