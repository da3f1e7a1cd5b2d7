"""Command line: ``giklint check|parse|rules|config|explain|init`` (README.md, ``docs/configuration.md``).

Exit codes of ``check``: 0 when no finding is at or above ``--fail-on`` (default ``warning``: info
findings alone do not fail), 1 otherwise, 2 for a usage, input or configuration error, an unreadable
file (the other files are still checked) or a plugin that failed to load (reported by name on stderr
and skipped; the run still checks everything, then exits 2 so CI notices).

Every error the user can cause (missing file, unreadable document, bad config) ends with a Chinese
message on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, List, Optional, Sequence, TextIO, Tuple

from giklint import __version__, dates, gc_policy, regex_cache
from giklint.errors import GiklintError, UsageError
from giklint.template import DEFAULT_REPORT_TYPE, REPORT_TYPES

SEVERITY_CHOICES = ("error", "warning", "info")
STRICT_HELP = "按报告模型的结构（schemas/report.schema.json）校验提取出的模型（较慢；JSON/YAML 模型文件总是校验）"
STARTER_FILE = "giklint.toml"


# -- check -------------------------------------------------------------------------------------

def _published(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dates.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UsageError(f"--published: 日期格式应为 YYYY-MM-DD（如 2022-01-28），实际是“{value}”") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，实际是“{value}”")
    return number


def _check_options(args: argparse.Namespace):
    from giklint.options import Options

    if args.rule_time_limit is not None and not 0 < args.rule_time_limit <= 86400:
        raise UsageError(f"--rule-time-limit: 应为大于 0、不超过 86400 的秒数，实际是 {args.rule_time_limit:g}")
    return Options.of(config=args.config, province=args.province, report_type=args.report_type,
                      select=args.select, ignore=args.ignore, fail_on=args.fail_on,
                      published=_published(args.published), previous=args.previous, strict=args.strict,
                      trust_plugins=args.trust_plugins or None, rule_time_limit=args.rule_time_limit,
                      cache=not args.no_cache)


def _formatter(name: str):
    from giklint.plugins import catalog

    formatters = catalog().formatters
    if name not in formatters:
        raise UsageError(f"--format: 未知的输出格式“{name}”；可用的有：{', '.join(sorted(formatters))}")
    return formatters[name]


# Formats that read only the findings (and the document's format), not the model or the text: the
# engine drops those from each result, so a batch of thousands stays small. Others (html, a plugin's)
# get everything.
FINDINGS_ONLY_FORMATS = ("text", "json", "jsonl", "sarif", "github", "csv")


def default_jobs() -> int:
    """The processors this process may use (``os.cpu_count()`` where affinity is unknown)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _start_up_over() -> None:
    """What the command does once it has started up (:mod:`giklint.gc_policy`,
    :func:`giklint.regex_cache.remember_start_up_patterns`)."""
    gc_policy.settle()
    regex_cache.remember_start_up_patterns()


@contextlib.contextmanager
def _reading_ahead(paths: Sequence[str]) -> Iterator[None]:
    """The one PDF the command names read in a child while the command starts up
    (:mod:`giklint.loaders.read_ahead`); a child no one took is ended with the command."""
    from giklint.loaders import read_ahead

    read_ahead.start(paths)
    try:
        yield
    finally:
        read_ahead.abandon()


def _check_command(args: argparse.Namespace) -> int:
    if args.dask_scheduler or args.force_exclude:  # files read elsewhere, or a named file maybe passed over
        return _check_paths(args)
    with _reading_ahead(args.paths):
        return _check_paths(args)


