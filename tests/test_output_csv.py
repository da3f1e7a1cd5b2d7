"""``--format csv`` (one row per finding, UTF-8 with BOM for Excel) and the per-agency batch summary of
``--statistics``, run through the command line on the project's example reports."""
from __future__ import annotations

import csv
import io

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)
from _output_helpers import REPORTS, at_root, finding  # noqa: F401  (at_root: autouse fixture)

from giklint.cli import main
from giklint.runner import FileResult
from giklint.output import csv as csv_format

pytestmark = pytest.mark.usefixtures("fresh_caches")
FAULTY = [str(REPORTS / name) for name in ("faulty-balance.md", "faulty-contacts-missing.md")]


def read_back(raw: bytes):
    """The file as Excel would read it: the BOM says UTF-8; rows split by the csv module."""
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_one_row_per_finding_with_agency_year_and_place(tmp_path):
    out = tmp_path / "findings.csv"
    assert main(["check", *FAULTY, "--format", "csv", "--output", str(out)]) == 1
    raw = out.read_bytes()
    assert b"\r\n" in raw and b"\r\r\n" not in raw
    rows = read_back(raw)
    assert rows[0] == ["文件", "机关", "年度", "代码", "规则名", "级别", "消息", "位置"]
    assert rows[1] == ["examples/reports/faulty-balance.md", "青禾县住房和城乡建设局", "2021", "GK311", "balance", "错误",
                       "表三“商业企业”列：一+二=4，（七）总计+四=3", "第89行第16列"]
    assert [row[3] for row in rows[1:]] == ["GK311", "GK311", "GK206"]
    assert rows[3][:2] == ["examples/reports/faulty-contacts-missing.md", "青禾县林业局"]


def test_an_unreadable_file_is_a_row_and_formulas_are_defused():
    hostile = FileResult("r.md", [finding(message="+1 行", line=3, column=1)], agency="=HYPERLINK(\"http://x\")",
                         year=2021)
    broken = FileResult("b.docx", error="b.docx: 不是有效的Word文件")
    rows = read_back(csv_format.render([hostile, broken], [], {"root": "."}).encode("utf-8"))
    assert rows[1][1] == "'=HYPERLINK(\"http://x\")" and rows[1][6] == "'+1 行"
    assert rows[2] == ["b.docx", "", "", "", "", "错误", "不是有效的Word文件", ""]


def test_statistics_sum_up_per_agency(capsys):
    clean = str(REPORTS / "clean-2021.md")
    assert main(["check", *FAULTY, clean, "--statistics", "--quiet"]) == 1
    out = capsys.readouterr().out.splitlines()
    start = out.index("按机关统计（文件 错误 警告 提示）：")
    assert out[start + 1:start + 4] == ["     1     2     0     0  青禾县住房和城乡建设局",
                                         "     1     0     1     0  青禾县林业局",
                                         "     1     0     0     0  青禾县卫生健康局"]
