"""qinghe-hotline (QH101): 开头和“总体情况”都没有给出12345热线或政务公开专栏网址

检查内容 / What it checks:
    报告开头（标题之后、第一部分之前）或第一部分“总体情况”写出青禾市12345政务服务便民热线
    （选项 `hotline`），或政务公开专栏的网址（http://、https:// 或 www. 开头）。两处都没有时给警告。
为什么 / Why it matters:
    青禾市政务公开办要求各单位在年度报告中告诉公众在哪里查阅政府信息、向谁咨询：市12345热线
    统一受理政府信息公开咨询，各单位的信息在市政府门户网站“政府信息公开”专栏集中公开。
    写在开头或总体情况里，读者一眼就能看到。
选项 / Options:
    `hotline` (default "12345"): 热线号码；写出该号码（前后不连着别的数字）即通过。
不通过的例子 / Failing example:
    本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与本局
    办公室联系。
通过的例子 / Passing example:
    本报告电子版可在青禾市人民政府门户网站（http://www.qinghe.gov.cn）“政府信息公开”专栏下载。
    公众也可拨打12345政务服务便民热线咨询。
"""
from __future__ import annotations

import re
from typing import Iterable, List, Tuple

from giklint import Context, Finding, Location, Option, Rule
from giklint.texttools import normalize

WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[\w.-]+", re.IGNORECASE)


def lines_to_search(ctx: Context) -> List[Tuple[str, Location]]:
    """The preamble's lines, then the heading and lines of part 一, each with its location."""
    found = [(line.text, line.location) for line in ctx.report.preamble or ()]
    overview = ctx.part(1)
    if overview:
        found.append((overview.heading, overview.location))
        found += [(line.text, line.location) for line in overview.lines]
        if not overview.lines:  # a model read back from a file may carry only the body text
            found.append((overview.body, overview.location))
    return found


def gives_a_way_in(text: str, hotline: str) -> bool:
    plain = normalize(text)  # full-width digits and letters count too
    return bool(re.search(rf"(?<!\d){re.escape(hotline)}(?!\d)", plain) or WEB_ADDRESS.search(plain))


class QingheHotline(Rule):
    code = "QH101"
    slug = "qinghe-hotline"
    severity = "warning"
    summary = "开头和“总体情况”都没有给出12345政务服务便民热线或政务公开专栏网址"
    options = {"hotline": Option(str, "12345", "热线号码", pattern=r"\d{3,12}")}

    def check(self, ctx: Context) -> Iterable[Finding]:
        hotline = ctx.options["hotline"]
        lines = lines_to_search(ctx)
        if any(gives_a_way_in(text, hotline) for text, _ in lines):
            return
        overview = ctx.part(1)
        where = overview.location if overview else (lines[0][1] if lines else None)
        yield self.finding(ctx, f"报告开头和第一部分“总体情况”都没有给出{hotline}政务服务便民热线或政务公开专栏网址",
                           at=where, context="第一部分“总体情况”")
