"""Extract: a loaded :class:`~giklint.document.Document` to the report model (``docs/model.md``).

The steps are independent modules, each reading lines and what earlier steps found:
``sections`` (the six parts), ``tables`` (表二/表三/表四 cell by cell), ``meta`` (title, agency, year,
period, contacts, signature, publication date) and ``narrative`` (numbers in the text that restate
table figures). The result is a plain dict that ``giklint.schema`` validates before any rule runs.
"""
from __future__ import annotations

from typing import Any, Dict

from giklint.document import Document

MODEL_VERSION = 1


def extract(document: Document) -> Dict[str, Any]:
    # imported here, not at the top: rules import giklint.extract.template, and start-up (pre-commit,
    # ``--version``) should not pay for compiling the extractors' patterns
    from giklint.extract import meta, narrative, sections, tables
    from giklint.extract.text import Flow, line_items

    lines = document.lines
    found = sections.find_sections(lines)
    table_result = tables.extract_tables(lines, found)
    flow = Flow(lines)  # the whole text, read by meta and narrative alike
    meta_result = meta.extract_meta(document, found, table_result, flow)
    model: Dict[str, Any] = {
        "model_version": MODEL_VERSION,
        "source": {
            "path": document.path,
            "format": document.format,
            "encoding": document.encoding,
            "notices": list(document.notices),
        },
        "meta": meta_result.meta,
        "preamble": {"lines": line_items(lines[: found.preamble_end])},
        "sections": [
            {
                "number": part.number,
                "heading": part.heading,
                "numbering": part.numbering,
                "location": part.location.to_dict(),
                "body": "\n".join(line.text for line in lines[part.body_start: part.end]).strip(),
                "lines": line_items(lines[part.body_start: part.end]),
            }
            for part in found.parts
        ],
        "tables": table_result.tables,
        "table_info": table_result.info,
        "other_headings": list(found.other_headings),
        "narrative": narrative.extract_narrative(lines, found, flow),
        "locations": {**table_result.locations, **meta_result.locations},
    }
    if document.uncertain:  # a scan read by OCR (giklint/extract/uncertain.py)
        from giklint.extract.uncertain import mark_uncertain_cells

        mark_uncertain_cells(model, document.uncertain)
    return model
