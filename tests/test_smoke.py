import subprocess
import sys

from giklint.cli import main


def test_parse_prints_a_schema_valid_model_for_a_fragment(tmp_path, capsys):
    report = tmp_path / "fragment.md"
    report.write_text("一、总体情况\n本局2021年……\n", encoding="utf-8")
    assert main(["parse", str(report)]) == 0
    import json

    from giklint.schema import errors

    model = json.loads(capsys.readouterr().out)
    assert errors(model, "report") == []


def test_missing_file_is_exit_2_with_a_message(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "giklint", "parse", str(tmp_path / "nope.md")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "文件不存在" in proc.stderr and "Traceback" not in proc.stderr


def test_every_module_compiles_without_a_warning():
    """An invalid escape such as ``"\\d"`` in a docstring is a DeprecationWarning on Python 3.11, a
    SyntaxWarning from 3.12 and an error in a later Python: users would see it on first import."""
    import warnings
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sources = [path for folder in ("giklint", "rules", "tests", "bench", "examples")
               for path in (root / folder).rglob("*.py")]
    assert len(sources) > 100
    for path in sources:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
