"""The official table vocabulary where the extractor has always offered it; it lives in :mod:`giklint.template`."""
from __future__ import annotations

from giklint.template import *  # noqa: F401,F403
