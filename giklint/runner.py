"""The batch runner: the command line's paths to files, each file checked, results in input order.

``check_paths`` expands the paths (files, folders recursed, globs, ``-``; a folder is searched for
the suffixes of the loaders its configuration's plugins add), checks each file with ``check_file``
(read the report with the run's loaders, then :func:`giklint.engine.check_report`) and gathers a
:class:`RunResult`. An unreadable file is a :attr:`FileResult.error`; the run goes on and ends with
exit code 2. Configuration and plugins come from :mod:`giklint.resolve`, once per configuration file.

Many files are checked by a process pool (``jobs`` > 1; results still come back in input order);
one file, or ``jobs=1``, in this process, with no pool to start. Standard input is read here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from giklint.config import DEFAULT_FAIL_ON
from giklint.document import Document
from giklint.engine import check_report, compares_years
from giklint.errors import ConfigError, GiklintError, InputError, NotAReportError, UsageError
from giklint.options import Options
from giklint.resolve import Resolver, resolver_for
from giklint.report_kind import not_a_report_reason, report_identity
from giklint.rule import SEVERITY_RANK, Finding
from giklint.targets import NOT_A_REPORT, Skipped, Target, TargetOptions, checked_suffixes, unique_targets

MAX_CHUNK = 8  # files a worker takes at a time: small, as one PDF can cost as much as ten Markdown files

Progress = Callable[[int, int], None]  # (files done, files in the run)


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
    not_a_report: Optional[str] = None  # why the file is plainly no report (giklint.report_kind)
    agency: Optional[str] = None  # kept when the model is dropped: csv rows and statistics per agency
    year: Optional[int] = None
    year_record: Optional[Any] = None  # giklint.crossyear.YearRecord, kept until the reports are paired

    @property
    def failed(self) -> bool:
        """A finding at or above the ``fail_on`` severity."""
        threshold = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK.get(f.severity, 2) >= threshold for f in self.findings)


@dataclass
class RunResult:
    results: List[FileResult]
    plugin_failures: List[Tuple[str, str]] = field(default_factory=list)
    skipped: List[Skipped] = field(default_factory=list)  # passed over: excluded, not a report, …
    rules: List[type] = field(default_factory=list)  # every rule the run's configurations know (for output)

    @property
    def exit_code(self) -> int:
        """2 for an unreadable file or a broken plugin, else 1 for a finding at fail_on level, else 0."""
        if self.plugin_failures or any(r.error for r in self.results):
            return 2
        return 1 if any(r.failed for r in self.results) else 0


# -- one file ----------------------------------------------------------------------------------

def check_file(path: str, options: Optional[Options] = None, data: Optional[bytes] = None,
               display: Optional[str] = None, resolver: Optional[Resolver] = None,
               within: Optional[str] = None, for_pairing: bool = False) -> FileResult:
    """Check one file (``data`` given: those bytes, named ``path``; ``within``: the folder a walk found
    it in, which a link may not leave). Config errors raise ConfigError.

    ``for_pairing``: keep what comparing it with another year's report needs (:mod:`giklint.crossyear`)."""
    from giklint.reader import read_report

    display = display or path
    options = options if options is not None else Options()
    resolved = (resolver or resolver_for(options)).for_file(path)
    result = FileResult(display, fail_on=resolved.setup.config.fail_on, plugin_failures=resolved.failures)
    try:
        report = read_report(data if data is not None else path, name=path if data is not None else None,
                             loaders=resolved.loaders, within=within)
    except NotAReportError as exc:  # a JSON/YAML that is no report model
        return _not_a_report(result, exc.reason)
    except GiklintError as exc:
        result.error = str(exc) if display == path else f"{display}: {getattr(exc, 'reason', exc)}"
        return result
    except Exception as exc:  # an extraction defect on one file must not stop the batch
        if os.environ.get("GIKLINT_DEBUG"):
            raise
        result.error = f"{display}: 内部错误（请报告此问题）：{type(exc).__name__}: {exc}"
        return result
    result.model, result.document = report.model, report.document
    result.agency, result.year = report_identity(report.model)
    reason = not_a_report_reason(report.model)
    if reason:  # a README or the like
        return _not_a_report(result, reason)
    result.findings = check_report(report.model, resolved.setup, display, report.document, options.published)
    if report.document is None:  # a model file: its places are the original report's
        from giklint.model_places import for_model_file

        for_model_file(result.findings, report.model)
    if for_pairing and compares_years(report.model, resolved.setup, path):
        from giklint.crossyear import YearRecord

        result.year_record = YearRecord.of(report.model, report.document)
    return result


def _not_a_report(result: FileResult, reason: str) -> FileResult:
    """The result for a file that is plainly no report: one ``not-a-report`` finding, whatever the
    selection (like internal-error: a file named to be checked was not checked)."""
    from giklint.engine_rules import NotAReport

    result.not_a_report = reason
    result.findings = [Finding(code=NotAReport.code, rule=NotAReport.slug, severity=NotAReport.severity,
                               message=NotAReport.message(reason), path=result.path)]
    return result


