"""What the bot remembers between runs, in SQLite (the standard library's sqlite3).

- when it first saw each article (so "new since the last digest" means something);
- each digest: (local day, channel) claimed atomically before posting, then marked posted with
  its message ts and article ids. The primary key makes the claim atomic across processes: a
  restart, a double-fired job or two bot processes cannot post the same day twice. A failed
  post releases its claim; a claim left by a process that died is taken over after a while.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

log = logging.getLogger(__name__)

STATE_FILE = "newsbot.sqlite3"
# A claim older than this belongs to a process that died mid-post.
STALE_CLAIM_SECONDS = 600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    article_id TEXT PRIMARY KEY,
    first_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS digests (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'posted')),
    owner TEXT NOT NULL,
    claimed_at REAL NOT NULL,
    posted_at TEXT,
    ts TEXT,
    article_ids TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (day, channel)
);
"""


@dataclass(frozen=True)
class Digest:
    day: date
    channel: str
    status: str
    ts: str | None
    article_ids: tuple[str, ...]
    posted_at: datetime | None


class StateStore:
    def __init__(self, path: Path):
        self.path = path
        self.owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.notice: str | None = None  # what happened to a damaged file, for the admin
        self._lock = threading.RLock()  # one connection, shared by the bot's threads
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open()

    @classmethod
    def in_folder(cls, folder: Path) -> StateStore:
        return cls(folder / STATE_FILE)

    @classmethod
    def in_memory(cls) -> StateStore:
        """A store that forgets everything on exit (a dry run with no state file yet)."""
        return cls(Path(":memory:"))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 30000")
        return db

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            db.executescript(_SCHEMA)
            return db
        except sqlite3.DatabaseError as error:
            aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            try:
                db.close()
            except Exception:  # noqa: BLE001 - closing a broken handle may fail in many ways
                pass
            self.path.rename(aside)
            self.notice = (
                f"state file {self.path} was unreadable ({error}); moved it aside to {aside.name} "
                "and started a fresh one (digest history and first-seen dates are reset)"
            )
            log.warning(self.notice)
            db = self._connect()
            db.executescript(_SCHEMA)
            return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        with self._lock:
            cursor = self._db.execute(sql, params)
            if cursor.description is not None:
                rows = cursor.fetchall()
                return _Rows(rows, cursor.rowcount)
            return cursor

    def _run_many(self, sql: str, rows: list[tuple]) -> None:
        with self._lock:
            self._db.executemany(sql, rows)

    # --- first seen ---------------------------------------------------------------------------

    def record_seen(self, article_ids: list[str], when: datetime) -> None:
        stamp = when.astimezone(UTC).isoformat()
        self._run_many(
            "INSERT OR IGNORE INTO seen (article_id, first_seen) VALUES (?, ?)", [(i, stamp) for i in article_ids]
        )

    def first_seen(self) -> dict[str, datetime]:
        return {row[0]: datetime.fromisoformat(row[1]) for row in self._run("SELECT * FROM seen")}

    # --- digests --------------------------------------------------------------------------------

    def claim(self, day: date, channel: str) -> bool:
        """Atomically take (day, channel) for posting; False if posted or being posted elsewhere."""
        now = time.time()
        try:
            self._run(
                "INSERT INTO digests (day, channel, status, owner, claimed_at) VALUES (?, ?, 'claimed', ?, ?)",
                (day.isoformat(), channel, self.owner, now),
            )
            return True
        except sqlite3.IntegrityError:
            taken = self._run(
                "UPDATE digests SET owner = ?, claimed_at = ? "
                "WHERE day = ? AND channel = ? AND status = 'claimed' AND claimed_at < ?",
                (self.owner, now, day.isoformat(), channel, now - STALE_CLAIM_SECONDS),
            )
            return taken.rowcount == 1

    def release(self, day: date, channel: str) -> None:
        self._run(
            "DELETE FROM digests WHERE day = ? AND channel = ? AND status = 'claimed' AND owner = ?",
            (day.isoformat(), channel, self.owner),
        )

    def mark_posted(self, day: date, channel: str, ts: str, article_ids: list[str], when: datetime) -> None:
        self._run(
            "UPDATE digests SET status = 'posted', ts = ?, article_ids = ?, posted_at = ? "
            "WHERE day = ? AND channel = ?",
            (ts, json.dumps(article_ids), when.astimezone(UTC).isoformat(), day.isoformat(), channel),
        )

    def repost(self, day: date, channel: str, ts: str, when: datetime) -> None:
        """Record that a posted digest was posted again on purpose (--force)."""
        self._run(
            "UPDATE digests SET ts = ?, posted_at = ? WHERE day = ? AND channel = ?",
            (ts, when.astimezone(UTC).isoformat(), day.isoformat(), channel),
        )

    def digest(self, day: date, channel: str) -> Digest | None:
        row = self._run(
            "SELECT day, channel, status, ts, article_ids, posted_at FROM digests WHERE day = ? AND channel = ?",
            (day.isoformat(), channel),
        ).fetchone()
        return _digest(row) if row else None

    def posted(self, channel: str) -> list[Digest]:
        """Posted digests of a channel, oldest first."""
        rows = self._run(
            "SELECT day, channel, status, ts, article_ids, posted_at FROM digests "
            "WHERE channel = ? AND status = 'posted' ORDER BY day",
            (channel,),
        )
        return [_digest(row) for row in rows]


class _Rows(list):
    """Fetched rows, iterable like a cursor, read after the lock is released."""

    def __init__(self, rows, rowcount):
        super().__init__(rows)
        self.rowcount = rowcount

    def fetchone(self):
        return self[0] if self else None


def _digest(row) -> Digest:
    day, channel, status, ts, ids, posted_at = row
    return Digest(
        date.fromisoformat(day),
        channel,
        status,
        ts,
        tuple(json.loads(ids or "[]")),
        datetime.fromisoformat(posted_at) if posted_at else None,
    )
