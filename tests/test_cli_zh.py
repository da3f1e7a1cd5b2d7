"""argparse's own messages come out in Chinese: usage lines, headings, invalid choices, missing arguments."""
from __future__ import annotations

import argparse
import re

import pytest

from giklint.cli import main

ENGLISH = re.compile(r"\b(usage|invalid|choice|choose|required|arguments?|unrecognized|expected|options|error)\b")
OURS = re.compile(r"\{[^}]*\}|'[^']*'|--?[\w-]+")  # choices, quoted values and option names are not sentences


def english_words(text: str) -> list:
    return ENGLISH.findall(OURS.sub("", text))


def run(capsys, *argv):
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    out, err = capsys.readouterr()
    return stopped.value.code, out, err


@pytest.mark.parametrize("argv, expected", [
    (["check", "--fail-on", "x", "a.md"], "--fail-on：无效的选项 'x'（可选："),
    (["check"], "缺少必需的参数：PATH"),
    (["bogus"], "命令：无效的选项 'bogus'（可选："),
    (["check", "a.md", "--nope"], "无法识别的参数：--nope"),
    (["check", "--jobs", "x", "a.md"], "--jobs/-j：应为正整数，实际是“x”"),
    (["check", "a.md", "--format"], "--format：需要一个值"),
])
def test_usage_errors_are_chinese_from_usage_line_to_message(capsys, argv, expected):
    code, _, err = run(capsys, *argv)
    assert code == 2 and expected in err
    assert err.startswith("用法：giklint")
    assert english_words(err) == [], err


def test_help_is_chinese_and_argparse_is_left_as_it_was(capsys):
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and out.startswith("用法：giklint check") and "显示此帮助并退出" in out
    assert english_words(out) == [], out
    assert argparse._("usage: ") == "usage: "  # restored after giklint's parsing


def test_checking_a_markdown_report_imports_no_library_it_does_not_need(tmp_path):
    """Start-up matters under pre-commit: no help formatter's shutil (with bz2 and lzma), no PDF, Word,
    HTML or schema library for a Markdown report, nor the batch's worker pool for one file (once the
    installed plugins are cached: the first run's scan of installed packages needs importlib.metadata,
    which brings shutil). Nor the standard library's pure-Python modules that C ones stand in for
    (datetime, signal's enums, threading), difflib for a report without typos, glob without a glob
    argument, or pkgutil to list the built-in rules."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    report = Path(__file__).resolve().parents[1] / "examples" / "reports" / "clean-2021.md"
    # what the interpreter's start-up already imported (an editable install's finder does) is not counted
    script = ("import sys\nstarted = set(sys.modules)\nfrom giklint.cli import main\n"
              "main(['check', sys.argv[1], '--quiet'])\n"
              "print(sorted(m for m in ('shutil', 'bz2', 'lzma', 'pypdfium2', 'docx', 'lxml', 'jsonschema',"
              " 'giklint.pool', 'multiprocessing', 'datetime', 'signal', 'threading', 'difflib', 'glob', 'pkgutil')"
              " if m in sys.modules and m not in started))")
    environment = dict(os.environ, GIKLINT_CACHE_DIR=str(tmp_path))
    for _ in range(2):  # the first run fills the caches
        done = subprocess.run([sys.executable, "-c", script, str(report)], capture_output=True, text=True,
                              env=environment)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_help_is_as_wide_as_the_terminal_says(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "40")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    narrow = capsys.readouterr().out
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    wide = capsys.readouterr().out
    # giklint's formatter takes the width itself (argparse's would import shutil for it): $COLUMNS holds
    assert max(map(len, narrow.splitlines())) < max(map(len, wide.splitlines()))
