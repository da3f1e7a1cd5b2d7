"""What ``giklint check`` says on stderr about files it passed over, and about a run that found no report."""
from __future__ import annotations

from collections import Counter
from typing import List, Sequence

from giklint.targets import Skipped

EXAMPLES_SHOWN = 3


def skipped_lines(skipped: Sequence[Skipped], *, verbose: bool, quiet: bool) -> List[str]:
    """One line per file with ``verbose``; otherwise one note counting them by reason (none with ``quiet``)."""
    if verbose:
        return [f"跳过 {item.path}：{item.reason}" for item in skipped]
    if quiet or not skipped:
        return []
    kinds = Counter(item.reason.partition("：")[0] for item in skipped)  # "不像报告：…" counts as 不像报告
    counts = "，".join(f"{count} 个{reason}" for reason, count in kinds.most_common())
    return [f"跳过了 {len(skipped)} 个文件（{counts}）；加 --verbose 列出"]


def empty_run_message(paths: Sequence[str], skipped: int) -> str:
    """Why a run that checked nothing fails (exit 2), and how to allow it."""
    named = "、".join(paths[:EXAMPLES_SHOWN]) + ("等" if len(paths) > EXAMPLES_SHOWN else "")
    passed_over = f"（跳过了 {skipped} 个文件，加 --verbose 查看原因）" if skipped else ""
    return f"{named} 中没有找到要检查的报告{passed_over}；如果这是预期的，请加 --allow-empty"
