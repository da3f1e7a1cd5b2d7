"""The HTML page's rendering of 表二, 表三 and 表四 from the report model, with official labels.

A cell a finding points at carries ``hit`` and the finding ids in ``data-findings``; its id is
``<file>-cell-<table>-<row>-<column>`` so the finding list can link to it.
"""
from __future__ import annotations

from html import escape
from typing import Any, Dict, List, Sequence, Tuple

from giklint import vocabulary
from giklint.model import Report
from giklint.rule import SEVERITY_RANK

Hits = Dict[str, List[Tuple[str, str]]]  # (cell or row model path) -> [(finding id, severity)]


def cell_id(file_id: str, table: str, row: str, column: str) -> str:
    return f"{file_id}-cell-{table}-{row}-{column}"


def render_tables(report: Report, file_id: str, hits: Hits) -> str:
    default = str(report.meta.template or "2021")
    parts = []
    for name, title in vocabulary.TABLE_NAMES.items():
        table = report.table(name)
        data = {row.key: row.values for row in table.rows if row.in_values} if table and table.has_values else {}
        layout = str((table.template if table else None) or default)
        if not data:
            parts.append(f'<h4>{escape(title)}</h4><p class="absent">未找到此表。</p>')
            continue
        grid = table_grid(name, data, layout)
        parts.append(f'<h4>{escape(title)}</h4>' + render_grid(name, data, grid, file_id, hits))
    return "\n".join(parts)


def table_grid(name: str, data: Dict[str, Any], layout: str) -> Tuple[List[str], List[Tuple[str, str, List[str]]]]:
    """(column keys, [(row key, row label, column keys of that row)]) in printed order.

    Rows and columns the model has beyond the official layout (a mixed table) follow at the end.
    """
    if name == "applications":
        columns = [key for key, _ in vocabulary.APPLICATION_COLUMNS]
        rows = [(key, _group_label(label, group), columns) for key, label, group in vocabulary.application_rows(layout)]
    elif name == "review_litigation":
        columns = [key for key, _ in vocabulary.REVIEW_COLUMNS]
        rows = [(key, label, columns) for key, label in vocabulary.REVIEW_GROUPS]
    else:
        columns = []
        rows = [(key, label, [c for c, _ in cols]) for key, label, _, cols in vocabulary.active_disclosure_rows(layout)]
    listed = {key for key, _, _ in rows}
    for key, cells in data.items():
        if key not in listed:
            rows.append((key, vocabulary.row_label(name, key), list((cells or {}).keys()) or columns))
    completed = []
    for key, label, cols in rows:
        extra = [c for c in (data.get(key) or {}) if c not in cols]
        completed.append((key, label, list(cols) + extra))
    return columns, completed


def _group_label(label: str, group: str) -> str:
    return f"{group} · {label}" if group and group != "三、本年度办理结果" else label


def render_grid(name: str, data: Dict[str, Any], grid, file_id: str, hits: Hits) -> str:
    columns, rows = grid
    data_attr = f' data-table="{escape(name)}"'
    if not columns:  # 表二: rows have their own columns, so one line per (row, column)
        return _render_long(name, data, rows, file_id, hits, data_attr)
    head = "".join(f"<th>{escape(vocabulary.column_label(name, c))}</th>" for c in columns)
    body = []
    for key, label, cols in rows:
        cells = "".join(_cell(name, data, key, c, file_id, hits) for c in cols)
        body.append(f'<tr{_row_class(name, key, hits)}><th class="row-label">{escape(label)}</th>{cells}</tr>')
    return (f'<table class="report-table"{data_attr}><thead><tr><th>项目</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _render_long(name: str, data: Dict[str, Any], rows, file_id: str, hits: Hits, data_attr: str) -> str:
    body = []
    for key, label, cols in rows:
        for i, column in enumerate(cols):
            row_head = f'<th class="row-label" rowspan="{len(cols)}">{escape(label)}</th>' if i == 0 else ""
            body.append(f'<tr{_row_class(name, key, hits)}>{row_head}'
                        f'<td class="column-label">{escape(vocabulary.column_label(name, column, key))}</td>'
                        f'{_cell(name, data, key, column, file_id, hits)}</tr>')
    return (f'<table class="report-table"{data_attr}><thead><tr><th>信息内容</th><th>项目</th><th>数值</th></tr>'
            f'</thead><tbody>{"".join(body)}</tbody></table>')


def _row_class(name: str, row: str, hits: Hits) -> str:
    found = hits.get(f"tables.{name}.{row}")
    if not found:
        return ""
    return f' class="hit-row {severity_class(found)}" data-findings="{" ".join(f for f, _ in found)}"'


def _cell(name: str, data: Dict[str, Any], row: str, column: str, file_id: str, hits: Hits) -> str:
    value = format_value((data.get(row) or {}).get(column))
    found = hits.get(f"tables.{name}.{row}.{column}") or []
    classes = ["value"] + (["hit", severity_class(found)] if found else []) + ([] if value else ["empty"])
    attrs = f' id="{escape(cell_id(file_id, name, row, column))}" class="{" ".join(classes)}"'
    if found:
        attrs += f' data-findings="{" ".join(f for f, _ in found)}"'
    return f"<td{attrs}>{escape(value) if value else '—'}</td>"


def format_value(value: Any) -> str:
    """A cell as printed: integers without ".0", absent cells as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def severity_class(found: Sequence[Tuple[str, str]]) -> str:
    worst = max((severity for _, severity in found), key=lambda s: SEVERITY_RANK.get(s, 0))
    return f"sev-{worst}"
