"""The Bolt app factory, and the HTTP (WSGI) face of it."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from slack_bolt import App, BoltContext, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from ..articles import Library
from ..config import Settings
from . import listeners
from .blocks import Message, error_message

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

LibrarySource = Callable[[], Library]
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

log = logging.getLogger(__name__)


def configure_client(client: WebClient, settings: Settings) -> WebClient:
    """Point the Web API client at SLACK_API_URL; honour 429 Retry-After, retry transient failures."""
    client.base_url = settings.slack_api_url
    client.timeout = 10
    client.retry_handlers = [
        RateLimitErrorRetryHandler(max_retry_count=3),
        ConnectionErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=2),
    ]
    return client


def create_app(
    settings: Settings,
    library: LibrarySource,
    *,
    socket_mode: bool = False,
    digest_preview: Callable[[], Message] | None = None,
) -> App:
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        # Given as token, not as a ready client: Bolt also reads SLACK_BOT_TOKEN from the
        # environment and warns when both are given.
        token=settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None,
        signing_secret=secret,
        # Socket Mode traffic comes over an authenticated WebSocket, not signed HTTP.
        request_verification_enabled=not socket_mode,
        # `python -m bot run` checks the token itself, to say clearly what is wrong.
        token_verification_enabled=False,
        logger=logging.getLogger("bot.slack"),
    )
    configure_client(app.client, settings)
    seen = RecentEvents()

    @app.middleware
    def skip_retried_events(body: dict, next: Callable[[], None], logger: logging.Logger):
        # Slack resends events it thinks were lost (X-Slack-Retry-Num): answer each only once.
        event_id = body.get("event_id")
        if event_id and not seen.first_time(event_id):
            logger.info("ignoring a repeat delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
        return next()

    @app.middleware
    def attach_library(context: BoltContext, next: Callable[[], None]):
        context["library"] = library()
        context["digest_preview"] = digest_preview
        return next()

    @app.error
    def report_error(error: Exception, body: dict, logger: logging.Logger) -> None:
        logger.exception("a listener failed: %s", error.__class__.__name__, exc_info=error)
        response_url = body.get("response_url") if isinstance(body, dict) else None
        if response_url:
            from slack_sdk.webhook import WebhookClient

            WebhookClient(response_url).send(
                **error_message("Something went wrong on my side. Please try again in a moment.").as_kwargs(),
                response_type="ephemeral",
            )

    listeners.register(app)
    return app


class RecentEvents:
    """Event ids seen in the last hour (bounded), safe across the listener threads."""

    def __init__(self, ttl: float = 3600, limit: int = 50_000):
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()
        self._ttl, self._limit = ttl, limit

    def first_time(self, event_id: str) -> bool:
        now = time.monotonic()
        with self._lock:
            while self._seen and (len(self._seen) > self._limit or next(iter(self._seen.values())) < now - self._ttl):
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            return True


def wsgi_app(app: App, library: LibrarySource):
    """Slack's requests at /slack/events, and GET /healthz for load balancers and admins."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            body = json.dumps({"ok": True, "articles": len(library())}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return slack(environ, start_response)

    return application
