"""The engine: one report model and its resolved set-up in, the findings out.

A pure function of its arguments (no file is read, nothing global is kept): the selected rules run
one by one (a rule that raises becomes a ``GK000 internal-error`` finding and the others still run),
a loader's notice becomes a finding (``GK001 no-text-layer``: then no other rule runs), inline
suppression comments are applied and the findings sorted by location. Which files, which
configuration and plugins, and the process pool are the business of :mod:`giklint.resolve`,
:mod:`giklint.runner` and :mod:`giklint.api` above it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from giklint.config import ResolvedConfig
from giklint.document import Document
from giklint.records import dataclass
from giklint.rule import Context, Finding, finding_problem

if TYPE_CHECKING:
    from giklint.model import Report


@dataclass(frozen=True)
class Setup:
    """What the rules need besides the report: the resolved configuration, and last year's model."""

    config: ResolvedConfig
    previous: Optional[Dict[str, Any]] = None


def internal_error(rule: type, exc: BaseException, path: str, message: Optional[str] = None) -> Finding:
    from giklint.engine_rules import InternalError

    message = message or f"规则 {rule.code} {rule.slug} 运行出错：{type(exc).__name__}: {exc}"
    return Finding(code=InternalError.code, rule=InternalError.slug, severity=InternalError.severity,
                   message=message, path=path, context=str(rule.code))


def run_rule(rule: type, ctx: Context, time_limit: Optional[float] = None) -> List[Finding]:
    """The rule's findings on one model; a rule that raises (``sys.exit()`` too), runs longer than
    ``time_limit`` seconds or returns a malformed finding gives one internal-error finding instead."""
    from giklint.timelimit import TimeLimitExceeded, time_limit as limited

    try:
        with limited(time_limit):
            found = list(rule().check(ctx) or ())  # list(): a generator's work is inside the limit too
    except KeyboardInterrupt:
        raise
    except TimeLimitExceeded as exc:
        return [internal_error(rule, exc, ctx.path, f"规则 {rule.code} {rule.slug} 超时：{exc}，已停止（rule_time_limit）")]
    except BaseException as exc:  # one rule's defect (sys.exit() included) must not stop the others
        return [internal_error(rule, exc, ctx.path)]
    problem = next((p for p in map(finding_problem, found) if p), None)
    if problem is not None:
        return [internal_error(rule, TypeError(problem), ctx.path)]
    for finding in found:
        finding.path = ctx.path
    return found


def notice_findings(model: Dict[str, Any], rules: Sequence[type], path: str) -> Tuple[List[Finding], bool]:
    """Findings for the loader's notices (e.g. no text layer), and whether the other rules may run."""
    from giklint.engine_rules import NOTICE_RULES

    findings, others_run = [], True
    for notice in (model.get("source") or {}).get("notices") or []:
        kind, _, detail = str(notice).partition(":")
        if kind not in NOTICE_RULES:
            continue
        rule, allows_others = NOTICE_RULES[kind]
        others_run = others_run and allows_others
        if rule in rules:
            findings.append(Finding(code=rule.code, rule=rule.slug, severity=rule.severity,
                                    message=rule.notice_message(detail), path=path))
    return findings, others_run


def run_rules(model: Dict[str, Any], setup: Setup, path: str, published: Optional[str] = None) -> List[Finding]:
    from giklint.engine_rules import mark_ocr_findings

    rules = setup.config.rules_for(path)
    findings, others_run = notice_findings(model, rules, path)
    if not others_run:
        return findings
    from giklint.model_dict import report_from_dict

    report = report_from_dict(model)  # the typed model rules read, built once per report
    previous = report_from_dict(setup.previous) if setup.previous is not None else None
    findings += _run_selected(rules, report, previous, setup.config, path, published)
    return mark_ocr_findings(findings, (model.get("source") or {}).get("notices") or [])  # GK005


def compares_years(model: Dict[str, Any], setup: Setup, path: str) -> bool:
    """Whether a selected rule would compare this report with last year's (none runs on a scan)."""
    rules = setup.config.rules_for(path)
    return any(rule.needs_previous for rule in rules) and notice_findings(model, rules, path)[1]


def cross_year_findings(report: "Report", previous: "Report", config: ResolvedConfig, path: str,
                        published: Optional[str] = None) -> List[Finding]:
    """The findings of the selected rules that compare ``report`` with last year's ``previous``
    (typed reports; suppression comments not applied)."""
    rules = [rule for rule in config.rules_for(path) if rule.needs_previous]
    return _run_selected(rules, report, previous, config, path, published)


def _run_selected(rules: Sequence[type], report: "Report", previous: "Optional[Report]", config: ResolvedConfig,
                  path: str, published: Optional[str]) -> List[Finding]:
    from giklint.engine_rules import EngineRule

    settings = config.settings(published)
    findings: List[Finding] = []
    for rule in rules:
        if issubclass(rule, EngineRule) or (rule.needs_previous and previous is None):
            continue
        ctx = Context(report, options=config.options_for(rule), settings=settings, previous=previous, path=path)  # (it copies them)
        findings.extend(run_rule(rule, ctx, config.rule_time_limit))
    return findings


def check_report(model: Dict[str, Any], setup: Setup, path: str, document: Optional[Document] = None,
                 published: Optional[str] = None) -> List[Finding]:
    """Every finding on one report model, suppressions (from ``document``) applied, sorted by location."""
    from giklint import suppress

    findings = run_rules(model, setup, path, published)
    kept = suppress.apply(findings, document, ran=setup.config.rules_for(path), known=setup.config.rules)
    for finding in kept:
        finding.path = path
    return sorted(kept, key=lambda f: f.sort_key)
