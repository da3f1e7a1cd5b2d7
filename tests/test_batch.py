"""Batch checking: many files in parallel with results in input order, --statistics, an unreadable file
among good ones, and the progress bar (on a terminal only).

The parallel runs use real worker processes and the installed command in subprocesses; the
progress bar is checked on a real pseudo-terminal.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _engine_helpers import REPORT, fake_project, run_giklint, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.cli import main
from giklint.options import Options
from giklint.runner import check_paths
from giklint.targets import unique_targets
from giklint.progress import MIN_FILES, ProgressBar, bar_text, should_draw

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_REPORTS = ROOT / "examples" / "reports"

# A rule that says which process checked the file: proof that a pool did the work.
PID_PLUGIN = '''
import os
from giklint import hookimpl
from giklint.rule import Rule


class Pid(Rule):
    """fake-pid (FK009): 检查进程"""
    code = "FK009"
    slug = "fake-pid"
    severity = "info"
    summary = "检查这个文件的进程"

    def check(self, ctx):
        yield self.finding(ctx, f"pid={os.getpid()}")


@hookimpl
def giklint_rules():
    return [Pid]
'''

# A rule that kills the process checking a file named crash*.md, as a crash in a parsing library would.
CRASH_PLUGIN = PID_PLUGIN.replace('yield self.finding(ctx, f"pid={os.getpid()}")', """if "crash" in ctx.path:
            os._exit(3)
        yield self.finding(ctx, f"pid={os.getpid()}")""")

ONE_MARKER = REPORT.replace("这里也有标记。", "这里没有。")


def reports(root: Path, count: int, text: str = REPORT) -> Path:
    folder = root / "reports"
    for i in range(count):
        write(folder / f"r{i:02d}.md", text)
    return folder


# -- parallel = sequential ---------------------------------------------------------------------

def test_parallel_and_sequential_runs_print_the_same_in_the_same_order():
    args = ("check", "examples/reports", "--statistics")
    sequential = run_giklint(*args, "--jobs", "1", cwd=ROOT)
    parallel = run_giklint(*args, "--jobs", "3", cwd=ROOT)
    assert sequential.returncode == parallel.returncode == 1
    assert parallel.stdout == sequential.stdout and parallel.stderr == sequential.stderr
    finding_paths = [line.split(":")[0] for line in parallel.stdout.splitlines() if line.startswith("examples/")]
    assert len(set(finding_paths)) > 5
    assert finding_paths == sorted(finding_paths)  # a folder is checked in name order


def test_results_come_back_in_input_order_from_worker_processes(tmp_path):
    fake_project(tmp_path, plugin=PID_PLUGIN)
    reports(tmp_path, 8)
    given = [str(p) for p in sorted((tmp_path / "reports").glob("*.md"), reverse=True)]  # 8 and report.md
    options = Options(select=("FK009",))
    parallel = check_paths(given, options, jobs=2)
    sequential = check_paths(given, options, jobs=1)
    assert len(given) == 9
    assert [r.path for r in parallel.results] == [r.path for r in sequential.results] == given
    pids = [f.message for r in parallel.results for f in r.findings]
    assert len(pids) == 9 and f"pid={os.getpid()}" not in pids
    assert {f.message for r in sequential.results for f in r.findings} == {f"pid={os.getpid()}"}


def test_findings_only_runs_drop_model_and_text_and_the_outputs_stay_the_same(monkeypatch):
    from giklint.plugins import catalog

    monkeypatch.chdir(ROOT)
    full = check_paths(["examples/reports", "examples/formats"], jobs=1)
    slim = check_paths(["examples/reports", "examples/formats"], jobs=3, keep_documents=False)
    checked = [r for r in slim.results if not r.error]
    assert all(r.model is None and r.document.lines == [] for r in checked)
    assert {r.document.format for r in checked} >= {"markdown", "text", "html", "docx", "pdf"}
    assert sum(bool(r.model and r.document.lines) for r in full.results) > 30
    formatters, rules = catalog().formatters, catalog().rules
    options = {"statistics": True, "quiet": False, "output": None, "root": str(ROOT)}
    for name in ("text", "json", "sarif", "github"):
        render = formatters[name].render
        assert render(slim.results, rules, options) == render(full.results, rules, options), name


def test_a_config_error_in_a_worker_is_exit_2_with_its_message(tmp_path):
    project = fake_project(tmp_path, '[rules.fake-marker]\nwrod = "x"\n')
    reports(tmp_path, 4)
    proc = run_giklint("check", "reports", "--jobs", "2", cwd=project["root"])
    assert proc.returncode == 2
    assert f"{project['config']}: rules.fake-marker.wrod: 规则 FK001 fake-marker 没有这个选项" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_a_worker_that_dies_is_exit_2_with_a_message_naming_the_file(tmp_path):
    project = fake_project(tmp_path, plugin=CRASH_PLUGIN)
    reports(tmp_path, 3)
    write(tmp_path / "reports" / "crash.md", REPORT)
    proc = run_giklint("check", "reports", "--select", "FK009", "--jobs", "2", cwd=project["root"])
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "giklint: 检查进程意外退出（可能是检查 reports/crash.md 或同时检查的文件时" in proc.stderr


def test_standard_input_takes_its_place_among_files_checked_in_parallel(tmp_path):
    project = fake_project(tmp_path)
    write(tmp_path / "reports" / "z.md", ONE_MARKER)
    proc = run_giklint("check", "reports/z.md", "-", "reports/report.md", "--stdin-filename", "reports/in.md",
                       "--select", "FK001", "-q", "--jobs", "2", cwd=project["root"], stdin=ONE_MARKER)
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == [
        "reports/z.md", "reports/in.md", "reports/report.md", "reports/report.md"]


# -- an unreadable file among good ones --------------------------------------------------------

def test_an_unreadable_file_in_a_folder_is_reported_and_the_others_checked(tmp_path):
    project = fake_project(tmp_path)
    write(tmp_path / "reports" / "a.md", REPORT)
    (tmp_path / "reports" / "b.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")  # cut off
    write(tmp_path / "reports" / "c.md", ONE_MARKER)
    proc = run_giklint("check", "reports", "--select", "FK001", "--jobs", "2", cwd=project["root"])
    assert proc.returncode == 2
    assert "giklint: reports/b.pdf: PDF文件不完整" in proc.stderr and "Traceback" not in proc.stderr
    assert [line.split(":")[0] for line in proc.stdout.splitlines()[:-1]] == [
        "reports/a.md", "reports/a.md", "reports/c.md", "reports/report.md", "reports/report.md"]
    assert proc.stdout.splitlines()[-1].endswith("检查了 3 个文件，1 个文件无法读取。")


# -- --statistics ------------------------------------------------------------------------------

def test_statistics_count_per_rule_and_per_file_after_the_findings(tmp_path, capsys, monkeypatch):
    project = fake_project(tmp_path)
    write(tmp_path / "reports" / "one.md", ONE_MARKER)
    write(tmp_path / "reports" / "zero.md", REPORT.replace("标记", "记号"))
    monkeypatch.chdir(project["root"])
    code = main(["check", "reports", "--select", "FK001,FK002", "--statistics", "--jobs", "2"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    start = lines.index("按规则统计：")
    assert all(line.startswith("reports/") for line in lines[:start]) and len(lines[:start]) == 6
    assert [line.split()[:4] for line in lines[start + 1:start + 3]] == [
        ["3", "FK001", "fake-marker", "[warning]"], ["3", "FK002", "fake-settings", "[info]"]]
    assert lines[start + 3] == "按机关统计（文件 错误 警告 提示）："  # the fake reports share one agency
    assert len(lines[start + 4].split()) == 5 and lines[start + 4].split()[:4] == ["3", "0", "3", "3"]
    assert lines[start + 5:-1] == ["按文件统计（错误 警告 提示）：",
                                   "     0     1     1  reports/one.md",
                                   "     0     2     1  reports/report.md",
                                   "     0     0     1  reports/zero.md"]
    assert lines[-1].startswith("共 6 个问题")


def test_statistics_leave_the_json_list_as_it_is(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(fake_project(tmp_path)["root"])
    main(["check", "reports", "--select", "FK001", "--format", "json"])
    plain = capsys.readouterr().out
    main(["check", "reports", "--select", "FK001", "--format", "json", "--statistics"])
    assert capsys.readouterr().out == plain and plain.startswith("[")


# -- the progress bar --------------------------------------------------------------------------

@pytest.mark.parametrize("is_tty, quiet, total, elapsed, drawn", [
    (True, False, MIN_FILES + 1, 0.0, True),
    (True, False, MIN_FILES, 0.0, False),  # a short run: no bar ...
    (True, False, 3, 1.5, True),  # ... unless it takes a while
    (True, False, 1, 5.0, False),  # one file: nothing to count
    (False, False, 500, 5.0, False),  # piped or redirected: never
    (True, True, 500, 5.0, False),  # --quiet
])
def test_the_bar_is_drawn_only_on_a_terminal_for_long_runs(is_tty, quiet, total, elapsed, drawn):
    assert should_draw(is_tty, quiet, total, elapsed) is drawn


def test_bar_text():
    assert bar_text(0, 4, width=8) == "[        ] 0/4 文件"
    assert bar_text(3, 4, width=8) == "[######  ] 3/4 文件"
    assert bar_text(4, 4, width=8) == "[########] 4/4 文件"


def test_a_bar_is_not_written_to_a_stream_that_is_no_terminal():
    stream = io.StringIO()
    with ProgressBar(stream) as bar:
        for done in range(101):
            bar(done, 100)
    assert stream.getvalue() == ""


def read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other end is closed (EIO on Linux)
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_the_bar_appears_on_a_terminal_and_not_when_piped(tmp_path):
    pty = pytest.importorskip("pty")
    project = fake_project(tmp_path)
    reports(tmp_path, MIN_FILES + 4)
    command = [str(Path(sys.executable).with_name("giklint")), "check", "reports", "--select", "FK001", "--jobs", "2"]
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.Popen(command, cwd=project["root"], stdout=subprocess.PIPE, stderr=terminal)
        os.close(terminal)
        out = proc.communicate(timeout=120)[0].decode("utf-8")  # the bar's few bytes wait in the terminal
        on_terminal = read_all(controller).decode("utf-8")
    finally:
        os.close(controller)
    total = MIN_FILES + 5  # the copies and the project's own report
    assert f"\r[{'#' * 30}] {total}/{total} 文件" in on_terminal and f"] 0/{total} 文件" in on_terminal
    assert on_terminal.endswith("\r")  # wiped at the end
    assert "\r" not in out and f"/{total} 文件" not in out  # the bar goes to the terminal only
    piped = run_giklint("check", "reports", "--select", "FK001", "--jobs", "2", cwd=project["root"])
    assert piped.stdout == out and piped.stderr == ""
