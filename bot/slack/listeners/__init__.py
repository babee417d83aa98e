from slack_bolt import App

from . import actions, commands, events, shortcuts


def register(app: App) -> None:
    commands.register(app)
    events.register(app)
    actions.register(app)
    shortcuts.register(app)