# -- many files --------------------------------------------------------------------------------

def check_paths(paths: Sequence[str], options: Optional[Options] = None,
                stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                progress: Optional[Progress] = None, targeting: TargetOptions = TargetOptions()) -> RunResult:
    """Check every file the paths name, in order; each file is checked once.

    ``jobs`` > 1 checks the files in that many processes; ``keep_documents=False`` drops each
    result's model and document text (an output of findings needs neither: memory stays small on
    large batches); ``progress`` is called with (files done, files in all) as results come in.
    Files excluded (``targeting``: exclude patterns, .gitignore, links out of the tree) and files
    found in a folder or by a glob that are plainly no report (:mod:`giklint.report_kind`) are passed
    over and listed in :attr:`RunResult.skipped`; a file named on its own that is no report gives one
    ``not-a-report`` finding (unless ``targeting.skip_non_reports``).
    """
    options = options if options is not None else Options()
    resolver = resolver_for(options)
    run = RunResult([])
    targets = unique_targets(paths, lambda folder: checked_suffixes(resolver.for_folder(folder).loaders),
                             targeting, options.config)
    run.skipped = [Skipped(t.path, t.skip) for t in targets if t.skip]
    targets = [t for t in targets if not t.skip]
    for target in targets:  # here, before any worker starts: a configuration error stops the run at once
        if not target.error and target.path != "-":
            resolver.for_file(target.path)
    pairing = options.previous is None and len(targets) > 1  # --previous names last year's report itself
    results = _results(targets, options, stdin_filename, jobs, keep_documents, pairing)
    if progress:
        progress(0, len(targets))
    failures: List[Tuple[str, str]] = []
    for done, (target, result) in enumerate(zip(targets, results), 1):
        failures += result.plugin_failures
        if result.not_a_report and (targeting.skip_non_reports or not target.explicit):
            run.skipped.append(Skipped(target.path, f"{NOT_A_REPORT}：{result.not_a_report}"))
        else:
            run.results.append(result)
        if progress:
            progress(done, len(targets))
    if pairing:
        from giklint.crossyear import compare_years

        compare_years(run.results, lambda path: resolver.for_file(path).setup, options.published)
    resolved = resolver.resolved()
    failures = [failure for one in resolved for failure in one.failures] + failures
    run.plugin_failures = list(dict.fromkeys(failures))
    run.rules = list(dict.fromkeys(rule for one in resolved for rule in one.catalog.rules)) or _default_rules()
    return run


def _default_rules() -> List[type]:
    """The rules of the installed plugins (a run of standard input or of no file resolved nothing here)."""
    from giklint.plugins import catalog

    return list(catalog().rules)


def _results(targets: Sequence[Target], options: Options, stdin_filename: Optional[str], jobs: int,
             keep_documents: bool, for_pairing: bool = False) -> Iterator[FileResult]:
    """One result per target, in order: files in the pool, standard input here, errors as they are."""
    files = [t.path for t in targets if not t.error and t.path != "-"]
    roots = [t.root for t in targets if not t.error and t.path != "-"]
    checked = check_files(files, options, jobs, keep_documents, roots, for_pairing)
    for target in targets:
        if target.error:
            yield FileResult(target.path, error=target.error)
        elif target.path == "-":
            yield _slimmed(_check_stdin(options, stdin_filename), keep_documents)
        else:
            yield next(checked)


def check_files(paths: Sequence[str], options: Optional[Options] = None, jobs: int = 1, keep_documents: bool = True,
                roots: Optional[Sequence[Optional[str]]] = None, for_pairing: bool = False) -> Iterator[FileResult]:
    """:func:`check_file` of each path, in order; in ``jobs`` processes when there is more than one file.
    ``roots``: for each path, the folder a walk found it in (None: named as it is)."""
    check = partial(_check_for_batch, options=options if options is not None else Options(),
                    keep_document=keep_documents, for_pairing=for_pairing)
    roots = list(roots) if roots is not None else [None] * len(paths)
    workers = min(jobs, len(paths))
    if workers <= 1:
        return map(check, paths, roots)
    return _pooled(check, paths, workers, roots)


def _pooled(check: Callable[..., FileResult], paths: Sequence[str], workers: int,
            roots: Sequence[Optional[str]]) -> Iterator[FileResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunksize = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    executor = ProcessPoolExecutor(workers, initializer=_ignore_interrupts)
    done = 0
    try:
        for result in executor.map(check, paths, roots, chunksize=chunksize):
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


def _check_for_batch(path: str, root: Optional[str], options: Options, keep_document: bool,
                     for_pairing: bool = False) -> FileResult:
    try:
        return _slimmed(check_file(path, options, within=root, for_pairing=for_pairing), keep_document)
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


def _check_stdin(options: Options, stdin_filename: Optional[str]) -> FileResult:
    import sys

    from giklint.loaders._common import read_stream

    name = stdin_filename or "-"
    try:
        data = read_stream(sys.stdin.buffer, name)
    except InputError as exc:
        return FileResult(name, error=str(exc))
    return check_file(name, options, data=data, display=name)
