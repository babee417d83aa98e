from logging import Logger

from slack_bolt import BoltContext
from slack_sdk import WebClient

from .answer import answer_in_channel


def app_mention(event: dict, client: WebClient, context: BoltContext, logger: Logger) -> None:
    # In the thread of the mention, or the thread the mention was asked in.
    thread_ts = event.get("thread_ts") or event.get("ts")
    answer_in_channel(
        client,
        context["library"],
        channel=event["channel"],
        text=event.get("text", ""),
        thread_ts=thread_ts,
        logger=logger,
    )
