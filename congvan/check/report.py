"""Findings of `congvan check`, and how they are shown (Vietnamese text, or JSON)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .. import kinds
from .parts import OTHER_KINDS

SEVERITY_NAMES = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"}


def kind_name(loai: str) -> str:
    """What the report calls a kind: its name in Phụ lục III's table."""
    kind = kinds.KINDS.get(loai) or next((k for k in OTHER_KINDS if k.loai == loai), None)
    if loai == "phu_luc":  # Mẫu 2.2: a phụ lục in a file of its own
        return "Phụ lục (tệp riêng)"
    return kind.ten.split(" (")[0] if kind else loai


@dataclass
class Finding:
    rule: str  # stable id, e.g. "ngay_so_0"
    severity: str  # error (breaks the decree), warning (allowed but unusual), info
    component: str  # the component as the decree names it
    message: str  # Vietnamese
    section: str  # where the decree says so, e.g. "Phụ lục I, II.4b"
    page: int | None = None  # estimated: page breaks typed or left by Word
    paragraph: int | None = None  # number of the paragraph in its part, from 1 (text and JSON alike)
    text: str = ""  # the faulty line (the first of them)
    count: int = 1  # paragraphs with the same fault


@dataclass
class Report:
    source: str
    findings: list[Finding] = field(default_factory=list)
    kind: str = ""  # what the document was read as: a kind of congvan.kinds, or "none"
    notes: list[str] = field(default_factory=list)  # what could not be checked, and why

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def ok(self) -> bool:
        return self.count("error") == 0

    def errors(self) -> set[str]:
        return {f.rule for f in self.findings if f.severity == "error"}

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.source,
            "kind": self.kind,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "findings": [asdict(f) for f in self.findings],
            "notes": list(self.notes),
        }

    def as_text(self) -> str:
        kind = f" ({kind_name(self.kind)})" if self.kind and self.kind != "none" else ""
        lines = [f"{self.source}{kind}: {self.count('error')} lỗi, {self.count('warning')} cảnh báo"]
        components: dict[str, list[Finding]] = {}
        for finding in self.findings:
            components.setdefault(finding.component, []).append(finding)
        for component, findings in components.items():
            lines.append(f"  {component}")
            for f in findings:
                where = ", ".join(x for x in (f"trang {f.page}" if f.page else "", f"đoạn {f.paragraph}" if f.paragraph is not None else "") if x)
                if f.count > 1:
                    where = f"{f.count} đoạn, đầu tiên: {where}"
                excerpt = f" «{f.text[:50]}{'…' if len(f.text) > 50 else ''}»" if f.text else ""
                lines.append(f"    {SEVERITY_NAMES[f.severity]}: {f.message} [{f.section}]" + (f" ({where}){excerpt}" if where or excerpt else ""))
        for note in self.notes:
            lines.append(f"  {SEVERITY_NAMES['info']}: {note}")
        if not self.findings and self.kind != "none":
            lines.append("  Đúng thể thức Nghị định 30/2020/NĐ-CP ở mọi điểm đã kiểm tra.")
        return "\n".join(lines)
