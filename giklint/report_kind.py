"""Is this file a report at all? The decision that lets folder walks and hooks pass over a README.

A document is *plainly not a report* when its model has none of the three signs every report draft
has, however unfinished: a report title (``meta.title``), one of the six parts (``sections``), or a
figure in one of the three tables (``tables``: a table whose cells are all empty does not count, since
a README that quotes a table's name is no table). One sign is enough to treat it as a report and run
every rule on it: a half-written draft must get its findings, never be skipped.

A JSON or YAML file is a report model only when its top level is a mapping with ``model_version``
(what ``giklint parse`` writes); anything else (``.pre-commit-config.yaml``, a workflow, a label list)
is plainly not a report. A mapping with ``model_version`` that breaks the schema *is* a model, with
errors to show.

Pure functions of the model: the engine (``giklint/engine.py``) calls :func:`not_a_report_reason`
after extraction and the batch runner decides what to do with the answer (skip it in a folder or hook
run, one ``not-a-report`` finding when the file was named on the command line).
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Tuple

MODEL_MARKER = "model_version"  # the key every model file written by ``giklint parse`` starts with

UNREADABLE_NOTICES = ("empty", "no-text-layer")  # loader notices that explain a document without text
NO_SIGNS = "没有报告标题、没有六个部分的标题，也没有表二、表三、表四中的数字"
NOT_A_MODEL = "是JSON/YAML文件，但不是giklint报告模型（没有 model_version，不是 giklint parse 的输出）"


def has_figures(table: Any) -> bool:
    """Does a table (row -> column -> value, or nested further) hold at least one value?"""
    if isinstance(table, Mapping):
        return any(has_figures(value) for value in table.values())
    if isinstance(table, (list, tuple)):
        return any(has_figures(value) for value in table)
    return table is not None and not isinstance(table, bool)


def report_signs(model: Mapping[str, Any]) -> Dict[str, bool]:
    """Which of the three signs of a report the model shows: ``title``, ``sections``, ``tables``."""
    meta = model.get("meta") or {}
    tables = model.get("tables") or {}
    return {"title": bool(meta.get("title")), "sections": bool(model.get("sections")),
            "tables": any(has_figures(table) for table in tables.values())}


def not_a_report_reason(model: Mapping[str, Any]) -> Optional[str]:
    """Why the extracted document is plainly not a report (Chinese), or None when it may be one.

    A document the loader could not read text from (a scan, an empty file) is not judged here: its
    notice says why it shows no sign, and a scanned report must not be passed over as "no report".
    """
    notices = (model.get("source") or {}).get("notices") or []
    if any(str(notice).partition(":")[0] in UNREADABLE_NOTICES for notice in notices):
        return None
    return None if any(report_signs(model).values()) else NO_SIGNS


def is_model_file_content(data: Any) -> bool:
    """Is the parsed content of a JSON/YAML file meant as a report model (a mapping with model_version)?"""
    return isinstance(data, Mapping) and MODEL_MARKER in data


def report_identity(model: Mapping[str, Any]) -> Tuple[Optional[str], Optional[int]]:
    """(agency, year) the report names, for spreadsheets and the per-agency summary of a batch."""
    meta = model.get("meta") or {}
    return meta.get("agency") or None, meta.get("year")
