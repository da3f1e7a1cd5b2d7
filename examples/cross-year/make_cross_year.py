#!/usr/bin/env python3
"""Write the cross-year example reports under reports/ (several years of several fictional agencies).

    .venv/bin/python examples/cross-year/make_cross_year.py          # rewrites every report and expected.yaml

The reports below are the source: each one's tables, its 第五部分 text and the defect it carries on
purpose (a broken carry-over, a stock that does not continue, a part 五 copied from last year). Every
report is clean on its own (all 勾稽关系 hold, the text restates the tables correctly); only the
comparison with the same agency's report of the year before can find the defects. The files are
committed, so the test suite needs neither this script nor python-docx to read them; a test checks
they are what this script writes.

``expected.yaml`` (written from the same data) lists, per file, the agency and year giklint must read,
which file is its previous year, and the cross-year findings a folder check must give; then the
``--previous`` pairs that must be refused (another agency, not the year before).
"""
from __future__ import annotations

import datetime
import html
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
REPORTS_DIR = "reports"  # what a reviewer checks; this script and the manifest stay outside it
FIXED_TIME = datetime.datetime(2024, 1, 20, 9, 0)

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# 表三 rows: (model key or "" for a group heading, label as printed)
WITHHELD = [("withheld_state_secret", "1.属于国家秘密"), ("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开"),
            ("withheld_three_securities", "3.危及“三安全一稳定”"), ("withheld_third_party", "4.保护第三方合法权益"),
            ("withheld_internal_affairs", "5.属于三类内部事务信息"), ("withheld_process_info", "6.属于四类过程性信息"),
            ("withheld_law_enforcement", "7.属于行政执法案卷"), ("withheld_admin_inquiry", "8.属于行政查询事项")]
UNABLE = [("unable_not_held", "1.本机关不掌握相关政府信息"), ("unable_needs_creation", "2.没有现成信息需要另行制作"),
          ("unable_unclear", "3.补正后申请内容仍不明确")]