def _check_paths(args: argparse.Namespace) -> int:
    from giklint.progress import ProgressBar
    from giklint.runner import stream_paths

    options = _check_options(args)
    formatter = _formatter(args.format)
    _start_up_over()  # the plugins are loaded: the files are next
    streaming = getattr(formatter, "write", None) is not None
    # findings written to the terminal as they come are the progress: no bar drawn over them
    quiet_bar = args.quiet or (streaming and not args.output and sys.stdout.isatty())
    with _cluster(args.dask_scheduler) as executor, ProgressBar(sys.stderr, quiet=quiet_bar) as progress, \
            _output_stream(args.output) as out:
        run = stream_paths(args.paths, options, stdin_filename=args.stdin_filename, jobs=args.jobs or default_jobs(),
                           keep_documents=args.format not in FINDINGS_ONLY_FORMATS, progress=progress,
                           targeting=_target_options(args), output=args.output, executor=executor)
        render_options = {"statistics": args.statistics, "quiet": args.quiet, "output": args.output,
                          "root": os.getcwd()}
        if args.format == "text" and not args.output:
            from giklint.output.colour import ColouredStream, wants_colour

            out = ColouredStream(out) if wants_colour(args.color, sys.stdout, os.environ) else out
        if streaming:
            formatter.write(run.results, run.rules, render_options, out)
        else:
            out.write(formatter.render(list(run.results), run.rules, render_options))
    from giklint.output._findings import printable

    for error in run.errors:
        print(f"giklint: {printable(error)}", file=sys.stderr)
    _report_failures(run.plugin_failures)
    from giklint.run_notes import empty_run_message, skipped_lines

    for line in skipped_lines(run.skipped, verbose=args.verbose, quiet=args.quiet):
        print(f"giklint: {line}", file=sys.stderr)
    if not run.checked and not args.allow_empty:
        print(f"giklint: {empty_run_message(args.paths, len(run.skipped))}", file=sys.stderr)
        return 2
    return 0 if args.exit_zero and run.exit_code == 1 else run.exit_code


def _target_options(args: argparse.Namespace):
    from giklint.targets import TargetOptions

    from giklint.options import selectors

    return TargetOptions(exclude=selectors(args.exclude) if args.exclude is not None else None,
                         extend_exclude=selectors(args.extend_exclude), force_exclude=args.force_exclude or None,
                         respect_gitignore=False if args.no_respect_gitignore else None,
                         skip_non_reports=args.skip_non_reports)


@contextlib.contextmanager
def _cluster(address: Optional[str]) -> Iterator[Any]:
    """The executor of the Dask cluster at ``address`` (None: no cluster, the process pool checks)."""
    if not address:
        yield None
        return
    from giklint.cluster import DaskExecutor, dask_client

    with dask_client(address) as client:
        yield DaskExecutor(client)


@contextlib.contextmanager
def _output_stream(output: Optional[str]) -> Iterator[TextIO]:
    """Standard output, or the ``--output`` file, opened at the first write: the run first makes sure
    the file is none of those it reads (an output over a checked report must not empty it)."""
    if not output:
        yield sys.stdout
        return
    stream = _OutputFile(output)
    try:
        yield stream  # type: ignore[misc]
        stream.write("")  # a run with nothing to write still leaves its (empty) output file
    finally:
        stream.close()


