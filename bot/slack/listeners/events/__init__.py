from slack_bolt import App

from .app_home_opened import app_home_opened
from .app_mention import app_mention
from .direct_message import direct_message

# Registered below and listed in the manifest: subscription -> (callback, bot scopes it needs).
# "message.im" is the subscription; the event itself arrives as type "message".
EVENTS = {
    "app_mention": (app_mention, ("app_mentions:read", "chat:write")),
    "message.im": (direct_message, ("im:history", "chat:write")),
    "app_home_opened": (app_home_opened, ()),
}


def register(app: App) -> None:
    for subscription, (callback, _) in EVENTS.items():
        app.event(subscription.split(".")[0])(callback)
