from slack_bolt import App

from ...blocks import MORE_ACTION, OPEN_ACTION, SHARE_ACTION
from .more_results import more_results
from .open_source import open_source
from .share_article import share_article


def register(app: App) -> None:
    app.action(SHARE_ACTION)(share_article)
    app.action(MORE_ACTION)(more_results)
    app.action(OPEN_ACTION)(open_source)
