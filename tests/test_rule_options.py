"""Rule options are declared with a type and a range (giklint.rule.Option) and checked when the
configuration is read: a wrong value stops giklint with exit code 2, naming the file, the key and
the values it accepts. The built-in rules' option names and defaults stay as they were."""
from __future__ import annotations

import pytest
from _engine_helpers import write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.cli import main
from giklint.rule import Option, option_defaults
from giklint_rules import rule_classes

pytestmark = pytest.mark.usefixtures("fresh_caches")

REPORT = "# 青禾县测试局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n"


def check_with(tmp_path, capsys, config: str):
    write(tmp_path / "giklint.toml", config)
    report = write(tmp_path / "report.md", REPORT)
    code = main(["check", str(report)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("config, key, accepted", [
    ('[rules.late-publication]\ndeadline = "13-45"\n', "rules.late-publication.deadline", "01-31"),
    ('[rules.late-publication]\ndeadline = "0128"\n', "rules.late-publication.deadline", "01-31"),
    ('[rules.late-publication]\ndeadline = "02-30"\n', "rules.late-publication.deadline", "01-31"),
    ('[rules.late-publication]\ndeadline = 28\n', "rules.late-publication.deadline", "应为字符串"),
    ('[rules.late-publication]\ndeadlines = { department = "1/32" }\n', "rules.late-publication.deadlines",
     "department"),
    ('[rules.late-publication]\ndeadlines = { departmnt = "01-31" }\n', "rules.late-publication.deadlines",
     "county_summary"),
    ('[rules.overview-length]\nmax_chars = -5\n', "rules.overview-length.max_chars", "不小于 1"),
    ('[rules.overview-length]\nmax_chars = 10.5\n', "rules.overview-length.max_chars", "整数"),
    ('[rules.overview-length]\nmax_char = 500\n', "rules.overview-length.max_char", "可用的选项：max_chars"),
    ('[rules.contact-missing]\nfields = ["phone", "wechat"]\n', "rules.contact-missing.fields", "postcode"),
    ('[rules.template-mismatch]\nformat_2021_from = 1999\n', "rules.template-mismatch.format_2021_from",
     "不小于 2019"),
])
def test_a_wrong_option_value_stops_with_exit_2_naming_file_key_and_accepted_values(
        tmp_path, capsys, config, key, accepted):
    code, err = check_with(tmp_path, capsys, config)
    assert code == 2
    assert f"giklint.toml: {key}: " in err
    assert accepted in err
    assert "Traceback" not in err


@pytest.mark.parametrize("config", [
    '[rules.late-publication]\ndeadline = "01-20"\n',
    '[rules.late-publication]\ndeadline = "02-29"\n',
    '[rules.late-publication]\ndeadlines = { department = "01-28", county_summary = "2月20日" }\n',
    '[rules.overview-length]\nmax_chars = 1200\n',
    '[rules.unit-suspect]\nmax_amount_10k_yuan = 5000.5\n',
])
def test_accepted_option_values_pass(tmp_path, capsys, config):
    code, err = check_with(tmp_path, capsys, config)
    assert code in (0, 1), err


def test_every_built_in_option_is_declared_and_its_default_is_accepted():
    for rule in rule_classes():
        for name, declared in (rule.options or {}).items():
            assert isinstance(declared, Option), f"{rule.slug}.{name}"
            assert declared.problem(declared.default) is None, f"{rule.slug}.{name}"
            assert declared.help, f"{rule.slug}.{name}"


def test_option_names_and_defaults_are_unchanged():
    by_slug = {rule.slug: rule for rule in rule_classes()}
    assert option_defaults(by_slug["late-publication"])["deadlines"]["department"] == "01-31"
    assert option_defaults(by_slug["late-publication"])["deadline"] is None
    assert option_defaults(by_slug["overview-length"]) == {"max_chars": 1000}
    assert option_defaults(by_slug["contact-missing"]) == {"required": True, "fields": ["phone", "email", "address"],
                                                           "require_all": False}
    assert option_defaults(by_slug["template-mismatch"]) == {"format_2021_from": 2021, "report_extra_columns": True}
    assert option_defaults(by_slug["unit-suspect"]) == {"max_amount_10k_yuan": 100000}


def test_each_context_gets_its_own_copy_of_the_defaults():
    """A rule that changes its options (a list, a table) in one report leaves the next report's alone."""
    by_slug = {rule.slug: rule for rule in rule_classes()}
    first = option_defaults(by_slug["contact-missing"])
    first["fields"].append("fax")
    first["required"] = False
    late = option_defaults(by_slug["late-publication"])
    late["deadlines"]["department"] = "12-31"
    assert option_defaults(by_slug["contact-missing"])["fields"] == ["phone", "email", "address"]
    assert option_defaults(by_slug["contact-missing"])["required"] is True
    assert option_defaults(by_slug["late-publication"])["deadlines"]["department"] == "01-31"


def test_a_plain_default_still_declares_an_option_of_its_type():
    from giklint.rule import declared_option

    assert declared_option(10).problem("ten").startswith("应为数字")
    assert declared_option("x").problem(3).startswith("应为字符串")
    assert declared_option(None) is None
