"""Which pages OCR reads (``--ocr``): the mode in force, without importing the OCR modules.

A PDF whose every page has a text layer needs OCR only with ``--ocr always``; the PDF loader asks
here first and imports ``giklint.loaders.scan`` (and with it ``giklint.loaders.ocr``) only when a page
may be read by OCR.
"""
from __future__ import annotations

import os

MODES = ("never", "auto", "always")
MODE_VARIABLE = "GIKLINT_OCR"  # never | auto (default: pages without a text layer) | always


def ocr_mode() -> str:
    """The OCR mode in force: ``--ocr`` sets :data:`MODE_VARIABLE`; auto when unset or unknown."""
    mode = os.environ.get(MODE_VARIABLE, "auto").strip().lower()
    return mode if mode in MODES else "auto"
