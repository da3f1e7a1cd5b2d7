"""A folder checked on a Dask cluster (a real LocalCluster of two worker processes) gives what
``--jobs`` gives: the same results in the same order, from the Python API and the command line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.cli import main
from giklint.runner import check_paths

distributed = pytest.importorskip("distributed", reason="the dask extra (pip install 'giklint[dask]')")

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ["reports/faulty-balance.md", "reports/clean-2021.md", "reports/faulty-numbering.txt",
            "reports/clean-2021.facts.yaml", "formats/report-2021.docx", "formats/report-2021.pdf",
            "formats/truncated.pdf", "reports/faulty-placeholder.md"]


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """Two folders of examples (a faulty report, a clean one, Word, PDF, an unreadable PDF, a YAML file
    that is no report model), small enough to keep the test quick."""
    root = tmp_path_factory.mktemp("archive")
    for index, name in enumerate(EXAMPLES):
        folder = root / ("a" if index % 2 else "b")
        folder.mkdir(exist_ok=True)
        shutil.copyfile(ROOT / "examples" / name, folder / Path(name).name)
    return [str(root / "b"), str(root / "a")]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        yield client


def outcome(run):
    return [(r.path, [f.to_dict() for f in r.findings], r.error) for r in run.results], run.exit_code, run.skipped


def test_a_folder_on_a_dask_cluster_gives_what_jobs_gives(client, folders):
    from giklint.cluster import check_paths_on

    on_cluster = check_paths_on(client, folders, keep_documents=False)
    assert outcome(on_cluster) == outcome(check_paths(folders, jobs=2, keep_documents=False))
    assert any(r.findings for r in on_cluster.results) and any(r.error for r in on_cluster.results)
    assert on_cluster.skipped


def test_check_dask_scheduler_on_the_command_line(client, folders, capsys):
    assert main(["check", *folders, "--format", "jsonl", "--jobs", "2"]) == 2
    with_jobs = capsys.readouterr()
    assert main(["check", *folders, "--format", "jsonl", "--dask-scheduler", client.scheduler.address]) == 2
    on_cluster = capsys.readouterr()
    assert on_cluster.out and on_cluster.out == with_jobs.out and on_cluster.err == with_jobs.err


def test_an_unreachable_scheduler_is_a_usage_error():
    from giklint.cluster import dask_client
    from giklint.errors import UsageError

    with pytest.raises(UsageError, match="无法连接 Dask 调度器"):
        with dask_client("tcp://127.0.0.1:9", timeout=1):
            pass
