"""The OCR cache: what OCR read on a page, kept per file content so a re-run (pre-commit) does not OCR again.

Entries live in the user's cache folder, never beside the checked files:
``$GIKLINT_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/giklint``, else ``~/.cache/giklint``; OCR
results go to its ``ocr/`` folder, one JSON file per page, named by the SHA-256 of the file's bytes,
the page, the render resolution and the OCR engine's version (a new engine reads again). Setting
``GIKLINT_CACHE_DIR`` to an empty string turns the cache off. A cache that cannot be read or
written is passed over silently: it only saves time.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

from giklint.loaders.ocr import PageScan
from giklint.user_cache import cache_root, write_atomically

CACHE_VERSION = 4  # bump when PageScan's meaning changes


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OcrCache:
    """Page scans of one file, by page number."""

    def __init__(self, data: bytes, dpi: float, engine: str) -> None:
        root = cache_root()
        self.folder = root / "ocr" if root is not None else None
        self.stem = f"{content_key(data)}-{dpi:g}-{engine}-v{CACHE_VERSION}"

    def _file(self, page: int) -> Optional[Path]:
        return self.folder / f"{self.stem}-p{page}.json" if self.folder is not None else None

    def get(self, page: int) -> Optional[PageScan]:
        path = self._file(page)
        if path is None or not path.is_file():
            return None
        try:
            return PageScan.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None  # a damaged entry is read again

    def put(self, page: int, scan: PageScan) -> None:
        path = self._file(page)
        if path is not None:  # written atomically: a parallel run never reads half an entry
            write_atomically(path, json.dumps(scan.to_dict(), ensure_ascii=False).encode("utf-8"))
