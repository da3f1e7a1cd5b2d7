"""What the output-format tests share: real results from the engine, and findings placed by hand."""
from __future__ import annotations

import os
import subprocess
import sys
from typing import List, Optional, Tuple

import pytest
from conftest import EXAMPLES, ROOT

from giklint.engine import run_rule
from giklint.rule import Context, Finding, option_defaults
from giklint.runner import FileResult

FORMATS = EXAMPLES / "formats"
REPORTS = EXAMPLES / "reports"
OPTIONS = {"root": str(ROOT)}


def all_rules() -> List[type]:
    from giklint.plugins import catalog

    return list(catalog().rules)


def checked(path: Path) -> FileResult:
    """The result of reading one file and running every rule on it with its default options.

    Its path is named as the command line would name it from ROOT. No configuration lookup: the
    formats are tested on the same findings wherever the checkout lies.
    """
    from giklint.api import read_report

    shown = os.path.relpath(path, ROOT)
    report = read_report(str(path), name=shown)
    findings = []
    for rule in all_rules():
        if not rule.needs_previous:
            findings += run_rule(rule, Context(report.model, option_defaults(rule), path=shown))
    return FileResult(shown, sorted(findings, key=lambda f: f.sort_key), report.model, report.document)


CROSS_YEAR = EXAMPLES / "cross-year" / "reports"


def compared(path: Path, previous: Path) -> FileResult:
    """The result of the rules that compare years, on one report and last year's (both named from ROOT)."""
    from giklint.api import read_report

    shown = os.path.relpath(path, ROOT)
    report = read_report(str(path), name=shown)
    last_year = read_report(str(previous), name=os.path.relpath(previous, ROOT))
    findings = []
    for rule in all_rules():
        if rule.needs_previous:
            ctx = Context(report.model, option_defaults(rule), previous=last_year.model, path=shown)
            findings += run_rule(rule, ctx)
    return FileResult(shown, sorted(findings, key=lambda f: f.sort_key), report.model, report.document)


def placed(result: FileResult, *findings: Finding) -> FileResult:
    """``result`` with exactly these findings (their path set to the result's)."""
    for finding in findings:
        finding.path = result.path
    return FileResult(result.path, list(findings), result.model, result.document)


def finding(code: str = "GK311", rule: str = "balance", severity: str = "error", message: str = "消息",
            context: Optional[str] = None, **location: int) -> Finding:
    return Finding(code=code, rule=rule, severity=severity, message=message, line=location.get("line"),
                   column=location.get("column"), page=location.get("page"), context=context,
                   location=dict(location))


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    """Run from the project root, as the command line would (paths in results are relative to it).

    Test modules import this fixture, which makes it apply to each of their tests.
    """
    monkeypatch.chdir(ROOT)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``giklint ARGS`` as a user runs it, from ROOT."""
    return subprocess.run([sys.executable, "-m", "giklint", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


def cli_findings(*paths: str) -> List[dict]:
    """The findings ``giklint check --format json`` gives for these paths (what the other formats must show)."""
    import json

    done = run_cli("check", "--format", "json", *paths)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


# A faulty and a clean report in two formats: what the end-to-end format tests check
CLI_REPORTS = ("examples/reports/faulty-balance.md", "examples/reports/clean-2021.md",
               "examples/formats/blank-template.docx", "examples/formats/report-2021.pdf")


def check_examples_as(output_format: str, *options: str) -> Tuple[List[dict], subprocess.CompletedProcess]:
    """(the JSON findings, the run) of ``giklint check --format FORMAT`` on CLI_REPORTS, which must fail."""
    expected = cli_findings(*CLI_REPORTS)
    done = run_cli("check", "--format", output_format, *options, *CLI_REPORTS)
    assert done.returncode == 1, done.stderr
    return expected, done
