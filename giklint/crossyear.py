"""Cross-year checks in a batch: each report compared with the same agency's report of the year before.

A folder check does not know which report is whose last year's until it has read them all, so it
runs in two passes. The first checks every report on its own (in the process pool, as ever) and keeps
of each only what the comparison needs: the agency and year it states, and its model and inline
suppression comments, pickled and compressed (about 8 KiB a report, a fifth of the pickled model; the
loaded document is not kept). Then the reports are paired (:mod:`giklint.pairing`: same agency,
consecutive years, exactly one candidate) and the rules that compare years run on each pair, here, in
the parent process, an agency's years in order so that each report is unpacked and typed once (about
18 ms a pair, mostly the typing; ``bench/crossyear.py``). A report with no pair gets no cross-year
finding.

With ``--previous`` the first pass already compares every report with the file given, and no pairing
is done.
"""
from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from giklint.pairing import ReportKey, normalise_agency, pair_reports, report_key


@dataclass(frozen=True)
class YearRecord:
    """What a batch keeps of one checked report for the comparison with other years."""

    key: ReportKey
    packed: bytes  # zlib(pickle((model, suppression directives)))

    @classmethod
    def of(cls, model: Dict[str, Any], document: Any) -> "YearRecord":
        from giklint import suppress

        directives = suppress.parse_directives(document) if _suppressible(document) else []
        return cls(report_key(model), zlib.compress(pickle.dumps((model, directives), pickle.HIGHEST_PROTOCOL), 1))

    def unpack(self) -> Tuple[Dict[str, Any], List[Any]]:
        return pickle.loads(zlib.decompress(self.packed))


def pairing_record(model: Dict[str, Any], document: Any) -> Optional[YearRecord]:
    """The report's record for the pairing, None when it can have no pair (its agency or year was
    not read): the batch keeps nothing of it, and packs nothing."""
    return YearRecord.of(model, document) if report_key(model).known else None


def _suppressible(document: Any) -> bool:
    from giklint.suppress import SUPPORTED_FORMATS

    return document is not None and getattr(document, "format", None) in SUPPORTED_FORMATS


def compare_years(results: Sequence[Any], setup_for: Callable[[str], Any], published: Optional[str] = None) -> int:
    """Add each paired report's cross-year findings to its result (``results``: FileResults with a
    ``year_record``; ``setup_for(path)``: the path's resolved set-up), and drop every record.
    Returns the number of pairs compared."""
    from giklint.engine import cross_year_findings
    from giklint.suppress import is_suppressed

    indexed = [result for result in results if getattr(result, "year_record", None) is not None]
    keys = [result.year_record.key for result in indexed]
    pairs = pair_reports(keys).previous
    unpacked = _Unpacked(indexed)
    # an agency's years one after another: last year's report is the one unpacked just before
    for this in sorted(pairs, key=lambda i: (normalise_agency(keys[i].agency), keys[i].year)):
        result = indexed[this]
        previous, _ = unpacked[pairs[this]]
        report, directives = unpacked[this]
        found = cross_year_findings(report, previous, setup_for(result.path).config, result.path, published)
        found = [finding for finding in found if not is_suppressed(finding, directives)]
        result.findings = sorted(result.findings + found, key=lambda f: f.sort_key)
    for result in indexed:
        result.year_record = None
    return len(pairs)


class _Unpacked:
    """Records unpacked and typed on demand, the last two kept (a chain of years converts each report once)."""

    def __init__(self, results: Sequence[Any]) -> None:
        self.results = results
        self.kept: Dict[int, Tuple[Any, List[Any]]] = {}

    def __getitem__(self, index: int) -> Tuple[Any, List[Any]]:
        if index not in self.kept:
            from giklint.model_dict import report_from_dict

            if len(self.kept) >= 2:
                del self.kept[next(iter(self.kept))]
            model, directives = self.results[index].year_record.unpack()
            self.kept[index] = (report_from_dict(model), directives)
        return self.kept[index]
