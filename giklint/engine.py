"""The engine: which files, which configuration, which rules, and the findings they give.

``check_paths`` expands the command line's paths (files, folders recursed, globs, ``-``) and checks
each with ``check_file``, a function of plain, picklable arguments (so a process pool can call it),
which returns a :class:`FileResult`. ``lint`` is the same for the Python API.

Per file: the configuration that applies (``giklint.config``), the plugins it lists (loaded once per
list), the report read and schema-validated (``giklint.api.read_report``), the selected rules run one
by one (a rule that raises becomes a ``GK000 internal-error`` finding and the others still run),
a loader's notice turned into a finding (``GK001 no-text-layer``: then no other rule runs), inline
suppression comments applied, findings sorted by location. An unreadable file is a
:attr:`FileResult.error`; the run goes on and ends with exit code 2.

Many files are checked by a process pool (``jobs`` > 1; results still come back in input order);
one file, or ``jobs=1``, in this process, with no pool to start. Standard input is read here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from giklint.config import (DEFAULT_FAIL_ON, ConfigSource, Overrides, ResolvedConfig, check_schema,
                            config_for, file_chain, plugin_specs, resolve)
from giklint.document import Document
from giklint.errors import ConfigError, GiklintError, InputError, UsageError
from giklint.rule import SEVERITY_RANK, Context, Finding
from giklint.targets import Target, checked_suffixes, unique_targets

MAX_CHUNK = 8  # files a worker takes at a time: small, as one PDF can cost as much as ten Markdown files

Progress = Callable[[int, int], None]  # (files done, files in the run)


@dataclass(frozen=True)
class CheckOptions:
    """The command line's check options, as plain values (picklable)."""

    config: Optional[str] = None  # --config FILE; discovered per file when None
    province: Optional[str] = None
    report_type: Optional[str] = None
    select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    fail_on: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    previous: Optional[str] = None  # last year's report, for needs_previous rules

    def overrides(self) -> Overrides:
        return Overrides(self.province, self.report_type, tuple(self.select), tuple(self.ignore), self.fail_on)


@dataclass
class FileResult:
    """What checking one file gave: findings, or the error that kept it from being checked."""

    path: str
    findings: List[Finding] = field(default_factory=list)
    model: Optional[Dict[str, Any]] = None
    document: Optional[Document] = None
    error: Optional[str] = None
    fail_on: str = DEFAULT_FAIL_ON
    plugin_failures: List[Tuple[str, str]] = field(default_factory=list)  # (plugin, error) of its set-up

    @property
    def failed(self) -> bool:
        """A finding at or above the ``fail_on`` severity."""
        threshold = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK.get(f.severity, 2) >= threshold for f in self.findings)


@dataclass
class RunResult:
    results: List[FileResult]
    plugin_failures: List[Tuple[str, str]] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)  # JSON/YAML found in folders that are no report model

    @property
    def exit_code(self) -> int:
        """2 for an unreadable file or a broken plugin, else 1 for a finding at fail_on level, else 0."""
        if self.plugin_failures or any(r.error for r in self.results):
            return 2
        return 1 if any(r.failed for r in self.results) else 0


@dataclass
class Setup:
    """What every file under one configuration shares."""

    config: ResolvedConfig
    catalog: Any  # giklint.plugins.Catalog
    previous: Optional[Dict[str, Any]] = None


# -- set-up ------------------------------------------------------------------------------------

def prepare(chain: Sequence[ConfigSource], options: CheckOptions, config_path: Optional[str] = None) -> Setup:
    from giklint.plugins import catalog

    found = catalog(plugin_specs(chain))
    config = resolve(chain, found.rules, found.profiles, options.overrides(), config_path)
    previous = _previous_model(options.previous, found.loaders) if options.previous else None
    return Setup(config, found, previous)


@lru_cache(maxsize=None)
def setup_for(config_path: Optional[str], options: CheckOptions) -> Setup:
    """The set-up for the files under ``config_path`` (None: no configuration file), cached."""
    return prepare(file_chain(config_path), options, config_path)


def clear_caches() -> None:
    """Forget discovered configuration files, loaded plugins and set-ups (for long-lived processes
    whose configuration files change)."""
    from giklint import config, plugins

    for cached in (config.find_config_file, plugins.catalog, setup_for):
        cached.cache_clear()


def _previous_model(path: str, loaders: Sequence[Any]) -> Dict[str, Any]:
    from giklint.api import read_report

    return read_report(path, loaders=loaders).model


# -- running rules -----------------------------------------------------------------------------

def internal_error(rule: type, exc: BaseException, path: str) -> Finding:
    from giklint.engine_rules import InternalError

    return Finding(code=InternalError.code, rule=InternalError.slug, severity=InternalError.severity,
                   message=f"规则 {rule.code} {rule.slug} 运行出错：{type(exc).__name__}: {exc}", path=path,
                   context=rule.code)


