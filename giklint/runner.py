"""The batch runner: the command line's paths to files, each file checked, results in input order.

``check_paths`` expands the paths (files, folders recursed, globs, ``-``; a folder is searched for
the suffixes of the loaders its configuration's plugins add), checks each file with ``check_file``
(read the report with the run's loaders, then :func:`giklint.engine.check_report`) and gathers a
:class:`RunResult`. An unreadable file is a :attr:`FileResult.error`; the run goes on and ends with
exit code 2. Configuration and plugins come from :mod:`giklint.resolve`, once per configuration file.

Many files are checked by a process pool (``jobs`` > 1; results still come back in input order);
one file, or ``jobs=1``, in this process, with no pool to start. Standard input is read here. Any
:class:`concurrent.futures.Executor` can do the checking instead of the pool (``executor``): a Dask
cluster's (:mod:`giklint.cluster`), with the same results in the same order.

:func:`stream_paths` gives the results as they are checked, in input order, without keeping them
(an output format that writes as they come keeps memory flat however many files there are);
:func:`check_paths` gathers them into a :class:`RunResult`. At most :data:`WINDOW` chunks of files
per worker are in flight at a time, so neither the queue nor finished results pile up.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import Any, Callable, Deque, Dict, Iterator, List, Optional, Sequence, Tuple

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
WINDOW = 4  # chunks in flight per worker: enough to keep every worker busy, few enough to keep memory flat

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

def check_file(path: str, options: Options = Options(), data: Optional[bytes] = None,
               display: Optional[str] = None, resolver: Optional[Resolver] = None,
               within: Optional[str] = None, for_pairing: bool = False) -> FileResult:
    """Check one file (``data`` given: those bytes, named ``path``; ``within``: the folder a walk found
    it in, which a link may not leave). Config errors raise ConfigError.

    ``for_pairing``: keep what comparing it with another year's report needs (:mod:`giklint.crossyear`)."""
    from giklint.reader import read_report

    display = display or path
    resolved = (resolver or resolver_for(options)).for_file(path)
    result = FileResult(display, fail_on=resolved.setup.config.fail_on, plugin_failures=resolved.failures)
    try:
        report = read_report(data if data is not None else path, name=path if data is not None else None,
                             loaders=resolved.loaders, strict=options.strict, within=within)
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

class Run:
    """A run under way: :attr:`results` gives each file's result once, in input order, as it is
    checked; the totals (:attr:`exit_code`, :attr:`checked`, :attr:`plugin_failures`, :attr:`skipped`,
    :attr:`errors`) are complete once the results are exhausted. :attr:`rules` (every rule the run's
    configurations know, for output) is known from the start."""

    def __init__(self, rules: List[type], failures: List[Tuple[str, str]], skipped: List[Skipped]) -> None:
        self.rules = rules
        self.results: Iterator[FileResult] = iter(())
        self.skipped = skipped  # passed over: excluded, not a report, …
        self.errors: List[str] = []  # the files that could not be checked, why
        self.checked = 0  # results given (files checked or found unreadable)
        self._failures = failures
        self._any_failed = False

    @property
    def plugin_failures(self) -> List[Tuple[str, str]]:
        return list(dict.fromkeys(self._failures))

    @property
    def exit_code(self) -> int:
        """2 for an unreadable file or a broken plugin, else 1 for a finding at fail_on level, else 0."""
        if self._failures or self.errors:
            return 2
        return 1 if self._any_failed else 0

    def _gather(self, targets: Sequence[Target], results: Iterator[FileResult], progress: Optional[Progress],
                skip_non_reports: bool) -> Iterator[FileResult]:
        if progress:
            progress(0, len(targets))
        for done, (target, result) in enumerate(zip(targets, results), 1):
            self._failures += result.plugin_failures
            if result.not_a_report and (skip_non_reports or not target.explicit):
                self.skipped.append(Skipped(target.path, f"{NOT_A_REPORT}：{result.not_a_report}"))
            else:
                if result.error:
                    self.errors.append(result.error)
                self._any_failed = self._any_failed or result.failed
                self.checked += 1
                yield result
            if progress:
                progress(done, len(targets))


