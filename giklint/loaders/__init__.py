"""Loaders: bytes to a :class:`~giklint.document.Document`.

A loader is described by a :class:`LoaderSpec` and contributed through the ``giklint_loaders`` hook,
so a plugin adds a format the same way the built-in ones are added. The loader is chosen by the
content first (a sniffer that recognises the bytes) and by the file suffix second, so a ``.pdf`` that
is really an HTML page is read as what it is, or refused with a clear message.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable, List, Optional, Sequence

from giklint.document import Document
from giklint.errors import InputError
from giklint.records import dataclass


@dataclass(frozen=True)
class LoaderSpec:
    """A loader as a plugin declares it: the file suffixes it reads, how to sniff its bytes, how to load them."""
    name: str  # "text", "markdown", "html", "docx", "pdf", or a plugin's own
    suffixes: Sequence[str]  # lower-case, with the dot: (".md", ".markdown")
    load: Callable[[bytes, str], Document]  # (data, path) -> Document; raises InputError
    sniff: Optional[Callable[[bytes], bool]] = None  # True when the bytes are this format
    description: str = ""
    searched: bool = True  # folders and globs are searched for its suffixes (images: only files named)


def suffix_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def choose_loader(data: bytes, path: str, loaders: Iterable[LoaderSpec]) -> LoaderSpec:
    """The loader for these bytes: a sniffer's yes wins, then the suffix; text is the fallback."""
    loaders = list(loaders)
    sniffed = [spec for spec in loaders if spec.sniff is not None and _safe_sniff(spec, data)]
    suffix = suffix_of(path)
    by_suffix = [spec for spec in loaders if suffix in spec.suffixes]
    if sniffed:
        if by_suffix and by_suffix[0] not in sniffed and by_suffix[0].sniff is not None:
            # a .pdf that is HTML, a .docx that is a PDF: say so rather than misread it
            raise InputError(path, f"文件内容是{sniffed[0].name.upper()}格式，与扩展名“{suffix}”不符")
        return sniffed[0]
    if by_suffix:
        return by_suffix[0]
    for spec in loaders:
        if spec.name == "text":
            return spec
    raise InputError(path, f"不支持的文件类型“{suffix or path}”")


def _safe_sniff(spec: LoaderSpec, data: bytes) -> bool:
    try:
        return bool(spec.sniff(data))
    except Exception:
        return False


def load_document(data: bytes, path: str, loaders: Iterable[LoaderSpec]) -> Document:
    spec = choose_loader(data, path, loaders)
    try:
        document = spec.load(data, path)
    except (InputError, MemoryError):  # out of memory: the batch runner says so for this file
        raise
    except Exception as exc:  # a loader's own failure is still a clear input error, never a traceback
        raise InputError(path, f"无法读取（{spec.name}）：{type(exc).__name__}: {exc}") from exc
    _check_limits(document, path)
    if not document.notices and not any(line.text.strip() for line in document.lines):
        document.notices.append("empty")  # one clear finding instead of every rule finding nothing
    return document


def _check_limits(document: Document, path: str) -> None:
    """Every loader's document (a plugin's too) within the line and character limits."""
    from giklint.limits import current, exceeded

    limits = current()
    if len(document.lines) > limits.max_lines:
        raise exceeded(path, "文档行数", limits.max_lines, "max_lines")
    if sum(len(line.text) for line in document.lines) > limits.max_text_chars:
        raise exceeded(path, "文本字符数", limits.max_text_chars, "max_text_chars")


class Deferred:
    """A function of a module that is imported on the first call: a Markdown check never imports the
    HTML, Word or PDF loader (nor compiles their regexes). ``precheck`` is a cheap test of the bytes
    that the function's answer needs (a sniffer's magic bytes): when it fails, the answer is False
    and the module is not imported."""

    def __init__(self, module: str, name: str, precheck: Optional[Callable[[bytes], bool]] = None) -> None:
        self.module, self.name, self.precheck = module, name, precheck

    def __call__(self, *args: Any) -> Any:
        if self.precheck is not None and not self.precheck(args[0]):
            return False
        return getattr(importlib.import_module(self.module), self.name)(*args)

    def __repr__(self) -> str:
        return f"<deferred {self.module}.{self.name}>"


def _deferred_spec(module: str, name: str, suffixes: Sequence[str], load: str, sniff: str,
                   precheck: Callable[[bytes], bool], description: str, searched: bool = True) -> LoaderSpec:
    module = f"giklint.loaders.{module}"
    return LoaderSpec(name, suffixes, Deferred(module, load), Deferred(module, sniff, precheck), description,
                      searched)


def builtin_loaders() -> List[LoaderSpec]:
    """The engine's own loaders. The text loaders are light; the others (and their libraries, lxml and
    pypdfium2, the OCR engine) are imported when a file of theirs comes. Their names, suffixes and
    descriptions are their modules' ``HTML``, ``DOCX``, ``PDF`` and ``IMAGE`` specs' (a test keeps them
    the same)."""
    from giklint.loaders import text

    return [text.TEXT, text.MARKDOWN,
            _deferred_spec("html", "html", (".html", ".htm", ".shtml", ".xhtml"), "load_html", "sniff_html",
                           lambda data: b"<" in data[:2048], "网页（HTML）"),
            _deferred_spec("docx", "docx", (".docx", ".docm"), "load_docx", "sniff_docx",
                           lambda data: data.startswith(b"PK\x03\x04"), "Word文档（.docx）"),
            _deferred_spec("pdf", "pdf", (".pdf",), "load_pdf", "sniff_pdf",
                           lambda data: b"%PDF-" in data[:1024], "PDF"),
            _deferred_spec("image", "image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"), "load_image",
                           "sniff_image", lambda data: data[:1] in (b"\x89", b"\xff", b"I", b"M"), "图片（OCR）",
                           searched=False)]
