"""Incompressible JPEG images that give sample scans and decks a realistic size.

Noise compresses like a photographed page: a scanned A4 page is typically a
few hundred kilobytes. Images are made once per generator run and reused.
"""

from __future__ import annotations

import io
import random

from PIL import Image

__all__ = ["image_pool", "noise_jpeg"]


def noise_jpeg(rng: random.Random, width: int, height: int, quality: int = 60) -> bytes:
    """A grey-scale JPEG of random noise, `width` x `height` pixels."""
    image = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def image_pool(rng: random.Random, *, scale: float = 1.0) -> list[bytes]:
    """A few page-sized noise images, small to large; `scale` shrinks them for fast tests."""
    sizes = ((300, 420), (500, 700), (700, 990), (900, 1270))
    return [noise_jpeg(rng, max(16, int(w * scale)), max(16, int(h * scale))) for w, h in sizes]
