"""``--format github``: one workflow command per finding, escaped as the Actions runner reads them."""
from __future__ import annotations

import re

from _output_helpers import (  # noqa: F401  (at_root: autouse fixture)
    FORMATS, OPTIONS, REPORTS, all_rules, at_root, check_examples_as, checked, finding, placed,
)

from giklint.document import Document, Line, Location
from giklint.runner import FileResult
from giklint.output import github

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*,?)+)::(.*)$")


def parse_command(line: str):
    """(command, properties, message) of one workflow command line, unescaped."""
    match = COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_each_finding_is_an_annotation_on_its_line_and_column():
    result = checked(REPORTS / "faulty-balance.md")
    assert result.findings
    lines = github.render([result, checked(REPORTS / "clean-2021.md")], all_rules(), OPTIONS).splitlines()
    assert len(lines) == len(result.findings)
    for line, found in zip(lines, result.findings):
        command, properties, message = parse_command(line)
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[found.severity]
        assert properties["file"] == "examples/reports/faulty-balance.md"
        assert (properties["line"], properties["col"]) == (str(found.line), str(found.column))
        assert properties["title"] == f"{found.code} {found.rule}"
        assert message == found.message
    assert lines[0].startswith(f"::error file=examples/reports/faulty-balance.md,line={result.findings[0].line},")


def test_message_and_properties_are_escaped():
    document = Document("a,b:c.md", "markdown", [Line("第一行", Location(line=1, column=1))])
    result = placed(FileResult("a,b:c.md", document=document),
                    finding(severity="info", message="100%完成\n第二行：是", line=3))
    [line] = github.render([result], [], OPTIONS).splitlines()
    assert line == "::notice file=a%2Cb%3Ac.md,line=3,title=GK311 balance::100%25完成%0A第二行：是"
    assert parse_command(line)[2] == "100%完成\n第二行：是"


def test_pdf_finding_is_on_the_file_with_its_page_in_the_message():
    result = placed(checked(FORMATS / "report-2021.pdf"), finding(severity="warning", message="缺少联系电话",
                                                                   page=2, line=5, column=1))
    [line] = github.render([result], all_rules(), OPTIONS).splitlines()
    command, properties, message = parse_command(line)
    assert command == "warning"
    assert properties == {"file": "examples/formats/report-2021.pdf", "title": "GK311 balance"}
    assert message == "缺少联系电话（位置：第2页第5行第1列）"


def test_unreadable_file_is_an_error_on_the_file():
    lines = github.render([FileResult("gone.md", error="gone.md: 文件不存在")], [], OPTIONS).splitlines()
    assert lines == ["::error file=gone.md,title=giklint::无法检查：文件不存在"]


def test_clean_report_prints_nothing():
    assert github.render([checked(REPORTS / "clean-2021.md")], all_rules(), OPTIONS) == ""


def test_command_line_github_annotates_every_finding_of_the_check():
    expected, done = check_examples_as("github")
    commands = [parse_command(line) for line in done.stdout.splitlines()]
    assert [(p["file"], p["title"].split()[0]) for _, p, _ in commands] == [(f["path"], f["code"]) for f in expected]
    assert [p.get("line") for _, p, _ in commands] == [
        str(f["line"]) if f["path"].endswith(".md") else None for f in expected]
