"""Batches: many dispatches and templates rendered in parallel, incrementally.

    import congvan
    summary = congvan.render_many(["a.yaml", congvan.Job("mau.yaml", {"don_vi": "Viettel"})], output="out")
"""

from .jobs import Job
from .names import DEFAULT_NAME, safe_name
from .outputs import Result, Summary
from .folder import FolderBusy
from .runner import Interrupted, render_many

__all__ = ["DEFAULT_NAME", "FolderBusy", "Interrupted", "Job", "Result", "Summary", "render_many", "safe_name"]