def stream_paths(paths: Sequence[str], options: Options = Options(),
                 stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                 progress: Optional[Progress] = None, targeting: TargetOptions = TargetOptions(),
                 executor: Any = None) -> Run:
    """Check every file the paths name, in order, each once; the results come as they are checked.

    ``jobs`` > 1 checks the files in that many processes, ``executor`` (a
    :class:`concurrent.futures.Executor`, e.g. a Dask client's) in its workers instead;
    ``keep_documents=False`` drops each result's model and document text (an output of findings
    needs neither); ``progress`` is called with (files done, files in all) as results come in.
    Files excluded (``targeting``: exclude patterns, .gitignore, links out of the tree) and files
    found in a folder or by a glob that are plainly no report (:mod:`giklint.report_kind`) are passed
    over and listed in :attr:`Run.skipped`; a file named on its own that is no report gives one
    ``not-a-report`` finding (unless ``targeting.skip_non_reports``). Configuration errors raise
    here, before any file is checked.
    """
    resolver = resolver_for(options)
    targets = unique_targets(paths, lambda folder: checked_suffixes(resolver.for_folder(folder).loaders),
                             targeting, options.config)
    skipped = [Skipped(t.path, t.skip) for t in targets if t.skip]
    targets = [t for t in targets if not t.skip]
    for target in targets:  # here, before any worker starts: a configuration error stops the run at once
        if not target.error and target.path != "-":
            resolver.for_file(target.path)
    resolved = resolver.resolved()
    rules = list(dict.fromkeys(rule for one in resolved for rule in one.catalog.rules)) or _default_rules()
    run = Run(rules, [failure for one in resolved for failure in one.failures], skipped)
    pairing = options.previous is None and len(targets) > 1 and _compares_years(resolver, targets)
    results = _results(targets, options, stdin_filename, jobs, keep_documents, executor, pairing)
    if pairing:  # progress is counted as the files are read, before the pairing
        results = _with_cross_year_findings(results, resolver, options.published, progress, len(targets))
        progress = None
    run.results = run._gather(targets, results, progress, targeting.skip_non_reports)
    return run


def _compares_years(resolver: Resolver, targets: Sequence[Target]) -> bool:
    """Whether a rule that compares years is selected for any of the files (--previous not given)."""
    return any(rule.needs_previous for target in targets if not target.error and target.path != "-"
               for rule in resolver.for_file(target.path).setup.config.rules_for(target.path))


def _with_cross_year_findings(results: Iterator[FileResult], resolver: Resolver, published: Optional[str],
                              progress: Optional[Progress], total: int) -> Iterator[FileResult]:
    """The results, once all are in, each with its cross-year findings (:mod:`giklint.crossyear`): which
    report is whose last year's is known only at the end, so these results come together, keeping
    about 8 KiB of each report meanwhile (``--previous FILE``, or the cross-year rules not selected,
    keeps a batch streamed and its memory flat)."""
    from giklint.crossyear import compare_years

    gathered = []
    if progress:
        progress(0, total)
    for result in results:
        gathered.append(result)
        if progress:
            progress(len(gathered), total)
    compare_years(gathered, lambda path: resolver.for_file(path).setup, published)
    yield from gathered


def check_paths(paths: Sequence[str], options: Options = Options(),
                stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                progress: Optional[Progress] = None, targeting: TargetOptions = TargetOptions(),
                executor: Any = None) -> RunResult:
    """:func:`stream_paths`, its results gathered in a :class:`RunResult`."""
    run = stream_paths(paths, options, stdin_filename, jobs=jobs, keep_documents=keep_documents,
                       progress=progress, targeting=targeting, executor=executor)
    results = list(run.results)
    return RunResult(results, run.plugin_failures, run.skipped, run.rules)


def _default_rules() -> List[type]:
    """The rules of the installed plugins (a run of standard input or of no file resolved nothing here)."""
    from giklint.plugins import catalog

    return list(catalog().rules)


