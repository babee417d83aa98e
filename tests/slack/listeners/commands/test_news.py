"""/news through the real app: signed request in, ack out, answer to response_url."""

from __future__ import annotations

SEED_TITLE = "China Can Lead in AI Despite Hardware Restrictions, Huawei Cloud CEO"
SEED_URL = "https://aibusiness.com/verticals/china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"


def blocks_of(call) -> list[dict]:
    return call.body["blocks"]


def block_texts(blocks: list[dict]) -> str:
    out = []
    for block in blocks:
        if "text" in block:
            out.append(block["text"]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), dict):
                out.append(element["text"]["text"])
            elif "text" in element:
                out.append(element["text"])
    return "\n".join(out)


def test_news_acks_at_once_then_answers_privately_with_a_card(slack, fake_slack):
    reply = slack.command("huawai chps")
    assert reply.status == 200 and reply.body == ""
    assert reply.seconds < 3
    [answer] = fake_slack.wait_for("response_url")
    body = answer.body
    assert body["response_type"] == "ephemeral"
    assert body["unfurl_links"] is False and body["unfurl_media"] is False
    assert SEED_TITLE in body["text"]  # plain-text fallback
    blocks = blocks_of(answer)
    kinds = [b["type"] for b in blocks]
    assert "header" in kinds and "actions" in kinds
    header = next(b for b in blocks if b["type"] == "header")
    assert header["text"]["text"] == SEED_TITLE
    text = block_texts(blocks)
    assert "AI Business · Ben Wodecki · 10 Jul 2024" in text
    assert "Huawei Cloud’s CEO believes" in text
    assert "— Zhang Ping'an" in text and text.count(">“") == 1
    assert "huawai → huawei" in text
    buttons = {e["action_id"]: e for e in blocks[-1]["elements"]}
    assert buttons["open_source"]["url"] == SEED_URL
    assert buttons["share_article"]["value"] == "china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"
    assert "more_results" not in buttons  # one article matched: nothing more to show
    assert fake_slack.of("chat.postMessage") == []  # nothing public


def test_news_alone_and_help_show_usage(slack, fake_slack):
    slack.command("", response="empty")
    slack.command("help", response="help")
    answers = fake_slack.wait_for("response_url", 2)
    for answer in answers:
        assert "/news huawei chips" in block_texts(blocks_of(answer))
        assert "4 articles" in block_texts(blocks_of(answer))


def test_news_latest_lists_newest_first(slack, fake_slack):
    slack.command("latest 2")
    [answer] = fake_slack.wait_for("response_url")
    text = block_texts(blocks_of(answer))
    assert text.index("City library reopens") < text.index("China Can Lead in AI")
    assert "Harbour town" not in text
    assert "<https://news.example.org/culture/library-reopens|City library reopens" in text


def test_no_match_says_so_and_suggests_titles(slack, fake_slack):
    slack.command("volcano eruption iceland")
    [answer] = fake_slack.wait_for("response_url")
    text = block_texts(blocks_of(answer))
    assert "Nothing matches" in text and "Closest titles" in text


def test_a_very_long_query_is_cut_not_rejected(slack, fake_slack):
    slack.command("huawei chips " + "blah " * 2000)
    [answer] = fake_slack.wait_for("response_url")
    text = block_texts(blocks_of(answer))
    assert SEED_TITLE in answer.body["text"]
    assert "first 500 characters" in text


def test_more_results_button_when_several_match(slack, fake_slack):
    slack.command("council")  # the wind farm and the library
    [answer] = fake_slack.wait_for("response_url")
    buttons = {e["action_id"]: e for e in blocks_of(answer)[-1]["elements"]}
    assert buttons["more_results"]["value"] == '{"q": "council", "o": 1}'
