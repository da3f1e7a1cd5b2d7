"""The ``giklint`` command leaves without the interpreter's tear-down, and nothing else changes:
its exit codes, its whole output, the exit handlers' work (the user cache) and other threads' work."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"
CLEAN = EXAMPLES / "clean-2021.md"


def _run(script: str, *args: str, cache: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          env={"GIKLINT_CACHE_DIR": str(cache), "PATH": ""}, timeout=120)


COMMAND = "import sys\nfrom giklint.entry import run\nsys.argv[0] = 'giklint'\nrun()\n"
NORMAL_EXIT = "import sys\nfrom giklint.entry import main\nsys.argv[0] = 'giklint'\nsys.exit(main())\n"


@pytest.mark.parametrize("arguments", [
    ["check", "--no-cache", "--format", "json", str(CLEAN)],          # 0: clean
    ["check", "--no-cache", "--format", "json", str(EXAMPLES)],       # 1: findings, a long output
    ["check", "--no-cache", str(EXAMPLES / "no-such-report.md")],    # 2: bad input
    ["check", "--no-such-option"],                                      # 2: usage (argparse's own exit)
])
def test_exit_code_and_output_are_those_of_a_normal_exit(arguments, tmp_path):
    quick = _run(COMMAND, *arguments, cache=tmp_path / "a")
    normal = _run(NORMAL_EXIT, *arguments, cache=tmp_path / "b")
    assert (quick.returncode, quick.stdout, quick.stderr) == (normal.returncode, normal.stdout, normal.stderr)
    if arguments[-1] == str(EXAMPLES):
        assert quick.returncode == 1 and json.loads(quick.stdout)  # all of it written before the end


def test_the_exit_handlers_run_so_the_user_cache_is_written(tmp_path):
    quick = _run(COMMAND, "check", "--quiet", str(CLEAN), cache=tmp_path / "a")
    normal = _run(NORMAL_EXIT, "check", "--quiet", str(CLEAN), cache=tmp_path / "b")
    assert quick.returncode == normal.returncode == 0, quick.stderr
    assert _kinds_written(tmp_path / "a") == _kinds_written(tmp_path / "b")
    assert len(_kinds_written(tmp_path / "a")) >= 3  # the kept tables, and the result of the check


def _kinds_written(cache: Path) -> list:
    """Each file the cache holds, by table name or (a check's result, keyed by its inputs) by folder."""
    return sorted(p.parent.name if p.suffix == ".pickle" else p.name for p in cache.rglob("*") if p.is_file())


SCRIPT = """
import atexit, sys, time
from giklint.entry import leave

class Noisy:
    def __del__(self):
        sys.stderr.write("torn down\\n")

kept = Noisy()
atexit.register(lambda: sys.stdout.write("exit handler\\n"))
if sys.argv[1] == "thread":
    import threading
    threading.Thread(target=lambda: (time.sleep(0.3), sys.stdout.write("thread done\\n"))).start()
sys.stdout.write("unflushed")  # still in the buffer when leave() is called
leave(3)
"""


def test_leave_skips_the_tear_down_but_not_the_exit_handlers(tmp_path):
    done = _run(SCRIPT, "alone", cache=tmp_path)
    assert done.returncode == 3
    assert done.stdout == "unflushedexit handler\n"
    assert "torn down" not in done.stderr  # the interpreter was not torn down: that is the saving


def test_leave_exits_normally_while_another_thread_runs(tmp_path):
    done = _run(SCRIPT, "thread", cache=tmp_path)
    assert done.returncode == 3
    assert "thread done" in done.stdout and "exit handler" in done.stdout
    assert "torn down" in done.stderr  # a normal exit, which waited for the thread
