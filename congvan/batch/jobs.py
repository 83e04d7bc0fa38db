"""Jobs and the worker side of a batch.

A job is a small picklable description (a file, and for a template its values); a
worker loads, fills, validates and renders it, writes the DOCX to a staging file and
returns a small outcome. Rendered bytes never travel back, so memory stays flat and
any `concurrent.futures.Executor` (a process pool, dask, Ray) can run the work.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any, Iterator, Mapping, NoReturn, cast

from ..errors import CongVanError
from ..explain import os_reason
from ..layout import Layout
from ..limits import DEFAULT as DEFAULT_LIMITS, Limits, using
from ..resources import allowing
from ..model import CongVan
from ..preflight import preflight
from ..reader import load_mapping, to_dispatch
from ..render import own_file_titles, writer_for
from ..validation import Lines
from . import pdf
from .manifest import digest
from .names import PatternError, expand, fields, safe_name


@lru_cache(maxsize=256)
def _absolute(path: str) -> str:
    return Path(os.path.abspath(path)).as_posix()


@dataclass(frozen=True)
class Job:
    """One dispatch to build.

    source: the dispatch or template file. values: the variables of a template (None:
    the file as written, a template taking its `bien:` defaults). data, row: where the
    values came from (a table and its row), for messages, names and the manifest.
    """

    source: str | Path
    values: Mapping[str, Any] | None = None
    data: str | Path | None = None
    row: int | None = None

    @property
    def key(self) -> str:
        """Identity of the job in the manifest."""
        key = _absolute(str(self.source))
        if self.data is not None or self.row is not None:
            data = _absolute(str(self.data)) if self.data is not None else ""
            key += f"|{data}#{self.row if self.row is not None else ''}"
        return key

    @property
    def label(self) -> str:
        """How errors name the job: the file, and the table row its values came from."""
        where = [str(self.data)] if self.data is not None else []
        if self.row is not None:
            where.append(f"dòng {self.row}")
        return f"{self.source} (dữ liệu: {', '.join(where)})" if where else str(self.source)


@dataclass(frozen=True)
class Settings:
    """What every job of a batch shares; sent along with each chunk of jobs."""

    staging: str
    name: str
    layout: Layout
    template: str | None
    convert_legacy: bool
    strict: bool = False  # a dispatch with a notice of the shared rules fails
    layout_file: str | None = None  # where `layout` was read, for the notices' lines
    pdf: bool = False  # the worker converts and finishes the PDF too
    pdfa: bool = False
    limits: Limits = field(default=DEFAULT_LIMITS)
    resource_folders: tuple[str, ...] = ()  # where data may name files, besides its own folder


class JobTimeout(BaseException):
    """A job ran past the limit job_seconds (a BaseException: no `except Exception`
    on the way, such as a template's, may take it for the job's own error)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """SIGALRM after `seconds` in this process's main thread (elsewhere: no limit here;
    the batch's own watch still stops a worker that hangs)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> NoReturn:
        raise JobTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_message(job: Job, limits: Limits) -> str:
    return f"{job.label}: quá {limits.job_seconds:g} giây cho một công văn (giới hạn job_seconds), đã dừng"


@dataclass(frozen=True)
class Outcome:
    index: int
    stem: str | None = None
    staged: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()  # what `congvan check` would report, said from the data
    pdf: str | None = None  # the staged, finished PDF
    # Phụ lục issued as files of their own (Mẫu 2.2): (end of name, staged DOCX, staged PDF).
    extras: tuple[tuple[str, str, str | None], ...] = ()
    # Files the data named that shape the output (its `layout:` template or profile),
    # with their content hashes: the manifest rebuilds the output when one changes.
    uses: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=32)
def _parsed(path: str, _mtime: int, _size: int) -> tuple[dict[Any, Any], Lines]:
    """A file parsed once per worker, for the many rows of one template."""
    return load_mapping(Path(path))


def load_job(job: Job, convert_legacy: bool = False) -> CongVan:
    """The dispatch of a job: its file read (once per worker for a template's rows) and filled."""
    return read_job(job, convert_legacy)[0]


def read_job(job: Job, convert_legacy: bool = False) -> tuple[CongVan, Lines]:
    """The dispatch of a job and the lines of its file's fields."""
    path = Path(job.source)
    try:
        stat = path.stat()
    except OSError:
        data, lines = load_mapping(path)  # gives the Vietnamese error for the file
    else:
        data, lines = _parsed(str(path), stat.st_mtime_ns, stat.st_size)
    return to_dispatch(data, lines, path, source=job.label, values=job.values, convert_legacy=convert_legacy), lines


def build(job: Job, settings: Settings, index: int = 0) -> Outcome:
    """Load, fill, validate and render one job into the staging folder; never raises."""
    return _build(job, settings, index)[0]


def _build(job: Job, settings: Settings, index: int) -> tuple[Outcome, CongVan | None]:
    try:
        with using(settings.limits), allowing(settings.resource_folders), time_limit(settings.limits.job_seconds):
            return _build_one(job, settings, index)
    except JobTimeout:
        return Outcome(index, error=timeout_message(job, settings.limits)), None


def _build_one(job: Job, settings: Settings, index: int) -> tuple[Outcome, CongVan | None]:
    path = Path(job.source)
    try:
        cv, lines = read_job(job, settings.convert_legacy)
        stem = safe_name(expand(settings.name, fields(cv, path.stem, job.row, job.values)))
        writer = writer_for(cv, settings.layout, settings.template)
        notices = tuple(str(n) for n in preflight(cv, writer, job.label, lines, settings.layout_file))
        if notices and settings.strict:
            return Outcome(index, error="\n".join(notices)), None  # nothing written
        payload = writer.to_bytes(cv)
        # The staging folder is this run's own; a job's index names its file there
        # (written again if the job is retried after its worker died).
        staged = _stage(settings, f"{index}.docx", payload)
        # Mẫu 2.2: a phụ lục issued as an electronic file of its own, beside the document.
        extras = tuple((end, _stage(settings, f"{index}{end}.docx", data), None) for end, data in writer.appendix_files(cv))
        return Outcome(index, stem, staged, warnings=notices, extras=extras, uses=_uses(cv)), cv
    except CongVanError as exc:
        return Outcome(index, error=str(exc)), None
    except PatternError as exc:
        return Outcome(index, error=f"{job.label}: {exc}"), None
    except OSError as exc:  # disk full, read-only folder
        return Outcome(index, error=f"{job.label}: không ghi được tệp kết quả: {os_reason(exc)}"), None
    except Exception as exc:  # one bad input never stops the others
        return Outcome(index, error=f"{job.label}: lỗi không lường trước ({type(exc).__name__}: {exc})"), None


def _stage(settings: Settings, name: str, payload: bytes) -> str:
    staged = os.path.join(settings.staging, name)
    fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)  # less the umask, as open() does
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    return staged


