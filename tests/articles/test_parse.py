"""Parsing real scraped text and varied hand-written pages into Articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.articles import ArticleError, parse_file
from bot.articles.boilerplate import is_date_line, parse_byline, parse_date
from tests.conftest import FIXTURES, SEED_FILE, SEEDS


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED_FILE, root=SEEDS)


def test_seed_metadata_comes_from_text_and_sidecar(seed):
    assert seed.id == "china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"
    assert seed.title == "China Can Lead in AI Despite Hardware Restrictions, Huawei Cloud CEO"
    assert seed.dek.startswith("Huawei Cloud’s CEO believes Chinese AI developers should focus")
    assert seed.author == "Ben Wodecki"
    assert seed.published == date(2024, 7, 10)
    assert (
        seed.url
        == "https://aibusiness.com/verticals/china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"
    )
    assert seed.source == "AI Business"
    assert seed.path == "china-can-lead-in-ai-huawei-cloud-ceo.txt"


def test_seed_text_is_kept_as_scraped():
    shipped = SEED_FILE.read_bytes()
    original = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_09f8ed2c860c5092.txt"
    if not original.exists():
        pytest.skip("../shared/seeds is not beside the project")
    assert shipped == original.read_bytes()


@pytest.mark.parametrize(
    "boilerplate",
    [
        "2 Min Read",
        "Digital render of the Chinese flag",
        "Getty Images",
        "Related:",
        "Chinese Tech Leaders Demand Practical AI Application",
        "About the Author",
        "Jr. Editor",
        "MSc in Digital Journalism",
        "Keep up with the ever-evolving AI landscape",
        "subscribing to our newsletter",
        "You May Also Like",
        "July 10, 2024",
    ],
)
def test_seed_boilerplate_is_not_article_text(seed, boilerplate):
    text = "\n".join(seed.body)
    assert boilerplate not in text
    assert all(boilerplate not in s for s in seed.summary)


def test_seed_body_starts_and_ends_with_the_story(seed):
    assert seed.body[0].startswith("China can maintain a leadership position in AI")
    assert seed.body[-1] == "Huawei itself operates under U.S. sanctions due to national security concerns."


def test_seed_quotes_are_verbatim_and_attributed_to_the_full_name(seed):
    raw = SEED_FILE.read_text(encoding="utf-8")
    assert [q.speaker for q in seed.quotes] == ["Zhang Ping'an", "Zhang Ping'an"]
    assert seed.quotes[0].text.startswith("If we believe that not having the most advanced AI chips")
    assert seed.quotes[1].text.startswith("We cannot rely solely on having the AI chips")
    for quote in seed.quotes:
        assert quote.text in raw


def test_seed_summary_leads_with_the_dek_and_keeps_reading_order(seed):
    assert 2 <= len(seed.summary) <= 3
    assert seed.summary[0] == seed.dek
    body = " ".join(seed.body)
    positions = [body.index(s) for s in seed.summary[1:]]
    assert positions == sorted(positions)


def parse_fixture(name: str):
    return parse_file(FIXTURES / name, root=FIXTURES)


def test_wire_style_page_byline_date_caption_and_footer():
    article = parse_fixture("harbour-wind-farm.txt")
    assert article.title == "Harbour town approves offshore wind farm after two-year fight"
    assert article.dek == "Councillors back the 40-turbine project despite objections from fishing crews"
    assert article.author == "Jane Doe"
    assert article.published == date(2024, 3, 3)
    text = "\n".join(article.body)
    for furniture in (
        "Advertisement",
        "Share this article",
        "Wind turbines off the coast",
        "Reuters",
        "Read more",
        "Sign up",
        "©",
        "More from",
        "Ferry timetable",
        "lifeboat",
    ):
        assert furniture not in text, furniture
    assert article.body[-1] == "The company said work on the seabed would start next spring."


def test_wire_style_quotes_resolve_honorifics_and_continuations():
    quotes = parse_fixture("harbour-wind-farm.txt").quotes
    speakers = {q.text[:20]: q.speaker for q in quotes}
    assert speakers == {
        "This is the day Port": "Maria Alvarez",  # "said Ms Alvarez"
        "We will hire locally": "Maria Alvarez",  # second quote in the same paragraph
        "Nobody here is again": "Ian McLeod",  # "Ian McLeod told the meeting:"
        "large enough to keep": "Ian McLeod",  # "Mr McLeod added that ..."
    }


def test_markdown_with_front_matter():
    article = parse_fixture("library-reopens.md")
    assert article.title == "City library reopens with a night-time reading room"
    assert article.url == "https://news.example.org/culture/library-reopens"
    assert article.author == "Priya Natarajan"
    assert article.published == date(2025, 1, 15)
    assert article.source == "Example Culture Desk"
    assert article.tags == ("libraries", "culture")
    # Markup is gone, link text stays, the repeated title heading is not body text.
    assert article.body[0].startswith("The Central Library reopened on Wednesday")
    assert "funded by the city council and" in " ".join(article.body)
    assert "cookies" not in " ".join(article.body)
    assert "Museum late openings" not in " ".join(article.body)
    assert article.quotes[0].speaker == "Olu Adebayo"


def test_entities_are_decoded_and_blog_furniture_dropped():
    article = parse_fixture("rail-strike.txt")
    text = " ".join(article.body)
    assert "Café owners" in text and "& said" in text and "operators' association" in text
    assert "&quot;" not in text and "&amp;" not in text
    assert article.author == "Priya Natarajan"
    assert article.published == date(2023, 9, 3)
    assert "Listen to this article" not in text and "Image 1 of 3" not in text and "Topics" not in text
    by_text = {q.text: q.speaker for q in article.quotes}
    assert by_text["We did not want to strike, but we were ready to"] == "Rosa Klein"
    assert by_text["Today the operators listened."] == "Rosa Klein"
    assert by_text["Someone has to pay for this settlement and it will not only be the taxpayer"] == (
        "a spokesperson for the operators' association"
    )


def test_front_matter_wins_over_inferred_metadata(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Old Headline\n\nBy Someone Else\n\nMarch 1, 2020\n\n" + "Body text is here and it runs on. " * 5)
    (tmp_path / "page.meta.yml").write_text("title: New Headline\nauthor: Real Author\npublished: 2021-02-03\n")
    article = parse_file(page, root=tmp_path)
    assert (article.title, article.author, article.published) == ("New Headline", "Real Author", date(2021, 2, 3))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY Jane Doe, Reuters", "Jane Doe"),
        ("Written by Ana de la Cruz", "Ana de la Cruz"),
        ("Ben Wodecki, Jr. Editor", "Ben Wodecki"),
        ("Kate Smith Technology reporter", "Kate Smith"),
        ("By Jane Doe | July 10, 2024", "Jane Doe"),
        ("Published by the council yesterday, the plan was criticised.", None),
        ("Bye bye", None),
    ],
)
def test_bylines_in_several_forms(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 10, 2024", date(2024, 7, 10)),
        ("10 July 2024", date(2024, 7, 10)),
        ("Jul 10, 2024", date(2024, 7, 10)),
        ("2024-07-10", date(2024, 7, 10)),
        ("2024-07-10T09:30:00Z", date(2024, 7, 10)),
        ("Published: 10 July 2024 09:12 BST", date(2024, 7, 10)),
        ("Updated Sept. 3rd, 2023 at 5:00 p.m. ET", date(2023, 9, 3)),
        ("Wednesday, 10 July 2024", date(2024, 7, 10)),
        ("Wed 10 Jul 2024 10.00 BST", date(2024, 7, 10)),
        ("10/07/2024", date(2024, 7, 10)),
        ("no date here", None),
    ],
)
def test_dates_in_many_formats(text, expected):
    assert parse_date(text) == expected
    if expected:
        assert is_date_line(text)


def test_a_sentence_mentioning_a_date_is_not_a_date_line():
    assert not is_date_line("The company said on July 10, 2024 that profits had fallen sharply.")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n\t  \n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"Title only\n\nAdvertisement\n", "no article text"),
    ],
)
def test_unusable_files_raise_a_one_line_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=reason) as caught:
        parse_file(path, root=tmp_path)
    assert "\n" not in str(caught.value)


def test_huge_files_are_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Title\n\n" + "word " * 1000)
    with pytest.raises(ArticleError, match="over the 100-byte limit"):
        parse_file(path, root=tmp_path, max_bytes=100)


def test_latin1_text_is_read(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Price rise\n\nThe ticket now costs £5 more than it did last year, the club said.\n".encode("latin-1")
    )
    assert "£5" in parse_file(path, root=tmp_path).body[0]


def test_bad_front_matter_is_reported_not_guessed(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nSome body text that is long enough to be read as an article.\n")
    with pytest.raises(ArticleError, match="front matter is not valid YAML"):
        parse_file(path, root=tmp_path)


def test_non_http_url_is_refused(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: X\nurl: javascript:alert(1)\n---\n\nSome body text that is long enough to be read.\n")
    with pytest.raises(ArticleError, match="not an http"):
        parse_file(path, root=tmp_path)
