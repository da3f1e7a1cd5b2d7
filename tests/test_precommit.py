"""The pre-commit hook, run by the real pre-commit (``pre-commit try-repo``) in a report repository.

The hook repository is a snapshot of this working tree (committed in a temporary git repository, as
try-repo reads commits), so the test checks the hook as it is now, whatever has been committed. pre-commit
installs it into its own virtualenv with pip, as a report repository's users would get it.
"""
from __future__ import annotations

import json
import re
import textwrap
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


# -- the README's snippets, as written ---------------------------------------------------------

README_URL = "<giklint-git-url>"  # the one placeholder the README asks the reader to fill in


def readme_block(language: str, containing: str) -> str:
    """The README's first fenced ``language`` block that contains ``containing``, unindented."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for match in re.finditer(r"^( *)```" + language + r"\n(.*?)^\1```", text, re.M | re.S):
        block = textwrap.dedent(match.group(2))
        if containing in block:
            return block
    raise AssertionError(f"README.md has no {language} block with {containing!r}")


@pytest.fixture(scope="module")
def readme_report_repository(tmp_path_factory) -> Path:
    """A report repository set up by the README: its giklint.toml, beside a README, a workflow and a
    template folder the configuration excludes; the report cites the province's regulation."""
    folder = tmp_path_factory.mktemp("readme-repo")
    (folder / "reports").mkdir()
    (folder / "templates").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    clean = (EXAMPLES / "reports" / "clean-2021.md").read_text(encoding="utf-8")
    cited = clean.replace("（以下简称《条例》）", "（以下简称《条例》）和《山东省政府信息公开办法》", 1)
    assert cited != clean
    (folder / "reports" / "2021.md").write_text(cited, encoding="utf-8")
    shutil.copy2(EXAMPLES / "reports" / "faulty-balance.md", folder / "templates" / "old.md")
    shutil.copy2(ROOT / "README.md", folder / "README.md")  # Markdown that quotes a 表三 finding
    (folder / ".github" / "workflows" / "ci.yml").write_text(
        "on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n",
        encoding="utf-8")
    (folder / "giklint.toml").write_text(readme_block("toml", "province ="), encoding="utf-8")
    return folder


def test_readme_pre_commit_snippet_works_in_a_report_repository(hook_repository, readme_report_repository,
                                                                tmp_path):
    from giklint import __version__

    snippet = readme_block("yaml", "repos:")
    rev = re.search(r"^\s*rev: (\S+)", snippet, re.M).group(1)
    assert rev == f"v{__version__}", "the README names the release tag of this version"
    subprocess.run(["git", "tag", "-f", rev], cwd=hook_repository, check=True, capture_output=True)
    folder = readme_report_repository
    (folder / ".pre-commit-config.yaml").write_text(snippet.replace(README_URL, str(hook_repository)),
                                                   encoding="utf-8")
    committed_repository(folder)
    home = tmp_path / "pre-commit-home"
    done = pre_commit(folder, "run", "--all-files", "--verbose", home=home)
    output = hook_output(done)
    assert done.returncode == 0, output[-4000:]
    assert "Passed" in done.stdout and "README.md" not in output and "ci.yml" not in output

    shutil.copy2(EXAMPLES / "reports" / "faulty-balance.md", folder / "reports" / "2020.md")
    git(folder, "add", "-A")
    done = pre_commit(folder, "run", "--verbose", home=home)  # the staged files, as at a commit
    output = hook_output(done)
    assert done.returncode == 1, output[-4000:]
    assert "reports/2020.md:89:16: GK311" in output and "templates/old.md" not in output
