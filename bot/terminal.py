"""Terminal rendering for the offline command line (rich), and its plain JSON twin."""

from __future__ import annotations

import json
from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from .articles import Article, FileReport, SearchResult
from .articles.card import Card, card_for, format_date
from .digest.select import digest_quote, digest_summary


def result_to_json(query: str, result: SearchResult) -> dict:
    results = []
    for hit in result.hits:
        data = hit.article.to_dict(include_body=False)
        best = hit.article.best_quote
        data.update(
            score=hit.score,
            passage=hit.passage,
            best_quote={"text": best.text, "speaker": best.speaker} if best else None,
        )
        results.append(data)
    out: dict = {"query": query, "results": results}
    if result.message:
        out["message"] = result.message
    if result.suggestions:
        out["suggestions"] = list(result.suggestions)
    if result.corrections:
        out["corrections"] = [{"typed": t, "understood": u} for t, u in result.corrections]
    return out


def write_json_line(stream: IO[str], data: dict) -> None:
    stream.write(json.dumps(data, ensure_ascii=False) + "\n")
    stream.flush()


def card_panel(card: Card, number: int | None = None) -> Panel:
    article = card.article
    parts: list = []
    context = " · ".join(card.context)
    if context:
        parts.append(Text(context, style="dim"))
    if card.summary:
        parts.append(Text(""))
        for sentence in card.summary:
            parts.append(Text("• ") + Text(sentence))
    if card.quote:
        parts.append(Text(""))
        quote = Text("“", style="italic") + Text(card.quote.text, style="italic") + Text("”", style="italic")
        if card.quote.speaker:
            quote += Text(f" — {card.quote.speaker}", style="bold")
        parts.append(quote)
    if card.passage:
        parts.append(Text(""))
        parts.append(Text("Matched: ", style="dim") + Text(card.passage, style="dim italic"))
    parts.append(Text(""))
    if article.url:
        parts.append(Text("Read at source: ", style="dim") + Text(article.url, style=f"link {article.url} cyan"))
    else:
        parts.append(Text(f"File: {article.path}", style="dim"))
    title = Text(article.title, style="bold")
    if number is not None:
        title = Text(f"{number}. ", style="bold") + title
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue", expand=True)


def print_result(console: Console, query: str, result: SearchResult) -> None:
    if result.corrections:
        fixes = ", ".join(f"{typed} → {understood}" for typed, understood in result.corrections)
        console.print(Text(f"Searching with typo fixes: {fixes}", style="dim"))
    if not result.hits:
        console.print(Text(result.message or f"No articles match “{query}”.", style="yellow"))
        if result.suggestions:
            console.print(Text("Closest titles:", style="dim"))
            for title in result.suggestions:
                console.print(Text("  • ") + Text(title))
        return
    if result.message:
        console.print(Text(result.message, style="yellow"))
    for number, hit in enumerate(result.hits, 1):
        console.print(card_panel(card_for(hit.article, hit), number if len(result.hits) > 1 else None))


def print_check(console: Console, reports: list[FileReport]) -> None:
    for report in reports:
        if report.ok:
            a: Article = report.article
            line = Text("✓ ", style="green") + Text(report.path, style="bold") + Text(f"  {a.title}")
            details = [
                f"date {a.published.isoformat() if a.published else '—'}",
                f"author {a.author or '—'}",
                f"url {a.url or '—'}",
                f"{len(a.quotes)} quote{'s' if len(a.quotes) != 1 else ''}",
                f"{len(a.body)} paragraphs",
            ]
            console.print(line)
            console.print(Text("    " + " · ".join(details), style="dim"))
        else:
            console.print(
                Text("✗ ", style="red")
                + Text(report.path, style="bold")
                + Text(f"  skipped: {report.error}", style="red")
            )
    loaded = sum(r.ok for r in reports)
    console.print(Text(f"\n{loaded} of {len(reports)} files loaded, {len(reports) - loaded} skipped.", style="bold"))


def print_digest(console: Console, plan, settings, next_run) -> None:
    """A dry run of the digest: what would be posted, and when the next one is due."""
    where = settings.digest_channel or "(DIGEST_CHANNEL not set)"
    console.print(Text(f"Daily digest for {plan.day:%A %-d %B %Y} → {where}", style="bold"))
    console.print(
        Text(
            f"Schedule: {settings.digest_days} at {settings.digest_time} {settings.digest_timezone}; "
            f"next {next_run:%a %-d %b %H:%M %Z}",
            style="dim",
        )
    )
    if plan.since:
        console.print(Text(f"Covers everything since the digest of {plan.since:%A %-d %B}", style="dim"))
    if not plan.articles:
        console.print(Text(f"Nothing to post: {plan.reason}.", style="yellow"))
        return
    for number, article in enumerate(plan.articles, 1):
        parts: list = []
        context = " · ".join(p for p in (article.source, format_date(article)) if p)
        if context:
            parts.append(Text(context, style="dim"))
        parts.append(Text(" ".join(digest_summary(article))))
        quote = digest_quote(article)
        if quote:
            parts.append(Text(f"“{quote.text}”", style="italic") + Text(f" — {quote.speaker}", style="bold"))
        if article.url:
            parts.append(Text(article.url, style=f"link {article.url} cyan"))
        label = "new" if article.id in plan.new else "from the archive" if plan.new else ""
        console.print(
            Panel(
                Group(*parts),
                title=Text(f"{number}. {article.title}", style="bold"),
                title_align="left",
                subtitle=Text(label, style="dim") if label else None,
                subtitle_align="right",
                border_style="blue",
            )
        )
