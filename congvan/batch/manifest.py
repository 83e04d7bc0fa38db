"""The manifest: what each output of a folder was made from, so a re-run skips it.

`.congvan-manifest.json` in the output folder holds, per job (input file, and row of
the data table for a template), the content hashes of the input, of the data row,
of the .docx template and of the layout, the congvan version and the options that
shape the output; and the outputs' file names with the identity of each file
(inode, size, modification time). A job whose record matches and whose outputs are
those very files is not rebuilt.

While a batch runs, each record goes first to the journal `.congvan-journal.jsonl`,
one line per output, appended and fsync'd *before* the finished files are renamed
into place; at the end the journal is folded into the manifest. So after any
interruption (Ctrl-C, SIGKILL, power loss) a re-run knows every name it had claimed
(no `-2` copies of its own files) and rebuilds only what is missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

FILE = ".congvan-manifest.json"
JOURNAL = ".congvan-journal.jsonl"
FORMAT = 1


def fingerprint(path: Path) -> list[int]:
    """Which file this is: a rename keeps it, a rewrite changes it."""
    stat = path.stat()
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_values(values: Any) -> str:
    """A hash of data values that does not depend on key order."""
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return digest(text.encode("utf-8"))


@dataclass
class Manifest:
    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # job key → its record (JSON)
    journal: int | None = None  # the open journal's descriptor while a batch runs

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        path = folder / FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["outputs"] if data.get("format") == FORMAT else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}  # missing or damaged: everything is rebuilt
        manifest = cls(path, entries if isinstance(entries, dict) else {})
        manifest._replay(folder / JOURNAL)
        return manifest

    def _replay(self, journal: Path) -> None:
        """The records of an interrupted run, over the manifest; a torn last line is dropped."""
        entries: dict[str, dict[str, Any] | None] = dict(self.entries)  # None: the job's record withdrawn
        try:
            with journal.open("rb") as handle:
                for raw in handle:
                    try:
                        record = json.loads(raw)
                        key, entry = record["key"], record["entry"]
                    except (ValueError, KeyError, TypeError):
                        continue
                    if isinstance(key, str) and (entry is None or isinstance(entry, dict)):
                        entries[key] = entry
        except OSError:
            pass
        self.entries = {k: v for k, v in entries.items() if v is not None}

    def record(self, key: str, entry: dict[str, Any], sync: bool = True) -> None:
        """Note an output before it lands: appended to the journal and on disk before
        this returns (sync=False: on disk at the next `sync()`, one for a whole chunk)."""
        self.entries[key] = entry
        if self.journal is None:
            journal = self.path.parent / JOURNAL
            self.journal = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
            # A line torn by an earlier kill must not swallow the first record of this run.
            os.write(self.journal, b"\n")
        line = json.dumps({"key": key, "entry": entry}, ensure_ascii=False, sort_keys=True) + "\n"
        os.write(self.journal, line.encode("utf-8"))
        if sync:
            os.fsync(self.journal)

    def sync(self) -> None:
        """The records written so far, on disk."""
        if self.journal is not None:
            os.fsync(self.journal)

    def owners(self) -> dict[str, str]:
        """Output stem → the job key that made it."""
        return {entry["name"]: key for key, entry in self.entries.items() if isinstance(entry, dict) and isinstance(entry.get("name"), str)}

    def up_to_date(self, key: str, made_from: dict[str, Any], folder: Path,
                   hash_of: Callable[[str], str] | None = None) -> dict[str, Any] | None:
        """The entry of a job whose output is still what these inputs make; `hash_of`
        gives the current hash of a file the data named (its `layout:` template)."""
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or entry.get("made_from") != made_from:
            return None
        for path, known in (entry.get("uses") or {}).items():
            if hash_of is None or hash_of(path) != known:
                return None  # the agency's template (or profile) was edited since
        files = entry.get("files") or {}
        for name in entry.get("outputs", []):
            try:
                if fingerprint(folder / name) != files.get(name, fingerprint(folder / name)):
                    return None  # not the file this job wrote (it never landed, or was replaced)
            except OSError:
                return None
            if not (folder / name).is_file():
                return None
        return entry

    def save(self) -> None:
        """Written atomically, and streamed one output per line: never one big string.
        A manifest that would record nothing, where there was none, is not written: it
        would tell a re-run nothing, and a run whose every job failed leaves no file."""
        if not self.entries and not self.path.exists():
            self._close_journal()
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                os.fchmod(fd, 0o666 & ~_umask())  # as open() would make it; mkstemp makes 0600
                handle.write(f'{{"format": {FORMAT}, "outputs": {{')
                for i, key in enumerate(sorted(self.entries)):
                    entry = json.dumps(self.entries[key], ensure_ascii=False, sort_keys=True)
                    handle.write(f'{"," if i else ""}\n {json.dumps(key, ensure_ascii=False)}: {entry}')
                handle.write("\n}}\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._close_journal()  # folded into the manifest

    def _close_journal(self) -> None:
        """The journal starts again empty."""
        if self.journal is not None:
            os.close(self.journal)
            self.journal = None
        (self.path.parent / JOURNAL).unlink(missing_ok=True)
