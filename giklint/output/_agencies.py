"""The batch summary per agency (``--statistics``): files, errors, warnings and infos of each agency
the reports name (``meta.agency``), most findings first; files whose agency was not found count together."""
from __future__ import annotations

from typing import Any, Dict, List, Sequence

UNKNOWN_AGENCY = "（未识别出机关）"
SEVERITIES = ("error", "warning", "info")


def agency_statistics(results: Sequence[Any]) -> List[str]:
    """``按机关统计`` lines: one per agency with a checked file, most findings first, then by name."""
    table: Dict[str, Dict[str, int]] = {}
    for result in results:
        if getattr(result, "error", None):
            continue
        counts = table.setdefault(getattr(result, "agency", None) or UNKNOWN_AGENCY,
                                  {"files": 0, **dict.fromkeys(SEVERITIES, 0)})
        counts["files"] += 1
        for finding in result.findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
    order = sorted(table.items(), key=lambda item: (-sum(item[1][s] for s in SEVERITIES), item[0]))
    lines = ["按机关统计（文件 错误 警告 提示）："]
    for agency, counts in order:
        lines.append("".join(f"{counts[key]:>6}" for key in ("files",) + SEVERITIES) + f"  {agency}")
    return lines
