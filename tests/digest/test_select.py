"""What goes in a digest: new first, never twice while something is unfeatured, gaps noted."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.articles import Library
from bot.digest.select import plan_digest
from bot.digest.store import Digest

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


@pytest.fixture
def library(library_dir):
    return Library.load(library_dir)


def ids(plan) -> list[str]:
    return [a.id for a in plan.articles]


def test_first_digest_features_everything_newest_first(library):
    seen = {a.id: T0 for a in library.articles}
    plan = plan_digest(
        library,
        day=date(2026, 11, 20),
        size=3,
        policy="archive",
        first_seen=seen,
        posted=[],
        previous_digest_day=date(2026, 11, 19),
    )
    assert len(plan.articles) == 3
    # Seen at the same moment: the most recently published lead.
    assert ids(plan)[0] == "city-library-reopens-with-a-night-time-reading-room"
    assert plan.since is None


def test_new_articles_come_first_and_nothing_repeats_while_some_are_unfeatured(library):
    seen = {a.id: T0 for a in library.articles}
    first = [
        "city-library-reopens-with-a-night-time-reading-room",
        "china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo",
    ]
    posted = [Digest(date(2026, 11, 20), "C1", "posted", "1.1", tuple(first), T0 + timedelta(hours=1))]
    seen["rail-strike-called-off-after-last-minute-pay-offer"] = T0 + timedelta(days=1)  # arrived after
    plan = plan_digest(
        library,
        day=date(2026, 11, 23),
        size=2,
        policy="archive",
        first_seen=seen,
        posted=posted,
        previous_digest_day=date(2026, 11, 20),
    )
    assert ids(plan) == [
        "rail-strike-called-off-after-last-minute-pay-offer",
        "harbour-town-approves-offshore-wind-farm-after-two-year-fight",
    ]
    assert plan.new == {"rail-strike-called-off-after-last-minute-pay-offer"}


def test_archive_refills_with_the_least_recently_featured_and_skip_posts_nothing(library):
    every = [a.id for a in library.articles]
    seen = {a.id: T0 for a in library.articles}
    posted = [
        Digest(date(2026, 11, 18), "C1", "posted", "1.1", (every[0],), T0 - timedelta(days=2)),
        Digest(date(2026, 11, 19), "C1", "posted", "1.2", tuple(every[1:]), T0 - timedelta(days=1)),
    ]
    archive = plan_digest(
        library,
        day=date(2026, 11, 20),
        size=2,
        policy="archive",
        first_seen=seen,
        posted=posted,
        previous_digest_day=date(2026, 11, 19),
    )
    assert ids(archive)[0] == every[0]  # featured longest ago
    assert archive.new == frozenset()
    skip = plan_digest(
        library,
        day=date(2026, 11, 20),
        size=2,
        policy="skip",
        first_seen=seen,
        posted=posted,
        previous_digest_day=date(2026, 11, 19),
    )
    assert skip.articles == () and "nothing new since the digest of Thursday 19 November" in skip.reason


def test_after_downtime_one_digest_covers_the_gap(library):
    seen = {a.id: T0 for a in library.articles}
    posted = [Digest(date(2026, 11, 13), "C1", "posted", "1.1", (), T0 - timedelta(days=7))]  # a Friday
    plan = plan_digest(
        library,
        day=date(2026, 11, 20),
        size=5,
        policy="archive",
        first_seen=seen,
        posted=posted,
        previous_digest_day=date(2026, 11, 19),
    )
    assert plan.since == date(2026, 11, 13)
    assert len(plan.articles) == 4
