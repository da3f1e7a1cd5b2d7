"""Command line: ``giklint check|parse|rules|explain|init`` (SPEC.md §6).

Every error the user can cause (missing file, unreadable document, bad config) ends with a Chinese
message on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from giklint import __version__
from giklint.errors import GiklintError


def _parse_command(args: argparse.Namespace) -> int:
    from giklint.api import read_report
    from giklint.modelio import to_json, to_yaml

    report = read_report(args.path, name=args.stdin_filename if args.path == "-" else None)
    text = to_yaml(report.model) if args.format == "yaml" else to_json(report.model)
    _write(text, args.output)
    return 0


def _write(text: str, output: Optional[str]) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="giklint", description="政府信息公开工作年度报告合规检查工具")
    parser.add_argument("--version", action="store_true", help="显示版本及已加载的插件")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("parse", help="把报告解析为结构化模型（JSON/YAML）")
    p.add_argument("path", help="报告文件，或 - 表示标准输入")
    p.add_argument("--format", choices=("json", "yaml"), default="json")
    p.add_argument("--output", "-o", help="写入文件而不是标准输出")
    p.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名（决定格式）")
    p.set_defaults(func=_parse_command)
    return parser


def _version_text() -> str:
    return f"giklint {__version__}"


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(_version_text())
        return 0
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except GiklintError as exc:
        print(f"giklint: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
