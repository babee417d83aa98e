"""Whole-app fixtures: the real Bolt app served over HTTP on 127.0.0.1, receiving requests
signed exactly as Slack signs them, talking to a fake Slack Web API that records every call."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.articles import Library
from bot.config import Settings
from bot.slack.app import create_app, wsgi_app
from bot.slack.runtime import http_server
from tests.slack.fake_slack import FakeSlack

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"


@dataclass
class Reply:
    status: int
    body: str
    seconds: float

    def json(self) -> dict:
        return json.loads(self.body)


class SignedSlack:
    """Sends what Slack sends, signed as Slack signs it (v0, HMAC-SHA256 of v0:ts:body)."""

    def __init__(self, url: str, secret: str, fake: FakeSlack):
        self.url, self.fake = url, fake
        self.verifier = SignatureVerifier(secret)

    def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
        path: str = "/slack/events",
    ) -> Reply:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature or self.verifier.generate_signature(timestamp=ts, body=body),
            **(headers or {}),
        }
        request = urllib.request.Request(self.url + path, data=body.encode(), headers=sent, method="POST")
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Reply(response.status, response.read().decode(), time.perf_counter() - started)
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.read().decode(), time.perf_counter() - started)

    def command(
        self,
        text: str,
        *,
        command: str = "/news",
        user: str = "U0ASKER",
        channel: str = "C0GENERAL",
        response: str = "cmd",
    ) -> Reply:
        form = {
            "token": "legacy",
            "team_id": "T0FAKE",
            "team_domain": "fake",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": "asker",
            "command": command,
            "text": text,
            "api_app_id": "A0NEWS",
            "response_url": self.fake.response_url(response),
            "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def event(self, event: dict, *, event_id: str = "Ev0001", retry_num: int | None = None) -> Reply:
        body = {
            "token": "legacy",
            "team_id": "T0FAKE",
            "api_app_id": "A0NEWS",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T0FAKE", "user_id": "UBOT", "is_bot": True}],
        }
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else None
        return self.post(json.dumps(body), "application/json", headers=headers)

    def interaction(self, payload: dict) -> Reply:
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def click(
        self, action_id: str, value: str, *, user: str = "U0ASKER", channel: str = "C0GENERAL", response: str = "click"
    ) -> Reply:
        return self.interaction(
            {
                "type": "block_actions",
                "team": {"id": "T0FAKE"},
                "user": {"id": user},
                "api_app_id": "A0NEWS",
                "token": "legacy",
                "trigger_id": "1.2.3",
                "container": {"type": "message", "is_ephemeral": True, "channel_id": channel},
                "channel": {"id": channel, "name": "general"},
                "response_url": self.fake.response_url(response),
                "actions": [
                    {
                        "type": "button",
                        "action_id": action_id,
                        "block_id": "b1",
                        "value": value,
                        "action_ts": "1700000000.1",
                    }
                ],
            }
        )


@pytest.fixture
def fake_slack():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def settings(fake_slack, library_dir) -> Settings:
    return Settings(
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        seeds_dir=library_dir,
        port=3000,
    )


@contextmanager
def serving(settings: Settings, fake_slack: FakeSlack):
    """The real app, served over HTTP on 127.0.0.1 (port 0); yields a signed-request client."""
    library = Library.load(settings.seeds_dir)
    app = create_app(settings, lambda: library)
    server = http_server(wsgi_app(app, lambda: library), 0, host="127.0.0.1")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SignedSlack(f"http://127.0.0.1:{server.server_port}", SIGNING_SECRET, fake_slack)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def slack(settings, fake_slack):
    with serving(settings, fake_slack) as client:
        yield client
