"""The Python API: ``parse`` a report into the model; ``lint`` it (see :mod:`giklint.engine`).

Both accept a path, ``bytes`` (with ``name`` giving the file name the format is guessed from) or,
for ``lint``, a model dict. They are plain functions of their arguments, safe to call from worker
processes (for instance a Dask bag over an archive of reports).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Union

from giklint.document import Document
from giklint.errors import InputError

Source = Union[str, os.PathLike, bytes]


@dataclass
class Report:
    """A read report: the validated model, and the document it came from (None for a model file)."""

    path: str
    model: Dict[str, Any]
    document: Optional[Document] = None


def read_bytes(source: Source, name: Optional[str] = None, within: Optional[str] = None) -> tuple:
    """(bytes, path name) of a source; a clear InputError when the file cannot be read (see
    :func:`giklint.loaders._common.read_file`: regular files only, no link out of ``within``, bounded)."""
    from giklint.loaders._common import read_file, read_stream

    if isinstance(source, (bytes, bytearray)):
        return bytes(source), name or "<bytes>"
    path = os.fspath(source)
    if path == "-":
        import sys

        return read_stream(sys.stdin.buffer, name or "<stdin>"), name or "<stdin>"
    return read_file(path, within), name or path


def read_report(source: Source, name: Optional[str] = None, loaders: Optional[Iterable] = None,
                within: Optional[str] = None) -> Report:
    """Load, extract and schema-validate one report (or read back a model file); ``within``: the folder
    a walk found it in, which a link may not leave."""
    from giklint.modelio import MODEL_SUFFIXES, read_model

    data, path = read_bytes(source, name, within)
    if Path(path).suffix.lower() in MODEL_SUFFIXES:
        return Report(path, read_model(data, path))
    from giklint.extract import extract
    from giklint.loaders import load_document
    from giklint.schema import validate

    if loaders is None:
        loaders = default_loaders()
    document = load_document(data, path, loaders)
    model = extract(document)
    validate(model, "report")  # a model that breaks the schema is a bug: fail loudly
    return Report(path, model, document)


def default_loaders() -> list:
    """Loaders from every installed plugin (built-in ones included); the plugin catalog is cached."""
    from giklint.plugins import catalog

    return list(catalog().loaders)


def parse(source: Source, name: Optional[str] = None) -> Dict[str, Any]:
    """The report model of one report (SPEC.md §4), validated against ``schemas/report.schema.json``."""
    return read_report(source, name).model
