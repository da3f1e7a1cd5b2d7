"""Title, agency, year, template, statistics period, contacts, signature, publication date.

(stub: the extraction work fills this in)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict

from giklint.document import Document
from giklint.extract.sections import Sections
from giklint.extract.tables import TableResult


@dataclass
class MetaResult:
    meta: Dict[str, Any]
    locations: Dict[str, Any] = field(default_factory=dict)


def extract_meta(document: Document, sections: Sections, tables: TableResult) -> MetaResult:
    return MetaResult(meta={
        "title": None, "agency": None, "year": None, "template": tables.template,
        "period": {"start": None, "end": None, "raw": None, "valid": None, "location": None},
        "contacts": {"phone": [], "fax": [], "email": [], "address": [], "postcode": []},
        "signature": None, "published": document.metadata.get("published"),
        "published_source": "metadata" if document.metadata.get("published") else None,
    })
