#!/usr/bin/env python3
"""giklint's performance targets, side by side in one run (issue 13), and where the time goes.

    .venv/bin/python bench/bench.py                      # every row, medians of interleaved runs
    .venv/bin/python bench/bench.py --quick              # fewer runs, 1k files for memory only
    .venv/bin/python bench/bench.py --markdown REPORT.md --pdf REPORT.pdf   # other (e.g. real) reports
    .venv/bin/python bench/bench.py --before DIR   # also an older giklint, interleaved with this one

Rows (wall time is the median of interleaved runs: A, B, A, B, ...; CPU is user + system time of the
whole process tree, which is steadier than wall time when other processes share the machine):

1. ``giklint check`` of one Markdown report, whole process, against ``yamllint`` on a two-line YAML
   file. yamllint runs from a virtual environment of its own, made on first use under
   ``~/.cache/giklint-bench`` (``$GIKLINT_BENCH_CACHE``) from ``bench/requirements.txt``: it is no
   dependency of giklint;
2. ``giklint check`` of one multi-page PDF (default: ``examples/formats/report-2021.pdf``, drawn
   tables), whole process, against the PDF library's bare text extraction of the same file (a fresh
   process that imports pypdfium2 and reads every page's text);
3. a batch of generated text reports (copies of ``examples/reports``), ``--jobs 2 --format json``:
   reports per second and CPU per report; then the same batch run again unchanged, its results given
   back by the result cache (``giklint/result_cache.py``); every other giklint run of rows 1-4 has
   ``--no-cache``: they measure checking;
4. peak memory (the largest RSS of any process of the run) of the same batch at 1,000 and 10,000 files.

Each giklint measured keeps its start-up tables (compiled patterns, dataclass recipes) in a user
cache folder of its own for the bench run, filled by a first run as an installed version's first
run fills it: the figures do not depend on what other giklint versions left on this machine.

Row ``f`` (floors, needs valgrind) counts the instructions of processes that only import what any
check must import whatever giklint's own code does (Python itself; the standard library modules and
pluggy that the plugin contract and the typed model need; the PDF library), next to yamllint and the
bare PDF extraction: what is left of each target's budget for giklint's own code.

``--before DIR`` runs every giklint command of rows 1-4 a second time with ``PYTHONPATH=DIR``, where
DIR holds an older checkout's packages (``giklint``, ``giklint_rules``, ``giklint_schemas``; see
``bench/README.md``), taking turns with this one, so a before/after comparison sees the same load.

Then a per-stage breakdown inside one process (median of warm runs): load, extract, validate (the
report schema: run only with ``--strict``), rules, output; and (row ``b``) what a batch spends per
text report on the path of row 3 (load, extract, rules with the typing of the model, the cross-year
pairing record, the result's trip to the parent, JSON output, and a worker's whole file), CPU time,
the least of several passes in fresh processes, taking turns with ``--before``. Targets are measured
here, never asserted in tests: timings depend on the machine and on what else runs on it (the load
average is printed).
"""
from __future__ import annotations

import argparse
import atexit
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
GIKLINT = [str(Path(sys.executable).with_name("giklint"))]
if not Path(GIKLINT[0]).exists():
    GIKLINT = [sys.executable, "-m", "giklint"]
DEFAULT_MARKDOWN = ROOT / "examples" / "reports" / "clean-2021.md"
DEFAULT_PDF = ROOT / "examples" / "formats" / "report-2021.pdf"
TWO_LINE_YAML = "---\nkey: value\n"
BARE_PDF_TEXT = ("import sys, pypdfium2\n"
                 "document = pypdfium2.PdfDocument(sys.argv[1])\n"
                 "text = [page.get_textpage().get_text_range() for page in document]\n")

Sample = Tuple[float, float, int]  # (wall seconds, CPU seconds, peak RSS in KiB)


# -- running a process ---------------------------------------------------------------------------

BEFORE: Optional[str] = None  # --before: PYTHONPATH of the older giklint
BATCH_ARGS: List[str] = []  # --batch-args: more options for the batch rows 3 and 4 (e.g. --ignore GK6)
INSTRUCTIONS = False  # --instructions: rows 1 and 2 also counted in instructions (valgrind)


NO_CACHE = "--no-cache"  # rows 1-4 measure checking, not giving back an earlier run's result (giklint.result_cache)


