"""Worker processes for a batch that survives its worst file: a crash, a hang or a memory bomb.

:func:`run_tasks` is ``map(task, *iterables)`` in ``workers`` processes, results in input order, for
:mod:`giklint.runner`. It is not :class:`concurrent.futures.ProcessPoolExecutor` because a worker
that dies there (killed by the kernel for memory, a segfault or an abort in a parsing library)
breaks the whole pool: every result not yet collected is lost, and the pool cannot say which task
killed it; nor can it stop a task that never ends. Here each worker holds one task at a time, so the
parent always knows what a dead or late worker was doing:

- A worker that dies makes its task a *suspect*. No new task is handed out until the tasks in flight
  are done; then the suspect runs again alone, in a new worker. One killed for another's memory
  gives its result; one that dies again is the culprit: a :class:`Failure` (``crashed``). Then the
  pool goes on with new workers. Results already collected are kept.
- A task running longer than ``limits.seconds`` has its worker killed and replaced: a ``timeout``.
- A task that raises ``SystemExit`` (or another ``BaseException`` that is no ``Exception``) in a
  worker is an ``exited`` failure: it must not end the run that asked for it. An ``Exception`` is
  raised again in the parent when its result's turn comes, as ``map`` would.
- ``limits.memory`` caps what each worker adds to its address space (``RLIMIT_AS``, soft limit), so a memory bomb
  is a ``MemoryError`` in that worker (or a crash of that worker) instead of the kernel killing
  whichever process it picks when the machine runs out.

What becomes of a failed task is the caller's (``on_failure``): the runner makes it that file's error.
"""
from __future__ import annotations

import os
import signal
import time
from collections import deque
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from giklint import gc_policy
from giklint.records import dataclass

Arguments = Tuple[Any, ...]
Task = Callable[..., Any]

CRASHED, TIMEOUT, EXITED = "crashed", "timeout", "exited"
_RESULT, _RAISED = "result", "raised"
PARENT_CHECK_SECONDS = 1.0  # how often an idle worker looks whether its parent still lives
# Tasks taken per worker past the first result not given back: enough that one slow file does not
# idle the others for long, few enough that the finished results held back stay a handful
WINDOW_PER_WORKER = 32


@dataclass(frozen=True)
class WorkerLimits:
    """What one worker may use: bytes of address space, seconds per task (None: no limit)."""

    memory: Optional[int] = None
    seconds: Optional[float] = None


class Failure(NamedTuple):
    """Why a task gave no result: ``kind`` (crashed, timeout, exited) and how (a signal name, …)."""

    kind: str
    detail: str = ""


# -- in the worker -----------------------------------------------------------------------------

def limit_memory(memory: Optional[int]) -> None:
    """Let this process take ``memory`` more bytes of address space than it has (a forked worker shares
    its parent's pages; only what it adds counts). A soft limit: a child it forks may set its own."""
    if not memory:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no resource limits
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        from giklint.loaders._child import address_space  # the one measure the PDF child's limit uses too

        wanted = address_space() + memory
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):  # not allowed here: run without the cap rather than not at all
        pass


