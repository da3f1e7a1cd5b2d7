"""PDFium for reading a PDF's text layer and drawing: the library pypdfium2 ships, bound here.

pypdfium2 is the dependency that ships PDFium (``pypdfium2_raw/libpdfium.so``, ``.dylib``,
``pdfium.dll``), but ``import pypdfium2`` declares the ctypes prototypes and structures of every
PDFium function, about a thousand, where the loader calls thirty: measured with valgrind, the
import alone costs ~204 M instructions (``pypdfium2_raw`` ~132 M of them), more than reading a
4-page report. So the text-and-drawing path finds the library file without importing the package
(:func:`library_file`), loads it with ctypes, declares only the functions below, initialises PDFium
as pypdfium2 does (``FPDF_InitLibraryWithConfig``, config version 2) and does what the loader used
of pypdfium2's helpers (:class:`Document`, :class:`Page`, :class:`TextPage`: the same calls, the
same text, the same errors). Rendering pages for OCR stays with pypdfium2 (imported only there);
PDFium initialises once per process, whoever asks first. Where the library file is not found (an
unusual install: a system PDFium, another layout) the same helpers run on ``pypdfium2.raw``.

The per-character and per-object loops call their functions through :func:`bare` prototypes:
with declared argument types ctypes passes every argument through the type's ``from_param`` (a
handle through the pointer type's checks, an index through ``c_int``), half the cost of a call,
and the loader makes one call per character of a page and several per drawn object. A bare
prototype has no argument types; ctypes then passes a Python ``int`` as a C ``int`` and a ctypes
object (a handle, a ``byref``) as its pointer, which is what these functions take. Callers must
pass exactly those: an index, a handle, or ``ctypes.byref`` of an out-value (never a plain ``int``
for a pointer, which would be cut to 32 bits).
"""
from __future__ import annotations

import ctypes
import sys
from codecs import utf_16_le_decode
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

FPDF_PAGEOBJ_PATH = 2
FPDF_PAGEOBJ_IMAGE = 3
FPDF_PAGEOBJ_FORM = 5
FPDF_SEGMENT_LINETO = 0
FPDF_SEGMENT_MOVETO = 2


class _Object(ctypes.Structure):
    """What a PDFium handle points to (opaque)."""


HANDLE = ctypes.POINTER(_Object)  # returned handles stay ctypes objects (c_void_p would give an int)


class FS_RECTF(ctypes.Structure):  # noqa: N801 - PDFium's names
    _fields_ = [("left", ctypes.c_float), ("top", ctypes.c_float), ("right", ctypes.c_float),
                ("bottom", ctypes.c_float)]


class FS_MATRIX(ctypes.Structure):  # noqa: N801
    _fields_ = [(name, ctypes.c_float) for name in "abcdef"]


class FPDF_LIBRARY_CONFIG(ctypes.Structure):  # noqa: N801
    """PDFium reads the fields up to ``version``; all of them are declared, as pypdfium2 does."""
    _fields_ = [("version", ctypes.c_int), ("m_pUserFontPaths", ctypes.c_void_p), ("m_pIsolate", ctypes.c_void_p),
                ("m_v8EmbedderSlot", ctypes.c_uint), ("m_pPlatform", ctypes.c_void_p),
                ("m_RendererType", ctypes.c_int), ("m_FontLibraryType", ctypes.c_int),
                ("m_BrotliEnabled", ctypes.c_int), ("m_IsolatePerDocument", ctypes.c_int)]