class _OutputFile:
    """The ``--output`` file, opened (and emptied) on the first write."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.handle: Optional[TextIO] = None

    def write(self, text: str) -> int:
        if self.handle is None:
            try:
                self.handle = open(self.path, "w", encoding="utf-8", newline="")  # as rendered (csv: CRLF)
            except OSError as exc:
                raise UsageError(f"--output: 无法写入“{self.path}”：{exc.strerror or exc}") from None
        return self.handle.write(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self.handle is not None:
            self.handle.flush()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


# -- parse -------------------------------------------------------------------------------------

def _parse_command(args: argparse.Namespace) -> int:
    from giklint.api import read_report
    from giklint.modelio import to_json, to_yaml

    from giklint.own_files import refuse_output_over

    if args.path != "-":
        refuse_output_over(args.output, [(args.path, "报告")])
    with _reading_ahead([args.path]):
        report = read_report(args.path, name=args.stdin_filename if args.path == "-" else None, strict=args.strict)
    text = to_yaml(report.model) if args.format == "yaml" else to_json(report.model)
    with _output_stream(args.output) as out:
        out.write(text)
    return 0


# -- rules, explain ----------------------------------------------------------------------------

def _catalog_for_cwd(args: argparse.Namespace):
    """The plugins of the root configuration (``--config`` or found from the cwd); its local
    plugins only when trusted, else a note on stderr says they were not loaded."""
    from giklint.resolve import resolver_for

    note = _untrusted_note(args)
    if note:
        print(f"giklint: {note}", file=sys.stderr)
    return resolver_for(_view_options(args)).plugins_for("-")


def _untrusted_note(args: argparse.Namespace) -> Optional[str]:
    from giklint.trust import root_config, untrusted_note

    options = _view_options(args)
    return None if options.trust_plugins else untrusted_note(root_config(options.config))


def _rules_command(args: argparse.Namespace) -> int:
    from giklint.rule import sort_rules
    from giklint.settings_view import OFF, ON, why_off

    found = _catalog_for_cwd(args)
    rules = sort_rules(found.rules)
    config = None if _untrusted_note(args) else _config_here(args)  # untrusted: said above
    marks = {rule: "?" if config is None else (OFF if why_off(rule, config, "-") else ON) for rule in rules}
    rows = [(rule.code, rule.slug, rule.severity, marks[rule], rule.summary) for rule in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        sys.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4] + "\n")
    _report_failures(found.failures)
    return 0


def _config_here(args: argparse.Namespace):
    """The resolved configuration of the current folder (None, with the reason on stderr, when broken)."""
    from giklint.resolve import resolver_for

    try:
        return resolver_for(_view_options(args)).for_file("-").setup.config
    except GiklintError as exc:
        print(f"giklint: 当前配置有误，无法标出哪些规则开启：{exc}", file=sys.stderr)
        return None


def _view_options(args: argparse.Namespace):
    from giklint.options import Options

    return Options.of(config=args.config, trust_plugins=args.trust_plugins or None)


def _config_command(args: argparse.Namespace) -> int:
    from giklint.resolve import resolver_for
    from giklint.settings_view import describe

    path = args.path or "-"
    if path != "-" and not os.path.exists(path):
        raise UsageError(f"{path}: 文件不存在")
    resolver = resolver_for(_view_options(args))
    resolved = resolver.for_file(path)
    local = [name for name, _ in resolver.local_plugins()]
    sys.stdout.write(describe(resolved, path, local, toml_value))
    return 0


def _find_rule(name: str, rules: Sequence[type]) -> type:
    from giklint.selection import hint

    for rule in rules:
        if name == rule.slug or name.upper() == rule.code.upper():
            return rule
    raise UsageError(f"未知的规则“{name}”{hint(name, rules)}；giklint rules 列出全部规则")


def _explain_command(args: argparse.Namespace) -> int:
    found = _catalog_for_cwd(args)
    rule = _find_rule(args.rule, found.rules)
    lines = [rule.doc() or f"{rule.slug} ({rule.code}): {rule.summary}", "",
             f"默认级别 / Default severity: {rule.severity}"]
    from giklint.rule import declared_option, option_defaults

    defaults = option_defaults(rule)
    lines += ["配置 / Configuration:", f"    [rules.{rule.slug}]", f'    severity = "{rule.severity}"']
    for key, value in defaults.items():
        declared = declared_option((rule.options or {}).get(key))
        note = f"  # {declared.help}；{declared.describe()}" if declared is not None and declared.help else ""
        if value is not None:
            lines.append(f"    {key} = {toml_value(value)}{note}")
        elif note:  # no default to show: say the option exists
            lines.append(f"    # {key} = …{note}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def toml_value(value: Any) -> str:
    """A simple value (string, number, boolean, list, table) as inline TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    import json

    return json.dumps(str(value), ensure_ascii=False)


def _toml_key(key: Any) -> str:
    key = str(key)
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def _report_failures(failures: Iterable[Tuple[str, str]]) -> None:
    for name, error in failures:
        print(f"giklint: 插件“{name}”加载失败，已跳过：{error}", file=sys.stderr)


# -- init --------------------------------------------------------------------------------------