def _uses(cv: CongVan) -> dict[str, str]:
    """The `layout:` file of a dispatch and its hash (read again: it was just used)."""
    if not cv.layout:
        return {}
    try:
        return {str(cv.layout): digest(Path(cv.layout).read_bytes())}
    except OSError:
        return {}


def build_chunk(settings: Settings, tasks: list[tuple[int, Job]]) -> list[Outcome]:
    """The unit of work sent to an executor: a few jobs, to spread the call overhead.

    With PDF asked for, the worker's own engine starts warming before the first DOCX
    is written; each DOCX is handed to it as soon as it is written, and the PDFs are
    finished in turn while the later ones convert."""
    if not settings.pdf:
        return [build(job, settings, index) for index, job in tasks]
    pdf.start_engine()
    built: list[tuple[Outcome, CongVan | None]] = []
    files: list[int] = []  # the job index of each file handed to the engine, in order
    with pdf.Conversions(settings.pdfa) as conversions:
        for index, job in tasks:
            outcome, cv = _build(job, settings, index)
            built.append((outcome, cv))
            if outcome.error is not None or cv is None:
                continue
            # Each job's files: its document, then the phụ lục files it issues (Mẫu 2.2).
            # A phụ lục file's PDF is titled as its DOCX is ("Phụ lục II …"), not as the document.
            titles = own_file_titles(cv) if outcome.extras else {}
            for end, docx in (("", cast(str, outcome.staged)), *((e[0], e[1]) for e in outcome.extras)):
                conversions.add(Path(docx), Path(docx).with_suffix(".pdf"), cv, job.label, titles.get(end) if end else None)
                files.append(index)
        results = conversions.finish()
    errors: dict[int, list[str | None]] = {}
    for index, error in zip(files, results):
        errors.setdefault(index, []).append(error)
    outcomes = []
    for outcome, _ in built:
        if outcome.error is None:
            error = next((e for e in errors[outcome.index] if e), None)
            staged_pdf = os.path.join(settings.staging, f"{outcome.index}.pdf")
            extras = tuple((end, docx, str(Path(docx).with_suffix(".pdf"))) for end, docx, _ in outcome.extras)
            outcome = replace(outcome, error=error, pdf=None if error else staged_pdf, extras=extras)
        outcomes.append(outcome)
    return outcomes
