"""Inline suppression comments in Markdown and HTML sources."""
from __future__ import annotations

from typing import List, Optional

import pytest
from _engine_helpers import REPORT, fake_project, run_giklint, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint import suppress
from giklint.api import lint
from giklint.loaders.text import load_markdown, load_text
from giklint.rule import Finding


def markdown(text: str, loader=load_markdown):
    return loader(text.encode("utf-8"), "r.md")


def finding(line: Optional[int], code: str = "GK311", slug: str = "balance") -> Finding:
    return Finding(code, slug, "error", "m", line=line, column=None if line is None else 1)


def kept(text: str, findings: List[Finding], loader=load_markdown) -> List[Optional[int]]:
    return [f.line for f in suppress.apply(findings, markdown(text, loader))]


DOC = """<!-- giklint-disable balance -->
line 2
<!-- giklint-enable balance -->
line 4
<!-- giklint-disable-next-line GK3 -->

line 7
line 8
"""


def test_disable_and_enable_bound_a_region():
    assert kept(DOC, [finding(2), finding(4), finding(8)]) == [4, 8]


def test_disable_next_line_silences_the_next_non_blank_line_only():
    assert kept(DOC, [finding(6), finding(7), finding(8)]) == [6, 8]


def test_directives_name_codes_prefixes_or_slugs_and_leave_other_rules_alone():
    other = finding(2, "GK101", "section-missing")
    assert [f.code for f in suppress.apply([other, finding(2)], markdown(DOC))] == ["GK101"]
    assert kept(DOC, [finding(7, "GK101", "section-missing")]) == [7]  # GK3 does not cover GK101


def test_several_rules_and_no_rule_at_all():
    text = "a\n<!-- giklint-disable balance, GK101 -->\nb\n<!-- giklint-disable -->\nc\n"
    findings = [finding(3), finding(3, "GK101", "section-missing"), finding(3, "GK102", "section-order"),
                finding(5, "GK999", "anything")]
    assert [(f.line, f.code) for f in suppress.apply(findings, markdown(text))] == [(3, "GK102")]


def test_a_finding_without_a_line_needs_a_disable_before_any_content():
    whole = "<!-- giklint-disable section-missing -->\n\n# 标题\n"
    late = "# 标题\n<!-- giklint-disable section-missing -->\n"
    enabled_again = whole + "<!-- giklint-enable section-missing -->\n"
    missing = finding(None, "GK101", "section-missing")
    assert kept(whole, [missing]) == []
    assert kept(late, [missing]) == [None]
    assert kept(enabled_again, [missing]) == [None]


def test_plain_text_sources_ignore_the_comments():
    assert kept(DOC, [finding(2)], loader=load_text) == [2]


def test_no_document_means_no_suppression():
    assert suppress.apply([finding(2)], None) == [finding(2)]


def test_html_comments_silence_findings_at_the_page_source_lines():
    from giklint.loaders.html import load_html

    page = ("<html><body><article>\n<h1>标题</h1>\n<!-- giklint-disable-next-line balance -->\n"
            "<p>第一段</p>\n<p>第二段</p>\n</article></body></html>\n").encode("utf-8")
    document = load_html(page, "r.html")
    lines = {line.text: line.location.line for line in document.lines}
    first, second = lines["第一段"], lines["第二段"]
    assert [f.line for f in suppress.apply([finding(first), finding(second)], document)] == [second]



@pytest.mark.usefixtures("fresh_caches")
def test_suppression_applies_to_real_rule_findings(tmp_path):
    project = fake_project(tmp_path)
    text = REPORT.replace("这里也有标记。", "<!-- giklint-disable-next-line fake-marker -->\n这里也有标记。")
    report = write(tmp_path / "reports" / "suppressed.md", text)
    assert [f.line for f in lint(project["report"], select="FK001")] == [7, 15]
    assert [f.line for f in lint(report, select="FK001")] == [7]


# -- the comments' own problems: GK006 unused-suppression, GK007 unknown-suppressed-rule ----------

def suppression_findings(tmp_path, comment_before_line_15: str, select: str = "FK001,GK006,GK007"):
    fake_project(tmp_path)
    text = REPORT.replace("这里也有标记。", comment_before_line_15 + "\n这里也有标记。")
    report = write(tmp_path / "reports" / "commented.md", text)
    return [(f.code, f.line, f.message) for f in lint(report, select=select) if f.code != "FK001"]


@pytest.mark.usefixtures("fresh_caches")
def test_a_misspelt_rule_in_a_comment_is_reported_with_a_hint(tmp_path):
    found = suppression_findings(tmp_path, "<!-- giklint-disable-next-line fake-markr -->")
    assert ("GK007", 15, "giklint-disable-next-line 中的“fake-markr”不是已知的规则（可能是：fake-marker、fake-boom）") in found


@pytest.mark.usefixtures("fresh_caches")
def test_a_suppression_that_silences_nothing_is_reported_at_its_line(tmp_path):
    found = suppression_findings(tmp_path, "<!-- giklint-disable-next-line fake-marker -->\n正文。")
    assert found == [("GK006", 15, "giklint-disable-next-line（fake-marker）没有屏蔽任何发现，可以删除")]


@pytest.mark.usefixtures("fresh_caches")
def test_a_used_suppression_or_one_naming_a_rule_that_did_not_run_is_not_reported(tmp_path):
    assert suppression_findings(tmp_path, "<!-- giklint-disable-next-line fake-marker -->") == []
    assert suppression_findings(tmp_path, "<!-- giklint-disable-next-line GK311 -->\n正文。") == []


@pytest.mark.usefixtures("fresh_caches")
def test_suppression_problems_fail_the_command_line_run(tmp_path):
    fake_project(tmp_path)
    write(tmp_path / "reports" / "report.md", REPORT.replace("这里也有标记。", "<!-- giklint-disable balanse -->"))
    proc = run_giklint("check", "--select", "GK007", "-q", "reports/report.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert "reports/report.md:15:1: GK007 [warning] giklint-disable 中的“balanse”不是已知的规则（可能是：balance）" \
        in proc.stdout
