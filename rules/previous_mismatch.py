"""previous-mismatch (GK601): 作为上年报告给出的文件不是本机关上一年度的报告

检查内容 / What it checks: 用 ``--previous`` 指定上年报告时，核对它是否是同一机关（名称规范化后相同，
如全角半角、空格、括注和“卫健委”之类规范简称不计）上一年度的报告：机关不同、年度不是本报告年度减一时
报告一次，写明两份报告各自读到的机关和年度。这时其他跨年度规则（carryover-mismatch、stock-continuity、
duplicate-text）不做比对。哪一份报告的机关或年度没有读出来，就不核对这一项。检查文件夹时 giklint
自己配对（同一机关、相邻年度），不会配错，这条规则只对 ``--previous`` 起作用。

为什么 / Why it matters: 跨年度核对（国办公开办函〔2021〕30号表三的“二、上年结转”就是上年报告的
“四、结转下年度继续办理”；表二现行有效件数逐年结转；第五部分不得年年雷同）只有对照同一机关上一年度的报告才
有意义；拿错了文件，这些核对的结果全是错的，还会让人误以为核对过了。

选项 / Options: 无。

不通过的例子 / Failing example:
    giklint check 云溪市交通运输局2022年报.md --previous 青禾县司法局2021年报.md
    （上年报告的机关是“青禾县司法局”，本报告是“云溪市交通运输局”）

    giklint check 云溪市交通运输局2023年报.md --previous 云溪市交通运输局2021年报.md
    （上年报告是2021年度的，本报告是2023年度的）

通过的例子 / Passing example:
    giklint check 云溪市交通运输局2022年报.md --previous 云溪市交通运输局2021年报.md
"""
from __future__ import annotations

from typing import Iterator

from giklint.pairing import previous_year_problem, report_key
from giklint.rule import Context, Finding, Related, Rule
from giklint.texttools import document_start


class PreviousMismatch(Rule):
    code = "GK601"
    slug = "previous-mismatch"
    severity = "error"
    summary = "作为上年报告给出的文件不是本机关上一年度的报告"
    options = {}
    needs_previous = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        previous = ctx.previous
        problem = previous_year_problem(report_key(ctx.report), report_key(previous))
        if problem is None:
            return
        this_key, last_key = report_key(ctx.report), report_key(previous)
        place = Related.at(previous, document_start(Context(previous)), "上年报告的标题",
                           value=f"{last_key.agency or '？'} {last_key.year or '？'}年度",
                           compared=f"{this_key.agency or '？'} {this_key.year or '？'}年度")
        yield self.finding(ctx, f"作为上年报告给出的文件不是本机关上一年度的报告：{problem}（{place.where()}）",
                           at=document_start(ctx), context="上年报告", related=[place])
