"""Small hand-written report models for the structure, metadata and content rules (GK1xx, GK2xx, GK5xx).

``report()`` builds a clean, schema-valid 2021 report laid out line by line (title on line 1, a preamble
with the period and contacts, the six parts, a 落款), so every location in it is a real line number.
Tests change one thing and expect exactly the finding that change deserves. ``run()`` checks a model
with a rule the way the engine does: the rule's default options merged with the test's.
"""
from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Sequence, Tuple

from giklint.rule import Context, Finding, option_defaults
from giklint.schema import errors

AGENCY = "某市卫生健康局"
HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
BODIES = {
    1: ["2021年，本局认真贯彻《中华人民共和国政府信息公开条例》，主动公开政府信息120条。"],
    2: ["本年度制发行政规范性文件2件。"],
    3: ["本年度新收政府信息公开申请3件，均已按期答复。"],
    4: ["本年度无因政府信息公开被申请行政复议、提起行政诉讼的情况。"],
    5: ["一是公开内容不够全面。下一步，本局将完善公开目录。"],
    6: ["本年度未收取信息处理费。"],
}
PREAMBLE = [
    "根据《中华人民共和国政府信息公开条例》要求，编制本报告。",
    "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。",
    "如对本报告有疑问，请与本局办公室联系（电话：0833-2138754，邮编：614000）。",
]
CLOSING = [AGENCY, "2022年1月20日"]

Part = Tuple[int, str, Sequence[str]]  # (number, heading as printed, body lines)


def _item(text: str, line: int) -> Dict[str, Any]:
    return {"text": text, "location": {"line": line, "column": 1}}


def report(year: int = 2021, title: Optional[str] = "__default__", preamble: Sequence[str] = PREAMBLE,
           parts: Optional[Sequence[Part]] = None, closing: Sequence[str] = CLOSING,
           **meta: Any) -> Dict[str, Any]:
    """A clean report model; ``meta`` keys replace the derived ones (period, contacts, signature, …)."""
    if title == "__default__":
        title = f"{AGENCY}{year}年政府信息公开工作年度报告"
    if parts is None:
        parts = [(n, HEADINGS[n], BODIES[n]) for n in range(1, 7)]
    line = 1
    model_meta: Dict[str, Any] = {
        "title": title, "agency": AGENCY, "year": year,
        "template": None if year is None else ("2021" if year >= 2021 else "2019"),
        "period": {"start": f"{year}-01-01", "end": f"{year}-12-31",
                   "raw": f"自{year}年1月1日起至{year}年12月31日止", "valid": True, "location": None}
        if year else {"start": None, "end": None, "raw": None, "valid": None, "location": None},
        "contacts": {"phone": ["0833-2138754"], "fax": [], "email": [], "address": [], "postcode": ["614000"]},
        "signature": None, "published": None,
    }
    if title is not None:
        model_meta["title_location"] = {"line": 1, "column": 1}
        line = 2
    preamble_lines = []
    for text in preamble:
        preamble_lines.append(_item(text, line))
        if "统计期限" in text:
            model_meta["period"]["location"] = {"line": line, "column": 1}
        line += 1
    sections: List[Dict[str, Any]] = []
    for number, heading, body in parts:
        numbering = heading.split("、")[0] + "、" if "、" in heading else None
        part = {"number": number, "heading": heading, "numbering": numbering,
                "location": {"line": line, "column": 1}, "body": "\n".join(body), "lines": []}
        line += 1
        for text in body:
            part["lines"].append(_item(text, line))
            line += 1
        sections.append(part)
    if closing and sections:
        for text in closing:
            sections[-1]["lines"].append(_item(text, line))
            line += 1
        sections[-1]["body"] = "\n".join(item["text"] for item in sections[-1]["lines"])
        model_meta["signature"] = {"agency": closing[0], "date": f"{year + 1}-01-20" if year else None,
                                   "location": {"line": line - 1, "column": 1}}
    if title is None:
        model_meta["title_location"] = None
    model_meta.update(meta)
    return {
        "model_version": 1,
        "meta": model_meta,
        "preamble": {"lines": preamble_lines},
        "sections": sections,
        "tables": {"active_disclosure": None, "applications": None, "review_litigation": None},
        "other_headings": [],
        "locations": {},
    }


def without_part(model: Dict[str, Any], number: int) -> Dict[str, Any]:
    changed = copy.deepcopy(model)
    changed["sections"] = [part for part in changed["sections"] if part["number"] != number]
    return changed


def part(model: Dict[str, Any], number: int) -> Dict[str, Any]:
    return next(p for p in model["sections"] if p["number"] == number)


def run(rule_class: type, model: Dict[str, Any], options: Optional[Dict[str, Any]] = None,
        settings: Optional[Dict[str, Any]] = None) -> List[Finding]:
    """The rule's findings on ``model`` (which must be schema-valid, as the engine guarantees)."""
    problems = errors(model, "report")
    assert problems == [], problems
    merged = {**option_defaults(rule_class), **(options or {})}
    ctx = Context(model=model, options=merged, settings=dict(settings or {}), path="report.md")
    return list(rule_class().check(ctx))


def only(findings: List[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]
