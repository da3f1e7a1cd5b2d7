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
import os
from pathlib import Path
from typing import Optional

from giklint.loaders.ocr import PageScan

CACHE_VARIABLE = "GIKLINT_CACHE_DIR"
CACHE_VERSION = 4  # bump when PageScan's meaning changes


def cache_root() -> Optional[Path]:
    """The giklint cache folder, or None when the user turned caching off."""
    configured = os.environ.get(CACHE_VARIABLE)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "giklint"


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
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(scan.to_dict(), ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)  # atomic: a parallel run never reads half an entry
        except OSError:
            pass
