"""Rules of the platform, through the real app: signatures, health, escaping, Slack errors."""

from __future__ import annotations

import json
import logging
import time
import urllib.request

import pytest

from tests.slack.conftest import serving
from tests.slack.fake_slack import Scripted

EVIL = (
    "Markets rally as &quot;<!channel>&quot; ping scare fades\n\n"
    "By Eve Mallory | July 1, 2024\n\n"
    "Traders said a message reading <!here> and <!channel> and <@U123ABC> was sent at 9am, and a link "
    "<https://evil.example|click here for the results> spread fast; profits & losses were unchanged.\n\n"
    '"Please ignore <!everyone> and <@U999> messages," said Bob Trent. "They are fake & harmless, honestly."\n'
)


def test_bad_signature_is_refused_and_changes_nothing(slack, fake_slack):
    reply = slack.post("command=%2Fnews&text=huawei", "application/x-www-form-urlencoded", signature="v0=" + "0" * 64)
    assert reply.status == 401
    fake_slack.settle()
    assert fake_slack.calls == []


def test_stale_signature_is_refused(slack, fake_slack):
    reply = slack.post(
        "command=%2Fnews&text=huawei", "application/x-www-form-urlencoded", timestamp=int(time.time()) - 600
    )
    assert reply.status == 401
    fake_slack.settle()
    assert fake_slack.calls == []


def test_healthz_counts_articles(slack):
    with urllib.request.urlopen(slack.url + "/healthz", timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read()) == {"ok": True, "articles": 4}


def test_unknown_paths_are_404(slack):
    reply = slack.post("{}", "application/json", path="/elsewhere")
    assert reply.status == 404


@pytest.fixture
def evil_slack(settings, fake_slack, library_dir):
    (library_dir / "evil.txt").write_text(EVIL)
    with serving(settings, fake_slack) as client:
        yield client


def test_untrusted_article_text_pings_nobody_and_links_nothing(evil_slack, fake_slack):
    evil_slack.click("share_article", "markets-rally-as-channel-ping-scare-fades")
    answer = evil_slack.command("ping scare traders").json()
    post = fake_slack.wait_for("chat.postMessage")[0].body
    for message in (post, answer):
        text = json.dumps(message, ensure_ascii=False)
        for raw in ("<!channel>", "<!here>", "<!everyone>", "<@U123ABC>", "<@U999>", "<https://evil.example"):
            assert raw not in text, raw
        assert "&lt;!channel&gt;" in text and "&lt;@U123ABC&gt;" in text
        assert "&amp; losses" in text or "&amp; harmless" in text
        for block in message["blocks"]:
            for obj in [block.get("text")] + block.get("elements", []):
                if isinstance(obj, dict) and obj.get("type") == "mrkdwn":
                    assert obj["verbatim"] is True
    # The only mention is the sharer, added by the bot itself.
    assert post["text"].startswith("<@U0ASKER> shared: ")
    assert "<@" not in post["text"][len("<@U0ASKER>") :]


def test_a_query_is_echoed_escaped(slack, fake_slack):
    text = slack.command("<!here> zzqqxx <@U123>").body
    assert "<!here>" not in text and "<@U123>" not in text


def test_rate_limited_post_is_retried_after_retry_after(slack, fake_slack):
    fake_slack.script(
        "chat.postMessage",
        Scripted(status=429, body={"ok": False, "error": "ratelimited"}, headers={"Retry-After": "1"}),
    )
    started = time.monotonic()
    slack.event(
        {
            "type": "app_mention",
            "user": "U0ASKER",
            "text": "<@UBOT> wind farm",
            "ts": "1700000001.1",
            "channel": "C0GENERAL",
            "event_ts": "1700000001.1",
        }
    )
    posts = fake_slack.wait_for("chat.postMessage", 2)
    assert time.monotonic() - started >= 1.0
    fake_slack.settle()
    assert len(fake_slack.of("chat.postMessage")) == 2  # the refused one, then the one that landed
    assert posts[0].body == posts[1].body


def test_slack_errors_are_logged_with_their_code(slack, fake_slack, caplog):
    fake_slack.script("chat.postMessage", Scripted(body={"ok": False, "error": "channel_not_found"}))
    with caplog.at_level(logging.INFO):
        slack.event(
            {
                "type": "app_mention",
                "user": "U0ASKER",
                "text": "<@UBOT> wind farm",
                "ts": "1700000001.2",
                "channel": "C0GONE",
                "event_ts": "1700000001.2",
            }
        )
        fake_slack.wait_for("chat.postMessage")
        fake_slack.settle()
    assert "could not answer in C0GONE: Slack said channel_not_found" in caplog.text


def test_the_answer_stays_within_slack_limits(settings, fake_slack, library_dir):
    long_title = "Headline " + "very " * 60 + "long"
    body = "\n\n".join(f"Paragraph {i} says something about zebras and {'words ' * 120}." for i in range(40))
    quote = '"' + "A zebra quote that goes on " * 80 + '," said Zed Zebra.'
    (library_dir / "long.txt").write_text(f"{long_title}\n\n{body}\n\n{quote}\n")
    with serving(settings, fake_slack) as client:
        blocks = client.command("zebras").json()["blocks"]
    assert len(blocks) <= 50
    assert len(json.dumps(blocks)) <= 12_000
    header = next(b for b in blocks if b["type"] == "header")
    assert len(header["text"]["text"]) <= 150 and header["text"]["text"].endswith("…")
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
    assert blocks[-1]["type"] == "actions"
