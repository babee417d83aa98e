"""Block Kit rendering. Every message is built with slack_sdk's models (which check Slack's
size rules), carries a plain-text fallback, and shows untrusted text (article text, queries)
literally: `&`, `<` and `>` are escaped and mrkdwn is marked verbatim, so nothing in it can
ping @channel or a user or forge a link. The only link ever made is the article's own
http(s) URL, which the parser validated."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from ..articles import Article, SearchResult
from ..articles.card import Card, card_for, format_date
from ..digest.select import DigestPlan, digest_quote, digest_summary

HEADER_MAX = 150
SECTION_MAX = 3000
CONTEXT_MAX = 2000
BUTTON_VALUE_MAX = 2000
MAX_BLOCKS = 50
# Slack refuses block payloads well below 50 full sections (msg_blocks_too_long); stay clear.
MAX_BLOCKS_JSON = 12_000
FALLBACK_MAX = 3000

SHARE_ACTION = "share_article"
MORE_ACTION = "more_results"
OPEN_ACTION = "open_source"
MORE_PAGE = 3


@dataclass(frozen=True)
class Message:
    text: str
    blocks: list[Block | dict] = field(default_factory=list)

    def as_kwargs(self) -> dict:
        """Arguments for chat.postMessage / respond: link previews off, blocks as dicts."""
        return {
            "text": self.text,
            "blocks": fit(self.blocks),
            "unfurl_links": False,
            "unfurl_media": False,
        }


def escape(text: str) -> str:
    """Slack's own rule: escape exactly &, < and >."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Escaped text cut to `limit` characters without splitting an entity."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    cut = re.sub(r"&[a-z]*$", "", escaped[: limit - 1]).rstrip()
    return cut + "…"


def plain(text: str, limit: int) -> PlainTextObject:
    # Slack decodes &amp; &lt; &gt; in plain_text as well, so the same escaping shows it literally.
    return PlainTextObject(text=clip(" ".join(text.split()), limit), emoji=False)


def verbatim(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text, verbatim=True)


def link(url: str | None, label: str) -> str:
    """A mrkdwn link to an article's own validated http(s) URL; the label cannot break out."""
    label = clip(label, 300).replace("|", "¦")
    if url and re.fullmatch(r"https?://[^\s<>|]+", url):
        return f"<{url}|{label}>"
    return label


def fit(blocks: list[Block | dict]) -> list[dict]:
    """The blocks as dicts, trailing content dropped until the message is within Slack's
    limits; the actions row (the buttons), if there is one, is kept."""
    dicts = [b if isinstance(b, dict) else b.to_dict() for b in blocks]
    actions = [dicts.pop()] if dicts and dicts[-1]["type"] == "actions" else []
    sizes = [len(json.dumps(d)) for d in dicts + actions]
    total = sum(sizes) + len(sizes) + 1
    while dicts and (len(dicts) + len(actions) > MAX_BLOCKS or total > MAX_BLOCKS_JSON):
        dicts.pop()
        total -= sizes.pop(len(dicts)) + 1
    return dicts + actions


def fallback(text: str) -> str:
    return clip(text, FALLBACK_MAX)


# --- one article ---------------------------------------------------------------------------


def card_blocks(
    card: Card, *, shared_by: str | None = None, buttons: tuple[str, ...] = (), query: str = ""
) -> list[Block | dict]:
    article = card.article
    blocks: list[Block | dict] = list(_article_blocks(article, shared_by))
    if card.passage:
        blocks.append(ContextBlock(elements=[verbatim("Matched: _" + clip(card.passage, CONTEXT_MAX - 20) + "_")]))
    actions = _buttons(article, buttons, query)
    if actions:
        blocks.append(ActionsBlock(elements=actions))
    return blocks


@lru_cache(maxsize=2048)
def _article_blocks(article: Article, shared_by: str | None) -> tuple[dict, ...]:
    """Header, context, summary and quote of an article: the same every time it is shown, so
    built (and validated by slack_sdk) once. Callers must not modify the dicts."""
    card = card_for(article)
    blocks: list[Block] = [HeaderBlock(text=plain(article.title, HEADER_MAX))]
    context = " · ".join(card.context)
    if shared_by:
        context = f"Shared by <@{shared_by}>" + (f" · {clip(context, CONTEXT_MAX - 40)}" if context else "")
    elif context:
        context = clip(context, CONTEXT_MAX)
    if context:
        blocks.append(ContextBlock(elements=[verbatim(context)]))
    if card.summary:
        blocks.append(SectionBlock(text=verbatim(clip(" ".join(card.summary), SECTION_MAX))))
    if card.quote:
        speaker = f"\n— {clip(card.quote.speaker, 200)}" if card.quote.speaker else ""
        quote = clip(f"“{card.quote.text}”", SECTION_MAX - len(speaker) - 2)
        blocks.append(SectionBlock(text=verbatim(f">{quote}{speaker}")))
    return tuple(b.to_dict() for b in blocks)


