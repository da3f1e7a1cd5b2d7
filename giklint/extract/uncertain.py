"""Table cells OCR read with low confidence: kept out of the arithmetic, listed as uncertain.

A scanned page's characters read with a low score are listed by the loader
(:attr:`~giklint.document.Document.uncertain`). A table cell whose text starts at, or runs over, such a
character is not trusted: its value becomes null (so no sum is judged on a guess, and no arithmetic
error is reported for a misread digit) and the text as read goes to
``table_info.<table>.uncertain_cells`` (``row.column`` -> text), which the ``cell-uncertain`` rule
reports and ``cell-missing``/``cell-invalid`` leave alone.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Set, Tuple

from giklint.document import Location

Spot = Tuple[Any, Any, Any]  # (page, line, column)


def spot(location: Dict[str, Any]) -> Spot:
    return location.get("page"), location.get("line"), location.get("column")


def shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def mark_uncertain_cells(model: Dict[str, Any], uncertain: Iterable[Location]) -> None:
    spots: Set[Spot] = {(l.page, l.line, l.column) for l in uncertain}
    if not spots:
        return
    for key, location in (model.get("locations") or {}).items():
        parts = key.split(".")
        if len(parts) != 4 or parts[0] != "tables" or spot(location) not in spots:
            continue
        _, name, row, column = parts
        cells = (model.get("tables") or {}).get(name, {}).get(row)
        info = (model.get("table_info") or {}).get(name)
        if not isinstance(cells, dict) or not isinstance(info, dict) or column not in cells:
            continue
        invalid = info.get("invalid_cells") or {}
        text = invalid.pop(f"{row}.{column}", None)
        if not invalid:
            info.pop("invalid_cells", None)
        if text is None and cells[column] is None:
            continue  # a blank cell: nothing was read to doubt
        info.setdefault("uncertain_cells", {})[f"{row}.{column}"] = text if text is not None else shown(cells[column])
        cells[column] = None
