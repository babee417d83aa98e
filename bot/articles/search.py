"""Ranking articles for a query a person typed.

One inverted index over each article's headline, standfirst, body, author, source and tags,
with BM25 weights precomputed and stored as compressed-sparse-row numpy arrays, so a query
is a handful of vectorised adds even at 100,000 articles. Query words that are not in the
vocabulary ("huawai", "chps") map to the closest indexed words with rapidfuzz. The top
candidates are then re-ranked by how much of the query they cover, how much of their
headline the query repeats and whether the query's words appear in the same order (a
half-remembered quote), and each hit carries the sentence that matched best.

The constants were set on the BBC corpus with benchmarks/search_quality.py (on a query set
drawn with another seed than the one it reports).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain

import numpy as np
from rapidfuzz import fuzz, process

from .model import Article
from .query import Filter, Query, parse_query
from .text import STOPWORDS, normalise_key, stem, terms, tokenize

K1 = 1.6
B = 0.5
MAX_QUERY_TERMS = 48
RERANK_DEPTH = 30
TITLE_COVERAGE_BOOST = 0.5
COVERAGE_MIX = 0.3
PHRASE_BOOST = 1.0
STOPWORD_WEIGHT = 0.1
FUZZY_CUTOFF = 78
NEAREST_CACHE = 20_000


@dataclass(frozen=True)
class Hit:
    article: Article
    score: float
    # The query's indexed terms and their weights, after typo correction.
    weighted: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _why(self) -> tuple[str, tuple[str, ...]]:
        return best_passage(self.article, self.weighted)

    @property
    def passage(self) -> str:
        """The sentence that matched best: why this article is here. Worked out when shown."""
        return self._why[0]

    @property
    def matched(self) -> tuple[str, ...]:
        """The indexed words of the query this article contains."""
        return self._why[1]


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: Query
    hits: tuple[Hit, ...]
    message: str | None = None  # why there is nothing, or what was changed in the query
    suggestions: tuple[str, ...] = ()  # close titles when nothing matched
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, understood as)


@dataclass(frozen=True, slots=True)
class _Postings:
    offsets: np.ndarray  # term id -> start in docs/weights
    docs: np.ndarray
    weights: np.ndarray


class SearchIndex:
    """An immutable index over a fixed list of articles."""

    def __init__(self, articles: list[Article] | tuple[Article, ...]):
        self.articles = tuple(articles)
        self.vocab: dict[str, int] = {}
        rows = []
        for article in self.articles:
            parts = (article.title, article.dek or "", *article.body, article.author or "", article.source or "")
            # Stopwords are indexed too: a remembered quote is mostly made of them.
            rows.append(self._count(terms(" ".join((*parts, *article.tags)), keep_stopwords=True)))
        self.postings = self._build(rows)
        # Typo targets: alphabetic terms sorted by length, so the candidates for a word are
        # one slice (similar length) rather than the whole vocabulary.
        self._fuzzy_terms = sorted((t for t in self.vocab if t.isalpha()), key=len)
        self._fuzzy_lengths = [len(t) for t in self._fuzzy_terms]
        self._nearest: dict[str, tuple[tuple[str, float], ...]] = {}
        self.published = np.array(
            [a.published.toordinal() if a.published else -1 for a in self.articles], dtype=np.int64
        )
        self.titles = [a.title for a in self.articles]
        self._processed_titles = [t.lower() for t in self.titles]
        # Filter keys, normalised once: each article's code into a small table of distinct keys.
        self._keys = {
            "source": [normalise_key(a.source or "") + "|" + normalise_key(a.url or "") for a in self.articles],
            "author": [normalise_key(a.author or "") for a in self.articles],
            "tags": ["|" + "|".join(normalise_key(t) for t in a.tags) + "|" for a in self.articles],
        }
        self._key_codes = {}
        for field_name, values in self._keys.items():
            distinct = sorted(set(values))
            code = {value: number for number, value in enumerate(distinct)}
            self._key_codes[field_name] = (distinct, np.array([code[v] for v in values], dtype=np.int32))

    def keys_containing(self, field_name: str, key: str) -> np.ndarray:
        """Articles whose normalised source/author/tags contain `key`."""
        distinct, codes = self._key_codes[field_name]
        wanted = np.array([key in value for value in distinct], dtype=bool)
        return wanted[codes] if len(distinct) else np.zeros(len(self.articles), dtype=bool)

    def _count(self, words: list[str]) -> tuple[array, array]:
        counts = Counter(words)
        vocab = self.vocab
        for term in [t for t in counts if t not in vocab]:
            vocab[term] = len(vocab)
        return array("i", map(vocab.__getitem__, counts)), array("i", counts.values())

    def _build(self, rows: list[tuple[array, array]]) -> _Postings:
        lengths = np.array([sum(tfs) for _, tfs in rows], dtype=np.float32)
        doc_ids = np.repeat(np.arange(len(rows), dtype=np.int32), [len(ids) for ids, _ in rows])
        term_ids = np.frombuffer(b"".join(ids.tobytes() for ids, _ in rows), dtype=np.int32)
        tfs = np.frombuffer(b"".join(t.tobytes() for _, t in rows), dtype=np.int32).astype(np.float32)
        order = np.argsort(term_ids, kind="stable")
        term_ids, doc_ids, tfs = term_ids[order], doc_ids[order], tfs[order]
        n_terms = max(len(self.vocab), 1)
        df = np.bincount(term_ids, minlength=n_terms)
        offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=offsets[1:])
        n = max(len(rows), 1)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        avg = float(lengths.mean()) if len(rows) else 1.0
        norm = K1 * (1 - B + B * lengths[doc_ids] / max(avg, 1e-9))
        weights = idf[term_ids] * tfs * (K1 + 1) / (tfs + norm)
        return _Postings(offsets=offsets, docs=doc_ids, weights=weights.astype(np.float32))

    # --- query side -----------------------------------------------------------------------

    def _postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = self.postings.offsets[term_id], self.postings.offsets[term_id + 1]
        return self.postings.docs[start:end], self.postings.weights[start:end]

    def docs_with(self, term: str) -> np.ndarray:
        term_id = self.vocab.get(term)
        if term_id is None:
            return np.zeros(0, dtype=np.int32)
        return self._postings(term_id)[0]

    def expand(self, tokens: list[str]) -> tuple[dict[str, float], list[tuple[str, str]]]:
        """Query tokens -> indexed terms with weights; unknown words go to their nearest terms.

        Stopwords count a little in a long query (a half-remembered quote), not at all in a
        short one, and fully when there is nothing else ("who said it?").
        """
        tokens = tokens[:MAX_QUERY_TERMS]
        content = [t for t in tokens if t not in STOPWORDS]
        stopword_weight = 1.0 if not content else STOPWORD_WEIGHT if len(tokens) >= 5 else 0.0
        weighted: dict[str, float] = {}
        corrections: list[tuple[str, str]] = []
        for token in tokens:
            word = stem(token)
            weight = stopword_weight if token in STOPWORDS else 1.0
            if word in self.vocab:
                if weight:
                    weighted[word] = max(weighted.get(word, 0.0), weight)
                continue
            if token in STOPWORDS:
                continue
            if len(word) < 3 or not word.isalpha():
                continue
            nearest = self.nearest_terms(word)
            if not nearest:
                continue
            for term, weight in nearest:
                weighted[term] = max(weighted.get(term, 0.0), weight)
            corrections.append((token, nearest[0][0]))
        return weighted, corrections

    def nearest_terms(self, word: str) -> tuple[tuple[str, float], ...]:
        """Indexed terms close to an unknown word, with weights. The vocabulary never changes,
        so each word's answer is kept (a bounded number of them): people repeat their typos."""
        cached = self._nearest.get(word)
        if cached is not None:
            return cached
        low = bisect_left(self._fuzzy_lengths, len(word) - 2)
        high = bisect_right(self._fuzzy_lengths, len(word) + 2)
        matches = process.extract(
            word, self._fuzzy_terms[low:high], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
        )
        best = matches[0][1] if matches else 0
        found = tuple((term, (similarity / 100) ** 2) for term, similarity, _ in matches if similarity >= best - 4)
        if len(self._nearest) >= NEAREST_CACHE:
            self._nearest.pop(next(iter(self._nearest)), None)
        self._nearest[word] = found
        return found

    def score(self, weighted: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """BM25, and how much of the query's weight each article covers."""
        scores = np.zeros(len(self.articles), dtype=np.float32)
        coverage = np.zeros(len(self.articles), dtype=np.float32)
        for term, weight in weighted.items():
            docs, weights = self._postings(self.vocab[term])
            scores[docs] += weight * weights
            coverage[docs] += weight
        return scores, coverage


def search(index: SearchIndex, raw_query: str, limit: int = 5) -> SearchResult:
    query = parse_query(raw_query)
    tokens = tokenize(query.text)
    if not tokens and not query.filters:
        if query.problems:
            message = " ".join(query.problems)
        elif raw_query and raw_query.strip():
            message = "I couldn't find any words in that to search for. Try a few keywords, e.g. `huawei chips`."
        else:
            message = "Type some words to search for, e.g. `huawei chips`."
        return SearchResult(query=query, hits=(), message=message)

    weighted, found = index.expand(tokens)
    corrections = tuple(found)
    allowed, filter_message = _apply_filters(index, query.filters)
    if allowed is not None and not allowed.any():
        return SearchResult(query=query, hits=(), message=filter_message, corrections=corrections)

    if not tokens:  # filters alone: everything they allow, newest first
        order = sorted(np.flatnonzero(allowed), key=lambda i: (-index.published[i], index.titles[i]))
        hits = tuple(Hit(index.articles[i], 0.0) for i in order[:limit])
        return SearchResult(query=query, hits=hits, message=_notes(query))

    scores, coverage = index.score(weighted)
    # BM25 alone lets one rare word outweigh the rest; favour articles that cover the query.
    final = scores * (1 - COVERAGE_MIX + COVERAGE_MIX * coverage / max(sum(weighted.values()), 1e-9))
    matched = final > 0
    if allowed is not None:
        final = np.where(allowed, final, 0)
    candidates = np.flatnonzero(final > 0)
    if len(candidates) == 0:
        message = f"Nothing matches “{_clip(query.text)}”."
        if allowed is not None and matched.any():
            message = f"Articles match “{_clip(query.text)}”, but none with {filter_message_for(query.filters)}."
        return SearchResult(
            query=query,
            hits=(),
            message=message,
            suggestions=tuple(suggest_titles(index, query.text)),
            corrections=corrections,
        )

    if len(candidates) > RERANK_DEPTH:
        candidates = candidates[np.argpartition(-final[candidates], RERANK_DEPTH)[:RERANK_DEPTH]]
    top = candidates[np.argsort(-final[candidates], kind="stable")]
    # A remembered passage's words in their order are worth more than the same words
    # scattered. A question's word order is the asker's, not the article's.
    quoted = len(tokens) >= 4 and not _QUESTION.match(query.text)
    bigrams = set(zip(tokens, tokens[1:], strict=False)) if quoted else set()
    reranked = sorted(
        (
            (
                float(final[i])
                * (1 + TITLE_COVERAGE_BOOST * _title_coverage(weighted, index.titles[i]))
                * (1 + PHRASE_BOOST * _bigram_share(bigrams, index.articles[i])),
                int(i),
            )
            for i in top
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    hits = tuple(Hit(index.articles[i], round(score, 3), weighted) for score, i in reranked[:limit])
    return SearchResult(query=query, hits=hits, message=_notes(query), corrections=corrections)


_QUESTION = re.compile(
    r"^\W*(?:(?:who|what|when|where|why|how|which)\s+(?:did|does|do|is|are|was|were|has|have|had|said|says|will|"
    r"would|can|could)\b|(?:tell|show) me\b)|\?\s*$",
    re.IGNORECASE,
)


def _bigram_share(bigrams: set[tuple[str, str]], article: Article) -> float:
    if not bigrams:
        return 0.0
    text = _token_text(article)
    return sum(f" {first} {second} " in text for first, second in bigrams) / len(bigrams)


@lru_cache(maxsize=4096)
def _token_text(article: Article) -> str:
    """The article's tokens joined by single spaces, so a word pair is a substring test."""
    return " " + " ".join(tokenize(" ".join((article.title, *article.body)))) + " "


def _title_coverage(weighted: dict[str, float], title: str) -> float:
    """How much of the headline the query repeats: high for a half-remembered headline,
    low for keywords that merely share a word with it."""
    words = set(terms(title))
    if not words:
        return 0.0
    return (sum(weighted.get(w, 0.0) for w in words) / len(words)) ** 2


def _notes(query: Query) -> str | None:
    notes = list(query.problems)
    if query.truncated:
        notes.append("Your query was long, so I searched its first 500 characters.")
    return " ".join(notes) or None


def _clip(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def filter_message_for(filters: tuple[Filter, ...]) -> str:
    return " ".join(f"`{f.written}`" for f in filters)


def _apply_filters(index: SearchIndex, filters: tuple[Filter, ...]) -> tuple[np.ndarray | None, str | None]:
    """A mask of allowed articles, and if it is empty, which filter emptied it."""
    if not filters:
        return None, None
    allowed = np.ones(len(index.articles), dtype=bool)
    for item in filters:
        before = int(allowed.sum())
        allowed &= _filter_mask(index, item, allowed)
        if not allowed.any():
            if before == len(index.articles):
                why = f"No article matches `{item.written}`{_filter_hint(index, item)}."
            else:
                why = (
                    f"`{item.written}` left nothing: {before} article{'s' if before != 1 else ''} "
                    f"matched the other filters, none of them this one."
                )
            return allowed, why
    return allowed, None


def _filter_mask(index: SearchIndex, item: Filter, allowed: np.ndarray) -> np.ndarray:
    n = len(index.articles)
    if item.key in ("after", "before", "on"):
        day = item.day.toordinal()
        has_date = index.published >= 0
        if item.key == "after":
            return has_date & (index.published > day)
        if item.key == "before":
            return has_date & (index.published < day)
        return index.published == day
    if item.key == "exclude":
        mask = np.ones(n, dtype=bool)
        for term in terms(item.value, keep_stopwords=True):
            mask[index.docs_with(term)] = False
        return mask
    if item.key == "phrase":
        wanted = " ".join(tokenize(item.value))
        mask = np.zeros(n, dtype=bool)
        candidates = np.flatnonzero(allowed)
        for term in terms(item.value):
            candidates = np.intersect1d(candidates, index.docs_with(term))
        for i in candidates:
            article = index.articles[i]
            text = " ".join(tokenize(" ".join((article.title, article.dek or "", *article.body))))
            mask[i] = f" {wanted} " in f" {text} "
        return mask
    key = normalise_key(item.value)
    if item.key == "source":
        return index.keys_containing("source", key)
    if item.key == "by":
        return index.keys_containing("author", key)
    if item.key == "tag":
        return index.keys_containing("tags", f"|{key}|")
    return np.ones(n, dtype=bool)


def _filter_hint(index: SearchIndex, item: Filter) -> str:
    if item.key == "source":
        known = sorted({a.source for a in index.articles if a.source})
        return f" (sources: {', '.join(known[:8])})" if known else " (no article has a source)"
    if item.key == "by":
        known = sorted({a.author for a in index.articles if a.author})
        return f" (authors: {', '.join(known[:8])})" if known else " (no article names its author)"
    if item.key in ("after", "before", "on"):
        dated = index.published[index.published >= 0]
        if len(dated) == 0:
            return " (no article has a publication date)"
        from datetime import date

        low, high = date.fromordinal(int(dated.min())), date.fromordinal(int(dated.max()))
        return f" (articles run from {low.isoformat()} to {high.isoformat()})"
    return ""


def suggest_titles(index: SearchIndex, text: str, limit: int = 3) -> list[str]:
    if not text.strip() or not index.titles:
        return []
    # token_set_ratio over lower-cased titles: WRatio's quality here at a fraction of its cost.
    found = process.extract(text.lower(), index._processed_titles, scorer=fuzz.token_set_ratio, limit=limit)
    return [index.titles[i] for _, _, i in found]


def best_passage(article: Article, weighted: dict[str, float]) -> tuple[str, tuple[str, ...]]:
    """The sentence that carries most of the query, and which query terms the article matched."""
    best, best_score = _lead(article), 0.0
    matched: set[str] = set()
    candidates = zip(article.sentences, article.sentence_terms, strict=True)
    if article.dek:
        candidates = chain([(article.dek, frozenset(terms(article.dek, keep_stopwords=True)))], candidates)
    for sentence, sentence_terms in candidates:
        present = sentence_terms & weighted.keys()
        if not present:
            continue
        matched |= present
        score = sum(weighted[t] for t in present)
        if score > best_score:
            best, best_score = sentence, score
    matched |= set(terms(article.title, keep_stopwords=True)) & weighted.keys()
    return best, tuple(sorted(matched))


def _lead(article: Article) -> str:
    return article.summary[0] if article.summary else (article.body[0] if article.body else "")
