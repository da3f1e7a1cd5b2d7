"""Output formats. Each is a :class:`FormatterSpec` contributed through the ``giklint_formatters`` hook.

The engine's own are ``text`` (one finding a line, for people, editors and pre-commit), ``json``
(``schemas/findings.schema.json``), ``sarif``, ``github`` and ``html``; plugins add more
the same way. The ``options`` a formatter gets: ``statistics`` and ``quiet`` (booleans), ``output``
(the ``--output`` file or None) and ``root`` (the folder paths are shown relative to: the working one).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List


@dataclass(frozen=True)
class FormatterSpec:
    name: str  # the --format value
    # (results, rules, options) -> text. ``results`` is a list of giklint.runner.FileResult in input order,
    # ``rules`` every known rule class (for help texts), ``options`` a dict: {"statistics": bool, "quiet": bool}.
    render: Callable[..., str]
    description: str = ""


# --format name -> (module under giklint.output, description); each module has render(results, rules, options)
BUILTIN_FORMATS = {
    "text": ("text", "每条发现一行：路径:行:列: 代码 [级别] 消息 (规则名)"),
    "json": ("json", "发现的列表（JSON，schemas/findings.schema.json）"),
    "sarif": ("sarif", "SARIF 2.1.0（GitHub 代码扫描）"),
    "github": ("github", "GitHub Actions 工作流注释"),
    "html": ("html", "可在浏览器中查看的检查结果页面"),
    "csv": ("csv", "每条发现一行的表格（UTF-8 带 BOM，Excel 可直接打开）"),
}


def builtin_formatters() -> List[FormatterSpec]:
    """The engine's formats (their modules are light: each imports what it needs when it renders)."""
    import importlib

    return [FormatterSpec(name, importlib.import_module(f"giklint.output.{module}").render, description)
            for name, (module, description) in BUILTIN_FORMATS.items()]
