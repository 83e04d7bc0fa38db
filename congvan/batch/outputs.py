"""The parent's side of a batch: names claimed, outputs moved in place, the manifest.

Outcomes come back in job order, so the suffixes of colliding names (-2, -3…) never
depend on which worker finished first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, cast

from ..explain import os_reason
from .jobs import Job, Outcome
from .manifest import Manifest, fingerprint

FORMATS = ("docx", "pdf")
Move = tuple[str, Path]  # a staged file and where it lands


@dataclass(frozen=True)
class Result:
    """What became of one job: done, skipped (unchanged) or failed, and why."""

    job: Job
    status: str  # "done", "skipped", "failed"
    outputs: tuple[str, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()  # said before writing: what `congvan check` would report


# A job's files waiting for the records of its chunk to be on disk: job, key, moves,
# result; a failed job waits too, with no key and no files, to be reported in its turn.
Landing = tuple[Job, str | None, list[Move], Result]


@dataclass
class Summary:
    """Counts, and the failures with their reasons. Each Result goes to `on_result`
    as it is known; the summary keeps only the failed ones, so a batch of any size
    leaves a summary of the same size."""

    done: int = 0
    skipped: int = 0
    failed: list[Result] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, result: Result) -> None:
        if result.status == "failed":
            self.failed.append(result)
        elif result.status == "done":
            self.done += 1
        else:
            self.skipped += 1


class Outputs:
    """The parent's bookkeeping: names claimed, outputs moved in place, the manifest."""

    def __init__(self, folder: Path, formats: tuple[str, ...], manifest: Manifest,
                 on_result: Callable[[Result], None] | None) -> None:
        self.folder = folder
        self.formats = formats
        self.manifest = manifest
        self.owners = manifest.owners()
        self.claimed: set[str] = set()
        self.summary = Summary()
        self.on_result = on_result

    def report(self, result: Result) -> None:
        self.summary.add(result)
        if self.on_result:
            self.on_result(result)

    def skip(self, job: Job, key: str, made_from: dict[str, Any], hash_of: Callable[[str], str] | None = None) -> bool:
        entry = self.manifest.up_to_date(key, made_from, self.folder, hash_of)
        if entry is None or entry.get("name") in self.claimed:
            return False
        self.claimed.add(entry["name"])
        self.report(Result(job, "skipped", tuple(str(self.folder / o) for o in entry["outputs"])))
        return True

    def _free(self, stem: str, key: str) -> bool:
        if stem in self.claimed:
            return False
        owner = self.owners.get(stem)
        if owner is not None:
            return owner == key
        # Not ours: never overwrite a file someone else put there.
        return not any(os.path.exists(os.path.join(self.folder, f"{stem}.{fmt}")) for fmt in self.formats)

    def claim(self, stem: str, key: str) -> str:
        candidate, n = stem, 1
        while not self._free(candidate, key):
            n += 1
            candidate = f"{stem}-{n}"
        self.claimed.add(candidate)
        return candidate

    def finish(self, job: Job, key: str, made_from: dict[str, Any], outcome: Outcome,
               landing: list[Landing] | None = None) -> None:
        """Record one outcome and land its files; with `landing`, the files wait there
        for `land()`, which makes all the records waiting durable with one fsync
        before any of their files lands."""
        if outcome.error is not None:
            self._stale(key)
            self._later(Result(job, "failed", error=outcome.error), landing)
            return
        # An outcome without error names its stem and its staged files (the PDF when asked).
        stem = self.claim(cast(str, outcome.stem), key)
        # safe_name drops separators and leading dots, so a name cannot leave the folder.
        if os.sep in stem or (os.altsep and os.altsep in stem) or stem.startswith("."):
            raise ValueError(f"unsafe output name {stem!r}")
        docx = self.folder / f"{stem}.docx"
        old = self.manifest.entries.get(key)
        if old and old.get("name") != stem and old.get("name") not in self.claimed:
            for name in old.get("outputs", []):  # this job's previous outputs, under its old name
                (self.folder / name).unlink(missing_ok=True)
        outputs = [f"{stem}.{fmt}" for fmt in self.formats]
        moves: list[Move] = []
        if "docx" in self.formats:
            moves.append((cast(str, outcome.staged), docx))
        if "pdf" in self.formats:
            moves.append((cast(str, outcome.pdf), self.folder / f"{stem}.pdf"))  # converted and finished by the worker
        for end, staged_docx, staged_pdf in outcome.extras:  # Mẫu 2.2: its phụ lục files, named after it
            outputs += [f"{stem}{end}.{fmt}" for fmt in self.formats]
            # A format asked for has its staged file (the worker made the PDF).
            moves += [(cast(str, staged), self.folder / f"{stem}{end}.{fmt}") for fmt, staged in (("docx", staged_docx), ("pdf", staged_pdf)) if fmt in self.formats]
        entry: dict[str, Any] = {"input": str(job.source), "data": str(job.data) if job.data is not None else None,
                                 "row": job.row, "made_from": made_from, "name": stem, "outputs": outputs}
        if outcome.uses:
            entry["uses"] = outcome.uses
        result = Result(job, "done", tuple(str(self.folder / o) for o in outputs), warnings=outcome.warnings)
        # Recorded (journal, fsync) before anything lands, with the identity of each
        # staged file, which the rename keeps: after a kill at any point the next run
        # knows the name is this job's and whether the file there is the finished one.
        try:
            entry["files"] = {Path(target).name: fingerprint(Path(staged)) for staged, target in moves}
            self.manifest.record(key, entry, sync=landing is None)
        except OSError as exc:
            self._stale(key)
            self._later(Result(job, "failed", error=f"{job.label}: không ghi được sổ ghi {self.folder}: {os_reason(exc)}"), landing)
            return
        if landing is not None:
            landing.append((job, key, moves, result))
        else:
            self._land(job, key, moves, result)

    def _later(self, result: Result, landing: list[Landing] | None) -> None:
        """A result reported now, or in its turn among the landing files (job order)."""
        if landing is None:
            self.report(result)
        else:
            landing.append((result.job, None, [], result))

    def land(self, landing: list[Landing]) -> None:
        """The files waiting in place, once their records are on disk."""
        try:
            self.manifest.sync()
        except OSError as exc:
            for job, key, moves, result in landing:
                if key is None:  # failed already
                    self.report(result)
                    continue
                self._stale(key)
                self.report(Result(job, "failed", error=f"{job.label}: không ghi được sổ ghi {self.folder}: {os_reason(exc)}"))
            return
        for item in landing:
            self._land(*item)

    def _land(self, job: Job, key: str | None, moves: list[Move], result: Result) -> None:
        for staged, target in moves:
            try:
                os.replace(staged, target)
            except OSError as exc:
                self._stale(cast(str, key))  # a job with files to land has its key
                self.report(Result(job, "failed", error=f"{job.label}: không ghi được {target}: {os_reason(exc)}"))
                return
        self.report(result)

    def _stale(self, key: str) -> None:
        """A failed job is built again next time, and keeps the names of its earlier outputs."""
        entry = self.manifest.entries.get(key)
        if isinstance(entry, dict):
            entry["made_from"] = None
