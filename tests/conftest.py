"""Shared fixtures: the project's own seeds, hand-written fixture articles, the BBC corpus
(when it is beside the project) and a runner for the real command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
BBC = PROJECT.parent / "shared" / "corpus" / "bbc"
SEED_FILE = SEEDS / "china-can-lead-in-ai-huawei-cloud-ceo.txt"


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]


def clean_env(**settings: str) -> dict:
    """This process's environment without any newsbot setting a developer may have exported,
    plus the given ones: what a `python -m bot` subprocess in a test sees."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SEEDS_", "DIGEST_"))}
    env.update({"COLUMNS": "120", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    env.update(settings)
    return env


def run_cli(*args: str, stdin: str | None = None, env: dict | None = None, cwd: Path | None = None) -> CliResult:
    """Run `python -m bot ...` as a user would, in a clean environment (no .env, no Slack)."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_env(**(env or {})),
        cwd=cwd or PROJECT,
        timeout=120,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A writable folder with the shipped seed (and its sidecar) and the fixture articles."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    for path in FIXTURES.iterdir():
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def bbc_articles() -> Path:
    folder = BBC / "articles"
    if not folder.is_dir():
        pytest.skip(f"BBC corpus not found at {BBC} (it lives in ../shared beside the project)")
    return folder
