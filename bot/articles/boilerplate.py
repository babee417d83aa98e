"""Recognising what a scraped news page carries that is not the article.

The rules are written for news sites in general, not for one site: bylines, datelines,
read-time badges, photo captions and credits, ads, share bars, "Related:" and "Read more:"
links, newsletter and cookie prompts, copyright footers and the lists and author bios that
follow the story.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_I = re.IGNORECASE

# Lines that are never article text wherever they appear. Most are known by how they start
# (matched at the start only, which keeps this cheap on long lines); a few by a phrase anywhere.
_NOISE_START = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"\d+\s*(min|minute)s?\.?\s*(read|listen)\b.*$",
            r"(reading|read) time:?\s*\d+\s*min",
            r"listen to (this|the) (article|story)",
            r"(advertisement|advert|sponsored( content)?|ad)$|story continues below",
            r"share (this|on|the|via)\b|share$|(tweet|email|print|copy link|save)$",
            r"(related|read more|read also|see also|also read|more on this|recommended)\s*[:|»>-]",
            r"(related|read more|see also)\s*$",
            r"(sign up|subscribe|join)\b.{0,80}\b(newsletter|inbox|updates|email)",
            r"keep up with\b",
            r"(get|receive) (the|our) .{0,40}(newsletter|briefing)",
            r"accept (all )?cookies",
            r"(©|\(c\)|copyright\b).{0,120}$",
            r"(photo|image|picture|video|graphic|illustration)s?\s*(credit)?\s*[:|/]",
            r"(credit|source|photograph)\s*:",
            r"follow (us|me|him|her|them)\b.{0,60}$",
            r"click here\b",
            r"(updated|last updated|first published|published)\s*[:]?\s*$",
            r"(comments?|\d+ comments?)$",
            r"(image|photo) \d+ of \d+$",
        )
    ),
    _I,
)
_NOISE_ANYWHERE = re.compile(
    r"\b(subscribing|subscribe) to our newsletter\b|\bwe use cookies\b|\bcookie (policy|settings|preferences)\b"
    r"|\ball rights reserved\.?$",
    _I,
)

# Short lines that credit a photo: "Getty Images", "Reuters/John Smith", "AP Photo".
_CREDIT = re.compile(
    r"^((photo|image|picture)\s*(by|:)\s*)?"
    r"([\w .'-]{0,40}[/|]\s*)?"
    r"(getty( images)?|reuters|ap( photo)?|afp|associated press|shutterstock|alamy|"
    r"bloomberg|epa|pa( media| wire)?|istock(photo)?|unsplash|wikimedia commons|"
    r"courtesy( of)?\b.{0,40})"
    r"([\s/|,-].{0,40})?$",
    _I,
)

# Where the story ends and the page furniture starts: everything from here on goes.
_TERMINATORS = re.compile(
    r"^(about the authors?(\(s\))?|about the writer|author bio|"
    r"you may also like|you might also like|more from\b.*|more stories\b.*|"
    r"related (articles|stories|content|coverage|reading)|recommended (for you|stories|reading)|"
    r"most (read|popular|viewed)|trending( now)?|what to read next|read next|"
    r"comments|leave a (comment|reply)|join the conversation|"
    r"topics?:.*|tags?:.*|filed under\b.*)\s*[:.!]*$",
    _I,
)

_BYLINE_PREFIX = re.compile(r"^(by|written by|words by|reporting by|author:)\s+(.+)$", _I)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|der|la|le|bin|al)){0,3}?"
_BYLINE_ROLE = re.compile(
    rf"^(?P<name>{_NAME})\s*(?:[,|–—-]\s*|\s+)"
    r"(?P<role>(?i:(jr\.?|senior|chief|deputy|associate|assistant|staff|contributing|managing|"
    r"executive|political|business|technology|tech|science|health|sports?|"
    r"news|foreign|economics|special)?\s*"
    r"(editor|reporter|correspondent|writer|journalist|contributor|columnist|analyst|"
    r"producer|staff)\b.*))$",
)
_BYLINE_ROLE_LOOSE = re.compile(r"(editor|reporter|correspondent|writer|journalist|contributor|columnist)\b", _I)

_MONTHS = (
    "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    "sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?"
)
_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
    "%A, %d %B %Y",
    "%a, %d %b %Y",
    "%a %d %b %Y",
    "%B %Y",
)
_DATE_IN_LINE = re.compile(
    rf"(?P<date>(?:(?:mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?,?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}))",
    _I,
)
_DATE_LINE_PREFIX = re.compile(r"^(published|posted|updated|last updated|first published|date|on)\s*:?\s*", _I)


def is_noise(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) > 320:  # page furniture is short; long lines are prose
        return False
    return bool(_NOISE_START.match(stripped) or _NOISE_ANYWHERE.search(stripped)) or is_credit(stripped)


def is_credit(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 60 and bool(_CREDIT.match(stripped))


def is_terminator(line: str) -> bool:
    stripped = line.strip()
    if stripped.lower().startswith("you may also like"):
        return True  # scrapers glue the list's first headline onto this label
    return len(stripped) <= 120 and bool(_TERMINATORS.match(stripped))


def parse_date(text: str) -> date | None:
    """A date from the many ways news sites write one, or None."""
    cleaned = _DATE_LINE_PREFIX.sub("", text.strip())
    match = _DATE_IN_LINE.search(cleaned)
    if not match:
        try:
            return date.fromisoformat(cleaned[:10])
        except ValueError:
            return None
    raw = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", match.group("date"), flags=_I)
    raw = re.sub(r"\b(\w{3,})\.", r"\1", raw)  # "Sept." -> "Sept"
    raw = re.sub(r"\bsept\b", "sep", raw, flags=_I)
    raw = " ".join(raw.replace(" ,", ",").split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def is_date_line(line: str) -> bool:
    """A line that is essentially only a date or timestamp ('Published: 10 July 2024 09:12 BST')."""
    stripped = line.strip()
    if len(stripped) > 80 or parse_date(stripped) is None:
        return False
    leftover = _DATE_IN_LINE.sub("", _DATE_LINE_PREFIX.sub("", stripped))
    leftover = re.sub(r"\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?|\b[A-Z]{2,4}\b|[,|·•–—-]|\bat\b", "", leftover)
    return len(leftover.split()) <= 2


def parse_byline(line: str) -> str | None:
    """The author's name if the line is a byline, else None."""
    stripped = line.strip().rstrip(".")
    if len(stripped) > 100 or not stripped:
        return None
    # Strip a trailing date from "By Jane Doe | July 10, 2024".
    stripped = re.split(r"\s+[|·•]\s+", stripped)[0].strip()
    prefixed = _BYLINE_PREFIX.match(stripped)
    if prefixed:
        name = re.split(r",|\s+[-–—]\s+|\s+(?:and|&)\s+(?=[A-Z])|\s+for\s+", prefixed.group(2))[0]
        name = name.strip()
        return name if _looks_like_name(name) else None
    role = _BYLINE_ROLE.match(stripped)
    if role and _looks_like_name(role.group("name")):
        return role.group("name").strip()
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(
        w[0].isupper() or w in {"de", "da", "van", "von", "der", "la", "le", "bin", "al"} for w in words
    )
