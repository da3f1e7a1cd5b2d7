"""giklint's own files among a run's inputs: its output never overwrites one, and is never checked as a report.

``--output`` naming a file the run reads (a checked report, last year's report, a configuration
file) is refused before anything is checked or written: :func:`refuse_output_over`. A file giklint
wrote earlier (``giklint check reports/ --format html -o reports/result.html``, then the same run
again) is recognised by what it starts with and passed over with a note, not checked as a report:
:func:`output_format`. The marks, in the first :data:`SNIFF_BYTES` bytes:

- HTML: ``<meta name="generator" content="giklint …">`` (the HTML report writes it in its head);
- SARIF: the ``$schema`` of SARIF and a ``tool.driver.name`` of ``giklint``;
- JSON: a list of findings (``[]``, or ``[{"path": …, "code": …``): a report model is a mapping;
- text: a first line that is a finding line (``path:12:3: GK311 [error] …``) or the summary line;
- GitHub: a first line that is a workflow command (``::error file=…``).

Only files with a suffix an output is given (``.html``, ``.htm``, ``.json``, ``.txt``) are looked at.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Optional, Tuple

from giklint import lazy_re
from giklint.errors import UsageError

SNIFF_BYTES = 4096
GENERATOR = "giklint"  # the content of the HTML report's <meta name="generator"> starts with it
SNIFFED_SUFFIXES = (".html", ".htm", ".json", ".txt")
OWN_OUTPUT = "是 giklint 写出的检查结果"  # the reason such a file is passed over (giklint.targets.Skipped)

OWN_OUTPUT_MARKS = (
    ("html", lazy_re.compile(r'<meta\s+name="generator"\s+content="giklint[\s"]', re.IGNORECASE)),
    ("sarif", lazy_re.compile(r'\A\s*\{\s*"\$schema":\s*"[^"]*sarif[^"]*".*?"driver":\s*\{\s*"name":\s*"giklint"',
                         re.DOTALL)),
    ("json", lazy_re.compile(r'\A\s*\[\s*(\]|\{\s*"path":\s*"(?:[^"\\]|\\.)*",\s*"code":)')),
    ("text", lazy_re.compile(r"\A\s*(\S.*:\d+:\d+: [A-Z]+\d+ \[(error|warning|info)\] |检查了 \d+ 个文件|共 \d+ 个问题（)")),
    ("github", lazy_re.compile(r"\A\s*::(error|warning|notice) ")),
)


def output_format(path: str) -> Optional[str]:
    """The giklint output format (html, sarif, json, text, github) of the file at ``path``, or None."""
    if not path.lower().endswith(SNIFFED_SUFFIXES) or not os.path.isfile(path):  # a FIFO is never opened
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return None  # unreadable: checking it says so
    return next((name for name, mark in OWN_OUTPUT_MARKS if mark.search(head)), None)


def refuse_output_over(output: Optional[str], inputs: Iterable[Tuple[str, str]]) -> None:
    """A UsageError when ``output`` is one of ``inputs`` ((path, what it is to the run), e.g. 要检查的报告):
    the same file by any name (a link, ``./``, a hard link)."""
    if not output:
        return
    try:
        written = os.stat(output)
    except OSError:
        return  # not there yet: it is none of the files read
    for path, role in inputs:
        try:
            read = os.stat(path)
        except OSError:
            continue
        if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
            raise UsageError(f"--output: “{output}”是本次读取的{role}（{path}），不能用来写入结果；请写到别的文件")