_int, _uint, _ulong, _float, _pointer = ctypes.c_int, ctypes.c_uint, ctypes.c_ulong, ctypes.c_float, ctypes.c_void_p
_floats = ctypes.POINTER(ctypes.c_float)
_ints = ctypes.POINTER(ctypes.c_int)
# name: (result type, argument types) as in PDFium's headers; handles are taken as c_void_p, which
# accepts any ctypes pointer (pypdfium2's handles too: the tests mix them), and returned as HANDLE
PROTOTYPES: Dict[str, Tuple[Any, Sequence[Any]]] = {
    "FPDF_InitLibraryWithConfig": (None, (ctypes.POINTER(FPDF_LIBRARY_CONFIG),)),
    "FPDF_LoadMemDocument64": (HANDLE, (_pointer, ctypes.c_size_t, ctypes.c_char_p)),
    "FPDF_GetLastError": (_ulong, ()),
    "FPDF_GetPageCount": (_int, (_pointer,)),
    "FPDF_CloseDocument": (None, (_pointer,)),
    "FPDF_LoadPage": (HANDLE, (_pointer, _int)),
    "FPDF_ClosePage": (None, (_pointer,)),
    "FPDF_GetPageWidthF": (_float, (_pointer,)),
    "FPDF_GetPageHeightF": (_float, (_pointer,)),
    "FPDFText_LoadPage": (HANDLE, (_pointer,)),
    "FPDFText_ClosePage": (None, (_pointer,)),
    "FPDFText_CountChars": (_int, (_pointer,)),
    "FPDFText_GetTextIndexFromCharIndex": (_int, (_pointer, _int)),
    "FPDFText_GetText": (_int, (_pointer, _int, _int, ctypes.POINTER(ctypes.c_ushort))),
    "FPDFText_GetUnicode": (_uint, (_pointer, _int)),
    "FPDFText_GetLooseCharBox": (_int, (_pointer, _int, ctypes.POINTER(FS_RECTF))),
    "FPDFText_IsGenerated": (_int, (_pointer, _int)),
    "FPDFPage_CountObjects": (_int, (_pointer,)),
    "FPDFPage_GetObject": (HANDLE, (_pointer, _int)),
    "FPDFPageObj_GetType": (_int, (_pointer,)),
    "FPDFPageObj_GetBounds": (_int, (_pointer, _floats, _floats, _floats, _floats)),
    "FPDFPageObj_GetMatrix": (_int, (_pointer, ctypes.POINTER(FS_MATRIX))),
    "FPDFFormObj_CountObjects": (_int, (_pointer,)),
    "FPDFFormObj_GetObject": (HANDLE, (_pointer, _ulong)),
    "FPDFPath_GetDrawMode": (_int, (_pointer, _ints, _ints)),
    "FPDFPath_CountSegments": (_int, (_pointer,)),
    "FPDFPath_GetPathSegment": (HANDLE, (_pointer, _int)),
    "FPDFPathSegment_GetPoint": (_int, (_pointer, _floats, _floats)),
    "FPDFPathSegment_GetType": (_int, (_pointer,)),
    "FPDFPathSegment_GetClose": (_int, (_pointer,)),
}


def library_file() -> Optional[str]:
    """The PDFium library in pypdfium2_raw's folder, found without importing the package (its
    bindings load ``./{prefix}pdfium.{suffix}`` from there); None when it is not there."""
    import os
    from importlib.util import find_spec

    try:
        spec = find_spec("pypdfium2_raw")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


class Binding:
    """The functions of :data:`PROTOTYPES` (attributes of PDFium's names), the structures and
    constants the loader uses: what ``pypdfium2.raw`` offers of them, bound to ``path``."""

    FS_RECTF, FS_MATRIX = FS_RECTF, FS_MATRIX
    FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_FORM = FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_FORM
    FPDF_SEGMENT_LINETO, FPDF_SEGMENT_MOVETO = FPDF_SEGMENT_LINETO, FPDF_SEGMENT_MOVETO

    def __init__(self, path: str) -> None:
        shared = ctypes.CDLL(path)
        for name, (restype, argtypes) in PROTOTYPES.items():
            function = shared[name]  # a new function object (attribute access would share one)
            function.restype, function.argtypes = restype, argtypes
            setattr(self, name, function)

    def initialise(self) -> None:
        """PDFium's start, as pypdfium2 makes it (PDFium ignores a second one in the process, so
        pypdfium2 imported later for OCR, or earlier, finds it started)."""
        config = FPDF_LIBRARY_CONFIG(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0)
        self.FPDF_InitLibraryWithConfig(ctypes.byref(config))


_library: Any = None


def library() -> Any:
    """PDFium's functions for reading, loaded and initialised once per process (a forked child
    inherits them): a :class:`Binding`, or ``pypdfium2.raw`` where the library file is not found."""
    global _library
    if _library is None:
        path = library_file()
        binding: Any = None
        if path is not None:
            try:
                binding = Binding(path)
            except (OSError, AttributeError):  # not loadable here, or an older PDFium without a function
                binding = None
        if binding is None:
            import pypdfium2
            import pypdfium2.raw  # noqa: F401 - importing pypdfium2 initialised PDFium

            binding = pypdfium2.raw
        elif "pypdfium2" not in sys.modules:
            binding.initialise()
        _library = binding
    return _library


# ---------------------------------------------------------------- what the loader used of pypdfium2's helpers

class PdfiumError(RuntimeError):
    """A PDFium call that failed: pypdfium2's error of the same name and message (a file whose page
    cannot be loaded is reported as "无法读取：PdfiumError: Failed to load page."), with
    ``err_code`` (``FPDF_GetLastError``) where a document did not load."""

    def __init__(self, message: str, err_code: Optional[int] = None) -> None:
        super().__init__(message)
        self.err_code = err_code


