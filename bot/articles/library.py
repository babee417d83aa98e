"""The in-memory library: every article under a folder, deduplicated and indexed."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path

from .model import Article, LoadProblem
from .parse import DEFAULT_MAX_BYTES, SIDECAR_SUFFIXES, ArticleError, is_article_file, parse_file
from .search import SearchIndex, SearchResult, search

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileReport:
    """What loading one file gave: an article, or the one-line reason it was skipped."""

    path: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def article_paths(root: Path) -> list[Path]:
    """Article files under root, in a stable order (so ids and duplicates are deterministic)."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if is_article_file(path):
                found.append(path)
    return found


# Below this many files a process pool costs more than it saves.
_PARALLEL_FROM = 400


def read_one(path: Path, *, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> FileReport:
    """One file as an article, or the one-line reason it is not one. Never raises."""
    relative = str(path.relative_to(root))
    try:
        return FileReport(relative, article=parse_file(path, root=root, max_bytes=max_bytes))
    except ArticleError as exc:
        return FileReport(relative, error=str(exc))
    except (OSError, UnicodeError, ValueError) as exc:
        return FileReport(relative, error=f"could not read: {exc.__class__.__name__}: {exc}")


def _parse_all(paths: list[Path], root: Path, max_bytes: int) -> Iterator[FileReport]:
    read = partial(read_one, root=root, max_bytes=max_bytes)
    # Parsing is CPU-bound pure Python: spread it over the cores for a big first load. Fork
    # is only safe while no other thread runs, so later reloads stay in-process.
    if len(paths) >= _PARALLEL_FROM and (os.cpu_count() or 1) > 1 and threading.active_count() == 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(os.cpu_count(), mp_context=context) as pool:
            yield from pool.map(read, paths, chunksize=64)
    else:
        yield from map(read, paths)


Signature = tuple[int, int, int]


def signature(path: Path) -> Signature:
    """What tells a changed file: its mtime and size, and its sidecar's mtime."""
    stat = path.stat()
    sidecar = 0
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.exists():
            sidecar = candidate.stat().st_mtime_ns
    return stat.st_mtime_ns, stat.st_size, sidecar


def _parse_changed(
    paths: list[Path], root: Path, max_bytes: int, cache: dict[Path, tuple[Signature, FileReport]] | None
) -> Iterator[FileReport]:
    """Parse the files, reusing the cached report of each file that has not changed."""
    if cache is None:
        yield from _parse_all(paths, root, max_bytes)
        return
    signatures = {}
    for path in paths:
        try:
            signatures[path] = signature(path)
        except OSError:
            signatures[path] = (0, 0, 0)  # vanished or unreadable: read_one says why
    stale = [p for p in paths if p not in cache or cache[p][0] != signatures[p]]
    fresh = dict(zip(stale, _parse_all(stale, root, max_bytes), strict=True))
    for path in list(cache):
        if path not in signatures:
            del cache[path]
    for path in paths:
        if path in fresh:
            cache[path] = (signatures[path], fresh[path])
        yield cache[path][1]


def read_folder(
    root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, cache: dict[Path, tuple[Signature, FileReport]] | None = None
) -> list[FileReport]:
    """Parse every article file under root; duplicates and bad files come back as errors.
    With a cache (kept by the caller between calls), unchanged files are not parsed again."""
    reports: list[FileReport] = []
    by_fingerprint: dict[str, str] = {}
    ids: set[str] = set()
    for report in _parse_changed(article_paths(root), root, max_bytes, cache):
        article = report.article
        if article is None:
            reports.append(report)
            continue
        original = by_fingerprint.get(article.fingerprint)
        if original is not None:
            reports.append(FileReport(report.path, error=f"duplicate of {original}"))
            continue
        by_fingerprint[article.fingerprint] = report.path
        article = _unique_id(article, ids)
        ids.add(article.id)
        reports.append(FileReport(report.path, article=article))
    return reports


def _unique_id(article: Article, taken: set[str]) -> Article:
    if article.id not in taken:
        return article
    number = 2
    while f"{article.id}-{number}" in taken:
        number += 1
    return replace(article, id=f"{article.id}-{number}")


class Library:
    """Articles held in memory with their search index. Immutable: reload to pick up changes."""

    def __init__(self, articles: list[Article], problems: list[LoadProblem] | None = None, root: Path | None = None):
        self.articles = tuple(articles)
        self.problems = tuple(problems or ())
        self.root = root
        self._by_id = {a.id: a for a in self.articles}
        self.index = SearchIndex(self.articles)

    @classmethod
    def load(cls, root: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Library:
        root = Path(root)
        if not root.is_dir():
            raise FileNotFoundError(f"articles folder {root} does not exist")
        return cls.from_reports(read_folder(root, max_bytes=max_bytes), root)

    @classmethod
    def from_reports(cls, reports: list[FileReport], root: Path) -> Library:
        problems = [LoadProblem(r.path, r.error) for r in reports if not r.ok]
        duplicates = [p for p in problems if p.error.startswith("duplicate of ")]
        for problem in problems:
            # Duplicates are expected (the same story saved twice); the rest need the admin.
            level = logging.INFO if problem in duplicates else logging.WARNING
            log.log(level, "skipped %s: %s", problem.path, problem.error)
        if duplicates:
            log.info("%d duplicate files folded into the articles they repeat", len(duplicates))
        return cls([r.article for r in reports if r.ok], problems, root)

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def search(self, query: str, limit: int = 5) -> SearchResult:
        return search(self.index, query, limit=limit)

    @cached_property
    def _newest_first(self) -> tuple[Article, ...]:
        return tuple(sorted(self.articles, key=lambda a: (a.published is not None, a.published, a.title), reverse=True))

    def latest(self, count: int = 5) -> list[Article]:
        """Newest first; undated articles last."""
        return list(self._newest_first[:count])


class LiveLibrary:
    """The current Library of a folder, rebuilt when files are added, changed or removed, so a
    new article is searchable (and in the next digest) without a restart. Callable: returns the
    current Library."""

    def __init__(
        self, root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, on_change: Callable[[Library], None] | None = None
    ):
        self.root, self.max_bytes, self.on_change = Path(root), max_bytes, on_change
        self._cache: dict[Path, tuple[Signature, FileReport]] = {}
        self._lock = threading.Lock()
        self._snapshot = self._signatures()
        self.current = Library.from_reports(read_folder(self.root, max_bytes=max_bytes, cache=self._cache), self.root)
        if on_change:
            on_change(self.current)

    def __call__(self) -> Library:
        return self.current

    def _signatures(self) -> dict[Path, Signature]:
        found = {}
        for path in article_paths(self.root):
            try:
                found[path] = signature(path)
            except OSError:
                continue
        return found

    def refresh(self) -> bool:
        """Look at the folder again; True if the library changed."""
        if not self.root.is_dir():
            # Unmounted or moved: keep answering from what is loaded rather than from nothing.
            log.warning("articles folder %s is gone; keeping the %d articles loaded", self.root, len(self.current))
            return False
        with self._lock:
            snapshot = self._signatures()
            if snapshot == self._snapshot:
                return False
            library = Library.from_reports(
                read_folder(self.root, max_bytes=self.max_bytes, cache=self._cache), self.root
            )
            self._snapshot = snapshot
            before = {a.id for a in self.current.articles}
            self.current = library
        added = [a.id for a in library.articles if a.id not in before]
        log.info("articles folder changed: %d articles now (%d new)", len(library), len(added))
        if self.on_change:
            self.on_change(library)
        return True

    def watch(self, every: float) -> threading.Thread:
        """Refresh every `every` seconds in a daemon thread; problems are logged, never fatal."""

        def loop() -> None:
            while True:
                time.sleep(every)
                try:
                    self.refresh()
                except Exception:
                    log.exception("rescanning %s failed; will try again", self.root)

        thread = threading.Thread(target=loop, name="rescan-articles", daemon=True)
        thread.start()
        return thread
