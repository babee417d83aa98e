"""The library's public functions: loading a folder, deduplicating, searching, filtering."""

from __future__ import annotations

import shutil

import pytest

from bot.articles import Library, read_folder
from tests.conftest import SEED_FILE

SEED_ID = "china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"


@pytest.fixture
def library(library_dir):
    return Library.load(library_dir)


def top_id(library: Library, query: str) -> str | None:
    result = library.search(query)
    return result.hits[0].article.id if result.hits else None


def test_loads_every_article_recursively(library_dir):
    nested = library_dir / "archive" / "2023"
    nested.mkdir(parents=True)
    shutil.move(library_dir / "rail-strike.txt", nested / "rail-strike.txt")
    library = Library.load(library_dir)
    assert len(library) == 4
    assert library.get("rail-strike-called-off-after-last-minute-pay-offer").path == "archive/2023/rail-strike.txt"
    assert library.problems == ()


@pytest.mark.parametrize(
    "query",
    [
        "huawei chips",
        "huawai chps",  # typos
        "what did the Huawei Cloud CEO say about chips?",  # a question
        "we need to abandon the view that without the best chips we cannot lead",  # a quote, misremembered
        "Zhang Ping'an",
        "china hardwear restrictons",
    ],
)
def test_finds_the_seed_however_it_is_asked(library, query):
    assert top_id(library, query) == SEED_ID


def test_each_fixture_is_found_by_its_own_words(library):
    assert top_id(library, "wind farm fishing") == "harbour-town-approves-offshore-wind-farm-after-two-year-fight"
    assert top_id(library, "libary opening hours at night") == "city-library-reopens-with-a-night-time-reading-room"
    assert top_id(library, "who called off the rail strike?") == "rail-strike-called-off-after-last-minute-pay-offer"


def test_hits_carry_a_score_and_the_passage_that_matched(library):
    result = library.search("Ascend 910B Nvidia A100")
    hit = result.hits[0]
    assert hit.article.id == SEED_ID
    assert hit.score > 0
    assert "Ascend 910B" in hit.passage
    assert {"ascend", "910b", "nvidia", "a100"} <= set(hit.matched)


def test_typo_corrections_are_reported(library):
    result = library.search("huawai chps")
    assert ("huawai", "huawei") in result.corrections


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source:aibusiness chips", [SEED_ID]),
        ("source:ai-business", [SEED_ID]),
        ("by:wodecki", [SEED_ID]),
        ("after:2024-05-01 before:2024-12-31", [SEED_ID]),
        ("before:2024-01-01 strike", ["rail-strike-called-off-after-last-minute-pay-offer"]),
        ('"night-time reading room"', ["city-library-reopens-with-a-night-time-reading-room"]),
        ("pay offer", ["rail-strike-called-off-after-last-minute-pay-offer", SEED_ID]),  # "Huawei offers"
        ("pay offer -strike", [SEED_ID]),
        ("pay offer -strike -huawei", []),
    ],
)
def test_slack_style_filters(library, query, expected):
    assert [h.article.id for h in library.search(query).hits] == expected


def test_filters_alone_list_newest_first(library):
    ids = [h.article.id for h in library.search("after:2023-01-01", limit=10).hits]
    assert ids == [
        "city-library-reopens-with-a-night-time-reading-room",
        SEED_ID,
        "harbour-town-approves-offshore-wind-farm-after-two-year-fight",
        "rail-strike-called-off-after-last-minute-pay-offer",
    ]


def test_a_filter_that_empties_the_result_is_named(library):
    result = library.search("chips by:nobody")
    assert result.hits == ()
    assert "`by:nobody`" in result.message
    assert "Ben Wodecki" in result.message  # says which authors exist

    result = library.search("source:aibusiness after:2030-01-01")
    assert "`after:2030-01-01`" in result.message and "1 article" in result.message


def test_an_unreadable_date_filter_is_said_back(library):
    result = library.search("chips after:someday")
    assert "after:someday" in result.message
    assert result.hits[0].article.id == SEED_ID


