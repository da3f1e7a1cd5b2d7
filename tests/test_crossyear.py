"""A batch pairs its reports and runs the cross-year rules on each pair (giklint/crossyear.py).

Run through the batch runner with the fake rule ``fake-previous`` (FK004, needs last year's report:
it names last year's title), so that these tests say nothing about the built-in cross-year rules
(tests/test_cross_year_folder.py runs those over the examples).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List

import pytest
from _engine_helpers import REPORT, fake_project, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.crossyear import YearRecord
from giklint.options import Options
from giklint.runner import check_paths

pytestmark = pytest.mark.usefixtures("fresh_caches")


def of_year(year: int, agency: str = "青禾县测试局") -> str:
    """The fake report of ``agency`` for ``year`` (its dates moved with it)."""
    return re.sub(r"202[12]", lambda m: str(year + int(m.group()) - 2021), REPORT.replace("青禾县测试局", agency))


def previous_titles(folder: Path, config: Path, jobs: int = 1, **options) -> Dict[str, List[str]]:
    """Per file (relative to ``folder``): the messages of fake-previous."""
    run = check_paths([str(folder)], Options(config=str(config), select=("FK004",), **options), jobs=jobs,
                      keep_documents=False)
    assert all(result.year_record is None for result in run.results), "records are dropped after pairing"
    return {Path(r.path).relative_to(folder).as_posix(): [f.message for f in r.findings] for r in run.results}


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_report_is_compared_with_its_agencys_report_of_the_year_before(tmp_path, jobs):
    project = fake_project(tmp_path)
    folder = tmp_path / "years"
    write(folder / "2020.md", of_year(2020))
    write(folder / "later" / "x.md", of_year(2021))
    write(folder / "z-2022.md", of_year(2022))
    write(folder / "other.md", of_year(2021, "云溪市测试局"))
    assert previous_titles(folder, project["config"], jobs) == {
        "2020.md": [], "later/x.md": ["上年标题：青禾县测试局2020年政府信息公开工作年度报告"],
        "other.md": [], "z-2022.md": ["上年标题：青禾县测试局2021年政府信息公开工作年度报告"]}


def test_two_candidates_for_last_year_give_no_comparison(tmp_path):
    project = fake_project(tmp_path)
    folder = tmp_path / "years"
    write(folder / "2020.md", of_year(2020))
    write(folder / "2020-draft.md", of_year(2020))
    write(folder / "2021.md", of_year(2021))
    assert previous_titles(folder, project["config"])["2021.md"] == []


def test_an_inline_comment_silences_a_cross_year_finding(tmp_path):
    project = fake_project(tmp_path)
    folder = tmp_path / "years"
    write(folder / "2020.md", of_year(2020))
    write(folder / "2021.md", "<!-- giklint-disable fake-previous -->\n" + of_year(2021))
    assert previous_titles(folder, project["config"])["2021.md"] == []


def test_with_previous_every_report_is_compared_with_that_file_and_nothing_is_paired(tmp_path):
    project = fake_project(tmp_path)
    folder = tmp_path / "years"
    write(folder / "2020.md", of_year(2020))
    write(folder / "2021.md", of_year(2021))
    given = write(tmp_path / "given.md", of_year(2019, "鹿鸣县测试局"))
    titles = previous_titles(folder, project["config"], previous=str(given))
    assert titles == {name: ["上年标题：鹿鸣县测试局2019年政府信息公开工作年度报告"] for name in ("2020.md", "2021.md")}


def test_no_record_is_kept_when_no_cross_year_rule_is_selected(tmp_path):
    project = fake_project(tmp_path)
    folder = tmp_path / "years"
    write(folder / "2020.md", of_year(2020))
    write(folder / "2021.md", of_year(2021))
    run = check_paths([str(folder)], Options(config=str(project["config"]), select=("FK001",)), keep_documents=False)
    assert [f.code for r in run.results for f in r.findings] == ["FK001"] * 4  # two marked lines a report


def test_a_record_is_small_and_gives_back_the_model_and_the_suppression_comments():
    import pickle

    from conftest import EXAMPLES

    from giklint.reader import read_report

    text = (EXAMPLES / "reports" / "clean-2021.md").read_text(encoding="utf-8")
    report = read_report(("<!-- giklint-disable fake-previous -->\n" + text).encode("utf-8"), "r.md")
    record = YearRecord.of(report.model, report.document)
    assert (record.key.agency, record.key.year) == ("青禾县卫生健康局", 2021)
    model, directives = record.unpack()
    assert model == report.model
    assert [(d.kind, d.selectors) for d in directives] == [("disable", ("fake-previous",))]
    assert len(record.packed) < len(pickle.dumps(report.model)) / 3


def test_a_report_that_can_have_no_pair_keeps_no_record():
    """A batch keeps a record only of a report whose agency and year were read: no other can be paired."""
    from conftest import EXAMPLES

    from giklint.crossyear import pairing_record
    from giklint.reader import read_report

    text = (EXAMPLES / "reports" / "clean-2021.md").read_text(encoding="utf-8")
    report = read_report(text.encode("utf-8"), "r.md")
    assert pairing_record(report.model, report.document).key == ("青禾县卫生健康局", 2021)
    no_year = read_report("# 政府信息公开工作年度报告\n\n一、总体情况\n\n本局依法公开政府信息。\n".encode("utf-8"), "r.md")
    assert no_year.model["meta"]["year"] is None
    assert pairing_record(no_year.model, no_year.document) is None


def test_the_spool_keeps_results_in_memory_where_no_temporary_file_can_be_made(monkeypatch):
    import tempfile

    from giklint.crossyear import Spool

    def no_temporary_file(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/tmp")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_temporary_file)
    spool = Spool()
    places = [spool.put({"n": n}) for n in range(3)]
    assert [spool.get(place) for place in places] == [{"n": 0}, {"n": 1}, {"n": 2}]


def test_the_spool_moves_to_memory_when_the_disk_fills_up():
    import io

    from giklint.crossyear import Spool

    class FillsUp(io.BytesIO):
        def write(self, data):
            if self.tell() + len(data) > 60:
                raise OSError(28, "No space left on device")
            return super().write(data)

    spool = Spool()
    spool.file.close()
    spool.file = FillsUp()
    places = [spool.put("报告" * 10) for _ in range(4)]
    assert all(spool.get(place) == "报告" * 10 for place in places)
