"""表二, 表三, 表四: every cell as a number or None, anchored on the official row labels.

(stub: the extraction work fills this in)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Sequence

from giklint.document import Line
from giklint.extract.sections import Sections


@dataclass
class TableResult:
    tables: Dict[str, Any] = field(default_factory=lambda: {
        "active_disclosure": None, "applications": None, "review_litigation": None})
    info: Dict[str, Any] = field(default_factory=dict)  # table name -> table_info (see the schema)
    locations: Dict[str, Any] = field(default_factory=dict)  # "tables.x.row.col" -> location dict
    template: Optional[str] = None  # "2019" / "2021" from the tables' signatures, None if unknown


def extract_tables(lines: Sequence[Line], sections: Sections) -> TableResult:
    return TableResult()
