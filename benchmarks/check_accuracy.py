"""Precision and recall of `congvan check` over the corpus in tests/check_corpus/.

    python benchmarks/check_accuracy.py            # the figures
    python benchmarks/check_accuracy.py -v         # and every false alarm and miss
    python benchmarks/check_accuracy.py --dan-trang   # laid out through LibreOffice too

A finding counts as true when its rule and its paragraph match a finding a reviewer
wrote down for that document (tests/check_corpus/expected.yaml): the same rule id, and
the expected piece of text found in the finding's line (or, for a finding about the
whole document, no line). Each expected finding is matched at most once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "check_corpus"))

import make_corpus  # noqa: E402

from congvan.check import check_many  # noqa: E402


@dataclass
class Score:
    true: int = 0
    false: list[str] = field(default_factory=list)  # false alarms
    missed: list[str] = field(default_factory=list)
    kinds_right: int = 0
    kinds: int = 0

    @property
    def precision(self) -> float:
        found = self.true + len(self.false)
        return self.true / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true + len(self.missed)
        return self.true / expected if expected else 1.0


def expected() -> dict:
    return yaml.safe_load((ROOT / "tests" / "check_corpus" / "expected.yaml").read_text(encoding="utf-8"))


def matches(finding, want: dict) -> bool:
    if finding.rule != want["rule"]:
        return False
    if want.get("para") is None:
        return not finding.text
    return want["para"] in finding.text


def score_document(report, want: dict, score: Score) -> None:
    name = report.source
    left = list(want.get("findings") or [])
    for finding in report.findings:
        hit = next((w for w in left if matches(finding, w)), None)
        if hit is None:
            score.false.append(f"{name}: {finding.rule} «{finding.text[:40]}» {finding.message}")
        else:
            left.remove(hit)
            score.true += 1
    score.missed.extend(f"{name}: {w['rule']} «{w.get('para') or ''}»" for w in left)
    kind = getattr(report, "kind", None)
    if kind is not None:
        score.kinds += 1
        score.kinds_right += kind == want.get("kind")


def measure(lay_out: bool = False) -> Score:
    score = Score()
    wanted = expected()
    names = make_corpus.names()
    for report in check_many([make_corpus.build(n) for n in names], names, lay_out=lay_out):
        score_document(report, wanted[report.source], score)
    return score


def main(argv: list[str]) -> int:
    score = measure(lay_out="--dan-trang" in argv)
    if "-v" in argv:
        for line in score.false:
            print("báo sai:", line)
        for line in score.missed:
            print("bỏ sót:", line)
    print(f"{len(make_corpus.names())} văn bản; {score.true} phát hiện đúng, {len(score.false)} báo sai, {len(score.missed)} bỏ sót")
    print(f"precision {score.precision:.3f}  recall {score.recall:.3f}")
    if score.kinds:
        print(f"loại văn bản nhận đúng: {score.kinds_right}/{score.kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
