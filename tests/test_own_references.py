"""The project cites only files inside the repository: no SPEC.md, no outside domain notes, no ../shared.

Code, rule documentation (``giklint explain``), profiles, schemas and docs are read by people who
have only the repository; the domain background they need is ``docs/domain.md``.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("giklint", "rules", "schemas", "docs", "examples", "bench", "README.md", "pyproject.toml")
SUFFIXES = {".py", ".md", ".json", ".toml", ".yaml", ".yml", ".txt"}
OUTSIDE = re.compile(r"SPEC\.md|\bSPEC\b|(?<!docs/)(?<!\()domain\.md\s*§|\.\./shared")


def _files():
    for name in CHECKED:
        path = ROOT / name
        if path.is_file():
            yield path
        else:
            yield from (p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def test_no_reference_to_files_outside_the_repository():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in _files() for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1)
             if OUTSIDE.search(line)]
    assert found == []


def test_the_domain_background_is_in_the_repository():
    text = (ROOT / "docs" / "domain.md").read_text("utf-8")
    for topic in ("国办公开办函〔2019〕60号", "国办公开办函〔2021〕30号", "表二", "表三", "表四", "I-3.1", "1月31日",
                  "Provincial differences"):
        assert topic in text
