"""The digest running beside the bot (or in its own clock process): the schedule, catch-up
after downtime, and first-seen bookkeeping as new article files arrive."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from slack_sdk import WebClient

from ..articles import Library
from ..config import Settings
from ..slack.blocks import Message, digest_message
from .post import Outcome, plan_for, post_digest
from .schedule import due_now, next_runs, trigger, zone
from .store import StateStore

log = logging.getLogger(__name__)


def now_utc() -> datetime:
    return datetime.now(UTC)


def record_seen(store: StateStore, library: Library) -> None:
    """Remember when each article was first seen (what 'new since the last digest' means)."""
    store.record_seen([a.id for a in library.articles], now_utc())


class DigestService:
    def __init__(self, settings: Settings, library, store: StateStore, client: WebClient | None = None):
        self.settings, self.library, self.store, self.client = settings, library, store, client
        self.scheduler: BackgroundScheduler | None = None

    def post(self, *, force: bool = False) -> Outcome:
        outcome = post_digest(self.settings, self.library(), self.store, self.client, now_utc(), force=force)
        log.info("digest: %s", outcome.detail)
        return outcome

    def preview(self) -> Message:
        """What the next digest would hold, right now (nothing is claimed or recorded)."""
        return digest_message(plan_for(self.settings, self.library(), self.store, now_utc()))

    def _job(self) -> None:
        try:
            self.post()
        except Exception:
            log.exception("the digest job failed; it will run again at the next scheduled time")

    def start(self) -> BackgroundScheduler:
        scheduler = BackgroundScheduler(timezone=zone(self.settings))
        # coalesce: runs missed while the process was paused become one; max_instances: never two at once.
        scheduler.add_job(
            self._job, trigger(self.settings), id="digest", coalesce=True, max_instances=1, misfire_grace_time=3600
        )
        scheduler.start()
        self.scheduler = scheduler
        first = next_runs(self.settings, now_utc())[0]
        log.info(
            "digest to %s scheduled %s at %s %s; next %s",
            self.settings.digest_channel,
            self.settings.digest_days,
            self.settings.digest_time,
            self.settings.digest_timezone,
            first.isoformat(),
        )
        if self.settings.digest_catch_up and due_now(self.settings, now_utc()):
            # Down at the scheduled time: post now (posts nothing if today's is already out).
            scheduler.add_job(self._job, id="digest-catch-up")
        return scheduler
