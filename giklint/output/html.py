"""``--format html``: one self-contained page for a reviewer who never opens a terminal.

The page (inline CSS, no script) shows a summary per file and per rule, then for each file its
findings, the extracted 表二/表三/表四 with the cells at fault highlighted, and the document's text with
each finding marked where it occurs. Findings, marks and cells link to each other by anchors. Every
piece of text that comes from a document, a finding or a path is escaped.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple

from giklint.document import Location as Place
from giklint.output._findings import (
    count_by_severity, describe_location, display_path, error_text, finding_location, root_of, rules_by_code,
    sorted_findings,
)
from giklint.output._html_text import LineIndex, Mark, render_document
from giklint.rule import SEVERITY_ZH

if TYPE_CHECKING:
    from giklint.model import Location, Report

# (cell or row model path) -> [(finding id, severity)]; giklint.output._html_tables renders them
Hits = Dict[str, List[Tuple[str, str]]]

# Chinese text needs a CJK font: the page names the common ones of macOS, Windows and Linux (Noto/Source
# Han, WenQuanYi), so no reviewer sees empty boxes wherever one of them is installed.
CJK_FONTS = ('"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
             '"Noto Sans SC","WenQuanYi Micro Hei","WenQuanYi Zen Hei"')
MONO_FONTS = '"Noto Sans Mono CJK SC","Sarasa Mono SC","WenQuanYi Zen Hei Mono",ui-monospace,monospace'

STYLE = """
body{font-family:%(cjk)s,sans-serif;margin:0 auto;max-width:1200px;
padding:1em 2em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
th{background:#f3f3f3;font-weight:normal;text-align:left}td.value{text-align:right;min-width:3em}
table.report-table thead th{word-break:keep-all;white-space:nowrap}
td.empty{color:#999}.count{text-align:right}
.sev-error{--sev:#c62828;--sev-bg:#ffebee}.sev-warning{--sev:#b26a00;--sev-bg:#fff3e0}
.sev-info{--sev:#1565c0;--sev-bg:#e3f2fd}
.severity{color:var(--sev);font-weight:bold}
td.hit,tr.hit-row th{background:var(--sev-bg);outline:2px solid var(--sev)}
mark.finding-mark{background:var(--sev-bg);border-bottom:2px solid var(--sev);color:inherit}
.badge{font-size:.75em;color:#fff;background:var(--sev);border-radius:3px;padding:0 .3em;margin-left:.4em;
text-decoration:none}
ol.findings li{margin:.3em 0}ol.findings .where{color:#666}ol.findings a{margin-left:.5em}
.document{font-family:%(mono)s,%(cjk)s;font-size:.9em;border:1px solid #ddd;
max-height:40em;overflow:auto}
.line{display:flex;white-space:pre-wrap;tab-size:4;border-bottom:1px solid #f3f3f3}
.line .where{flex:0 0 11em;color:#999;text-align:right;padding-right:.8em;user-select:none}
.line .text{flex:1;min-width:0;overflow-wrap:anywhere}.line.has-finding{background:#fffbe6}
:target{scroll-margin-top:4em}li.finding:target,td:target,.line:target{outline:3px solid #ffb300}
.file-error{border:1px solid #c62828;background:#ffebee;padding:.5em 1em}
.absent{color:#666}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.document{max-height:none;overflow:visible;border:none}
.line{break-inside:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.line .where{flex-basis:7em}
mark.finding-mark,td.hit,tr.hit-row th,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
tr{break-inside:avoid}h2,h3,h4{break-after:avoid}
}
""" % {"cjk": CJK_FONTS, "mono": MONO_FONTS}


def render(results: List[Any], rules: List[type], options: Optional[Dict[str, Any]] = None) -> str:
    from giklint import __version__

    root = root_of(options)
    files = [FilePage(result, f"file-{i}", display_path(result.path, root)) for i, result in enumerate(results, 1)]
    totals = count_by_severity(f for page in files for f in page.findings)
    head = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>政府信息公开工作年度报告检查结果</title><style>{STYLE}</style></head><body>')
    intro = (f'<h1>政府信息公开工作年度报告检查结果</h1><p class="summary">共检查 {len(files)} 个文件，'
             f'{_counts_text(totals)}。由 giklint {escape(__version__)} 生成。</p>')
    body = [intro, files_summary(files), rules_summary(files, rules)]
    body.extend(page.render() for page in files)
    return head + "\n".join(body) + "</body></html>\n"


def _counts_text(counts: Dict[str, int]) -> str:
    return "，".join(f"{SEVERITY_ZH[s]} {n} 个" for s, n in counts.items() if s in SEVERITY_ZH)


def _typed(model: Optional[Dict[str, Any]]) -> "Optional[Report]":
    """The typed model of a result (None when the file gave no model)."""
    if not model:
        return None
    from giklint.model_dict import report_from_dict

    return report_from_dict(model)


def _table_locations(report: "Optional[Report]") -> Iterator[Tuple[str, "Location"]]:
    """(model path, location) of every located table row and cell."""
    for table in report.tables if report is not None else ():
        for row in table.rows:
            if row.location:
                yield f"tables.{table.name}.{row.key}", row.location
            for cell in row.cells:
                if cell.located and cell.location:
                    yield f"tables.{table.name}.{row.key}.{cell.column}", cell.location


class FilePage:
    """One file's part of the page: findings placed in its text and tables."""

    def __init__(self, result: Any, file_id: str, shown_path: str) -> None:
        self.result = result
        self.file_id = file_id
        self.path = shown_path
        self.findings = sorted_findings(result)
        self.ids = [f"{file_id}-finding-{k}" for k in range(1, len(self.findings) + 1)]
        self.report = _typed(getattr(result, "model", None))
        self.document = getattr(result, "document", None)
        self.marks, self.in_text = self._place_in_text()
        self.hits, self.in_table = self._place_in_tables()

    def _place_in_text(self) -> Tuple[Dict[int, List[Mark]], Dict[str, str]]:
        """Marks by line index, and the anchor id of each placed finding."""
        marks: Dict[int, List[Mark]] = {}
        anchors: Dict[str, str] = {}
        if self.document is None or not self.document.lines:
            return marks, anchors
        index = LineIndex(self.document)
        for finding, finding_id in zip(self.findings, self.ids):
            location = finding_location(finding)
            if not location.to_dict():
                continue
            placed = index.place(location, (finding.end_line, finding.end_column))
            if placed is None:
                continue
            line, start, end = placed
            anchor = finding_id.replace("-finding-", "-mark-")
            marks.setdefault(line, []).append(Mark(finding_id, anchor, finding.severity, finding.code,
                                                   f"{finding.code} {finding.message}", start, end))
            anchors[finding_id] = anchor
        return marks, anchors

    def _place_in_tables(self) -> Tuple[Hits, Dict[str, str]]:
        """Findings by model path of the cell (or row) they point at, and each finding's first cell id."""
        from giklint.output._html_tables import cell_id  # imports the official templates: only when rendering

        paths_at: Dict[tuple, List[str]] = {}
        for path, location in _table_locations(self.report):
            paths_at.setdefault(tuple(sorted(location.to_dict().items())), []).append(path)
        hits: Hits = {}
        first_cell: Dict[str, str] = {}
        for finding, finding_id in zip(self.findings, self.ids):
            paths = paths_at.get(tuple(sorted(finding_location(finding).to_dict().items()))) or []
            deepest = max((p.count(".") for p in paths), default=0)
            for path in sorted(p for p in paths if p.count(".") == deepest and deepest >= 2):
                hits.setdefault(path, []).append((finding_id, finding.severity))
                if deepest == 3 and finding_id not in first_cell:
                    first_cell[finding_id] = cell_id(self.file_id, *path.split(".")[1:])
        return hits, first_cell

    def render(self) -> str:
        parts = [f'<section class="file" id="{self.file_id}" data-path="{escape(self.path)}">',
                 f'<h2>{escape(self.path)}</h2>',
                 f'<p class="counts">{_counts_text(count_by_severity(self.findings))}</p>']
        if error_text(self.result):
            parts.append(f'<p class="file-error">无法检查此文件：{escape(error_text(self.result))}</p>')
        parts.append(self.render_findings())
        parts.append(self.render_comparison())
        if self.report is not None:
            from giklint.output._html_tables import render_tables

            parts.append("<h3>表格</h3>" + render_tables(self.report, self.file_id, self.hits))
        if self.document is not None and self.document.lines:
            parts.append("<h3>原文</h3>" + render_document(self.document, self.marks, self.file_id))
        parts.append("</section>")
        return "\n".join(parts)

    def render_findings(self) -> str:
        if not self.findings:
            return '<p class="clean">未发现问题。</p>'
        items = []
        for finding, finding_id in zip(self.findings, self.ids):
            where = describe_location(finding) or "全文"
            links = ""
            if finding_id in self.in_text:
                links += f'<a href="#{self.in_text[finding_id]}">原文</a>'
            if finding_id in self.in_table:
                links += f'<a href="#{self.in_table[finding_id]}">表格</a>'
            items.append(
                f'<li class="finding sev-{escape(finding.severity)}" id="{finding_id}" '
                f'data-code="{escape(finding.code)}" data-rule="{escape(finding.rule)}">'
                f'<span class="severity">{escape(SEVERITY_ZH.get(finding.severity, finding.severity))}</span> '
                f'<code>{escape(finding.code)}</code> {escape(finding.message)} '
                f'<span class="slug">({escape(finding.rule)})</span> '
                f'<span class="where">{escape(where)}</span>{links}</li>')
        return '<h3>问题</h3><ol class="findings">' + "".join(items) + "</ol>"

    def render_comparison(self) -> str:
        """This report's figures beside last year's, one row per finding that compared them."""
        from giklint.output._html_tables import format_value

        rows = []
        for finding, finding_id in zip(self.findings, self.ids):
            for place in getattr(finding, "related", None) or []:
                where = finding_location(finding).describe() or "全文"
                there = Place.from_dict(place.location).describe()
                rows.append(
                    f'<tr class="sev-{escape(finding.severity)}"><td><a href="#{finding_id}">'
                    f'{escape(finding.context or finding.rule)}</a></td>'
                    f'<td class="value hit">{escape(format_value(place.compared) or "—")}</td>'
                    f'<td class="where">{escape(where)}</td>'
                    f'<td class="value">{escape(format_value(place.value) or "—")}</td>'
                    f'<td class="where">{escape(place.message)}<br>{escape(display_path(place.path))} '
                    f'{escape(there)}</td></tr>')
        if not rows:
            return ""
        return ('<h3>与上年报告比对</h3><table class="comparison"><thead><tr><th>比对项目</th><th>本年</th>'
                '<th>本年位置</th><th>上年</th><th>上年位置</th></tr></thead><tbody>' + "".join(rows)
                + "</tbody></table>")


def files_summary(files: List[FilePage]) -> str:
    rows = []
    for page in files:
        counts = count_by_severity(page.findings)
        state = "无法检查" if error_text(page.result) else ("有问题" if page.findings else "通过")
        cells = "".join(f'<td class="count sev-{s}">{n}</td>' for s, n in counts.items())
        rows.append(f'<tr><td><a href="#{page.file_id}">{escape(page.path)}</a></td>{cells}'
                    f'<td>{state}</td></tr>')
    head = "".join(f"<th>{SEVERITY_ZH[s]}</th>" for s in count_by_severity([]))
    return (f'<h2>文件汇总</h2><table class="files-summary"><thead><tr><th>文件</th>{head}<th>结果</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table>')


def rules_summary(files: List[FilePage], rules: List[type]) -> str:
    known = rules_by_code(rules)
    found: Dict[str, List[Any]] = {}
    paths: Dict[str, set] = {}
    for page in files:
        for finding in page.findings:
            found.setdefault(finding.code, []).append(finding)
            paths.setdefault(finding.code, set()).add(page.path)
    if not found:
        return '<h2>规则汇总</h2><p class="clean">所有规则均未发现问题。</p>'
    rows = []
    for code in sorted(found, key=lambda c: (-len(found[c]), c)):
        rule = known.get(code)
        slug = rule.slug if rule else found[code][0].rule
        summary = rule.summary if rule else ""
        counts = count_by_severity(found[code])
        severities = "，".join(f"{SEVERITY_ZH[s]} {n}" for s, n in counts.items() if n)
        rows.append(f'<tr data-code="{escape(code)}"><td><code>{escape(code)}</code></td><td>{escape(slug)}</td>'
                    f'<td>{escape(summary)}</td><td class="count">{len(found[code])}</td>'
                    f'<td>{escape(severities)}</td><td class="count">{len(paths[code])}</td></tr>')
    quiet = len(set(known) - set(found))
    note = f'<p>其余 {quiet} 条规则未发现问题。</p>' if quiet else ""
    return ('<h2>规则汇总</h2><table class="rules-summary"><thead><tr><th>代码</th><th>规则</th><th>说明</th>'
            f'<th>问题数</th><th>级别</th><th>涉及文件数</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            + note)
