"""Checking an archive on a Dask cluster: the same results, in the same order, as ``--jobs`` gives.

Install the extra (``pip install 'giklint[dask]'``, the same giklint version on the client and every
worker); the files must be readable at the same paths on every worker (a shared file system), since
each worker reads its files and finds their configuration itself. Run one thread per worker process:
checking is Python code, and threads of one process would take turns.

On the command line::

    dask scheduler &                                   # or any running cluster
    dask worker tcp://10.0.0.5:8786 --nthreads 1 --nworkers 8 &
    giklint check archive/ --dask-scheduler tcp://10.0.0.5:8786 --format jsonl -o findings.jsonl

From Python::

    from dask.distributed import Client, LocalCluster
    from giklint.cluster import check_paths_on

    with LocalCluster(n_workers=8, threads_per_worker=1) as cluster, Client(cluster) as client:
        run = check_paths_on(client, ["archive/"])     # a giklint.runner.RunResult

Files go to the workers a few at a time (``giklint.runner.MAX_CHUNK``), with a bounded number of
chunks in flight, and the results come back in input order, as from the process pool.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
from typing import Any, Iterator, Optional, Sequence

from giklint.errors import UsageError
from giklint.options import Options
from giklint.runner import RunResult, check_paths


class DaskExecutor(concurrent.futures.Executor):
    """A Dask client's executor, with the cluster's thread count as :attr:`max_workers` (how many
    chunks the runner keeps in flight)."""

    def __init__(self, client: Any) -> None:
        self._executor = client.get_executor()
        self.max_workers = max(1, sum(client.nthreads().values()))

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._executor.shutdown(wait=wait)


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError("--dask-scheduler: 需要先安装 Dask：pip install 'giklint[dask]'") from None
    return distributed


@contextlib.contextmanager
def dask_client(address: str, timeout: float = 30) -> Iterator[Any]:
    """A client of the scheduler at ``address``; a clear error when it cannot be reached in ``timeout`` s."""
    distributed = _distributed()
    try:
        client = distributed.Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"--dask-scheduler: 无法连接 Dask 调度器“{address}”：{exc}") from None
    with client:
        yield client


def check_paths_on(client: Any, paths: Sequence[str], options: Optional[Options] = None, **keywords: Any) -> RunResult:
    """:func:`giklint.runner.check_paths` with the files checked by the workers of ``client``."""
    return check_paths(paths, options, executor=DaskExecutor(client), **keywords)
