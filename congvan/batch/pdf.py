"""The PDF step of a batch: DOCX files converted in groups through the pooled engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

GROUP = 32  # conversions handed to the engine at a time

Done = Callable[[Any, "str | None"], None]


class PdfStage:
    """Collects (docx, pdf) pairs and converts them `GROUP` at a time.

    `done(context, error)` is called for every pair once converted (error None) or not.
    """

    def __init__(self, done: Done | None, pdfa: bool = False) -> None:
        self.done = done
        self.pdfa = pdfa
        self.queue: list[tuple[Path, Path, Any]] = []
        self.engine = None

    def add(self, docx: Path, pdf: Path, context: Any) -> None:
        self.queue.append((docx, pdf, context))
        if len(self.queue) >= GROUP:
            self._flush()

    def finish(self) -> None:
        try:
            self._flush()
        finally:
            if self.engine is not None:
                self.engine.__exit__(None, None, None)
                self.engine = None

    def _flush(self) -> None:
        if not self.queue:
            return
        queue, self.queue = self.queue, []
        try:
            results = self._convert([(docx, pdf) for docx, pdf, _ in queue])
        except Exception as exc:  # the engine could not start at all
            for _, _, context in queue:
                self.done(context, f"không tạo được PDF ({exc})")
            return
        for (_, _, context), result in zip(queue, results):
            self.done(context, None if result.ok else f"không tạo được PDF ({result.error})")

    def _convert(self, pairs: list[tuple[Path, Path]]) -> list:
        if self.engine is None:
            from ..pdf import PdfEngine  # LibreOffice, started only when a PDF is asked for

            self.engine = PdfEngine(workers=None, timeout=60.0).__enter__()
        return self.engine.convert(pairs, pdfa=self.pdfa)
