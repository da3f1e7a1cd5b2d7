"""When the cyclic garbage collector runs: not while the ``giklint`` command starts up.

Why: starting up makes tens of thousands of objects that live as long as the process (modules,
functions, rule classes, the plugin catalog), and almost none of them is garbage. Python's collector
counts allocations, so while they are made it runs every few hundred of them, and each older-generation
pass walks all of them again: about 8% of a one-report ``giklint check`` (valgrind), for nothing to
collect. A process that will live on does better the way the standard library suggests for
long-lived servers (``gc.freeze``): hold the collector back while starting up, then move everything
made so far out of its sight, and collect normally from there on.

So the command (:mod:`giklint.entry`) calls :func:`pause` first thing, and :func:`settle` once its
start-up is over (for ``check``: once the plugins are loaded, before any file is read). From then on
the collector runs as always, over what the run makes: a batch of thousands of reports, a worker of the
batch pool (forked after :func:`settle`, it inherits the same state) or a long-lived caller is
collected as before. When the command has finished, :func:`finish` spares the interpreter's last
collection at exit a walk over what the run made (the process is about to end; its exit handlers
still run). Nothing changes for code that imports giklint as a library: it never pauses.
"""
from __future__ import annotations

import gc

_paused = False
_started = False  # pause() held the collector back in this process (settled since or not)


def pause() -> None:
    """Hold the collector back until :func:`settle` (a no-op when it is already off)."""
    global _paused, _started
    if gc.isenabled():
        gc.disable()
        _paused = _started = True


def settle() -> None:
    """Start-up is over: keep what it made out of the collector's sight and let the collector run
    again. Does nothing unless :func:`pause` held the collector back (and only once)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


# A batch worker's young generation: each report makes some thousand short-lived containers (the model
# dict, the typed model, the findings), freed by reference counting as soon as the report is done, but
# at the default threshold (700) the collector walks them a few times per report first: ~1.2 M
# instructions a report, 2% of a text report's check. Cyclic garbage, rare here, waits a little longer.
WORKER_YOUNG_THRESHOLD = 10_000


def for_batch_worker() -> None:
    """In a batch worker (a process that checks report after report): collect the young generation
    less often (:data:`WORKER_YOUNG_THRESHOLD`); the older generations as before."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(WORKER_YOUNG_THRESHOLD, middle, old)


def finish() -> None:
    """The command is over: the interpreter's collection at exit need not walk what it made (only
    after :func:`pause`; the exit handlers still run, and the operating system frees the memory)."""
    if _started:
        gc.freeze()
