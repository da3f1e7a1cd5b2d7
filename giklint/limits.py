"""Limits on what one checked file may cost: bytes, characters, lines, nesting, PDF memory and time.

A hostile or broken file (a zip or stream bomb, a YAML alias bomb, a 200 MB text) must end as a clear
input error (exit code 2), never as a hang, an abort or a process the kernel kills. Every limit has a
default far above a real report (the longest real report has about 100,000 characters and 3,000 lines)
and can be changed with an environment variable ``GIKLINT_<NAME>`` (``GIKLINT_MAX_FILE_BYTES=200000000``),
which also reaches the worker processes of a batch. README "Limits" lists them.
"""
from __future__ import annotations

import os
from dataclasses import fields, replace

from giklint.errors import InputError
from giklint.records import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on what one file may make giklint read, so a hostile file cannot exhaust memory or time."""
    max_file_bytes: int = 100 * MIB  # bytes read from one file (a scanned PDF can be large)
    max_text_chars: int = 2_000_000  # characters of a loaded document's text
    max_lines: int = 250_000  # lines of a loaded document (paragraphs, table rows, lines of text)
    max_part_bytes: int = 50 * MIB  # declared uncompressed size of a Word part that is read
    max_xml_elements: int = 1_000_000  # elements of a Word document body
    max_pdf_pages: int = 1_000
    max_pdf_memory: int = 3 * 1024 * MIB  # address space of the process that reads a PDF
    pdf_seconds: int = 300  # time the process that reads a PDF may take
    ocr_page_seconds: int = 180  # more time for each page OCR reads (a page takes 8-100 s on 2 busy cores)
    max_model_bytes: int = 10 * MIB  # a model file (JSON/YAML)
    max_nesting: int = 64  # depth of lists and mappings in a model file
    max_yaml_aliases: int = 1_000  # alias uses in a YAML model file
    max_model_nodes: int = 200_000  # values of a model file, aliases expanded (an alias bomb has billions)
    max_number_digits: int = 12  # digits of an integer in a model file or a table cell (counts < 10**12)


def current() -> Limits:
    """The defaults, each replaced by its ``GIKLINT_<NAME>`` environment variable when set."""
    changes = {}
    for variable, name in _VARIABLES:
        value = os.environ.get(variable)
        if value is not None:
            try:
                changes[name] = int(value)
            except ValueError:
                from giklint.errors import UsageError

                raise UsageError(f"环境变量 {variable} 应为整数，而不是“{value}”") from None
    return replace(_DEFAULTS, **changes) if changes else _DEFAULTS  # (asked three times per file read)


def limit(name: str) -> int:
    """One limit (its environment variable or its default), without reading the others."""
    value = os.environ.get("GIKLINT_" + name.upper())
    if value is not None and value.strip().isdigit():
        return int(value)
    return getattr(_DEFAULTS, name)


_DEFAULTS = Limits()  # (asked for once per table cell: not made anew each time)
_VARIABLES = tuple(("GIKLINT_" + field.name.upper(), field.name) for field in fields(Limits))


def exceeded(path: str, what: str, limit: int, name: str) -> InputError:
    """The input error for a file over one limit, naming the limit and how to raise it."""
    return InputError(path, f"{what}超过上限 {limit:,}（可用环境变量 GIKLINT_{name.upper()} 调整）")
