"""Table extraction (表二, 表三, 表四) on the layouts real reports come in, and on the real samples."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Sequence

import pytest

from giklint.document import Cell, Line, Location
from giklint.extract import template as official
from giklint.extract.sections import Sections
from giklint.extract.tables import TableResult, extract_tables
from giklint.loaders.text import load_text
from conftest import load_yaml, real_reports

APPLICATION_KEYS = [key for key, _ in official.APPLICATION_COLUMNS]
REVIEW_KEYS = [key for key, _ in official.REVIEW_COLUMNS]


def tables_of(text: str) -> TableResult:
    document = load_text(text.encode("utf-8"), "report.txt")
    return extract_tables(document.lines, Sections())


def space_separated_applications(layout: str, values: Dict[str, Sequence[int]] = None) -> str:
    """表三 as PDF text: a row label, a space, its seven values (zeros unless given)."""
    values = values or {}
    lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
             "申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    groups = {group for _, _, group in official.application_rows(layout) if group}
    for key, label, group in official.application_rows(layout):
        if group and group in groups:
            lines.append(group)
            groups.discard(group)
        row = values.get(key, [0] * 7)
        lines.append(label + " " + " ".join(str(v) for v in row))
    return "\n".join(lines) + "\n"


ACTIVE_2021_SPACED = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 2 1 15
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 17
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 8
行政强制 0
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 1.25
"""

REVIEW_SPACED = """四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
1 0 0 1 2 0 0 0 0 0 3 0 0 0 3
五、存在的主要问题及改进情况
"""


# ---------------------------------------------------------------- one cell per line (web page flattened)

def one_cell_per_line(*cells: str) -> str:
    """Cells as a web page copied to text gives them: each on its own line, blank lines between."""
    return "\n\n".join(cells) + "\n\n"


ZEROS = ["0"] * 7
ONE_PER_LINE = "当前位置: 首页>政府信息公开\n一、总体情况\n全年办理行政许可 99 件。\n\n" + one_cell_per_line(
    "二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
    "规章", "0", "0", "0", "行政规范性文件", "3\u2002", "1\u2002", "12\u2002",
    "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "8",
    "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "1", "行政强制", "0",
    "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", "0",
    "三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
    "申请人情况", "自然人", "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他",
    "一、本年新收政府信息公开申请数量", "5\u2002", "1\u2002", *["0\u2002"] * 4, "6\u2002",
    "二、上年结转政府信息公开申请数量", *ZEROS,
    "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果", "维持", "尚未", "审结", "总", "计",
    *["0"] * 14, "4", "五、存在的主要问题及改进情况", "下一步 3 项措施。")


def test_one_cell_per_line_reads_every_cell_and_its_line():
    result = tables_of(ONE_PER_LINE)
    active = result.tables["active_disclosure"]
    assert active["normative_documents"] == {"issued": 3, "repealed": 1, "in_force": 12}
    assert active["licensing"] == {"decisions": 8}  # not the 99 of the narrative above the table
    assert active["fees"] == {"amount_10k_yuan": 0}
    assert result.template == "2021"
    assert result.info["active_disclosure"]["template"] == "2021"
    assert result.locations["tables.active_disclosure.normative_documents"] == {"line": 25, "column": 1}
    assert result.locations["tables.active_disclosure.normative_documents.in_force"] == {"line": 31, "column": 1}
    applications = result.tables["applications"]
    assert applications["new_received"] == dict(zip(APPLICATION_KEYS, [5, 1, 0, 0, 0, 0, 6]))
    assert applications["carried_over"]["total"] == 0
    # rows the table does not print are present, all None, and absent from info.rows
    assert applications["disclosed"] == dict.fromkeys(APPLICATION_KEYS)
    assert "disclosed" not in result.info["applications"]["rows"]
    review = result.tables["review_litigation"]
    assert review["litigation_after_review"]["total"] == 4
    assert review["review"] == dict.fromkeys(REVIEW_KEYS, 0)


# ---------------------------------------------------------------- Word export: tab-prefixed cells, 2019

WORD_EXPORT_2019 = """二、主动公开政府信息情况
\t第二十条第（一）项

\t信息内容
\t本年新制作数量
\t本年新
公开数量
\t对外公开
总数量

\t规章
\t0
\t0
\t0

\t规范性文件
\t0
\t1
\t4

\t第二十条第（五）项

\t信息内容
\t上一年项目数量
\t本年增/减
\t处理决定数量

\t行政许可
\t\u30000
\t\u30000
\t0\u3000

\t其他对外管理服务事项
\t132
\t\u30000
\t[bookmark: _GoBack]375\u3000

\t第二十条第（九）项

\t信息内容
\t采购项目数量
\t采购总金额

\t政府集中采购
\t\u30003
\t425万元


三、收到和处理政府信息公开申请情况
\t（本列数据的勾稽关系为：第一项加第二项之和，
等于第三项加第四项之和）
\t申请人情况

\t五、不予处理
\t5.要求行政机关确认或重新
出具已获取信息
\t1
\t0
\t0
\t0
\t0
\t0
\t1

\t
\t（六）其他处理
\t2
\t0
\t0
\t0
\t0
\t0
\t2

\t（七）总计
\t3
\t0
\t0
\t0
\t0
\t0
\t3
"""


