"""Plain messages in the bot's DM get the same answer; edits, joins and its own posts do not."""

from __future__ import annotations


def dm(text: str, **extra) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "channel": "D0DM",
        "user": "U0ASKER",
        "text": text,
        "ts": "1700000002.000300",
        "event_ts": "1700000002.000300",
        **extra,
    }


def test_a_dm_is_answered_in_the_dm(slack, fake_slack):
    slack.event(dm("library night reading room"))
    [post] = fake_slack.wait_for("chat.postMessage")
    assert post.body["channel"] == "D0DM"
    assert "thread_ts" not in post.body or post.body["thread_ts"] is None
    assert "City library reopens" in post.body["text"]


def test_edits_bots_and_channel_messages_are_ignored(slack, fake_slack):
    slack.event(dm("edited", subtype="message_changed"), event_id="Ev1")
    slack.event(dm("from a bot", bot_id="B0OTHER"), event_id="Ev2")
    slack.event(dm("its own post", user="UBOT"), event_id="Ev3")
    slack.event({**dm("in a channel"), "channel_type": "channel", "channel": "C0GENERAL"}, event_id="Ev4")
    fake_slack.settle()
    assert fake_slack.of("chat.postMessage") == []
