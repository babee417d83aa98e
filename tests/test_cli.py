"""The offline command line, run as a user runs it: `python -m bot ...` in a subprocess."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SEED_FILE, run_cli

SEED_ID = "china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo"


def test_ask_with_the_shipped_seeds_shows_title_summary_quote_and_link():
    result = run_cli("ask", "huawei chips")
    assert result.code == 0, result.err
    out = result.out
    assert "China Can Lead in AI Despite Hardware Restrictions, Huawei Cloud CEO" in out
    assert "AI Business · Ben Wodecki · 10 Jul 2024" in out
    assert "Huawei Cloud’s CEO believes Chinese AI developers" in out
    assert "— Zhang Ping'an" in out
    assert "https://aibusiness.com/verticals/china-can-lead-in-ai-despite-hardware-restrictions-huawei-cloud-ceo" in out


def test_ask_reports_typo_fixes():
    result = run_cli("ask", "huawai", "chps")
    assert "huawai → huawei" in result.out
    assert "China Can Lead in AI" in result.out


def test_ask_json_has_the_documented_shape(library_dir):
    result = run_cli("ask", "rail strike", "--seeds", str(library_dir), "--json", "--limit", "2")
    assert result.code == 0, result.err
    [line] = result.json_lines()
    assert line["query"] == "rail strike"
    first = line["results"][0]
    assert set(first) >= {"id", "title", "url", "source", "author", "published", "summary", "quotes", "score", "path"}
    assert first["id"] == "rail-strike-called-off-after-last-minute-pay-offer"
    assert first["published"] == "2023-09-03"
    assert isinstance(first["summary"], list) and len(first["summary"]) == 3
    assert {"text": "We did not want to strike, but we were ready to", "speaker": "Rosa Klein"} in first["quotes"]
    assert first["score"] > 0
    assert "body" not in first


def test_ask_reads_one_query_a_line_from_stdin(library_dir):
    result = run_cli("ask", "--seeds", str(library_dir), "--json", stdin="wind farm\n\nnight library\nzzzzqqq\n")
    lines = result.json_lines()
    assert [line["query"] for line in lines] == ["wind farm", "night library", "zzzzqqq"]
    assert lines[0]["results"][0]["id"] == "harbour-town-approves-offshore-wind-farm-after-two-year-fight"
    assert lines[1]["results"][0]["id"] == "city-library-reopens-with-a-night-time-reading-room"
    assert lines[2]["results"] == [] and lines[2]["message"] and lines[2]["suggestions"]


def test_no_match_says_so_and_suggests_titles():
    result = run_cli("ask", "volcanic eruption in iceland")
    assert result.code == 0
    assert "Nothing matches “volcanic eruption in iceland”" in result.out
    assert "Closest titles:" in result.out and "China Can Lead in AI" in result.out


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "Type some words"),
        ("   ", "Type some words"),
        ("?!?!...", "couldn't find any words"),
        ("🙂🚀", "couldn't find any words"),
        ("华为芯片", "Nothing matches"),
    ],
)
def test_odd_queries_get_a_clear_message(query, expected):
    result = run_cli("ask", query)
    assert result.code == 0, result.err
    assert expected in result.out
    assert "Traceback" not in result.err


def test_a_10000_character_query_is_answered():
    result = run_cli("ask", "huawei " + "x" * 10_000, "--json")
    [line] = result.json_lines()
    assert line["results"][0]["id"] == SEED_ID
    assert "first 500 characters" in line["message"]


def test_check_json_reports_every_file(library_dir):
    shutil.copy(SEED_FILE, library_dir / "copy-of-seed.txt")
    (library_dir / "blank.md").write_text("")
    result = run_cli("check", "--seeds", str(library_dir), "--json")
    assert result.code == 1  # something was skipped
    lines = {line["path"]: line for line in result.json_lines()}
    assert lines["copy-of-seed.txt"] == {
        "path": "copy-of-seed.txt",
        "ok": False,
        "error": "duplicate of china-can-lead-in-ai-huawei-cloud-ceo.txt",
    }
    assert lines["blank.md"] == {"path": "blank.md", "ok": False, "error": "empty file"}
    seed = lines["china-can-lead-in-ai-huawei-cloud-ceo.txt"]
    assert seed["ok"] is True
    article = seed["article"]
    assert article["published"] == "2024-07-10"
    assert article["body"][0].startswith("China can maintain")
    assert isinstance(article["summary"], list)
    assert article["quotes"][0]["speaker"] == "Zhang Ping'an"
    assert article["source"] == "AI Business"


def test_check_terminal_output_is_readable():
    result = run_cli("check")
    assert result.code == 0
    assert "✓ china-can-lead-in-ai-huawei-cloud-ceo.txt" in result.out
    assert "2 quotes" in result.out and "1 of 1 files loaded" in result.out


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    result = run_cli("ask", "x", "--seeds", str(tmp_path / "nowhere"))
    assert result.code == 2
    assert "does not exist" in result.err and "Traceback" not in result.err


def test_seeds_dir_comes_from_the_environment(library_dir):
    result = run_cli("ask", "rail strike", "--json", env={"SEEDS_DIR": str(library_dir)})
    assert result.json_lines()[0]["results"][0]["id"] == "rail-strike-called-off-after-last-minute-pay-offer"


def test_bad_limit_is_a_usage_error():
    result = run_cli("ask", "x", "--limit", "0")
    assert result.code == 2 and "choose a number from 1 to 50" in result.err
