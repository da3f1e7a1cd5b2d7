"""Colour in ``--format text``: only on a terminal, NO_COLOR and FORCE_COLOR respected, --color over both;
a terminal (a pseudo-terminal here) gets colour, a pipe and a file do not."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from giklint.output.colour import colour_text, wants_colour

FAULTY = str(EXAMPLES / "reports" / "faulty-balance.md")
GIKLINT = str(Path(sys.executable).with_name("giklint"))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("choice, stream, environ, expected", [
    ("auto", Terminal(), {}, True),
    ("auto", io.StringIO(), {}, False),
    ("auto", Terminal(), {"NO_COLOR": "1"}, False),
    ("auto", Terminal(), {"NO_COLOR": ""}, True),  # set but empty: no-color.org says ignore it
    ("auto", io.StringIO(), {"FORCE_COLOR": "1"}, True),
    ("auto", io.StringIO(), {"FORCE_COLOR": "0"}, False),
    ("auto", Terminal(), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("auto", Terminal(), {"TERM": "dumb"}, False),
    ("always", io.StringIO(), {"NO_COLOR": "1"}, True),
    ("never", Terminal(), {"FORCE_COLOR": "1"}, False),
])
def test_when_to_colour(choice, stream, environ, expected):
    assert wants_colour(choice, stream, environ) is expected


def test_finding_lines_are_coloured_and_other_lines_kept():
    text = "a.md:3:1: GK311 [error] 表三不平衡 (balance)\n共 1 个问题。\n"
    coloured = colour_text(text, True)
    assert coloured.splitlines()[0] == ("\x1b[1ma.md\x1b[0m:3:1: \x1b[31m\x1b[1mGK311\x1b[0m \x1b[31m[error]\x1b[0m"
                                        " 表三不平衡\x1b[2m (balance)\x1b[0m")
    assert coloured.splitlines()[1] == "共 1 个问题。" and colour_text(text, False) == text


def run(*args: str, env: dict, tty: bool = False) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(env, TERM="xterm")
    if not tty:
        return subprocess.run([GIKLINT, *args], capture_output=True, text=True, env=environ, timeout=120).stdout
    import pty

    main_end, other_end = pty.openpty()
    done = subprocess.run([GIKLINT, *args], stdout=other_end, stderr=subprocess.DEVNULL, env=environ, timeout=120)
    os.close(other_end)
    chunks = []
    while True:
        try:
            chunk = os.read(main_end, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_end)
    assert done.returncode == 1
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_the_command_colours_a_terminal_only():
    assert "\x1b[31m" in run("check", FAULTY, env={}, tty=True)
    assert "\x1b[" not in run("check", FAULTY, env={"NO_COLOR": "1"}, tty=True)
    assert "\x1b[" not in run("check", FAULTY, env={})
    assert "\x1b[31m" in run("check", FAULTY, env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in run("check", FAULTY, "--format", "json", env={"FORCE_COLOR": "1"})
