"""Reading one report: its bytes loaded and extracted, or a model file read back (schema-checked).

The step every entry point shares (``giklint parse``, the batch runner, :func:`giklint.lint`, last
year's report for cross-year rules). The loaders come from the caller (a run's plugins); without
them, from every installed plugin. The model giklint extracts itself is schema-validated only when
``strict`` is asked for (``--strict``): the tests prove it valid for every example, and validating it
on every run cost more than the rest of the check. A model file from outside is always validated.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Tuple, Union

from giklint.document import Document
from giklint.errors import InputError
from giklint.records import dataclass

Source = Union[str, os.PathLike, bytes]


@dataclass
class Report:
    """A read report: the model, and the document it came from (None for a model file)."""

    path: str
    model: Dict[str, Any]
    document: Optional[Document] = None

    @property
    def typed(self):
        """The model as a typed :class:`giklint.model.Report` (converted on each call)."""
        from giklint.model_dict import report_from_dict

        return report_from_dict(self.model)


def read_bytes(source: Source, name: Optional[str] = None, within: Optional[str] = None) -> Tuple[bytes, str]:
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
                strict: bool = False, within: Optional[str] = None) -> Report:
    """Load and extract one report (``strict``: and schema-validate the model), or read back a model
    file; ``within``: the folder a walk found it in, which a link may not leave."""
    from giklint.modelio import MODEL_SUFFIXES, read_model

    data, path = read_bytes(source, name, within)
    if Path(path).suffix.lower() in MODEL_SUFFIXES:
        return Report(path, read_model(data, path))
    from giklint.extract import extract
    from giklint.loaders import load_document

    if loaders is None:
        loaders = default_loaders()
    document = load_document(data, path, loaders)
    model = extract(document)
    if strict:
        from giklint.schema import validate

        validate(model, "report")  # a model that breaks the schema is a bug: fail loudly
    return Report(path, model, document)


def checked_model(model: Dict[str, Any], name: Optional[str]) -> Dict[str, Any]:
    """A model given as a dict, after the schema check (an InputError naming ``name`` when it fails)."""
    from giklint.schema import errors

    problems = errors(model, "report")
    if problems:
        raise InputError(name or "<model>", "不符合报告模型的结构：" + "；".join(problems[:5]))
    return model


def default_loaders() -> list:
    """Loaders from every installed plugin (built-in ones included); the plugin catalog is cached."""
    from giklint.plugins import catalog

    return list(catalog().loaders)