STARTER = """\
# giklint 配置文件（由 giklint init 生成）。giklint rules 列出全部规则，giklint explain <规则> 说明规则及其选项。
# 检查报告时，giklint 从报告所在文件夹向上找第一个 giklint.toml、.giklint.toml 或带 [tool.giklint] 的 pyproject.toml。

# 省级配置（发布期限、须引用的地方规定、标题别称等）：{profiles}。不写时用 national（全国通用）。
{province_line}

# 报告类型，决定发布期限：department（部门，默认）、government_office_self、township、county_summary、
# city_summary、province_summary、vertical_system_summary
# report_type = "department"

# 要运行的规则：代码（GK311）、代码前缀（GK3）或规则名（balance）；ALL 为全部
select = ["ALL"]
# 不运行的规则（比 select 中的写法更具体或一样具体时生效）
ignore = []

# 达到此级别的发现使 giklint check 以 1 退出：error、warning（默认）、info
# fail_on = "warning"

# 本地插件：文件（相对本文件）或可导入的模块名。只在本文件是项目根目录的配置、且加了 --trust-plugins
# （或设置 GIKLINT_TRUST_PLUGINS=1）时运行
# plugins = ["giklint_local/my_rule.py"]

# 单条规则的级别和选项（选项名见 giklint explain <规则>），例如：
# [rules.late-publication]
# severity = "error"
# deadlines = {{ department = "01-28" }}

# 检查文件夹时跳过的文件（.gitignore 写法，相对本文件所在文件夹）；默认已跳过隐藏文件、venv/、node_modules/
# 和 .gitignore 忽略的文件。force-exclude = true：命令行上（如 pre-commit）直接写出的文件也按此跳过
# extend-exclude = ["templates/"]

# 按文件不运行的规则（glob 相对本文件所在文件夹；不含 / 的写法也按文件名匹配）
# [per-file-ignores]
# "drafts/*.md" = ["placeholder-text"]
"""


def _init_command(args: argparse.Namespace) -> int:
    from giklint.plugins import catalog

    target = Path(args.output)
    if target.exists() and not args.force:
        raise UsageError(f"{target}: 文件已存在；要覆盖请加 --force")
    profiles = sorted(catalog().profiles)
    if args.province and args.province not in profiles:
        raise UsageError(f"--province: 未知的省级配置“{args.province}”；可用的有：{', '.join(profiles)}")
    province_line = f'province = "{args.province}"' if args.province else '# province = "national"'
    text = STARTER.format(profiles="、".join(profiles) or "national", province_line=province_line)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{target}: 无法写入：{exc.strerror or exc}") from None
    print(f"已写入 {target}")
    return 0


# -- --version ---------------------------------------------------------------------------------

SOURCE_ZH = {"builtin": "内置", "entry-point": "已安装", "config": "配置文件列出"}


def _version_text() -> str:
    """giklint's version and the installed plugins; never a local plugin (its code is not run here)."""
    from giklint.plugins import catalog
    from giklint.trust import names_listed, root_config

    found = catalog()
    root = root_config(None)
    local = names_listed(root)
    note = [f"（{root} 列出的本地插件 {'、'.join(local)} 没有加载：--version 不运行本地插件的代码；"
            f"giklint rules --trust-plugins 列出它们的规则）"] if local else []
    lines = [f"giklint {__version__}", "插件："]
    lines += [f"  {p.name} {p.version or '-'}（{SOURCE_ZH.get(p.source, p.source)}）" for p in found.loaded.plugins]
    if found.failures:
        lines.append("加载失败的插件：")
        lines += [f"  {name}：{error}" for name, error in found.failures]
    return "\n".join(lines + note)


# -- the parser --------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    _metavar_check: Optional[argparse.HelpFormatter] = None  # see _get_formatter
    _adding = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from giklint.cli_zh import HelpFormatter

        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._adding = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._adding = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        """A new formatter for help and usage, as argparse does; but inside ``add_argument``, where
        argparse makes one only to try the option's metavar against its nargs (``_format_args``, which
        keeps no state), one formatter serves every option: a formatter per option (its terminal
        width, its patterns) was a third of building the command line on every run."""
        if not self._adding:
            return super()._get_formatter()
        if _Parser._metavar_check is None:
            _Parser._metavar_check = super()._get_formatter()
        return _Parser._metavar_check

    def error(self, message: str):  # the message is argparse's, in Chinese (giklint/cli_zh.py)
        self.print_usage(sys.stderr)
        self.exit(2, f"giklint: 命令行参数错误：{message}\n")


CHECK_HELP = "检查报告（文件、文件夹、通配符或 - 表示标准输入）"


