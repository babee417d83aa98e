from slack_bolt import App

from .news import news_command

# Registered below and listed in the manifest: command -> (callback, description, usage hint).
COMMANDS = {
    "/news": (news_command, "Find, quote and share the team's news articles", "[words] | latest [N] | digest | help"),
}


def register(app: App) -> None:
    for command, (callback, _, _) in COMMANDS.items():
        app.command(command)(callback)