def for_version(cmd: Sequence[str], before: bool) -> List[str]:
    """The command as the giklint measured understands it: an older one may have no result cache (nor its
    option), and is started the way its own console script started it (:func:`before_script`)."""
    knows_no_cache = not before or (Path(BEFORE or "") / "giklint" / "result_cache.py").exists()
    cmd = [part for part in cmd if knows_no_cache or part != NO_CACHE]
    if before and cmd[:len(GIKLINT)] == GIKLINT:
        cmd = [sys.executable, before_script()] + cmd[len(GIKLINT):]
    return cmd


_BEFORE_SCRIPT: List[str] = []


def before_script() -> str:
    """A console script for the older giklint: this install's calls ``giklint.entry``, which an older
    giklint may not have (it called ``giklint.cli`` then). Written once, in a folder of its own (a
    script's folder is on ``sys.path``; ``python -m`` would put the current folder, this checkout's
    ``giklint``, first)."""
    if not _BEFORE_SCRIPT:
        entry = "entry" if (Path(BEFORE or "") / "giklint" / "entry.py").exists() else "cli"
        folder = Path(tempfile.mkdtemp(prefix="giklint-bench-before-"))
        atexit.register(shutil.rmtree, folder, True)
        script = folder / "giklint"
        script.write_text(f"import sys\nfrom giklint.{entry} import main\nsys.exit(main())\n", encoding="utf-8")
        _BEFORE_SCRIPT.append(str(script))
    return _BEFORE_SCRIPT[0]


_CACHE_FOLDERS: Dict[bool, str] = {}


def environment(before: bool) -> Dict[str, str]:
    """The environment a measured command runs in: the older giklint's import path with ``--before``,
    and for each giklint measured a user cache folder of its own (made for this bench run): what one
    installed version keeps after its first run, not the tables every giklint this machine ever ran
    (tests, other checkouts, ``--before``) left in ``~/.cache/giklint``, which are larger to read."""
    if before not in _CACHE_FOLDERS:
        _CACHE_FOLDERS[before] = tempfile.mkdtemp(prefix="giklint-bench-cache-")
        atexit.register(shutil.rmtree, _CACHE_FOLDERS[before], True)
    env = dict(os.environ, GIKLINT_CACHE_DIR=_CACHE_FOLDERS[before])
    if before:
        env["PYTHONPATH"] = BEFORE or ""
    return env


def run(cmd: Sequence[str], cwd: Path = ROOT, before: bool = False) -> Sample:
    """Wall time, CPU time of the process and its waited-for children, and their largest RSS."""
    env = environment(before)
    cmd = for_version(cmd, before)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(list(cmd), cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        crashed = b"Traceback (most recent call last)" in errors.read()
    if process.returncode not in (0, 1) or crashed:  # 1: findings; a traceback exits 1 too
        raise SystemExit(f"bench: {' '.join(cmd)} exited {process.returncode}{' with a traceback' if crashed else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def interleaved(commands: Dict[str, Sequence[str]], runs: int, warm: bool = True) -> Dict[str, List[Sample]]:
    """Each command ``runs`` times, taking turns (so a burst of load hits them alike); one warm-up each.
    With ``--before``, each giklint command also runs with the older giklint, as ``NAME (before)``."""
    todo = [(name, cmd, False) for name, cmd in commands.items()]
    if BEFORE:
        todo += [(f"{name} (before)", cmd, True) for name, cmd in commands.items() if name.startswith("giklint")]
    for _, cmd, before in todo if warm else ():
        run(cmd, before=before)
    samples: Dict[str, List[Sample]] = {name: [] for name, _, _ in todo}
    for round_ in range(runs):
        for name, cmd, before in (todo if round_ % 2 == 0 else todo[::-1]):
            samples[name].append(run(cmd, before=before))
    return samples


def instructions(cmd: Sequence[str], before: bool = False) -> Optional[int]:
    """Instructions the command executes (valgrind's callgrind; forked children included), or None
    without valgrind: unlike times, the same on a busy machine as on an idle one.

    A forked child starts with its parent's counts (its "Collected" total includes everything the
    parent ran before the fork), so the counts are dumped at each ``fork`` and the dumps' totals
    summed: each instruction once (summing the "Collected" lines counted a PDF check's start-up twice)."""
    valgrind = shutil.which("valgrind")
    if not valgrind or not INSTRUCTIONS:
        return None
    env = environment(before)
    run(cmd, before=before)  # the kept tables filled, as on every run after an install's first
    with tempfile.TemporaryDirectory(prefix="giklint-bench-") as tmp:
        subprocess.run([valgrind, "--tool=callgrind", f"--callgrind-out-file={tmp}/out.%p", "--dump-before=fork",
                        *for_version(cmd, before)], cwd=ROOT, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        counts = [int(n) for dump in Path(tmp).iterdir()
                  for n in re.findall(r"^totals: (\d+)", dump.read_text(errors="replace"), re.M)]
    return sum(counts) if counts else None


def instructions_note(commands: Dict[str, Sequence[str]]) -> str:
    """``--instructions``: each command's instruction count (millions) and giklint's ratio to the last."""
    counts = {name: instructions(cmd) for name, cmd in commands.items()}
    if BEFORE:
        counts.update({f"{name} (before)": instructions(cmd, before=True)
                       for name, cmd in commands.items() if name.startswith("giklint")})
    if any(count is None for count in counts.values()):
        return ""
    names = list(commands)
    ratio = counts[names[0]] / counts[names[-1]]
    listed = ", ".join(f"{name} {count / 1e6:.0f} M" for name, count in counts.items())
    return f"; instructions: {listed} ({ratio:.2f}x)"


def before_note(got: Dict[str, List[Sample]], name: str, index: int = 0, scale: float = 1000, unit: str = "ms") -> str:
    key = f"{name} (before)"
    if key not in got:
        return ""
    return f" [before: {median(got[key], index) * scale:.0f} {unit}, CPU {median(got[key], 1) * scale:.0f} {unit}]"


def median(samples: List[Sample], index: int) -> float:
    return statistics.median(sample[index] for sample in samples)


# -- what the rows need ----------------------------------------------------------------------------

def yamllint_command() -> List[str]:
    """yamllint from its own virtual environment (made once, from bench/requirements.txt)."""
    cache = Path(os.environ.get("GIKLINT_BENCH_CACHE") or Path.home() / ".cache" / "giklint-bench")
    venv = cache / "yamllint-venv"
    executable = venv / "bin" / "yamllint"
    if not executable.exists():
        print(f"(making {venv} for yamllint, once)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-r", str(HERE / "requirements.txt")],
                       check=True)
    return [str(executable)]


def batch_sources() -> List[Path]:
    folder = ROOT / "examples" / "reports"
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))


