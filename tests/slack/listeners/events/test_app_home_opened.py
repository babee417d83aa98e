"""The App Home tab says what the bot knows."""

from __future__ import annotations

from tests.slack.listeners.commands.test_news import block_texts


def test_home_tab_is_published_with_count_and_newest(slack, fake_slack):
    slack.event(
        {
            "type": "app_home_opened",
            "user": "U0ASKER",
            "channel": "D0DM",
            "tab": "home",
            "event_ts": "1700000003.000400",
        }
    )
    [publish] = fake_slack.wait_for("views.publish")
    assert publish.body["user_id"] == "U0ASKER"
    view = publish.body["view"]
    assert view["type"] == "home"
    text = block_texts(view["blocks"])
    assert "I know *4* articles" in text
    assert text.index("City library reopens") < text.index("Rail strike called off")
    assert "/news huawei chips" in text


def test_the_messages_tab_publishes_nothing(slack, fake_slack):
    slack.event(
        {
            "type": "app_home_opened",
            "user": "U0ASKER",
            "channel": "D0DM",
            "tab": "messages",
            "event_ts": "1700000003.000500",
        }
    )
    fake_slack.settle()
    assert fake_slack.of("views.publish") == []
