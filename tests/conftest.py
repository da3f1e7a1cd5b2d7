"""Shared fixtures: the project's examples and the real reports in ../shared (third-party documents,
read in place and never copied into the project; tests that need them skip when they are absent)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The tests (and the giklint processes they start) keep their plugin-discovery cache to themselves.
os.environ.setdefault("GIKLINT_CACHE_DIR", tempfile.mkdtemp(prefix="giklint-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("GIKLINT_SHARED", ROOT.parent / "shared"))
SHARED_REPORTS = SHARED / "reports"


def load_yaml(path: Path):
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture
def shared_reports() -> Path:
    if not SHARED_REPORTS.is_dir():
        pytest.skip(f"the real sample reports are not here ({SHARED_REPORTS}); CI provides ../shared")
    return SHARED_REPORTS


def real_reports():
    """(document path, expect.yaml path) of every real sample report, for parametrised tests."""
    if not SHARED_REPORTS.is_dir():
        return []
    found = []
    for label in sorted(SHARED_REPORTS.glob("*.expect.yaml")):
        stem = label.name[: -len(".expect.yaml")]
        docs = [p for p in SHARED_REPORTS.glob(stem + ".*") if not p.name.endswith(".yaml")]
        if docs:
            found.append((docs[0], label))
    return found
