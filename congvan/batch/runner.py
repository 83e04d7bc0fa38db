"""`render_many`: many jobs through any executor, incrementally, into one folder.

The parent streams the jobs: it skips those the manifest shows unchanged, sends the
others in small chunks to the executor with a bounded number in flight, and takes
the outcomes back in job order. So the names chosen for colliding outputs (-2, -3…)
do not depend on which worker finished first, and memory does not grow with the
number of jobs.
"""

from __future__ import annotations

import os
import shutil
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sized

from ..docx.template import DEFAULT_TEMPLATE
from ..layout import DEFAULT_LAYOUT, Layout
from .jobs import Job, Outcome, Settings, build_chunk, load_job
from .manifest import Manifest, digest, digest_values
from .names import DEFAULT_NAME
from .pdf import PdfStage

STAGING = ".congvan-tmp"
FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Result:
    """What became of one job: done, skipped (unchanged) or failed, and why."""

    job: Job
    status: str  # "done", "skipped", "failed"
    outputs: tuple[str, ...] = ()
    error: str | None = None


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


class _Inline(Executor):
    """Runs each call at once in this process: one core, nothing to start."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def render_many(
    jobs: Iterable[Job | str | Path],
    executor: Executor | None = None,
    *,
    output: str | Path = "out",
    formats: Iterable[str] = ("docx",),
    name: str = DEFAULT_NAME,
    layout: Layout = DEFAULT_LAYOUT,
    template: str | Path | None = None,
    force: bool = False,
    convert_legacy: bool = False,
    workers: int | None = None,
    chunk_size: int | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> Summary:
    """Render every job into `output`, rebuilding only what changed since the last run.

    executor: any concurrent.futures.Executor whose workers can import congvan and
    reach `output` (a dask.distributed `client.get_executor()`, Ray's, a pool); None
    starts a process pool of `workers` processes (default: all cores; 1: in this
    process). on_result is called with each Result as it is known, in job order for
    those rebuilt.
    """
    formats = tuple(f for f in FORMATS if f in set(formats))
    if not formats:
        raise ValueError("formats: cần ít nhất một trong docx, pdf")
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / STAGING
    shutil.rmtree(staging, ignore_errors=True)  # left by an interrupted run
    staging.mkdir()
    template_bytes = Path(template or DEFAULT_TEMPLATE).read_bytes()
    made_from_all = {
        "template": digest(template_bytes),
        "layout": digest(layout.model_dump_json().encode("utf-8")),
        "congvan": _version(),
        "name": name,
        "formats": list(formats),
        "convert_legacy": convert_legacy,
    }
    settings = Settings(str(staging), name, layout, str(template) if template else None, convert_legacy)
    manifest = Manifest.load(folder)
    run = _Run(folder, formats, manifest, on_result, convert_legacy)

    own_pool = executor is None
    if own_pool:
        workers = workers or os.cpu_count() or 1
        executor = _Inline() if workers == 1 else ProcessPoolExecutor(max_workers=workers)
    else:
        workers = workers or getattr(executor, "_max_workers", None) or os.cpu_count() or 1
    if chunk_size is None:
        # A few jobs per call spread its cost; a short list still reaches every worker.
        size = len(jobs) if isinstance(jobs, Sized) else None
        chunk_size = 1 if isinstance(executor, _Inline) else max(1, min(8, (size or 8 * 4 * workers) // (4 * workers)))
    in_flight: deque[tuple[Future, list]] = deque()
    pending: list = []
    hashes = _InputHashes()

    def send() -> None:
        tasks = [(index, job) for index, job, _ in pending]
        plan = list(pending)
        pending.clear()
        in_flight.append((executor.submit(build_chunk, settings, tasks), plan))
        while len(in_flight) > 2 * workers:
            receive()

    def receive() -> None:
        future, plan = in_flight.popleft()
        try:
            outcomes = future.result()
        except Exception as exc:  # a worker died: its jobs failed, the others go on
            outcomes = [Outcome(index, error=f"{job.label}: tiến trình xử lý bị lỗi ({type(exc).__name__}: {exc})") for index, job, _ in plan]
        for (index, job, (key, made_from)), outcome in zip(plan, outcomes):
            run.finish(job, key, made_from, outcome)

    try:
        for index, job in enumerate(jobs):
            job = job if isinstance(job, Job) else Job(job)
            key = job.key
            made_from = {**made_from_all, "input": hashes.of(str(job.source)), "data": digest_values(job.values)}
            if not force and run.skip(job, key, made_from):
                continue
            pending.append((index, job, (key, made_from)))
            if len(pending) >= chunk_size:
                send()
        if pending:
            send()
        while in_flight:
            receive()
        run.pdf.finish()
    finally:
        for future, _ in in_flight:
            future.cancel()
        if own_pool:
            executor.shutdown(wait=True, cancel_futures=True)
        manifest.save()
        shutil.rmtree(staging, ignore_errors=True)
    return run.summary


class _Run:
    """The parent's bookkeeping: names claimed, outputs moved in place, the manifest."""

    def __init__(self, folder: Path, formats: tuple[str, ...], manifest: Manifest, on_result, convert_legacy: bool) -> None:
        self.convert_legacy = convert_legacy
        self.folder = folder
        self.formats = formats
        self.manifest = manifest
        self.owners = manifest.owners()
        self.claimed: set[str] = set()
        self.summary = Summary()
        self.on_result = on_result
        self.pdf = PdfStage(self._pdf_done) if "pdf" in formats else PdfStage(None)

    def report(self, result: Result) -> None:
        self.summary.add(result)
        if self.on_result:
            self.on_result(result)

    def skip(self, job: Job, key: str, made_from: dict) -> bool:
        entry = self.manifest.up_to_date(key, made_from, self.folder)
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

    def finish(self, job: Job, key: str, made_from: dict, outcome: Outcome) -> None:
        if outcome.error is not None:
            self._stale(key)
            self.report(Result(job, "failed", error=outcome.error))
            return
        stem = self.claim(outcome.stem, key)
        # safe_name drops separators and leading dots, so a name cannot leave the folder.
        if os.sep in stem or (os.altsep and os.altsep in stem) or stem.startswith("."):
            raise ValueError(f"unsafe output name {stem!r}")
        docx = self.folder / f"{stem}.docx"
        old = self.manifest.entries.get(key)
        if old and old.get("name") != stem and old.get("name") not in self.claimed:
            for name in old.get("outputs", []):  # this job's previous outputs, under its old name
                (self.folder / name).unlink(missing_ok=True)
        outputs = [f"{stem}.{fmt}" for fmt in self.formats]
        entry = {"input": str(job.source), "data": str(job.data) if job.data is not None else None,
                 "row": job.row, "made_from": made_from, "name": stem, "outputs": outputs}
        result = Result(job, "done", tuple(str(self.folder / o) for o in outputs))
        if "docx" in self.formats:
            try:
                os.replace(outcome.staged, docx)
            except OSError as exc:
                self._stale(key)
                self.report(Result(job, "failed", error=f"{job.label}: không ghi được {docx} ({exc.strerror})"))
                return
            source = docx
        else:
            source = Path(outcome.staged)
        if "pdf" in self.formats:
            self.pdf.add(source, self.folder / f"{stem}.pdf", (key, entry, result, None if source == docx else source))
        else:
            self.manifest.entries[key] = entry
            self.report(result)

    def _stale(self, key: str) -> None:
        """A failed job is built again next time, and keeps the names of its earlier outputs."""
        entry = self.manifest.entries.get(key)
        if isinstance(entry, dict):
            entry["made_from"] = None

    def _pdf_done(self, context, error: str | None) -> None:
        key, entry, result, staged = context
        if staged is not None:  # PDF only: the DOCX was an intermediate
            staged.unlink(missing_ok=True)
        if error is None:
            error = self._finish_pdf(result)
        if error is None:
            self.manifest.entries[key] = entry
            self.report(result)
        else:
            self._stale(key)
            self.report(Result(result.job, "failed", error=f"{result.job.label}: {error}"))

    def _finish_pdf(self, result: Result) -> str | None:
        """Document properties and font checks of the PDF, from the dispatch itself."""
        try:
            from ..pdf import finish_pdf
        except ImportError:
            return None  # an engine without the finishing step: the PDF as converted
        try:
            finish_pdf(Path(result.outputs[-1]), load_job(result.job, self.convert_legacy))
        except Exception as exc:
            return f"không hoàn thiện được PDF ({exc})"
        return None


class _InputHashes:
    """Content hashes of input files, read once per run each (a template serves many rows)."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def of(self, path: str) -> str:
        known = self._seen.get(path)
        if known is None:
            try:
                known = digest(Path(path).read_bytes())
            except OSError:
                known = ""  # the worker reports the missing file
            self._seen[path] = known
        return known


def _version() -> str:
    from .. import __version__

    return __version__
