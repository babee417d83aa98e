"""Posting the digest exactly once per local day and channel."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ..articles import Library
from ..config import Settings
from ..slack.blocks import digest_message
from ..slack.errors import error_code
from .schedule import previous_digest_day, zone
from .select import DigestPlan, plan_digest
from .store import StateStore

log = logging.getLogger(__name__)

_ADMIN_ADVICE = {
    "not_in_channel": "invite the bot to that channel (/invite @newsbot in it), then run `python -m bot digest`",
    "channel_not_found": "DIGEST_CHANNEL is not a channel the bot can see: use the channel ID from the "
    "channel's details (About), and invite the bot if the channel is private",
    "is_archived": "the DIGEST_CHANNEL channel is archived: point DIGEST_CHANNEL at a live channel",
}


@dataclass(frozen=True)
class Outcome:
    status: str  # posted, reposted, already_posted, busy, skipped, failed
    detail: str
    ts: str | None = None


def plan_for(settings: Settings, library: Library, store: StateStore, now: datetime) -> DigestPlan:
    day = now.astimezone(zone(settings)).date()
    return plan_digest(
        library,
        day=day,
        size=settings.digest_size,
        policy=settings.digest_when_nothing_new,
        first_seen=store.first_seen(),
        posted=store.posted(settings.digest_channel or ""),
        previous_digest_day=previous_digest_day(settings, day),
    )


def post_digest(
    settings: Settings, library: Library, store: StateStore, client: WebClient, now: datetime, *, force: bool = False
) -> Outcome:
    channel = settings.digest_channel
    day = now.astimezone(zone(settings)).date()
    existing = store.digest(day, channel)
    if existing and existing.status == "posted" and not force:
        return Outcome("already_posted", f"the digest of {day} was already posted to {channel}", existing.ts)
    if existing and existing.status == "posted":
        # On purpose, after an admin deleted a broken one: the same articles again.
        articles = tuple(a for a in (library.get(i) for i in existing.article_ids) if a)
        plan = DigestPlan(day=day, articles=articles, new=frozenset())
        ts = _post(client, channel, plan)
        if ts is None:
            return Outcome("failed", "Slack refused the post; see the log")
        store.repost(day, channel, ts, now)
        return Outcome("reposted", f"posted the digest of {day} to {channel} again", ts)
    if not store.claim(day, channel):
        return Outcome("busy", f"another process is posting the digest of {day} to {channel}")
    try:
        plan = plan_for(settings, library, store, now)
        if not plan.articles:
            store.release(day, channel)
            log.info("no digest for %s: %s", day, plan.reason)
            return Outcome("skipped", f"no digest for {day}: {plan.reason}")
        ts = _post(client, channel, plan)
    except BaseException:
        store.release(day, channel)
        raise
    if ts is None:
        store.release(day, channel)  # unposted, so a retry the same day can still post it
        return Outcome("failed", "Slack refused the post; see the log")
    store.mark_posted(day, channel, ts, [a.id for a in plan.articles], now)
    log.info("posted the digest of %s to %s (%d articles)", day, channel, len(plan.articles))
    return Outcome("posted", f"posted the digest of {day} to {channel} ({len(plan.articles)} articles)", ts)


def _post(client: WebClient, channel: str, plan: DigestPlan) -> str | None:
    try:
        # One message per digest; the client waits out 429s (Retry-After) before trying again.
        response = client.chat_postMessage(channel=channel, **digest_message(plan).as_kwargs())
    except SlackApiError as error:
        code = error_code(error)
        advice = _ADMIN_ADVICE.get(code, "check the bot token and DIGEST_CHANNEL")
        log.error("could not post the digest to %s: Slack said %s; %s", channel, code, advice)
        return None
    return response.get("ts")
