"""A fresh virtual environment for the install tests: a real venv and real pip, nothing borrowed.

The venv has no access to this test run's site-packages (no ``--system-site-packages``) and its
commands run with an environment cleaned of this one's ``VIRTUAL_ENV`` and ``PYTHONPATH``, so what
works there works for a user who runs ``pip install``. Packages come from pip's configured indexes
(or its cache), so the tests also work where only a local package mirror is reachable.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

PIP_TIMEOUT = 900  # seconds: a cold pip cache downloads lxml, pypdfium2 and friends


@dataclass
class Venv:
    root: Path
    seconds: Dict[str, float] = field(default_factory=dict)  # step -> wall time, for the test's report

    @property
    def bin(self) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin")

    def env(self) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
        env["PATH"] = str(self.bin) + os.pathsep + env.get("PATH", "")
        env["VIRTUAL_ENV"] = str(self.root)
        return env

    def run(self, command: str, *args: str, cwd: Path, timeout: float = 300,
            check: bool = True) -> subprocess.CompletedProcess:
        """Run one of the venv's commands (``giklint``, ``python``, ``pip``) in ``cwd``."""
        proc = subprocess.run([str(self.bin / command), *args], cwd=str(cwd), env=self.env(),
                              capture_output=True, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise AssertionError(f"{command} {' '.join(args)} -> exit {proc.returncode}\n"
                                 f"{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
        return proc


def make_venv(where: Path, *requirements: str, build_isolation: bool = True,
              cwd: Optional[Path] = None) -> Venv:
    """Create a venv at ``where`` and ``pip install`` the requirements (paths, wheels or names) into it.

    ``build_isolation=False`` builds source trees with the venv's own setuptools (installed first),
    which needs no download of build tools: what an offline machine with a package mirror can do.
    """
    venv = Venv(where)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=300)
    venv.seconds["venv"] = time.monotonic() - started
    pip = ("python", "-m", "pip", "install", "--disable-pip-version-check", "--quiet")
    cwd = cwd or where
    if not build_isolation:
        venv.run(*pip, "setuptools>=64", "wheel", cwd=cwd, timeout=PIP_TIMEOUT)
    if requirements:
        started = time.monotonic()
        flags = () if build_isolation else ("--no-build-isolation",)
        venv.run(*pip, *flags, *requirements, cwd=cwd, timeout=PIP_TIMEOUT)
        venv.seconds["pip install"] = time.monotonic() - started
    return venv


def copy_tree(source: Path, target: Path) -> Path:
    """A copy of a source tree without its build products, so building it leaves the checkout as it was."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "*.pyc"))
    return target
