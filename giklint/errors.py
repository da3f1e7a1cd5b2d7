"""Errors that end a run with exit code 2 and a clear message (never a traceback)."""
from __future__ import annotations


class GiklintError(Exception):
    """Base class: the message is shown to the user as it is (in Chinese)."""

    exit_code = 2


class InputError(GiklintError):
    """A file cannot be read as a report: unreadable, corrupt, encrypted, wrong content, bad model."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message

    def __reduce__(self):
        # picklable with its two arguments, so it reaches the caller from a worker process as it is
        return (type(self), (self.path, self.reason))


class NotAReportError(InputError):
    """The file reads fine but is plainly not a report (a README, a workflow YAML): see
    :mod:`giklint.report_kind`. A batch passes over it; named on its own, it is one finding."""


class ConfigError(GiklintError):
    """A configuration file or option is wrong: names the file and the key."""


class UsageError(GiklintError):
    """The command line is wrong."""
