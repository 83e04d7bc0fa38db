"""The manifest: what each output of a folder was made from, so a re-run skips it.

`.congvan-manifest.json` in the output folder holds, per job (input file, and row of
the data table for a template), the content hashes of the input, of the data row,
of the .docx template and of the layout, the congvan version and the options that
shape the output; and the outputs' file names. A job whose record matches and whose
outputs exist is not rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE = ".congvan-manifest.json"
FORMAT = 1


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
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        path = folder / FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["outputs"] if data.get("format") == FORMAT else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}  # missing or damaged: everything is rebuilt
        return cls(path, entries if isinstance(entries, dict) else {})

    def owners(self) -> dict[str, str]:
        """Output stem → the job key that made it."""
        return {entry.get("name"): key for key, entry in self.entries.items() if isinstance(entry, dict)}

    def up_to_date(self, key: str, made_from: dict, folder: Path) -> dict | None:
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or entry.get("made_from") != made_from:
            return None
        if not all((folder / name).is_file() for name in entry.get("outputs", [])):
            return None
        return entry

    def save(self) -> None:
        """Written atomically, and streamed one output per line: never one big string."""
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                os.fchmod(fd, 0o666 & ~_umask())  # as open() would make it; mkstemp makes 0600
                handle.write(f'{{"format": {FORMAT}, "outputs": {{')
                for i, key in enumerate(sorted(self.entries)):
                    entry = json.dumps(self.entries[key], ensure_ascii=False, sort_keys=True)
                    handle.write(f'{"," if i else ""}\n {json.dumps(key, ensure_ascii=False)}: {entry}')
                handle.write("\n}}\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