def test_word_export_2019_tables():
    result = tables_of(WORD_EXPORT_2019)
    active = result.tables["active_disclosure"]
    assert result.template == "2019"
    assert active["normative_documents"] == {"new_made": 0, "new_published": 1, "total_published": 4}
    assert active["licensing"] == {"prev_items": 0, "change": 0, "decisions": 0}
    assert active["other_services"] == {"prev_items": 132, "change": 0, "decisions": 375}
    assert active["procurement"] == {"projects": 3, "amount": 425, "amount_unit": "万元"}
    # 2019 rows that are not printed are still in the table, all None
    assert active["fees"] == {"prev_items": None, "change": None}
    applications = result.tables["applications"]
    info = result.info["applications"]
    assert info["template"] == "2019"
    assert applications["rejected_confirmation"] == dict(zip(APPLICATION_KEYS, [1, 0, 0, 0, 0, 0, 1]))
    assert info["rows"]["rejected_confirmation"]["label"] == "5.要求行政机关确认或重新出具已获取信息"
    assert applications["other"]["total"] == 2
    assert not set(official.OTHER_ROWS_2021) & set(applications)
    assert applications["results_total"]["natural_person"] == 3


# ---------------------------------------------------------------- PDF text: space-separated, wrapped labels

PDF_TEXT = """三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于

第三项加第四项之和）

申请人情况

自然

人

法人或其他组织

总计商业

企业

一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4

三、本

年度办

理结果

（一）予以公开 2 0 0 0 0 2

（二）部分公开（区分处理的，只计这一情形，

不计其他情形）
1 0 0 0 0 0 1

（四）无

法提供

1.本机关不掌握相关政府信息 1 0 0 0 0 0 1

（六）其

他处理

1.申请人无正当理由逾期不补正、行

政机关不再处理其政府信息公开申

请

0 0 0 0 0 0 0

四、结转下年度继续办理 0 0 0 0 0 0 0
 四、政府信息公开行政复议、行政诉讼情况
""" + REVIEW_SPACED


