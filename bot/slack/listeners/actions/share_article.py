import re
from logging import Logger

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ...blocks import article_message, error_message
from ...errors import advice_for, error_code

_USER_ID = re.compile(r"[UW][A-Z0-9]+")


def share_article(
    ack: Ack, body: dict, action: dict, client: WebClient, respond: Respond, context: BoltContext, logger: Logger
) -> None:
    ack()
    article = context["library"].get(action.get("value", ""))
    if article is None:
        respond(
            response_type="ephemeral",
            replace_original=False,
            **error_message("That article is no longer in the library.").as_kwargs(),
        )
        return
    channel = (body.get("channel") or {}).get("id")
    user = (body.get("user") or {}).get("id", "")
    if not channel:
        respond(
            response_type="ephemeral",
            replace_original=False,
            **error_message("I can only share into a channel or conversation.").as_kwargs(),
        )
        return
    message = article_message(article, shared_by=user if _USER_ID.fullmatch(user) else None)
    try:
        client.chat_postMessage(channel=channel, **message.as_kwargs())
    except SlackApiError as error:
        logger.warning("sharing %s in %s failed: Slack said %s", article.id, channel, error_code(error))
        respond(response_type="ephemeral", replace_original=False, **error_message(advice_for(error)).as_kwargs())
