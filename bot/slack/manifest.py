"""A Slack app manifest built from what the app registers (commands, events, shortcuts), for
"Create an app → From a manifest"."""

from __future__ import annotations

from .app import EVENTS_PATH
from .listeners.commands import COMMANDS
from .listeners.events import EVENTS
from .listeners.shortcuts import MESSAGE_SHORTCUTS

BASE_SCOPES = ("chat:write", "commands")


def manifest(*, http_url: str | None = None, name: str = "newsbot") -> dict:
    """Socket Mode when http_url is None; otherwise every request URL points at it."""
    request_url = http_url.rstrip("/") + EVENTS_PATH if http_url else None
    at_url = {"request_url": request_url} if request_url else {}
    url = {"url": request_url} if request_url else {}
    scopes = set(BASE_SCOPES)
    for _, needed in EVENTS.values():
        scopes.update(needed)
    return {
        "display_information": {
            "name": name,
            "description": "Find, quote and share the team's news articles.",
            "background_color": "#1d3557",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": name, "always_online": True},
            "slash_commands": [
                {"command": command, "description": description, "usage_hint": hint, "should_escape": False, **url}
                for command, (_, description, hint) in COMMANDS.items()
            ],
            "shortcuts": [
                {"name": label, "type": "message", "callback_id": callback_id, "description": description}
                for callback_id, (_, label, description) in MESSAGE_SHORTCUTS.items()
            ],
        },
        "oauth_config": {"scopes": {"bot": sorted(scopes)}},
        "settings": {
            "event_subscriptions": {"bot_events": sorted(EVENTS), **at_url},
            "interactivity": {"is_enabled": True, **at_url},
            "org_deploy_enabled": False,
            "socket_mode_enabled": request_url is None,
            "token_rotation_enabled": False,
        },
    }
