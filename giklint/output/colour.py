"""Colour for ``--format text`` on a terminal: paths bold, codes and severities coloured by level.

Whether to colour (:func:`wants_colour`): ``--color always|never`` decides when given; otherwise
``NO_COLOR`` (set and not empty, https://no-color.org) turns colour off, ``FORCE_COLOR`` (set, not empty
and not ``0``) turns it on, and else colour is on only when the output is a terminal (not a file, not a
pipe, not ``TERM=dumb``). Colouring works on the finished text lines, after the text format has
escaped whatever came from the checked files, so a report can never bring its own escape sequences.
"""
from __future__ import annotations

from typing import IO, Iterable, Mapping, Optional

from giklint import lazy_re

COLOUR_CHOICES = ("auto", "always", "never")
RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
BY_SEVERITY = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
FINDING = lazy_re.compile(r"^(?P<path>.*?)(?P<place>:\d+:\d+: )(?P<code>[A-Z]+[0-9]+) \[(?P<severity>error|warning|info)\]"
                     r"(?P<message> .*?)(?P<slug> \([a-z0-9-]+\))?$")


def wants_colour(choice: str, stream: IO[str], environ: Mapping[str, str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and environ.get("TERM") != "dumb"


def colour_line(line: str) -> str:
    match = FINDING.match(line)
    if not match:
        return line
    tint = BY_SEVERITY[match["severity"]]
    slug = f"{DIM}{match['slug']}{RESET}" if match["slug"] else ""
    return (f"{BOLD}{match['path']}{RESET}{match['place']}{tint}{BOLD}{match['code']}{RESET} "
            f"{tint}[{match['severity']}]{RESET}{match['message']}{slug}")


def colour_text(text: str, enabled: Optional[bool]) -> str:
    """The text format's output with each finding line coloured (unchanged when not ``enabled``)."""
    if not enabled:
        return text
    return "".join(colour_line(line[:-1]) + "\n" if line.endswith("\n") else colour_line(line)
                   for line in text.splitlines(keepends=True))


class ColouredStream:
    """A text stream that colours the finding lines written to it (the text format writes whole lines
    as each file is checked, so each piece is coloured as it goes out)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(colour_text(text, True))

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)
