"""Reading what people type in Slack."""

from __future__ import annotations

import re

_LINK = re.compile(r"<(https?://[^|>]+)(?:\|([^>]*))?>")
_MENTION = re.compile(r"<[@#!][^>]*>")


def query_from_message(text: str) -> str:
    """A message's words without Slack's markup: mentions and broadcasts dropped, links to
    their labels, entities decoded."""
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text or "")
    text = _MENTION.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())
