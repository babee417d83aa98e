"""The real BBC corpus beside the project: messy encodings, duplicates, summary quality.

Skipped, with the reason, where ../shared/corpus/bbc is absent (a user's fresh clone).
"""

from __future__ import annotations

import statistics

import pytest

from bot.articles import Library, read_folder
from bot.articles.text import split_sentences, squash
from tests.conftest import BBC


@pytest.fixture(scope="module")
def reports(bbc_articles):
    return {r.path: r for r in read_folder(bbc_articles)}


def test_every_file_loads_or_is_a_named_duplicate(reports):
    assert len(reports) == 2225
    problems = {path: r.error for path, r in reports.items() if not r.ok}
    assert all(error.startswith("duplicate of ") for error in problems.values())
    exact = [line.split("\t") for line in (BBC / "duplicates.tsv").read_text().splitlines()[1:]]
    for kind, file_a, file_b, _ in exact:
        if kind == "exact":
            assert problems[file_b] == f"duplicate of {file_a}"


def test_the_latin1_file_loads_with_its_pound_sign(reports):
    article = reports["sport/199.txt"].article
    assert article is not None
    assert "£" in " ".join(article.body)
    assert "\ufffd" not in " ".join(article.body)


def test_ids_are_unique(reports):
    ids = [r.article.id for r in reports.values() if r.ok]
    assert len(ids) == len(set(ids))


def test_summaries_beat_lead3_against_the_human_references(reports):
    ours, lead3 = [], []
    for path, report in reports.items():
        if not report.ok:
            continue
        reference = squash((BBC / "summaries" / path).read_text(encoding="utf-8", errors="replace"))
        summary = report.article.summary
        assert 2 <= len(summary) <= 3
        ours.append(sum(squash(s) in reference for s in summary) / len(summary))
        sentences = [s for p in report.article.body for s in split_sentences(p)][:3]
        lead3.append(sum(squash(s) in reference for s in sentences) / len(sentences))
    assert statistics.mean(ours) > statistics.mean(lead3) + 0.1


def test_typo_and_question_queries_find_their_story(bbc_articles):
    library = Library.load(bbc_articles)
    assert library.search("wengr arsenal").hits[0].article.title == "Wenger dejected as Arsenal slump"
    assert library.search("time warner profits").hits[0].article.title == "Ad sales boost Time Warner profit"
    top = [h.article.title for h in library.search("what did apple say about ipod sales?", limit=3).hits]
    assert any("iPod" in title for title in top)