def run_rule(rule: type, ctx: Context) -> List[Finding]:
    """The rule's findings on one model; a rule that raises gives one internal-error finding."""
    try:
        found = list(rule().check(ctx) or ())
        stray = next((f for f in found if not isinstance(f, Finding)), None)
        if stray is not None:
            raise TypeError(f"check() 返回了不是 Finding 的对象：{stray!r}")
    except Exception as exc:  # one rule's defect must not stop the others
        return [internal_error(rule, exc, ctx.path)]
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
    from giklint.engine_rules import EngineRule, mark_ocr_findings

    rules = setup.config.rules_for(path)
    findings, others_run = notice_findings(model, rules, path)
    if not others_run:
        return findings
    settings = setup.config.settings(published)
    for rule in rules:
        if issubclass(rule, EngineRule) or (rule.needs_previous and setup.previous is None):
            continue
        ctx = Context(model=model, options=setup.config.options_for(rule), settings=dict(settings),
                      previous=setup.previous, path=path)
        findings.extend(run_rule(rule, ctx))
    return mark_ocr_findings(findings, (model.get("source") or {}).get("notices") or [])  # GK004


def _finish(findings: List[Finding], document: Optional[Document]) -> List[Finding]:
    from giklint import suppress

    return sorted(suppress.apply(findings, document), key=lambda f: f.sort_key)


# -- one file ----------------------------------------------------------------------------------

def check_file(path: str, options: CheckOptions = CheckOptions(), data: Optional[bytes] = None,
               display: Optional[str] = None) -> FileResult:
    """Check one file (``data`` given: those bytes, named ``path``). Config errors raise ConfigError."""
    from giklint.api import read_report

    display = display or path
    setup = setup_for(config_for(path, options.config), options)
    result = FileResult(display, fail_on=setup.config.fail_on, plugin_failures=list(setup.catalog.failures))
    try:
        report = read_report(data if data is not None else path, name=path if data is not None else None,
                             loaders=setup.catalog.loaders)
    except GiklintError as exc:
        result.error = str(exc) if display == path else f"{display}: {getattr(exc, 'reason', exc)}"
        return result
    except Exception as exc:  # an extraction defect on one file must not stop the batch
        if os.environ.get("GIKLINT_DEBUG"):
            raise
        result.error = f"{display}: 内部错误（请报告此问题）：{type(exc).__name__}: {exc}"
        return result
    result.model, result.document = report.model, report.document
    result.findings = _finish(run_rules(report.model, setup, display, options.published), report.document)
    return result


# -- many files --------------------------------------------------------------------------------

def _not_a_model(target: Target, result: FileResult) -> bool:
    """A JSON/YAML file found in a folder that is not a report model (labels, settings): passed over."""
    from giklint.modelio import MODEL_SUFFIXES

    return bool(result.error) and not target.explicit and target.path.lower().endswith(MODEL_SUFFIXES)


def check_paths(paths: Sequence[str], options: CheckOptions = CheckOptions(),
                stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                progress: Optional[Progress] = None) -> RunResult:
    """Check every file the paths name, in order; each file is checked once.

    ``jobs`` > 1 checks the files in that many processes; ``keep_documents=False`` drops each
    result's model and document text (an output of findings needs neither: memory stays small on
    large batches); ``progress`` is called with (files done, files in all) as results come in.
    A JSON or YAML file found in a folder or by a glob that cannot be read as a report model is
    passed over (listed in :attr:`RunResult.skipped`); named on its own, it is an error.
    """
    from giklint.plugins import catalog

    run = RunResult([])
    failures = list(catalog().failures)
    targets = unique_targets(paths, checked_suffixes(catalog().loaders))
    results = _results(targets, options, stdin_filename, jobs, keep_documents)
    if progress:
        progress(0, len(targets))
    for done, (target, result) in enumerate(zip(targets, results), 1):
        failures += result.plugin_failures
        if _not_a_model(target, result):
            run.skipped.append(target.path)
        else:
            run.results.append(result)
        if progress:
            progress(done, len(targets))
    run.plugin_failures = list(dict.fromkeys(failures))
    return run


def _results(targets: Sequence[Target], options: CheckOptions, stdin_filename: Optional[str], jobs: int,
             keep_documents: bool) -> Iterator[FileResult]:
    """One result per target, in order: files in the pool, standard input here, errors as they are."""
    files = [t.path for t in targets if not t.error and t.path != "-"]
    checked = check_files(files, options, jobs, keep_documents)
    for target in targets:
        if target.error:
            yield FileResult(target.path, error=target.error)
        elif target.path == "-":
            yield _slimmed(_check_stdin(options, stdin_filename), keep_documents)
        else:
            yield next(checked)


