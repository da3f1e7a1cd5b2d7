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

While the first pass runs, each result goes to one temporary file and each record to another (in
the system's temporary folder, never beside the checked files; deleted when the run ends). What
stays in memory is, per report with a record, its key (one object per distinct agency and year) and
the record's place in its file: about 24 bytes a report, and pairing them at the end takes about as
much again; a result keeps nothing (the results are read back one after the other, in order, when
the comparisons are done). So a batch of 10,000 reports takes 0.5 MB more than one of 100.

With ``--previous`` the first pass already compares every report with the file given, and no pairing
is done.
"""
from __future__ import annotations

import io
import pickle
import zlib
from array import array
from typing import IO, Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from giklint.pairing import ReportKey, normalise_agency, pair_reports, report_key
from giklint.records import dataclass


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


Place = Tuple[int, int]  # (offset, length) in the spool file


class Spool:
    """Pickled objects in an anonymous temporary file, read back by place. Where no temporary file
    can be made or written (no writable temporary folder, a full disk) they are kept in memory
    instead: the run goes on, only its memory is no longer flat."""

    def __init__(self) -> None:
        import tempfile

        try:
            self.file: IO[bytes] = tempfile.TemporaryFile(prefix="giklint-")
        except OSError:
            self.file = io.BytesIO()
        self.end = 0

    def put(self, value: Any) -> Place:
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        try:
            self._write(data)
        except OSError:
            self._to_memory()
            self._write(data)
        place = (self.end, len(data))
        self.end += len(data)
        return place

    def _write(self, data: bytes) -> None:
        self.file.seek(self.end)
        self.file.write(data)

    def _to_memory(self) -> None:
        self.file.seek(0)
        kept = self.file.read(self.end)
        self.file.close()
        self.file = io.BytesIO(kept)

    def get(self, place: Place) -> Any:
        offset, length = place
        self.file.seek(offset)
        return pickle.loads(self.file.read(length))

    def each(self) -> Iterator[Any]:
        """Every object put, in the order put (no place kept to find them)."""
        position = 0
        while position < self.end:
            self.file.seek(position)
            value = pickle.load(self.file)
            position = self.file.tell()
            yield value

    def close(self) -> None:
        self.file.close()


class _Spooled:
    """The reports that have a year record, in order: each one's key (one object per distinct key) and
    the place of its record (its result's index, path and record) in the records' spool. About 24
    bytes a report: the first pass over a folder of thousands keeps no object per report."""

    def __init__(self) -> None:
        self.keys: List[ReportKey] = []
        self.places = array("q")  # offset, length of each record, one after the other
        self._distinct: Dict[ReportKey, ReportKey] = {}

    def add(self, key: ReportKey, place: Place) -> None:
        self.keys.append(self._distinct.setdefault(key, key))
        self.places.extend(place)

    def place(self, index: int) -> Place:
        return self.places[2 * index], self.places[2 * index + 1]


def with_cross_year_findings(results: Iterable[Any], setup_for: Callable[[str], Any],
                             published: Optional[str] = None, seen: Optional[Callable[[int], None]] = None,
                             result_of: Callable[[Any], Any] = lambda item: item) -> Iterator[Any]:
    """``results`` (FileResults, some with a ``year_record``) in their order, once all are in, each paired
    report with its cross-year findings and every record dropped. ``setup_for(path)``: the path's
    resolved set-up; ``seen(count)`` is told how many results are in as they come; ``result_of(item)``:
    the FileResult of an item of ``results`` (the items are given back whole)."""
    kept, records = Spool(), Spool()
    try:
        spooled = _Spooled()
        count = 0
        for item in results:
            result = result_of(item)
            record, result.year_record = getattr(result, "year_record", None), None
            if record is not None:
                spooled.add(record.key, records.put((count, result.path, record)))
            kept.put(item)  # read back in the order put: no place kept
            count += 1
            if seen:
                seen(count)
        found = compare_years(spooled, records, setup_for, published)
        del spooled
        for index, item in enumerate(kept.each()):
            if index in found:
                result = result_of(item)
                result.findings = sorted(result.findings + found[index], key=lambda f: f.sort_key)
            yield item
    finally:
        kept.close()
        records.close()


def compare_years(spooled: _Spooled, records: Spool, setup_for: Callable[[str], Any],
                  published: Optional[str] = None) -> Dict[int, List[Any]]:
    """The cross-year findings of each paired report, by result index."""
    from giklint.engine import cross_year_findings
    from giklint.suppress import is_suppressed

    keys = spooled.keys
    pairs = pair_reports(keys).previous
    unpacked = _Unpacked(spooled, records)
    found: Dict[int, List[Any]] = {}
    # an agency's years one after another: last year's report is the one unpacked just before
    for this in sorted(pairs, key=lambda i: (normalise_agency(keys[i].agency), keys[i].year)):
        _, _, previous, _ = unpacked[pairs[this]]
        result, path, report, directives = unpacked[this]
        findings = cross_year_findings(report, previous, setup_for(path).config, path, published)
        found[result] = [finding for finding in findings if not is_suppressed(finding, directives)]
    return found


class _Unpacked:
    """Records read back, unpacked and typed on demand, the last two kept (a chain of years converts
    each report once): (result index, path, typed report, suppression directives)."""

    def __init__(self, spooled: _Spooled, records: Spool) -> None:
        self.spooled = spooled
        self.records = records
        self.kept: Dict[int, Tuple[int, str, Any, List[Any]]] = {}

    def __getitem__(self, index: int) -> Tuple[int, str, Any, List[Any]]:
        if index not in self.kept:
            from giklint.model_dict import report_from_dict

            if len(self.kept) >= 2:
                del self.kept[next(iter(self.kept))]
            result, path, record = self.records.get(self.spooled.place(index))
            model, directives = record.unpack()
            self.kept[index] = (result, path, report_from_dict(model), directives)
        return self.kept[index]