def _results(targets: Sequence[Target], options: Options, stdin_filename: Optional[str], jobs: int,
             keep_documents: bool, executor: Any = None, for_pairing: bool = False) -> Iterator[FileResult]:
    """One result per target, in order: files in the pool, standard input here, errors as they are."""
    files = [t.path for t in targets if not t.error and t.path != "-"]
    roots = [t.root for t in targets if not t.error and t.path != "-"]
    checked = check_files(files, options, jobs, keep_documents, roots, for_pairing, executor)
    for target in targets:
        if target.error:
            yield FileResult(target.path, error=target.error)
        elif target.path == "-":
            yield _slimmed(_check_stdin(options, stdin_filename), keep_documents)
        else:
            yield next(checked)


Item = Tuple[str, Optional[str]]  # (path, the folder a walk found it in, or None)


def check_files(paths: Sequence[str], options: Options = Options(), jobs: int = 1, keep_documents: bool = True,
                roots: Optional[Sequence[Optional[str]]] = None, for_pairing: bool = False,
                executor: Any = None) -> Iterator[FileResult]:
    """:func:`check_file` of each path, in order; in ``jobs`` processes when there is more than one file,
    or by ``executor`` when one is given. ``roots``: for each path, the folder a walk found it in (None:
    named as it is); ``for_pairing``: see :func:`check_file`."""
    check = partial(check_chunk, options=options, keep_documents=keep_documents, for_pairing=for_pairing)
    items = list(zip(paths, roots if roots is not None else [None] * len(paths)))
    if executor is not None:
        return _in_order(executor, check, items, _workers_of(executor))
    workers = min(jobs, len(items))
    if workers <= 1:
        return (result for item in items for result in check([item]))
    return _pooled(check, items, workers)


def check_chunk(items: Sequence[Item], options: Options, keep_documents: bool,
                for_pairing: bool = False) -> List[FileResult]:
    """The results of a few files, checked one after the other in this process (a worker's task)."""
    return [_check_for_batch(path, root, options, keep_documents, for_pairing) for path, root in items]


def _workers_of(executor: Any) -> int:
    """How many tasks ``executor`` runs at once (``max_workers``, or a standard pool's ``_max_workers``)."""
    return int(getattr(executor, "max_workers", 0) or getattr(executor, "_max_workers", 0) or os.cpu_count() or 1)


def _chunks(items: Sequence[Item], workers: int) -> Iterator[Sequence[Item]]:
    size = max(1, min(MAX_CHUNK, len(items) // (workers * 4)))
    return (items[start:start + size] for start in range(0, len(items), size))


def _in_order(executor: Any, check: Callable[[Sequence[Item]], List[FileResult]], items: Sequence[Item],
              workers: int) -> Iterator[FileResult]:
    """Each file's result, in order, checked by ``executor`` with a bounded number of chunks in flight."""
    chunks = _chunks(items, workers)
    pending: Deque[Any] = deque(executor.submit(check, chunk) for chunk in islice(chunks, workers * WINDOW))
    try:
        while pending:
            results = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(executor.submit(check, following))
            yield from results
    finally:  # a config error, Ctrl-C, an abandoned run: drop the chunks not started yet
        for future in pending:
            future.cancel()


def _pooled(check: Callable[[Sequence[Item]], List[FileResult]], items: Sequence[Item],
            workers: int) -> Iterator[FileResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(workers, initializer=_ignore_interrupts)
    done = 0
    try:
        for result in _in_order(executor, check, items, workers):
            done += 1
            yield result
    except BrokenProcessPool:  # a worker killed (out of memory) or crashed in a parsing library
        raise GiklintError(f"检查进程意外退出（可能是检查 {items[done][0]} 或同时检查的文件时内存不足或解析库崩溃）；"
                           f"可单独检查这些文件确定是哪一个") from None
    finally:  # a config error, Ctrl-C: do not wait for the files still queued
        executor.shutdown(wait=done == len(items), cancel_futures=True)


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