def _buttons(article: Article, wanted: tuple[str, ...], query: str) -> list[ButtonElement]:
    elements = []
    if article.url:
        elements.append(
            ButtonElement(
                text="Read at source", url=article.url, action_id=OPEN_ACTION, value=article.id[:BUTTON_VALUE_MAX]
            )
        )
    if SHARE_ACTION in wanted:
        elements.append(
            ButtonElement(
                text="Share in channel", action_id=SHARE_ACTION, value=article.id[:BUTTON_VALUE_MAX], style="primary"
            )
        )
    if MORE_ACTION in wanted and query:
        elements.append(ButtonElement(text="More results", action_id=MORE_ACTION, value=more_value(query, 1)))
    return elements


def more_value(query: str, offset: int) -> str:
    value = json.dumps({"q": query, "o": offset}, ensure_ascii=False)
    while len(value) > BUTTON_VALUE_MAX:
        query = query[: len(query) - (len(value) - BUTTON_VALUE_MAX) - 1]
        value = json.dumps({"q": query, "o": offset}, ensure_ascii=False)
    return value


def article_message(article: Article, *, shared_by: str | None = None) -> Message:
    card = card_for(article)
    who = f"<@{shared_by}> shared: " if shared_by else ""
    return Message(text=who + fallback(article.title), blocks=card_blocks(card, shared_by=shared_by))


# --- answers to a query ------------------------------------------------------------------


def answer_message(result: SearchResult, query: str, *, private: bool) -> Message:
    """The best hit as a card, or a plain 'nothing matched' with the closest titles.

    A private answer offers to share it; "More results" appears when there are more."""
    if not result.hits:
        return no_match_message(result, query)
    hit = result.hits[0]
    buttons = ([SHARE_ACTION] if private else []) + ([MORE_ACTION] if len(result.hits) > 1 else [])
    blocks = card_blocks(card_for(hit.article, hit), buttons=tuple(buttons), query=query)
    notes = []
    if result.corrections:
        fixes = ", ".join(f"{clip(t, 40)} → {clip(u, 40)}" for t, u in result.corrections)
        notes.append(f"Searched with typo fixes: {fixes}")
    if result.message:
        notes.append(clip(result.message, 500))
    if notes:
        blocks.insert(0, ContextBlock(elements=[verbatim(" · ".join(notes))]))
    summary = " ".join(hit.article.summary[:1])
    return Message(text=fallback(f"{hit.article.title} — {summary}"), blocks=blocks)


def no_match_message(result: SearchResult, query: str) -> Message:
    text = result.message or f"Nothing matches “{query}”."
    blocks: list[Block] = [SectionBlock(text=verbatim(clip(text, SECTION_MAX)))]
    if result.suggestions:
        lines = "\n".join(f"• {clip(title, 300)}" for title in result.suggestions)
        blocks.append(SectionBlock(text=verbatim(f"Closest titles:\n{lines}")))
    return Message(text=fallback(text), blocks=blocks)


def more_results_message(result: SearchResult, query: str, offset: int) -> Message:
    hits = result.hits[offset : offset + MORE_PAGE]
    if not hits:
        return Message(
            text="That's everything that matched.",
            blocks=[SectionBlock(text=verbatim("That's everything that matched."))],
        )
    blocks: list[Block] = [ContextBlock(elements=[verbatim(f"More for “{clip(query, 200)}”")])]
    for hit in hits:
        blocks.extend(compact_article(hit.article, button=SHARE_ACTION))
    if len(result.hits) > offset + MORE_PAGE:
        blocks.append(
            ActionsBlock(
                elements=[
                    ButtonElement(
                        text="More results", action_id=MORE_ACTION, value=more_value(query, offset + MORE_PAGE)
                    )
                ]
            )
        )
    return Message(text=fallback("More results: " + "; ".join(h.article.title for h in hits)), blocks=blocks)


