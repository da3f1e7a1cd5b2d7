"""Bytes to text: detect the encoding rather than assume it.

Reports come as UTF-8 (with or without BOM), GB18030/GBK and UTF-16. BOMs decide first; then strict
UTF-8; then GB18030 (a superset of GBK and GB2312, so it decodes both); charset-normalizer only when
neither fits, imported lazily because most files never need it.
"""
from __future__ import annotations

import codecs
from typing import Tuple

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _looks_utf16(data: bytes) -> str:
    """UTF-16 without BOM: mostly ASCII/CJK text has many zero bytes on one side."""
    sample = data[:4000]
    if len(sample) < 4:
        return ""
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zero > half * 0.3 and even_zero < half * 0.05:
        return "utf-16-le"
    if even_zero > half * 0.3 and odd_zero < half * 0.05:
        return "utf-16-be"
    return ""


def decode(data: bytes) -> Tuple[str, str]:
    """Return (text, encoding name). Raises UnicodeDecodeError when nothing fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name), name + "-sig" if name == "utf-8" else name
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no encoding fits")
    return str(best), best.encoding
