"""The batch runner: the command line's paths to files, each file checked, results in input order.

``check_paths`` expands the paths (files, folders recursed, globs, ``-``; a folder is searched for
the suffixes of the loaders its configuration's plugins add), checks each file with ``check_file``
(read the report with the run's loaders, then :func:`giklint.engine.check_report`) and gathers a
:class:`RunResult`. An unreadable file is a :attr:`FileResult.error`; the run goes on and ends with
exit code 2. Configuration and plugins come from :mod:`giklint.resolve`, once per configuration file.

Many files are checked by worker processes (``jobs`` > 1; results still come back in input order);
one file, or ``jobs=1``, in this process, with no pool to start. Standard input is read here.

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
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from giklint.config import DEFAULT_FAIL_ON
from giklint.document import Document
from giklint.engine import check_report, compares_years
from giklint.errors import ConfigError, GiklintError, InputError, NotAReportError, UsageError
from giklint.options import Options
from giklint.own_files import OWN_OUTPUT, output_format, refuse_output_over
from giklint.pool import CRASHED, TIMEOUT, Failure, WorkerLimits, run_tasks, total_memory
from giklint.resolve import Resolver, resolver_for
from giklint.report_kind import not_a_report_reason, report_identity
from giklint.rule import SEVERITY_RANK, Finding
from giklint.targets import NOT_A_REPORT, Skipped, Target, TargetOptions, checked_suffixes, unique_targets

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
    it in, which a link may not leave). A configuration that cannot be resolved, like an unreadable
    file, is the result's error.

    ``for_pairing``: keep what comparing it with another year's report needs (:mod:`giklint.crossyear`)."""
    from giklint.reader import read_report

    display = display or path
    try:
        resolved = (resolver or resolver_for(options)).for_file(path)
    except GiklintError as exc:
        return FileResult(display, error=not_checked(display, exc))
    result = FileResult(display, fail_on=resolved.setup.config.fail_on, plugin_failures=resolved.failures)
    try:
        report = read_report(data if data is not None else path, name=path if data is not None else None,
                             loaders=resolved.loaders, within=within)
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


OUT_OF_MEMORY = "读取此文件时内存不足（批量检查时每个检查进程的内存上限由环境变量 GIKLINT_WORKER_MEMORY 设定）"


def not_checked(path: str, error: GiklintError) -> str:
    """The error of a file left unchecked because its configuration (or --previous) cannot be resolved."""
    return f"{path}: 未检查：{error}"


# -- many files --------------------------------------------------------------------------------

def check_paths(paths: Sequence[str], options: Options = Options(),
                stdin_filename: Optional[str] = None, *, jobs: int = 1, keep_documents: bool = True,
                progress: Optional[Progress] = None, targeting: TargetOptions = TargetOptions(),
                output: Optional[str] = None, limits: Optional[WorkerLimits] = None) -> RunResult:
    """Check every file the paths name, in order; each file is checked once.

    ``jobs`` > 1 checks the files in that many processes, each within ``limits`` (default:
    :func:`worker_limits`); ``keep_documents=False`` drops each
    result's model and document text (an output of findings needs neither: memory stays small on
    large batches); ``progress`` is called with (files done, files in all) as results come in.
    Files excluded (``targeting``: exclude patterns, .gitignore, links out of the tree), giklint's
    own earlier output (:mod:`giklint.own_files`) and files found in a folder or by a glob that are
    plainly no report (:mod:`giklint.report_kind`) are passed over and listed in
    :attr:`RunResult.skipped`; a file named on its own that is no report gives one ``not-a-report``
    finding (unless ``targeting.skip_non_reports``). ``output``, the file the caller will write the
    results to, must be none of the files the run reads (else a UsageError before any is checked).
    """
    resolver = resolver_for(options)
    run = RunResult([])
    targets = _own_outputs_skipped(unique_targets(paths, _suffixes_under(resolver), targeting, options.config))
    run.skipped = [Skipped(t.path, t.skip) for t in targets if t.skip]
    targets = _with_config_errors([t for t in targets if not t.skip], resolver, stdin_filename)
    refuse_output_over(output, _inputs(targets, options, resolver))
    pairing = options.previous is None and len(targets) > 1  # --previous names last year's report itself
    results = _results(targets, options, stdin_filename, jobs, keep_documents, pairing, limits)
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


