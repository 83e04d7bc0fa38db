"""Every command and code block of the README runs as written.

The commands run through bash, in order, from a copy of the project's examples (the
README's commands are written for the project's root folder); a code block that a
line of the README names as a file ("ví dụ tệp `bo-cuc.yaml`:") is written to that
file first. Python blocks run as they are, except those that start a cluster.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Not run here, and why: the test suite itself; a benchmark of minutes; a command that
# runs until Ctrl-C; a cluster.
NOT_RUN = {"bash dev.sh test": "this suite", "python benchmarks/": "a benchmark, minutes long"}
UNTIL_STOPPED = ("--watch", "congvan serve")

CLUSTER = ("dask.distributed", "import ray")


def steps() -> list[tuple[str, str, str]]:
    """(kind, text, file name) in README order: 'command', 'file' (a block to write), 'python', 'yaml'."""
    found: list[tuple[int, tuple[str, str, str]]] = []
    for match in re.finditer(r"^    (\$ )?((?:\.venv/bin/congvan|bash dev\.sh|python) .*)$", README, re.M):
        found.append((match.start(), ("command", match[2], "")))
    for match in re.finditer(r"```(\w*)\n(.*?)```", README, re.S):
        before = README[: match.start()].rstrip().splitlines()[-1]
        named = re.search(r"tệp `([\w./-]+)`:$", before)
        if named:
            found.append((match.start(), ("file", match[2], named[1])))
        elif match[1] in ("python", "yaml"):
            found.append((match.start(), (match[1], match[2], "")))
    return [step for _, step in sorted(found)]


STEPS = steps()


def test_the_readme_has_its_commands():
    commands = [text for kind, text, _ in STEPS if kind == "command"]
    assert len(commands) >= 15
    assert all(not re.search(r"\b(cv|du-thao|danh-sach)\.(yaml|docx|xlsx)\b|drafts/", c) for c in commands), commands


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("du-an")
    # Two dispatches and the mẫu nội dung the README names are enough for its commands
    # (`render examples/ --format pdf` three times is the slow part).
    (root / "examples").mkdir()
    for name in ("bau-cu-2021.yaml", "covid-19-sau-15-9-2021.yaml"):
        shutil.copy(ROOT / "examples" / name, root / "examples" / name)
    shutil.copytree(ROOT / "examples" / "mau", root / "examples" / "mau")
    shutil.copytree(ROOT / "templates", root / "templates")
    for name in ("README.md", "congvan.schema.json"):
        shutil.copy(ROOT / name, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv")
    return root


def test_every_command_and_block_runs_as_written(project):
    ran = 0
    for kind, text, name in STEPS:
        if kind == "file":
            (project / name).write_text(text, encoding="utf-8")
        elif kind == "yaml":
            assert yaml.safe_load(text) is not None or text.strip().startswith("#"), text
        elif kind == "python":
            if any(marker in text for marker in CLUSTER):
                continue
            result = subprocess.run([str(ROOT / ".venv/bin/python"), "-c", text], cwd=project,
                                    capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, f"{text}\n{result.stderr}"
            ran += 1
        elif not any(text.startswith(prefix) for prefix in NOT_RUN) and not any(marker in text for marker in UNTIL_STOPPED):
            # dev.sh works in the project itself (it sets up its .venv there): only its
            # output folder is moved here.
            cwd = ROOT if text.startswith("bash dev.sh") else project
            env = {**os.environ, "OUT": str(project / "out")}
            result = subprocess.run(["bash", "-c", text], cwd=cwd, capture_output=True, text=True,
                                    timeout=600, env=env)
            assert result.returncode == 0, f"{text}\n{result.stdout}\n{result.stderr}"
            assert "Traceback" not in result.stderr, result.stderr
            ran += 1
    assert ran >= 20
    out = project / "out"
    # bash dev.sh examples renders the mẫu nội dung too: one dispatch per row of its table.
    rows = len((project / "examples" / "mau" / "moi-hop.csv").read_text(encoding="utf-8-sig").strip().splitlines()) - 1
    made = {p.name for p in out.glob("*.docx")}
    assert len([n for n in made if "STTTT-VP-2026-12-01" in n]) >= rows, sorted(made)
    assert (project / "mau-co-quan.docx").is_file() and (project / "congvan.schema.json").is_file()