def make_batch(folder: Path, count: int) -> Path:
    """``count`` text reports (the examples, over and over) in ``folder``; hard links where possible."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = batch_sources()
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"{i:05d}{source.suffix}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return folder


def load_average() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


# -- the rows --------------------------------------------------------------------------------------

def row_against(label: str, giklint: Sequence[str], other: str, command: Sequence[str], runs: int,
                target: str) -> str:
    """A row comparing a giklint run with another program's (``other`` names it), taking turns."""
    commands = {"giklint": giklint, other: command}
    got = interleaved(commands, runs)
    counted = instructions_note(commands)
    g, o = got["giklint"], got[other]
    return (f"{label}, whole process | giklint {median(g, 0) * 1000:.0f} ms (CPU {median(g, 1) * 1000:.0f} ms)"
            f"{before_note(got, 'giklint')}; {other} {median(o, 0) * 1000:.0f} ms (CPU {median(o, 1) * 1000:.0f} ms)"
            f"{counted} | {median(g, 0) / median(o, 0):.2f}x wall, {median(g, 1) / median(o, 1):.2f}x CPU | {target}")


def row_single(markdown: Path, runs: int) -> str:
    with tempfile.TemporaryDirectory(prefix="giklint-bench-") as tmp:
        yaml_file = Path(tmp) / "two-lines.yaml"
        yaml_file.write_text(TWO_LINE_YAML, encoding="utf-8")
        return row_against(f"1 one Markdown report ({markdown.name})",
                           GIKLINT + ["check", str(markdown), "--quiet", NO_CACHE],
                           "yamllint on a two-line file", yamllint_command() + [str(yaml_file)], runs,
                           "target <= 1.0x")


def row_pdf(pdf: Path, runs: int) -> str:
    pages = subprocess.run([sys.executable, "-c", "import sys, pypdfium2; print(len(pypdfium2.PdfDocument(sys.argv[1])))",
                            str(pdf)], capture_output=True, text=True).stdout.strip()
    return row_against(f"2 one {pages}-page PDF ({pdf.name})", GIKLINT + ["check", str(pdf), "--quiet", NO_CACHE],
                       "bare pypdfium2 text", [sys.executable, "-c", BARE_PDF_TEXT, str(pdf)], runs, "target <= 1.5x")


