"""The batch runner: the command line's paths to files, each file checked, results in input order.

``check_paths`` expands the paths (files, folders recursed, globs, ``-``; a folder is searched for
the suffixes of the loaders its configuration's plugins add), checks each file with ``check_file``
(read the report with the run's loaders, then :func:`giklint.engine.check_report`) and gathers a
:class:`RunResult`. An unreadable file is a :attr:`FileResult.error`; the run goes on and ends with
exit code 2. Configuration and plugins come from :mod:`giklint.resolve`, once per configuration file.

Many files are checked by worker processes (``jobs`` > 1; results still come back in input order);
one file, or ``jobs=1``, in this process, with no pool to start. Standard input is read here. Any
:class:`concurrent.futures.Executor` can do the checking instead of the pool (``executor``): a Dask
cluster's (:mod:`giklint.cluster`), with the same results in the same order.

:func:`stream_paths` gives the results as they are checked, in input order, without keeping them
(an output format that writes as they come keeps memory flat however many files there are);
:func:`check_paths` gathers them into a :class:`RunResult`. The files are found as they are checked
(:func:`giklint.targets.iter_unique_targets`), the pool takes them a bounded number ahead
(:data:`giklint.pool.WINDOW_PER_WORKER`) and an executor gets at most :data:`WINDOW` chunks of files
per worker at a time, so neither the files nor the finished results pile up: a run keeps nothing per
file (what it keeps for the cross-year rules: :mod:`giklint.crossyear`; files passed over are listed
in :attr:`Run.skipped`). What a streaming output format writes is bounded the same way; the formats
that render everything at once (``sarif``, ``html``) hold every result.

A batch survives its worst file. The workers (:mod:`giklint.pool`) have a memory limit each
(``GIKLINT_WORKER_MEMORY``) and a time limit per file (``GIKLINT_FILE_SECONDS``); a file that
crashes its worker (found by checking it again alone), runs out of time or out of memory is that
file's error and the others are still checked. A configuration that cannot be resolved is the error
of each file under it; only when it leaves no file to check does it end the run at once.
``--output`` naming a file the run reads is refused before anything is checked; giklint's own
earlier output found among the files is passed over (:mod:`giklint.own_files`).
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import field, replace
from functools import partial
from itertools import chain, islice, tee
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from giklint.config import DEFAULT_FAIL_ON
from giklint.document import Document
from giklint.engine import check_report, compares_years
from giklint.errors import ConfigError, GiklintError, InputError, NotAReportError, UsageError
from giklint.options import Options
from giklint.own_files import OWN_OUTPUT, output_format, refuse_output_over
from giklint.records import dataclass
from giklint.resolve import Resolver, resolver_for
from giklint.report_kind import not_a_report_reason, report_identity
from giklint.rule import SEVERITY_RANK, Finding
from giklint.targets import NOT_A_REPORT, Skipped, Target, TargetOptions, checked_suffixes, iter_unique_targets

if TYPE_CHECKING:  # the pool is imported when a run has more than one file to check
    from giklint.pool import Failure, WorkerLimits

MAX_CHUNK = 8  # files an executor's worker takes at a time: small, as one PDF can cost as much as ten Markdown files
WINDOW = 4  # chunks in flight per worker: enough to keep every worker busy, few enough to keep memory flat
FILE_SECONDS = 300  # GIKLINT_FILE_SECONDS: a real report takes about a second; a hang must not stall the batch
MIN_WORKER_MEMORY = 2 * 1024 ** 3  # GIKLINT_WORKER_MEMORY's default is the machine's memory shared, at least this

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
    """What a run produced: every file's result in input order, plus what was passed over and why."""
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
    it in, which a link may not leave). A configuration that cannot be resolved, like an unreadable
    file, is the result's error.

    ``for_pairing``: keep what comparing it with another year's report needs (:mod:`giklint.crossyear`)."""
    from giklint.reader import read_report

    display = display or path
    options = options if options is not None else Options()
    try:
        resolved = (resolver or resolver_for(options)).for_file(path)
    except GiklintError as exc:
        return FileResult(display, error=not_checked(display, exc))
    result = FileResult(display, fail_on=resolved.setup.config.fail_on, plugin_failures=resolved.failures)
    try:
        report = read_report(data if data is not None else path, name=path if data is not None else None,
                             loaders=resolved.loaders, strict=options.strict, within=within)
    except NotAReportError as exc:  # a JSON/YAML that is no report model
        return _not_a_report(result, exc.reason)
    except GiklintError as exc:
        result.error = str(exc) if display == path else f"{display}: {getattr(exc, 'reason', exc)}"
        return result
    except MemoryError:  # a bomb under the worker's memory limit (a rule's is an internal-error finding)
        result.error = f"{display}: {OUT_OF_MEMORY}"
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
        from giklint.crossyear import pairing_record

        result.year_record = pairing_record(report.model, report.document)
    return result


