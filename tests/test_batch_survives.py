"""A batch survives its worst file: a worker killed by a signal or a segfault, a file that hangs, a
memory bomb, a broken configuration in one folder. Every other file is still checked and reported,
the bad one is that file's error (naming it and what happened), and the run ends with exit code 2.

The hostile behaviour comes from a real installed plugin: a module with a ``giklint`` entry point in
a ``.dist-info`` folder on ``PYTHONPATH`` (what ``pip install`` leaves in site-packages), whose rule
does to the process checking a file what a hostile file can, chosen by the file's name, and whose
loader (for ``.hx`` files) asks for more memory than a worker may have. The installed command runs
in a subprocess, with real worker processes.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

import pytest
from _engine_helpers import REPORT, write

HOSTILE_PLUGIN = '''
"""giklint-hostile: a rule and a loader that do to their process what a hostile file can."""
import ctypes
import errno
import mmap
import os
import signal
import time
from pathlib import Path

from giklint import hookimpl
from giklint.loaders import LoaderSpec
from giklint.loaders.text import load_text
from giklint.rule import Rule


class Hostile(Rule):
    """hostile (HX001): 按文件名对检查进程做坏事"""
    code = "HX001"
    slug = "hostile"
    severity = "info"
    summary = "检查了这个文件"

    def check(self, ctx):
        name = os.path.basename(ctx.path)
        if name.startswith("kill"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does
        elif name.startswith("segv"):
            ctypes.string_at(0)  # a real segfault, as in a parsing library
        elif name.startswith("hang"):
            time.sleep(600)
        elif name.startswith("once"):  # killed the first time only: a file killed for another's memory
            mark = Path(os.environ["HOSTILE_MARKS"]) / name
            if not mark.exists():
                mark.parent.mkdir(parents=True, exist_ok=True)
                mark.touch()
                os.kill(os.getpid(), signal.SIGKILL)
        yield self.finding(ctx, f"检查了 {name}")


def load_bomb(data, path):
    """Ask for 4 GiB of address space (untouched: harmless where no limit is set), as a bomb's parser would."""
    try:
        mmap.mmap(-1, 4 << 30)
    except OSError as exc:
        if exc.errno == errno.ENOMEM:
            raise MemoryError from None  # what malloc's NULL is in Python
        raise
    return load_text(data, path)


@hookimpl
def giklint_rules():
    return [Hostile]


@hookimpl
def giklint_loaders():
    return [LoaderSpec("hostile-bomb", (".hx",), load_bomb)]
