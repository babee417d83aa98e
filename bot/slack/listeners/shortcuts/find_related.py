from logging import Logger

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ...blocks import answer_message, error_message
from ...errors import error_code
from ...text import query_from_message


def find_related(
    ack: Ack, shortcut: dict, client: WebClient, respond: Respond, context: BoltContext, logger: Logger
) -> None:
    ack()
    query = query_from_message((shortcut.get("message") or {}).get("text", ""))
    if not query:
        message = error_message("That message has no words I can search for.")
    else:
        message = answer_message(context["library"].search(query, limit=10), query, private=True)
    channel = (shortcut.get("channel") or {}).get("id")
    user = (shortcut.get("user") or {}).get("id")
    thread_ts = (shortcut.get("message") or {}).get("thread_ts")
    kwargs = message.as_kwargs()
    try:
        # Privately, where the message is (its thread included).
        client.chat_postEphemeral(
            channel=channel, user=user, thread_ts=thread_ts, text=kwargs["text"], blocks=kwargs["blocks"]
        )
    except SlackApiError as error:
        # Not in that channel (or a DM the bot is not part of): the shortcut's response_url
        # still reaches the person.
        logger.info("chat.postEphemeral in %s failed (%s); answering through response_url", channel, error_code(error))
        respond(response_type="ephemeral", **kwargs)