def _not_a_report(result: FileResult, reason: str) -> FileResult:
    """The result for a file that is plainly no report: one ``not-a-report`` finding, whatever the
    selection (like internal-error: a file named to be checked was not checked)."""
    from giklint.engine_rules import NotAReport

    result.not_a_report = reason
    result.findings = [Finding(code=NotAReport.code, rule=NotAReport.slug, severity=NotAReport.severity,
                               message=NotAReport.message(reason), path=result.path)]
    return result


OUT_OF_MEMORY = "读取此文件时内存不足（批量检查时每个检查进程的内存上限由环境变量 GIKLINT_WORKER_MEMORY 设定）"


def not_checked(path: str, error: GiklintError) -> str:
    """The error of a file left unchecked because its configuration (or --previous) cannot be resolved."""
    return f"{path}: 未检查：{error}"


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

    def _gather(self, checked: Iterator[Tuple[Target, FileResult]], progress: Optional[Progress], total: int,
                skip_non_reports: bool) -> Iterator[FileResult]:
        if progress:
            progress(0, total)
        for done, (target, result) in enumerate(checked, 1):
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
                progress(done, total)


# Targets listed before a run starts: a run with no more is surveyed from the list; a larger one is
# walked twice, once to survey it (keeping nothing of a file) and then to check each file as it is found
LISTED_TARGETS = 256


def stream_paths(paths: Sequence[str], options: Optional[Options] = None,
                 stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                 progress: Optional[Progress] = None, targeting: TargetOptions = TargetOptions(),
                 output: Optional[str] = None, limits: Optional[WorkerLimits] = None, executor: Any = None) -> Run:
    """Check every file the paths name, in order, each once; the results come as they are checked.

    ``jobs`` > 1 checks the files in that many processes, each within ``limits`` (default:
    :func:`worker_limits`), or ``executor`` (a :class:`concurrent.futures.Executor`, e.g. a Dask
    client's) in its workers instead; ``keep_documents=False`` drops each result's model and
    document text (an output of findings needs neither); ``progress`` is called with (files done,
    files in all) as results come in.
    Files excluded (``targeting``: exclude patterns, .gitignore, links out of the tree), giklint's
    own earlier output (:mod:`giklint.own_files`) and files found in a folder or by a glob that are
    plainly no report (:mod:`giklint.report_kind`) are passed over and listed in :attr:`Run.skipped`;
    a file named on its own that is no report gives one ``not-a-report`` finding (unless
    ``targeting.skip_non_reports``). ``output``, the file the caller will write the results to, must
    be none of the files the run reads (else a UsageError here, before any file is checked or written).

    Files are found as they are checked (a folder is walked as the run goes on), so memory does not
    grow with their number: what must be known before the first file is checked (how many there
    are, every configuration and its rules, whether any compares years, that ``output`` is none of
    them) comes from a first walk that keeps nothing of a file, or from the list of a short run's.
    """
    options = options if options is not None else Options()
    resolver = resolver_for(options)

    def found() -> Iterator[Target]:
        return _own_outputs_skipped(iter_unique_targets(paths, _suffixes_under(resolver), targeting, options.config))

    targets = found()
    listed = list(islice(targets, LISTED_TARGETS))
    if len(listed) < LISTED_TARGETS:
        survey = _survey(listed, resolver, options, output)
    else:  # the survey walks on to the end; the check walks again from the start (never both at once)
        survey = _survey(chain(listed, targets), resolver, options, output)
        listed, targets = [], found()
    resolved = resolver.resolved()
    rules = list(dict.fromkeys(rule for one in resolved for rule in one.catalog.rules)) or _default_rules()
    run = Run(rules, [failure for one in resolved for failure in one.failures], survey.skipped)
    to_check = _with_config_errors(_not_written(chain(listed, targets), output), resolver, stdin_filename)
    pairing = options.previous is None and survey.count > 1 and survey.compares_years
    checked = _results(to_check, survey.files, options, stdin_filename, jobs, keep_documents, pairing, limits,
                       executor)
    if pairing:  # progress is counted as the files are read, before the pairing
        checked = _with_cross_year_findings(checked, resolver, options.published, progress, survey.count)
        progress = None
    run.results = run._gather(checked, progress, survey.count, targeting.skip_non_reports)
    return run


