"""Batch output is written as the files are checked, in input order, and memory stays flat.

``--format text``, ``json`` and ``jsonl`` write each file's findings as it is checked; the results
are not kept. The ratio test below is the linearity check the performance issue asks for: eight
times the files must not take (anywhere near) eight times the memory. The cross-year rules (GK6)
pair a batch's reports only once all are read: their results wait in a temporary file meanwhile, so
memory stays flat with them too.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.cli import main
from giklint.options import Options
from giklint.output import json as json_output
from giklint.output import jsonl
from giklint.runner import check_paths, stream_paths

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_REPORTS = ROOT / "examples" / "reports"
STREAMED = Options.of(ignore="GK6")
# A short report with findings (no title, no contacts, a missing section...): cheap to check many times.
SHORT_REPORT = "一、总体情况\n\n本机关2021年主动公开政府信息12条。\n\n二、主动公开政府信息情况\n\n（略）\n"


SOME_REPORTS = [str(EXAMPLE_REPORTS / name) for name in ("faulty-balance.md", "clean-2021.md", "faulty-numbering.txt")]


def test_jsonl_is_the_json_findings_one_a_line(capsys):
    assert main(["check", *SOME_REPORTS, "--format", "json", "--jobs", "1"]) == 1
    listed = json.loads(capsys.readouterr().out)
    assert main(["check", *SOME_REPORTS, "--format", "jsonl", "--jobs", "1"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(listed) > 1 and [json.loads(line) for line in lines] == listed


def test_json_written_item_by_item_is_the_json_document():
    results = check_paths(SOME_REPORTS, jobs=1).results
    expected = json.dumps([f.to_dict() for r in results for f in r.findings], ensure_ascii=False, indent=2) + "\n"
    assert json_output.render(results) == expected
    assert json_output.render([]) == "[]\n" == json.dumps([], indent=2) + "\n"


def test_results_come_while_the_run_goes_on_in_input_order(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.md").write_text(SHORT_REPORT, encoding="utf-8")
    progress = []
    run = stream_paths([str(tmp_path)], STREAMED, jobs=1, progress=lambda done, total: progress.append(done))
    first = next(run.results)
    assert first.path.endswith("0.md") and progress[-1] < 6  # the first result before the last file is checked
    rest = list(run.results)
    assert [Path(r.path).name for r in [first] + rest] == [f"{i}.md" for i in range(6)]
    assert run.exit_code == 1 and progress[-1] == 6


def peak_memory_of_a_streamed_run(folder: Path, options: Options = STREAMED) -> int:
    tracemalloc.start()
    try:
        run = stream_paths([str(folder)], options, jobs=1, keep_documents=False)
        jsonl.write(run.results, run.rules, {}, _Discard())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


class _Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def test_memory_is_flat_in_the_number_of_files(tmp_path):
    report = tmp_path / "report.md"
    report.write_text(SHORT_REPORT, encoding="utf-8")
    peaks = {}
    check_paths([str(report)], STREAMED, jobs=1)  # warm: caches filled, regexes compiled
    for count in (20, 160):
        folder = tmp_path / f"batch-{count}"
        folder.mkdir()
        for i in range(count):
            shutil.copyfile(report, folder / f"{i:04d}.md")
        peaks[count] = peak_memory_of_a_streamed_run(folder)
    # a run of up to giklint.runner.LISTED_TARGETS files lists them before it starts (~0.5 KiB a file;
    # a larger run keeps nothing per file: test_a_run_keeps_nothing_per_file_but_its_pairing_key):
    # allow that, not the results
    assert peaks[160] < peaks[20] * 1.5 + 160 * 1200, peaks


def test_with_the_cross_year_rules_the_results_come_once_all_are_read(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.md").write_text(SHORT_REPORT, encoding="utf-8")
    progress = []
    run = stream_paths([str(tmp_path)], Options(), jobs=1, progress=lambda done, total: progress.append(done))
    first = next(run.results)
    assert first.path.endswith("0.md") and progress[-1] == 3


def peak_memory_until_the_first_result(folder: Path) -> int:
    """With the cross-year rules the first result comes once every report is read and paired."""
    tracemalloc.start()
    try:
        run = stream_paths([str(folder)], Options(cache=False), jobs=1, keep_documents=False)  # every file checked
        next(run.results)
        peak = tracemalloc.get_traced_memory()[1]
        list(run.results)
        return peak
    finally:
        tracemalloc.stop()


def test_memory_is_flat_with_the_cross_year_rules_too(tmp_path):
    """Every report here has an agency and a year, so a record for pairing (about 8 KiB each) and its
    result wait until all are read: on disk, not in memory."""
    report = EXAMPLE_REPORTS / "clean-2021.md"
    held = {}
    for count in (8, 8, 64):  # the first run warms what is made once (caches, imports)
        folder = tmp_path / f"batch-{count}"
        folder.mkdir(exist_ok=True)
        for i in range(count):
            shutil.copyfile(report, folder / f"{i:04d}.md")
        held[count] = peak_memory_until_the_first_result(folder)
    # per report a key and two places in the temporary file stay in memory, and pairing them all at
    # the end takes a little more (together about 3 KiB), not the 9 KiB record and its result
    assert held[64] - held[8] < 56 * 5 * 1024, held


# A run's own bookkeeping, in a fresh process: the folder walked, the pool fed and its results put in
# order, the cross-year records spooled and paired, the JSON written. Each file's check is a trivial
# one here (what a real check takes is the worker's, bounded by its memory limit, and the bench's
# row 4 measures it), so what grows with the number of files is the run's alone.
RUN_BOOKKEEPING = """
import io, sys, tracemalloc
from giklint import runner
from giklint.crossyear import YearRecord
from giklint.options import Options
from giklint.output import json as json_output
from giklint.pairing import ReportKey

