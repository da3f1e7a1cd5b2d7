"""The ``giklint`` command holds the garbage collector back while it starts up, and only then.

Checking files must happen with the collector running (a batch of thousands of reports, or a caller
that lives on, must not grow without bound), and code that uses giklint as a library keeps its
collector as it was.
"""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from giklint import gc_policy

REPORT = Path(__file__).resolve().parents[1] / "examples" / "reports" / "clean-2021.md"


def test_the_command_checks_files_with_the_collector_running_and_its_start_up_frozen_and_at_its_end(tmp_path):
    script = (
        "import gc, sys\n"
        "from giklint import entry, runner\n"
        "seen, frozen = [], []\n"
        "real = runner.stream_paths\n"
        "def watched(*args, **kwargs):\n"
        "    seen.append((gc.isenabled(), gc.get_freeze_count() > 0))\n"
        "    frozen.append(gc.get_freeze_count())\n"
        "    return real(*args, **kwargs)\n"
        "runner.stream_paths = watched\n"
        "code = entry.main(['check', '--no-cache', '--quiet', sys.argv[1]])\n"
        "print(code, seen, gc.isenabled(), gc.get_freeze_count() > frozen[0])\n")
    done = subprocess.run([sys.executable, "-c", script, str(REPORT)], capture_output=True, text=True,
                          env={"GIKLINT_CACHE_DIR": str(tmp_path), "PATH": ""}, check=True)
    assert done.stdout.split("\n")[-2] == "0 [(True, True)] True True", done.stderr


def test_other_commands_run_with_the_collector_running(tmp_path):
    script = ("import gc, sys\nfrom giklint import entry\n"
              "code = entry.main(['parse', sys.argv[1]])\nprint(code, gc.isenabled(), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script, str(REPORT)], capture_output=True, text=True,
                          env={"GIKLINT_CACHE_DIR": str(tmp_path), "PATH": ""}, check=True)
    assert done.stderr.strip().splitlines()[-1] == "0 True"


def test_a_library_caller_keeps_its_collector_as_it_was():
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    gc_policy.settle()  # never paused: nothing to do
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        gc_policy.pause()  # the caller turned it off itself: settling must not turn it on
        gc_policy.settle()
        assert not gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.enable()


def test_a_batch_worker_collects_its_young_objects_less_often_and_still_collects_cycles():
    from giklint.pool import WorkerLimits, run_tasks

    assert list(run_tasks(_worker_collector, [[0, 1]], 2, WorkerLimits())) == [(gc_policy.WORKER_YOUNG_THRESHOLD, gc.get_threshold()[1:], True)] * 2


def _worker_collector(_: int):
    import weakref

    class Node:
        pass

    node = Node()
    node.itself = node  # a cycle: only the collector frees it
    gone = weakref.ref(node)
    del node
    kept = [[] for _ in range(3 * gc_policy.WORKER_YOUNG_THRESHOLD)]  # containers enough for young collections
    del kept
    threshold = gc.get_threshold()
    return threshold[0], threshold[1:], gone() is None