def check_files(paths: Sequence[str], options: CheckOptions = CheckOptions(), jobs: int = 1,
                keep_documents: bool = True) -> Iterator[FileResult]:
    """:func:`check_file` of each path, in order; in ``jobs`` processes when there is more than one file."""
    check = partial(_check_for_batch, options=options, keep_document=keep_documents)
    workers = min(jobs, len(paths))
    if workers <= 1:
        return map(check, paths)
    return _pooled(check, paths, workers)


def _pooled(check: Callable[[str], FileResult], paths: Sequence[str], workers: int) -> Iterator[FileResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunksize = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    executor = ProcessPoolExecutor(workers, initializer=_ignore_interrupts)
    done = 0
    try:
        for result in executor.map(check, paths, chunksize=chunksize):
            done += 1
            yield result
    except BrokenProcessPool:  # a worker killed (out of memory) or crashed in a parsing library
        raise GiklintError(f"检查进程意外退出（可能是检查 {paths[done]} 或同时检查的文件时内存不足或解析库崩溃）；"
                           f"可单独检查这些文件确定是哪一个") from None
    finally:  # a config error, Ctrl-C: do not wait for the files still queued
        executor.shutdown(wait=done == len(paths), cancel_futures=True)


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it cancels the rest), not a traceback per worker."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_for_batch(path: str, options: CheckOptions, keep_document: bool) -> FileResult:
    try:
        return _slimmed(check_file(path, options), keep_document)
    except GiklintError as exc:
        raise _portable(exc) from None


def _portable(exc: GiklintError) -> GiklintError:
    """The error, as one that survives the trip from a worker process (one message argument)."""
    return exc if type(exc) in (GiklintError, ConfigError, UsageError) else GiklintError(str(exc))


def _slimmed(result: FileResult, keep_document: bool) -> FileResult:
    """Without the model and the document's lines (kept: its format, which tells SARIF and GitHub
    output whether a finding's line is a line of the file itself)."""
    if keep_document:
        return result
    document = replace(result.document, lines=[]) if result.document is not None else None
    return replace(result, model=None, document=document)


def _check_stdin(options: CheckOptions, stdin_filename: Optional[str]) -> FileResult:
    import sys

    name = stdin_filename or "-"
    return check_file(name, options, data=sys.stdin.buffer.read(), display=name)


# -- the Python API ----------------------------------------------------------------------------

ConfigArg = Union[None, str, os.PathLike, Dict[str, Any]]


def _api_setup(source: Any, config: ConfigArg, options: CheckOptions) -> Setup:
    if isinstance(config, dict):
        inline = ConfigSource("<config>", config, Path.cwd())
        check_schema(inline)
        return prepare([inline], options)
    if config is not None:
        return setup_for(os.fspath(config), options)
    if isinstance(source, (str, os.PathLike)) and os.fspath(source) != "-":
        return setup_for(config_for(os.fspath(source)), options)
    return setup_for(None, options)


def _selectors(value: Union[None, str, Sequence[str]]) -> Tuple[str, ...]:
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip() for item in items if item and item.strip())


def lint(source: Any, *, config: ConfigArg = None, select: Union[None, str, Sequence[str]] = None,
         ignore: Union[None, str, Sequence[str]] = None, province: Optional[str] = None,
         report_type: Optional[str] = None, published: Optional[str] = None, previous: Optional[str] = None,
         name: Optional[str] = None) -> List[Finding]:
    """Findings for one report: a path, ``bytes`` (``name`` gives the format) or a model dict.

    ``config`` is a configuration file, a dict of the same shape, or None: for a path, the file found
    from its folder upward; otherwise the national defaults. Raises :class:`~giklint.errors.InputError`
    for an unreadable report and :class:`~giklint.errors.ConfigError` for a bad configuration.
    """
    from giklint.api import read_report

    options = CheckOptions(province=province, report_type=report_type, select=_selectors(select),
                           ignore=_selectors(ignore), published=published, previous=previous)
    setup = _api_setup(source, config, options)
    if isinstance(source, dict):
        model, document, path = _checked_model(source, name), None, name or "<model>"
    else:
        report = read_report(source, name, loaders=setup.catalog.loaders)
        model, document, path = report.model, report.document, report.path
    return _finish(run_rules(model, setup, path, published), document)


def _checked_model(model: Dict[str, Any], name: Optional[str]) -> Dict[str, Any]:
    from giklint.schema import errors

    problems = errors(model, "report")
    if problems:
        raise InputError(name or "<model>", "不符合报告模型的结构：" + "；".join(problems[:5]))
    return model
