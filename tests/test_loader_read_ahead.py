"""The PDF a command names, read ahead while the command starts up (giklint/loaders/read_ahead.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

from conftest import EXAMPLES
from giklint.loaders import read_ahead
from giklint.loaders._child import Limited
from giklint.loaders.pdf import load_pdf, read_pdf

REPORT = EXAMPLES / "formats" / "report-2021.pdf"
OTHER = EXAMPLES / "formats" / "report-2021-borderless.pdf"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="read ahead only where a process can fork")

# Runs the installed command in a process of its own and prints, for every reading child started, whether
# the runner (imported once the plugins and rules are loaded) was imported yet: False = read ahead.
CHILDREN_STARTED = """
import json, sys
from giklint.loaders import _child
started = []
made = _child.Limited.__init__
def spy(self, *args):
    started.append("giklint.runner" in sys.modules)
    made(self, *args)
_child.Limited.__init__ = spy
from giklint.entry import main
code = main(sys.argv[1:])
print(json.dumps(started), file=sys.stderr)
sys.exit(code)
"""


@pytest.fixture(autouse=True)
def nothing_left_pending():
    yield
    read_ahead.abandon()


def children_started(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILDREN_STARTED, *args], cwd=str(cwd), capture_output=True,
                          timeout=120, env={**os.environ, "GIKLINT_CACHE_DIR": ""})


def started_list(run: subprocess.CompletedProcess) -> List[bool]:
    return json.loads(run.stderr.decode("utf-8").strip().splitlines()[-1])


def gone(pid: int) -> bool:
    """Whether the child ``pid`` has ended and been waited for (no zombie left behind)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_named_pdf_is_read_by_a_child_started_before_the_plugins_and_rules_are_loaded(tmp_path):
    (tmp_path / "r.pdf").write_bytes(REPORT.read_bytes())
    ahead = children_started("check", "--format", "json", "r.pdf", cwd=tmp_path)
    assert ahead.returncode == 0, ahead.stderr.decode()[-2000:]
    assert started_list(ahead) == [False]  # one child, read ahead, and no second one
    # --force-exclude turns reading ahead off: the same findings, read by a child started at the file's turn
    at_its_turn = children_started("check", "--format", "json", "--force-exclude", "r.pdf", cwd=tmp_path)
    assert started_list(at_its_turn) == [True]
    assert ahead.stdout == at_its_turn.stdout and json.loads(ahead.stdout) == []


def test_parse_reads_its_pdf_ahead_and_gives_the_same_model(tmp_path):
    (tmp_path / "r.pdf").write_bytes(REPORT.read_bytes())
    run = children_started("parse", "r.pdf", cwd=tmp_path)
    assert run.returncode == 0 and started_list(run) == [False]
    assert json.loads(run.stdout)["source"]["format"] == "pdf"


def test_the_answer_read_ahead_is_the_document_the_file_gives():
    data = REPORT.read_bytes()
    read_ahead.start([str(REPORT)])
    child = read_ahead._started[2]
    assert load_pdf(data, str(REPORT)) == read_pdf(data, str(REPORT))
    assert read_ahead._started is None and gone(child.pid)


def test_a_file_that_changed_after_it_was_read_ahead_is_read_again(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(REPORT.read_bytes())
    read_ahead.start([str(path)])
    child = read_ahead._started[2]
    changed = OTHER.read_bytes()
    path.write_bytes(changed)
    assert load_pdf(changed, str(path)) == read_pdf(changed, str(path))  # the new bytes, not the old ones
    assert gone(child.pid)


def test_a_child_for_another_path_is_left_for_its_own_path():
    read_ahead.start([str(REPORT)])
    child = read_ahead._started[2]
    other = OTHER.read_bytes()
    assert load_pdf(other, str(OTHER)) == read_pdf(other, str(OTHER))  # e.g. --previous, read first
    assert read_ahead.take(str(REPORT), REPORT.read_bytes()) is child


def test_a_child_no_one_takes_is_ended_with_the_command():
    read_ahead.start([str(REPORT)])
    child = read_ahead._started[2]
    read_ahead.abandon()
    assert read_ahead._started is None and gone(child.pid)


def test_a_process_forked_after_the_read_ahead_never_takes_its_child():
    read_ahead.start([str(REPORT)])
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # a worker forked meanwhile: the child is not its own
        taken = read_ahead.take(str(REPORT), REPORT.read_bytes())
        os.write(writer, b"none" if taken is None else b"taken")
        os._exit(0)
    os.close(writer)
    os.waitpid(pid, 0)
    assert os.read(reader, 16) == b"none"
    os.close(reader)
    assert read_ahead.take(str(REPORT), REPORT.read_bytes()) is not None  # still this process's to take


def named(tmp_path: Path, name: str, data: bytes) -> str:
    (tmp_path / name).write_bytes(data)
    return str(tmp_path / name)


@pytest.mark.parametrize("case", ["two files", "a folder", "standard input", "a Markdown file", "HTML named .pdf",
                                  "missing", "a FIFO named .pdf"])
def test_only_one_named_pdf_file_is_read_ahead(tmp_path, case):
    pdf = named(tmp_path, "r.pdf", REPORT.read_bytes())
    paths = {"two files": [pdf, pdf],
             "a folder": [str(tmp_path)],
             "standard input": ["-"],
             "a Markdown file": [named(tmp_path, "r.md", b"# report\n")],
             "HTML named .pdf": [named(tmp_path, "h.pdf", b"<html><body>report</body></html>")],
             "missing": [str(tmp_path / "missing.pdf")]}.get(case)
    if case == "a FIFO named .pdf":
        os.mkfifo(tmp_path / "f.pdf")
        paths = [str(tmp_path / "f.pdf")]
    read_ahead.start(paths)
    assert read_ahead._started is None


def test_a_child_read_ahead_keeps_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("GIKLINT_PDF_SECONDS", "0")
    path = named(tmp_path, "r.pdf", REPORT.read_bytes())
    read_ahead.start([path])
    assert isinstance(read_ahead._started[2], Limited)
    from giklint.errors import InputError

    with pytest.raises(InputError) as error:
        load_pdf(REPORT.read_bytes(), path)
    assert "GIKLINT_PDF_SECONDS" in error.value.reason


def _large_answer() -> bytes:
    return b"x" * (4 << 20)  # more than a pipe holds: the child waits until the parent reads


def test_a_child_that_answered_in_time_is_read_though_the_parent_listens_after_its_limit():
    import time

    child = Limited(_large_answer, (), 512 * 1024 ** 2, 0.3)
    time.sleep(0.6)  # the command still starting up when the child's seconds are over
    assert child.outcome("r.pdf", "PDF", "max_pdf_memory", "pdf_seconds") == _large_answer()
    assert gone(child.pid)
