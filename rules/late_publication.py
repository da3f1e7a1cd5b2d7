"""late-publication (GK205): 发布（或落款）日期晚于规定期限

检查内容 / What it checks:
    报告的发布日期晚于该类报告的公布期限。日期依次取：用户给出的 `--published`、页面元数据或正文中的
    发布日期、落款日期；都没有时不检查。期限按报告类型（`--report-type`，默认 department）取月日，
    年份为报告年度的下一年：
        department（县级以上人民政府部门）、government_office_self（政府办公厅（室）本机关）、
        township（乡镇人民政府）：1月31日；county_summary（县级汇总）：2月20日；
        city_summary（地市级汇总）：3月10日；province_summary（省级汇总）、
        vertical_system_summary（垂直管理系统汇总）：3月31日。
    未知的报告类型按最早的期限（1月31日）检查。落款日期在报告年度之内（如2021年度报告落款
    2021年12月31日）不算逾期。
    没有指明报告类型、而发布机关是一级人民政府（“××县人民政府”，或标题只写地区名“天津市2020年…”）
    时，报告可能是本级政府的汇总报告（期限最晚为3月31日）：晚于1月31日但不晚于3月31日只给“提示”，
    请用 `--report-type` 或配置中的 `report_type` 指明类型后再判断；晚于3月31日仍是错误。
为什么 / Why it matters:
    《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前公布本机关上一年度的
    年度报告，县级以上地方人民政府的主管部门应当在每年3月31日前公布本级政府上一年度的年度报告；
    国办公开办函〔2021〕30号规定了县级（2月20日）、地市级（3月10日）、省级（3月31日）的汇总期限，
    并把“不按时发布”列为可依第四十七条追责的情形。
选项 / Options:
    `deadlines` (default 上表): 报告类型 -> "MM-DD"，只写要改的类型即可（如 {department = "01-28"}），
    未写的类型沿用国家期限。
    `deadline` (default 无): 一个 "MM-DD"，覆盖当前报告类型的期限（如 `[rules.late-publication]
    deadline = "01-28"`）。
不通过的例子 / Failing example:
    某市卫生健康局2021年政府信息公开工作年度报告（部门报告）
    ……
    2022年2月15日                     ← 晚于2022年1月31日
通过的例子 / Passing example:
    某市卫生健康局2021年政府信息公开工作年度报告（部门报告）
    ……
    2022年1月20日
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Optional, Tuple

from giklint import dates, lazy_re
from giklint.model import Location, Signature
from giklint.rule import Context, Finding, Option, Rule
from giklint.template import NATIONAL_DEADLINES, REPORT_TYPE_LABELS as REPORT_TYPE_ZH
from giklint.texttools import chinese_date, document_end, document_start, parse_iso, report_year

_MONTH_DAY = lazy_re.compile(r"^\s*(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s*$")
DATE_SOURCE_ZH = {"user": "给定的发布日期", "metadata": "发布日期", "text": "发布日期", "signature": "落款日期"}


# An organ that is a whole government: "××县人民政府", or a region named alone ("天津市", "湖口县").
_GOVERNMENT = lazy_re.compile(r"(?:人民政府|^[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗))$")


def _whole_government(ctx: Context) -> bool:
    agency = "".join(str(ctx.meta.agency or "").split())
    return bool(agency) and bool(_GOVERNMENT.search(agency)) and not agency.endswith(("办公厅", "办公室"))


_DEADLINE_ACCEPTED = "次年的月-日，如 \"01-31\"（字符串）"
_DEADLINES_ACCEPTED = "表，键为报告类型（" + "、".join(REPORT_TYPE_ZH) + "），值为 " + _DEADLINE_ACCEPTED


def _month_day_problem(value: Any) -> Optional[str]:
    """Why a configured deadline is no month and day (any year's: 02-29 is accepted)."""
    found = _month_day(value)
    if found is None:
        return f"“{value}”不是“月-日”格式"
    try:
        dates.date(2000, *found)
    except ValueError:
        return f"“{value}”不是有效的日期"
    return None


def _deadlines_problem(value: Dict[str, Any]) -> Optional[str]:
    for report_type, deadline in value.items():
        if report_type not in REPORT_TYPE_ZH:
            return f"未知的报告类型“{report_type}”"
        problem = _month_day_problem(deadline)
        if problem:
            return f"{report_type}: {problem}"
    return None


def _month_day(value: Any) -> Optional[Tuple[int, int]]:
    found = _MONTH_DAY.match(str(value or ""))
    return (int(found.group(1)), int(found.group(2))) if found else None


class LatePublication(Rule):
    code = "GK205"
    slug = "late-publication"
    severity = "error"
    summary = "发布（或落款）日期晚于该类报告的公布期限（部门报告为次年1月31日）"
    options = {
        "deadlines": Option(dict, dict(NATIONAL_DEADLINES), "各类报告的公布期限（报告类型 = \"MM-DD\"）", items=str,
                            check=lambda value: _deadlines_problem(value), accepted=_DEADLINES_ACCEPTED),
        "deadline": Option(str, None, "所有报告类型统一的公布期限（\"MM-DD\"）", check=lambda value: _month_day_problem(value),
                           accepted=_DEADLINE_ACCEPTED),
    }

    def check(self, ctx: Context) -> Iterable[Finding]:
        year = report_year(ctx)
        dated = self._publication_date(ctx)
        if year is None or dated is None:
            return
        date, source, location = dated
        report_type = str(ctx.settings.get("report_type") or "department")
        deadline = self._deadline(ctx, report_type, year + 1)
        if deadline is None or date <= deadline:
            return
        kind = REPORT_TYPE_ZH.get(report_type, report_type)
        message = (f"{DATE_SOURCE_ZH.get(source, '发布日期')}{chinese_date(date)}晚于{year}年度{kind}"
                   f"的公布期限{chinese_date(deadline)}（逾期{(date - deadline).days}天）")
        if not ctx.settings.get("report_type_given") and _whole_government(ctx):
            # Unsure: a government's own 汇总 report may be due as late as 3月31日 (条例第四十九条).
            latest = self._deadline(ctx, "province_summary", year + 1)
            if latest is not None and date <= latest:
                yield self.finding(ctx, message + "；发布机关是一级人民政府，如为本级政府汇总报告则期限不同，"
                                                  "请用 --report-type 指明报告类型", location=location,
                                   severity="info")
                return
        yield self.finding(ctx, message, location=location)

    @staticmethod
    def _deadlines(ctx: Context) -> Dict[str, str]:
        """The national dates with the configured ones over them (a profile may list only what it changes)."""
        configured = ctx.options.get("deadlines")
        return {**NATIONAL_DEADLINES, **({str(k): str(v) for k, v in configured.items()}
                                         if isinstance(configured, dict) else {})}

    def _deadline(self, ctx: Context, report_type: str, year: int) -> Optional[dates.date]:
        deadlines = self._deadlines(ctx)
        chosen = ctx.options.get("deadline") or deadlines.get(report_type)
        if chosen is None:  # unknown report type: the earliest (strictest) date
            chosen = min(deadlines.values(), key=lambda value: _month_day(value) or (12, 31))
        month_day = _month_day(chosen)
        if month_day is None:
            return None
        try:
            return dates.date(year, *month_day)
        except ValueError:
            return None

    @staticmethod
    def _publication_date(ctx: Context) -> Optional[Tuple[dates.date, str, Location]]:
        """(date, where it came from, location): user-given, then the page's, then the 落款."""
        user = parse_iso(ctx.settings.get("published"))
        if user:
            return user, "user", document_start(ctx)
        published = parse_iso(ctx.meta.published)
        if published:
            source = ctx.meta.published_source or "metadata"
            return published, source, ctx.location("meta.published") or document_end(ctx)
        signature = ctx.meta.signature or Signature()
        signed = parse_iso(signature.date)
        if signed:
            return signed, "signature", signature.location or ctx.location("meta.signature") or document_end(ctx)
        return None
