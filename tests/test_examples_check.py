"""``giklint check`` on every example report finds exactly the problems its facts file lists.

Run as a user runs it: the command line (``python -m giklint``) over all the examples at once, JSON output. At error and warning level the slugs
found must be the facts' ``problems`` (``optional_problems`` are allowed too); a report with no
problems must give no finding at all, info included.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Dict

import pytest
from _examples import example_params, examples, serious_problems
from conftest import ROOT

EXAMPLES = example_params()


def run_giklint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "giklint", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


@lru_cache(maxsize=None)
def findings_by_file() -> Dict[str, list]:
    """One ``giklint check --format json`` over every example (as a batch run does), findings by file name."""
    paths = [str(path) for path, _ in examples()]
    proc = run_giklint("check", "--format", "json", *paths)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, f"exit {proc.returncode}: {proc.stderr.strip()}"  # the faulty ones fail
    by_file: Dict[str, list] = {Path(p).name: [] for p in paths}
    for finding in json.loads(proc.stdout):
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)
    return by_file


def findings_of(path: Path) -> list:
    return findings_by_file()[path.name]


def describe(findings: list) -> str:
    return "\n  ".join(f"{f.get('rule')} [{f.get('severity')}] line {f.get('line')}: {f.get('message')}"
                       for f in findings) or "(none)"


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_check_finds_exactly_the_listed_problems(path, facts):
    findings = findings_of(path)
    serious = {f["rule"] for f in findings if f["severity"] in ("error", "warning")}
    required = set(serious_problems(facts))
    allowed = required | set(serious_problems(facts, "optional_problems"))
    missed, unexpected = required - serious, serious - allowed
    assert not missed and not unexpected, (
        f"{path.name}: missed {sorted(missed)}, unexpected {sorted(unexpected)}; findings:\n  {describe(findings)}")
    for problem in facts["problems"]:
        severities = {f["severity"] for f in findings if f["rule"] == problem["rule"]}
        assert problem["severity"] in severities, f"{path.name}: {problem['rule']} at {severities}"
    if not facts["problems"]:
        assert not findings, f"{path.name} should be clean; findings:\n  {describe(findings)}"


def test_every_finding_names_an_example_and_a_line():
    names = {path.name for path, _ in examples()}
    for name, findings in findings_by_file().items():
        assert name in names, f"a finding for a file not checked: {name}"
        for finding in findings:
            assert finding["message"] and isinstance(finding["line"], int), finding


def test_the_readme_first_command_reports_nothing():
    """README: ``giklint check examples/reports/clean-2021.md`` from the checkout, text output."""
    proc = run_giklint("check", "examples/reports/clean-2021.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "clean-2021.md:" not in proc.stdout, proc.stdout


def test_the_pre_commit_hook_selects_every_example_report():
    """.pre-commit-hooks.yaml is a valid manifest whose ``files`` pattern takes every report format."""
    from pre_commit.clientlib import load_manifest

    [hook] = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert (hook["id"], hook["entry"], hook["language"], hook["require_serial"]) == \
        ("giklint", "giklint check --force-exclude --skip-non-reports --allow-empty", "python", True)
    files = re.compile(hook["files"])
    for path, _ in examples():
        assert files.search(path.name), path.name
    for name in ("report.docx", "report.pdf", "report.html", "report.htm", "model.yaml", "model.json"):
        assert files.search(name), name
    for name in ("make_encodings.py", "report.doc", "notes.xlsx"):
        assert not files.search(name), name
