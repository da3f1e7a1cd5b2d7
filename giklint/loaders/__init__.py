"""Loaders: bytes to a :class:`~giklint.document.Document`.

A loader is described by a :class:`LoaderSpec` and contributed through the ``giklint_loaders`` hook,
so a plugin adds a format the same way the built-in ones are added. The loader is chosen by the
content first (a sniffer that recognises the bytes) and by the file suffix second, so a ``.pdf`` that
is really an HTML page is read as what it is, or refused with a clear message.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, List, Optional, Sequence

from giklint.document import Document
from giklint.errors import InputError


@dataclass(frozen=True)
class LoaderSpec:
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
    except InputError:
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


def builtin_loaders() -> List[LoaderSpec]:
    """The engine's own loaders; each imports its heavy library (lxml, pypdfium2) only when it loads."""
    from giklint.loaders import docx, html, image, pdf, text

    return [text.TEXT, text.MARKDOWN, html.HTML, docx.DOCX, pdf.PDF, image.IMAGE]
