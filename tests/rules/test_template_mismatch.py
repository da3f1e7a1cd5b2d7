from __future__ import annotations

from _table_models import one, report, run, set_row

from giklint_rules.template_mismatch import TemplateMismatch


def test_tables_of_the_report_years_format_pass():
    assert run(TemplateMismatch, report(2021)) == []
    assert run(TemplateMismatch, report(2022)) == []
    assert run(TemplateMismatch, report(2020)) == []  # 2019 tables in a 2020 report are right


def test_2019_tables_in_a_2021_report_are_one_error():
    model = report(2021, template="2019")
    finding = one(TemplateMismatch, model)
    assert finding.severity == "error"
    assert finding.message == "表二、表三采用2019年格式（国办公开办函〔2019〕60号），2021年度报告应采用国办公开办函〔2021〕30号格式"
    assert finding.line == 20


def test_2021_tables_in_a_2020_report_are_a_warning():
    model = report(2020, template="2021")
    finding = one(TemplateMismatch, model)
    assert finding.severity == "warning"
    assert "但报告年度为2020年" in finding.message


def test_one_old_row_inside_new_tables_is_a_warning():
    model = report(2021)
    model["table_info"]["applications"]["template"] = "mixed"
    for row in ("other_overdue_correction", "other_overdue_fee", "other_misc"):
        del model["tables"]["applications"][row]
        del model["table_info"]["applications"]["rows"][row]
    set_row(model, "applications", "other", [0] * 7)
    finding = one(TemplateMismatch, model)
    assert finding.severity == "warning"
    assert finding.message == "表三混用了2019年和2021年格式的行（旧格式的行：“（六）其他处理”），应统一采用2021年格式"
    assert finding.line == 40


def test_extra_columns_are_a_warning_unless_switched_off():
    model = report(2021)
    model["table_info"]["applications"]["extra_columns"] = ["法人或其他组织小计"]
    finding = one(TemplateMismatch, model)
    assert (finding.severity, finding.message) == ("warning", "表三有模板之外的列：“法人或其他组织小计”")
    assert run(TemplateMismatch, model, report_extra_columns=False) == []


def test_the_first_year_of_the_2021_format_is_an_option():
    assert run(TemplateMismatch, report(2021, template="2019"), format_2021_from=2022) == []


def test_configured_severity_applies_to_the_milder_cases_too():
    finding = one(TemplateMismatch, report(2020, template="2021"), severity="info")
    assert finding.severity == "info"


def test_unknown_year_or_format_is_not_judged():
    model = report(2021, template="2019")
    model["meta"]["year"] = None
    assert run(TemplateMismatch, model) == []
    model = report(2021)
    model["meta"]["template"] = None
    for table in model["table_info"].values():
        table["template"] = None
    assert run(TemplateMismatch, model) == []
