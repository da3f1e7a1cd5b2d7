"""The Python API: ``giklint.parse`` and ``giklint.lint`` on a path, bytes or a model, their errors, and
calling them from worker processes (as a Dask bag or a process pool does): arguments and results
travel between processes by pickling.
"""
from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import pytest

import giklint
from giklint.errors import ConfigError, InputError
from giklint.rule import Finding
from giklint.schema import errors

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "examples" / "reports"
BALANCE = REPORTS / "faulty-balance.md"
DOCX = ROOT / "examples" / "formats" / "report-2021.docx"
SOME_REPORTS = [REPORTS / name for name in ("clean-2021.md", "faulty-balance.md", "faulty-placeholder.md",
                                            "word-export-2020.txt")]


def codes(findings):
    return [f.code for f in findings]


# -- parse ----------------------------------------------------------------------------------------

def test_parse_a_path_gives_the_schema_valid_model():
    model = giklint.parse(REPORTS / "clean-2021.md")
    assert errors(model, "report") == []
    assert model["meta"]["year"] == 2021 and model["source"]["format"] == "markdown"


def test_parse_bytes_takes_the_format_from_the_name():
    from_path = giklint.parse(str(DOCX))
    from_bytes = giklint.parse(DOCX.read_bytes(), name="upload.docx")
    assert from_bytes["source"]["path"] == "upload.docx" and from_bytes["source"]["format"] == "docx"
    assert from_bytes["tables"] == from_path["tables"] and from_bytes["meta"] == from_path["meta"]


def test_parse_errors_are_input_errors_naming_the_file(tmp_path):
    with pytest.raises(InputError, match="文件不存在") as missing:
        giklint.parse(tmp_path / "none.md")
    assert missing.value.path == str(tmp_path / "none.md")
    with pytest.raises(InputError, match="PDF文件不完整"):
        giklint.parse(b"%PDF-1.4\n1 0 obj\n", name="cut.pdf")


# -- lint -----------------------------------------------------------------------------------------

def test_lint_a_path_bytes_or_model_gives_the_same_findings():
    by_path = giklint.lint(BALANCE)
    assert codes(by_path) == ["GK311", "GK311"] and all(isinstance(f, Finding) for f in by_path)
    by_bytes = giklint.lint(BALANCE.read_bytes(), name="faulty-balance.md")
    model = giklint.parse(BALANCE)
    by_model = giklint.lint(model, name="faulty-balance.md")
    assert [f.message for f in by_bytes] == [f.message for f in by_path] == [f.message for f in by_model]
    assert by_bytes[0].path == "faulty-balance.md" and by_path[0].path == str(BALANCE)


def test_lint_options_select_and_config():
    assert giklint.lint(BALANCE, ignore="GK311") == []
    assert codes(giklint.lint(BALANCE, select=["balance"])) == ["GK311", "GK311"]
    severities = {f.severity for f in giklint.lint(BALANCE, config={"rules": {"balance": {"severity": "info"}}})}
    assert severities == {"info"}
    with pytest.raises(ConfigError):
        giklint.lint(BALANCE, config={"fail_on": "sometimes"})


# -- in worker processes ---------------------------------------------------------------------------

def test_findings_and_models_survive_pickling():
    findings = giklint.lint(BALANCE)
    assert pickle.loads(pickle.dumps(findings)) == findings
    model = giklint.parse(BALANCE)
    assert pickle.loads(pickle.dumps(model)) == model


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_parse_and_lint_in_a_process_pool_give_what_they_give_here(start_method):
    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start_method} on this platform")
    context = multiprocessing.get_context(start_method)
    paths = [str(p) for p in SOME_REPORTS]
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        findings = list(pool.map(giklint.lint, paths))
        selected = list(pool.map(partial(giklint.lint, select="GK311"), paths))
        models = list(pool.map(giklint.parse, paths))
    assert findings == [giklint.lint(p) for p in paths]
    assert any(findings) and [codes(f) for f in selected] == [[], ["GK311", "GK311"], [], []]
    assert models == [giklint.parse(p) for p in paths]


def test_an_input_error_in_a_worker_reaches_the_caller_as_it_is(tmp_path):
    with ProcessPoolExecutor(1) as pool:
        future = pool.submit(giklint.lint, str(tmp_path / "none.md"))
        with pytest.raises(InputError, match="文件不存在") as raised:
            future.result(timeout=120)
    assert raised.value.path == str(tmp_path / "none.md")
