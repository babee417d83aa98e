"""`python -m bot run` and `python -m bot manifest`, as an admin runs them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import PROJECT, clean_env, run_cli
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, SignedSlack
from tests.slack.fake_slack import Scripted

APP_TOKEN = "xapp-1-A0NEWS-1234567890-abcdef0123456789"


def slack_env(fake_slack, **extra) -> dict:
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        **extra,
    }


@pytest.mark.parametrize(
    ("env", "args", "named"),
    [
        ({}, ["--http"], "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "not-a-token"}, ["--http"], "SLACK_BOT_TOKEN does not look like a bot token"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, ["--http"], "SLACK_SIGNING_SECRET is not set"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, ["--socket"], "SLACK_APP_TOKEN is not set"),
        (
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xoxb-wrong-kind"},
            [],
            "SLACK_APP_TOKEN does not look like",
        ),
    ],
)
def test_missing_or_malformed_settings_exit_2_naming_the_setting(tmp_path, env, args, named):
    result = run_cli("run", *args, env=env, cwd=tmp_path)  # tmp_path: no .env to pick up
    assert result.code == 2
    assert named in result.err
    assert "Traceback" not in result.err


def test_a_token_slack_rejects_is_a_clear_message(fake_slack, tmp_path):
    fake_slack.script("auth.test", Scripted(body={"ok": False, "error": "invalid_auth"}))
    result = run_cli("run", "--http", "--seeds", str(PROJECT / "seeds"), env=slack_env(fake_slack), cwd=tmp_path)
    assert result.code == 2
    assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in result.err
    assert "Traceback" not in result.err
    assert BOT_TOKEN not in result.err


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_health(port: int, process: subprocess.Popen, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                return json.loads(response.read())
        except OSError:
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.2)
    raise AssertionError("the server never answered /healthz")


def start(command: list[str], fake_slack, tmp_path, **extra) -> subprocess.Popen:
    env = clean_env(**slack_env(fake_slack, SEEDS_DIR=str(PROJECT / "seeds"), **extra))
    return subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_http_mode_serves_slack_and_health_and_never_logs_secrets(fake_slack, tmp_path):
    port = free_port()
    process = start([sys.executable, "-m", "bot", "run"], fake_slack, tmp_path, PORT=str(port), LOG_LEVEL="DEBUG")
    try:
        assert wait_for_health(port, process) == {"ok": True, "articles": 1}
        client = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, fake_slack)
        reply = client.command("huawei chips")
        assert reply.status == 200
        assert "China Can Lead in AI" in reply.json()["text"]
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "listening on port" in err
    assert "Sending a request" in err or "auth.test" in err  # DEBUG really was on
    assert BOT_TOKEN not in err and SIGNING_SECRET not in err
    assert BOT_TOKEN[: len("xoxb-17653672481")] not in err


def test_run_catches_up_on_a_digest_missed_while_down(fake_slack, tmp_path):
    port = free_port()
    process = start(
        [sys.executable, "-m", "bot", "run", "--http"],
        fake_slack,
        tmp_path,
        PORT=str(port),
        DIGEST_CHANNEL="C0DIGEST1",
        DIGEST_TIME="00:00",
        DIGEST_DAYS="*",
        DATA_DIR=str(tmp_path / "d"),
    )
    try:
        wait_for_health(port, process)
        [post] = fake_slack.wait_for("chat.postMessage", timeout=20)
        client = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, fake_slack)
        preview = client.command("digest").json()
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert post.body["channel"] == "C0DIGEST1" and post.body["text"].startswith("Daily digest")
    assert "Daily digest" in json.dumps(preview["blocks"])
    assert "posted the digest of" in err


def test_gunicorn_serves_the_wsgi_entry_point_from_the_procfile(fake_slack, tmp_path):
    procfile = (PROJECT / "Procfile").read_text()
    assert "gunicorn bot.slack.wsgi:application" in procfile
    port = free_port()
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "bot.slack.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        "4",
    ]
    process = start(gunicorn, fake_slack, tmp_path)
    try:
        assert wait_for_health(port, process) == {"ok": True, "articles": 1}
        client = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, fake_slack)
        assert "China Can Lead in AI" in client.command("huawei").json()["text"]
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_manifest_for_socket_mode_lists_what_the_app_registers():
    result = run_cli("manifest")
    assert result.code == 0
    manifest = json.loads(result.out)
    features = manifest["features"]
    assert [c["command"] for c in features["slash_commands"]] == ["/news"]
    assert "url" not in features["slash_commands"][0]
    assert features["shortcuts"][0]["callback_id"] == "find_related_articles"
    assert features["shortcuts"][0]["type"] == "message"
    assert features["app_home"]["home_tab_enabled"] is True
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    assert sorted(settings["event_subscriptions"]["bot_events"]) == ["app_home_opened", "app_mention", "message.im"]
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
    }


def test_manifest_for_http_mode_points_every_url_at_slack_events():
    manifest = json.loads(run_cli("manifest", "--http", "https://newsbot.example.com/").out)
    url = "https://newsbot.example.com/slack/events"
    assert manifest["features"]["slash_commands"][0]["url"] == url
    assert manifest["settings"]["event_subscriptions"]["request_url"] == url
    assert manifest["settings"]["interactivity"]["request_url"] == url
    assert manifest["settings"]["socket_mode_enabled"] is False


def test_manifest_refuses_a_non_https_url():
    result = run_cli("manifest", "--http", "http://insecure.example.com")
    assert result.code == 2 and "https://" in result.err
