"""QH101 qinghe-hotline on real parsed reports, and the plugin's hooks.

Run with giklint and this plugin installed: ``pip install -e '.[test]' && pytest``.
"""
from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from giklint.testing import check, report_from_text
from giklint_qinghe import giklint_profiles, giklint_rules
from giklint_qinghe.hotline import QingheHotline

REPORT = """# 青禾市交通运输局2021年政府信息公开工作年度报告

本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。{preamble}

## 一、总体情况

2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。{overview}

## 二、主动公开政府信息情况

## 三、收到和处理政府信息公开申请情况

## 四、政府信息公开行政复议、行政诉讼情况

## 五、存在的主要问题及改进情况

## 六、其他需要报告的事项

本年度未收取信息处理费。
"""


def findings(preamble: str = "", overview: str = "", **options):
    return check(QingheHotline, report_from_text(REPORT.format(preamble=preamble, overview=overview)), **options)


def test_a_report_without_hotline_or_address_is_flagged_at_part_one():
    [finding] = findings(preamble="如对本报告有疑问，请与本局办公室联系。")
    assert (finding.code, finding.rule, finding.severity) == ("QH101", "qinghe-hotline", "warning")
    assert "12345" in finding.message
    assert finding.line == 5  # the heading 一、总体情况


@pytest.mark.parametrize("preamble, overview", [
    ("公众可拨打12345政务服务便民热线咨询。", ""),
    ("", "群众可通过１２３４５热线咨询政府信息公开事项。"),  # full-width digits
    ("本报告电子版可在青禾市人民政府门户网站（http://www.qinghe.gov.cn）下载。", ""),
    ("", "信息统一在www.qinghe.gov.cn“政府信息公开”专栏发布。"),
])
def test_the_hotline_or_a_web_address_in_the_preamble_or_part_one_passes(preamble, overview):
    assert findings(preamble=preamble, overview=overview) == []


def test_a_longer_number_is_not_the_hotline():
    assert len(findings(preamble="联系电话：0123-5212345。")) == 1


def test_the_hotline_number_is_an_option():
    assert findings(preamble="请拨打96123热线。", hotline="96123") == []
    assert len(findings(preamble="请拨打12345热线。", hotline="96123")) == 1


def test_a_hotline_that_is_no_number_is_refused():
    with pytest.raises(ValueError, match="hotline"):
        findings(hotline="twelve")


def test_the_doc_page_shows_a_failing_and_a_passing_example():
    doc = QingheHotline.doc()
    assert doc.startswith("qinghe-hotline (QH101)")
    assert "不通过的例子" in doc and "通过的例子" in doc


def test_the_hooks_contribute_the_rule_and_the_profile():
    assert giklint_rules() == [QingheHotline]
    [profile] = giklint_profiles()
    assert profile.name == "qinghe"
    assert profile.data["rules"]["late-publication"]["deadline"] == "01-20"


def installed() -> bool:
    found = entry_points()
    group = found.select(group="giklint") if hasattr(found, "select") else found.get("giklint", [])  # Python 3.9
    return any(ep.value == "giklint_qinghe" for ep in group)


def test_giklint_finds_the_installed_plugin_through_its_entry_point():
    if not installed():
        pytest.skip("giklint-qinghe is not installed (pip install -e .)")
    from giklint.plugins import collect, load_plugins

    loaded = load_plugins()
    assert not loaded.failures
    assert QingheHotline in collect(loaded.manager, "giklint_rules")
    assert any(p.name == "qinghe" and p.version == "1.0.0" for p in loaded.plugins)
