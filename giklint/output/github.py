"""``--format github``: GitHub Actions workflow commands, one a finding.

``::error file=report.md,line=12,col=5,title=GK311 balance::表三…`` shows as an annotation on the line
in the pull request. Severities map to ``error``, ``warning`` and ``notice``. A finding with no line of
the checked file (PDF page, Word cell, model file) is annotated on the file, its Chinese location in
the message. Values are escaped as the Actions runner expects (``%``, CR, LF; and ``:`` ``,`` in
properties).
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence, TextIO

from giklint.output import rendered
from giklint.output._findings import (
    describe_location, display_path, error_text, finding_location, is_line_addressable, printable, root_of,
    sorted_findings,
)

CR_LF = "\r\n"
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def write(results: Iterable[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None,
          out: Optional[TextIO] = None) -> None:
    """The commands of each file as it is checked."""
    root = root_of(options)
    for result in results:
        path = display_path(result.path, root)
        if error_text(result):
            failed = command("error", {"file": path, "title": "giklint"}, f"无法检查：{error_text(result)}")
            out.write(failed + "\n")
        out.writelines(finding_command(finding, result, root) + "\n" for finding in sorted_findings(result))


def render(results: List[Any], rules: List[type], options: Optional[Dict[str, Any]] = None) -> str:
    return rendered(write, results, rules, options)


def finding_command(finding: Any, result: Any, root: str) -> str:
    properties = {"file": display_path(finding.path or result.path, root)}
    message = finding.message
    if is_line_addressable(finding, getattr(result, "document", None)):
        location = finding_location(finding)
        properties["line"] = str(location.line)
        if location.column:
            properties["col"] = str(location.column)
        if finding.end_line:
            properties["endLine"] = str(finding.end_line)
            if finding.end_column:
                properties["endColumn"] = str(finding.end_column)
    elif describe_location(finding):
        message = f"{message}（位置：{describe_location(finding)}）"
    properties["title"] = f"{finding.code} {finding.rule}"
    return command(COMMANDS.get(finding.severity, "warning"), properties, message)


def command(name: str, properties: Dict[str, str], message: str) -> str:
    # other control characters made visible: an ESC sequence must not reach the log (CR and LF are
    # the runner's own %0D %0A, so a newline cannot start a workflow command of its own)
    listed = ",".join(f"{key}={escape_property(printable(value, CR_LF))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(printable(message, CR_LF))}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
