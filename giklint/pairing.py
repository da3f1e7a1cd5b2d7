"""Which report is the same agency's report of the year before: agency names compared, reports paired.

Cross-year rules compare a report with last year's. In a folder check the pairs are found here, from
the agency and year each report states (never from file names or formats): the same agency after
normalising its name, and the year before. Pairing is conservative, because a wrong pair makes every
cross-year finding false: a report whose agency or year was not read, or that has more than one
candidate for last year (two different files of that agency and year), gets no previous report.

Names are compared after :func:`normalise_agency`; two names also match when one is the other with a
leading higher-level place written out (``四川省乐山市市中区卫生健康局`` and ``乐山市市中区卫生健康局``).
Agencies renamed by an institutional reform are not matched: the name changed, and so may the remit.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.rule import Context, Finding, Rule

# Official short forms that stand for exactly one full form (a department's name in its own report
# title is sometimes the short one).
SHORT_FORMS = {
    "卫健委": "卫生健康委员会",
    "卫健局": "卫生健康局",
    "人社局": "人力资源和社会保障局",
    "市场监管局": "市场监督管理局",
    "发改委": "发展和改革委员会",
    "发改局": "发展和改革局",
    "住建局": "住房和城乡建设局",
}
_PARENTHESES = lazy_re.compile(r"[（(〔\[【][^）)〕\]】]*[）)〕\]】]")
_HIGHER_LEVELS = "省|自治区|市|自治州|州|盟|地区|自治县|县|区|旗"
# Higher-level places written before the agency's own place (a county's departments drop the city)
_HIGHER_PLACES = lazy_re.compile(f"(?:.{{2,9}}?(?:{_HIGHER_LEVELS}))+")
# The shorter name must still begin with a place of its own, so that "四川省卫生健康委员会" never
# matches a bare "卫生健康委员会"
_OWN_PLACE = lazy_re.compile(f".{{2,9}}?(?:{_HIGHER_LEVELS}|乡|镇|街道)")


def normalise_agency(name: Optional[str]) -> str:
    """The name as compared: NFKC, no white space, no punctuation, no parenthesised notes, short forms expanded."""
    if not name:
        return ""
    text = _PARENTHESES.sub("", unicodedata.normalize("NFKC", name))
    text = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PS")
    for short, full in SHORT_FORMS.items():
        if text.endswith(short):
            text = text[: -len(short)] + full
    return text


def same_agency(one: Optional[str], other: Optional[str]) -> bool:
    """Whether two agency names name the same agency (False when either is unknown)."""
    return _same_normalised(normalise_agency(one), normalise_agency(other))


def _same_normalised(a: str, b: str) -> bool:
    """:func:`same_agency` of two names already normalised."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if not longer.endswith(shorter) or not _OWN_PLACE.match(shorter):
        return False
    return bool(_HIGHER_PLACES.fullmatch(longer[: -len(shorter)]))


class ReportKey(NamedTuple):
    """What pairing knows of a report: the agency and the year it reports on."""

    agency: Optional[str]
    year: Optional[int]

    @property
    def known(self) -> bool:
        return bool(normalise_agency(self.agency)) and isinstance(self.year, int)


class Pairing(NamedTuple):
    """Index of each report's previous year (``previous``), and the reports left unpaired because
    more than one report could be last year's (``ambiguous``: index -> the candidates)."""

    previous: Dict[int, int]
    ambiguous: Dict[int, List[int]]


def pair_reports(keys: Sequence[ReportKey]) -> Pairing:
    """Pair every report with the same agency's report of the year before, where exactly one exists.

    Each distinct name is normalised once and compared once per year, with only the names one of
    which ends with the other (a folder of thousands of reports is not compared all against all, and
    a thousand copies of one agency's report cost one comparison)."""
    normalised: Dict[Optional[str], str] = {}
    reports: Dict[Tuple[str, int], List[int]] = {}  # (normalised name, year) -> its reports, in order
    for index, key in enumerate(keys):
        if key.agency not in normalised:
            normalised[key.agency] = normalise_agency(key.agency)
        name = normalised[key.agency]
        if name and isinstance(key.year, int):
            reports.setdefault((name, key.year), []).append(index)
    by_year: Dict[int, Dict[str, List[str]]] = {}  # year -> every end of a name (the whole name too) -> names
    for name, year in reports:
        ends = by_year.setdefault(year, {})
        for start in range(len(name)):
            ends.setdefault(name[start:], []).append(name)
    previous: Dict[int, int] = {}
    ambiguous: Dict[int, List[int]] = {}
    for (name, year), indices in reports.items():
        ends = by_year.get(year - 1, {})
        # the names that end with this one (the same name included), and the ends of this name
        found = set(ends.get(name, ()))
        for start in range(1, len(name)):
            found.update(other for other in ends.get(name[start:], ()) if other == name[start:])
        candidates = sorted(j for other in found if _same_normalised(name, other) for j in reports[(other, year - 1)])
        for index in indices:
            if len(candidates) == 1:
                previous[index] = candidates[0]
            elif candidates:
                ambiguous[index] = list(candidates)
    return Pairing(dict(sorted(previous.items())), dict(sorted(ambiguous.items())))


def previous_year_problem(this: ReportKey, previous: ReportKey) -> Optional[str]:
    """Why ``previous`` is not this agency's report of the year before (Chinese), or None when it is
    or when too little was read to tell."""
    problems = []
    if normalise_agency(this.agency) and normalise_agency(previous.agency) and not same_agency(this.agency,
                                                                                               previous.agency):
        problems.append(f"上年报告的机关是“{previous.agency}”，本报告是“{this.agency}”")
    if isinstance(this.year, int) and isinstance(previous.year, int) and previous.year != this.year - 1:
        problems.append(f"上年报告是{previous.year}年度的，本报告是{this.year}年度的，上年报告应为{this.year - 1}年度")
    return "；".join(problems) or None


def report_key(report: Any) -> ReportKey:
    """The agency (the title's, else the signature's) and year of a report model (typed, or its JSON form)."""
    if isinstance(report, dict):
        from giklint.report_kind import report_identity

        agency, year = report_identity(report)
        agency = agency or ((report.get("meta") or {}).get("signature") or {}).get("agency")
    else:
        meta = report.meta
        agency, year = meta.agency or (meta.signature.agency if meta.signature else None), meta.year
    return ReportKey(agency, year if isinstance(year, int) and not isinstance(year, bool) else None)


def previous_is_last_year(report: Any, previous: Any) -> bool:
    """Whether cross-year rules may compare ``report`` with ``previous``: it is given, and nothing read
    says it is another agency's or another year's (``previous-mismatch`` reports that)."""
    return previous is not None and previous_year_problem(report_key(report), report_key(previous)) is None


def last_year_context(ctx: Any) -> Any:
    """Last year's report as a :class:`giklint.rule.Context` (its cells with the same fall-backs as this
    report's), or None when there is none or it is not this agency's report of the year before."""
    if not previous_is_last_year(ctx.report, ctx.previous):
        return None
    return Context(ctx.previous)


class CrossYearRule(Rule):
    """A rule that compares a report with the same agency's report of the year before: it runs only when
    there is one (``--previous``, or the pair a folder check found) and it is that agency's report of the
    year before (``previous-mismatch`` reports otherwise). Subclasses implement :meth:`compare`."""

    needs_previous = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        last_year = last_year_context(ctx)
        return () if last_year is None else self.compare(ctx, last_year)

    def compare(self, ctx: Context, last_year: Context) -> Iterable[Finding]:
        raise NotImplementedError
