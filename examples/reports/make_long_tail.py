#!/usr/bin/env python3
"""Write the long-tail layout examples (PDF and flattened text) from an existing example's facts.

    .venv/bin/python examples/reports/make_long_tail.py     # writes the files and their .facts.yaml

Each example is an existing example's facts under another fictional agency, laid out by the
round-trip suite's layout generator (``tests/_layouts.py``) with the features fixed, so the file
shows exactly one pattern that defeated giklint on real reports. The PDFs need a CJK font (Debian
``fonts-wqy-zenhei`` or ``fonts-wqy-microhei``); the files are committed, so the tests need neither the font nor this script.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests"))

from ruamel.yaml import YAML  # noqa: E402
from _layouts import Layout, render  # noqa: E402

PDF_OPTIONS = dict(font_size=8, face=0, widths=[1.0] * 16, break_row=12, missing_share=0.0, rng=0.25)

# name -> (source facts, agency replacements, layout, layout description)
EXAMPLES: Dict[str, Tuple[str, Dict[str, str], Layout, str]] = {
    "page-break-pdf-2021.pdf": (
        "clean-2021.facts.yaml", {"青禾县卫生健康局": "青禾县医疗保障局", "qhwjj@qinghe.gov.cn": "qhybj@qinghe.gov.cn"},
        Layout("pdf", 1, ("ruled", "page-break", "repeated-header"), dict(PDF_OPTIONS, break_row=20)),
        "PDF：表三在“（六）其他处理”之前分页，下一页先印页码“- N -”再重复表头，（七）总计与“四、结转下年度继续办理”在下一页"),
    "single-row-other-pdf-2021.pdf": (
        "mixed-2021.facts.yaml", {"云溪市农业农村局": "云溪市林业局"},
        Layout("pdf", 2, ("ruled",), PDF_OPTIONS),
        "PDF：2021年格式，但表三“（六）其他处理”印成一行（2019年格式），其后各行照常"),
    "missing-rules-pdf-2021.pdf": (
        "clean-2021.facts.yaml", {"青禾县卫生健康局": "青禾县统计局", "qhwjj@qinghe.gov.cn": "qhtjj@qinghe.gov.cn"},
        Layout("pdf", 3, ("partly-ruled",), dict(PDF_OPTIONS, missing=[2, 3, 4, 8, 12])),
        "PDF：表格框线不全：数值列之间、标签与数值之间缺竖线（“1 6”同在一格），文字层按顺序印出每个数"),
    "wrapped-headers-pdf-2021.pdf": (
        "clean-2021.facts.yaml", {"青禾县卫生健康局": "青禾县审计局", "qhwjj@qinghe.gov.cn": "qhsjj@qinghe.gov.cn"},
        Layout("pdf", 4, ("borderless", "char-wrapped-header"), PDF_OPTIONS),
        "PDF：无框线表格，表四表头每行一个字（“结/果/维/持”），15个数值在一行"),
    "flattened-one-line-2022.txt": (
        "web-flattened-2022.facts.yaml", {"澄溪区市场监督管理局": "澄溪区城市管理局"},
        Layout("text", 5, ("one-line",)),
        "网页复制成一行的纯文本：全文没有换行，各部分标题前有全角空格，六个标题夹在长行之中"),
}


def facts_text(source: str, replacements: Dict[str, str], name: str, layout_text: str) -> str:
    text = (HERE / source).read_text(encoding="utf-8")
    for old, new in replacements.items():
        text = text.replace(old, new)
    lines = []
    for line in text.splitlines():
        if line.startswith("file:"):
            line = f"file: {name}"
        elif line.startswith("layout:"):
            line = f'layout: "{layout_text}"'
        elif line.startswith("encoding:"):
            line = "encoding: null" if name.endswith(".pdf") else "encoding: utf-8"
        elif line.strip().startswith(("fax:", "postcode:")):  # the generated text prints neither
            line = line.split(":")[0] + ": []"
        elif line.startswith("published:"):
            line = "published: null"
        lines.append(line)
    return "\n".join(lines) + "\n"


def main() -> None:
    for name, (source, replacements, layout, layout_text) in EXAMPLES.items():
        text = facts_text(source, replacements, name, layout_text)
        facts = YAML(typ="safe").load(text)
        (HERE / name).write_bytes(render(facts, layout))
        (HERE / (name.rsplit(".", 1)[0] + ".facts.yaml")).write_text(text, encoding="utf-8")
        print("wrote", name)


if __name__ == "__main__":
    main()