def _add_check_parser(sub) -> None:
    p = sub.add_parser("check", help=CHECK_HELP)
    p.add_argument("paths", nargs="+", metavar="PATH", help="报告文件、文件夹（递归）、通配符，或 -")
    p.add_argument("--format", default="text",
                   help="输出格式：text（默认）、json、jsonl、sarif、github、html、csv，以及插件提供的格式")
    p.add_argument("--output", "-o", help="写入文件而不是标准输出")
    p.add_argument("--province", help="省级配置（覆盖配置文件中的 province）")
    p.add_argument("--config", help="配置文件（不再向上查找）")
    p.add_argument("--select", action="append", metavar="RULES", help="只运行这些规则（代码、前缀或规则名，逗号分隔，可重复）")
    p.add_argument("--ignore", action="append", metavar="RULES", help="不运行这些规则（逗号分隔，可重复）")
    p.add_argument("--fail-on", choices=SEVERITY_CHOICES, help="达到此级别的发现使退出码为1（默认 warning）")
    p.add_argument("--jobs", "-j", type=_positive_int, help="并行检查的进程数（默认为处理器数；1 为按顺序检查）")
    p.add_argument("--previous", metavar="FILE", help="上一年度的报告（跨年度规则）")
    p.add_argument("--report-type", choices=tuple(REPORT_TYPES),
                   help=f"报告类型（决定发布期限，默认 {DEFAULT_REPORT_TYPE}）")
    p.add_argument("--published", metavar="DATE", help="发布日期 YYYY-MM-DD")
    p.add_argument("--quiet", "-q", action="store_true", help="只输出发现，不输出汇总")
    p.add_argument("--statistics", action="store_true", help="在发现之后按规则、按机关、按文件统计数量（只用于 text 格式）")
    p.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名（决定格式、配置和显示的路径）")
    p.add_argument("--strict", action="store_true", help=STRICT_HELP)
    p.add_argument("--no-cache", action="store_true",
                   help="不使用上次检查的结果（默认：文件、配置和 giklint 都未改变时直接给出上次的结果；"
                        "缓存在用户缓存目录，环境变量 GIKLINT_CACHE_DIR 设为空也可关闭）")
    p.add_argument("--dask-scheduler", metavar="ADDRESS",
                   help="在 Dask 集群上检查（调度器地址，如 tcp://10.0.0.5:8786；需安装 giklint[dask]，"
                        "各工作节点须能以相同路径读取这些文件）")
    _add_ocr_option(p)
    p.add_argument("--verbose", "-v", action="store_true", help="列出跳过的文件及原因")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="text 格式是否着色：auto（默认：终端上着色；遵从 NO_COLOR、FORCE_COLOR）、always、never")
    p.add_argument("--exit-zero", action="store_true", help="有发现时也以 0 退出（出错时仍为 2）")
    p.add_argument("--allow-empty", action="store_true", help="没有找到任何报告时以 0 退出（默认为 2）")
    p.add_argument("--exclude", action="append", metavar="PATTERNS",
                   help="检查文件夹时跳过的文件和文件夹（.gitignore 写法，逗号分隔，可重复；代替配置文件中的 exclude）")
    p.add_argument("--extend-exclude", action="append", metavar="PATTERNS", help="在 exclude 之外再跳过这些")
    p.add_argument("--force-exclude", action="store_true",
                   help="命令行上直接写出的文件也按 exclude 跳过（pre-commit 钩子使用）")
    p.add_argument("--no-respect-gitignore", action="store_true", help="检查文件夹时不理会 .gitignore")
    p.add_argument("--skip-non-reports", action="store_true",
                   help="直接写出的文件如果不像报告也跳过，而不是报告 not-a-report（pre-commit 钩子使用）")
    p.add_argument("--rule-time-limit", type=float, metavar="SECONDS",
                   help="一条规则检查一个文件最多用时（秒，默认 60）；超时记为 internal-error 发现")
    _add_trust_flag(p)
    p.set_defaults(func=_check_command)


def _add_trust_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trust-plugins", action="store_true",
                        help="运行项目根目录配置（或 --config）列出的本地插件（也可设置 GIKLINT_TRUST_PLUGINS=1）；"
                             "不加时不运行检查目录中的任何代码")


