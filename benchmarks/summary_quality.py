"""Summary quality on the BBC corpus: our extractive summaries against LEAD-3, same run.

Score: the share of summary sentences found word for word in the human reference summary
(precision of the chosen sentences), averaged over articles.

    python benchmarks/summary_quality.py [--corpus ../shared/corpus/bbc]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from bot.articles.parse import parse_file
from bot.articles.text import split_sentences, squash

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc"


def precision(sentences: list[str], reference: str) -> float:
    if not sentences:
        return 0.0
    return sum(squash(s) in reference for s in sentences) / len(sentences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--half",
        choices=["all", "odd", "even"],
        default="all",
        help="score every article, or the odd/even-numbered half only",
    )
    args = parser.parse_args()
    articles_dir = args.corpus / "articles"
    if not articles_dir.is_dir():
        print(f"BBC corpus not found at {args.corpus}", file=sys.stderr)
        return 2

    ours, lead3, lengths = [], [], []
    for path in sorted(articles_dir.glob("*/*.txt")):
        number = int(path.stem)
        if args.half != "all" and (number % 2 == 1) != (args.half == "odd"):
            continue
        reference_path = args.corpus / "summaries" / path.parent.name / path.name
        reference = squash(reference_path.read_text(encoding="utf-8", errors="replace"))
        article = parse_file(path)
        summary = [s for s in article.summary if s != article.dek]
        ours.append(precision(summary, reference))
        sentences = [s for p in article.body for s in split_sentences(p)]
        lead3.append(precision(sentences[:3], reference))
        lengths.append(len(summary))

    print(f"articles scored        {len(ours)}")
    print(f"newsbot summary        {statistics.mean(ours):.3f}")
    print(f"LEAD-3 baseline        {statistics.mean(lead3):.3f}")
    print(f"ratio newsbot/LEAD-3   {statistics.mean(ours) / statistics.mean(lead3):.3f}")
    print(f"sentences per summary  {statistics.mean(lengths):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