class _Survey:
    """What a run must know of its files before the first is checked."""

    def __init__(self) -> None:
        self.skipped: List[Skipped] = []  # passed over as found (excluded, …), in order
        self.count = 0  # targets to give a result for
        self.files = 0  # of them, files to check (not errors, not standard input)
        self.compares_years = False  # a rule that compares years is selected for one of the files


def _survey(targets: Iterable[Target], resolver: Resolver, options: Options, output: Optional[str]) -> _Survey:
    """Count the targets, resolve each one's configuration (the first error ends the run when it leaves
    no file to check), and refuse ``output`` when it is one of the files the run reads."""
    survey, first_error, any_checked, output_read = _Survey(), None, False, None
    written = _file_id(output) if output else None
    for target in targets:
        if target.skip:
            survey.skipped.append(Skipped(target.path, target.skip))
            continue
        survey.count += 1
        if written is not None and output_read is None and target.path != "-" and _file_id(target.path) == written:
            output_read = target
        if target.error:
            continue
        try:
            setup = resolver.for_file(target.path).setup
        except GiklintError as exc:
            first_error = first_error or exc
            continue
        any_checked = True
        if target.path == "-":
            continue
        survey.files += 1
        survey.compares_years = survey.compares_years or any(
            rule.needs_previous for rule in setup.config.rules_for(target.path))
    if first_error is not None and not any_checked:
        raise first_error
    refuse_output_over(output, _inputs([output_read] if output_read else [], options, resolver))
    return survey


def _file_id(path: str) -> Optional[Tuple[int, int]]:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _not_written(targets: Iterable[Target], output: Optional[str]) -> Iterator[Target]:
    """The targets without ``output``: made once the first result is written, a folder still walked
    may come to it (it was none of the files when the run began: :func:`_survey` made sure)."""
    if not output:
        yield from targets
        return
    written = None
    for target in targets:
        if written is None:  # (looked up until the file exists: then it is the same file to the end)
            written = _file_id(output)
        if written is None or target.error or target.path == "-" or _file_id(target.path) != written:
            yield target


def _with_cross_year_findings(checked: Iterator[Tuple[Target, FileResult]], resolver: Resolver,
                              published: Optional[str], progress: Optional[Progress],
                              total: int) -> Iterator[Tuple[Target, FileResult]]:
    """The results, once all are in, each with its cross-year findings (:mod:`giklint.crossyear`): which
    report is whose last year's is known only at the end, so these results come together (kept in a
    temporary file meanwhile: memory stays flat; ``--previous FILE``, or the cross-year rules not
    selected, streams each result as it comes)."""
    from giklint.crossyear import with_cross_year_findings

    if progress:
        progress(0, total)
    seen = (lambda count: progress(count, total)) if progress else None
    yield from with_cross_year_findings(checked, lambda path: resolver.for_file(path).setup, published, seen,
                                        result_of=itemgetter(1))


def check_paths(paths: Sequence[str], options: Optional[Options] = None,
                stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                progress: Optional[Progress] = None, targeting: TargetOptions = TargetOptions(),
                output: Optional[str] = None, limits: Optional[WorkerLimits] = None,
                executor: Any = None) -> RunResult:
    """:func:`stream_paths`, its results gathered in a :class:`RunResult`."""
    run = stream_paths(paths, options, stdin_filename, jobs=jobs, keep_documents=keep_documents,
                       progress=progress, targeting=targeting, output=output, limits=limits, executor=executor)
    results = list(run.results)
    return RunResult(results, run.plugin_failures, run.skipped, run.rules)


