from logging import Logger

from slack_bolt import Ack, BoltContext, Respond

from ...blocks import answer_message, error_message, help_message, latest_message

LATEST_DEFAULT = 5
LATEST_MAX = 10


def news_command(command: dict, ack: Ack, respond: Respond, context: BoltContext, logger: Logger) -> None:
    # Ack first, always: Slack gives three seconds; the answer goes to response_url.
    ack()
    library = context["library"]
    text = " ".join((command.get("text") or "").split())
    word, _, rest = text.partition(" ")
    keyword = word.lower()
    if not text or keyword == "help":
        message = help_message(len(library))
    elif keyword == "latest" and (not rest or rest.isdigit()):
        count = min(max(int(rest or LATEST_DEFAULT), 1), LATEST_MAX)
        message = latest_message(library.latest(count))
    elif keyword == "digest" and not rest:
        message = error_message("The daily digest is not set up in this workspace yet.")
    else:
        message = answer_message(library.search(text, limit=10), text, private=True)
    reply = respond(response_type="ephemeral", **message.as_kwargs())
    if reply.status_code != 200:
        logger.warning("posting the /news answer to response_url failed: HTTP %s", reply.status_code)