def _serve(connection: Any, task: Task, memory: Optional[int]) -> None:
    """A worker's life: take (index, arguments), send (index, outcome) back, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, not a traceback per worker
    limit_memory(memory)
    gc_policy.for_batch_worker()
    parent = os.getppid()
    while True:
        try:
            while not connection.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:  # the parent was killed: its pipe may never close (siblings hold it)
                    return
            message = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:  # the run is over: keep what this worker compiled (it ends with os._exit, no exit handlers)
            from giklint.user_cache import write_kept_tables

            write_kept_tables()
            return
        index, arguments = message
        try:
            outcome: Tuple[str, Any] = (_RESULT, task(*arguments))
        except Exception as exc:
            outcome = (_RAISED, exc)
        except BaseException as exc:  # noqa: B036 - SystemExit from a plugin must not end the parent's run
            outcome = (_RAISED, Failure(EXITED, f"{type(exc).__name__}: {exc}"))
        try:
            connection.send((index, outcome))
        except Exception as exc:  # a result or an exception that cannot be pickled
            connection.send((index, (_RAISED, RuntimeError(f"{type(exc).__name__}: {exc}"))))


# -- in the parent -----------------------------------------------------------------------------

class _Worker:
    def __init__(self, context: Any, task: Task, memory: Optional[int]) -> None:
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, task, memory), name="giklint-worker")
        self.process.start()
        child_end.close()  # only the worker holds it now: its death is an end of file here
        self.index = -1  # the task it is doing
        self.started = 0.0

    def give(self, index: int, arguments: Arguments) -> None:
        self.index, self.started = index, time.monotonic()
        self.connection.send((index, arguments))

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def how_it_died(exitcode: Optional[int]) -> str:
    """``信号 SIGKILL``, ``信号 SIGSEGV``, … for a worker killed by a signal; ``退出码 3`` otherwise."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"信号 {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"信号 {-exitcode}"
    return f"退出码 {exitcode}"


class _Pool:
    """The workers of one :func:`run_tasks` call and the bookkeeping of its tasks.

    Tasks are taken from ``arguments`` as workers need them, at most ``window`` ahead of the first
    result not yet given (a slow task holds back no more than that many finished results); only the
    arguments of tasks not yet given back are kept, so a run of any length takes the same memory.
    """

    def __init__(self, task: Task, arguments: Iterable[Arguments], size: int, limits: WorkerLimits,
                 window: int) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context()
        self.task, self.size, self.limits, self.window = task, size, limits, max(window, size)
        self.source = iter(arguments)
        self.taken: Dict[int, Arguments] = {}  # index -> arguments, of each task not yet given back
        self.next_index = 0  # the index the next task taken from the source gets
        self.exhausted = False
        self.queue: Deque[int] = deque()  # taken, not yet handed out
        self.suspects: Deque[int] = deque()  # tasks whose worker died, to run again alone
        self.retried: set = set()
        self.idle: List[_Worker] = []
        self.busy: List[_Worker] = []
        self.finished: Dict[int, Tuple[str, Any]] = {}

    def outcomes(self) -> Iterator[Tuple[Arguments, Tuple[str, Any]]]:
        """(arguments, (kind, value)) of each task, in input order: a result, a raised exception or a Failure.

        The workers are stopped before the last one is given: a caller that takes exactly as many
        results as it gave tasks never resumes this generator after it, and a worker left running
        would keep the interpreter from exiting.
        """
        index = 0
        while self._has(index):
            while index not in self.finished:
                self._hand_out(index)
                self._collect()
            if not self._has(index + 1):
                self.close()
            yield self.taken.pop(index), self.finished.pop(index)
            index += 1

    def _has(self, index: int) -> bool:
        """Whether there is a task ``index`` (taking it from the source when needed)."""
        while index >= self.next_index and not self.exhausted:
            self._take()
        return index < self.next_index

    def _take(self) -> bool:
        arguments = next(self.source, None)
        if arguments is None:
            self.exhausted = True
            return False
        self.taken[self.next_index] = arguments
        self.queue.append(self.next_index)
        self.next_index += 1
        return True

    def _hand_out(self, first: int) -> None:
        """Give idle workers tasks, none ``window`` or more past ``first``, the next result to give back."""
        if self.suspects:  # alone: only once the tasks in flight are done
            if not self.busy:
                index = self.suspects.popleft()
                self.retried.add(index)
                self._give(index)
            return
        while len(self.busy) < self.size and (self.queue or (self.next_index < first + self.window and self._take())):
            self._give(self.queue.popleft())

    def _give(self, index: int) -> None:
        worker = self.idle.pop() if self.idle else None
        if worker is None or not worker.process.is_alive():  # one that died idle (killed from outside) is replaced
            if worker is not None:
                worker.kill()
            worker = _Worker(self.context, self.task, self.limits.memory)
        self.busy.append(worker)
        worker.give(index, self.taken[index])

    def _collect(self) -> None:
        """Wait for a worker to answer, die or run out of time, and record what became of its task."""
        from multiprocessing.connection import wait

        waited = [w.connection for w in self.busy] + [w.process.sentinel for w in self.busy]
        ready = set(wait(waited, timeout=self._time_left()))
        now = time.monotonic()
        for worker in list(self.busy):
            if worker.connection in ready or worker.process.sentinel in ready:
                self._answer_of(worker)
            elif self.limits.seconds and now - worker.started >= self.limits.seconds:
                self.finished[self._retire(worker)] = (_RAISED, Failure(TIMEOUT, f"{self.limits.seconds:g}"))

    def _time_left(self) -> Optional[float]:
        if not self.limits.seconds:
            return None
        first = min(worker.started for worker in self.busy)
        return max(0.0, first + self.limits.seconds - time.monotonic())

    def _answer_of(self, worker: _Worker) -> None:
        try:
            if worker.connection.poll():  # an answer sent just before dying still counts
                index, outcome = worker.connection.recv()
                self.busy.remove(worker)
                self.idle.append(worker)
                self.finished[index] = outcome
                return
        except (EOFError, OSError):
            pass
        index = self._retire(worker)
        if index in self.retried:
            self.finished[index] = (_RAISED, Failure(CRASHED, how_it_died(worker.process.exitcode)))
        else:
            self.suspects.append(index)

    def _retire(self, worker: _Worker) -> int:
        """Kill a worker that died or ran late (a new one replaces it when needed); its task's index."""
        worker.kill()
        self.busy.remove(worker)
        return worker.index

    def close(self) -> None:
        """Stop idle workers; kill busy ones (an interrupted run does not wait for them)."""
        for worker in self.idle:
            worker.stop()
        for worker in self.busy:
            worker.kill()
        for worker in self.idle:
            worker.process.join(timeout=5)
            worker.kill()
        self.idle, self.busy = [], []


def run_tasks(task: Task, iterables: Iterable[Iterable[Any]], workers: int, limits: WorkerLimits = WorkerLimits(),
              on_failure: Optional[Callable[[Arguments, Failure], Any]] = None,
              window: int = 0) -> Iterator[Any]:
    """``task(*arguments)`` for each row of ``zip(*iterables)`` in up to ``workers`` processes, in input order.

    The iterables are read as workers take tasks (they may be generators), at most ``window`` tasks
    (default :data:`WINDOW_PER_WORKER` per worker) past the first whose result is not given back yet.

    A task that crashed its worker (twice: once among others, once alone), ran out of time or tried
    to exit gives ``on_failure(arguments, failure)`` (without ``on_failure``, the Failure is raised
    as a :class:`WorkerFailure`); a task that raised an exception raises it here.
    """
    workers = max(1, workers)
    pool = _Pool(task, zip(*iterables), workers, limits, window or WINDOW_PER_WORKER * workers)
    try:
        for arguments, (kind, value) in pool.outcomes():
            if kind == _RESULT:
                yield value
            elif isinstance(value, Failure):
                if on_failure is None:
                    raise WorkerFailure(value)
                yield on_failure(arguments, value)
            else:
                raise value
    finally:  # done, an exception, Ctrl-C or the caller stopped reading: no worker outlives the call
        pool.close()


class WorkerFailure(Exception):
    """A task gave no result (its :class:`Failure` is ``args[0]``) and the caller took no ``on_failure``."""


def total_memory() -> Optional[int]:
    """Bytes of physical memory of this machine (None where it cannot be told)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX
        return None
