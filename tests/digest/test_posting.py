"""Posting the digest through the command line against the fake Slack Web API: exactly once,
never lost, and clear about what went wrong."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from bot.articles.library import LiveLibrary
from bot.config import Settings
from bot.digest.post import post_digest
from bot.digest.service import DigestService, record_seen
from bot.digest.store import StateStore
from bot.slack.app import create_app, wsgi_app
from bot.slack.runtime import http_server
from tests.conftest import PROJECT, clean_env, run_cli
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, SignedSlack
from tests.slack.fake_slack import Scripted

CHANNEL = "C0DIGEST1"


def digest_env(fake_slack, tmp_path, library_dir, **extra) -> dict:
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake_slack.api_url,
        "DIGEST_CHANNEL": CHANNEL,
        "DIGEST_TIMEZONE": "UTC",
        "DIGEST_DAYS": "*",
        "SEEDS_DIR": str(library_dir),
        "DATA_DIR": str(tmp_path / "state"),
        "RESCAN_SECONDS": "0",
        **extra,
    }


@contextmanager
def serving_app(app, library, fake_slack):
    import threading

    server = http_server(wsgi_app(app, library), 0, host="127.0.0.1")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield SignedSlack(f"http://127.0.0.1:{server.server_port}", SIGNING_SECRET, fake_slack)
    finally:
        server.shutdown()
        server.server_close()


def texts(call) -> str:
    return json.dumps(call.body["blocks"], ensure_ascii=False)


def test_dry_run_needs_no_slack_and_prints_the_digest(tmp_path):
    result = run_cli("digest", "--dry-run", cwd=PROJECT, env={"DATA_DIR": str(tmp_path)})
    assert result.code == 0, result.err
    assert "Daily digest for" in result.out
    assert "China Can Lead in AI Despite Hardware Restrictions" in result.out
    assert "Zhang Ping'an" in result.out and "next" in result.out
    assert not (tmp_path / "newsbot.sqlite3").exists()  # a dry run writes nothing


def test_two_runs_on_the_same_day_post_once(fake_slack, tmp_path, library_dir):
    env = digest_env(fake_slack, tmp_path, library_dir)
    first = run_cli("digest", env=env, cwd=tmp_path)
    second = run_cli("digest", env=env, cwd=tmp_path)
    assert first.code == 0 and "posted the digest of" in first.out
    assert second.code == 0 and "already posted" in second.out
    [post] = fake_slack.of("chat.postMessage")
    assert post.body["channel"] == CHANNEL
    assert post.body["unfurl_links"] is False
    body = texts(post)
    assert "Daily digest" in body
    assert (
        "<https://aibusiness.com/verticals/china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo|" in body
    )
    assert "Zhang Ping'an" in body
    assert post.body["text"].startswith("Daily digest")


def test_two_processes_started_together_post_once(fake_slack, tmp_path, library_dir):
    env = clean_env(**digest_env(fake_slack, tmp_path, library_dir))
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "digest"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=60) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    fake_slack.settle()
    assert len(fake_slack.of("chat.postMessage")) == 1
    said = " ".join(out for out, _ in outputs)
    assert said.count("posted the digest of") == 1


def test_a_rate_limit_then_success_posts_once(fake_slack, tmp_path, library_dir):
    fake_slack.script(
        "chat.postMessage",
        Scripted(status=429, body={"ok": False, "error": "ratelimited"}, headers={"Retry-After": "1"}),
    )
    result = run_cli("digest", env=digest_env(fake_slack, tmp_path, library_dir), cwd=tmp_path)
    assert result.code == 0 and "posted the digest of" in result.out
    posts = fake_slack.of("chat.postMessage")
    assert len(posts) == 2 and posts[0].body == posts[1].body  # refused once, then landed
    again = run_cli("digest", env=digest_env(fake_slack, tmp_path, library_dir), cwd=tmp_path)
    assert "already posted" in again.out
    assert len(fake_slack.of("chat.postMessage")) == 2


def test_not_in_channel_leaves_it_unposted_and_tells_the_admin(fake_slack, tmp_path, library_dir):
    fake_slack.script("chat.postMessage", Scripted(body={"ok": False, "error": "not_in_channel"}))
    env = digest_env(fake_slack, tmp_path, library_dir)
    failed = run_cli("digest", env=env, cwd=tmp_path)
    assert failed.code == 1
    assert "not_in_channel" in failed.err and "/invite @newsbot" in failed.err
    retried = run_cli("digest", env=env, cwd=tmp_path)  # after the admin invited the bot
    assert retried.code == 0 and "posted the digest of" in retried.out
    assert len(fake_slack.of("chat.postMessage")) == 2


def test_force_posts_the_same_articles_again(fake_slack, tmp_path, library_dir):
    env = digest_env(fake_slack, tmp_path, library_dir)
    run_cli("digest", env=env, cwd=tmp_path)
    forced = run_cli("digest", "--force", env=env, cwd=tmp_path)
    assert forced.code == 0 and "again" in forced.out
    first, second = fake_slack.of("chat.postMessage")
    assert first.body["blocks"] == second.body["blocks"]


def test_a_damaged_state_file_is_moved_aside_and_the_bot_carries_on(fake_slack, tmp_path, library_dir):
    state = tmp_path / "state"
    state.mkdir()
    (state / "newsbot.sqlite3").write_bytes(b"this is not a database\x00" * 100)
    result = run_cli("digest", env=digest_env(fake_slack, tmp_path, library_dir), cwd=tmp_path)
    assert result.code == 0, result.err
    assert "moved it aside" in result.err
    assert "posted the digest of" in result.out
    assert [p.name for p in state.iterdir() if "damaged" in p.name]


def test_digest_without_a_channel_is_a_clear_error(tmp_path):
    result = run_cli("digest", env={"SLACK_BOT_TOKEN": BOT_TOKEN, "SEEDS_DIR": str(PROJECT / "seeds")}, cwd=tmp_path)
    assert result.code == 2 and "DIGEST_CHANNEL is not set" in result.err


def test_a_new_file_is_searchable_and_in_the_next_digest_without_a_restart(fake_slack, tmp_path, library_dir):
    settings = Settings(
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        seeds_dir=library_dir,
        digest_channel=CHANNEL,
        digest_days="*",
        data_dir=tmp_path / "state",
        digest_size=2,
    )
    store = StateStore.in_folder(settings.data_dir)
    library = LiveLibrary(library_dir, on_change=lambda lib: record_seen(store, lib))
    library.watch(0.1)
    digest = DigestService(settings, library, store)
    app = create_app(settings, library, digest_preview=digest.preview)
    digest.client = app.client
    assert digest.post().status == "posted"  # today's digest: two of the four articles
    with serving_app(app, library, fake_slack) as client:
        assert client.command("zeppelin").json()["text"].startswith("Nothing matches")
        text = (PROJECT / "tests" / "fixtures" / "articles" / "rail-strike.txt").read_text()
        (library_dir / "zeppelin.txt").write_text(
            text.replace("Rail strike", "Zeppelin strike").replace("rail", "zeppelin")
        )
        deadline = time.monotonic() + 10
        while "Zeppelin strike called off" not in client.command("zeppelin").json()["text"]:
            assert time.monotonic() < deadline, "the new file never became searchable"
            time.sleep(0.1)
        preview = json.dumps(client.command("digest").json()["blocks"])
    assert "Zeppelin strike called off" in preview
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    outcome = post_digest(settings, library(), store, app.client, tomorrow)
    assert outcome.status == "posted"
    assert "Zeppelin strike called off" in texts(fake_slack.of("chat.postMessage")[-1])
