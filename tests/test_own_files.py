"""giklint's own files among its inputs: ``--output`` never overwrites a file the run reads, and an
output giklint wrote into the checked folder is passed over (with a note) on the next run, not
checked as a report. Real runs of the command line over reports the project wrote (examples/)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)
from conftest import EXAMPLES

from giklint.cli import main
from giklint.own_files import OWN_OUTPUT, output_format
from giklint.plugins import catalog
from giklint.runner import check_paths

pytestmark = pytest.mark.usefixtures("fresh_caches")

FAULTY = EXAMPLES / "reports" / "faulty-balance.md"
CLEAN = EXAMPLES / "reports" / "clean-2021.md"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """Two reports (one with findings) in reports/, a giklint.toml, the working folder at the root."""
    (tmp_path / "reports").mkdir()
    shutil.copy2(FAULTY, tmp_path / "reports" / "faulty.md")
    shutil.copy2(CLEAN, tmp_path / "reports" / "clean.md")
    (tmp_path / "giklint.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- an earlier output in the checked folder ---------------------------------------------------

@pytest.mark.parametrize("fmt, name", [("html", "result.html"), ("text", "result.txt"), ("json", "result.json"),
                                       ("sarif", "result.json"), ("github", "annotations.txt")])
def test_an_output_written_into_the_checked_folder_is_passed_over_next_time(capsys, repository, fmt, name):
    first, _, _ = run(capsys, "check", "reports", "--format", fmt, "-o", f"reports/{name}", "--jobs", "1")
    assert first == 1 and (repository / "reports" / name).stat().st_size > 0
    code, out, err = run(capsys, "check", "reports", "--format", "json", "--verbose", "--jobs", "1")
    assert code == first
    assert f"giklint: 跳过 reports/{name}：{OWN_OUTPUT}" in err.splitlines()
    assert name not in out  # no finding on it: it was not read as a report
    again, _, _ = run(capsys, "check", "reports", "--format", fmt, "-o", f"reports/{name}", "--jobs", "1")
    assert again == first  # writing over one's own earlier output is no overwriting of an input


def test_an_output_made_in_a_folder_while_it_is_walked_is_not_checked(capsys, repository, monkeypatch):
    """A large run finds its files as it checks them: ``--output`` is created in a folder after the
    run began and before the walk reaches it (its first lines still buffered, so nothing on disk yet
    says it is giklint's), and it must not be taken for a report (an empty one, here)."""
    import giklint.runner

    monkeypatch.setattr(giklint.runner, "LISTED_TARGETS", 2)  # the run walks the folder as it checks
    for number in range(3):
        shutil.copy2(FAULTY, repository / "reports" / f"more-{number}.md")
    (repository / "reports" / "zz").mkdir()  # walked last, listed once the output is there
    # csv writes its header first: the file is there (still empty on disk) when the walk reaches zz/
    code, _, _ = run(capsys, "check", "reports", "--format", "csv", "-o", "reports/zz/result.md", "--jobs", "1")
    written = (repository / "reports" / "zz" / "result.md").read_text(encoding="utf-8-sig").splitlines()
    assert code == 1 and sorted({row.split(",")[0] for row in written[1:]}) == [
        "reports/faulty.md", "reports/more-0.md", "reports/more-1.md", "reports/more-2.md"]  # clean.md: no row


def test_an_own_output_named_on_the_command_line_is_passed_over_too(capsys, repository):
    run(capsys, "check", "reports", "--format", "html", "-o", "result.html")
    code, out, err = run(capsys, "check", "result.html", "reports/clean.md", "--verbose")
    assert code == 0 and "result.html" not in out
    assert f"giklint: 跳过 result.html：{OWN_OUTPUT}" in err.splitlines()


@pytest.mark.parametrize("results_of", [[FAULTY], [CLEAN], []], ids=["findings", "clean", "nothing"])
def test_every_output_format_is_recognised_by_what_it_starts_with(tmp_path, results_of):
    results = check_paths([str(p) for p in results_of], jobs=1, limits=None).results if results_of else []
    formatters, rules = catalog().formatters, catalog().rules
    for fmt, expected in (("html", "html"), ("text", "text"), ("json", "json"), ("sarif", "sarif"),
                          ("github", "github")):
        path = tmp_path / f"out-{fmt}.{'html' if fmt == 'html' else 'json' if fmt in ('json', 'sarif') else 'txt'}"
        text = formatters[fmt].render(results, rules, {"statistics": True, "quiet": False, "root": str(tmp_path)})
        path.write_text(text, encoding="utf-8")
        if fmt == "github" and not text:
            continue  # no finding, no error: an empty file, which nobody takes for a report
        assert output_format(str(path)) == expected, (fmt, text[:200])


def test_no_report_is_taken_for_an_output_of_giklint(shared_reports):
    examples = [p for folder in ("reports", "formats") for p in sorted((EXAMPLES / folder).iterdir())]
    real = [p for p in sorted(shared_reports.iterdir()) if p.is_file()]
    assert len(examples) > 40 and len(real) >= 5
    assert [str(p) for p in examples + real if output_format(str(p))] == []


def test_a_fifo_with_an_output_suffix_is_not_opened(tmp_path):
    fifo = tmp_path / "result.html"
    os.mkfifo(fifo)
    assert output_format(str(fifo)) is None  # would block forever if opened


# -- --output over an input --------------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["reports/faulty.md", "./reports/../reports/faulty.md", "link.md", "hard.md"])
def test_output_naming_a_checked_report_is_refused_before_anything_is_written(capsys, repository, spelling):
    report = repository / "reports" / "faulty.md"
    (repository / "link.md").symlink_to(report)
    os.link(report, repository / "hard.md")
    before = report.read_bytes()
    code, out, err = run(capsys, "check", "reports", "--format", "html", "-o", spelling)
    assert code == 2 and out == "" and report.read_bytes() == before
    assert err == (f"giklint: --output: “{spelling}”是本次读取的报告（reports/faulty.md），不能用来写入结果；"
                   f"请写到别的文件\n")


def test_output_naming_the_configuration_or_last_years_report_is_refused(capsys, repository):
    config, last_year = repository / "giklint.toml", repository / "last.md"
    shutil.copy2(CLEAN, last_year)
    code, _, err = run(capsys, "check", "reports", "-o", "giklint.toml")
    assert code == 2 and "是本次读取的配置文件" in err and config.read_text(encoding="utf-8") == 'select = ["ALL"]\n'
    code, _, err = run(capsys, "check", "reports/faulty.md", "--previous", "last.md", "-o", "last.md")
    assert code == 2 and "是本次读取的上一年度的报告（last.md）" in err
    assert last_year.read_bytes() == CLEAN.read_bytes()


def test_parse_output_naming_its_own_input_is_refused(capsys, repository):
    report = repository / "reports" / "clean.md"
    code, out, err = run(capsys, "parse", "reports/clean.md", "-o", "reports/clean.md")
    assert code == 2 and out == "" and "是本次读取的报告（reports/clean.md）" in err
    assert report.read_bytes() == CLEAN.read_bytes()


def test_output_to_a_new_file_or_beside_the_inputs_is_written(capsys, repository):
    code, _, err = run(capsys, "check", "reports", "--format", "json", "-o", "reports/new.json")
    assert code == 1, err
    assert Path("reports/new.json").read_text(encoding="utf-8").startswith("[")
