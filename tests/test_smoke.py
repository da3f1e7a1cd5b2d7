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
