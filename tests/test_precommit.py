"""The pre-commit hook, run by the real pre-commit (``pre-commit try-repo``) in a report repository.

The hook repository is a snapshot of this working tree (committed in a temporary git repository, as
try-repo reads commits), so the test checks the hook as it is now, whatever has been committed. pre-commit
installs it into its own virtualenv with pip, as a report repository's users would get it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest
from conftest import EXAMPLES, ROOT

HOOK_SOURCES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "giklint", "rules", "schemas")
WEBSITE = "（http://www.qinghe.gov.cn）"
GIT_IDENTITY = ["-c", "user.name=giklint tests", "-c", "user.email=tests@giklint.invalid", "-c", "commit.gpgsign=false"]


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *GIT_IDENTITY, *args], cwd=folder, check=True, capture_output=True)


def committed_repository(folder: Path) -> Path:
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "snapshot")
    return folder


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory) -> Path:
    """This working tree's package and hook manifest, committed in a repository of their own."""
    folder = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in HOOK_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy2(source, folder / name)
    return committed_repository(folder)


@pytest.fixture(scope="module")
def report_repository(tmp_path_factory) -> Path:
    """A report repository: two clean reports (Markdown, Word), two faulty ones, and a file the hook skips."""
    folder = tmp_path_factory.mktemp("report-repo")
    shutil.copy2(EXAMPLES / "reports" / "clean-2021.md", folder / "clean.md")
    shutil.copy2(EXAMPLES / "formats" / "report-2021.docx", folder / "clean.docx")
    shutil.copy2(EXAMPLES / "reports" / "faulty-balance.md", folder / "faulty.md")
    shutil.copy2(EXAMPLES / "formats" / "blank-template.docx", folder / "blank-template.docx")
    (folder / "notes.py").write_text("print('not a report')\n", encoding="utf-8")
    clean = (EXAMPLES / "reports" / "clean-2021.md").read_text(encoding="utf-8")
    assert WEBSITE in clean
    (folder / "no-website.md").write_text(clean.replace(WEBSITE, ""), encoding="utf-8")  # fine, but not for 青禾
    return committed_repository(folder)


def pre_commit(report_repo: Path, *args: str, home: Optional[Path] = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_COLOR="never")
    env.pop("PRE_COMMIT_HOME", None)
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=report_repo, env=env,
                          capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)


def try_repo(hook_repo: Path, report_repo: Path, *files: str) -> subprocess.CompletedProcess:
    selection = ["--files", *files] if files else ["--all-files"]
    return pre_commit(report_repo, "try-repo", str(hook_repo), "giklint", "--verbose", *selection)


def hook_output(done: subprocess.CompletedProcess) -> str:
    return done.stdout + done.stderr


def test_hook_passes_clean_reports_and_skips_other_files(hook_repository, report_repository):
    done = try_repo(hook_repository, report_repository, "clean.md", "clean.docx", "no-website.md", "notes.py")
    assert done.returncode == 0, hook_output(done)[-4000:]
    assert "giklint" in done.stdout and "Passed" in done.stdout


def test_hook_fails_on_faulty_reports_and_names_them(hook_repository, report_repository):
    done = try_repo(hook_repository, report_repository)
    output = hook_output(done)
    assert done.returncode == 1, output[-4000:]
    assert "Failed" in done.stdout
    assert "faulty.md:" in output and "GK311" in output and "(balance)" in output
    assert "blank-template.docx:" in output  # docx is matched by the files pattern, not by a type tag
    assert "clean.md:" not in output and "clean.docx:" not in output and "notes.py" not in output
    assert "no-website.md:" not in output


def test_plugin_package_in_additional_dependencies_adds_its_rule(hook_repository, report_repository, tmp_path):
    """The README's configuration: a plugin package installed into the hook's environment."""
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repository, check=True, capture_output=True,
                              text=True).stdout.strip()
    plugin = tmp_path / "plugin-qinghe"  # a copy: pip's build leaves build/ and *.egg-info beside the sources
    shutil.copytree(EXAMPLES / "plugin-qinghe", plugin, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    config = tmp_path / "pre-commit-config.yaml"
    config.write_text(
        f"repos:\n  - repo: {hook_repository.as_uri()}\n    rev: {revision}\n    hooks:\n"
        f"      - id: giklint\n        additional_dependencies: [{json.dumps(str(plugin))}]\n"
        f"        args: [--province, qinghe]\n",  # a province plugin's rules run where its profile is chosen
        encoding="utf-8")
    done = pre_commit(report_repository, "run", "--config", str(config), "--verbose", "--files", "no-website.md",
                      home=tmp_path / "pre-commit-home")
    output = hook_output(done)
    assert done.returncode == 1, output[-4000:]
    assert "no-website.md:" in output and "QH101" in output and "(qinghe-hotline)" in output