REJECTED = [("rejected_complaint", "1.信访举报投诉类申请"), ("rejected_duplicate", "2.重复申请"),
            ("rejected_publication", "3.要求提供公开出版物"), ("rejected_excessive", "4.无正当理由大量反复申请"),
            ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息")]
OTHER_2021 = [("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
              ("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
              ("other_misc", "3.其他")]
OUTCOME_GROUPS = [("disclosed", "（一）予以公开"), ("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]


def outcome_rows(template: str) -> List[Tuple[str, str]]:
    rows = list(OUTCOME_GROUPS) + [("", "（三）不予公开")] + WITHHELD + [("", "（四）无法提供")] + UNABLE
    rows += [("", "（五）不予处理")] + REJECTED
    rows += [("", "（六）其他处理")] + OTHER_2021 if template == "2021" else [("other", "（六）其他处理")]
    return rows


Six = List[int]  # one count per applicant column


@dataclass
class Applications:
    """表三 from what an agency decides: outcomes per column, what came from and goes to other years.

    本年新收 is derived so that 一+二 = （七）总计+四 holds in every column.
    """

    outcomes: Dict[str, Six]
    carried_over: Six
    carried_forward: Six

    def results_total(self) -> Six:
        return [sum(values[c] for values in self.outcomes.values()) for c in range(6)]

    def new_received(self) -> Six:
        totals = self.results_total()
        new = [totals[c] + self.carried_forward[c] - self.carried_over[c] for c in range(6)]
        assert min(new) >= 0, new
        return new


@dataclass
class Stock:
    """表二 第二十条第（一）项, one row: 2021 format (issued, repealed, in_force) or 2019 (made, published, total)."""

    first: int
    second: int
    third: int


@dataclass
class Report:
    file: str
    agency: str
    year: int
    template: str
    place: str  # the 本级 government, for the text: 县/市/区/乡
    applications: Applications
    regulations: Stock
    normative: Stock
    decisions: Tuple[int, int, int]  # 行政许可, 行政处罚, 行政强制
    fee: float  # 万元
    review: Sequence[Sequence[int]]  # three groups x (维持, 纠正, 其他, 尚未审结)
    focus: str  # what the agency worked on, for part 一
    part5: Sequence[str]
    contact: Tuple[str, str, str, str]  # address, postcode, phone, e-mail
    signed: str  # YYYY-MM-DD
    previous: Optional[str] = None
    problems: List[Dict[str, object]] = field(default_factory=list)
    note: str = ""

    @property
    def fmt(self) -> str:
        return self.file.rsplit(".", 1)[1]


def copied_part5(text: Sequence[str], year: int) -> List[str]:
    """Last year's part 五 with only the years moved on: what a copied report looks like."""
    return [p.replace(str(year), str(year + 1)).replace(str(year - 1), str(year)) for p in text]


# ---------------------------------------------------------------- the agencies and their years

QH_CONTACT = ("青禾县人民路45号", "316200", "0123-5213148", "qhsfj@qinghe.gov.cn")
YX_CONTACT = ("云溪市通达路18号", "425100", "0124-8862301", "yxjtj@yunxi.gov.cn")
CX_CONTACT = ("澄溪区文昌路9号", "518300", "0125-6627510", "cxjyj@chengxi.gov.cn")
LM_CONTACT = ("鹿鸣县振兴大道112号", "617400", "0126-3318056", "lmybj@luming.gov.cn")
WL_CONTACT = ("梧岭县和顺街27号", "735600", "0127-2241639", "wlmzj@wuling.gov.cn")
YH_CONTACT = ("雁湖乡雁湖街1号", "316281", "0123-5890012", "yhxzf@qinghe.gov.cn")

YX_2022_PART5 = [
    "2022年，我局政府信息公开工作仍存在一些不足：一是交通建设项目信息公开不够全面，部分项目的招投标和施工进度"
    "信息更新不及时；二是政策解读以文字为主，群众关心的公交线路调整、出租车运价等事项解读不够通俗。",
    "2023年，我局将着力做好以下工作：一是建立重点交通建设项目信息公开清单，按月更新项目进展；二是对公交线路调整、"
    "运价调整等民生事项采用图解、问答等形式开展解读，并通过“云溪交通”微信公众号同步推送。",
]
WL_2021_PART5 = [
    "2021年，我局政府信息公开工作存在以下不足：一是社会救助信息公开的颗粒度不够细，低保、特困供养名单未按乡镇分类发布；"
    "二是养老服务机构的评估结果公开滞后。",
    "2022年，我局将重点做好以下工作：一是按月分乡镇公开城乡低保、特困人员救助供养对象名单，注意保护个人隐私；"
    "二是在养老服务机构等级评定完成后10个工作日内公开评定结果，并在局网站设立养老服务专栏集中发布。",
]

REPORTS: List[Report] = [
    # ---- 青禾县司法局: four years, every pair consistent; 2020 is the 2019 format (the 2019→2021 transition)
    Report(
        file="qinghe-sfj-2020.md", agency="青禾县司法局", year=2020, template="2019", place="县",
        applications=Applications({"disclosed": [3, 1, 0, 0, 1, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "unable_not_held": [2, 0, 0, 0, 0, 0], "rejected_duplicate": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 0, 0], carried_forward=[1, 0, 0, 0, 1, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(1, 1, 4), decisions=(12, 0, 0), fee=0,
        review=[(1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕法治政府建设、公共法律服务体系建设和人民调解工作",
        part5=["2020年，我局政府信息公开工作仍有不足：一是公共法律服务信息分散在多个栏目，群众查找不便；"
               "二是行政执法“三项制度”相关信息公开不够规范。",
               "2021年，我局将整合公共法律服务栏目，统一发布法律援助、公证、人民调解办事指南；"
               "按照行政执法公示制度要求，规范公开执法主体、依据、程序和结果。"],
        contact=QH_CONTACT, signed="2021-01-22"),
    Report(
        file="青禾县司法局2021年政府信息公开工作年度报告.md", agency="青禾县司法局", year=2021, template="2021", place="县",
        applications=Applications({"disclosed": [4, 0, 0, 0, 1, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "withheld_third_party": [1, 0, 0, 0, 0, 0], "unable_not_held": [2, 1, 0, 0, 0, 0],
                                   "other_overdue_correction": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 1, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(2, 1, 5), decisions=(15, 3, 0), fee=0,
        review=[(0, 1, 0, 0), (1, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕“八五”普法启动、法律援助便民服务和行政执法监督",
        part5=["2021年，我局政府信息公开工作存在的问题主要是：一是“八五”普法工作信息发布数量偏少，普法成效展示不足；"
               "二是依申请公开答复中对法律依据的说明不够详细。",
               "2022年，我局将开设“八五”普法专栏，按季度发布普法工作进展；制定依申请公开答复文书范本，"
               "逐项写明不予公开或无法提供的法律依据和救济途径。"],
        contact=QH_CONTACT, signed="2022-01-21", previous="qinghe-sfj-2020.md",
        note="2019年格式的上一年：只比对两种格式都有的表三各行，不比对表二存量"),
    Report(
        file="司法局2022年度报告.docx", agency="青禾县司法局", year=2022, template="2021", place="县",
        applications=Applications({"disclosed": [5, 1, 0, 0, 0, 0], "partially_disclosed": [1, 0, 0, 0, 1, 0],
                                   "unable_not_held": [1, 0, 0, 0, 0, 0], "rejected_complaint": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[2, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(1, 2, 4), decisions=(18, 2, 0), fee=0,
        review=[(1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕公共法律服务实体平台建设、矛盾纠纷多元化解和行政复议体制改革",
        part5=["2022年，我局政府信息公开工作仍存在一些薄弱环节：一是行政复议体制改革后的办事指南更新不够及时；"
               "二是基层司法所信息公开工作力量薄弱，信息报送质量参差不齐。",
               "2023年，我局将及时修订行政复议申请指南和文书样式并在政府网站公开；"
               "对各司法所信息员开展集中培训，建立信息报送质量季度讲评制度。"],
        contact=QH_CONTACT, signed="2023-01-19", previous="青禾县司法局2021年政府信息公开工作年度报告.md",
        note="Word 文件，文件名不含机关全称"),
    Report(
        file="qhsfj_2023.html", agency="青禾县司法局", year=2023, template="2021", place="县",
        applications=Applications({"disclosed": [4, 1, 0, 0, 1, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "withheld_process_info": [1, 0, 0, 0, 0, 0], "unable_needs_creation": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[2, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 1, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(3, 0, 7), decisions=(21, 1, 0), fee=0,
        review=[(0, 0, 1, 0), (1, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕法治宣传教育、人民调解组织规范化建设和公共法律服务质效提升",
        part5=["2023年，我局政府信息公开工作还存在不足：一是政策文件解读的形式较为单一，图解和视频解读较少；"
               "二是人民调解典型案例公开不多，示范引导作用发挥不够。",
               "2024年，我局将对本局制发的行政规范性文件全部配发图解；"
               "每季度选编并公开一批人民调解典型案例，同步在“青禾司法”微信公众号推送。"],
        contact=QH_CONTACT, signed="2024-01-23", previous="司法局2022年度报告.docx",
        note="网页（另存的政府网站页面）"),
    # ---- 云溪市交通运输局: 2022 carries over other figures than 2021 carried forward; 2023 copies 2022's part 五
    Report(
        file="yunxi-jtj-2021.md", agency="云溪市交通运输局", year=2021, template="2021", place="市",
        applications=Applications({"disclosed": [6, 2, 0, 0, 0, 0], "partially_disclosed": [2, 1, 0, 0, 0, 0],
                                   "withheld_third_party": [0, 1, 0, 0, 0, 0], "unable_not_held": [4, 1, 0, 1, 0, 0],
                                   "rejected_complaint": [2, 0, 0, 0, 0, 0], "other_overdue_correction": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 1, 0, 0, 0, 0], carried_forward=[2, 1, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(3, 2, 11), decisions=(1262, 318, 12), fee=0,
        review=[(2, 1, 0, 0), (1, 0, 0, 1), (0, 0, 0, 0)],
        focus="围绕综合交通枢纽建设、城乡公交一体化和交通运输安全生产",
        part5=["2021年，我局政府信息公开工作存在的主要问题：一是重大交通建设项目批准和实施领域信息公开的标准化、规范化水平不高；"
               "二是部分科室对依申请公开工作的法律风险认识不足，答复期限把握不严。",
               "2022年，我局将对照基层政务公开标准目录梳理重大建设项目公开事项；"
               "组织依申请公开专题培训，建立答复期限提醒和法律顾问审核机制。"],
        contact=YX_CONTACT, signed="2022-01-24"),
    Report(
        file="yunxi-jtj-2022.md", agency="云溪市交通运输局", year=2022, template="2021", place="市",
        applications=Applications({"disclosed": [7, 2, 0, 0, 0, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "unable_not_held": [3, 2, 0, 0, 0, 0], "unable_unclear": [1, 0, 0, 0, 0, 0],
                                   "rejected_duplicate": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[2, 0, 0, 0, 0, 0], carried_forward=[1, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(2, 1, 12), decisions=(1308, 296, 9), fee=0,
        review=[(1, 0, 0, 0), (1, 1, 0, 0), (0, 0, 0, 0)],
        focus="围绕公路网规划实施、城市公交线网优化和道路运输行业监管",
        part5=YX_2022_PART5,
        contact=YX_CONTACT, signed="2023-01-18", previous="yunxi-jtj-2021.md",
        problems=[{"rule": "carryover-mismatch", "severity": "warning", "columns": ["商业企业", "总计"]}],
        note="表三“二、上年结转”商业企业列为0、总计为2，上年报告“四、结转下年度继续办理”为1、3"),
    Report(
        file="yunxi-jtj-2023.md", agency="云溪市交通运输局", year=2023, template="2021", place="市",
        applications=Applications({"disclosed": [5, 1, 0, 0, 0, 0], "partially_disclosed": [2, 0, 0, 0, 0, 0],
                                   "withheld_process_info": [1, 0, 0, 0, 0, 0], "unable_not_held": [2, 1, 0, 0, 1, 0],
                                   "other_misc": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(1, 0, 13), decisions=(1351, 305, 14), fee=0,
        review=[(0, 0, 0, 1), (1, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕交通基础设施补短板、公交优先发展和网约车规范管理",
        part5=copied_part5(YX_2022_PART5, 2022),
        contact=YX_CONTACT, signed="2024-01-22", previous="yunxi-jtj-2022.md",
        problems=[{"rule": "duplicate-text", "severity": "warning", "section": 5}],
        note="第五部分照抄2022年报告，只改了年份"),
    # ---- 澄溪区教育局 (one folder per agency, files named by year): the 2022 stock is a re-count
    Report(
        file="chengxi-edu/2021.md", agency="澄溪区教育局", year=2021, template="2021", place="区",
        applications=Applications({"disclosed": [9, 0, 0, 1, 0, 0], "partially_disclosed": [2, 0, 0, 0, 0, 0],
                                   "unable_not_held": [5, 0, 0, 0, 0, 0], "unable_needs_creation": [1, 0, 0, 0, 0, 0],
                                   "rejected_complaint": [3, 0, 0, 0, 0, 0]},
                                  carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[1, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(4, 2, 12), decisions=(57, 2, 0), fee=0,
        review=[(1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕“双减”政策落实、义务教育招生入学和校园安全",
        part5=["2021年，我局政府信息公开工作存在的不足主要有：一是义务教育招生入学政策解读发布时间偏晚，家长咨询集中；"
               "二是民办学校和校外培训机构审批、监管信息公开不够完整。",
               "2022年，我局将提前一个月发布招生入学政策及解读，开通招生咨询专线；"
               "建立校外培训机构“白名单”和“黑名单”动态公开机制，按季度更新。"],
        contact=CX_CONTACT, signed="2022-01-17"),
    Report(
        file="chengxi-edu/2022.md", agency="澄溪区教育局", year=2022, template="2021", place="区",
        applications=Applications({"disclosed": [8, 0, 0, 0, 0, 0], "partially_disclosed": [1, 1, 0, 0, 0, 0],
                                   "unable_not_held": [4, 0, 0, 0, 0, 0], "rejected_duplicate": [2, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(3, 1, 20), decisions=(61, 1, 0), fee=0,
        review=[(0, 0, 0, 0), (1, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕学前教育普及普惠、义务教育优质均衡和教师队伍建设",
        part5=["2022年，我局政府信息公开工作仍有差距：一是教育经费使用和学生资助信息公开的及时性有待提高；"
               "二是对学校信息公开工作的指导不够，部分学校网站栏目更新缓慢。",
               "2023年，我局将按学期公开学生资助名单和资金发放情况，注意隐去个人敏感信息；"
               "把学校信息公开纳入年度办学质量评估，每学期抽查一次学校网站。"],
        contact=CX_CONTACT, signed="2023-01-16", previous="chengxi-edu/2021.md",
        problems=[{"rule": "stock-continuity", "severity": "info", "rows": ["行政规范性文件"]}],
        note="行政规范性文件现行有效件数20，按上年12+制发3−废止1应为14（年中清理后重新统计）"),
    # ---- 鹿鸣县医疗保障局 (one folder per year, files named by agency): 2019 format → 2021 format, carry-over broken
    Report(
        file="2020/鹿鸣县医疗保障局.md", agency="鹿鸣县医疗保障局", year=2020, template="2019", place="县",
        applications=Applications({"disclosed": [2, 0, 0, 0, 0, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "unable_not_held": [1, 1, 0, 0, 0, 0]},
                                  carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[2, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(2, 2, 3), decisions=(0, 4, 0), fee=0,
        review=[(0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕医保基金监管、医保待遇保障和医药价格招采",
        part5=["2020年，我局成立时间不长，政府信息公开工作基础较弱：一是信息公开专栏建设尚不完善；"
               "二是医保政策解读不够，群众对异地就医备案等政策知晓率不高。",
               "2021年，我局将完善政府信息公开专栏，分类发布医保政策、定点机构和基金监管信息；"
               "编印异地就医备案、门诊慢特病申办等办事指南并在网上公开。"],
        contact=LM_CONTACT, signed="2021-01-25"),
    Report(
        file="2021/鹿鸣县医疗保障局.md", agency="鹿鸣县医疗保障局", year=2021, template="2021", place="县",
        applications=Applications({"disclosed": [3, 0, 0, 0, 0, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "unable_not_held": [2, 0, 0, 0, 0, 0], "rejected_complaint": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(1, 0, 4), decisions=(0, 6, 0), fee=0,
        review=[(0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕医保电子凭证推广、定点医药机构监管和门诊共济保障",
        part5=["2021年，我局政府信息公开工作仍存在一些问题：一是定点医药机构协议管理和处理结果公开不够及时；"
               "二是政策解读与群众关切结合不够紧密。",
               "2022年，我局将在检查处理结果作出后20个工作日内公开；"
               "围绕门诊共济、长期护理保险等群众关心的政策，开展图解、问答式解读。"],
        contact=LM_CONTACT, signed="2022-01-20", previous="2020/鹿鸣县医疗保障局.md",
        problems=[{"rule": "carryover-mismatch", "severity": "warning", "columns": ["自然人", "总计"]}],
        note="2019年格式的上一年结转下年度自然人2件，2021年报告上年结转只写了1件"),
    # ---- 梧岭县民政局: 2022 keeps last year's measures but writes new problems: half copied, under the threshold
    Report(
        file="wuling-mzj-2021.md", agency="梧岭县民政局", year=2021, template="2021", place="县",
        applications=Applications({"disclosed": [6, 0, 0, 0, 0, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0],
                                   "withheld_third_party": [2, 0, 0, 0, 0, 0], "unable_not_held": [3, 0, 0, 0, 0, 0]},
                                  carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[1, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(2, 0, 6), decisions=(32, 0, 0), fee=0,
        review=[(1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕社会救助兜底保障、养老服务体系建设和基层社会治理",
        part5=WL_2021_PART5,
        contact=WL_CONTACT, signed="2022-01-24"),
    Report(
        file="wuling-mzj-2022.md", agency="梧岭县民政局", year=2022, template="2021", place="县",
        applications=Applications({"disclosed": [5, 0, 0, 0, 0, 0], "partially_disclosed": [2, 0, 0, 0, 0, 0],
                                   "unable_not_held": [2, 1, 0, 0, 0, 0], "rejected_duplicate": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(1, 1, 6), decisions=(29, 0, 0), fee=0,
        review=[(0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕低保扩围增效、殡葬改革和婚姻登记便民服务",
        part5=["2022年，我局政府信息公开工作还有不少差距：一是殡葬改革政策宣传解读不够深入，群众对惠民殡葬政策了解不多；"
               "二是婚姻登记“跨省通办”试点的办事指南公开不及时。",
               WL_2021_PART5[1].replace("2022年", "2023年")],
        contact=WL_CONTACT, signed="2023-01-20", previous="wuling-mzj-2021.md",
        note="第五部分第二段沿用上年的改进措施，约三分之二的文字相同，低于默认阈值（80%），不报告"),
    # ---- 雁湖乡人民政府: 2022 and 2024, no 2023 report in the folder, so no pair
    Report(
        file="yanhu-2022.md", agency="雁湖乡人民政府", year=2022, template="2021", place="乡",
        applications=Applications({"disclosed": [1, 0, 0, 0, 0, 0], "unable_not_held": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[0, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(0, 0, 0), decisions=(6, 0, 0), fee=0,
        review=[(0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕乡村振兴、农村人居环境整治和便民服务中心建设",
        part5=["2022年，我乡政府信息公开工作存在的问题：一是村务公开与政务公开衔接不够；二是公开栏信息更新不及时。",
               "2023年，我乡将统一村务公开目录，每季度检查一次各村公开栏，督促及时更新。"],
        contact=YH_CONTACT, signed="2023-01-17"),
    Report(
        file="yanhu-2024.md", agency="雁湖乡人民政府", year=2024, template="2021", place="乡",
        applications=Applications({"disclosed": [2, 0, 0, 0, 0, 0], "partially_disclosed": [1, 0, 0, 0, 0, 0]},
                                  carried_over=[1, 0, 0, 0, 0, 0], carried_forward=[0, 0, 0, 0, 0, 0]),
        regulations=Stock(0, 0, 0), normative=Stock(0, 0, 0), decisions=(9, 1, 0), fee=0,
        review=[(0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)],
        focus="围绕和美乡村建设、农业产业发展和基层治理",
        part5=["2024年，我乡政府信息公开工作仍有不足：一是惠农补贴发放信息公开不够细；二是政策解读形式单一。",
               "2025年，我乡将按村、按批次公开惠农补贴发放情况，并利用村广播、微信群开展政策解读。"],
        contact=YH_CONTACT, signed="2025-01-16",
        note="文件夹里没有2023年的报告：不配对，不做跨年度比对"),
]

# --previous pairs a folder check never forms: the file given as last year's is not it
REFUSED_PAIRS = [
    {"file": "yunxi-jtj-2022.md", "previous": "青禾县司法局2021年政府信息公开工作年度报告.md",
     "rule": "previous-mismatch", "why": "另一个机关的报告"},
    {"file": "yunxi-jtj-2023.md", "previous": "yunxi-jtj-2021.md", "rule": "previous-mismatch", "why": "前两年的报告"},
    {"file": "chengxi-edu/2021.md", "previous": "chengxi-edu/2022.md", "rule": "previous-mismatch",
     "why": "后一年的报告"},
]


# ---------------------------------------------------------------- the report as blocks

@dataclass
class Block:
    kind: str  # "title", "heading", "paragraph", "label" (a bold line above a table), "table"
    text: str = ""
    rows: Optional[List[List[str]]] = None


def number(value: float) -> str:
    return f"{value:g}"


def cn_date(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{year}年{month}月{day}日"


def table_two(report: Report) -> List[Block]:
    licensing, penalties, enforcement = report.decisions
    if report.template == "2021":
        stock_rows = [["规章", *(number(v) for v in vars(report.regulations).values())],
                      ["行政规范性文件", *(number(v) for v in vars(report.normative).values())]]
        return [Block("label", "第二十条第（一）项"),
                Block("table", rows=[["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], *stock_rows]),
                Block("label", "第二十条第（五）项"),
                Block("table", rows=[["信息内容", "本年处理决定数量"], ["行政许可", str(licensing)]]),
                Block("label", "第二十条第（六）项"),
                Block("table", rows=[["信息内容", "本年处理决定数量"], ["行政处罚", str(penalties)],
                                     ["行政强制", str(enforcement)]]),
                Block("label", "第二十条第（八）项"),
                Block("table", rows=[["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", number(report.fee)]])]
    rows = [["第二十条第（一）项", "", "", ""], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", *(number(v) for v in vars(report.regulations).values())],
            ["规范性文件", *(number(v) for v in vars(report.normative).values())],
            ["第二十条第（五）项", "", "", ""], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政许可", "9", "0", str(licensing)], ["其他对外管理服务事项", "2", "0", "0"],
            ["第二十条第（六）项", "", "", ""], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政处罚", "41", "2", str(penalties)], ["行政强制", "3", "0", str(enforcement)],
            ["第二十条第（八）项", "", "", ""], ["信息内容", "上一年项目数量", "本年增/减", ""],
            ["行政事业性收费", "0", "0", ""],
            ["第二十条第（九）项", "", "", ""], ["信息内容", "采购项目数量", "采购总金额", ""],
            ["政府集中采购", "2", "23.6万元", ""]]
    return [Block("table", rows=rows)]


def table_three(report: Report) -> Block:
    apps = report.applications

    def row(label: str, values: Six) -> List[str]:
        return [label, *(str(v) for v in values), str(sum(values))]

    zero = [0] * 6
    rows = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *APPLICANTS, "总计"],
            row("一、本年新收政府信息公开申请数量", apps.new_received()),
            row("二、上年结转政府信息公开申请数量", apps.carried_over),
            ["三、本年度办理结果"] + [""] * 7]
    for key, label in outcome_rows(report.template):
        if key == "other":
            rows.append(row(label, [sum(apps.outcomes.get(k, zero)[c] for k, _ in OTHER_2021) for c in range(6)]))
        elif key:
            rows.append(row(label, apps.outcomes.get(key, zero)))
        else:
            rows.append([label] + [""] * 7)
    rows += [row("（七）总计", apps.results_total()), row("四、结转下年度继续办理", apps.carried_forward)]
    return Block("table", rows=rows)


def table_four(report: Report) -> Block:
    values: List[str] = []
    for group in report.review:
        values += [str(v) for v in group] + [str(sum(group))]
    blank = [""] * 4
    return Block("table", rows=[
        ["行政复议", *blank, "行政诉讼", *blank, *blank, ""],
        [*blank, "", "未经复议直接起诉", *blank, "复议后起诉", *blank],
        *[["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3],
        values])


def overview(report: Report) -> List[Block]:
    apps = report.applications
    new, totals, zero = apps.new_received(), apps.results_total(), [0] * 6

    def group_total(keys: Sequence[str]) -> int:
        return sum(sum(apps.outcomes.get(k, zero)) for k in keys)

    withheld = group_total([k for k, _ in WITHHELD])
    unable = group_total([k for k, _ in UNABLE])
    rejected = group_total([k for k, _ in REJECTED])
    other = group_total([k for k, _ in OTHER_2021])
    review = sum(report.review[0])
    litigation = sum(report.review[1]) + sum(report.review[2])
    we = "我乡" if report.place == "乡" else "我局"
    upper = {"县": "县委、县政府", "市": "市委、市政府", "区": "区委、区政府", "乡": "县委、县政府和乡党委"}[report.place]
    published = 40 + report.year % 7 * 9 + sum(new)
    return [
        Block("paragraph", f"{report.year}年，{report.agency}认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》）"
                           f"和{upper}关于政务公开工作的部署，{report.focus}，扎实推进政府信息公开工作。"),
        Block("paragraph", "（一）主动公开"),
        Block("paragraph", f"{we}依托政府门户网站“政府信息公开”专栏主动公开政府信息，全年共发布{published}条，"
                           "重点做好政策文件、行政执法和办事服务信息的发布。"),
        Block("paragraph", "（二）依申请公开"),
        Block("paragraph", f"全年共新收政府信息公开申请{sum(new)}件，其中自然人申请{new[0]}件、法人或其他组织申请"
                           f"{sum(new[1:])}件；上年结转{sum(apps.carried_over)}件。全年办结{sum(totals)}件，其中予以公开"
                           f"{sum(apps.outcomes.get('disclosed', zero))}件，部分公开"
                           f"{sum(apps.outcomes.get('partially_disclosed', zero))}件，不予公开{withheld}件，无法提供"
                           f"{unable}件，不予处理{rejected}件，其他处理{other}件；结转下年度继续办理"
                           f"{sum(apps.carried_forward)}件。因政府信息公开工作被申请行政复议{review}件，"
                           f"被提起行政诉讼{litigation}件。"),
        Block("paragraph", "（三）政府信息管理"),
        Block("paragraph", "严格执行信息发布审核制度，拟公开信息均经保密审查；对照主动公开目录定期清理，及时更新失效信息。"),
        Block("paragraph", "（四）政府信息公开平台建设"),
        Block("paragraph", "以政府门户网站为第一平台，同步利用政务新媒体发布重要信息，做到内容一致、同步更新。"),
        Block("paragraph", "（五）监督保障"),
        Block("paragraph", "将政务公开纳入年度目标考核，明确专人负责信息公开工作，全年未发生因政务公开工作被追责的情况。"),
    ]


def blocks_of(report: Report) -> List[Block]:
    address, postcode, phone, email = report.contact
    fmt = "国办公开办函〔2021〕30号" if report.template == "2021" else "国办公开办函〔2019〕60号"
    title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
    preamble = (f"本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（{fmt}）"
                "要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和"
                "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限自"
                f"{report.year}年1月1日起至{report.year}年12月31日止。如对本报告有疑问，请与{report.agency}办公室联系"
                f"（地址：{address}；邮编：{postcode}；电话：{phone}；电子邮箱：{email}）。")
    if report.template == "2021":
        part6 = [f"（一）信息处理费收取情况。本年度{'我乡' if report.place == '乡' else '我局'}未收取政府信息公开信息处理费。",
                 "（二）人大代表建议和政协委员提案办理情况。承办的建议、提案均按期办结，办理复文已按要求公开。"]
    else:
        part6 = ["无。"]
    return [Block("title", title), Block("paragraph", preamble),
            Block("heading", "一、总体情况"), *overview(report),
            Block("heading", "二、主动公开政府信息情况"), *table_two(report),
            Block("heading", "三、收到和处理政府信息公开申请情况"), table_three(report),
            Block("heading", "四、政府信息公开行政复议、行政诉讼情况"), table_four(report),
            Block("heading", "五、存在的主要问题及改进情况"), *(Block("paragraph", p) for p in report.part5),
            Block("heading", "六、其他需要报告的事项"), *(Block("paragraph", p) for p in part6),
            Block("paragraph", report.agency), Block("paragraph", cn_date(report.signed))]


# ---------------------------------------------------------------- writers

def markdown(blocks: Sequence[Block]) -> str:
    out: List[str] = []
    for block in blocks:
        if block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind == "heading":
            out.append(f"## {block.text}")
        elif block.kind == "label":
            out.append(f"**{block.text}**")
        elif block.kind == "paragraph":
            out.append(block.text)
        else:
            rows = block.rows or []
            lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(["---"] * len(rows[0])) + " |"]
            lines += ["| " + " | ".join(cells) + " |" for cells in rows[1:]]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def html_page(blocks: Sequence[Block], published: str) -> str:
    """A saved government page: site chrome around the article, 发布日期 in the metadata block."""
    title = blocks[0].text
    body: List[str] = []
    for block in blocks[1:]:
        if block.kind in ("heading", "label"):
            body.append(f"<p><strong>{html.escape(block.text)}</strong></p>")
        elif block.kind == "paragraph":
            body.append(f'<p style="text-indent:2em">{html.escape(block.text)}</p>')
        else:
            cells = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                              for row in block.rows or [])
            body.append(f'<table border="1" cellspacing="0">\n<tbody>\n{cells}\n</tbody>\n</table>')
    article = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}_青禾县人民政府</title>
<script src="/js/common.js"></script>
</head>
<body>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开年报</a></div>
<div class="xxgk-meta"><table class="meta-table">
<tr><th>发布机构：</th><td>青禾县司法局</td><th>发布日期：</th><td>{published}</td></tr>
</table></div>
<div class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div id="zoom" class="TRS_Editor">
{article}
</div>
</div>
<footer class="footer"><p>主办单位：青禾县人民政府办公室</p></footer>
</body>
</html>
"""


def docx_bytes(blocks: Sequence[Block]) -> bytes:
    """A Word file: paragraphs and plain tables (each cell as printed, no merged cells)."""
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    for block in blocks:
        if block.kind == "table":
            rows = block.rows or []
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            document.add_paragraph()
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).bold = block.kind in ("title", "heading", "label")
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip_times(buffer.getvalue())


def fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so that writing it twice gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), source.read(info.filename),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render(report: Report) -> bytes:
    blocks = blocks_of(report)
    if report.fmt == "md":
        return markdown(blocks).encode("utf-8")
    if report.fmt == "html":
        return html_page(blocks, report.signed).encode("utf-8")
    if report.fmt == "docx":
        return docx_bytes(blocks)
    raise ValueError(report.file)


def expected_yaml() -> str:
    """The manifest the tests read (plain YAML written by hand here: no YAML library needed)."""
    lines = ["# Written by make_cross_year.py: what giklint must read and find in this folder.",
             "# reports: per file, the agency and year read, the previous year's file a folder check pairs it with,",
             "# and the cross-year findings it must give (none on consistent pairs).", "reports:"]
    for report in REPORTS:
        lines.append(f"  {report.file}:")
        lines.append(f"    agency: {report.agency}")
        lines.append(f"    year: {report.year}")
        lines.append(f"    template: \"{report.template}\"")
        lines.append(f"    previous: {report.previous or 'null'}")
        if report.problems:
            lines.append("    problems:")
            for problem in report.problems:
                items = ", ".join(f"{k}: {v}" if not isinstance(v, list) else f"{k}: [{', '.join(map(str, v))}]"
                                  for k, v in problem.items())
                lines.append(f"      - {{{items}}}")
        else:
            lines.append("    problems: []")
        if report.note:
            lines.append(f"    note: {report.note}")
    lines.append("# giklint check FILE --previous PREVIOUS: last year's file is not last year's report")
    lines.append("refused_pairs:")
    for pair in REFUSED_PAIRS:
        lines.append(f"  - {{file: {pair['file']}, previous: {pair['previous']}, rule: {pair['rule']}, why: {pair['why']}}}")
    return "\n".join(lines) + "\n"


def write_all(folder: Path = HERE) -> List[Path]:
    """The reports under ``folder/reports`` (the folder a reviewer checks) and ``folder/expected.yaml``."""
    written = []
    for report in REPORTS:
        path = folder / REPORTS_DIR / report.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(report))
        written.append(path)
    manifest = folder / "expected.yaml"
    manifest.write_text(expected_yaml(), encoding="utf-8")
    return written + [manifest]


PLACES = ("青禾县", "云溪市", "澄溪区", "鹿鸣县", "梧岭县", "雁湖乡")


def write_renamed_copy(target: Path, numeral: str, folder: Path = HERE / REPORTS_DIR) -> List[Path]:
    """The committed reports copied to ``target`` with every place given a numeral (青禾县 -> 青禾二县),
    so that they are other agencies' reports: a larger batch for tests and benchmarks. Markdown, the web
    page and the Word file alike."""
    def rename(text: str) -> str:
        for place in PLACES:
            text = text.replace(place, f"{place[:-1]}{numeral}{place[-1]}")
        return text

    written = []
    for source in sorted(p for p in folder.rglob("*") if p.is_file()):
        path = target / source.relative_to(folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".docx":
            path.write_bytes(_renamed_docx(source.read_bytes(), rename))
        else:
            path.write_text(rename(source.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(path)
    return written


def _renamed_docx(data: bytes, rename) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = rename(content.decode("utf-8")).encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


if __name__ == "__main__":
    for path in write_all(HERE):
        print(path.relative_to(HERE))
