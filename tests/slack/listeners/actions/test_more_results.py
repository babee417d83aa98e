"""'More results' shows the next hits to the asker."""

from __future__ import annotations

from tests.slack.listeners.commands.test_news import block_texts


def test_more_results_shows_the_next_hits(slack, fake_slack):
    slack.click("more_results", '{"q": "council", "o": 1}')
    [answer] = fake_slack.wait_for("response_url")
    assert answer.body["response_type"] == "ephemeral"
    text = block_texts(answer.body["blocks"])
    assert "Harbour town approves offshore wind farm" in text
    assert "City library reopens" not in text  # that was the first hit, already shown


def test_a_mangled_button_value_is_handled(slack, fake_slack):
    slack.click("more_results", "not json")
    [answer] = fake_slack.wait_for("response_url")
    assert "search again" in answer.body["text"]


def test_link_button_clicks_are_acknowledged(slack, fake_slack):
    assert slack.click("open_source", "x").status == 200
    fake_slack.settle()
    assert [c.method for c in fake_slack.calls if c.method != "auth.test"] == []
