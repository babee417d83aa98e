"""Reading a query the way people type them into Slack's own search box."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .boilerplate import parse_date
from .text import squash

MAX_QUERY_CHARS = 500

_FILTER = re.compile(r'(?P<neg>-)?(?P<key>source|from|in|by|author|after|before|on|tag):(?P<value>"[^"]*"|\S+)', re.I)
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')
_EXCLUDE = re.compile(r"(?:^|\s)-(?P<word>[^\s\-\"][^\s]*)")

_KEY_ALIASES = {"from": "source", "in": "source", "author": "by"}


@dataclass(frozen=True, slots=True)
class Filter:
    key: str  # source, by, after, before, on, tag, phrase, exclude
    value: str
    written: str  # as the user typed it, for messages
    day: date | None = None


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # the free words, filters removed
    filters: tuple[Filter, ...] = ()
    problems: tuple[str, ...] = ()  # filters we could not read, said back to the user
    truncated: bool = False
    raw: str = field(default="", compare=False)


def parse_query(raw: str) -> Query:
    raw = raw or ""
    truncated = len(raw) > MAX_QUERY_CHARS
    if truncated:
        raw = raw[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
    text = raw.replace("\u201c", '"').replace("\u201d", '"')
    filters: list[Filter] = []
    problems: list[str] = []

    def take_filter(match: re.Match) -> str:
        key = _KEY_ALIASES.get(match.group("key").lower(), match.group("key").lower())
        value = match.group("value").strip('"')
        written = match.group(0)
        if match.group("neg"):
            filters.append(Filter("exclude", value, written))
            return " "
        if key in ("after", "before", "on"):
            day = parse_date(value)
            if day is None:
                problems.append(f"`{written}` is not a date I can read (try {key}:2024-05-01)")
                return " "
            filters.append(Filter(key, value, written, day))
        elif value:
            filters.append(Filter(key, value, written))
        return " "

    text = _FILTER.sub(take_filter, text)
    for match in _PHRASE.finditer(text):
        phrase = squash(match.group(1) or match.group(2) or "")
        if phrase:
            filters.append(Filter("phrase", phrase, f'"{phrase}"'))
    text = _PHRASE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", text)
    for match in _EXCLUDE.finditer(text):
        word = match.group("word")
        if re.search(r"\w", word):
            filters.append(Filter("exclude", word.strip(".,;:!?"), f"-{word}"))
    text = _EXCLUDE.sub(" ", text)
    return Query(text=squash(text), filters=tuple(filters), problems=tuple(problems), truncated=truncated, raw=raw)
