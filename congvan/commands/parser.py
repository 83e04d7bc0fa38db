"""argparse in Vietnamese: usage, section titles, -h/--help and its error messages.

argparse writes its own texts in English through gettext; rather than changing
gettext for the whole process, this subclass gives each text a Vietnamese one:
the usage prefix in the formatter, the section titles and the help option when the
parser is made, and the error messages (which argparse formats before calling
`error`) translated back from their English patterns.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import Any, NoReturn

USAGE = "Cách dùng: "


class _Usage(argparse.HelpFormatter):
    """The Vietnamese usage prefix, whatever the formatter a command chose."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class HelpFormatter(_Usage):
    """Vietnamese usage prefix; an indented paragraph (an example) is kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            if any(line.startswith(" ") for line in lines):
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append(super()._fill_text(paragraph, width, indent))
        return "\n\n".join(paragraphs)


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose every text a user reads is Vietnamese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        chosen = kwargs.get("formatter_class", HelpFormatter)
        if not issubclass(chosen, _Usage):  # e.g. RawDescriptionHelpFormatter: kept, in Vietnamese
            chosen = type(chosen.__name__, (_Usage, chosen), {})
        kwargs["formatter_class"] = chosen
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {translate(message)} (xem {self.prog} --help)\n")


def _choice(value: str, choices: str, noun: str = "lựa chọn") -> str:
    names = re.findall(r"'([^']*)'", choices)
    close = difflib.get_close_matches(value.strip("'"), names, n=1)
    hint = f"; có phải '{close[0]}'?" if close else ""
    return f"không có {noun} {value} (chọn một trong: {', '.join(names) or choices}){hint}"


def _invalid(kind: str, value: str) -> str:
    kinds = {"int": "số nguyên", "float": "số"}
    return f"{value} không phải {kinds[kind]}" if kind in kinds else f"giá trị {value} không hợp lệ"


_PATTERNS: list[tuple[str, Any]] = [
    (r"the following arguments are required: (.*)", lambda m: f"thiếu đối số bắt buộc: {m[1]}"),
    (r"unrecognized arguments: (.*)", lambda m: f"không hiểu đối số: {m[1]}"),
    # `congvan rendr`: "không có lệnh 'rendr'", the metavar (LỆNH, VIỆC) naming the noun.
    (r"argument ([^-\s][^:]*): invalid choice: (.*) \(choose from (.*)\)", lambda m: _choice(m[2], m[3], m[1].lower())),
    (r"argument (.*?): (.*)", lambda m: f"{m[1]}: {translate(m[2])}"),
    (r"invalid choice: (.*) \(choose from (.*)\)", lambda m: _choice(m[1], m[2])),
    (r"invalid (\w+) value: (.*)", lambda m: _invalid(m[1], m[2])),
    (r"expected one argument", lambda m: "cần một giá trị"),
    (r"expected at most one argument", lambda m: "nhận nhiều nhất một giá trị"),
    (r"expected at least one argument", lambda m: "cần ít nhất một giá trị"),
    (r"expected (\d+) arguments?", lambda m: f"cần {m[1]} giá trị"),
    (r"ambiguous option: (.*) could match (.*)", lambda m: f"tùy chọn {m[1]} chưa rõ, có thể là: {m[2]}"),
    (r"not allowed with argument (.*)", lambda m: f"không dùng cùng với {m[1]}"),
    (r"ignored explicit argument (.*)", lambda m: f"tùy chọn này không nhận giá trị {m[1]}"),
    (r"one of the arguments (.*) is required", lambda m: f"cần một trong các đối số {m[1]}"),
    (r"unexpected option string: (.*)", lambda m: f"tùy chọn không đúng chỗ: {m[1]}"),
]


def translate(message: str) -> str:
    """One of argparse's English error messages → Vietnamese."""
    for pattern, vietnamese in _PATTERNS:
        match = re.fullmatch(pattern, message, re.S)
        if match:
            return str(vietnamese(match))
    return message
