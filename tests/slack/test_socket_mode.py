"""Socket Mode end to end: `python -m bot run --socket` against a fake Socket Mode endpoint.

apps.connections.open (on the fake Web API) hands out a ws:// URL of the test's own WebSocket
server, which greets the bot, sends a /news envelope and waits for the bot's ack."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from tests.conftest import PROJECT, clean_env
from tests.slack.conftest import BOT_TOKEN
from tests.slack.fake_slack import Scripted

websockets_sync = pytest.importorskip("websockets.sync.server", reason="the websockets test dependency is missing")

APP_TOKEN = "xapp-1-A0NEWS-1234567890-abcdef0123456789"


class FakeSocketMode:
    def __init__(self, envelope: dict):
        self.envelope = envelope
        self.acks: list[dict] = []
        self.acked = threading.Event()
        self.done = threading.Event()
        self.server = websockets_sync.serve(self._session, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link/?ticket=fake"

    def _session(self, connection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0NEWS"}}))
        connection.send(json.dumps(self.envelope))
        for raw in connection:
            message = json.loads(raw)
            if message.get("envelope_id") == self.envelope["envelope_id"]:
                self.acks.append(message)
                self.acked.set()
            if self.done.is_set():
                break

    def __enter__(self) -> FakeSocketMode:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        self.server.shutdown()


def test_socket_mode_acks_the_envelope_and_answers(fake_slack, tmp_path):
    command = {
        "token": "legacy",
        "team_id": "T0FAKE",
        "channel_id": "C0GENERAL",
        "user_id": "U0ASKER",
        "command": "/news",
        "text": "huawei chips",
        "api_app_id": "A0NEWS",
        "response_url": fake_slack.response_url("socket"),
        "trigger_id": "1.2.3",
    }
    envelope = {"envelope_id": "env-42", "type": "slash_commands", "accepts_response_payload": True, "payload": command}
    with FakeSocketMode(envelope) as socket_mode:
        fake_slack.script("apps.connections.open", Scripted(body={"ok": True, "url": socket_mode.url}))
        env = clean_env(
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_APP_TOKEN=APP_TOKEN,
            SLACK_API_URL=fake_slack.api_url,
            SEEDS_DIR=str(PROJECT / "seeds"),
            LOG_LEVEL="DEBUG",
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert socket_mode.acked.wait(30), "the bot never acked the envelope"
        finally:
            process.terminate()
            _, err = process.communicate(timeout=10)
    ack = socket_mode.acks[0]
    assert ack["envelope_id"] == "env-42"
    [opened] = fake_slack.of("apps.connections.open")
    assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"
    # The answer rides in the ack's payload, shown to the asker at once.
    assert ack["payload"]["response_type"] == "ephemeral"
    assert "China Can Lead in AI" in ack["payload"]["text"]
    assert APP_TOKEN not in err and BOT_TOKEN not in err
