"""Choosing what goes in a digest.

Order of preference: articles first seen since the last digest (newest first), then older
articles never featured, and only then (when DIGEST_WHEN_NOTHING_NEW=archive) articles
featured before, least recently featured first. Nothing is featured again while something
has never been featured.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..articles import Article, Library, Quote
from .store import Digest

DIGEST_QUOTE_MAX = 220


def digest_summary(article: Article) -> list[str]:
    """One or two sentences: the body's summary sentences, the standfirst only as a fallback."""
    return [s for s in article.summary if s != article.dek][:2] or list(article.summary[:1])


def digest_quote(article: Article) -> Quote | None:
    """A short attributed quote, or none: a digest has no room for a long one."""
    quote = article.best_quote
    return quote if quote and quote.speaker and len(quote.text) <= DIGEST_QUOTE_MAX else None


@dataclass(frozen=True)
class DigestPlan:
    day: date
    articles: tuple[Article, ...]
    new: frozenset[str]  # ids first seen since the last digest
    since: date | None = None  # the last digest's day, when this one covers more than one day
    reason: str | None = None  # why there is nothing to post


def plan_digest(
    library: Library,
    *,
    day: date,
    size: int,
    policy: str,
    first_seen: dict[str, datetime],
    posted: list[Digest],
    previous_digest_day: date | None,
) -> DigestPlan:
    """`posted`: this channel's digests, oldest first. `previous_digest_day`: the last scheduled
    digest day before `day`, to tell a normal digest from one that covers a longer gap."""
    earlier = [d for d in posted if d.day < day]
    last = earlier[-1] if earlier else None
    featured_on: dict[str, date] = {}
    for digest in earlier:
        for article_id in digest.article_ids:
            featured_on[article_id] = digest.day
    far_future = datetime.max.replace(tzinfo=UTC)

    def seen(article: Article) -> datetime:
        return first_seen.get(article.id, far_future)

    cutoff = last.posted_at if last and last.posted_at else None
    never = [a for a in library.articles if a.id not in featured_on]
    new = {a.id for a in never if cutoff is None or seen(a) > cutoff}
    # Not yet recorded as seen counts as seen just now: the newest of all.
    never.sort(key=lambda a: (a.id in new, seen(a), a.published or date.min), reverse=True)
    chosen = never[:size]
    if len(chosen) < size and policy == "archive":
        again = sorted(
            (a for a in library.articles if a.id in featured_on),
            key=lambda a: (featured_on[a.id], -(a.published or date.min).toordinal()),
        )
        chosen += again[: size - len(chosen)]
    since = last.day if last and previous_digest_day and last.day < previous_digest_day else None
    reason = None
    if not chosen:
        reason = (
            "the library is empty"
            if not library.articles
            else (f"nothing new since the digest of {last.day:%A %-d %B}" if last else "nothing to feature")
        )
    return DigestPlan(
        day=day, articles=tuple(chosen), new=frozenset(new) & {a.id for a in chosen}, since=since, reason=reason
    )
