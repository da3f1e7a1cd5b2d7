"""The cross-year examples (examples/cross-year): committed as make_cross_year.py writes them, each
clean on its own and read as the agency and year its manifest says."""
from __future__ import annotations


import pytest
from _examples import script_module
from conftest import EXAMPLES, load_yaml

FOLDER = EXAMPLES / "cross-year"
REPORTS = FOLDER / "reports"
MANIFEST = load_yaml(FOLDER / "expected.yaml")


def test_the_committed_examples_are_what_make_cross_year_writes(tmp_path):
    written = script_module(FOLDER / "make_cross_year.py").write_all(tmp_path)
    assert len(written) == len(MANIFEST["reports"]) + 1
    for path in written:
        committed = FOLDER / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: run make_cross_year.py"
    on_disk = sorted(p.relative_to(REPORTS).as_posix() for p in REPORTS.rglob("*") if p.is_file())
    assert on_disk == sorted(MANIFEST["reports"]), "a report in the folder that the script does not write"


@pytest.mark.parametrize("name", sorted(MANIFEST["reports"]))
def test_each_report_reads_as_its_agency_and_year(name):
    from giklint.api import parse

    meta = parse(str(REPORTS / name))["meta"]
    expected = MANIFEST["reports"][name]
    assert (meta["agency"], meta["year"], meta["template"]) == (
        expected["agency"], expected["year"], expected["template"])
