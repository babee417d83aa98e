"""What to tell a person when Slack's Web API says no."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

_ADVICE = {
    "not_in_channel": "I'm not a member of this channel. Invite me with `/invite @newsbot` and try again.",
    "channel_not_found": "I can't see this channel. If it is private, invite me with `/invite @newsbot` first.",
    "is_archived": "This channel is archived, so I can't post in it.",
    "msg_too_long": "That answer was too long for Slack. Try a narrower search.",
    "msg_blocks_too_long": "That answer was too long for Slack. Try a narrower search.",
    "ratelimited": "Slack is asking me to slow down. Try again in a minute.",
    "restricted_action": "This workspace doesn't allow me to post here.",
}


def error_code(error: SlackApiError) -> str:
    try:
        return str(error.response.get("error") or "unknown_error")
    except AttributeError:
        return "unknown_error"


def advice_for(error: SlackApiError) -> str:
    code = error_code(error)
    return _ADVICE.get(code, f"Slack refused that ({code}). Please try again, or tell the person who runs newsbot.")