def compact_article(article: Article, *, button: str | None = None) -> list[Block]:
    """Title (linked), one line of context and the first summary sentence."""
    lines = [f"*{link(article.url, article.title)}*"]
    context = " · ".join(p for p in (article.source, article.author, format_date(article)) if p)
    if context:
        lines.append(clip(context, 300))
    if article.summary:
        lines.append(clip(article.summary[0], 600))
    section = SectionBlock(text=verbatim("\n".join(lines)))
    if button == SHARE_ACTION:
        section.accessory = ButtonElement(
            text="Share in channel", action_id=SHARE_ACTION, value=article.id[:BUTTON_VALUE_MAX]
        )
    return [section]


def latest_message(articles: list[Article]) -> Message:
    if not articles:
        return Message(text="The library is empty.", blocks=[SectionBlock(text=verbatim("The library is empty."))])
    blocks: list[Block] = [
        HeaderBlock(text=plain(f"Newest {len(articles)} article{'s' if len(articles) != 1 else ''}", HEADER_MAX))
    ]
    for article in articles:
        blocks.extend(compact_article(article, button=SHARE_ACTION))
    return Message(text=fallback("Newest: " + "; ".join(a.title for a in articles)), blocks=blocks)


def help_message(count: int) -> Message:
    text = (
        f"*Ask newsbot about the {count} articles in its library.*\n"
        "• `/news huawei chips` — the best match, privately, with buttons to share it or see more\n"
        "• `/news what did the Huawei Cloud CEO say about chips?` — questions and typos are fine\n"
        "• `/news source:aibusiness after:2024-05-01 chips` — filters: "
        '`source:` `by:` `after:` `before:` `"exact phrase"` `-word`\n'
        "• `/news latest 5` — the newest articles\n"
        "• `@newsbot <question>` in a channel — answered in the thread for everyone\n"
        "• Message menu ⋮ → *Find related articles* — works on any message, threads too"
    )
    return Message(text="How to use /news", blocks=[SectionBlock(text=MarkdownTextObject(text=text))])


def home_view(articles_count: int, newest: list[Article]) -> View:
    plural = "s" if articles_count != 1 else ""
    intro = (
        f"I know *{articles_count}* article{plural}. Ask me with `/news <words>`, "
        "mention me in a channel, or message me here."
    )
    blocks: list[Block] = [
        HeaderBlock(text=plain("newsbot", HEADER_MAX)),
        SectionBlock(text=verbatim(intro)),
        DividerBlock(),
    ]
    if newest:
        blocks.append(SectionBlock(text=verbatim("*Newest articles*")))
        for article in newest:
            blocks.extend(compact_article(article))
    blocks.append(DividerBlock())
    blocks.append(help_message(articles_count).blocks[0])
    return View(type="home", blocks=fit(blocks))


def error_message(text: str) -> Message:
    return Message(text=text, blocks=[SectionBlock(text=MarkdownTextObject(text=f":warning: {text}"))])


# --- the daily digest ------------------------------------------------------------------------


def digest_message(plan: DigestPlan) -> Message:
    """The digest as posted: a dated header, then each article with its linked title, source and
    date, a one- or two-sentence summary and, where there is one, a short quote."""
    title = f"Daily digest — {plan.day:%A %-d %B %Y}"
    blocks: list[Block | dict] = [HeaderBlock(text=plain(title, HEADER_MAX))]
    if plan.since:
        blocks.append(ContextBlock(elements=[verbatim(f"Everything since the digest of {plan.since:%A %-d %B}")]))
    for article in plan.articles:
        lines = [f"*{link(article.url, article.title)}*"]
        context = " · ".join(p for p in (article.source, format_date(article)) if p)
        if context:
            lines.append(clip(context, 300))
        summary = digest_summary(article)
        if summary:
            lines.append(clip(" ".join(summary), 1200))
        quote = digest_quote(article)
        if quote:
            lines.append(f">“{clip(quote.text, 400)}” — {clip(quote.speaker, 100)}")
        blocks.append(DividerBlock())
        blocks.append(SectionBlock(text=verbatim("\n".join(lines))))
    if not plan.articles:
        blocks.append(SectionBlock(text=verbatim(clip(f"Nothing to post: {plan.reason}.", SECTION_MAX))))
    text = f"{title}: " + "; ".join(a.title for a in plan.articles) if plan.articles else title
    return Message(text=fallback(text), blocks=blocks)
