"""What an answer about one article shows, whatever it is shown on (Slack or a terminal)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Article, Quote
from .search import Hit
from .text import squash


@dataclass(frozen=True, slots=True)
class Card:
    article: Article
    summary: tuple[str, ...]
    quote: Quote | None
    passage: str | None  # the matching sentence, only when the summary does not already show it

    @property
    def context(self) -> list[str]:
        """Source · author · date, leaving out what is unknown."""
        a = self.article
        parts = [a.source, a.author, format_date(a)]
        return [p for p in parts if p]


def format_date(article: Article) -> str | None:
    return article.published.strftime("%-d %b %Y") if article.published else None


def card_for(article: Article, hit: Hit | None = None) -> Card:
    passage = None
    if hit and hit.passage:
        shown = " ".join(squash(s) for s in article.summary)
        if squash(hit.passage) not in shown:
            passage = hit.passage
    return Card(
        article=article,
        summary=article.summary,
        quote=article.best_quote,
        passage=passage,
    )