def _default_rules() -> List[type]:
    """The rules of the installed plugins (a run of standard input or of no file resolved nothing here)."""
    from giklint.plugins import catalog

    return list(catalog().rules)


def _suffixes_under(resolver: Resolver) -> Callable[[str], Tuple[str, ...]]:
    """The suffixes to look for in a folder; giklint's own under a configuration that is broken
    (whose files are then errors naming it)."""
    def suffixes(folder: str) -> Tuple[str, ...]:
        try:
            return checked_suffixes(resolver.for_folder(folder).loaders)
        except GiklintError:
            return checked_suffixes()
    return suffixes


def _own_outputs_skipped(targets: Iterable[Target]) -> Iterator[Target]:
    """The targets, each that is an earlier output of giklint's passed over (``skip``)."""
    return (t._replace(skip=OWN_OUTPUT) if not (t.error or t.skip) and t.path != "-" and output_format(t.path)
            else t for t in targets)


def _with_config_errors(targets: Iterable[Target], resolver: Resolver,
                        stdin_filename: Optional[str]) -> Iterator[Target]:
    """The targets to check (none passed over), each under a configuration that cannot be resolved
    made an error naming it (:func:`_survey` resolved them all before any worker started, once per
    configuration file, and ended the run when no file was left to check)."""
    for target in targets:
        if target.skip:
            continue
        if not target.error:
            try:
                resolver.for_file(target.path)
            except GiklintError as exc:
                target = target._replace(error=not_checked(_shown(target, stdin_filename), exc))
        yield target


def _shown(target: Target, stdin_filename: Optional[str]) -> str:
    """The name a target's result has: standard input's is ``--stdin-filename``."""
    return (stdin_filename or "-") if target.path == "-" else target.path


def _inputs(targets: Sequence[Target], options: Options, resolver: Resolver) -> Iterator[Tuple[str, str]]:
    """(path, what it is) of every file the run reads: the output must be none of them."""
    yield from ((t.path, "报告") for t in targets if t.path != "-")
    if options.previous:
        yield options.previous, "上一年度的报告"
    yield from ((path, "配置文件") for path in resolver.config_files())


Item = Tuple[str, Optional[str]]  # (path, the folder a walk found it in, or None)


def _results(targets: Iterable[Target], files: int, options: Options, stdin_filename: Optional[str], jobs: int,
             keep_documents: bool, for_pairing: bool = False, limits: Optional[WorkerLimits] = None,
             executor: Any = None) -> Iterator[Tuple[Target, FileResult]]:
    """Each target with its result, in order: ``files`` files in the pool, standard input here, errors as
    they are. The pool takes files a bounded number ahead of the result given: only those wait here."""
    in_order, ahead = tee(targets)
    checked = _check_items(((t.path, t.root) for t in ahead if not t.error and t.path != "-"), files, options,
                           jobs, keep_documents, for_pairing, limits, executor)
    for target in in_order:
        if target.error:
            yield target, FileResult(_shown(target, stdin_filename), error=target.error)
        elif target.path == "-":
            yield target, _slimmed(_check_stdin(options, stdin_filename), keep_documents)
        else:
            yield target, next(checked)


def check_files(paths: Sequence[str], options: Optional[Options] = None, jobs: int = 1, keep_documents: bool = True,
                roots: Optional[Sequence[Optional[str]]] = None, for_pairing: bool = False,
                limits: Optional[WorkerLimits] = None, executor: Any = None) -> Iterator[FileResult]:
    """:func:`check_file` of each path, in order; in ``jobs`` processes when there is more than one file,
    each within ``limits`` (default: :func:`worker_limits`), or by ``executor`` when one is given.
    ``roots``: for each path, the folder a walk found it in (None: named as it is); ``for_pairing``:
    see :func:`check_file`."""
    roots = list(roots) if roots is not None else [None] * len(paths)
    return _check_items(zip(paths, roots), len(paths), options if options is not None else Options(), jobs,
                        keep_documents, for_pairing, limits, executor)


