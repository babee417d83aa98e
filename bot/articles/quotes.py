"""Direct quotations and who said them.

A quotation is text between curly or straight double quotes, kept verbatim. Its speaker
comes from the attribution around it ("X said", "said X", "X told ...:", "according to X",
"he added"), and a bare surname or "Mr X" resolves to the full name the article introduced
earlier ("Zhang" -> "Zhang Ping'an").
"""

from __future__ import annotations

import re
from functools import cached_property

from .model import Quote

_QUOTE_SPANS = (re.compile(r"“([^“”]+)”"), re.compile(r'"([^"\n]+)"'))
_MIN_WORDS = 4

_VERBS = (
    r"said|says|say|added|adds|told|tells|explained|explains|argued|argues|noted|notes|"
    r"stated|states|warned|warns|insisted|insists|wrote|writes|continued|asked|asks|claimed|"
    r"claims|admitted|admits|acknowledged|acknowledges|declared|remarked|replied|recalled|"
    r"suggested|suggests|stressed|emphasised|emphasized|believes|predicted|conceded|joked|"
    r"commented|announced|observed|urged|cautioned|maintained|concluded|described|called|"
    r"vowed|promised|pledged|tweeted|posted"
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lord|Lady|Dame|Rev|Gen|Sen|Rep|Gov)\.?"
_CAP = r"[A-Z][\w'’.-]*[\w]"
_NAME = rf"(?:{_HONORIFIC}\s+)?{_CAP}(?:\s+(?:{_CAP}|de|da|van|von|der|bin|al)){{0,3}}"
_PRONOUN = r"he|she|they|He|She|They"
# "said a spokesperson for the operators' association"
_DESCRIPTION = r"(?:a|an|the|one)\s[a-z][^.,;:!?\"“”]{2,60}?(?=[.,;:!?]|$)"

_AFTER = re.compile(
    rf"^[\s,.!?—–-]*(?:"
    rf"(?P<name_first>{_NAME}|{_PRONOUN})(?:,\s[^,]{{3,80}},)?\s+(?:{_VERBS})\b"
    rf"|(?:{_VERBS})\s+(?P<name_after>{_NAME}|{_PRONOUN}|{_DESCRIPTION})"
    rf"|according to\s+(?P<name_acc>{_NAME})"
    rf")"
)
_BEFORE = re.compile(
    rf"(?<![\w'’])(?P<name>{_NAME}|{_PRONOUN})"
    rf"(?:,\s[^,]{{3,80}},)?\s+(?:{_VERBS})\b[^.!?\"“”]{{0,120}}$"
    rf"|according to\s+(?P<name_acc>{_NAME})[^.!?\"“]{{0,40}}[:,]\s*$"
)

# Capitalised words that start a clause or name an office, never a person's name.
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Speaking",
    "Asked",
    "We",
    "I",
    "You",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Then",
    "Now",
    "CEO",
    "President",
    "Chairman",
    "Chief",
    "Minister",
    "Secretary",
    "Director",
    "Officer",
    "Executive",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Manager",
    "Coach",
    "Chancellor",
    "Prime",
    "Foreign",
    "Home",
    "Senator",
    "Governor",
    "Mayor",
    "Editor",
    "Founder",
    "Analyst",
    "Professor",
    "Judge",
    "Captain",
    "Leader",
    "Head",
    "Deputy",
    "Vice",
    "General",
}
_HONORIFIC_RE = re.compile(rf"^{_HONORIFIC}\s+")
_TOKEN = re.compile(r"[A-Z][\w'’-]*")


def extract_quotes(paragraphs: tuple[str, ...] | list[str]) -> list[Quote]:
    names = _CapitalisedWords(" ".join(paragraphs))
    text_so_far = ""
    last_speaker: str | None = None
    quotes: list[Quote] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        paragraph_speaker: str | None = None
        for start, end, inner in _spans(paragraph):
            quote = inner.strip().strip(",").strip()
            if len(quote.split()) < _MIN_WORDS or quote in seen:
                continue
            raw = _attribution(paragraph[:start], paragraph[end:])
            if raw in ("he", "she", "they", "He", "She", "They"):
                speaker = last_speaker
            elif raw:
                speaker = _resolve(raw, len(text_so_far) + start, names)
            else:
                # A second quote in the same paragraph, unattributed, continues the first.
                speaker = paragraph_speaker
            if speaker:
                last_speaker = paragraph_speaker = speaker
            seen.add(quote)
            quotes.append(Quote(text=quote, speaker=speaker))
        text_so_far += paragraph + " "
    return quotes


def _spans(paragraph: str) -> list[tuple[int, int, str]]:
    spans = []
    for pattern in _QUOTE_SPANS:
        for match in pattern.finditer(paragraph):
            spans.append((match.start(), match.end(), match.group(1)))
    # A quote running to the end of the paragraph (the next paragraph continues it).
    opened = paragraph.rfind("“")
    if opened != -1 and "”" not in paragraph[opened:]:
        spans.append((opened, len(paragraph), paragraph[opened + 1 :]))
    spans.sort()
    return spans


def _attribution(before: str, after: str) -> str | None:
    after_clause = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", after, maxsplit=1)[0][:160]
    match = _AFTER.match(after_clause)
    if match:
        name = match.group("name_first") or match.group("name_after") or match.group("name_acc")
        cleaned = _clean_name(name)
        if cleaned:
            return cleaned
    match = _BEFORE.search(before[-200:])
    if match:
        return _clean_name(match.group("name") or match.group("name_acc"))
    accorded = re.search(rf"according to\s+(?P<name>{_NAME})", after_clause)
    return _clean_name(accorded.group("name")) if accorded else None


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    # "the network's spokesman Scott Grogin" -> "Scott Grogin"
    trailing_name = re.search(rf"\s({_CAP}(?:\s{_CAP})+)$", name)
    if name[0].islower() and trailing_name:
        return trailing_name.group(1)
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    while words and words[-1].rstrip(".") in _NOT_NAMES:
        words.pop()
    return " ".join(words).rstrip(".,") or None


class _CapitalisedWords:
    """The article's capitalised words with their offsets, found once per article, and only
    if a surname needs resolving."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def tokens(self) -> list[tuple[str, int, int]]:
        return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.text)]

    def full_name(self, surname: str, before: int | None = None) -> str | None:
        tokens, text = self.tokens, self.text
        for i, (token, start, end) in enumerate(tokens):
            if before is not None and start >= before:
                break
            if token != surname:
                continue
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if prev and _adjacent(text, prev[2], start) and _usable(prev[0]):
                return f"{prev[0]} {surname}"
            if nxt and _adjacent(text, end, nxt[1]) and _usable(nxt[0]):
                return f"{surname} {nxt[0]}"
        return None


def _resolve(name: str, offset: int, names: _CapitalisedWords) -> str:
    """'Zhang' -> 'Zhang Ping'an'; 'Mr Blunkett' -> 'David Blunkett'; else the name as given.
    A name introduced before the quote (at `offset`) wins over one introduced after it."""
    bare = _HONORIFIC_RE.sub("", name)
    if len(bare.split()) != 1:
        return name if bare == name else bare
    return names.full_name(bare, before=offset) or names.full_name(bare) or name


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    return text[left_end:right_start] == " "


def _usable(token: str) -> bool:
    return (
        token not in _NOT_NAMES
        and not token.isupper()
        and not token.endswith(("'s", "’s"))
        and not _HONORIFIC_RE.match(token + " ")
    )
