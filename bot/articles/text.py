"""Text primitives shared by parsing, summaries, quotes and search."""

from __future__ import annotations

import html
import re
import unicodedata

# Abbreviations that end with a period but rarely end a sentence in news copy.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "mt",
    "gen",
    "gov",
    "sen",
    "rep",
    "col",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "rev",
    "hon",
    "pres",
    "supt",
    "insp",
    "inc",
    "ltd",
    "co",
    "corp",
    "plc",
    "llc",
    "bros",
    "dept",
    "univ",
    "assn",
    "vs",
    "etc",
    "eg",
    "ie",
    "al",
    "approx",
    "no",
    "nos",
    "vol",
    "fig",
    "est",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "d.c",
    "n.y",
    "l.a",
}

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets), then
# whitespace, then something that can start a sentence.
_SENTENCE_END = re.compile(r"""([.!?]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9£$€])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def clean_text(text: str) -> str:
    """Decode HTML entities and normalise the invisible junk scrapers leave behind."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Non-breaking and zero-width spaces come from copy-pasted web pages.
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return text


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return " ".join(text.split())


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping each sentence verbatim."""
    paragraph = squash(paragraph)
    if not paragraph:
        return []
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : match.end(1)]
        word = _WORD_BEFORE.search(paragraph[max(start, match.start(1) - 30) : match.start(1)])
        if match.group(1).startswith(".") and word:
            token = word.group(1).lower().rstrip(".")
            # "Mr. Smith", "U.S. sanctions", "J. Smith": not a sentence end.
            if token in _ABBREVIATIONS or len(token) == 1:
                continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


_TOKEN = re.compile(r"[^\W_]+")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves s t don say said says tell told anything something news article articles
    happened happen know think thought really get got also us story stories""".split()
)


def _s_stem(token: str) -> str:
    """A light 'S-stemmer' (Harman 1991): conflates plurals without mangling names."""
    if len(token) <= 3 or not token.isalpha():
        return token
    if token.endswith("ies") and not token.endswith(("eies", "aies")):
        return token[:-3] + "y"
    if token.endswith("es") and not token.endswith(("aes", "ees", "oes")):
        return token[:-1]
    if token.endswith("s") and not token.endswith(("us", "ss")):
        return token[:-1]
    return token


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; digits and non-Latin scripts kept."""
    return _TOKEN.findall(text.lower())


class _Stems(dict):
    """token -> stem, computed on first sight. A dict lookup per token (at C speed through map)
    is what keeps indexing fast; bounded, since a vocabulary keeps growing with rare words."""

    LIMIT = 500_000

    def __missing__(self, token: str) -> str:
        result = _s_stem(token)
        if len(self) < self.LIMIT:
            self[token] = result
        return result


_STEMS = _Stems()
stem = _STEMS.__getitem__


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Index terms: tokens, stemmed, minus stopwords (unless asked to keep them)."""
    tokens = tokenize(text)
    if not keep_stopwords:
        tokens = [t for t in tokens if t not in STOPWORDS]
    return list(map(stem, tokens))


def slugify(text: str, max_length: int = 80) -> str:
    """A URL-safe, stable identifier from free text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def normalise_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive key, e.g. 'AI Business' -> 'aibusiness'."""
    return re.sub(r"[\W_]+", "", text.lower())
