"""The message shortcut answers privately with articles matching the message."""

from __future__ import annotations

from tests.slack.fake_slack import Scripted


def shortcut(text: str, **message) -> dict:
    return {
        "type": "message_action",
        "callback_id": "find_related_articles",
        "trigger_id": "1.2.3",
        "team": {"id": "T0FAKE"},
        "user": {"id": "U0ASKER"},
        "channel": {"id": "C0GENERAL"},
        "message_ts": "1700000004.000100",
        "response_url": "REPLACE",
        "message": {"type": "message", "user": "U0OTHER", "ts": "1700000004.000100", "text": text, **message},
    }


def test_shortcut_answers_privately_in_the_thread(slack, fake_slack):
    payload = shortcut(
        "Did anyone see that <https://example.com|piece> on the offshore wind farm vote?", thread_ts="1700000000.000100"
    )
    payload["response_url"] = fake_slack.response_url("shortcut")
    assert slack.interaction(payload).status == 200
    [ephemeral] = fake_slack.wait_for("chat.postEphemeral")
    assert ephemeral.body["user"] == "U0ASKER" and ephemeral.body["channel"] == "C0GENERAL"
    assert ephemeral.body["thread_ts"] == "1700000000.000100"
    assert "Harbour town approves offshore wind farm" in ephemeral.body["text"]


def test_shortcut_where_the_bot_is_absent_uses_response_url(slack, fake_slack):
    fake_slack.script("chat.postEphemeral", Scripted(body={"ok": False, "error": "channel_not_found"}))
    payload = shortcut("rail strike pay offer")
    payload["response_url"] = fake_slack.response_url("shortcut")
    slack.interaction(payload)
    [answer] = fake_slack.wait_for("response_url")
    assert "Rail strike called off" in answer.body["text"]
