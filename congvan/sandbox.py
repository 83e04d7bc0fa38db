"""A Jinja2 sandbox that cannot loop forever or allocate gigabytes.

The sandbox of Jinja2 keeps a template away from Python's internals and files; this
one also bounds the work: a text stops once it has taken `render_seconds` or grown
past `render_chars` characters, and the operations that make a big value in one step
(`'a' * 10**9`, `10 ** 10 ** 10`, `'x'.center(10**9)`, `'{:>999999999}'.format(…)`)
are refused before they run. `range` counts against the time too, so nested loops
with empty bodies end. Both limits come from congvan.limits.
"""

from __future__ import annotations

import operator
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Template
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import limits as _limits
from .errors import CongVanError

_BIG_FORMAT = re.compile(r"\{[^{}]*?[:!][^{}]*?\d{6,}|%[-+ #0]*\d{6,}|%[-+ #0]*\.\d{6,}")
_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs", "indent", "wordwrap", "truncate", "format"}


class LimitError(CongVanError):
    """A text of a template went past a limit (time or size)."""


class _Budget:
    def __init__(self) -> None:
        limit = _limits.current()
        self.deadline = time.monotonic() + limit.render_seconds
        self.chars = limit.render_chars
        self.seconds = limit.render_seconds

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(f"điền mẫu quá {self.seconds:g} giây (giới hạn render_seconds)")

    def size(self, count: int) -> None:
        if count > self.chars:
            raise LimitError(f"văn bản sau khi điền quá {self.chars} ký tự (giới hạn render_chars)")


_budget: _Budget | None = None


def _current() -> _Budget:
    return _budget or _Budget()


def _range(*args: int) -> Iterator[int]:
    """range() whose every turn counts against the time limit."""
    budget = _current()
    numbers = range(*args)
    if len(numbers) > 100_000:  # as Jinja2's own sandbox
        raise SecurityError("range quá lớn (tối đa 100000)")

    def turns() -> Iterator[int]:
        for count, number in enumerate(numbers):
            if count % 256 == 0:
                budget.tick()
            yield number

    return turns()


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that takes a width, refused when the width alone passes the size limit."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = _current()
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                budget.size(value)
        if args and isinstance(args[0], str) and function.__name__ == "do_format" and _BIG_FORMAT.search(args[0]):
            raise LimitError("định dạng có độ rộng quá lớn (giới hạn render_chars)")
        return function(*args, **kwargs)

    for attribute in ("jinja_pass_arg",):
        if hasattr(function, attribute):
            setattr(guarded, attribute, getattr(function, attribute))
    guarded.__name__ = function.__name__
    return guarded


class BoundedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _range
        for name in ("center", "indent", "wordwrap", "truncate", "format"):
            if name in self.filters:
                self.filters[name] = _guarded(self.filters[name])

    def call_binop(self, context: Context, operator_name: str, left: Any, right: Any) -> Any:
        budget = _current()
        budget.tick()
        if operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    budget.size(len(seq) * max(times, 0))
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
                if right * max(abs(left).bit_length(), 1) > budget.chars * 4:
                    raise LimitError(f"số quá lớn ({left} ** {right}; giới hạn render_chars)")
            return operator.pow(left, right)
        if operator_name == "%":
            if isinstance(left, str) and _BIG_FORMAT.search(left):
                raise LimitError("định dạng có độ rộng quá lớn (giới hạn render_chars)")
            return operator.mod(left, right)
        if operator_name == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, type(left)):
                budget.size(len(left) + len(right))
            return operator.add(left, right)
        return super().call_binop(context, operator_name, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and _BIG_FORMAT.search(owner):
            raise LimitError("định dạng có độ rộng quá lớn (giới hạn render_chars)")
        return super().wrap_str_format(value)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        budget = _current()
        budget.tick()
        name = getattr(__obj, "__name__", "")
        if name in _WIDTH_METHODS:
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool):
                    budget.size(value)
            owner = getattr(__obj, "__self__", None)
            if name == "format" and isinstance(owner, str) and _BIG_FORMAT.search(owner):
                raise LimitError("định dạng có độ rộng quá lớn (giới hạn render_chars)")
        return super().call(__context, __obj, *args, **kwargs)


def as_text(value: Any) -> str:
    """A value as Jinja prints `{{ value }}` (without autoescape: `str`), within the size limit."""
    text = str(value)
    _current().size(len(text))
    return text


def render(template: Template, context: dict[str, Any]) -> str:
    """Render a compiled template within the limits: time, and size as it grows."""
    global _budget
    previous, _budget = _budget, _Budget()
    try:
        parts: list[str] = []
        total = 0
        for part in template.generate(context):
            total += len(part)
            _budget.size(total)
            _budget.tick()
            parts.append(part)
        return "".join(parts)
    finally:
        _budget = previous
