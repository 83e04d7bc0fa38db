"""`render_many`: many jobs through any executor, incrementally, into one folder.

The parent streams the jobs: it skips those the manifest shows unchanged, sends the
others in small chunks to the executor with a bounded number in flight, and takes
the outcomes back in job order. So the names chosen for colliding outputs (-2, -3…)
do not depend on which worker finished first, and memory does not grow with the
number of jobs.
"""

from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor, TimeoutError
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable, ParamSpec, Sized, TypeVar, cast

from ..docx.template import DEFAULT_TEMPLATE
from ..files import output_folder
from ..layout import DEFAULT_LAYOUT, Layout
from ..limits import Limits, current
from . import pdf, pool
from .folder import OutputFolder
from .jobs import Job, Outcome, Settings, build_chunk, timeout_message
from .manifest import Manifest, digest, digest_values
from .names import DEFAULT_NAME
from .outputs import FORMATS, Landing, Outputs, Result, Summary

P = ParamSpec("P")
T = TypeVar("T")
# A job sent to a worker: its index, the job, and its manifest key and record of what it is made from.
Planned = tuple[int, Job, tuple[str, dict[str, Any]]]


# The journal is synced, and the files wait in staging, until this many records are
# waiting or this long has passed since the last sync.
LAND_RECORDS = 256
LAND_SECONDS = 0.5
# The most jobs sent to a worker at once (a list of known length ends in smaller ones).
CHUNK_LARGEST = 8