def paired_trivially(path, root, options, keep_document, for_pairing=False):
    result = runner.FileResult(path)
    if for_pairing:  # a record for pairing, as a report with an agency and a year has
        result.year_record = YearRecord(ReportKey("青禾县卫生健康局", 2021), b"")
    return result

class Discard(io.TextIOBase):
    def write(self, text):
        return len(text)

def run(folder):
    run = runner.stream_paths([folder], Options(cache=False), jobs=2, keep_documents=False)
    json_output.write(run.results, run.rules, {}, Discard())
    return run.checked

runner._check_for_batch = paired_trivially
run(sys.argv[2])  # warm: plugins loaded, caches filled, modules imported
tracemalloc.start()
checked = run(sys.argv[1])
print(checked, tracemalloc.get_traced_memory()[1])
"""


def peak_of_a_run(folder: Path, warm: Path) -> int:
    """Peak memory traced in a new process while it checks ``folder`` (files of 100 a folder)."""
    env = dict(os.environ, GIKLINT_CACHE_DIR="")
    done = subprocess.run([sys.executable, "-c", RUN_BOOKKEEPING, str(folder), str(warm)], capture_output=True,
                          text=True, env=env, check=True)
    checked, peak = (int(word) for word in done.stdout.split())
    assert checked == sum(1 for _ in folder.rglob("*.md"))
    return peak


def test_a_run_keeps_nothing_per_file_but_its_pairing_key(tmp_path):
    """What made the parent grow with the files (each one's path and target kept for the input order,
    the pool's list of tasks, the pairing's objects per report) must not come back: 3,000 files may
    take no more than 160 bytes a file more than 300 (today: a cross-year key and its record's
    place, about 50 bytes; the run before this test was written took about 1 KiB a file)."""
    (tmp_path / "one.md").write_text(SHORT_REPORT, encoding="utf-8")
    folders = {}
    for count in (300, 3000):
        folders[count] = tmp_path / f"batch-{count}"
        for i in range(count):
            folder = folders[count] / f"{i // 100:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            os.link(tmp_path / "one.md", folder / f"{i:04d}.md")
    small, large = (peak_of_a_run(folders[count], folders[300]) for count in (300, 3000))
    assert (large - small) / 2700 < 160, (small, large)