'''

INNOCENT = ["a.md", "b.md", "m.md", "x.md", "y.md"]  # a culprit named kill, hang, once or segv sorts among them


@pytest.fixture
def hostile(tmp_path) -> Dict[str, str]:
    """The environment of a giklint with the hostile plugin installed (and a folder for its marks)."""
    site = tmp_path / "site-packages"
    write(site / "giklint_hostile.py", HOSTILE_PLUGIN)
    info = site / "giklint_hostile-1.0.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: giklint-hostile\nVersion: 1.0\n")
    write(info / "entry_points.txt", "[giklint]\nhostile = giklint_hostile\n")
    write(tmp_path / "giklint.toml", 'select = ["HX"]\n')
    return {"PYTHONPATH": str(site), "HOSTILE_MARKS": str(tmp_path / "marks")}


def folder_of(root: Path, names: List[str]) -> Path:
    for name in names:
        write(root / "reports" / name, REPORT)
    return root / "reports"


def giklint(root: Path, env: Dict[str, str], *args: str, jobs: str = "2",
            limits: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    command = Path(sys.executable).with_name("giklint")
    full_env = {**os.environ, **env, **(limits or {})}
    return subprocess.run([str(command), "check", *args, "-q", "--jobs", jobs], cwd=str(root), env=full_env,
                          capture_output=True, text=True, timeout=120)


def checked(proc: subprocess.CompletedProcess) -> List[str]:
    """The files the hostile rule reported as checked, in output order."""
    return [line.split("检查了 ")[1].split(" ")[0] for line in proc.stdout.splitlines() if "HX001" in line]


def errors(proc: subprocess.CompletedProcess) -> List[str]:
    assert "Traceback" not in proc.stderr, proc.stderr
    return [line for line in proc.stderr.splitlines() if line.startswith("giklint: ")]


@pytest.mark.parametrize("culprit, how", [("kill.md", "信号 SIGKILL"), ("segv.md", "信号 SIGSEGV")])
def test_a_worker_killed_on_one_file_loses_no_other_result_and_names_the_file(tmp_path, hostile, culprit, how):
    folder_of(tmp_path, INNOCENT[:2] + [culprit] + INNOCENT[2:])
    proc = giklint(tmp_path, hostile, "reports")
    assert proc.returncode == 2
    assert checked(proc) == INNOCENT  # every other file, the ones finished before the crash too, in order
    assert errors(proc) == [f"giklint: reports/{culprit}: 检查该文件时进程崩溃（可能是内存不足或解析库崩溃；"
                            f"进程因 {how} 结束，单独重试仍然如此）"]


def test_a_file_whose_worker_died_once_is_checked_again_alone_and_not_blamed(tmp_path, hostile):
    folder_of(tmp_path, INNOCENT[:2] + ["once.md"] + INNOCENT[2:])
    proc = giklint(tmp_path, hostile, "reports")
    assert (tmp_path / "marks" / "once.md").exists()  # its first worker was killed
    assert proc.returncode == 0 and errors(proc) == []
    assert checked(proc) == sorted(INNOCENT + ["once.md"])


def test_two_culprits_and_an_innocent_all_come_out_right(tmp_path, hostile):
    folder_of(tmp_path, ["a.md", "kill.md", "once.md", "segv.md", "z.md"])
    proc = giklint(tmp_path, hostile, "reports", jobs="3")
    assert checked(proc) == ["a.md", "once.md", "z.md"]
    assert [line.split(":")[1].strip() for line in errors(proc)] == ["reports/kill.md", "reports/segv.md"]
    assert proc.returncode == 2


def test_a_file_that_hangs_is_stopped_at_the_time_limit_and_the_others_checked(tmp_path, hostile):
    folder_of(tmp_path, INNOCENT[:3] + ["hang.md"] + INNOCENT[3:])
    proc = giklint(tmp_path, hostile, "reports", limits={"GIKLINT_FILE_SECONDS": "2"})
    assert proc.returncode == 2
    assert checked(proc) == INNOCENT
    assert errors(proc) == ["giklint: reports/hang.md: 检查超过 2 秒仍未完成，已停止（上限由环境变量 "
                            "GIKLINT_FILE_SECONDS 设定）"]


def test_a_memory_bomb_meets_the_worker_memory_limit_as_an_error_of_its_file(tmp_path, hostile):
    folder = folder_of(tmp_path, INNOCENT)
    write(folder / "bomb.hx", REPORT)
    proc = giklint(tmp_path, hostile, "reports/a.md", "reports/bomb.hx", "reports/b.md",
                   limits={"GIKLINT_WORKER_MEMORY": str(1 << 30)})
    assert proc.returncode == 2
    assert checked(proc) == ["a.md", "b.md"]
    assert errors(proc) == ["giklint: reports/bomb.hx: 读取此文件时内存不足（批量检查时每个检查进程的内存上限由"
                            "环境变量 GIKLINT_WORKER_MEMORY 设定）"]


def test_a_limit_that_is_no_number_is_a_usage_error(tmp_path, hostile):
    folder_of(tmp_path, INNOCENT[:2])
    proc = giklint(tmp_path, hostile, "reports", limits={"GIKLINT_FILE_SECONDS": "ten"})
    assert proc.returncode == 2 and proc.stdout == ""
    assert errors(proc) == ["giklint: 环境变量 GIKLINT_FILE_SECONDS 应为非负整数，而不是“ten”"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_configuration_in_one_folder_is_the_error_of_its_files_only(tmp_path, hostile, jobs):
    folder = folder_of(tmp_path, ["a.md", "sub/b.md", "sub/deeper/c.md", "z.md"])
    broken = write(folder / "sub" / "giklint.toml", 'selct = ["HX"]\n')
    proc = giklint(tmp_path, hostile, "reports", jobs=jobs)
    assert proc.returncode == 2
    assert checked(proc) == ["a.md", "z.md"]
    reason = f"未检查：{broken}: selct: 未知的配置项（可能是：select）"
    assert errors(proc) == [f"giklint: reports/sub/b.md: {reason}", f"giklint: reports/sub/deeper/c.md: {reason}"]


def test_a_broken_configuration_over_every_file_still_stops_the_run_at_once(tmp_path, hostile):
    folder_of(tmp_path, INNOCENT[:3])
    write(tmp_path / "giklint.toml", 'selct = ["HX"]\n')
    proc = giklint(tmp_path, hostile, "reports")
    assert proc.returncode == 2 and proc.stdout == ""
    assert errors(proc) == [f"giklint: {tmp_path / 'giklint.toml'}: selct: 未知的配置项（可能是：select）"]
