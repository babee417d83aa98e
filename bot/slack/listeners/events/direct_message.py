from logging import Logger

from slack_bolt import BoltContext
from slack_sdk import WebClient

from .answer import answer_in_channel


def direct_message(event: dict, client: WebClient, context: BoltContext, logger: Logger) -> None:
    # Only plain messages people send the bot in its DM: not edits, joins or bot posts.
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    answer_in_channel(
        client,
        context["library"],
        channel=event["channel"],
        text=event.get("text", ""),
        thread_ts=event.get("thread_ts"),
        logger=logger,
    )
