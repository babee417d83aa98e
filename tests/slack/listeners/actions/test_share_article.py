"""'Share in channel' posts the card publicly, saying who shared it."""

from __future__ import annotations

from tests.slack.fake_slack import Scripted
from tests.slack.listeners.commands.test_news import SEED_TITLE, block_texts

SEED_ID = "china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"


def test_share_posts_the_card_in_the_channel(slack, fake_slack):
    assert slack.click("share_article", SEED_ID, user="U0SHARER").status == 200
    [post] = fake_slack.wait_for("chat.postMessage")
    assert post.body["channel"] == "C0GENERAL"
    assert post.body["unfurl_links"] is False
    assert post.body["text"].startswith("<@U0SHARER> shared: " + SEED_TITLE)
    text = block_texts(post.body["blocks"])
    assert "Shared by <@U0SHARER>" in text
    assert "Zhang Ping'an" in text


def test_share_where_the_bot_is_not_invited_tells_the_user(slack, fake_slack):
    fake_slack.script("chat.postMessage", Scripted(body={"ok": False, "error": "not_in_channel"}))
    slack.click("share_article", SEED_ID)
    [told] = fake_slack.wait_for("response_url")
    assert told.body["response_type"] == "ephemeral"
    assert "/invite @newsbot" in told.body["text"]


def test_share_of_an_unknown_article_says_so(slack, fake_slack):
    slack.click("share_article", "no-such-article")
    [told] = fake_slack.wait_for("response_url")
    assert "no longer in the library" in told.body["text"]
    assert fake_slack.of("chat.postMessage") == []
