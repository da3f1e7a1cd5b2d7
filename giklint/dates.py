"""The date types, without importing :mod:`datetime` (one place every layer and rule takes them from).

CPython's ``datetime`` module is a pure-Python implementation that its C accelerator ``_datetime``
replaces at the end of the import, so importing it runs the whole Python version first: about 1.5% of
a one-file check. The classes are the same objects either way (``datetime.date is _datetime.date``),
so dates made here compare, hash, print and pickle as ``datetime``'s do.
"""
try:
    from _datetime import date, datetime
except ImportError:  # pragma: no cover - an interpreter without CPython's accelerator (PyPy)
    from datetime import date, datetime

__all__ = ["date", "datetime"]
