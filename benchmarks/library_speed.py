"""Library speed and memory: load the BBC corpus, then a synthetic 100,000-article library
built from it, and time queries on both.

Figures that depend on the machine come with a baseline measured in the same run, so the
ratio means something on a noisy machine:
- load time against just reading the same files' bytes (the I/O floor);
- query latency against one plain rapidfuzz scan over every title (the cheapest whole-library
  operation a fuzzy search could do).

    python benchmarks/library_speed.py [--corpus ../shared/corpus/bbc] [--size 100000]
"""

from __future__ import annotations

import argparse
import gc
import logging
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.articles import Library
from bot.articles.library import article_paths

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_quality import DEFAULT_CORPUS, make_queries  # noqa: E402


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * 4096 / 2**20


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_queries(library: Library, queries: list[str]) -> list[float]:
    latencies = []
    for query in queries:
        started = time.perf_counter()
        library.search(query, limit=5)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def title_scan_ms(library: Library, queries: list[str]) -> float:
    titles = [a.title for a in library.articles]
    started = time.perf_counter()
    for query in queries:
        process.extract(query, titles, scorer=fuzz.WRatio, limit=5)
    return (time.perf_counter() - started) * 1000 / len(queries)


def synthetic(library: Library, size: int, seed: int = 3) -> list:
    """`size` distinct articles: each a BBC article with a paragraph of another spliced in."""
    rng = random.Random(seed)
    base = library.articles
    out = []
    for i in range(size):
        article = base[i % len(base)]
        donor = base[rng.randrange(len(base))]
        body = list(article.body)
        body.insert(rng.randrange(len(body) + 1), rng.choice(donor.body))
        out.append(replace(article, id=f"{article.id}-{i}", title=f"{article.title} ({i})", body=tuple(body)))
    return out


def report_queries(label: str, library: Library, queries: list[str]) -> None:
    time_queries(library, queries[:20])  # warm caches
    latencies = time_queries(library, queries)
    scan = title_scan_ms(library, queries[:50])
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    print(
        f"{label}: query p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(latencies):.1f} ms "
        f"({len(queries)} queries); one rapidfuzz title scan {scan:.1f} ms; p99/scan {p99 / scan:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100, help="articles to draw queries from (5 each)")
    args = parser.parse_args()
    folder = args.corpus / "articles"
    if not folder.is_dir():
        print(f"BBC corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)

    paths = article_paths(folder)
    started = time.perf_counter()
    for path in paths:
        path.read_bytes()
    read_s = time.perf_counter() - started

    before = rss_mib()
    loads = []
    for _ in range(3):
        started = time.perf_counter()
        library = Library.load(folder)
        loads.append(time.perf_counter() - started)
    load_s = statistics.median(loads)
    print(
        f"BBC: {len(paths)} files -> {len(library)} articles; load {load_s:.2f} s (median of 3: "
        f"{', '.join(f'{t:.2f}' for t in loads)}); reading the bytes alone {read_s:.3f} s; "
        f"RSS {rss_mib():.0f} MiB ({rss_mib() - before:+.0f} MiB)"
    )
    queries = [q for _, q, _ in make_queries(library, args.queries)]
    report_queries("BBC", library, queries)

    articles = synthetic(library, args.size)
    del library
    gc.collect()
    before = rss_mib()
    started = time.perf_counter()
    big = Library(articles)
    build_s = time.perf_counter() - started
    print(
        f"\nSynthetic: {len(big):,} articles; index build {build_s:.1f} s; "
        f"RSS {rss_mib():.0f} MiB (index {rss_mib() - before:+.0f} MiB over the articles themselves)"
    )
    report_queries(f"Synthetic {len(big):,}", big, queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