def row_batch(files: int, runs: int, jobs: int) -> str:
    with tempfile.TemporaryDirectory(prefix="giklint-bench-") as tmp:
        folder = make_batch(Path(tmp) / "batch", files)
        batch = GIKLINT + ["check", str(folder), "--jobs", str(jobs), "--format", "json", "--quiet", *BATCH_ARGS]
        everything = interleaved({"giklint": batch + [NO_CACHE]}, runs, warm=False)
        run(batch)  # fills the result cache
        rerun_wall, rerun_cpu, _ = run(batch)  # every file unchanged: given back from the cache
    wall, cpu = median(everything["giklint"], 0), median(everything["giklint"], 1)
    before = ""
    if "giklint (before)" in everything:
        old = everything["giklint (before)"]
        before = (f" [before: {files / median(old, 0):.0f} reports/s, "
                  f"{median(old, 1) / files * 1000:.1f} ms CPU per report]")
    return (f"3 batch: {files} text reports, --jobs {jobs} --format json | {files / wall:.0f} reports/s "
            f"({wall:.2f} s), {cpu / files * 1000:.1f} ms CPU per report{before}; re-run of the unchanged "
            f"batch (result cache): {files / rerun_wall:.0f} reports/s, {rerun_cpu / files * 1000:.1f} ms CPU per report "
            f"| target >= 500 reports/s, <= 4 ms CPU")


def row_memory(counts: Sequence[int], jobs: int) -> str:
    versions = [False, True] if BEFORE else [False]
    peaks: Dict[bool, List[Tuple[int, float]]] = {before: [] for before in versions}
    with tempfile.TemporaryDirectory(prefix="giklint-bench-") as tmp:
        for count in counts:
            folder = make_batch(Path(tmp) / f"batch-{count}", count)
            for before in versions:
                _, _, peak = run(GIKLINT + ["check", str(folder), "--jobs", str(jobs), "--format", "json", "--quiet",
                                            NO_CACHE, *BATCH_ARGS], before=before)
                peaks[before].append((count, peak / 1024))
            shutil.rmtree(folder)
    text = [memory_figures(peaks[False])]
    if BEFORE:
        text.append(f" [before: {memory_figures(peaks[True])}]")
    return f"4 peak RSS, --jobs {jobs} --format json | {''.join(text)} | target: flat"


def memory_figures(peaks: List[Tuple[int, float]]) -> str:
    figures = "; ".join(f"{count:,} files {mib:.0f} MiB" for count, mib in peaks)
    if len(peaks) > 1:
        (n0, m0), (n1, m1) = peaks[0], peaks[-1]
        figures += f" (growth {(m1 - m0) * 1024 / (n1 - n0):.2f} KiB per file)"
    return figures


# -- stages, in this process -----------------------------------------------------------------------

def warm_median_ms(action: Callable[[], object], runs: int) -> float:
    action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def stages(path: Path, runs: int) -> str:
    sys.path.insert(0, str(ROOT))
    from giklint.engine import check_report
    from giklint.extract import extract
    from giklint.loaders import load_document
    from giklint.output import json as json_output
    from giklint.reader import default_loaders
    from giklint.resolve import resolver_for
    from giklint.runner import FileResult
    from giklint.schema import validate

    data, name = path.read_bytes(), str(path)
    loaders = default_loaders()
    setup = resolver_for(__import__("giklint.options", fromlist=["Options"]).Options()).for_file(name).setup
    document = load_document(data, name, loaders)
    model = extract(document)
    findings = check_report(model, setup, name, document)
    results = [FileResult(name, findings)]
    times = {
        "load": warm_median_ms(lambda: load_document(data, name, loaders), runs),
        "extract": warm_median_ms(lambda: extract(document), runs),
        "validate (--strict only)": warm_median_ms(lambda: validate(model, "report"), runs),
        "rules": warm_median_ms(lambda: check_report(model, setup, name, document), runs),
        "output (json)": warm_median_ms(lambda: json_output.render(results), runs),
    }
    return f"  {path.name}: " + ", ".join(f"{stage} {ms:.2f} ms" for stage, ms in times.items())


# -- per report, the batch's path, in one process ----------------------------------------------------

BATCH_STAGES = ("load", "extract", "rules", "pairing record", "to the parent", "output (json)", "whole file")


