"""Run one loader in a forked child process with an address-space and a time limit.

For parsing libraries (PDFium) that abort the process when memory runs out: a child that dies or
runs over its time becomes a clear :class:`~giklint.errors.InputError`, and the checking process lives on.

Work whose cost the parent cannot know before the child has read the file (OCR of scanned pages,
tens of seconds each) asks for more time with :func:`grant_time` as it starts; outside a limited
child that call does nothing.
"""
from __future__ import annotations

import os
import select
import time
from typing import Any, Callable, Sequence

from giklint.errors import InputError

try:  # the C pickler itself: its pure-Python module costs a one-file check ~4 M instructions to import
    from _pickle import dumps, loads
except ImportError:  # pragma: no cover - a Python without it
    from pickle import dumps, loads

_grant_fd = -1  # in a limited child: the pipe on which it asks the parent for more time


def grant_time(seconds: float) -> None:
    """Give the limited child this process runs in ``seconds`` more (no-op outside such a child)."""
    if _grant_fd >= 0 and seconds > 0:
        os.write(_grant_fd, f"{float(seconds)}\n".encode("ascii"))


def address_space() -> int:
    """Bytes of address space this process already has (a child's or a batch worker's limit comes on top)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child(read_fd: int, write_fd: int, grant_fds: Sequence[int], load: Callable[..., Any], args: Sequence[Any],
           memory: int) -> None:
    global _grant_fd
    os.close(read_fd)
    os.close(grant_fds[0])
    _grant_fd = grant_fds[1]
    try:
        import resource

        limit = address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass
    try:
        result = ("ok", load(*args))
    except InputError as exc:
        result = ("error", exc.reason)
    except MemoryError:
        result = ("memory", "")
    except BaseException as exc:  # noqa: B036 - whatever happens, the parent gets a message
        result = ("error", f"无法读取：{type(exc).__name__}: {exc}")
    try:
        payload = dumps(result)
    except Exception as exc:
        payload = dumps(("error", f"无法读取：{type(exc).__name__}"))
    with os.fdopen(write_fd, "wb") as out:
        out.write(payload)
    from giklint.user_cache import write_kept_tables

    write_kept_tables()  # what the reader compiled here (patterns, classes), for the next run's child


def run_limited(load: Callable[..., Any], args: Sequence[Any], path: str, memory: int, seconds: float,
                kind: str, memory_name: str, time_name: str) -> Any:
    """``load(*args)`` in a child with ``memory`` bytes more address space and ``seconds`` to finish."""
    return Limited(load, args, memory, seconds).outcome(path, kind, memory_name, time_name)


class Limited:
    """``load(*args)`` running in a forked child from the moment this is made (its ``seconds`` count
    from then); :meth:`outcome` waits for its answer. Made and asked by the same process: a process
    forked meanwhile (a batch worker) must not read its pipe, and :meth:`outcome` refuses there."""

    def __init__(self, load: Callable[..., Any], args: Sequence[Any], memory: int, seconds: float) -> None:
        self.memory, self.seconds = memory, seconds
        read_fd, write_fd = os.pipe()
        grant_fds = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns, never runs the parent's exit handlers
            code = 0
            try:
                _child(read_fd, write_fd, grant_fds, load, args, memory)
            except BaseException:  # noqa: B036
                code = 70
            finally:
                os._exit(code)
        os.close(write_fd)
        os.close(grant_fds[1])
        self.pid, self.parent = pid, os.getpid()
        self.deadline = time.monotonic() + seconds
        self.pipe = os.fdopen(read_fd, "rb", buffering=0)
        self.grants = os.fdopen(grant_fds[0], "rb", buffering=0)

    def outcome(self, path: str, kind: str, memory_name: str, time_name: str) -> Any:
        """The child's answer; an :class:`InputError` (named ``path``, a ``kind`` file) when it ran out of
        time or memory (``GIKLINT_<TIME_NAME>`` and ``GIKLINT_<MEMORY_NAME>`` raise those) or failed."""
        if os.getpid() != self.parent:  # pragma: no cover - a guard: another process's child
            raise RuntimeError("a limited child is waited for by the process that started it")
        # A child started ahead (giklint.loaders.read_ahead) may have waited for this process to listen
        # (an answer larger than the pipe holds): it gets at least a moment, its limit at most a second.
        self.deadline = max(self.deadline, time.monotonic() + min(self.seconds, 1.0))
        chunks, timed_out, granted = [], False, 0.0
        with self.pipe as pipe, self.grants as grants:
            waiting = [pipe, grants]
            while True:
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select(waiting, [], [], remaining)
                if grants in ready:
                    more = _granted(grants.read(4096))
                    if more is None:
                        waiting.remove(grants)
                    self.deadline += more or 0.0
                    granted += more or 0.0
                if pipe not in ready:
                    continue
                chunk = pipe.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        if timed_out:
            self.stop()
        _, status = os.waitpid(self.pid, 0)
        memory, seconds = self.memory, self.seconds
        if timed_out:
            total = f"{seconds:g} 秒" + (f"（另加 OCR 的 {granted:g} 秒）" if granted else "")
            raise InputError(path, f"读取{kind}超过时间上限 {total}（可用环境变量 GIKLINT_{time_name.upper()}"
                                   + ("、GIKLINT_OCR_PAGE_SECONDS" if granted else "") + " 调整）")
        outcome = loads(b"".join(chunks)) if chunks else None
        if outcome is None or outcome[0] == "memory":
            how = f"信号 {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"退出码 {os.WEXITSTATUS(status)}"
            raise InputError(path, f"读取{kind}时超出内存上限 {memory:,} 字节或解析库崩溃（{how}），可能是压缩炸弹；"
                                   f"可用环境变量 GIKLINT_{memory_name.upper()} 调整")
        if outcome[0] == "error":
            raise InputError(path, outcome[1])
        return outcome[1]

    def stop(self) -> None:
        """End the child now (its answer is not wanted, or too late)."""
        import signal  # (only here: its enums cost ~7 M instructions to import)

        os.kill(self.pid, signal.SIGKILL)

    def abandon(self) -> None:
        """End the child and let it go, its answer unread (a child read ahead for a file the run did
        not read after all)."""
        if os.getpid() != self.parent:
            return
        self.stop()
        self.pipe.close()
        self.grants.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:  # pragma: no cover - already reaped
            pass


def _granted(message: bytes):
    """Seconds the child asked for in one read of its grant pipe; None when the pipe closed."""
    if not message:
        return None
    total = 0.0
    for part in message.split():
        try:
            total += max(float(part), 0.0)
        except ValueError:
            pass
    return total
