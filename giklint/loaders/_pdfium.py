"""PDFium functions for the per-character and per-object loops of the PDF loader, called without
ctypes' argument conversion.

A pypdfium2 binding declares its argument types, so ctypes passes every argument of every call
through the type's ``from_param`` (a handle through the pointer type's subclass checks, an index
through ``c_int``): measured, that is half the cost of a call, and the PDF loader makes one call per
character of a page and several per drawn object. :func:`bare` gives the same C function with no
argument types; ctypes then passes a Python ``int`` as a C ``int`` and a ctypes object (a handle, a
``byref``) as its pointer, which is what these functions take. Callers must pass exactly those: an
index, a handle from a binding, or ``ctypes.byref`` of an out-value (never a plain ``int`` for a
pointer, which would be cut to 32 bits).
"""
from __future__ import annotations

import ctypes
from typing import Any, Callable, Optional


def bare(function: Any, restype: Any = ctypes.c_int) -> Callable[..., Any]:
    """``function`` (a ``pypdfium2.raw`` binding) as a prototype without argument types, returning
    ``restype`` (give the binding's own ``restype`` for a function that returns a handle)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype)(address)


class Calls:
    """The bare calls the loader's loops make (made once per process, on first use)."""

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self.loose_char_box = bare(pdfium_c.FPDFText_GetLooseCharBox)
        self.is_generated = bare(pdfium_c.FPDFText_IsGenerated)
        self.page_object = bare(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPage_GetObject.restype)
        self.form_object = bare(pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDFFormObj_GetObject.restype)
        self.object_type = bare(pdfium_c.FPDFPageObj_GetType)
        self.draw_mode = bare(pdfium_c.FPDFPath_GetDrawMode)
        self.count_segments = bare(pdfium_c.FPDFPath_CountSegments)
        self.bounds = bare(pdfium_c.FPDFPageObj_GetBounds)


_calls: Optional[Calls] = None


def calls() -> Calls:
    global _calls
    if _calls is None:
        _calls = Calls()
    return _calls
