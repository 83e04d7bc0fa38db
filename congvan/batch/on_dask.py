"""`render_many` on dask.distributed: a warm PDF engine in every dask worker.

    from dask.distributed import Client
    from congvan.batch.on_dask import PdfEnginePlugin

    client = Client("tcp://may-chu:8786")
    client.register_plugin(PdfEnginePlugin())
    congvan.render_many(jobs, client.get_executor(), output="/mnt/chung/out", formats=["pdf"])

The plugin starts the worker process's LibreOffice engine as the worker joins (it
warms while the first tasks arrive) and closes it with the worker. Workers must be
processes (dask's default), each with congvan installed and the output folder in
sight (a shared network folder).
"""

from __future__ import annotations

from distributed import Worker, WorkerPlugin

from . import pdf


class PdfEnginePlugin(WorkerPlugin):
    """One warm LibreOffice engine per dask worker process, closed with the worker."""

    name = "congvan-pdf-engine"
    idempotent = True

    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout

    def setup(self, worker: Worker) -> None:
        pdf.start_engine(self.timeout)  # in the background: setup returns at once

    def teardown(self, worker: Worker) -> None:
        pdf.close_engine()