def _check_items(items: Iterable[Item], count: int, options: Options, jobs: int, keep_documents: bool,
                 for_pairing: bool, limits: Optional[WorkerLimits], executor: Any) -> Iterator[FileResult]:
    """:func:`check_files` of ``count`` (path, root) items, taken as they are needed."""
    if executor is not None:
        chunk = partial(check_chunk, options=options, keep_documents=keep_documents, for_pairing=for_pairing)
        return _in_order(executor, chunk, items, count, _workers_of(executor))
    check = partial(_check_for_batch, options=options, keep_document=keep_documents, for_pairing=for_pairing)
    workers = min(jobs, count)
    if workers <= 1:
        return (check(path, root) for path, root in items)
    from giklint.pool import run_tasks

    paths, roots = tee(items)
    return run_tasks(check, [(path for path, _ in paths), (root for _, root in roots)], workers,
                     limits or worker_limits(workers), _failed_file)


def check_chunk(items: Sequence[Item], options: Options, keep_documents: bool,
                for_pairing: bool = False) -> List[FileResult]:
    """The results of a few files, checked one after the other in this process (an executor's task)."""
    return [_check_for_batch(path, root, options, keep_documents, for_pairing) for path, root in items]


def _workers_of(executor: Any) -> int:
    """How many tasks ``executor`` runs at once (``max_workers``, or a standard pool's ``_max_workers``)."""
    return int(getattr(executor, "max_workers", 0) or getattr(executor, "_max_workers", 0) or os.cpu_count() or 1)


def _chunks(items: Iterable[Item], count: int, workers: int) -> Iterator[List[Item]]:
    size = max(1, min(MAX_CHUNK, count // (workers * 4)))
    items = iter(items)
    return iter(lambda: list(islice(items, size)), [])


def _in_order(executor: Any, check: Callable[[Sequence[Item]], List[FileResult]], items: Iterable[Item],
              count: int, workers: int) -> Iterator[FileResult]:
    """Each of ``count`` files' results, in order, checked by ``executor`` with a bounded number of chunks
    in flight."""
    chunks = _chunks(items, count, workers)
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


def worker_limits(workers: int) -> WorkerLimits:
    """Each worker's limits: ``GIKLINT_WORKER_MEMORY`` bytes of address space (default: the machine's
    memory shared among the workers, at least :data:`MIN_WORKER_MEMORY`), ``GIKLINT_FILE_SECONDS``
    seconds per file (default :data:`FILE_SECONDS`); 0 turns a limit off."""
    from giklint.pool import WorkerLimits, total_memory

    memory = total_memory()
    default_memory = max(MIN_WORKER_MEMORY, memory // workers) if memory else 0
    return WorkerLimits(memory=_environ_number("GIKLINT_WORKER_MEMORY", default_memory) or None,
                        seconds=_environ_number("GIKLINT_FILE_SECONDS", FILE_SECONDS) or None)


def _environ_number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise UsageError(f"环境变量 {name} 应为非负整数，而不是“{value}”")
    return int(value)


def _failed_file(arguments: Tuple[Any, ...], failure: Failure) -> FileResult:
    """The error of a file whose worker crashed on it (alone, too), ran out of time or was told to exit."""
    from giklint.pool import CRASHED, TIMEOUT

    path = arguments[0]
    if failure.kind == CRASHED:
        reason = f"检查该文件时进程崩溃（可能是内存不足或解析库崩溃；进程因 {failure.detail} 结束，单独重试仍然如此）"
    elif failure.kind == TIMEOUT:
        reason = f"检查超过 {failure.detail} 秒仍未完成，已停止（上限由环境变量 GIKLINT_FILE_SECONDS 设定）"
    else:
        reason = f"检查该文件时插件或解析库要求结束进程（{failure.detail}），未能检查"
    return FileResult(path, error=f"{path}: {reason}")


def _check_for_batch(path: str, root: Optional[str], options: Options, keep_document: bool,
                     for_pairing: bool = False) -> FileResult:
    def check(data: Optional[bytes] = None) -> FileResult:  # data: the file's bytes, already read safely
        return _slimmed(check_file(path, options, data=data, within=root, for_pairing=for_pairing), keep_document)

    try:
        if keep_document or not options.cache:
            return check()
        try:
            resolved = resolver_for(options).for_file(path)
        except GiklintError:  # check_file makes it the file's error
            return check()
        from giklint.result_cache import cached

        return cached(path, root, options, for_pairing, resolved, check)
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