def test_no_match_suggests_close_titles(library):
    result = library.search("quantum cryptography breakthrough")
    assert result.hits == ()
    assert "Nothing matches" in result.message
    assert len(result.suggestions) >= 1


@pytest.mark.parametrize("query", ["", "   \t ", "?!.,;", "🙂🚀🔥", "的的的"])
def test_absurd_queries_get_a_message_not_an_exception(library, query):
    result = library.search(query)
    assert result.hits == ()
    assert result.message


def test_a_huge_query_is_cut_not_rejected(library):
    result = library.search("huawei chips " + "lorem ipsum " * 900)
    assert result.query.truncated
    assert "first 500 characters" in result.message


def test_duplicates_are_reported_with_the_file_they_repeat(library_dir):
    shutil.copy(SEED_FILE, library_dir / "zz-copy.txt")
    reports = {r.path: r for r in read_folder(library_dir)}
    assert reports["zz-copy.txt"].error == "duplicate of china-can-lead-in-ai-huawei-cloud-ceo.txt"
    assert len(Library.load(library_dir)) == 4


def test_bad_files_are_skipped_and_the_rest_load(library_dir):
    (library_dir / "empty.txt").write_bytes(b"")
    (library_dir / "image.txt").write_bytes(b"\x00\x01\x02" * 500)
    (library_dir / "huge.txt").write_text("Huge\n\n" + "words and more words. " * 200_000)
    (library_dir / "latin1.txt").write_bytes(
        b"Price of tea\n\nA cup now costs \xa32 in the station cafe, traders said.\n"
    )
    (library_dir / "notes.json").write_text("{}")  # not an article file: ignored
    library = Library.load(library_dir)
    problems = {p.path: p.error for p in library.problems}
    assert problems == {
        "empty.txt": "empty file",
        "huge.txt": "file is 4,400,006 bytes, over the 2,000,000-byte limit",
        "image.txt": "binary file, not text",
    }
    assert len(library) == 5
    assert library.search("cup of tea").hits[0].article.body[0].startswith("A cup now costs £2")


def test_same_title_different_story_gets_a_distinct_id(library_dir):
    (library_dir / "other.txt").write_text(
        SEED_FILE.read_text(encoding="utf-8").splitlines()[0]
        + "\n\nA different story with the same headline, told briefly.\n"
    )
    ids = [a.id for a in Library.load(library_dir).articles]
    assert len(ids) == len(set(ids))
    assert SEED_ID in ids and SEED_ID + "-2" in ids


def test_latest_is_newest_first_and_undated_last(library_dir):
    (library_dir / "undated.txt").write_text("Undated note\n\nThis story has no date line at all, only text.\n")
    titles = [a.title for a in Library.load(library_dir).latest(5)]
    assert titles[0] == "City library reopens with a night-time reading room"
    assert titles[-1] == "Undated note"


def test_a_live_library_picks_up_new_changed_and_removed_files(library_dir):
    from bot.articles.library import LiveLibrary

    seen = []
    live = LiveLibrary(library_dir, on_change=seen.append)
    assert len(live()) == 4 and len(seen) == 1
    assert live.refresh() is False  # nothing changed: no rebuild
    (library_dir / "new.md").write_text(
        "---\ntitle: Ferry returns\n---\n\nThe island ferry returns to service today.\n"
    )
    assert live.refresh() is True
    assert live().search("island ferry").hits[0].article.title == "Ferry returns"
    (library_dir / "rail-strike.txt").unlink()
    assert live.refresh() is True
    assert len(live()) == 4 and live().get("rail-strike-called-off-after-last-minute-pay-offer") is None
    assert len(seen) == 3


def test_a_live_library_keeps_its_articles_if_the_folder_vanishes(library_dir):
    from bot.articles.library import LiveLibrary

    live = LiveLibrary(library_dir)
    shutil.rmtree(library_dir)
    assert live.refresh() is False
    assert len(live()) == 4
