from slack_bolt import App

from .find_related import find_related

# Registered below and listed in the manifest: callback id -> (callback, name, description).
MESSAGE_SHORTCUTS = {
    "find_related_articles": (find_related, "Find related articles", "Articles in the library that match this message"),
}


def register(app: App) -> None:
    for callback_id, (callback, _, _) in MESSAGE_SHORTCUTS.items():
        app.shortcut(callback_id)(callback)
