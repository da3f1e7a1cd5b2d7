"""A simulated scanner: a PDF page printed, stamped and scanned back in, as an image.

Used by ``bench/ocr.py`` (and by the OCR tests, on a small page): a page of one of the project's own
PDFs is rendered by pypdfium2 at the scan resolution, then gets what a real scan of a printed,
stamped report has: a red seal (公章) over part of the page, a slight rotation, sensor noise and JPEG
compression. Deterministic (seeded), so figures are comparable between runs.
"""
from __future__ import annotations

import io
import math
import random
from typing import List, Optional, Tuple

SEAL_RED = (220, 30, 30)


def render(pdf_path: str, page_index: int, dpi: float):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_path)
    try:
        page = document[page_index]
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    return image


def stamp(image, centre: Tuple[float, float], radius: float):
    """A red seal: a ring, a star and a ring of text-like marks, multiplied over the page (ink shows through)."""
    from PIL import Image, ImageChops, ImageDraw

    seal = Image.new("RGB", image.size, (255, 255, 255))
    draw = ImageDraw.Draw(seal)
    x, y = centre
    width = max(int(radius / 12), 2)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=SEAL_RED, width=width)
    star = [(x + radius * 0.3 * math.cos(math.pi / 2 + i * 4 * math.pi / 5),
             y - radius * 0.3 * math.sin(math.pi / 2 + i * 4 * math.pi / 5)) for i in range(5)]
    draw.polygon(star, fill=SEAL_RED)
    for i in range(14):  # the agency's name around the ring
        angle = math.pi * (0.15 + 0.7 * i / 13) + math.pi
        cx, cy = x + radius * 0.72 * math.cos(angle), y + radius * 0.72 * math.sin(angle)
        size = radius * 0.09
        draw.rectangle((cx - size, cy - size, cx + size, cy + size), fill=SEAL_RED)
    return ImageChops.multiply(image, seal)


def scan(image, dpi: float, angle: float = 0.4, seal_at: Optional[Tuple[float, float]] = (0.62, 0.35),
         quality: int = 75, noise: float = 6.0, seed: int = 14):
    """The image as a scanner gives it back: sealed, rotated by ``angle`` degrees, noisy, JPEG-compressed."""
    import numpy as np
    from PIL import Image

    if seal_at is not None:
        width, height = image.size
        image = stamp(image, (seal_at[0] * width, seal_at[1] * height), radius=dpi * 0.8)
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image).astype(np.float32) + rng.normal(0, noise, (image.size[1], image.size[0], 1))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, dpi=(dpi, dpi))
    buffer.seek(0)
    return Image.open(buffer)


def scanned_pdf(pages: List, dpi: float) -> bytes:
    """Scanned page images as an image-only PDF (what a scanner's "save as PDF" writes)."""
    buffer = io.BytesIO()
    first, rest = pages[0], pages[1:]
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=dpi)
    return buffer.getvalue()


def scanned_copy(pdf_path: str, dpi: float, pages: Optional[List[int]] = None, seed: int = 14) -> bytes:
    """Every page (or the listed page indexes) of a PDF, printed, sealed and scanned back in."""
    import pypdfium2 as pdfium

    count = len(pdfium.PdfDocument(pdf_path))
    rng = random.Random(seed)
    images = []
    for index in pages if pages is not None else range(count):
        angle = rng.choice((-1, 1)) * rng.uniform(0.2, 0.8)
        seal = (rng.uniform(0.5, 0.75), rng.uniform(0.25, 0.6)) if index > 0 else None
        images.append(scan(render(pdf_path, index, dpi), dpi, angle=angle, seal_at=seal, seed=seed + index))
    return scanned_pdf(images, dpi)
