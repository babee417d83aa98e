from logging import Logger

from slack_bolt import Ack, BoltContext, Respond

from ...blocks import Message, answer_message, error_message, help_message, latest_message
from ...deadline import AckDeadline

LATEST_DEFAULT = 5
LATEST_MAX = 10
# Slack waits 3 s for the ack. An answer ready within this budget goes in the ack itself (shown
# at once, no second request); a later one is acked empty and follows through response_url.
ACK_DEADLINE = AckDeadline(budget=1.5)


def news_command(command: dict, ack: Ack, respond: Respond, context: BoltContext, logger: Logger) -> None:
    watched = ACK_DEADLINE.watch(ack)
    try:
        text = " ".join((command.get("text") or "").split())
        message = answer_for(text, context["library"], context.get("digest_preview"))
    except Exception:
        logger.exception("answering /news failed")
        message = error_message("Something went wrong on my side. Please try again in a moment.")
    answer = {"response_type": "ephemeral", **message.as_kwargs()}
    if not watched.finish(**answer):
        reply = respond(**answer)
        if reply.status_code != 200:
            logger.warning("posting the late /news answer to response_url failed: HTTP %s", reply.status_code)


def answer_for(text: str, library, digest_preview=None) -> Message:
    word, _, rest = text.partition(" ")
    keyword = word.lower()
    if not text or keyword == "help":
        return help_message(len(library))
    if keyword == "latest" and (not rest or rest.isdigit()):
        count = min(max(int(rest or LATEST_DEFAULT), 1), LATEST_MAX)
        return latest_message(library.latest(count))
    if keyword == "digest" and not rest:
        if digest_preview is None:
            return error_message("The daily digest is not set up in this workspace (no DIGEST_CHANNEL).")
        return digest_preview()
    return answer_message(library.search(text, limit=10), text, private=True)
