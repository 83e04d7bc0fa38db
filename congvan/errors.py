"""Errors that carry a Vietnamese message for the user.

Every error a user can cause names where it happened: the file, the line (when the
input format lets us know it) and the field path, so that a văn thư can fix the
input without reading a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class CongVanError(Exception):
    """Base class of every error congvan raises on purpose."""


@dataclass
class Problem:
    """One thing wrong with an input: where, and what (in Vietnamese)."""

    message: str
    field: str = ""
    line: int | None = None

    def describe(self, source: str = "") -> str:
        line = f"dòng {self.line}" if self.line is not None else ""
        field = f"trường '{self.field}'" if self.field else ""
        parts = [p for p in (source, line, field) if p]
        prefix = ", ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message


@dataclass
class InputError(CongVanError):
    """The input data cannot be turned into a dispatch."""

    source: str
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(p.describe(self.source) for p in self.problems)


class TextError(CongVanError, ValueError):
    """A text value is unusable in a dispatch (control characters, legacy encoding…).

    Raised by the text cleaners; the loader turns it into an InputError with the
    file and line of the field.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