def _suffixes_under(resolver: Resolver) -> Callable[[str], Tuple[str, ...]]:
    """The suffixes to look for in a folder; giklint's own under a configuration that is broken
    (whose files are then errors naming it)."""
    def suffixes(folder: str) -> Tuple[str, ...]:
        try:
            return checked_suffixes(resolver.for_folder(folder).loaders)
        except GiklintError:
            return checked_suffixes()
    return suffixes


def _own_outputs_skipped(targets: Sequence[Target]) -> List[Target]:
    """The targets, each that is an earlier output of giklint's passed over (``skip``)."""
    return [t._replace(skip=OWN_OUTPUT) if not (t.error or t.skip) and t.path != "-" and output_format(t.path)
            else t for t in targets]


def _with_config_errors(targets: Sequence[Target], resolver: Resolver,
                        stdin_filename: Optional[str]) -> List[Target]:
    """The targets, each under a configuration that cannot be resolved made an error naming it.

    Resolved here, before any worker starts, once per configuration file. When no file is left to
    check, the (first) configuration error ends the run at once, as a UsageError or ConfigError.
    """
    marked, first_error = [], None
    for target in targets:
        if not target.error:
            try:
                resolver.for_file(target.path)
            except GiklintError as exc:
                first_error = first_error or exc
                target = target._replace(error=not_checked(_shown(target, stdin_filename), exc))
        marked.append(target)
    if first_error is not None and all(t.error for t in marked):
        raise first_error
    return marked


def _shown(target: Target, stdin_filename: Optional[str]) -> str:
    """The name a target's result has: standard input's is ``--stdin-filename``."""
    return (stdin_filename or "-") if target.path == "-" else target.path


def _inputs(targets: Sequence[Target], options: Options, resolver: Resolver) -> Iterator[Tuple[str, str]]:
    """(path, what it is) of every file the run reads: the output must be none of them."""
    yield from ((t.path, "报告") for t in targets if t.path != "-")
    if options.previous:
        yield options.previous, "上一年度的报告"
    yield from ((path, "配置文件") for path in resolver.config_files())


def _default_rules() -> List[type]:
    """The rules of the installed plugins (a run of standard input or of no file resolved nothing here)."""
    from giklint.plugins import catalog

    return list(catalog().rules)


def _results(targets: Sequence[Target], options: Options, stdin_filename: Optional[str], jobs: int,
             keep_documents: bool, for_pairing: bool = False,
             limits: Optional[WorkerLimits] = None) -> Iterator[FileResult]:
    """One result per target, in order: files in the pool, standard input here, errors as they are."""
    files = [t.path for t in targets if not t.error and t.path != "-"]
    roots = [t.root for t in targets if not t.error and t.path != "-"]
    checked = check_files(files, options, jobs, keep_documents, roots, for_pairing, limits)
    for target in targets:
        if target.error:
            yield FileResult(_shown(target, stdin_filename), error=target.error)
        elif target.path == "-":
            yield _slimmed(_check_stdin(options, stdin_filename), keep_documents)
        else:
            yield next(checked)


def check_files(paths: Sequence[str], options: Options = Options(), jobs: int = 1, keep_documents: bool = True,
                roots: Optional[Sequence[Optional[str]]] = None, for_pairing: bool = False,
                limits: Optional[WorkerLimits] = None) -> Iterator[FileResult]:
    """:func:`check_file` of each path, in order; in ``jobs`` processes when there is more than one file,
    each within ``limits`` (default: :func:`worker_limits`). ``roots``: for each path, the folder a walk
    found it in (None: named as it is)."""
    check = partial(_check_for_batch, options=options, keep_document=keep_documents, for_pairing=for_pairing)
    roots = list(roots) if roots is not None else [None] * len(paths)
    workers = min(jobs, len(paths))
    if workers <= 1:
        return map(check, paths, roots)
    return run_tasks(check, [paths, roots], workers, limits or worker_limits(workers), _failed_file)


def worker_limits(workers: int) -> WorkerLimits:
    """Each worker's limits: ``GIKLINT_WORKER_MEMORY`` bytes of address space (default: the machine's
    memory shared among the workers, at least :data:`MIN_WORKER_MEMORY`), ``GIKLINT_FILE_SECONDS``
    seconds per file (default :data:`FILE_SECONDS`); 0 turns a limit off."""
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
