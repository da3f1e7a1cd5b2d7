"""Output formats. Each is a :class:`FormatterSpec` contributed through the ``giklint_formatters`` hook.

The engine's own are ``text`` (one finding a line, for people, editors and pre-commit), ``json``
(``schemas/findings.schema.json``), ``jsonl`` (the same findings, one a line), ``sarif``, ``github``
and ``html``; plugins add more the same way. A format with a ``write`` function writes each file's
findings as the file is checked (``text``, ``json``, ``jsonl``, ``csv``, ``github``): a batch of
any size takes the same memory. The others get every result at once: ``sarif`` (one JSON document
whose rules and error notices, which findings add to, come before the results) and ``html`` (a page with a summary of every
file before their findings) keep each file's result, without the model and document for ``sarif``.
The ``options`` a formatter gets: ``statistics`` and ``quiet`` (booleans), ``output``
(the ``--output`` file or None) and ``root`` (the folder paths are shown relative to: the working one).
"""
from __future__ import annotations

from typing import Callable, List, Optional

from giklint.records import dataclass


@dataclass(frozen=True)
class FormatterSpec:
    """An output format as a plugin declares it: the --format name and how to render a run's results."""
    name: str  # the --format value
    # (results, rules, options) -> text. ``results`` is a list of giklint.runner.FileResult in input order,
    # ``rules`` every known rule class (for help texts), ``options`` a dict: {"statistics": bool, "quiet": bool}.
    render: Callable[..., str]
    description: str = ""
    # (results, rules, options, out) -> None: the same output written to the text stream ``out`` while
    # ``results`` (an iterator, in input order) is consumed; None when the format needs every result first
    write: Optional[Callable[..., None]] = None


# --format name -> (module under giklint.output, description); each module has render(results, rules, options),
# and those in STREAMING_FORMATS write(results, rules, options, out) too
BUILTIN_FORMATS = {
    "text": ("text", "每条发现一行：路径:行:列: 代码 [级别] 消息 (规则名)"),
    "json": ("json", "发现的列表（JSON，schemas/findings.schema.json）"),
    "jsonl": ("jsonl", "每条发现一行 JSON（JSON Lines，各行同 schemas/findings.schema.json 的一项）"),
    "sarif": ("sarif", "SARIF 2.1.0（GitHub 代码扫描）"),
    "github": ("github", "GitHub Actions 工作流注释"),
    "html": ("html", "可在浏览器中查看的检查结果页面"),
    "csv": ("csv", "每条发现一行的表格（UTF-8 带 BOM，Excel 可直接打开）"),
}


STREAMING_FORMATS = ("text", "json", "jsonl", "csv", "github")


def builtin_formatters() -> List[FormatterSpec]:
    """The engine's formats; each format's module is imported when that format is asked for."""
    from giklint.loaders import Deferred

    return [FormatterSpec(name, Deferred(f"giklint.output.{module}", "render"), description,
                          Deferred(f"giklint.output.{module}", "write") if name in STREAMING_FORMATS else None)
            for name, (module, description) in BUILTIN_FORMATS.items()]


def rendered(write: Callable[..., None], results, rules, options) -> str:
    """What a format's ``write`` writes, as one string (its ``render``)."""
    import io

    buffer = io.StringIO()
    write(results, rules, options, buffer)
    return buffer.getvalue()
