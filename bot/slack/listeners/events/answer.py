from logging import Logger

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ...blocks import answer_message, help_message
from ...errors import error_code
from ...text import query_from_message


def answer_in_channel(
    client: WebClient, library, *, channel: str, text: str, thread_ts: str | None, logger: Logger
) -> None:
    """Answer a question visibly, in the thread it belongs to."""
    query = query_from_message(text)
    if query and query.lower() != "help":
        message = answer_message(library.search(query, limit=10), query, private=False)
    else:
        message = help_message(len(library))
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message.as_kwargs())
    except SlackApiError as error:
        logger.error("could not answer in %s: Slack said %s", channel, error_code(error))