def batch_stage_times(passes: int) -> Dict[str, float]:
    """CPU milliseconds per report of each stage a batch worker (and its parent) spends on one text
    report, over the batch's reports (``examples/reports``), the least of ``passes`` passes (process
    time: what other processes on the machine do counts least). Imports whichever giklint the
    environment gives (``--before``: PYTHONPATH)."""
    import pickle

    from giklint.crossyear import YearRecord
    from giklint.engine import check_report
    from giklint.extract import extract
    from giklint.loaders import load_document
    from giklint.options import Options
    from giklint.output import json as json_output
    from giklint.reader import default_loaders
    from giklint.resolve import resolver_for
    from giklint.runner import FileResult, _check_for_batch

    paths = [str(path) for path in batch_sources()]
    # checking, not the result cache (an older giklint has none)
    loaders, options = default_loaders(), Options(**({"cache": False} if "cache" in Options.__dataclass_fields__ else {}))
    setup = resolver_for(options).for_file(paths[0]).setup
    data = [Path(path).read_bytes() for path in paths]
    documents = [load_document(raw, path, loaders) for raw, path in zip(data, paths)]
    models = [extract(document) for document in documents]
    checked = [_check_for_batch(path, None, options, False, True) for path in paths]
    results = [FileResult(result.path, result.findings) for result in checked]
    actions: Dict[str, Callable[[], object]] = {
        "load": lambda: [load_document(raw, path, loaders) for raw, path in zip(data, paths)],
        "extract": lambda: [extract(document) for document in documents],
        "rules": lambda: [check_report(model, setup, path, document)
                          for model, path, document in zip(models, paths, documents)],
        "pairing record": lambda: [YearRecord.of(model, document) for model, document in zip(models, documents)],
        "to the parent": lambda: [pickle.loads(pickle.dumps(result)) for result in checked],
        "output (json)": lambda: [json_output.render([result]) for result in results],
        "whole file": lambda: [pickle.dumps(_check_for_batch(path, None, options, False, True)) for path in paths],
    }
    times = {}
    for stage in BATCH_STAGES:
        best = float("inf")
        for _ in range(passes):
            start = time.process_time()
            actions[stage]()
            best = min(best, time.process_time() - start)
        times[stage] = best / len(paths) * 1000
    return times


def batch_stages(passes: int, rounds: int) -> str:
    """:func:`batch_stage_times` in fresh processes, ``rounds`` times (with ``--before``, taking turns
    with the older giklint), the least of each stage."""
    import json

    versions = [False, True] if BEFORE else [False]
    best: Dict[bool, Dict[str, float]] = {version: {} for version in versions}
    for _ in range(rounds):
        for before in versions:
            env = environment(before)
            output = subprocess.run([sys.executable, __file__, "--batch-stages-json", str(passes)], env=env,
                                    capture_output=True, text=True, check=True).stdout
            for stage, ms in json.loads(output).items():
                best[before][stage] = min(best[before].get(stage, ms), ms)
    lines = [f"per report, the batch's path in one process ({len(batch_sources())} text reports, CPU, "
             f"least of {rounds} x {passes} passes):"]
    for stage in BATCH_STAGES:
        note = f" [before: {best[True][stage]:.2f} ms]" if BEFORE else ""
        lines.append(f"  {stage}: {best[False][stage]:.2f} ms{note}")
    return "\n".join(lines)


# What any check imports whatever giklint's own code does: pluggy (the plugin contract), dataclasses
# (the typed model plugins read), typing (pluggy's), re and enum (every extractor), pathlib, json,
# argparse (the command line).
DESIGN_FLOOR = "import re, enum, typing, pathlib, json, argparse, dataclasses, pluggy"
FLOORS = (
    ("Python start-up (`python -c pass`)", "pass"),
    ("+ the modules giklint's design needs", DESIGN_FLOOR),
    ("+ ctypes (how giklint calls PDFium: giklint.loaders._pdfium)", DESIGN_FLOOR + ", ctypes"),
    ("+ pypdfium2_raw instead (its bindings of every PDFium function; giklint reads PDFs without it)",
     DESIGN_FLOOR + ", pypdfium2_raw"),
    ("+ pypdfium2 instead (the bare extraction's import; giklint imports it only to render for OCR)",
     DESIGN_FLOOR + ", pypdfium2"),
)