class Document:
    """A PDF read from memory; ``len`` gives its pages, ``document[i]`` loads page ``i``.

    PDFium reads the bytes in place, so the document keeps them until it is closed.
    """

    def __init__(self, data: bytes) -> None:
        pdfium = library()
        raw = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
        if pdfium.FPDF_GetPageCount(raw) < 1:  # pypdfium2's test: no document, or one without pages
            code = pdfium.FPDF_GetLastError()
            if raw:
                pdfium.FPDF_CloseDocument(raw)
            raise PdfiumError(f"Failed to load document (PDFium error {code}).", err_code=code)
        self.pdfium, self.raw, self._data = pdfium, raw, data

    def __len__(self) -> int:
        return self.pdfium.FPDF_GetPageCount(self.raw)

    def __getitem__(self, index: int) -> Page:
        raw = self.pdfium.FPDF_LoadPage(self.raw, index)
        if not raw:
            raise PdfiumError("Failed to load page.")
        return Page(self.pdfium, raw)

    def close(self) -> None:
        """Close the document (after its pages); the bytes may go then."""
        if self.raw is not None:
            self.pdfium.FPDF_CloseDocument(self.raw)
            self.raw = self._data = None


class Closable:
    """A handle of a document's part, closed once (after its own parts) by ``closer``."""

    closer = ""

    def __init__(self, pdfium: Any, raw: Any) -> None:
        self.pdfium, self.raw = pdfium, raw

    def close(self) -> None:
        if self.raw is not None:
            getattr(self.pdfium, self.closer)(self.raw)
            self.raw = None


class Page(Closable):
    closer = "FPDF_ClosePage"

    def get_width(self) -> float:
        return self.pdfium.FPDF_GetPageWidthF(self.raw)

    def get_height(self) -> float:
        return self.pdfium.FPDF_GetPageHeightF(self.raw)

    def get_textpage(self) -> TextPage:
        raw = self.pdfium.FPDFText_LoadPage(self.raw)
        if not raw:
            raise PdfiumError("Failed to load text page.")
        return TextPage(self.pdfium, raw)


class TextPage(Closable):
    closer = "FPDFText_ClosePage"

    def get_text_range(self) -> str:
        """The page's text as ``FPDFText_GetText`` gives it (UTF-16, so one ``str`` char per char of
        the page only where all are in the BMP), as pypdfium2's ``get_text_range()`` reads it:
        characters that have no place in the text at either end left out (PDFium would read past
        the range otherwise), the terminating NUL dropped, undecodable halves of pairs ignored."""
        pdfium, raw = self.pdfium, self.raw
        count = pdfium.FPDFText_CountChars(raw)
        if count == -1:
            raise PdfiumError("Failed to get character count.")
        first, last = 0, count - 1
        text_index = pdfium.FPDFText_GetTextIndexFromCharIndex
        while first <= last and text_index(raw, first) == -1:
            first += 1
        while first <= last and text_index(raw, last) == -1:
            last -= 1
        if first > last:
            return ""
        size = text_index(raw, last) + 2 - text_index(raw, first)  # with the terminating NUL
        buffer = (ctypes.c_ushort * size)()
        written = pdfium.FPDFText_GetText(raw, first, last + 1 - first, buffer)
        if written > size:
            raise AssertionError(f"Buffer too small: {size} vs {written}")
        # (``bytes.decode("utf-16-le", errors="ignore")`` is this call, found through the codec registry,
        # which imports ``encodings.utf_16_le`` for it: ~1 M instructions in every reading child)
        return utf_16_le_decode(memoryview(buffer)[:written - 1].tobytes(), "ignore", True)[0]


# ---------------------------------------------------------------- the loops' calls

def bare(function: Any, restype: Any = ctypes.c_int) -> Callable[..., Any]:
    """``function`` (a binding) as a prototype without argument types, returning ``restype`` (give
    the binding's own ``restype`` for a function that returns a handle)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype)(address)


class Calls:
    """The bare calls the loader's loops make (made once per process, on first use)."""

    def __init__(self) -> None:
        pdfium = library()
        self.loose_char_box = bare(pdfium.FPDFText_GetLooseCharBox)
        self.is_generated = bare(pdfium.FPDFText_IsGenerated)
        self.page_object = bare(pdfium.FPDFPage_GetObject, pdfium.FPDFPage_GetObject.restype)
        self.form_object = bare(pdfium.FPDFFormObj_GetObject, pdfium.FPDFFormObj_GetObject.restype)
        self.object_type = bare(pdfium.FPDFPageObj_GetType)
        self.draw_mode = bare(pdfium.FPDFPath_GetDrawMode)
        self.count_segments = bare(pdfium.FPDFPath_CountSegments)
        self.bounds = bare(pdfium.FPDFPageObj_GetBounds)


_calls: Optional[Calls] = None


def calls() -> Calls:
    global _calls
    if _calls is None:
        _calls = Calls()
    return _calls
