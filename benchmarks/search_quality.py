"""Search relevance on the BBC corpus: newsbot against plain BM25 (rank_bm25) and plain
rapidfuzz over titles, on the same query set, in the same run.

The query set is generated (seeded, so every run is the same) from sampled articles, in five
kinds a person types: keywords, the same keywords with typos, a question, a misremembered
quote, and a half-remembered headline. The article the query came from is the right answer;
the two files of a duplicate pair count as the same answer.

    python benchmarks/search_quality.py [--corpus ../shared/corpus/bbc] [--queries 200]
"""

from __future__ import annotations

import argparse
import logging
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process

from bot.articles import Library
from bot.articles.text import STOPWORDS, split_sentences

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc"
KINDS = ("keywords", "typos", "question", "quote", "headline")
_WORD = re.compile(r"[a-z]+")
_KEYBOARD_NEIGHBOURS = dict(
    zip(
        "qwertyuiopasdfghjklzxcvbnm",
        [
            "wa",
            "qes",
            "wrd",
            "etf",
            "ryg",
            "tuh",
            "yij",
            "uok",
            "ipl",
            "ol",
            "qsz",
            "awdx",
            "sefc",
            "drgv",
            "fthb",
            "gyjn",
            "hukm",
            "jil",
            "kop",
            "asx",
            "zdc",
            "xfv",
            "cgb",
            "vhn",
            "bjm",
            "nk",
        ],
        strict=True,
    )
)


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("delete", "swap", "substitute"))
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice(_KEYBOARD_NEIGHBOURS.get(word[i], "e")) + word[i + 1 :]


def make_queries(library: Library, count: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(kind, query, expected article id) for `count` sampled articles, every kind for each."""
    rng = random.Random(seed)
    documents = [Counter(_WORD.findall(" ".join(a.body).lower())) for a in library.articles]
    df = Counter(w for doc in documents for w in doc)
    n = len(documents)
    chosen = rng.sample(range(n), min(count, n))
    queries = []
    for i in chosen:
        article, doc = library.articles[i], documents[i]
        ranked = sorted(
            (w for w in doc if len(w) >= 4 and w not in STOPWORDS),
            key=lambda w: -doc[w] * math.log(n / df[w]),
        )
        keywords = ranked[:3]
        queries.append(("keywords", " ".join(keywords), article.id))
        queries.append(("typos", " ".join(typo(w, rng) for w in keywords), article.id))
        speakers = [q.speaker for q in article.quotes if q.speaker and " " in q.speaker]
        if speakers:
            question = f"what did {speakers[0]} say about {ranked[3] if len(ranked) > 3 else keywords[0]}?"
        else:
            question = f"what was the story about {ranked[3] if len(ranked) > 3 else keywords[0]} and {keywords[1]}?"
        queries.append(("question", question, article.id))
        sentences = [s for p in article.body[1:] for s in split_sentences(p) if len(s.split()) >= 14]
        quote_source = next((q.text for q in article.quotes if len(q.text.split()) >= 12), None)
        source = quote_source or (rng.choice(sentences) if sentences else article.body[0])
        words = _WORD.findall(source.lower())
        start = rng.randrange(0, max(1, len(words) - 10))
        window = words[start : start + 10]
        for _ in range(2):  # forget two words
            if len(window) > 4:
                window.pop(rng.randrange(len(window)))
        if window:
            j = rng.randrange(len(window))
            window[j] = typo(window[j], rng)
        queries.append(("quote", " ".join(window), article.id))
        title_words = article.title.split()
        if len(title_words) > 3:
            title_words.pop(rng.randrange(len(title_words)))
        j = max(range(len(title_words)), key=lambda k: len(title_words[k]))
        title_words[j] = typo(title_words[j].lower(), rng)
        queries.append(("headline", " ".join(title_words), article.id))
    return queries


def equivalents(corpus: Path, library: Library) -> dict[str, set[str]]:
    """Article id -> the ids that count as the same answer (itself and its near duplicates)."""
    by_path = {a.path: a.id for a in library.articles}
    same = {a.id: {a.id} for a in library.articles}
    for line in (corpus / "duplicates.tsv").read_text().splitlines()[1:]:
        _, file_a, file_b, _ = line.split("\t")
        a, b = by_path.get(file_a), by_path.get(file_b)
        if a and b:
            same[a].add(b)
            same[b].add(a)
    return same


def rank_of(expected: set[str], ranked_ids: list[str]) -> int | None:
    return next((rank for rank, found in enumerate(ranked_ids, 1) if found in expected), None)


def score(ranks: list[int | None]) -> tuple[float, float, float]:
    r1 = sum(r == 1 for r in ranks) / len(ranks)
    r3 = sum(r is not None and r <= 3 for r in ranks) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return r1, r3, mrr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--queries", type=int, default=200, help="articles to sample (5 queries each)")
    args = parser.parse_args()
    if not (args.corpus / "articles").is_dir():
        print(f"BBC corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)

    library = Library.load(args.corpus / "articles")  # exact duplicates are folded on load
    ids = [a.id for a in library.articles]
    titles = [a.title for a in library.articles]
    tokenized = [_WORD.findall(f"{a.title} {' '.join(a.body)}".lower()) for a in library.articles]
    bm25 = BM25Okapi(tokenized)
    queries = make_queries(library, args.queries)
    same = equivalents(args.corpus, library)

    systems = {
        "newsbot": lambda q: [h.article.id for h in library.search(q, limit=10).hits],
        "BM25 (rank_bm25)": lambda q: [
            ids[i]
            for i in sorted(range(len(ids)), key=bm25.get_scores(_WORD.findall(q.lower())).__getitem__, reverse=True)[
                :10
            ]
        ],
        "rapidfuzz titles": lambda q: [ids[i] for _, _, i in process.extract(q, titles, scorer=fuzz.WRatio, limit=10)],
    }
    print(f"{len(library)} articles, {len(queries)} queries ({len(queries) // len(KINDS)} per kind)\n")
    print(f"{'kind':<10} {'system':<18} {'R@1':>6} {'R@3':>6} {'MRR':>6} {'ms/query':>9}")
    for kind in (*KINDS, "all"):
        subset = [q for q in queries if kind in ("all", q[0])]
        for name, run in systems.items():
            started = time.perf_counter()
            ranks = [rank_of(same[expected], run(query)) for _, query, expected in subset]
            elapsed = (time.perf_counter() - started) * 1000 / len(subset)
            r1, r3, mrr = score(ranks)
            print(f"{kind:<10} {name:<18} {r1:6.3f} {r3:6.3f} {mrr:6.3f} {elapsed:9.1f}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