def row_floors(markdown: Path, pdf: Path) -> str:
    """Instructions (millions) of the floors against each target's budget (needs valgrind)."""
    global INSTRUCTIONS
    INSTRUCTIONS = True
    counted = [(label, instructions([sys.executable, "-c", code])) for label, code in FLOORS]
    with tempfile.TemporaryDirectory(prefix="giklint-bench-") as tmp:
        yaml_file = Path(tmp) / "two-lines.yaml"
        yaml_file.write_text(TWO_LINE_YAML, encoding="utf-8")
        yamllint = instructions(yamllint_command() + [str(yaml_file)])
    bare = instructions([sys.executable, "-c", BARE_PDF_TEXT, str(pdf)])
    giklint_md = instructions(GIKLINT + ["check", str(markdown), "--quiet", NO_CACHE])
    giklint_pdf = instructions(GIKLINT + ["check", str(pdf), "--quiet", NO_CACHE])
    if bare is None or yamllint is None or giklint_md is None or giklint_pdf is None:
        return "f | floors: valgrind not found"
    lines = [f"f | {label}: {count / 1e6:.0f} M" for label, count in counted if count]
    design = dict(counted)[FLOORS[1][0]] or 0
    lines.append(f"f | row 1 budget: yamllint {yamllint / 1e6:.0f} M - design floor {design / 1e6:.0f} M = "
                 f"{(yamllint - design) / 1e6:.0f} M for giklint's own code; it uses {(giklint_md - design) / 1e6:.0f} M")
    lines.append(f"f | row 2 budget: 1.5 x bare {bare / 1e6:.0f} M = {1.5 * bare / 1e6:.0f} M; "
                 f"giklint {giklint_pdf / 1e6:.0f} M, of it {(giklint_pdf - design) / 1e6:.0f} M over the design floor")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", type=Path, default=DEFAULT_MARKDOWN, help="the report of row 1")
    parser.add_argument("--pdf", type=Path, default=DEFAULT_PDF, help="the PDF of row 2")
    parser.add_argument("--runs", type=int, default=9, help="interleaved runs of rows 1 and 2")
    parser.add_argument("--batch", type=int, default=2000, help="files of row 3")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of row 3")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--memory", default="1000,10000", help="file counts of row 4, comma-separated")
    parser.add_argument("--quick", action="store_true", help="3 runs, 500 files, memory at 1k only")
    parser.add_argument("--rows", default="1234sb",
                        help="which rows to run (s: the stages of rows 1 and 2; b: per report, the batch's path; "
                             "f: the import floors, in instructions)")
    parser.add_argument("--before", metavar="DIR", help="PYTHONPATH of an older giklint to compare with")
    parser.add_argument("--batch-args", default="", help="more giklint check options for rows 3 and 4")
    parser.add_argument("--batch-stages-json", type=int, metavar="PASSES", help=argparse.SUPPRESS)
    parser.add_argument("--instructions", action="store_true",
                        help="rows 1 and 2 also in instructions executed (valgrind): steady on a busy machine")
    args = parser.parse_args(argv)
    if args.batch_stages_json:  # one round of row b, in a process of its own (see batch_stages)
        import json

        print(json.dumps(batch_stage_times(args.batch_stages_json)))
        return
    global BEFORE
    BEFORE = args.before
    BATCH_ARGS[:] = args.batch_args.split()
    global INSTRUCTIONS
    INSTRUCTIONS = args.instructions
    if args.quick:
        args.runs, args.batch, args.batch_runs, args.memory = 3, 500, 1, "1000"
    print(f"giklint bench: {os.cpu_count()} cores, load average before {load_average()}, "
          f"Python {sys.version.split()[0]}{', batch options ' + ' '.join(BATCH_ARGS) if BATCH_ARGS else ''}")
    print("row | measured | ratio / rate | target")
    if "1" in args.rows:
        print(row_single(args.markdown, args.runs), flush=True)
    if "2" in args.rows:
        print(row_pdf(args.pdf, args.runs), flush=True)
    if "3" in args.rows:
        print(row_batch(args.batch, args.batch_runs, args.jobs), flush=True)
    if "4" in args.rows:
        print(row_memory([int(n) for n in args.memory.split(",")], args.jobs), flush=True)
    if "f" in args.rows:
        print(row_floors(args.markdown, args.pdf), flush=True)
    if "s" in args.rows:
        print(f"stages, in one process, median of {args.runs * 5} warm runs:")
        for path in (args.markdown, args.pdf):
            print(stages(path, args.runs * 5), flush=True)
    if "b" in args.rows:
        print(batch_stages(passes=5, rounds=max(1, args.runs // 3)), flush=True)
    print(f"load average after {load_average()}")


if __name__ == "__main__":
    main()