OCR_CHOICES = ("never", "auto", "always")


def _add_ocr_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ocr", choices=OCR_CHOICES,
                   help="扫描件的 OCR 识别（需安装 giklint[ocr]）：auto 只识别没有文字层的页（默认），always 识别每一页，never 不识别")


def _apply_ocr_options(args: argparse.Namespace) -> None:
    """``--ocr`` and ``--quiet`` reach the loaders (also in worker processes) through the environment."""
    if getattr(args, "ocr", None):
        os.environ["GIKLINT_OCR"] = args.ocr
    if getattr(args, "quiet", False):
        os.environ["GIKLINT_QUIET"] = "1"


SUBCOMMANDS = ("check", "parse", "rules", "config", "explain", "init")


def build_parser(argv: Optional[Sequence[str]] = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the arguments it will parse, only the subcommand they name gets
    its options (every subcommand is still there, with its help, for ``giklint -h`` and for argparse's
    message on an unknown one): adding an option costs argparse more than parsing a whole command line."""
    named = next((word for word in argv if not word.startswith("-")), None) if argv is not None else None
    chosen = named if named in SUBCOMMANDS else None

    def wanted(command: str) -> bool:
        return chosen is None or chosen == command

    parser = _Parser(prog="giklint", description="政府信息公开工作年度报告合规检查工具", add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示此帮助并退出")
    parser.add_argument("--version", action="store_true", help="显示版本及已加载的插件")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="子命令", metavar="命令")
    if wanted("check"):
        _add_check_parser(sub)
    else:
        sub.add_parser("check", help=CHECK_HELP)

    p = sub.add_parser("parse", help="把报告解析为结构化模型（JSON/YAML）")
    if wanted("parse"):
        p.add_argument("path", help="报告文件，或 - 表示标准输入")
        p.add_argument("--format", choices=("json", "yaml"), default="json")
        p.add_argument("--output", "-o", help="写入文件而不是标准输出")
        p.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名（决定格式）")
        p.add_argument("--strict", action="store_true", help=STRICT_HELP)
        _add_ocr_option(p)
        p.set_defaults(func=_parse_command)

    p = sub.add_parser("rules", help="列出全部规则：代码、规则名、默认级别、在当前配置下开（开）或关（关）、说明")
    if wanted("rules"):
        p.add_argument("--config", help="配置文件（其中列出的本地插件的规则也会列出）")
        _add_trust_flag(p)
        p.set_defaults(func=_rules_command)

    p = sub.add_parser("config", help="显示对一个文件生效的配置：配置文件、省级配置、每条规则的开关、级别和选项")
    if wanted("config"):
        p.add_argument("path", nargs="?", metavar="PATH", help="报告文件（默认：当前文件夹）")
        p.add_argument("--config", help="配置文件（不再向上查找）")
        _add_trust_flag(p)
        p.set_defaults(func=_config_command)

    p = sub.add_parser("explain", help="显示一条规则的说明")
    if wanted("explain"):
        p.add_argument("rule", metavar="CODE|SLUG", help="规则代码（GK311）或规则名（balance）")
        p.add_argument("--config", help="配置文件（其中列出的本地插件的规则也可查询）")
        _add_trust_flag(p)
        p.set_defaults(func=_explain_command)

    p = sub.add_parser("init", help=f"写一个带注释的 {STARTER_FILE}")
    if wanted("init"):
        p.add_argument("--province", help="写入 province = …")
        p.add_argument("--output", "-o", default=STARTER_FILE, help=f"写到哪个文件（默认 {STARTER_FILE}）")
        p.add_argument("--force", action="store_true", help="覆盖已有的文件")
        p.set_defaults(func=_init_command)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    from giklint.cli_zh import chinese_argparse

    if argv is None:
        argv = sys.argv[1:]
    with chinese_argparse():
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if not args.version and not getattr(args, "func", None):
            parser.print_help()
            return 2
    try:
        if args.version:
            print(_version_text())
            return 0
        _apply_ocr_options(args)
        if args.func is not _check_command:  # check's start-up ends once it has loaded the plugins
            _start_up_over()
        return args.func(args)
    except GiklintError as exc:
        from giklint.output._findings import printable

        print(f"giklint: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
