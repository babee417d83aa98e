"""When digests are due: APScheduler's cron trigger in the configured time zone, which keeps
09:00 local at 09:00 local across daylight-saving changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from ..config import Settings


def zone(settings: Settings) -> ZoneInfo:
    return ZoneInfo(settings.digest_timezone)


def trigger(settings: Settings) -> CronTrigger:
    hour, minute = (int(part) for part in settings.digest_time.split(":"))
    return CronTrigger(day_of_week=settings.digest_days, hour=hour, minute=minute, timezone=zone(settings))


def next_runs(settings: Settings, after: datetime, count: int = 1) -> list[datetime]:
    """The next `count` digest times strictly after `after`, in the digest's time zone."""
    cron, runs, previous = trigger(settings), [], None
    now = after
    while len(runs) < count:
        fire = cron.get_next_fire_time(previous, now + timedelta(microseconds=1))
        runs.append(fire)
        previous, now = fire, fire
    return runs


def scheduled_at(settings: Settings, day: date) -> datetime | None:
    """When the digest of `day` (a local date) is due, or None if `day` is not a digest day."""
    tz = zone(settings)
    start = datetime.combine(day, time(0, 0), tz)
    fire = trigger(settings).get_next_fire_time(None, start)
    return fire if fire and fire.astimezone(tz).date() == day else None


def previous_digest_day(settings: Settings, day: date) -> date | None:
    for back in range(1, 15):
        candidate = day - timedelta(days=back)
        if scheduled_at(settings, candidate):
            return candidate
    return None


def due_now(settings: Settings, now: datetime) -> bool:
    """Today is a digest day and its time has come (so a bot that was down catches up)."""
    local = now.astimezone(zone(settings))
    due = scheduled_at(settings, local.date())
    return due is not None and local >= due