def test_pdf_text_row_with_too_few_values_stays_none():
    result = tables_of(PDF_TEXT)
    applications = result.tables["applications"]
    rows = result.info["applications"]["rows"]
    assert applications["disclosed"] == dict.fromkeys(APPLICATION_KEYS)
    assert rows["disclosed"]["printed"] == [2, 0, 0, 0, 0, 2]
    assert rows["disclosed"]["expected"] == 7 and rows["disclosed"]["placed"] is False
    assert not any(key.startswith("tables.applications.disclosed.") for key in result.locations)
    # a label wrapped over two lines, its numbers on the third
    assert applications["partially_disclosed"]["natural_person"] == 1
    assert rows["partially_disclosed"]["placed"] is True
    assert applications["unable_not_held"]["total"] == 1
    assert applications["other_overdue_correction"] == dict.fromkeys(APPLICATION_KEYS, 0)
    assert rows["other_overdue_correction"]["location"] == {"line": 44, "column": 1}
    assert result.info["applications"]["template"] == "2021"
    review = result.tables["review_litigation"]
    assert review["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    assert review["litigation_after_review"]["total"] == 3


def test_space_separated_2021_active_disclosure():
    result = tables_of(ACTIVE_2021_SPACED)
    active = result.tables["active_disclosure"]
    assert active["normative_documents"] == {"issued": 2, "repealed": 1, "in_force": 15}
    assert active["fees"] == {"amount_10k_yuan": 1.25}
    assert set(active) == {key for key, _, _, _ in official.ACTIVE_DISCLOSURE_2021}
    assert result.info["active_disclosure"]["rows"]["penalties"]["location"] == {"line": 11, "column": 1}


def test_group_label_sharing_the_line_with_its_first_row():
    text = space_separated_applications("2021").replace(
        "（四）无法提供\n1.本机关不掌握相关政府信息 0 0 0 0 0 0 0",
        "（四）无法提供 1.本机关不掌握相关政府信息 31 0 0 0 0 0 31")
    result = tables_of(text)
    assert result.tables["applications"]["unable_not_held"] == dict(zip(APPLICATION_KEYS, [31, 0, 0, 0, 0, 0, 31]))
    assert result.info["applications"]["rows"]["unable_not_held"]["label"].endswith("1.本机关不掌握相关政府信息")


# ---------------------------------------------------------------- pipe rows

PIPE_2019 = """二、主动公开政府信息情况
第二十条第(一)项 | ||||
信息内容 | 本年新 | 本年新 | 对外公开总数量 | |
规章 | 0 | 0 | 0 | |
规范性文件 | 2 | 2 | 4 | |
第二十条第(五)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |
行政许可 | 711 | -565 | 146 | |
第二十条第(六)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |
行政处罚 | 14 | | 13 | |
第二十条第(九)项 | ||||
信息内容 | 采购项目数量 | 采购总金额(元) | ||
政府集中采购 | 6 | 61433668 |
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||
自然人 | 法人或其他组织 | 总计 | |||||||
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 1 | 4 | ||
三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 1 | 3 | |
(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |
(六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼 | |||||||||||||
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||
0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
"""


def test_pipe_rows_negative_numbers_unit_header_and_blank_cell():
    result = tables_of(PIPE_2019)
    active = result.tables["active_disclosure"]
    assert result.template == "2019"
    assert active["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert active["licensing"] == {"prev_items": 711, "change": -565, "decisions": 146}
    # a blank cell between two values stays None, the value after it keeps its column
    assert active["penalties"] == {"prev_items": 14, "change": None, "decisions": 13}
    assert result.info["active_disclosure"]["rows"]["penalties"]["printed"] == [14, None, 13]
    assert active["procurement"] == {"projects": 6, "amount": 61433668, "amount_unit": "元"}
    applications = result.tables["applications"]
    assert applications["disclosed"] == dict(zip(APPLICATION_KEYS, [2, 0, 0, 0, 0, 1, 3]))
    assert applications["withheld_state_secret"]["total"] == 0
    assert applications["other"]["natural_person"] == 1
    assert result.info["applications"]["template"] == "2019"
    assert result.tables["review_litigation"]["litigation_direct"] == dict.fromkeys(REVIEW_KEYS, 0)


# ---------------------------------------------------------------- Markdown with destroyed tables

MARKDOWN_DESTROYED = """## 二、主动公开政府信息情况

2021年我局共主动公开各类信息64

条，其中工作动态信息 16 条。

第二十条第（一）项\t\t\t
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t0\t0\t0
第二十条第（六）项\t\t\t
信息内容\t本年处理决定数量\t\t
行政处罚\t91\t\t
行政强制\t2\t\t

### 三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，\t申请人情况
------------------------\t-------



维持\t纠正\t结果\t审结\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计
\t\t\t\t0\t\t\t\t\t0\t\t\t\t\t0

## 五、存在的主要问题及改进情况
"""


def test_markdown_with_destroyed_applications_and_review_tables():
    result = tables_of(MARKDOWN_DESTROYED)
    active = result.tables["active_disclosure"]
    assert active["penalties"] == {"decisions": 91} and active["enforcement"] == {"decisions": 2}
    assert active["licensing"] == {"decisions": None}  # not printed at all
    assert result.tables["applications"] is None
    info = result.info["applications"]
    assert info["found"] is True and info["rows"] == {} and info["location"] == {"line": 18, "column": 1}
    review = result.tables["review_litigation"]
    for group, _ in official.REVIEW_GROUPS:
        assert review[group] == {"upheld": None, "corrected": None, "other": None, "pending": None, "total": 0}
    assert result.locations["tables.review_litigation.litigation_direct.total"] == {"line": 24, "column": 11}


# ---------------------------------------------------------------- real cells from HTML/DOCX loaders

def cell_row(table: int, row: int, texts: Sequence[str]) -> Line:
    cells = [Cell(text, Location(table=table, row=row, cell=i)) for i, text in enumerate(texts, start=1)]
    return Line("\t".join(texts), Location(table=table, row=row), cells)


def test_real_cells_are_placed_by_boundary():
    lines = [Line("三、收到和处理政府信息公开申请情况", Location(paragraph=1))]
    lines.append(cell_row(2, 1, ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]))
    lines.append(cell_row(2, 2, ["自然人", "法人或其他组织", "总计"]))
    lines.append(cell_row(2, 3, ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]))
    lines.append(cell_row(2, 4, ["一、本年新收政府信息公开申请数量", "7", "1", "", "0", "0", "0", "8"]))
    lines.append(cell_row(2, 5, ["三、本年度办理结果", "（一）予以公开", "6", "1", "0", "0", "0", "0", "7"]))
    lines.append(Line("四、政府信息公开行政复议、行政诉讼情况", Location(paragraph=2)))
    lines.append(cell_row(3, 1, ["行政复议", "行政诉讼"]))
    lines.append(cell_row(3, 2, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]))
    lines.append(cell_row(3, 3, ["0", "1", "0", "0", "1"] + [""] * 4 + ["0"] + ["0"] * 5))
    result = extract_tables(lines, Sections())
    applications = result.tables["applications"]
    assert applications["new_received"] == dict(zip(APPLICATION_KEYS, [7, 1, None, 0, 0, 0, 8]))
    assert applications["disclosed"]["total"] == 7
    assert result.locations["tables.applications.new_received.total"] == {"table": 2, "row": 4, "cell": 8}
    assert result.locations["tables.applications.disclosed"] == {"table": 2, "row": 5, "cell": 2}
    review = result.tables["review_litigation"]
    assert review["review"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert review["litigation_direct"] == {"upheld": None, "corrected": None, "other": None, "pending": None,
                                           "total": 0}
    assert result.info["review_litigation"]["location"] == {"table": 3, "row": 1}


MARKDOWN_GRID = """## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| | | | 自然人 | 法人或其他组织 | | | | | 总计 |
| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |
| 一、本年新收政府信息公开申请数量 | | | 18 | 3 | 0 | 1 | 2 | 0 | 24 |
| 二、上年结转政府信息公开申请数量 | | | | 1 | 0 | 0 | 0 | 0 | 1 |
| 三、本年度办理结果 | （一）予以公开 | | 7 | 1 | 0 | 1 | 1 | 0 | |
| | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
"""


def test_markdown_grid_keeps_the_empty_cells_of_merged_labels():
    applications = tables_of(MARKDOWN_GRID).tables["applications"]
    assert applications["new_received"] == dict(zip(APPLICATION_KEYS, [18, 3, 0, 1, 2, 0, 24]))
    # a blank first or last value cell keeps its column
    assert applications["carried_over"] == dict(zip(APPLICATION_KEYS, [None, 1, 0, 0, 0, 0, 1]))
    assert applications["disclosed"] == dict(zip(APPLICATION_KEYS, [7, 1, 0, 1, 1, 0, None]))
    assert applications["withheld_state_secret"] == dict.fromkeys(APPLICATION_KEYS, 0)


def test_blank_template_rows_are_found_with_every_cell_none():
    lines = [cell_row(1, 1, ["第二十条第（一）项"]), cell_row(1, 2, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
             cell_row(1, 3, ["规章", "", "", ""]), cell_row(1, 4, ["行政规范性文件", "", "", ""]),
             cell_row(1, 5, ["第二十条第（五）项"]), cell_row(1, 6, ["信息内容", "本年处理决定数量"]),
             cell_row(1, 7, ["行政许可", ""]),
             cell_row(2, 1, ["行政复议", "行政诉讼"]), cell_row(2, 2, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]),
             cell_row(2, 3, [""] * 15)]
    result = extract_tables(lines, Sections())
    active = result.tables["active_disclosure"]
    assert active["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    rows = result.info["active_disclosure"]["rows"]
    # the label stops at its own cell: the next block's caption is not part of it
    assert rows["normative_documents"]["label"] == "行政规范性文件"
    assert rows["licensing"] == {"label": "行政许可", "location": {"table": 1, "row": 7, "cell": 1}, "printed": [],
                                 "expected": 1, "placed": False}
    assert result.tables["review_litigation"]["review"] == dict.fromkeys(REVIEW_KEYS)
    assert result.info["review_litigation"]["found"] is True


# ---------------------------------------------------------------- layouts: 2019, 2021, mixed

def test_2021_other_handling_is_a_group_of_three_rows():
    result = tables_of(ACTIVE_2021_SPACED + space_separated_applications("2021", {"other_misc": [1, 0, 0, 0, 0, 0, 1]}))
    applications = result.tables["applications"]
    assert result.info["applications"]["template"] == "2021"
    assert "other" not in applications
    assert applications["other_misc"]["total"] == 1
    assert len(applications) == 25 and all(len(row) == 7 for row in applications.values())
    assert all(result.info["applications"]["rows"][key]["placed"] for key in applications)


def test_single_other_row_in_a_2021_report_is_mixed():
    result = tables_of(ACTIVE_2021_SPACED + space_separated_applications("2019", {"other": [2, 0, 0, 0, 0, 0, 2]}))
    applications = result.tables["applications"]
    assert result.template == "2021"
    assert result.info["applications"]["template"] == "mixed"
    assert applications["other"]["total"] == 2
    assert not set(official.OTHER_ROWS_2021) & set(applications)
    assert len(applications) == 23


def test_template_falls_back_to_the_applications_layout():
    result = tables_of(space_separated_applications("2019"))
    assert result.template == "2019"
    assert result.info["active_disclosure"] == {"found": False, "template": None, "location": None, "rows": {}}
    assert result.tables["active_disclosure"] is None


# ---------------------------------------------------------------- label variants, invalid cells, 小计

def test_label_variants_and_typos():
    text = space_separated_applications("2021")
    text = text.replace("2.其他法律行政法规禁止公开 0", "2.其他法律行政止公开 ５")  # typo, full-width digit
    text = text.replace("3.危及“三安全一稳定” 0", "3.危及「三安全一稳定」 6")
    text = text.replace("（七）总计", "(七)合计")
    text = text.replace("5.属于三类内部事务信息 0", "5.属于三类内部事务信息 ——")
    result = tables_of(text)
    applications = result.tables["applications"]
    assert applications["withheld_prohibited_by_law"]["natural_person"] == 5
    assert applications["withheld_three_securities"]["natural_person"] == 6
    assert applications["results_total"] == dict.fromkeys(APPLICATION_KEYS, 0)
    assert applications["withheld_internal_affairs"]["natural_person"] is None
    assert result.info["applications"]["invalid_cells"] == {"withheld_internal_affairs.natural_person": "——"}
    assert result.info["applications"]["rows"]["withheld_prohibited_by_law"]["label"] == "2.其他法律行政止公开"


def test_header_variants_and_a_note_after_the_table():
    text = space_separated_applications("2021", {"disclosed": [2, 0, 0, 0, 0, 0, 2]})
    text = text.replace("商业企业 科研机构 社会公益组织 法律服务机构 其他", "商业 企业 科研 机构 社会公益组织 法律服务机构 其他组织")
    text = text.replace("自然人 法人或其他组织 总计", "自然人 法人或其他组织 合计")
    text += "注：其中予以公开 9 件，结转下年度 4 件。\n"
    applications = tables_of(text).tables["applications"]
    assert applications["disclosed"]["total"] == 2  # the note restates rows but never overwrites them
    assert applications["carried_forward"]["total"] == 0


def test_invalid_text_in_a_delimited_cell():
    text = ACTIVE_2021_SPACED.replace("行政许可 17", "行政许可\t无")
    result = tables_of(text)
    assert result.tables["active_disclosure"]["licensing"] == {"decisions": None}
    assert result.info["active_disclosure"]["invalid_cells"] == {"licensing.decisions": "无"}


def test_subtotal_column_is_reported_and_skipped():
    text = space_separated_applications("2021", {"new_received": [3, 1, 0, 0, 0, 1, 2, 5]})
    text = text.replace("商业企业 科研机构 社会公益组织 法律服务机构 其他", "商业企业 科研机构 社会公益组织 法律服务机构 其他 小计")
    text = text.replace(" 0 0 0 0 0 0 0\n", " 0 0 0 0 0 0 0 0\n")
    result = tables_of(text)
    assert result.info["applications"]["extra_columns"] == ["小计"]
    assert result.tables["applications"]["new_received"] == dict(zip(APPLICATION_KEYS, [3, 1, 0, 0, 0, 1, 5]))
    assert result.info["applications"]["rows"]["new_received"]["printed"] == [3, 1, 0, 0, 0, 1, 2, 5]


def test_review_with_too_few_values_is_not_placed():
    result = tables_of(REVIEW_SPACED.replace("1 0 0 1 2 0 0 0 0 0 3 0 0 0 3", "1 0 0 1 2 0 0 0 0 3 0 0 0 3"))
    review = result.tables["review_litigation"]
    assert all(value is None for row in review.values() for value in row.values())
    row = result.info["review_litigation"]["rows"]["review"]
    assert row["placed"] is False and row["expected"] == 15 and len(row["printed"]) == 14


def test_no_tables_at_all():
    result = tables_of("一、总体情况\n本年度新收政府信息公开申请 3 件，行政许可 17 件。\n二、主动公开政府信息情况\n无。\n")
    assert result.tables == {"active_disclosure": None, "applications": None, "review_litigation": None}
    assert all(result.info[name]["found"] is False for name in result.tables)
    assert result.template is None and result.locations == {}


def test_the_same_report_in_every_format_gives_the_same_tables():
    from giklint.api import parse

    formats = Path(__file__).resolve().parents[1] / "examples" / "formats"
    paths = [formats / f"report-2021.{suffix}" for suffix in ("md", "docx", "html", "pdf")]
    if not all(path.exists() for path in paths):
        pytest.skip("the format examples are not written")
    models = [parse(str(path)) for path in paths]
    assert models[0]["tables"]["applications"]["new_received"]["total"] == 24
    for model in models[1:]:
        assert model["tables"] == models[0]["tables"]


def test_the_model_with_every_kind_of_table_info_is_schema_valid():
    from giklint.api import parse
    from giklint.schema import errors

    active = PIPE_2019.split("三、收到")[0].replace("规章 | 0 | 0 | 0 | |", "规章 | —— | 0 | 0 | |")
    model = parse((active + PDF_TEXT).encode("utf-8"), name="report.txt")
    assert errors(model, "report") == []
    assert model["table_info"]["active_disclosure"]["invalid_cells"] == {"regulations.new_made": "——"}
    assert model["table_info"]["applications"]["rows"]["disclosed"]["placed"] is False


# ---------------------------------------------------------------- the real sample reports

APP_ROWS = {"2019": [key for key, _, _ in official.APPLICATION_ROWS_2019],
            "2021": [key for key, _, _ in official.APPLICATION_ROWS_2021]}


def expected_cells(name: str, want, template: str):
    """(row, column, value) for every cell a hand label pins down (as the acceptance scorer reads them)."""
    if name == "active_disclosure":
        return [(row, col, value) for row, cols in want.items() for col, value in cols.items()]
    columns = APPLICATION_KEYS if name == "applications" else REVIEW_KEYS
    rows = APP_ROWS["2019" if template == "2019" else "2021"] if name == "applications" else \
        [group for group, _ in official.REVIEW_GROUPS]
    explicit = {} if isinstance(want, str) else {k: v for k, v in want.items() if isinstance(v, list)}
    rest_zero = want in ("all-zero", "all-zero-except") or (isinstance(want, dict) and want.get("every_other_row") == "zero")
    cells = []
    for row in rows:
        if row in explicit:
            values = explicit[row]
        elif rest_zero and not (want == "all-zero-except" and row == "disclosed"):
            values = [0] * len(columns)
        else:
            continue
        cells += [(row, col, value) for col, value in zip(columns, values)]
    return cells


def same_cell(got, want) -> bool:
    if isinstance(want, str):  # "425万元": the number; the unit is compared apart
        want = float("".join(ch for ch in want if ch.isdigit() or ch == "."))
    return got is not None and float(got) == float(want)


@pytest.mark.parametrize("document,label", real_reports(), ids=lambda p: p.name)
def test_real_report_tables_match_the_hand_labels(document, label):
    from giklint.api import parse

    labels = load_yaml(label)
    model = parse(str(document))
    for name, want in labels["tables"].items():
        if name not in ("active_disclosure", "applications", "review_litigation"):
            continue
        have = model["tables"][name]
        if want is None:
            assert have is None and model["table_info"][name]["found"] is True
            continue
        assert have is not None, name
        if want == "partial":
            continue
        for row, col, value in expected_cells(name, want, labels.get("template")):
            assert same_cell(have[row][col], value), (name, row, col, value, have[row][col])
            if isinstance(value, str):
                assert have[row]["amount_unit"] == value.lstrip("0123456789.")
        if want == "all-zero-except":
            assert all(v is None for v in have["disclosed"].values())


# ---------------------------------------------------------------- layouts found on published pages

def test_review_printed_as_three_labelled_rows_of_five():
    """表四 as a small grid: a stub over the labels, one row per group (行政复议 / 直接起诉 / 复议后起诉)."""
    lines = [Line("四、政府信息公开行政复议、行政诉讼情况", Location(paragraph=1)),
             cell_row(3, 1, ["类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]),
             cell_row(3, 2, ["行政复议", "1", "1", "0", "0", "2"]),
             cell_row(3, 3, ["行政诉讼（未经复议直接起诉）", "4", "0", "0", "1", "5"]),
             cell_row(3, 4, ["行政诉讼（复议后起诉）", "1", "0", "1", "0", "2"]),
             Line("五、存在的主要问题及改进情况", Location(paragraph=2))]
    result = extract_tables(lines, Sections())
    review = result.tables["review_litigation"]
    assert review["review"] == dict(zip(REVIEW_KEYS, [1, 1, 0, 0, 2]))
    assert review["litigation_direct"] == dict(zip(REVIEW_KEYS, [4, 0, 0, 1, 5]))
    assert review["litigation_after_review"] == dict(zip(REVIEW_KEYS, [1, 0, 1, 0, 2]))
    assert result.info["review_litigation"]["rows"]["litigation_after_review"]["label"] == "行政诉讼（复议后起诉）"
    assert result.locations["tables.review_litigation.litigation_direct.total"] == {"table": 3, "row": 3, "cell": 6}


def test_review_header_wrapped_into_fragments_by_narrow_columns():
    """A borderless PDF prints each header word over two lines ("结果维" / "持"): still 表四's header."""
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n行政复议\n未经复议直接起诉 复议后起诉\n"
            "结果维 结果纠 其他结 尚未审 结果维 结果纠 其他结 尚未审 结果维 结果纠 其他结 尚未审\n"
            "总计 总计 总计\n持 正 果 结 持 正 果 结 持 正 果 结\n"
            "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t1\t0\t0\t0\t1\n五、存在的主要问题及改进情况\n")
    review = tables_of(text).tables["review_litigation"]
    assert review["review"] == dict(zip(REVIEW_KEYS, [1, 0, 0, 1, 2]))
    assert review["litigation_after_review"] == dict(zip(REVIEW_KEYS, [1, 0, 0, 0, 1]))


def test_short_row_without_empty_cells_does_not_say_its_columns():
    """Cells known but fewer than the columns and none empty (a borderless PDF dropped the blank
    cells): the values are not placed; a row that prints its empty cells is placed by boundary."""
    lines = [Line("三、收到和处理政府信息公开申请情况", Location(paragraph=1)),
             cell_row(2, 1, ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]),
             cell_row(2, 2, ["一、本年新收政府信息公开申请数量", "821", "35", "2", "1", "859"]),
             cell_row(2, 3, ["二、上年结转政府信息公开申请数量", "18", "", "", "", "", "", "18"]),
             cell_row(2, 4, ["四、结转下年度继续办理", "72", "", "", "", "", "", ""])]
    result = extract_tables(lines, Sections())
    applications = result.tables["applications"]
    assert applications["new_received"] == dict.fromkeys(APPLICATION_KEYS)
    assert result.info["applications"]["rows"]["new_received"]["placed"] is False
    assert result.info["applications"]["rows"]["new_received"]["printed"] == [821, 35, 2, 1, 859]
    assert applications["carried_over"] == dict(zip(APPLICATION_KEYS, [18, None, None, None, None, None, 18]))
    assert applications["carried_forward"] == dict(zip(APPLICATION_KEYS, [72] + [None] * 6))
    assert result.info["applications"]["rows"]["carried_forward"]["placed"] is True


def flattened(text: str) -> str:
    """A table page saved as text: every line run into one, the cells of a row run together."""
    rows = []
    for line in text.splitlines():
        words = line.split(" ")
        numbers = [w for w in words if w.replace(".", "").replace("-", "").isdigit()]
        rows.append("".join(w for w in words if w not in numbers) + "".join(numbers))
    return "".join(rows)


FLAT_REVIEW = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
               "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计{}五、存在的主要问题及改进情况无。")


def test_flattened_tables_are_read_with_the_row_totals_choosing_the_digits():
    """"一、本年新收…数量801000081" is 80,1,0,0,0,0,81: the only reading whose 总计 is the row's sum."""
    values = {"new_received": [80, 1, 0, 0, 0, 0, 81], "disclosed": [41, 1, 0, 0, 0, 0, 42],
              "unable_not_held": [31, 0, 0, 0, 0, 0, 31], "other_misc": [8, 0, 0, 0, 0, 0, 8],
              "results_total": [80, 1, 0, 0, 0, 0, 81]}
    text = flattened(ACTIVE_2021_SPACED + space_separated_applications("2021", values)) \
        + FLAT_REVIEW.format("10203120001200000")
    assert text.count("\n") == 0 and "数量801000081二、" in text
    result = tables_of(text + "\n")
    applications, active = result.tables["applications"], result.tables["active_disclosure"]
    for key, row in values.items():
        assert applications[key] == dict(zip(APPLICATION_KEYS, row)), key
    assert applications["carried_over"] == dict.fromkeys(APPLICATION_KEYS, 0)  # "0000000"
    assert active["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}  # "000": one reading
    assert active["licensing"] == {"decisions": 17} and active["fees"] == {"amount_10k_yuan": 1.25}
    review = result.tables["review_litigation"]
    assert [review[group] for group, _ in official.REVIEW_GROUPS] == [
        dict(zip(REVIEW_KEYS, [1, 0, 2, 0, 3])), dict(zip(REVIEW_KEYS, [12, 0, 0, 0, 12])),
        dict.fromkeys(REVIEW_KEYS, 0)]
    assert result.locations["tables.applications.new_received.total"]["line"] == 1


def test_flattened_runs_with_more_than_one_reading_are_left_unread():
    """"行政规范性文件2115" (2,1,15 or 21,1,5 …) has no identity to choose by, and "220000022"
    (22,0,…,22 or 2,20,…,22) none that holds (the table's totals are 0): the cells stay None and
    the row says it was not placed."""
    values = {"disclosed": [22, 0, 0, 0, 0, 0, 22]}
    text = flattened(ACTIVE_2021_SPACED + space_separated_applications("2021", values))
    result = tables_of(text + "\n")
    assert result.tables["active_disclosure"]["normative_documents"] == dict.fromkeys(["issued", "repealed", "in_force"])
    assert result.info["active_disclosure"]["rows"]["normative_documents"]["placed"] is False
    assert result.tables["applications"]["disclosed"] == dict.fromkeys(APPLICATION_KEYS)
    assert result.info["applications"]["rows"]["disclosed"]["printed"] == [220000022]


def test_flattened_2019_negative_change_is_not_guessed():
    """2019 表二 "行政处罚2648-18538": the minus starts a run, but where 本年增/减 ends is unknown."""
    text = ("二、主动公开政府信息情况 第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538"
            "行政强制12 0 25三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            "一、本年新收政府信息公开申请数量230 000023\n")
    result = tables_of(text)
    active = result.tables["active_disclosure"]
    assert active["penalties"] == {"prev_items": None, "change": None, "decisions": None}
    assert result.info["active_disclosure"]["rows"]["penalties"]["printed"] == [2648, -18538]
    assert active["enforcement"] == {"prev_items": 12, "change": 0, "decisions": 25}
    assert result.tables["applications"]["new_received"] == dict(zip(APPLICATION_KEYS, [23, 0, 0, 0, 0, 0, 23]))


def test_dates_and_counts_after_a_label_are_not_cut_off_as_values():
    text = ACTIVE_2021_SPACED.replace("行政强制 0", "行政强制 0\n注：2021年新增处罚事项3项，见第2页") 
    active = tables_of(text).tables["active_disclosure"]
    assert active["enforcement"] == {"decisions": 0}
    assert active["fees"] == {"amount_10k_yuan": 1.25}


def test_flattened_runs_the_row_total_leaves_open_are_read_by_the_column_totals():
    """"（一）予以公开220000022" and "（二）部分公开…191000020" each have two readings with a right
    row total; only 22,0,…,22 and 19,1,…,20 make every column add up to （七）总计 (I-3.3, I-3.1)."""
    values = {"new_received": [80, 1, 0, 0, 0, 0, 81], "disclosed": [22, 0, 0, 0, 0, 0, 22],
              "partially_disclosed": [19, 1, 0, 0, 0, 0, 20], "unable_not_held": [39, 0, 0, 0, 0, 0, 39],
              "results_total": [80, 1, 0, 0, 0, 0, 81]}
    result = tables_of(flattened(ACTIVE_2021_SPACED + space_separated_applications("2021", values)) + "\n")
    applications = result.tables["applications"]
    for key, row in values.items():
        assert applications[key] == dict(zip(APPLICATION_KEYS, row)), key
    assert result.info["applications"]["rows"]["disclosed"]["placed"] is True
    # one total less and no combination adds up: both rows are left unread again
    values["results_total"] = [79, 1, 0, 0, 0, 0, 80]
    text = flattened(ACTIVE_2021_SPACED + space_separated_applications("2021", values))
    applications = tables_of(text + "\n").tables["applications"]
    assert applications["disclosed"] == dict.fromkeys(APPLICATION_KEYS)


# -- the building blocks the batch's speed rests on ------------------------------------------------

def test_a_cell_text_is_read_into_its_stripped_text_lead_key_and_value():
    from giklint.extract.numbers import CellValue
    from giklint.extract.table_tokens import cell_shape

    assert cell_shape("  ０ ") == ("０", 2, "0", CellValue("number", 0))
    assert cell_shape("\t**12**") == ("**12**", 1, "12", CellValue("number", 12))
    assert cell_shape("425万元") == ("425万元", 0, "425万元", CellValue("number", 425, "万元"))
    assert cell_shape(" 予以 公开") == ("予以 公开", 1, "予以公开", CellValue("text"))
    assert cell_shape("   ") == ("", 3, "", CellValue("empty"))


def test_a_token_stands_where_its_text_starts_after_the_white_space_it_was_cut_with():
    from giklint.extract.table_tokens import line_tokens

    tokens = line_tokens(Line("| 予以公开 |  3 |", Location(line=7, column=1)), 0)
    assert [(t.text, t.location.column, t.cell) for t in tokens] == [("予以公开", 3, 0), ("3", 11, 1)]
    words = line_tokens(Line("（一）予以公开 3  0", Location(line=8, column=1)), 1)
    assert [(t.text, t.location.column, t.delimited) for t in words] == \
           [("（一）予以公开", 1, False), ("3", 9, False), ("0", 12, False)]


def test_word_pieces_are_the_same_whether_read_first_or_again():
    from giklint.extract.table_tokens import _word_pieces

    for word in ("数量801000081", "97+8", "2648-18538", "1.属于国家秘密0", "000行政规范性文件12", "予以公开。", "12"):
        first = _word_pieces(word)
        assert _word_pieces(word) == first and isinstance(first, tuple)
        assert "".join(piece for _, piece in first) == word
        assert all(word[offset: offset + len(piece)] == piece for offset, piece in first)


def test_the_rows_a_label_names_are_found_once_and_then_remembered():
    from giklint.extract.tables import APPLICATION_ROW_PATTERNS, RowPatterns, named_spans

    text = "（三）不予公开1.属于国家秘密2.其他法律行政法规禁止公开"
    spans = APPLICATION_ROW_PATTERNS.named(text)
    assert [key for _, _, key in spans] == ["withheld_state_secret", "withheld_prohibited_by_law"]
    assert APPLICATION_ROW_PATTERNS.named(text) is spans  # remembered
    assert spans == named_spans(text, APPLICATION_ROW_PATTERNS)
    # overlapping keywords: the earlier, then the longer match wins; a row named twice in a row counts once
    patterns = RowPatterns({"a": r"上年结转", "b": r"结转下年", "c": r"结转"})
    assert patterns.named("上年结转下年") == ((0, 4, "a"),)
    assert patterns.named("结转结转") == ((0, 2, "c"),)
    for number in range(RowPatterns._KEPT_TEXTS + 5):  # many texts: the memory is bounded, answers stay right
        assert patterns.named(f"{number}上年结转") == ((len(str(number)), len(str(number)) + 4, "a"),)
    assert len(patterns._named) <= RowPatterns._KEPT_TEXTS
