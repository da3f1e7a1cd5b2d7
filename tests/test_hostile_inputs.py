"""Hostile files (issue 10, points 2, 3, 6 and 7): each ends as a clear input error (exit code 2) or a
located finding, never a hang, a traceback, an abort or a process the kernel kills; nothing a file
holds reaches the terminal or the CI log as a control sequence.

The attack files are made here, in temporary folders, never committed. The installed command runs in a
subprocess (with a timeout and, for the PDF bomb, an address-space limit), as a user or CI runs it.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Dict, Optional

import pytest

from giklint.errors import InputError
from giklint.loaders._common import READ_CHUNK, read_file, read_stream

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "reports" / "clean-2021.md"
DOCX = ROOT / "examples" / "formats" / "report-2021.docx"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # every control character but tab and newline
INTERNAL = ("Traceback", "内部错误", "GK000")


def giklint_command(*args: str, cwd: Path, env: Optional[Dict[str, str]] = None, timeout: float = 60,
            memory: Optional[int] = None) -> subprocess.CompletedProcess:
    """The installed command; ``memory``: an address-space limit for the whole process, in bytes."""
    command = Path(sys.executable).with_name("giklint")

    def limit_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([str(command), *args], cwd=str(cwd), capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, preexec_fn=limit_memory if memory else None)


def output(run: subprocess.CompletedProcess) -> str:
    return run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")


def assert_input_error(run: subprocess.CompletedProcess, *words: str) -> None:
    text = output(run)
    assert run.returncode == 2, (run.returncode, text[-2000:])
    assert not any(word in text for word in INTERNAL), text[-2000:]
    for word in words:
        assert word in text, text[-2000:]


# -- point 2: what is read --------------------------------------------------------------------

def test_a_link_out_of_the_walked_folder_is_never_read(tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("# 机密 SECRET-TOKEN-42\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "leak.md").symlink_to(secret)
    with pytest.raises(InputError, match="检查目录以外"):
        read_file(str(tree / "leak.md"), within=str(tree))
    run = giklint_command("check", "--format", "json", "tree", cwd=tmp_path)
    assert "SECRET-TOKEN-42" not in output(run)
    run = giklint_command("parse", "tree/leak.md", cwd=tmp_path)  # named on its own, the user asked for it
    assert "SECRET-TOKEN-42" in output(run)


def test_a_link_inside_the_walked_folder_is_read(tmp_path):
    (tmp_path / "real.md").write_bytes(REPORT.read_bytes())
    (tmp_path / "alias.md").symlink_to(tmp_path / "real.md")
    assert read_file(str(tmp_path / "alias.md"), within=str(tmp_path)) == REPORT.read_bytes()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    with pytest.raises(InputError, match="不是普通文件"):
        read_file(str(tmp_path / "pipe.md"), within=str(tmp_path))  # a walk that lists it cannot hang
    assert_input_error(giklint_command("check", "pipe.md", cwd=tmp_path, timeout=30), "不是普通文件")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_link_to_dev_zero_is_refused_not_read_forever(tmp_path):
    (tmp_path / "x.md").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="不是普通文件"):
        read_file(str(tmp_path / "x.md"))
    assert_input_error(giklint_command("check", "x.md", cwd=tmp_path, timeout=30), "不是普通文件")


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "big.md").write_bytes(REPORT.read_bytes())
    run = giklint_command("check", "big.md", cwd=tmp_path, env={"GIKLINT_MAX_FILE_BYTES": "1000"})
    assert_input_error(run, "GIKLINT_MAX_FILE_BYTES")


# -- point 3: what is printed -----------------------------------------------------------------

PAYLOAD = "\x1b]0;owned\x07\x1b[2J\x9b2J\u2028\n::error file=x.md,line=1::injected"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_drive_the_terminal_or_the_ci_log(tmp_path, fmt):
    name = f"r{PAYLOAD}.md"
    (tmp_path / name).write_bytes((ROOT / "examples" / "reports" / "faulty-balance.md").read_bytes())
    run = giklint_command("check", "--format", fmt, name, cwd=tmp_path)
    text = output(run)
    assert "injected" in text  # the finding is there ...
    assert not CONTROL.search(text), repr(text)  # ... with no control character of the name
    assert not any(line.startswith("::error file=x.md") for line in text.splitlines()), text


def test_a_word_paragraph_cannot_drive_the_terminal_or_the_ci_log():
    import docx
    from docx.oxml.ns import qn

    from giklint.runner import FileResult
    from giklint.loaders.docx import load_docx
    from giklint.output import github, text
    from giklint.rule import Finding

    word = docx.Document(str(DOCX))
    run = word.paragraphs[0].runs[0]._r.find(qn("w:t"))
    run.text = "\x9b2J\u2028" + PAYLOAD.replace("\x1b", "").replace("\x07", "") + run.text  # XML has no ESC
    buffer = io.BytesIO()
    word.save(buffer)
    document = load_docx(buffer.getvalue(), "r.docx")
    quoted = document.lines[0].text
    assert "::error" in quoted and "\n" in quoted  # the paragraph arrives as written ...
    finding = Finding(code="GK104", rule="title-missing", severity="warning", message=f"标题“{quoted}”有误",
                      path="r.docx", location={"paragraph": 1})
    result = FileResult("r.docx", findings=[finding], document=document)
    for rendered in (text.render([result]), github.render([result], [], {"root": "."})):
        assert not CONTROL.search(rendered), repr(rendered)  # ... and leaves as visible escapes
        assert not any(line.startswith("::error file=x.md") for line in rendered.splitlines()), rendered
        assert "\\n::error" in rendered or "%0A::error" in rendered


# -- point 6: bombs ---------------------------------------------------------------------------

def docx_with_body(body: bytes) -> bytes:
    """A Word package whose document.xml is ``body`` (inside w:document/w:body)."""
    source = zipfile.ZipFile(DOCX)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for item in source.infolist():
            if item.filename == "word/document.xml":
                xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       b"<w:body>" + body + b"</w:body></w:document>")
                package.writestr(item.filename, xml)
            else:
                package.writestr(item, source.read(item))
    return buffer.getvalue()


def test_a_word_part_that_unpacks_to_gigabytes_is_refused_from_its_declared_size(tmp_path):
    data = docx_with_body(b"<w:p><w:r><w:t>" + b" " * (60 * 1024 * 1024) + b"</w:t></w:r></w:p>")
    assert len(data) < 1024 * 1024  # a small file ...
    (tmp_path / "bomb.docx").write_bytes(data)
    assert_input_error(giklint_command("check", "bomb.docx", cwd=tmp_path), "GIKLINT_MAX_PART_BYTES")  # ... refused


def test_a_word_body_of_millions_of_tiny_paragraphs_is_refused(tmp_path):
    (tmp_path / "tiny.docx").write_bytes(docx_with_body(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 300_000))
    assert_input_error(giklint_command("check", "tiny.docx", cwd=tmp_path), "GIKLINT_MAX_")


def deflate_bomb(inflated: int) -> bytes:
    """A Flate stream of ``inflated`` bytes of path operators, made in milliseconds (one block repeated)."""
    block = b"0 0 m " * (1 << 16)
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + repeated * (inflated // len(block)) + compressor.flush()


def pdf_with_contents(stream: bytes) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as Linux sets them")
@pytest.mark.parametrize("paths", [("bomb.pdf", "good.md"), ("bomb.pdf",)])  # (alone: read ahead, see read_ahead.py)
def test_a_pdf_stream_bomb_is_an_input_error_not_an_abort(tmp_path, paths):
    (tmp_path / "bomb.pdf").write_bytes(pdf_with_contents(deflate_bomb(2 * 1024 ** 3)))
    (tmp_path / "good.md").write_bytes(REPORT.read_bytes())
    run = giklint_command("check", *paths, cwd=tmp_path, timeout=120, memory=1536 * 1024 ** 2,
                  env={"GIKLINT_MAX_PDF_MEMORY": str(256 * 1024 ** 2)})
    assert run.returncode == 2, (run.returncode, output(run)[-2000:])  # not -6 (SIGABRT)
    assert "GIKLINT_MAX_PDF_MEMORY" in output(run) and not any(word in output(run) for word in INTERNAL)
    assert ("检查了 1 个文件" in output(run)) == ("good.md" in paths)  # a batch goes on


def test_a_pdf_over_the_page_limit_is_refused(tmp_path):
    (tmp_path / "r.pdf").write_bytes((ROOT / "examples" / "formats" / "report-2021.pdf").read_bytes())
    assert_input_error(giklint_command("check", "r.pdf", cwd=tmp_path, env={"GIKLINT_MAX_PDF_PAGES": "1"}),
                       "GIKLINT_MAX_PDF_PAGES")


def test_a_yaml_alias_bomb_is_refused(tmp_path):
    lines = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")  # 9**9 values, 400 bytes
    assert_input_error(giklint_command("parse", "bomb.yaml", cwd=tmp_path, timeout=60), "GIKLINT_MAX_MODEL_NODES")


def test_a_text_over_the_character_limit_is_refused(tmp_path):
    (tmp_path / "long.md").write_text(REPORT.read_text(encoding="utf-8") + "正文。\n" * 100_000, encoding="utf-8")
    run = giklint_command("check", "long.md", cwd=tmp_path, env={"GIKLINT_MAX_TEXT_CHARS": "200000"})
    assert_input_error(run, "GIKLINT_MAX_TEXT_CHARS")


# -- point 7: tracebacks become exit code 2 -----------------------------------------------------

@pytest.mark.parametrize("name, content, words", [
    ("deep.json", "[" * 100_000 + "]" * 100_000, ("JSON",)),
    ("recursive.yaml", "&a [*a]\n", ("嵌套层数",)),
    ("recursive-map.yaml", "a: &a\n  b: *a\n", ("嵌套层数",)),
    ("digits.yaml", "model_version: " + "9" * 5000 + "\n", ("YAML",)),
    ("digits.json", '{"model_version": ' + "9" * 5000 + "}", ("12 位",)),
    ("nan.json", '{"model_version": NaN}', ("NaN",)),
])
def test_a_hostile_model_file_is_an_input_error(tmp_path, name, content, words):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert_input_error(giklint_command("parse", name, cwd=tmp_path), *words)


@pytest.mark.parametrize("name, value", [("cell.json", "Infinity"), ("cell.yaml", ".inf"), ("nan.yaml", ".nan")])
def test_inf_and_nan_in_a_model_file_are_refused(tmp_path, name, value):
    import json

    import giklint

    model = giklint.parse(str(REPORT))
    model["tables"]["active_disclosure"]["licensing"]["decisions"] = "VALUE"
    text = json.dumps(model, ensure_ascii=False).replace('"VALUE"', value)  # JSON is YAML too
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert_input_error(giklint_command("parse", name, cwd=tmp_path), "有限的数")


def test_deeply_nested_toml_is_a_configuration_error(tmp_path):
    (tmp_path / "giklint.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (tmp_path / "r.md").write_bytes(REPORT.read_bytes())
    assert_input_error(giklint_command("check", "r.md", cwd=tmp_path), "TOML")


def with_cell(digits: int) -> str:
    text = REPORT.read_text(encoding="utf-8")
    assert "| 行政规范性文件 | 2 | 1 | 9 |" in text
    return text.replace("| 行政规范性文件 | 2 | 1 | 9 |", f"| 行政规范性文件 | {'9' * digits} | 1 | 9 |")


@pytest.mark.parametrize("digits", [400, 4301, 5000])
def test_a_cell_of_hundreds_of_digits_is_a_located_finding(tmp_path, digits):
    (tmp_path / "r.md").write_text(with_cell(digits), encoding="utf-8")
    for command in ("parse", "check"):
        run = giklint_command(command, "r.md", cwd=tmp_path)
        assert run.returncode in (0, 1) and not any(word in output(run) for word in INTERNAL), output(run)[-1500:]
    assert re.search(r"r\.md:\d+:\d+: GK304", output(run)), output(run)[-1500:]  # cell-invalid, on its line


def _slow_work(grant: float) -> str:
    """What OCR does in the PDF reader's child: ask for time for a slow page, then take it."""
    import time

    from giklint.loaders._child import grant_time

    grant_time(grant)
    time.sleep(1.5)
    return "read"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the limited child is forked")
