"""Results kept between runs (giklint/result_cache.py): a re-run of unchanged files gives the same
output without checking them again; anything a result depends on (the file, its configuration, the
code, the options) makes it checked afresh; what may not be kept is not; ``--no-cache`` and an empty
``GIKLINT_CACHE_DIR`` turn it off."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from giklint import cli, result_cache, runner
from giklint.options import Options

from conftest import EXAMPLES

REPORTS = EXAMPLES / "reports"


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(folder))
    monkeypatch.setattr(result_cache, "_run_keys", {})
    monkeypatch.setattr(result_cache, "_setup_keys", {})
    return folder


@pytest.fixture()
def checked(monkeypatch):
    """The paths check_file was asked to check (not answered from the cache)."""
    paths = []
    real = runner.check_file

    def counting(path, *args, **kwargs):
        paths.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runner, "check_file", counting)
    return paths


@pytest.fixture()
def tree(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("clean-2021.md", "faulty-balance.md"):
        shutil.copy(REPORTS / name, folder / name)
    return folder


def run_json(capsys, *args) -> list:
    """One ``giklint check --format json``, as in a new process (configuration files looked up afresh)."""
    from giklint.resolve import clear_caches

    clear_caches()
    cli.main(["check", "--format", "json", "--jobs", "1", *args])
    captured = capsys.readouterr()
    assert captured.out, captured.err
    return json.loads(captured.out)


def test_rerun_gives_the_same_output_without_checking(cache_dir, checked, tree, capsys):
    first = run_json(capsys, str(tree))
    assert len(checked) == 2
    second = run_json(capsys, str(tree))
    assert second == first and len(checked) == 2, "the second run checked a file again"
    assert len(list((cache_dir / f"results-{result_cache.FORMAT}").iterdir())) == 2


def test_a_changed_file_is_checked_again(cache_dir, checked, tree, capsys):
    run_json(capsys, str(tree))
    report = tree / "clean-2021.md"
    status = report.stat()
    report.write_text(report.read_text(encoding="utf-8").replace("电话：0123-5216038", "电话：0123-521"), encoding="utf-8")
    import os

    os.utime(report, ns=(status.st_atime_ns, status.st_mtime_ns))  # same time: the content decides
    run_json(capsys, str(tree))
    assert checked.count(str(report)) == 2 and checked.count(str(tree / "faulty-balance.md")) == 1


def test_a_changed_configuration_is_checked_again(cache_dir, checked, tree, capsys):
    before = run_json(capsys, str(tree))
    (tree / "giklint.toml").write_text('ignore = ["contact-missing", "balance"]\n', encoding="utf-8")
    after = run_json(capsys, str(tree))
    assert len(checked) == 4
    assert {f["rule"] for f in before} != {f["rule"] for f in after}


def test_other_options_are_checked_again(cache_dir, checked, tree, capsys):
    run_json(capsys, str(tree))
    run_json(capsys, "--published", "2022-03-01", str(tree))
    assert len(checked) == 4


def test_changed_code_is_a_new_key(tmp_path):
    package = tmp_path / "plugin"
    package.mkdir()
    (package / "rules.py").write_text("X = 1\n")
    before = result_cache._files_state([str(package)], limit=None)
    (package / "rules.py").write_text("X = 22\n")
    assert result_cache._files_state([str(package)], limit=None) != before
    assert result_cache._files_state([str(package)], limit=0) is None  # too many files: not cached


def test_no_cache_option_and_empty_cache_dir(cache_dir, checked, tree, capsys, monkeypatch):
    run_json(capsys, "--no-cache", str(tree))
    run_json(capsys, "--no-cache", str(tree))
    assert len(checked) == 4 and not cache_dir.exists()
    monkeypatch.setenv("GIKLINT_CACHE_DIR", "")
    run_json(capsys, str(tree))
    run_json(capsys, str(tree))
    assert len(checked) == 8


def test_documents_kept_for_output_are_not_cached(cache_dir, checked, tree):
    for _ in range(2):
        list(runner.stream_paths([str(tree)], Options(), keep_documents=True).results)
    assert len(checked) == 4


def test_internal_errors_are_not_kept(cache_dir, checked, tree, capsys, monkeypatch):
    from giklint_rules.contacts import ContactMissing

    def crash(self, ctx):
        raise RuntimeError("boom")

    with monkeypatch.context() as patched:
        patched.setattr(ContactMissing, "check", crash)
        crashed = run_json(capsys, str(tree))
    assert any(f["rule"] == "internal-error" for f in crashed)
    run_json(capsys, str(tree))
    assert len(checked) == 4, "a result with an internal error was given back"


def test_entries_others_can_write_are_ignored(cache_dir, checked, tree, capsys):
    run_json(capsys, str(tree))
    for entry in (cache_dir / f"results-{result_cache.FORMAT}").iterdir():
        entry.chmod(0o666)
    run_json(capsys, str(tree))
    assert len(checked) == 4


def test_damaged_entry_is_a_miss(cache_dir, checked, tree, capsys):
    first = run_json(capsys, str(tree))
    for entry in (cache_dir / f"results-{result_cache.FORMAT}").iterdir():
        entry.write_bytes(b"not a pickle")
    assert run_json(capsys, str(tree)) == first and len(checked) == 4


def test_prune_keeps_the_newest(tmp_path):
    import os

    for number in range(10):
        entry = tmp_path / f"{number:02d}.pickle"
        entry.write_bytes(b"x")
        os.utime(entry, ns=(number * 10**9, number * 10**9))
    result_cache.prune(tmp_path, most=8)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n:02d}.pickle" for n in range(4, 10)]


LOCAL_PLUGIN = '''
from giklint import hookimpl
from giklint.rule import Rule

import word_list  # a module beside the plugin: editing it changes what the plugin finds


class Word(Rule):
    """local-word (LW001): 含有指定词语"""
    code = "LW001"
    slug = "local-word"
    severity = "warning"
    summary = "含有指定词语"

    def check(self, ctx):
        for part in ctx.model.get("sections") or []:
            for line in part.get("lines") or []:
                if word_list.WORD in line["text"]:
                    yield self.finding(ctx, f"含有“{word_list.WORD}”", location=line.get("location") or {})


@hookimpl
def giklint_rules():
    return [Word]
'''


def test_a_local_plugins_neighbour_module_edited_is_checked_again(cache_dir, checked, tree, capsys, monkeypatch):
    monkeypatch.chdir(tree)  # the root configuration: the only one whose plugins run
    (tree / "giklint.toml").write_text('plugins = ["lint_word"]\n', encoding="utf-8")
    (tree / "lint_word.py").write_text(LOCAL_PLUGIN, encoding="utf-8")
    (tree / "word_list.py").write_text('WORD = "没有这个词"\n', encoding="utf-8")
    assert not [f for f in run_json(capsys, "--trust-plugins", str(tree)) if f["rule"] == "local-word"]
    (tree / "word_list.py").write_text('WORD = "政府信息"\n', encoding="utf-8")
    import sys

    sys.modules.pop("word_list", None)  # as in a new process
    sys.modules.pop("lint_word", None)
    found = run_json(capsys, "--trust-plugins", str(tree))
    assert len(checked) == 4 and [f for f in found if f["rule"] == "local-word"]


def test_a_file_checked_for_the_first_time_is_read_once(cache_dir, tree, capsys, monkeypatch):
    """The bytes read for the key are the ones checked: no second read of every new file."""
    from giklint.loaders import _common

    reads = []
    real = _common.read_file
    monkeypatch.setattr(_common, "read_file", lambda path, within=None: reads.append(path) or real(path, within))
    run_json(capsys, str(tree))
    assert sorted(reads) == sorted(str(p) for p in tree.iterdir())
