"""cell-uncertain (GK306): 扫描件表格中的数字 OCR 识别置信度低，需人工核对

检查内容 / What it checks: 扫描件（没有文字层的 PDF 页、图片）由 OCR 识别（见 ocr-pages）。表二、表三、表四中
识别置信度低的格子不当作确定的数值：不参与 balance、row-total、outcome-total 等勾稽核对，也不报告为缺失或
非法数值，而是逐格报告一次，写明识别出的内容和位置，请对照原件核对。

为什么 / Why it matters: OCR 可能把“8”认成“3”、把盖章压住的数字认错。把这样的读数当作事实会报告并不存在的
勾稽错误（狼来了），也可能掩盖真实的错误；读数可疑时应如实说明“不确定”，由人来看原件。

选项 / Options: 无。

不通过的例子 / Failing example:
    （一）予以公开	2	0	0	0	0	0	[OCR 读作“2”，置信度低]
    （表三“（一）予以公开”行“总计”列 OCR 识别不确定（读作“2”），请对照原件核对；涉及该格的勾稽关系未核对）

通过的例子 / Passing example:
    （一）予以公开	2	0	0	0	0	0	2        （带文字层的 PDF，或识别置信度高的扫描件）
"""
from __future__ import annotations

from typing import Iterator

from giklint.rule import Context, Finding, Rule
from giklint.tabletools import cell_location, uncertain_cells
from giklint.vocabulary import TABLES, cell_name


class CellUncertain(Rule):
    code = "GK306"
    slug = "cell-uncertain"
    severity = "warning"
    summary = "扫描件表格中的数字OCR识别置信度低，需人工核对"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        for name in TABLES:
            for key, text in sorted(uncertain_cells(ctx, name).items()):
                if "." not in key:
                    continue
                row, column = key.split(".", 1)
                where = cell_name(name, row, column)
                yield self.finding(ctx, f"{where}OCR识别不确定（读作“{text}”），请对照原件核对；涉及该格的勾稽关系未核对",
                                   location=cell_location(ctx, name, row, column), context=where)
