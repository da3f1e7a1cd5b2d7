"""Images of report pages (``.png``, ``.jpg``, ``.tif``; a multi-page TIFF is one page per frame), read by OCR.

The page is read like a scanned PDF page (``giklint.loaders.scan``): the same characters, strokes,
lines, table rows and locations (page = frame). The resolution is the one the file records (a
scanner writes it), else 200 dpi. Without the ``giklint[ocr]`` extra, or with ``--ocr never``, the
file loads with the notice ``no-text-layer`` saying why, as a scanned PDF does. Images are checked
when named on the command line, never found in a folder (a site's logos are no reports).
"""
from __future__ import annotations

import io
from typing import List

from giklint.document import Document, Line
from giklint.errors import InputError
from giklint.loaders import LoaderSpec
from giklint.loaders._common import require_data

SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
DEFAULT_DPI = 200.0


def sniff_image(data: bytes) -> bool:
    return data.startswith(SIGNATURES)


def image_dpi(image) -> float:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50 <= value <= 1200 else DEFAULT_DPI


def load_image(data: bytes, path: str) -> Document:
    from giklint.loaders.pdf import NO_TEXT_LAYER
    from giklint.loaders.scan import pages_to_read, read_scans, scan_notices

    require_data(data, path)
    frames = open_frames(data, path) if sniff_image(data) else None
    if frames is None:
        raise InputError(path, "图片文件已损坏或格式不受支持，无法读取")
    numbers, hint = pages_to_read(len(frames), range(1, len(frames) + 1))
    if not numbers:
        return Document(path=path, format="image", lines=[], notices=[NO_TEXT_LAYER + (f":{hint}" if hint else "")])
    from giklint.loaders.ocr import recognise

    scans = read_scans(data, path, numbers, lambda number: recognise(frames[number - 1], image_dpi(frames[number - 1])))
    scans.pages = len(frames)
    lines: List[Line] = [line for number in sorted(scans.lines) for line in scans.lines[number]]
    notices = scan_notices([0] * len(frames), list(range(1, len(frames) + 1)), scans)
    return Document(path=path, format="image", lines=lines, notices=notices, uncertain=scans.uncertain)


def open_frames(data: bytes, path: str) -> list:
    """Every frame of the image, decoded; None when the file cannot be decoded."""
    from giklint.loaders.ocr import ocr_installed, ocr_mode

    if ocr_mode() == "never" or not ocr_installed():  # Pillow comes with the extra: not needed now
        return [None]
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
            for frame in frames:
                frame.info.setdefault("dpi", image.info.get("dpi"))
            return frames
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


# searched=False: a folder's logos and screenshots are not reports; page images are checked when named
IMAGE = LoaderSpec("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"), load_image, sniff_image, "图片（OCR）",
                   searched=False)
