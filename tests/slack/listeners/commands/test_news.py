"""/news through the real app: signed request in, ack out, answer to response_url."""

from __future__ import annotations

import time

SEED_TITLE = "China Can Lead in AI Despite Hardware Restrictions, Huawei Cloud CEO"
SEED_URL = "https://aibusiness.com/verticals/china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"


def blocks_of(message) -> list[dict]:
    return message["blocks"] if isinstance(message, dict) else message.body["blocks"]


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


def test_news_answers_privately_in_the_ack_with_a_card(slack, fake_slack):
    reply = slack.command("huawai chps")
    assert reply.status == 200
    assert reply.seconds < 3
    body = answer = reply.json()
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
    fake_slack.settle()
    assert fake_slack.of("chat.postMessage") == [] and fake_slack.of("response_url") == []  # nothing public


def test_news_alone_and_help_show_usage(slack, fake_slack):
    for answer in (slack.command("").json(), slack.command("help").json()):
        assert "/news huawei chips" in block_texts(blocks_of(answer))
        assert "4 articles" in block_texts(blocks_of(answer))


def test_news_latest_lists_newest_first(slack, fake_slack):
    answer = slack.command("latest 2").json()
    text = block_texts(blocks_of(answer))
    assert text.index("City library reopens") < text.index("China Can Lead in AI")
    assert "Harbour town" not in text
    assert "<https://news.example.org/culture/library-reopens|City library reopens" in text


def test_no_match_says_so_and_suggests_titles(slack, fake_slack):
    answer = slack.command("volcano eruption iceland").json()
    text = block_texts(blocks_of(answer))
    assert "Nothing matches" in text and "Closest titles" in text


def test_a_very_long_query_is_cut_not_rejected(slack, fake_slack):
    answer = slack.command("huawei chips " + "blah " * 2000).json()
    text = block_texts(blocks_of(answer))
    assert SEED_TITLE in answer["text"]
    assert "first 500 characters" in text


def test_more_results_button_when_several_match(slack, fake_slack):
    answer = slack.command("council").json()  # the wind farm and the library
    buttons = {e["action_id"]: e for e in blocks_of(answer)[-1]["elements"]}
    assert buttons["more_results"]["value"] == '{"q": "council", "o": 1}'


def test_a_slow_answer_is_acked_in_time_and_follows_by_response_url(slack, fake_slack, monkeypatch):
    from bot.slack.deadline import AckDeadline
    from bot.slack.listeners.commands import news

    answer_for = news.answer_for

    def slow_answer(text, library, digest_preview=None):
        time.sleep(0.6)
        return answer_for(text, library, digest_preview)

    monkeypatch.setattr(news, "ACK_DEADLINE", AckDeadline(budget=0.1, tick=0.02))
    monkeypatch.setattr(news, "answer_for", slow_answer)
    reply = slack.command("rail strike")
    assert reply.status == 200 and reply.body == ""
    assert reply.seconds < 0.5
    [answer] = fake_slack.wait_for("response_url")
    assert answer.body["response_type"] == "ephemeral"
    assert "Rail strike called off" in answer.body["text"]
