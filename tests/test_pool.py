"""giklint.pool: tasks in worker processes, results in input order, whatever a task does to its worker.

Real worker processes; the tasks below kill, hang or exit their own process for real. The command
line's side of it (a plugin that does so on one file of a batch) is in test_batch_survives.py.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time

import pytest

from giklint.pool import CRASHED, EXITED, TIMEOUT, Failure, WorkerFailure, WorkerLimits, run_tasks


def behave(name: str) -> str:
    if name == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if name == "hang":
        time.sleep(600)
    if name == "exit":
        sys.exit(0)
    if name == "raise":
        raise ValueError("故意")
    return f"{name}@{os.getpid()}"


def address_space_left(_: str) -> int:
    import resource

    from giklint.loaders._child import address_space

    return resource.getrlimit(resource.RLIMIT_AS)[0] - address_space()


def failed(arguments, failure: Failure) -> str:
    return f"{arguments[0]}: {failure.kind} {failure.detail}"


def test_results_come_in_input_order_from_other_processes():
    names = [f"n{i}" for i in range(12)]
    results = list(run_tasks(behave, [names], workers=3))
    assert [r.split("@")[0] for r in results] == names
    pids = {r.split("@")[1] for r in results}
    assert str(os.getpid()) not in pids and 1 <= len(pids) <= 3


def test_a_killed_task_is_a_failure_and_every_other_result_is_kept():
    names = ["a", "b", "kill", "c", "d", "e"]
    results = list(run_tasks(behave, [names], workers=2, on_failure=failed))
    assert results[2] == f"kill: {CRASHED} 信号 SIGKILL"
    assert [r.split("@")[0] for i, r in enumerate(results) if i != 2] == ["a", "b", "c", "d", "e"]


def test_a_task_past_the_time_limit_is_stopped_and_its_worker_replaced():
    names = ["a", "hang", "b", "c"]
    results = list(run_tasks(behave, [names], workers=2, limits=WorkerLimits(seconds=1), on_failure=failed))
    assert results[1] == f"hang: {TIMEOUT} 1"
    assert [r.split("@")[0] for r in results[::2] + results[3:]] == ["a", "b", "c"]


def test_a_task_that_exits_does_not_end_the_run():
    results = list(run_tasks(behave, [["exit", "a"]], workers=2, on_failure=failed))
    assert results[0] == f"exit: {EXITED} SystemExit: 0" and results[1].startswith("a@")


def test_without_on_failure_a_failure_is_raised_in_its_turn():
    results = run_tasks(behave, [["a", "kill", "b"]], workers=2)
    assert next(results).startswith("a@")
    with pytest.raises(WorkerFailure) as raised:
        next(results)
    assert raised.value.args[0] == Failure(CRASHED, "信号 SIGKILL")


def test_an_exception_is_raised_in_its_turn_after_the_results_before_it():
    results = run_tasks(behave, [["a", "raise", "b"]], workers=2)
    assert next(results).startswith("a@")
    with pytest.raises(ValueError, match="故意"):
        next(results)


def test_each_worker_may_add_the_memory_limit_to_its_address_space():
    limit = 3 << 30
    left = list(run_tasks(address_space_left, [["a", "b"]], workers=2, limits=WorkerLimits(memory=limit)))
    assert len(left) == 2 and all(limit - (64 << 20) < room <= limit for room in left), left


def test_no_worker_outlives_a_run_read_to_its_end_or_dropped_half_way():
    list(run_tasks(behave, [["a", "b", "c"]], workers=2))
    assert multiprocessing.active_children() == []
    results = run_tasks(behave, [["a", "hang", "hang"]], workers=3)
    assert next(results).startswith("a@")
    results.close()  # the caller stops reading (Ctrl-C, an error): the hanging workers are killed
    assert multiprocessing.active_children() == []


def test_tasks_are_taken_as_workers_need_them_a_bounded_number_ahead():
    """The pool reads its tasks lazily: when the first result comes, no more than ``window`` tasks past
    it have been taken (a run of any length keeps only those)."""
    taken = []

    def names():
        for i in range(200):
            taken.append(i)
            yield f"n{i}"

    results = run_tasks(behave, [names()], workers=2, window=8)
    assert next(results).startswith("n0@") and len(taken) <= 1 + 8
    assert [result.split("@")[0] for result in results] == [f"n{i}" for i in range(1, 200)]
