"""The report model stays schema-valid where it matters, though a run no longer validates it by default.

Every model the extractor builds from an example (each format, each layout), and from each real
sample report, is proven valid against ``schemas/report.schema.json`` here; at run time the model is
validated only with ``--strict``, while a model that comes from outside (a JSON/YAML file, a dict) is
always validated. The shipped schemas are checked against the meta-schema here, never at run time.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, real_reports

import giklint
from giklint import extract as extract_package
from giklint.cli import main
from giklint.errors import InputError
from giklint.schema import SchemaError, errors

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
REPORT_SUFFIXES = (".md", ".txt", ".html", ".docx", ".pdf")
NOT_REPORTS = ("encrypted.pdf", "truncated.pdf", "html-named.pdf")  # refused with a clear message instead


def example_documents():
    found = []
    for folder in (EXAMPLES / "reports", EXAMPLES / "formats"):
        found += [p for p in sorted(folder.iterdir()) if p.suffix in REPORT_SUFFIXES and p.name not in NOT_REPORTS]
    return found


@pytest.mark.parametrize("path", example_documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_model_is_schema_valid(path):
    assert errors(giklint.parse(path), "report") == []


@pytest.mark.parametrize("path", [doc for doc, _ in real_reports()], ids=lambda p: p.name)
def test_every_real_report_model_is_schema_valid(path):
    assert errors(giklint.parse(path), "report") == []


@pytest.mark.parametrize("name", ["report", "findings", "config"])
def test_the_shipped_schemas_are_valid_schemas(name):
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")))


# -- --strict ------------------------------------------------------------------------------------

@pytest.fixture
def broken_extractor(monkeypatch):
    """The extractor with a defect: it builds a model the schema refuses."""
    real = extract_package.extract

    def extract(document):
        model = real(document)
        model["meta"]["year"] = "二〇二一"  # the schema wants an integer
        return model

    monkeypatch.setattr(extract_package, "extract", extract)


def test_without_strict_the_extracted_model_is_not_validated(broken_extractor):
    assert giklint.parse(EXAMPLES / "reports" / "clean-2021.md")["meta"]["year"] == "二〇二一"


def test_strict_validates_the_extracted_model(broken_extractor):
    with pytest.raises(SchemaError, match="meta.year"):
        giklint.parse(EXAMPLES / "reports" / "clean-2021.md", strict=True)


def test_check_strict_reports_a_model_that_breaks_the_schema_as_an_error(broken_extractor, capsys):
    report = str(EXAMPLES / "reports" / "clean-2021.md")
    assert main(["check", report, "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["check", report, "--jobs", "1", "--strict"]) == 2
    assert "meta.year" in capsys.readouterr().err


def test_a_model_file_is_validated_without_strict(tmp_path):
    model = giklint.parse(EXAMPLES / "reports" / "clean-2021.md")
    model["meta"]["year"] = "二〇二一"
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="meta.year"):
        giklint.parse(path)
    with pytest.raises(InputError, match="meta.year"):
        giklint.lint(model)


def generated_layouts():
    from _examples import examples
    from _layouts import layout_sample

    sources = [(path, facts) for path, facts in examples() if path.suffix in (".md", ".txt")]
    for path, facts, layout in layout_sample(sources, 2, first_seed=2000, stride=5):
        yield pytest.param(facts, layout, id=f"{path.stem}-{layout.name()}")


@pytest.mark.parametrize("facts, layout", list(generated_layouts()))
def test_every_generated_layout_model_is_schema_valid(facts, layout):
    from _layouts import SUFFIX, render, skip_without_font

    skip_without_font(layout)
    model = giklint.parse(render(facts, layout), name="generated" + SUFFIX[layout.format])
    assert errors(model, "report") == []
