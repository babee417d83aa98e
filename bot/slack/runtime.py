"""Starting the bot: settings checked, library loaded, token verified, then Socket Mode or HTTP."""

from __future__ import annotations

import logging
import re
import socketserver
import sys
from functools import partial
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ..articles.library import LiveLibrary
from ..config import SettingError, Settings
from .app import configure_client, create_app, wsgi_app
from .errors import error_code

log = logging.getLogger("bot")

EXIT_SETTINGS = 2
EXIT_UNREACHABLE = 1

_TOKEN_SHAPES = re.compile(r"\b(xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)")


class RedactSecrets(logging.Filter):
    """Tokens and the signing secret never reach a log line, whoever logs them."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self._secrets = [s for s in secrets if len(s) >= 8]

    def _clean(self, text: str) -> str:
        text = _TOKEN_SHAPES.sub("[redacted]", text)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self._clean(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    secrets = [
        s.get_secret_value()
        for s in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token)
        if s
    ]
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)


def load_library(settings: Settings, on_change=None) -> LiveLibrary:
    """The articles folder, loaded, and watched for new files every RESCAN_SECONDS."""
    library = LiveLibrary(settings.seeds_dir, max_bytes=settings.max_article_bytes, on_change=on_change)
    current = library()
    log.info("loaded %d articles from %s (%d files skipped)", len(current), settings.seeds_dir, len(current.problems))
    if settings.rescan_seconds:
        library.watch(settings.rescan_seconds)
    return library


def slack_client(settings: Settings) -> WebClient:
    """A Web API client for work outside the Bolt app (the digest), its token checked."""
    client = configure_client(WebClient(token=settings.slack_bot_token.get_secret_value()), settings)
    problem = token_problem(client)
    if problem:
        raise StartupError(*problem)
    return client


def token_problem(client: WebClient) -> tuple[str, int] | None:
    """Ask Slack whether it accepts the bot token (auth.test); a message and exit code if not."""
    try:
        client.auth_test()
    except SlackApiError as error:
        code = error_code(error)
        return (
            f"Slack rejected SLACK_BOT_TOKEN ({code}): copy the Bot User OAuth Token from "
            "your app's OAuth & Permissions page, and reinstall the app if it was revoked.",
            EXIT_SETTINGS,
        )
    except OSError as error:
        return (
            f"could not reach Slack at {client.base_url} ({error.__class__.__name__}); "
            "check the network or SLACK_API_URL.",
            EXIT_UNREACHABLE,
        )
    return None


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    # socketserver's default backlog of 5 resets connections under a burst of Slack traffic.
    request_queue_size = 128


class _LoggingHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        logging.getLogger("bot.http").debug("%s " + format, self.address_string(), *args)


def http_server(application, port: int, host: str = "0.0.0.0") -> WSGIServer:
    """A threaded WSGI server: fine for a team; gunicorn (see Procfile) for production."""
    return make_server(host, port, application, server_class=_ThreadingWSGIServer, handler_class=_LoggingHandler)


class StartupError(Exception):
    """Why the bot cannot start, in one line for the admin, with the exit code to use."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def start(settings: Settings, *, socket_mode: bool, start_digest: bool = True):
    """Settings checked, logging set up, library loaded, token accepted: the app, ready."""
    try:
        settings.require_slack(socket=socket_mode)
    except SettingError as problem:
        raise StartupError(str(problem), EXIT_SETTINGS) from None
    configure_logging(settings)
    if not settings.seeds_dir.is_dir():
        raise StartupError(f"articles folder {settings.seeds_dir} does not exist (set SEEDS_DIR)", EXIT_SETTINGS)
    store = None
    if settings.digest_channel:
        from ..digest.service import DigestService, record_seen
        from ..digest.store import StateStore

        store = StateStore.in_folder(settings.data_dir)
    library = load_library(settings, on_change=partial(record_seen, store) if store else None)
    digest = DigestService(settings, library, store) if store else None
    app = create_app(settings, library, socket_mode=socket_mode, digest_preview=digest.preview if digest else None)
    problem = token_problem(app.client)
    if problem:
        raise StartupError(*problem)
    if digest:
        digest.client = app.client
        if start_digest:
            digest.start()
    return app, library


def run(settings: Settings, *, socket_mode: bool) -> int:
    try:
        app, library = start(settings, socket_mode=socket_mode)
    except StartupError as problem:
        print(f"newsbot: {problem}", file=sys.stderr)
        return problem.code
    if socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("connecting to Slack in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        return 0
    server = http_server(wsgi_app(app, library), settings.port)
    log.info("listening on port %d: Slack at /slack/events, health at /healthz", server.server_port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


def wsgi_from_environment():
    """The WSGI application gunicorn serves (bot.slack.wsgi:application)."""
    try:
        # Under gunicorn the digest runs in its own clock process (Procfile: clock), so that
        # however many web processes run, one schedule posts.
        app, library = start(Settings(), socket_mode=False, start_digest=False)
    except StartupError as problem:
        print(f"newsbot: {problem}", file=sys.stderr)
        raise SystemExit(problem.code) from None
    return wsgi_app(app, library)
