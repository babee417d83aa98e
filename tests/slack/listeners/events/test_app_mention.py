"""@newsbot in a channel: answered visibly, in the thread of the mention."""

from __future__ import annotations

from tests.slack.listeners.commands.test_news import SEED_TITLE, block_texts


def mention(text: str, *, ts: str = "1700000001.000200", thread_ts: str | None = None) -> dict:
    event = {"type": "app_mention", "user": "U0ASKER", "text": text, "ts": ts, "channel": "C0GENERAL", "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def test_mention_is_answered_in_its_thread(slack, fake_slack):
    reply = slack.event(mention("<@UBOT> what did the Huawei Cloud CEO say about chips?"))
    assert reply.status == 200
    [post] = fake_slack.wait_for("chat.postMessage")
    assert post.body["channel"] == "C0GENERAL"
    assert post.body["thread_ts"] == "1700000001.000200"
    assert post.body["unfurl_links"] is False
    assert SEED_TITLE in post.body["text"]
    text = block_texts(post.body["blocks"])
    assert "Zhang Ping'an" in text
    actions = [b for b in post.body["blocks"] if b["type"] == "actions"]
    assert all(e["action_id"] != "share_article" for e in actions[0]["elements"])  # already public


def test_mention_inside_a_thread_answers_in_that_thread(slack, fake_slack):
    slack.event(mention("<@UBOT> rail strike", ts="1700000009.000900", thread_ts="1700000000.000100"))
    [post] = fake_slack.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == "1700000000.000100"
    assert "Rail strike called off" in post.body["text"]


def test_a_bare_mention_gets_usage(slack, fake_slack):
    slack.event(mention("<@UBOT>"))
    [post] = fake_slack.wait_for("chat.postMessage")
    assert "/news huawei chips" in block_texts(post.body["blocks"])


def test_a_retried_event_is_answered_once(slack, fake_slack):
    event = mention("<@UBOT> wind farm")
    assert slack.event(event, event_id="Ev777").status == 200
    fake_slack.wait_for("chat.postMessage")
    assert slack.event(event, event_id="Ev777", retry_num=1).status == 200
    assert slack.event(event, event_id="Ev777", retry_num=2).status == 200
    fake_slack.settle()
    assert len(fake_slack.of("chat.postMessage")) == 1
