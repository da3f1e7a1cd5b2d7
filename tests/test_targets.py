"""Which files a folder walk checks (giklint/targets.py): exclude / extend-exclude from the configuration
and the command line, .gitignore, force-exclude for named files, links out of the tree, FIFOs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.targets import (EXCLUDED, GITIGNORED, LINK_OUT, NOT_REGULAR, TargetOptions, exclusion_for,
                             unique_targets)

pytestmark = pytest.mark.usefixtures("fresh_caches", "clear_exclusions")


@pytest.fixture
def clear_exclusions():
    exclusion_for.cache_clear()
    yield
    exclusion_for.cache_clear()


def tree(root: Path, *names: str, text: str = "x\n") -> Path:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def walked(root: Path, options: TargetOptions = TargetOptions(), *paths: str) -> dict:
    """relative path -> skip reason (None: checked) of every file the walk met."""
    found = unique_targets([str(root / p) for p in paths] or [str(root)], options=options)
    return {os.path.relpath(t.path, root).replace(os.sep, "/"): t.skip for t in found}


def checked(found: dict) -> list:
    return sorted(path for path, skip in found.items() if skip is None)


def test_exclude_and_extend_exclude_in_the_configuration_are_relative_to_its_folder(tmp_path, monkeypatch):
    tree(tmp_path, "2023/a.md", "drafts/b.md", "2023/old/c.md", "templates/t.md", ".hidden/h.md")
    (tmp_path / "giklint.toml").write_text('extend-exclude = ["drafts/", "2023/old"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "2023")  # patterns stay relative to the configuration file, not the cwd
    found = walked(tmp_path)
    assert checked(found) == ["2023/a.md", "templates/t.md"]
    assert "drafts/b.md" not in found  # a folder passed over is not entered, so not listed
    (tmp_path / "giklint.toml").write_text('exclude = ["templates"]\n', encoding="utf-8")  # replaces the default
    exclusion_for.cache_clear()
    assert checked(walked(tmp_path)) == [".hidden/h.md", "2023/a.md", "2023/old/c.md", "drafts/b.md"]


def test_command_line_exclude_replaces_and_extend_exclude_adds(tmp_path, monkeypatch):
    tree(tmp_path, "a.md", "b.md", "sub/c.md", ".d.md")
    monkeypatch.chdir(tmp_path)
    assert checked(walked(tmp_path, TargetOptions(extend_exclude=("b.md",)))) == ["a.md", "sub/c.md"]
    assert checked(walked(tmp_path, TargetOptions(exclude=("sub/",)))) == [".d.md", "a.md", "b.md"]


def test_gitignore_is_respected_with_negation_nested_files_and_parent_folders(tmp_path):
    tree(tmp_path, "reports/a.md", "reports/build/b.md", "reports/tmp.md", "reports/keep/tmp.md", "c.md")
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("c.md\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\ntmp.md\n", encoding="utf-8")
    (tmp_path / "reports" / "keep" / ".gitignore").write_text("!tmp.md\n", encoding="utf-8")
    found = walked(tmp_path / "reports")  # the walk starts below the repository root: its .gitignore counts
    assert checked(found) == ["a.md", "keep/tmp.md"] and found["tmp.md"] == GITIGNORED
    assert walked(tmp_path)["c.md"] == GITIGNORED
    assert checked(walked(tmp_path, TargetOptions(respect_gitignore=False))) == [
        "c.md", "reports/a.md", "reports/build/b.md", "reports/keep/tmp.md", "reports/tmp.md"]


def test_a_folder_named_to_be_checked_is_walked_though_gitignored(tmp_path):
    tree(tmp_path, "build/a.md")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    assert checked(walked(tmp_path / "build")) == ["a.md"]
    assert "build/a.md" not in walked(tmp_path)


def test_named_files_are_checked_unless_force_exclude(tmp_path, monkeypatch):
    tree(tmp_path, "README.md", ".pre-commit-config.yaml", "drafts/x.md")
    (tmp_path / "giklint.toml").write_text('extend-exclude = ["README.md", "drafts/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    names = ("README.md", ".pre-commit-config.yaml", "drafts/x.md")
    assert checked(walked(tmp_path, TargetOptions(), *names)) == sorted(names)
    assert walked(tmp_path, TargetOptions(force_exclude=True), *names) == dict.fromkeys(names, EXCLUDED)
    (tmp_path / "giklint.toml").write_text('force-exclude = true\nextend-exclude = ["drafts/"]\n', encoding="utf-8")
    exclusion_for.cache_clear()
    assert checked(walked(tmp_path, TargetOptions(), *names)) == ["README.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_links_out_of_the_tree_are_skipped_and_links_inside_are_checked(tmp_path):
    outside = tree(tmp_path / "outside", "secret.md")
    reports = tree(tmp_path / "reports", "a.md")
    os.symlink(outside / "secret.md", reports / "leak.md")
    os.symlink(outside, reports / "leakdir")
    os.symlink(reports / "a.md", reports / "alias.md")
    os.symlink(tmp_path / "nowhere.md", reports / "dangling.md")
    found = walked(reports)
    assert found == {"a.md": None, "alias.md": None, "dangling.md": LINK_OUT, "leak.md": LINK_OUT}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_in_a_walk_and_an_error_when_named(tmp_path):
    tree(tmp_path, "a.md")
    os.mkfifo(tmp_path / "pipe.md")  # reading it would hang the run
    assert walked(tmp_path) == {"a.md": None, "pipe.md": NOT_REGULAR}
    [named] = unique_targets([str(tmp_path / "pipe.md")])
    assert named.error and NOT_REGULAR in named.error


def test_a_sub_folders_configuration_excludes_inside_it(tmp_path, monkeypatch):
    tree(tmp_path, "a.md", "2023/b.md", "2023/drafts/c.md", "drafts/d.md")
    (tmp_path / "2023" / "giklint.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert checked(walked(tmp_path)) == ["2023/b.md", "a.md", "drafts/d.md"]


def test_overlapping_paths_give_each_file_once_in_the_order_first_found(tmp_path, monkeypatch):
    """A folder, a folder inside it, a file in both, a glob over them and a file named twice: each file
    once, where it was first found (only the keys a later path can meet again are kept to tell)."""
    tree(tmp_path, "a/1.md", "a/2.md", "a/b/3.md", "c/4.md")
    monkeypatch.chdir(tmp_path)
    given = ["c/4.md", "a", "a/b", "a/b/3.md", "./a/../c/4.md", "*/*.md", "c", "c/4.md"]
    found = [os.path.relpath(t.path, tmp_path).replace(os.sep, "/") for t in unique_targets(given)]
    assert found == ["c/4.md", "a/1.md", "a/2.md", "a/b/3.md"]
    assert [t.path for t in unique_targets(["a", "a"])] == [os.path.join("a", "1.md"), os.path.join("a", "2.md"),
                                                             os.path.join("a", "b", "3.md")]
