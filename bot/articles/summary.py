"""Extractive summaries: the 2-3 sentences that best stand for the article, in reading order.

Each sentence is scored on what human summaries of news favour (measured on the BBC corpus,
see benchmarks/summary_quality.py): an early position, words the headline and the rest of
the article keep returning to, and enough substance to stand alone. Sentences that lean on
the previous one ("But he said...") or are mostly quotation are held back so the summary
reads on its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .text import terms

SUMMARY_SENTENCES = 3

_DANGLING_START = re.compile(
    r"^(but|and|or|so|also|however|meanwhile|instead|still|yet|then|this|that|these|those|"
    r"it|its|he|she|they|his|her|their|him|them|such|there|here|other|another|both|"
    r"which|while|although|though|despite|in addition|furthermore|moreover)\b",
    re.IGNORECASE,
)


def summarize(
    title: str, sentences: tuple[str, ...] | list[str], *, dek: str | None = None, size: int = SUMMARY_SENTENCES
) -> list[str]:
    """The summary of an article given its body's sentences in reading order."""
    sentences = list(sentences)
    if not sentences:
        return [dek] if dek else []
    # A standfirst is the writer's own one-line summary: lead with it and add less.
    budget = size - 1 if dek else size
    if len(sentences) <= budget:
        chosen = sentences
    else:
        scores = score_sentences(title, sentences)
        ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
        chosen = [sentences[i] for i in sorted(ranked[:budget])]
    return ([dek] if dek else []) + chosen


def score_sentences(title: str, sentences: list[str]) -> list[float]:
    sentence_terms = [set(terms(s)) for s in sentences]
    document = Counter(t for ts in sentence_terms for t in ts)
    weight = {t: math.log(c) for t, c in document.items()}
    title_terms = set(terms(title))
    total = len(sentences)
    scores = []
    for index, (sentence, words) in enumerate(zip(sentences, sentence_terms, strict=True)):
        length = len(sentence.split())
        if not words:
            scores.append(-math.inf)
            continue
        # Words the article repeats are what it is about.
        centrality = sum(map(weight.__getitem__, words)) / (len(words) ** 0.5 + 1)
        headline = len(words & title_terms) / (len(title_terms) or 1)
        position = 1.0 - index / total
        score = 1.2 * centrality + 1.5 * headline + 1.6 * position
        if index == 0:
            score += 0.8
        if length < 8:
            score -= 1.5
        elif length > 45:
            score -= 0.5
        if _DANGLING_START.match(sentence):
            score -= 0.8
        if sentence.count("“") + sentence.count('"') >= 2 and _mostly_quote(sentence):
            score -= 0.4
        if sentence.rstrip().endswith("?"):
            score -= 1.0
        scores.append(score)
    return scores


def _mostly_quote(sentence: str) -> bool:
    quoted = sum(len(m) for m in re.findall(r"[“\"]([^”\"]*)[”\"]", sentence))
    return quoted > 0.6 * len(sentence)
