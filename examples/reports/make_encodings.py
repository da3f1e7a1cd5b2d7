"""Write the example reports that are not plain UTF-8, with their facts files.

    python examples/reports/make_encodings.py

Each variant is an existing UTF-8 example saved the way Windows tools save text: GB18030 (Word's
"纯文本" on a Chinese system), UTF-16 with a byte-order mark (Notepad's "Unicode"), UTF-8 with a BOM and
CRLF line ends. The outputs are committed; ``tests/test_examples.py`` checks they are what this script
writes, so edit the UTF-8 source and run the script again rather than editing a variant.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import List

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Variant:
    name: str  # the file written
    source: str  # the UTF-8 example it is made from
    encoding: str  # Python codec, as giklint reports it in the model's source.encoding
    bom: bytes  # byte-order mark written first, or b""
    newline: str  # "\n" or "\r\n"
    how: str  # one line for the facts file


VARIANTS: List[Variant] = [
    Variant("gb18030-word-export-2020.txt", "word-export-2020.txt", "gb18030", b"", "\n",
            "GB18030 编码（中文 Windows 上 Word 另存为纯文本的默认编码）"),
    Variant("utf16-web-flattened-2022.txt", "web-flattened-2022.txt", "utf-16-le", codecs.BOM_UTF16_LE, "\n",
            "UTF-16（小端，带 BOM：记事本“Unicode”格式）"),
    Variant("crlf-pdf-text-2021.txt", "pdf-text-2021.txt", "utf-8-sig", b"", "\r\n",
            "UTF-8 带 BOM，行尾为 CRLF（Windows 记事本保存）"),
]


def facts_name(report: str) -> str:
    return report.rsplit(".", 1)[0] + ".facts.yaml"


def variant_bytes(variant: Variant, folder: Path = HERE) -> bytes:
    text = (folder / variant.source).read_text(encoding="utf-8")
    return variant.bom + text.replace("\n", variant.newline).encode(variant.encoding)


def variant_facts(variant: Variant, folder: Path = HERE) -> str:
    """The source's facts with the file, encoding and layout lines rewritten: the content is the same."""
    facts = (folder / facts_name(variant.source)).read_text(encoding="utf-8")
    facts = re.sub(r"^# Facts written into .*$",
                   f"# Facts of {variant.name}: written by make_encodings.py from {facts_name(variant.source)}; "
                   "do not edit.", facts, count=1, flags=re.M)
    facts = re.sub(r"^file: .*$", f"file: {variant.name}", facts, count=1, flags=re.M)
    facts = re.sub(r"^encoding: .*$", f"encoding: {variant.encoding}", facts, count=1, flags=re.M)
    facts = re.sub(r'^layout: "(.*)"$', lambda m: f'layout: "{variant.how}；内容同 {variant.source}：{m.group(1)}"',
                   facts, count=1, flags=re.M)
    return facts


def write_variants(source_folder: Path = HERE, target_folder: Path = HERE) -> List[Path]:
    written = []
    for variant in VARIANTS:
        report = target_folder / variant.name
        report.write_bytes(variant_bytes(variant, source_folder))
        facts = target_folder / facts_name(variant.name)
        facts.write_bytes(variant_facts(variant, source_folder).encode("utf-8"))
        written += [report, facts]
    return written


if __name__ == "__main__":
    for path in write_variants():
        print(path.name)
