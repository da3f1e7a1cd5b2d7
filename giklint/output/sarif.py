"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning reads it.

One run; ``tool.driver.rules`` lists every known rule with its doc page as help; each finding is a
result with a physical location. GitHub requires a region with a start line, so a finding that has no
line of the checked file (PDF pages, Word cells, a model read back from YAML) is placed at line 1 and
its Chinese location (第3页第12行, 表格2第3行第4格) is added to the message. Files that could not be read
become tool execution notifications, not results.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Dict, List, Optional
from urllib.parse import quote

from giklint.document import Location
from giklint.output._findings import (
    LINE_FORMATS, describe_location, display_path, error_text, finding_location, is_line_addressable, root_of,
    rules_by_code, sorted_findings,
)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(results: List[Any], rules: List[type], options: Optional[Dict[str, Any]] = None) -> str:
    root = root_of(options)
    return json.dumps(sarif_log(results, rules, root), ensure_ascii=False, indent=2) + "\n"


def sarif_log(results: List[Any], rules: List[type], root: str) -> Dict[str, Any]:
    from giklint import __version__

    known = rules_by_code(rules)
    descriptors = [rule_descriptor(rule) for rule in known.values()]
    index = {rule.code: i for i, rule in enumerate(known.values())}
    sarif_results = []
    for result in results:
        for finding in sorted_findings(result):
            if finding.code not in index:  # e.g. an internal-error finding of a rule no longer listed
                index[finding.code] = len(descriptors)
                descriptors.append(unknown_descriptor(finding))
            sarif_results.append(sarif_result(finding, result, index[finding.code], root))
    notifications = [file_notification(result, root) for result in results if error_text(result)]
    driver = {"name": "giklint", "version": __version__, "semanticVersion": __version__, "rules": descriptors}
    homepage = project_homepage()
    if homepage:
        driver["informationUri"] = homepage
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {SRCROOT: {"uri": Path(root).resolve().as_uri().rstrip("/") + "/"}},
        # giklint counts columns in characters, not UTF-16 code units
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def project_homepage() -> Optional[str]:
    """The project's home page from the installed package's metadata (``[project.urls]``), if it has one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("giklint")
    except PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = entry.partition(",")
        if url.strip().startswith(("https://", "http://")):
            return url.strip()
    home = meta.get("Home-page") or ""
    return home if home.startswith(("https://", "http://")) else None


def rule_descriptor(rule: type) -> Dict[str, Any]:
    doc = rule.doc() or rule.summary
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary or rule.slug},
        "fullDescription": {"text": first_paragraph(doc) or rule.summary or rule.slug},
        "help": {"text": doc, "markdown": doc_markdown(doc)},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": ["giklint", rule.slug]},
    }


def unknown_descriptor(finding: Any) -> Dict[str, Any]:
    return {"id": finding.code, "name": finding.rule or finding.code,
            "shortDescription": {"text": finding.rule or finding.code},
            "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")}}


def first_paragraph(doc: str) -> str:
    """The doc page's first paragraph after its title line (what the rule checks)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc) if p.strip()]
    if len(paragraphs) > 1:
        return " ".join(line.strip() for line in paragraphs[1].splitlines())
    return ""


def doc_markdown(doc: str) -> str:
    """The doc page as Markdown: title and section lines in bold, indented examples as code blocks.

    Indented lines under an example heading (不通过的例子 / Failing example:) are code; indented
    lines under any other heading are its text.
    """
    lines = doc.splitlines()
    if not lines:
        return ""
    out = [f"**{lines[0].strip()}**"]
    examples = in_code = False
    for line in lines[1:]:
        indented = line[:1] in (" ", "\t")
        if not indented and line.strip():
            if in_code:
                out.extend(["```", ""])
                in_code = False
            heading = line.rstrip().endswith((":", "："))
            examples = heading and ("例" in line or "example" in line.lower())
            out.append(f"\n**{line.strip()}**\n" if heading else line)
        elif indented and examples:
            if not in_code:
                out.append("```text")
                in_code = True
            out.append(line[4:] if line.startswith("    ") else line.lstrip("\t"))
        else:
            out.append(line.strip())
    if in_code:
        out.append("```")
    return "\n".join(out).strip()


def sarif_result(finding: Any, result: Any, rule_index: int, root: str) -> Dict[str, Any]:
    document = getattr(result, "document", None)
    on_line = is_line_addressable(finding, document)
    message = finding.message
    where = describe_location(finding)
    if not on_line and where:
        message = f"{message}（位置：{where}）"
    entry: Dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(finding.path or result.path, root),
            "region": region(finding) if on_line else {"startLine": 1},
        }}],
    }
    if not on_line:
        # The upload action would hash line 1 of a binary file; give it a stable print of our own.
        entry["partialFingerprints"] = {"primaryLocationLineHash": fingerprint(finding, where)}
    related = getattr(finding, "related", None) or []
    if related:
        entry["relatedLocations"] = [related_location(place, number, root) for number, place in enumerate(related, 1)]
    return entry


def related_location(place: Any, number: int, root: str) -> Dict[str, Any]:
    """Another file's place a finding is about (last year's report). As for a result, a place that is
    no line of that file (PDF, Word) stands at line 1 with its Chinese location in the message."""
    location = Location.from_dict(place.location)
    message, region = place.message, {"startLine": 1}
    if place.format in LINE_FORMATS and location.line and location.page is None and location.table is None:
        region = {"startLine": location.line, **({"startColumn": location.column} if location.column else {})}
    elif location.describe():
        message = f"{message}（位置：{location.describe()}）"
    return {"id": number, "message": {"text": message},
            "physicalLocation": {"artifactLocation": artifact_location(place.path, root), "region": region}}


def region(finding: Any) -> Dict[str, int]:
    location = finding_location(finding)
    found = {"startLine": max(1, int(location.line or 1))}
    if location.column:
        found["startColumn"] = max(1, int(location.column))
    end_line, end_column = getattr(finding, "end_line", None), getattr(finding, "end_column", None)
    if end_line and end_line >= found["startLine"]:
        found["endLine"] = int(end_line)
        if end_column and (end_line > found["startLine"] or end_column > found.get("startColumn", 1)):
            found["endColumn"] = int(end_column)
    return found


def artifact_location(path: str, root: str) -> Dict[str, str]:
    shown = display_path(path, root)
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(finding: Any, where: str) -> str:
    import hashlib  # loads OpenSSL: only when a result needs it

    text = "\0".join((finding.code, finding.path, finding.context or finding.message, where))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + ":1"


def file_notification(result: Any, root: str) -> Dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"无法检查：{error_text(result)}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path, root)}}],
    }
