"""The domain's value types."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property

from .summary import summarize
from .text import split_sentences, terms


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None


# Not slotted: `summary` is a cached property, computed the first time it is shown rather
# than for every article at start-up.
@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: tuple[str, ...]
    path: str
    dek: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # Hash of the normalised text, used to spot the same story saved twice.
    fingerprint: str = field(default="", compare=False)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """The body's sentences, in reading order."""
        return tuple(s for paragraph in self.body for s in split_sentences(paragraph))

    @cached_property
    def sentence_terms(self) -> tuple[frozenset[str], ...]:
        """Each sentence's index terms (stopwords kept), for finding the passage a query matched."""
        return tuple(frozenset(terms(s, keep_stopwords=True)) for s in self.sentences)

    @cached_property
    def summary(self) -> tuple[str, ...]:
        """2-3 sentences in reading order, led by the standfirst when there is one."""
        return tuple(summarize(self.title, self.sentences, dek=self.dek))

    @property
    def best_quote(self) -> Quote | None:
        """The quote most worth showing: attributed, then the longest of reasonable length."""
        attributed = [q for q in self.quotes if q.speaker]
        pool = attributed or list(self.quotes)
        if not pool:
            return None
        return max(pool, key=lambda q: (min(len(q.text), 240), -abs(len(q.text) - 160)))

    def to_dict(self, *, include_body: bool = True) -> dict:
        data = asdict(self)
        data.pop("fingerprint")
        data["published"] = self.published.isoformat() if self.published else None
        data["body"] = list(self.body)
        data["summary"] = list(self.summary)
        data["tags"] = list(self.tags)
        data["quotes"] = [{"text": q.text, "speaker": q.speaker} for q in self.quotes]
        if not include_body:
            data.pop("body")
        return data


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file the library did not load, and why (one line, for the admin)."""

    path: str
    error: str
