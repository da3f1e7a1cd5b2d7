"""Kept tables (giklint/user_cache.py) written by a forked child too, which ends without exit handlers."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from giklint import user_cache
from giklint.user_cache import KeptTable, write_kept_tables


def test_what_a_forked_child_added_is_written_when_it_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(user_cache, "_IN_USE", [])
    parent_only = KeptTable("kept-test-parent", 10)  # never read in this process: nothing to write
    kept = KeptTable("kept-test", 10)
    kept.table()
    pid = os.fork()
    if pid == 0:  # the child: adds, writes, and ends as the PDF reader's child does
        try:
            kept.add("key", ["value", 1])
            write_kept_tables()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert KeptTable("kept-test", 10).read() == {"key": ["value", 1]}
    assert parent_only.read() == {} and not list(tmp_path.glob("kept-test-parent-*"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the PDF is read in a forked child only where there is fork")
def test_the_pdf_readers_patterns_compiled_in_its_child_are_kept_for_the_next_run(tmp_path):
    from giklint.loaders import pdf

    env = dict(os.environ, GIKLINT_CACHE_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "giklint", "parse", str(EXAMPLES / "formats" / "report-2021.pdf")],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    script = ("from giklint import regex_cache; from giklint.loaders import pdf, _common; "
              "kept = regex_cache.PROGRAMS.table(); "
              "print([(p.pattern, int(p._flags)) in kept for p in (pdf.PAGE_NUMBER, pdf.VALUE_WORD, pdf.ENUMERATOR, "
              "_common._WIDE)])")
    kept = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    # used only by the reader, in its child (the last, join_wrapped's CJK class, the costliest to compile)
    assert kept.stdout.strip() == "[True, True, True, True]", kept.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="batch workers are forked")
def test_what_batch_workers_compiled_is_kept_for_the_next_run(tmp_path):
    """The workers of ``--jobs 2`` end with os._exit too: told to stop, they write what they compiled."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("clean-2021.md", "faulty-balance.md"):
        (folder / name).write_bytes((EXAMPLES / "reports" / name).read_bytes())
    env = dict(os.environ, GIKLINT_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "giklint", "check", "--jobs", "2", "--no-cache", "--format", "json",
                           str(folder)], capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr
    script = ("from giklint import regex_cache; from giklint.extract import sections; "
              "print((sections._NUMBERING.pattern, 0) in regex_cache.PROGRAMS.table())")
    kept = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert kept.stdout.strip() == "True", kept.stderr  # a heading pattern: only the workers extract