class _Inline(Executor):
    """Runs each call at once in this process: one core, nothing to start."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
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
    pdfa: bool = False,
    strict: bool = False,
    layout_file: str | Path | None = None,
    workers: int | None = None,
    chunk_size: int | None = None,
    on_result: Callable[[Result], None] | None = None,
    limits: Limits | None = None,
    resource_folders: Iterable[str | Path] = (),
) -> Summary:
    """Render every job into `output`, rebuilding only what changed since the last run.

    executor: any concurrent.futures.Executor whose workers can import congvan and
    reach `output` (a dask.distributed `client.get_executor()`, Ray's, a pool); None
    starts a process pool of `workers` processes (default: all cores; 1: in this
    process). With "pdf" among the formats each worker process converts and finishes
    its PDFs through its own warm LibreOffice engine (batch.pdf; on dask, the plugin
    of batch.on_dask; on Ray, batch.on_ray.RayExecutor). pdfa: PDF/A-2b. A Result's `warnings` say
    what `congvan check` would report (`congvan.preflight`); strict: such a job fails
    and nothing is written for it; layout_file: where `layout` was read, for their
    lines. on_result is called with each Result once its files are in place (the
    journal is synced for many at once: at most LAND_RECORDS records or LAND_SECONDS
    late), in job order for those rebuilt.
    """
    formats = tuple(f for f in FORMATS if f in set(formats))
    if not formats:
        raise ValueError("formats: cần ít nhất một trong docx, pdf")
    folder = Path(output)
    # A folder made here that the run left empty (every job failed) goes again.
    with output_folder(folder), OutputFolder(folder) as place:
        return _run(jobs, executor, cast(Path, place.staging), folder, formats, name, layout, template, force, convert_legacy,
                    pdfa, strict, layout_file, workers, chunk_size, on_result, limits or current(),
                    tuple(os.fspath(f) for f in resource_folders))


def _run(jobs: Iterable[Job | str | Path], executor: Executor | None, staging: Path, folder: Path,
         formats: tuple[str, ...], name: str, layout: Layout, template: str | Path | None, force: bool,
         convert_legacy: bool, pdfa: bool, strict: bool, layout_file: str | Path | None, workers: int | None,
         chunk_size: int | None, on_result: Callable[[Result], None] | None, limits: Limits,
         resource_folders: tuple[str, ...]) -> Summary:
    template_bytes = Path(template or DEFAULT_TEMPLATE).read_bytes()
    made_from_all = {
        "template": digest(template_bytes),
        "layout": digest(layout.model_dump_json().encode("utf-8")),
        "congvan": _version(),
        "name": name,
        "formats": list(formats),
        "convert_legacy": convert_legacy,
        "pdfa": pdfa,
        "strict": strict,
    }
    settings = Settings(str(staging), name, layout, str(template) if template else None, convert_legacy,
                        strict, str(layout_file) if layout_file else None, pdf="pdf" in formats, pdfa=pdfa,
                        limits=limits, resource_folders=resource_folders)
    manifest = Manifest.load(folder)
    run = Outputs(folder, formats, manifest, on_result)

    own_pool = executor is None
    head: pdf.HeadStart | None = None
    if executor is None:
        workers = workers or os.cpu_count() or 1
        try:
            if workers == 1:
                executor = _Inline()
            else:
                head = pdf.HeadStart(workers) if settings.pdf else None
                executor = pool.start(workers, True, head.residents) if head else pool.start(workers, settings.pdf)
        except KeyboardInterrupt:
            if head is not None:
                head.close()
            manifest.save()
            raise Interrupted(run.summary) from None
    else:
        workers = workers or getattr(executor, "_max_workers", None) or os.cpu_count() or 1
    # A PDF engine this run starts in this process (one core) is this run's to close.
    own_engine = isinstance(executor, _Inline) and settings.pdf and not pdf.running()
    size = len(jobs) if isinstance(jobs, Sized) else None
    tapered = chunk_size is None and size is not None and not isinstance(executor, _Inline)
    if chunk_size is None:
        # A few jobs per call spread its cost (a LibreOffice call through its pipe
        # costs little more); a short list still reaches every worker. In this
        # process: chunks of 16.
        chunk_size = 16 if isinstance(executor, _Inline) else max(1, min(CHUNK_LARGEST, (size or CHUNK_LARGEST * 4 * workers) // (4 * workers)))
    largest = chunk_size

    def wanted(index: int) -> int:
        """The size of the chunk being filled: near the end of a list of known
        length, chunks shrink to a share of what is left, so the workers finish
        together instead of one converting a last full chunk while the others idle."""
        if not tapered or size is None:
            return largest
        return max(1, min(largest, -(-(size - index) // (2 * workers))))

    in_flight: deque[tuple[Future[list[Outcome]], list[Planned], Executor]] = deque()
    pending: list[Planned] = []
    hashes = _InputHashes()
    # How long the parent waits for a chunk before it takes the worker for hung (a
    # job's own limit stops ordinary work inside the worker, this catches the rest;
    # a chunk with PDFs has LibreOffice's own time limits on top).
    patience = (limits.job_seconds * 3 + (120 if settings.pdf else 30)) if limits.job_seconds else None
    current_pool = [executor]
    landing: list[Landing] = []  # outputs recorded in the journal, waiting for its fsync
    synced = [time.monotonic()]

    def send() -> None:
        tasks = [(index, job) for index, job, _ in pending]
        plan = list(pending)
        pending.clear()
        try:
            future = current_pool[0].submit(build_chunk, settings, tasks)
        except BrokenProcessPool:  # a worker died since the last look
            rebuild(current_pool[0])
            future = current_pool[0].submit(build_chunk, settings, tasks)
        in_flight.append((future, plan, current_pool[0]))
        while len(in_flight) > 2 * workers:
            receive()

    def rebuild(broken: Executor) -> None:
        """A worker died or hung: the pool is replaced (once per breakage)."""
        if current_pool[0] is broken:
            pool.kill(cast(ProcessPoolExecutor, broken))  # only a process pool breaks so
            current_pool[0] = pool.start(workers, settings.pdf)

    def alone(index: int, job: Job) -> Outcome:
        """A job of a chunk whose worker died, tried again on its own: if it kills its
        worker again, it fails, and the others go on."""
        executor = current_pool[0]
        try:
            future = executor.submit(build_chunk, settings, [(index, job)])
        except BrokenProcessPool:
            rebuild(executor)
            executor = current_pool[0]
            future = executor.submit(build_chunk, settings, [(index, job)])
        try:
            return future.result(timeout=patience)[0]
        except TimeoutError:
            rebuild(executor)
            return Outcome(index, error=timeout_message(job, limits))
        except BrokenProcessPool:
            rebuild(executor)
            return Outcome(index, error=f"{job.label}: tiến trình xử lý công văn này bị dừng đột ngột "
                                        "(có thể do hết bộ nhớ); các công văn khác vẫn được tạo")

    def receive() -> None:
        future, plan, owner = in_flight.popleft()
        try:
            outcomes = future.result(timeout=patience * len(plan) if own_pool and patience else None)
        except (BrokenProcessPool, TimeoutError) as exc:
            if own_pool:
                rebuild(owner)  # a worker died (OOM killer, crash) or hung: a new pool
                outcomes = [alone(index, job) for index, job, _ in plan]
            else:
                outcomes = _failed(plan, exc)
        except Exception as exc:  # a worker of an outside executor died: its jobs failed, the others go on
            outcomes = _failed(plan, exc)
        for (index, job, (key, made_from)), outcome in zip(plan, outcomes):
            run.finish(job, key, made_from, outcome, landing)
        if len(landing) >= LAND_RECORDS or time.monotonic() - synced[0] >= LAND_SECONDS:
            land()

    def land() -> None:
        """One fsync of the journal for all the records waiting, then their files:
        an fsync costs milliseconds on a busy disk, so it is shared by many files."""
        if landing:
            run.land(landing)
            landing.clear()
        synced[0] = time.monotonic()

    try:
        for index, job in enumerate(jobs):
            job = job if isinstance(job, Job) else Job(job)
            key = job.key
            made_from = {**made_from_all, "input": hashes.of(str(job.source)), "data": digest_values(job.values)}
            if not force and run.skip(job, key, made_from, hashes.of):
                continue
            pending.append((index, job, (key, made_from)))
            if len(pending) >= wanted(pending[0][0]):  # the index of the chunk's first job
                send()
        if pending:
            send()
        while in_flight:
            receive()
    except KeyboardInterrupt:
        clean = False
        raise Interrupted(run.summary) from None
    except BaseException:
        clean = False
        raise
    else:
        clean = True
    finally:
        for future, _, _ in in_flight:
            future.cancel()
        if own_pool and not isinstance(current_pool[0], _Inline):
            if clean:  # workers close their LibreOffice engines on their way out
                current_pool[0].shutdown(wait=True, cancel_futures=True)
            else:  # Ctrl-C, an error: no waiting for a job that may never end
                pool.kill(cast(ProcessPoolExecutor, current_pool[0]))  # this run's own pool
        if head is not None:  # the offices the workers took over, stopped with the pool
            head.close()
        if own_engine:
            pdf.close_engine()
        land()  # what finished before a Ctrl-C or an error lands too
        manifest.save()
    return run.summary


def _failed(plan: list[Planned], exc: BaseException) -> list[Outcome]:
    return [Outcome(index, error=f"{job.label}: tiến trình xử lý bị lỗi ({type(exc).__name__}: {exc})")
            for index, job, _ in plan]


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: what was finished is kept (and recorded), the rest is
    made by the next run. `summary` counts what this run did."""

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary


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
