"""The official vocabulary of the annual report, in one place (background: ``docs/domain.md``).

The two official formats (国办公开办函〔2019〕60号 and 〔2021〕30号): every row and column of 表二,
表三 and 表四, the six parts, the report types and their national publication deadlines.
Keys are the report model's (``docs/model.md``); labels are the official Chinese text, used in
messages and as comments in YAML output. Matching printed labels to these rows is the extractor's
job (``giklint.extract.tables``); this module is plain data, imports nothing of giklint, and is read
by every layer: the extractor, the rules, the output, the CLI's choices and the schemas (a test
keeps ``schemas/*.json`` in step with it).
"""
from __future__ import annotations

from typing import Dict, List, NamedTuple, Tuple

# 表三 columns (申请人情况)
APPLICATION_COLUMNS: List[Tuple[str, str]] = [
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_services", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
]

# 表三 columns that add up to 总计 (I-3.2)
APPLICANT_COLUMNS: List[str] = [key for key, _ in APPLICATION_COLUMNS if key != "total"]

# 表三 rows, 2021 format, in printed order. (key, official label, group label or "")
APPLICATION_ROWS_2021: List[Tuple[str, str, str]] = [
    ("new_received", "一、本年新收政府信息公开申请数量", ""),
    ("carried_over", "二、上年结转政府信息公开申请数量", ""),
    ("disclosed", "（一）予以公开", "三、本年度办理结果"),
    ("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果"),
    ("withheld_state_secret", "1.属于国家秘密", "（三）不予公开"),
    ("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("withheld_three_securities", "3.危及“三安全一稳定”", "（三）不予公开"),
    ("withheld_third_party", "4.保护第三方合法权益", "（三）不予公开"),
    ("withheld_internal_affairs", "5.属于三类内部事务信息", "（三）不予公开"),
    ("withheld_process_info", "6.属于四类过程性信息", "（三）不予公开"),
    ("withheld_law_enforcement", "7.属于行政执法案卷", "（三）不予公开"),
    ("withheld_admin_inquiry", "8.属于行政查询事项", "（三）不予公开"),
    ("unable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("unable_needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供"),
    ("unable_unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
    ("rejected_complaint", "1.信访举报投诉类申请", "（五）不予处理"),
    ("rejected_duplicate", "2.重复申请", "（五）不予处理"),
    ("rejected_publication", "3.要求提供公开出版物", "（五）不予处理"),
    ("rejected_excessive", "4.无正当理由大量反复申请", "（五）不予处理"),
    ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    ("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other_misc", "3.其他", "（六）其他处理"),
    ("results_total", "（七）总计", "三、本年度办理结果"),
    ("carried_forward", "四、结转下年度继续办理", ""),
]

# 2019: （六）其他处理 is a single row
APPLICATION_ROWS_2019: List[Tuple[str, str, str]] = [
    row for row in APPLICATION_ROWS_2021 if not row[0].startswith("other_")
]
APPLICATION_ROWS_2019.insert(
    [r[0] for r in APPLICATION_ROWS_2019].index("results_total"), ("other", "（六）其他处理", "三、本年度办理结果")
)

OTHER_ROWS_2021 = ("other_overdue_correction", "other_overdue_fee", "other_misc")

# Rows whose sum is （七）总计 (docs/domain.md, identities), for either layout; a mixed table uses whichever it has.
OUTCOME_ROWS = [key for key, _, group in APPLICATION_ROWS_2021 if group and key != "results_total"] + ["other"]

# 表四
REVIEW_GROUPS: List[Tuple[str, str]] = [
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
    ("litigation_after_review", "行政诉讼（复议后起诉）"),
]
REVIEW_COLUMNS: List[Tuple[str, str]] = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
]

# 表二. (row key, row label, block label, [(column key, column label)])
ACTIVE_DISCLOSURE_2021: List[Tuple[str, str, str, List[Tuple[str, str]]]] = [
    ("regulations", "规章", "第二十条第（一）项", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")]),
    ("normative_documents", "行政规范性文件", "第二十条第（一）项",
     [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")]),
    ("licensing", "行政许可", "第二十条第（五）项", [("decisions", "本年处理决定数量")]),
    ("penalties", "行政处罚", "第二十条第（六）项", [("decisions", "本年处理决定数量")]),
    ("enforcement", "行政强制", "第二十条第（六）项", [("decisions", "本年处理决定数量")]),
    ("fees", "行政事业性收费", "第二十条第（八）项", [("amount_10k_yuan", "本年收费金额（单位：万元）")]),
]

_PREV = [("prev_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")]
ACTIVE_DISCLOSURE_2019: List[Tuple[str, str, str, List[Tuple[str, str]]]] = [
    ("regulations", "规章", "第二十条第（一）项",
     [("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"), ("total_published", "对外公开总数量")]),
    ("normative_documents", "规范性文件", "第二十条第（一）项",
     [("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"), ("total_published", "对外公开总数量")]),
    ("licensing", "行政许可", "第二十条第（五）项", _PREV),
    ("other_services", "其他对外管理服务事项", "第二十条第（五）项", _PREV),
    ("penalties", "行政处罚", "第二十条第（六）项", _PREV),
    ("enforcement", "行政强制", "第二十条第（六）项", _PREV),
    ("fees", "行政事业性收费", "第二十条第（八）项", _PREV[:2]),
    ("procurement", "政府集中采购", "第二十条第（九）项", [("projects", "采购项目数量"), ("amount", "采购总金额")]),
]

# The official formats a table can follow (the model's ``table_info.*.template``; "mixed": rows of both)
TABLE_TEMPLATES: Tuple[str, ...] = ("2019", "2021")
TABLE_TEMPLATE_VALUES: Tuple[str, ...] = TABLE_TEMPLATES + ("mixed",)
# The format a whole report follows (the model's ``meta.template``; "pre-2019": the old 条例 format)
REPORT_TEMPLATE_VALUES: Tuple[str, ...] = TABLE_TEMPLATES + ("pre-2019",)

# The model's table keys, in printed order; the short names messages use; the part each belongs in
TABLES: Tuple[str, ...] = ("active_disclosure", "applications", "review_litigation")
SHORT_NAMES: Dict[str, str] = {"active_disclosure": "表二", "applications": "表三", "review_litigation": "表四"}
TABLE_PARTS: Dict[str, int] = {"active_disclosure": 2, "applications": 3, "review_litigation": 4}
# 表二 cells that hold amounts of money (decimals), not counts of cases or documents
AMOUNT_CELLS: Tuple[Tuple[str, str], ...] = (("fees", "amount_10k_yuan"), ("procurement", "amount"))
# 2019 表二 政府集中采购: the unit printed with 采购总金额 (万元, 元), kept beside the amount
AMOUNT_UNIT_COLUMN: Tuple[str, str] = ("amount_unit", "金额单位")
AMOUNT_UNIT_ROWS: Tuple[str, ...] = ("procurement",)

TABLE_NAMES: Dict[str, str] = {
    "active_disclosure": "表二（主动公开政府信息情况）",
    "applications": "表三（收到和处理政府信息公开申请情况）",
    "review_litigation": "表四（政府信息公开行政复议、行政诉讼情况）",
}

# The six parts (docs/domain.md): number -> official heading
SECTION_HEADINGS: Dict[int, str] = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
CHINESE_NUMERALS = "一二三四五六七八九十"

class ReportType(NamedTuple):
    label: str  # the Chinese name messages use
    deadline: str  # the national publication deadline, "MM-DD" of the year after the report year


# Report types (``--report-type``, the configuration's ``report_type``), in the order the CLI and
# the schema list them. The type decides the deadline: the 条例's 1月31日 for an agency's own report,
# later dates for the summaries built from them.
REPORT_TYPES: Dict[str, ReportType] = {
    "department": ReportType("部门报告", "01-31"),
    "government_office_self": ReportType("政府办公厅（室）本机关报告", "01-31"),
    "township": ReportType("乡镇报告", "01-31"),
    "county_summary": ReportType("县级汇总报告", "02-20"),
    "city_summary": ReportType("地市级汇总报告", "03-10"),
    "province_summary": ReportType("省级汇总报告", "03-31"),
    "vertical_system_summary": ReportType("垂直管理系统汇总报告", "03-31"),
}
DEFAULT_REPORT_TYPE = "department"
REPORT_TYPE_LABELS: Dict[str, str] = {key: kind.label for key, kind in REPORT_TYPES.items()}
NATIONAL_DEADLINES: Dict[str, str] = {key: kind.deadline for key, kind in REPORT_TYPES.items()}


def application_rows(template: str) -> List[Tuple[str, str, str]]:
    return APPLICATION_ROWS_2019 if template == "2019" else APPLICATION_ROWS_2021


def active_disclosure_rows(template: str):
    return ACTIVE_DISCLOSURE_2019 if template == "2019" else ACTIVE_DISCLOSURE_2021


def row_label(table: str, row: str) -> str:
    """The Chinese label of a row (or 表四 group), for messages."""
    if table == "applications":
        for key, label, _ in APPLICATION_ROWS_2021 + APPLICATION_ROWS_2019:
            if key == row:
                return label
    if table == "review_litigation":
        return dict(REVIEW_GROUPS).get(row, row)
    if table == "active_disclosure":
        for key, label, _, _ in ACTIVE_DISCLOSURE_2021 + ACTIVE_DISCLOSURE_2019:
            if key == row:
                return label
    return row


def column_label(table: str, column: str, row: str = "") -> str:
    """The Chinese label of a column, for messages."""
    if table == "applications":
        return dict(APPLICATION_COLUMNS).get(column, column)
    if table == "review_litigation":
        return dict(REVIEW_COLUMNS).get(column, column)
    if table == "active_disclosure":
        for key, _, _, columns in ACTIVE_DISCLOSURE_2021 + ACTIVE_DISCLOSURE_2019:
            if key == row or not row:
                found = dict(columns).get(column)
                if found:
                    return found
        if column == AMOUNT_UNIT_COLUMN[0]:
            return AMOUNT_UNIT_COLUMN[1]
    return column