def test_work_that_asks_for_time_gets_it_and_other_work_still_times_out():
    from giklint.loaders._child import run_limited

    def read(grant: float) -> str:
        return run_limited(_slow_work, (grant,), "scan.pdf", 512 * 1024 ** 2, 0.5, "PDF", "max_pdf_memory",
                           "pdf_seconds")

    assert read(60) == "read"  # an OCR'd page's grant: the PDF's own limit does not count it
    with pytest.raises(InputError) as error:
        read(0)
    assert "GIKLINT_PDF_SECONDS" in error.value.reason


def test_reading_a_small_file_does_not_set_aside_the_size_limit(tmp_path):
    """``read(limit)`` would reserve the limit (100 MB) for every file of a batch before reading it."""
    import tracemalloc

    path = tmp_path / "report.md"
    path.write_text("一、总体情况\n" * 100, encoding="utf-8")
    tracemalloc.start()
    try:
        data = read_file(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == path.read_bytes() and peak < 1 << 20


def test_standard_input_longer_than_a_chunk_is_read_whole_and_limited(monkeypatch):
    data = b"x" * (READ_CHUNK * 2 + 5)
    assert read_stream(io.BytesIO(data), "-") == data
    monkeypatch.setenv("GIKLINT_MAX_FILE_BYTES", str(READ_CHUNK + 1))
    with pytest.raises(InputError, match="max_file_bytes|GIKLINT_MAX_FILE_BYTES"):
        read_stream(io.BytesIO(data), "-")
