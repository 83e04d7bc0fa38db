"""Bounds on the work one input may cause, so no file can exhaust memory or time.

Each limit has a sane default; a caller changes them for a block of work:

    with congvan.limits.using(congvan.Limits(input_bytes=10_000_000)):
        cv = congvan.load("lon.yaml")

A limit hit is an InputError naming the file and the field, like any bad input.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any, Iterator


@dataclass(frozen=True)
class Limits:
    input_bytes: int = 4_000_000  # a data file (YAML, JSON, TOML, a layout profile)
    nodes: int = 200_000  # values in a data file, every alias counted where it is used
    depth: int = 40  # nesting of lists and mappings in a data file
    render_seconds: float = 5.0  # filling one text of a content template
    render_chars: int = 1_000_000  # characters one filled text may hold
    image_bytes: int = 20_000_000  # a signature or seal image file
    image_pixels: int = 25_000_000  # its width × height
    docx_bytes: int = 200_000_000  # the unpacked parts of a DOCX read by `check` or as a template
    job_seconds: float = 300.0  # one job of a batch, PDF excluded

    def with_(self, **changes: Any) -> "Limits":
        return replace(self, **changes)


DEFAULT = Limits()
_current: ContextVar[Limits] = ContextVar("congvan_limits", default=DEFAULT)


def current() -> Limits:
    return _current.get()


@contextlib.contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    """Apply `limits` (None: keep the ones in force) to the work done inside."""
    if limits is None:
        yield current()
        return
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)
