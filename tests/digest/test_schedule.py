"""Schedule computation in several time zones, across daylight-saving changes, frozen clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.digest.schedule import due_now, next_runs, previous_digest_day, scheduled_at


def settings(**values) -> Settings:
    return Settings(_env_file=None, **values)


def test_london_keeps_nine_local_across_the_spring_change():
    # UK clocks go forward on Sunday 29 March 2026.
    london = settings(digest_time="09:00", digest_timezone="Europe/London", digest_days="mon-fri")
    friday, monday = next_runs(london, datetime(2026, 3, 26, 12, 0, tzinfo=UTC), 2)
    assert (friday.date(), friday.hour, friday.astimezone(UTC).hour) == (date(2026, 3, 27), 9, 9)  # GMT
    assert (monday.date(), monday.hour, monday.astimezone(UTC).hour) == (date(2026, 3, 30), 9, 8)  # BST


def test_new_york_keeps_nine_local_across_the_autumn_change():
    # US clocks go back on Sunday 1 November 2026.
    new_york = settings(digest_time="09:00", digest_timezone="America/New_York", digest_days="mon-fri")
    friday, monday = next_runs(new_york, datetime(2026, 10, 30, 0, 0, tzinfo=UTC), 2)
    assert friday.astimezone(UTC) == datetime(2026, 10, 30, 13, 0, tzinfo=UTC)  # EDT
    assert monday.astimezone(UTC) == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)  # EST


def test_days_and_zones_without_dst():
    tokyo = settings(digest_time="07:30", digest_timezone="Asia/Tokyo", digest_days="mon,wed,fri")
    runs = next_runs(tokyo, datetime(2026, 11, 26, 0, 0, tzinfo=UTC), 3)  # a Thursday
    assert [r.strftime("%a %H:%M") for r in runs] == ["Fri 07:30", "Mon 07:30", "Wed 07:30"]
    assert runs[0].astimezone(UTC) == datetime(2026, 11, 26, 22, 30, tzinfo=UTC)  # Friday in Tokyo


def test_the_local_day_decides_not_utc():
    # 23:30 UTC on Thursday is already Friday 08:30 in Sydney: Friday's digest is not due yet.
    sydney = settings(digest_time="09:00", digest_timezone="Australia/Sydney", digest_days="*")
    assert not due_now(sydney, datetime(2026, 11, 26, 21, 30, tzinfo=UTC))
    assert due_now(sydney, datetime(2026, 11, 26, 22, 0, tzinfo=UTC))


def test_due_now_only_on_digest_days_after_the_time():
    weekdays = settings(digest_time="09:00", digest_timezone="UTC", digest_days="mon-fri")
    assert not due_now(weekdays, datetime(2026, 11, 26, 8, 59, tzinfo=UTC))
    assert due_now(weekdays, datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    assert not due_now(weekdays, datetime(2026, 11, 28, 12, 0, tzinfo=UTC))  # Saturday
    assert scheduled_at(weekdays, date(2026, 11, 28)) is None


def test_previous_digest_day_skips_days_off():
    weekdays = settings(digest_days="mon-fri")
    assert previous_digest_day(weekdays, date(2026, 11, 30)) == date(2026, 11, 27)  # Monday -> Friday
    assert previous_digest_day(weekdays, date(2026, 11, 26)) == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("digest_time", "9am", "HH:MM"),
        ("digest_timezone", "Mars/Olympus", "IANA time zone"),
        ("digest_days", "weekdays", "cron day-of-week"),
        ("digest_channel", "#general", "channel ID"),
        ("digest_when_nothing_new", "repeat", "skip or archive"),
    ],
)
def test_bad_digest_settings_are_named(name, value, message):
    with pytest.raises(ValueError, match=message):
        settings(**{name: value})


def test_zone_names_are_real():
    assert settings(digest_timezone="Europe/London").digest_timezone == "Europe/London"
    assert ZoneInfo("Europe/London")
