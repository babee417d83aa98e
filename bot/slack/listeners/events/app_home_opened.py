from logging import Logger

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ...blocks import home_view
from ...errors import error_code

NEWEST_ON_HOME = 5


def app_home_opened(event: dict, client: WebClient, context: BoltContext, logger: Logger) -> None:
    if event.get("tab", "home") != "home":
        return
    library = context["library"]
    try:
        client.views_publish(user_id=event["user"], view=home_view(len(library), library.latest(NEWEST_ON_HOME)))
    except SlackApiError as error:
        logger.error("could not publish the App Home for %s: Slack said %s", event.get("user"), error_code(error))
