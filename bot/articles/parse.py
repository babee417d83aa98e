"""From a file on disk to an `Article`.

Two inputs: scraped plain text (`.txt`: title on the first line, then whatever the page
carried) and Markdown (`.md`) with an optional YAML front-matter header. Either may have a
sidecar `<name>.meta.yml` holding the same keys as front matter; explicit metadata always
wins over what is inferred from the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from . import boilerplate as bp
from .model import Article
from .quotes import extract_quotes
from .text import clean_text, slugify, squash

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
SIDECAR_SUFFIXES = (".meta.yml", ".meta.yaml")
DEFAULT_MAX_BYTES = 2_000_000


class ArticleError(ValueError):
    """A file that cannot become an article; the message is one line for the admin."""


@dataclass(frozen=True, slots=True)
class _Header:
    title: str
    dek: str | None
    author: str | None
    published: date | None
    body_lines: list[str]


def is_article_file(path: Path) -> bool:
    name = path.name.lower()
    return (
        name.endswith(ARTICLE_SUFFIXES) and not name.endswith(SIDECAR_SUFFIXES) and not name.startswith((".", "readme"))
    )


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text, or ArticleError saying why it is not an article."""
    size = path.stat().st_size
    if size == 0:
        raise ArticleError("empty file")
    if size > max_bytes:
        raise ArticleError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192] or _control_ratio(raw[:8192]) > 0.05:
        raise ArticleError("binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows-1252 is what "Latin-1" web text almost always really is; it decodes the
        # BBC's lone 0xA3 as '£' just the same.
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise ArticleError("file holds only whitespace")
    return text


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def parse_file(path: Path, *, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    text = read_text(path, max_bytes)
    meta = read_sidecar(path)
    return parse_text(text, path=path, root=root, metadata=meta)


def read_sidecar(path: Path) -> dict:
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_name(path.stem + suffix)
        if sidecar.is_file():
            return _load_metadata(sidecar.read_text(encoding="utf-8", errors="replace"), sidecar.name)
    return {}


def _load_metadata(text: str, where: str) -> dict:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        raise ArticleError(f"{where} is not valid YAML{line}") from None
    if not isinstance(data, dict):
        raise ArticleError(f"{where} must be a mapping of key: value lines")
    return {str(k).lower(): v for k, v in data.items() if v not in (None, "")}


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def parse_text(text: str, *, path: Path, root: Path | None = None, metadata: dict | None = None) -> Article:
    text = clean_text(text)
    front: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        front = _load_metadata(match.group(1), "front matter")
        text = text[match.end() :]
    meta = {**front, **(metadata or {})}

    markdown = path.suffix.lower() in (".md", ".markdown")
    lines = _markdown_to_lines(text) if markdown else text.split("\n")
    header = _read_header(lines, known_title=_str(meta.get("title")))
    paragraphs = _body_paragraphs(header.body_lines, header.title)
    if not paragraphs:
        raise ArticleError("no article text after removing boilerplate")

    title = _str(meta.get("title")) or header.title
    dek = _str(meta.get("dek")) or header.dek
    author = _str(meta.get("author")) or header.author
    published = _as_date(meta.get("published")) or header.published
    url = _str(meta.get("url"))
    if url and not re.match(r"^https?://[^\s<>|]+$", url):
        raise ArticleError(f"url {url!r} is not an http(s) URL")
    source = _str(meta.get("source")) or _source_from_url(url)
    tags = _as_tags(meta.get("tags"))

    body = tuple(paragraphs)
    quotes = extract_quotes(body)
    relative = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    return Article(
        id=slugify(_str(meta.get("id")) or title) or slugify(path.stem) or "article",
        title=title,
        dek=dek,
        author=author,
        published=published,
        url=url,
        source=source,
        tags=tags,
        body=body,
        quotes=tuple(quotes),
        path=relative,
        fingerprint=fingerprint(body),
    )


def fingerprint(body: tuple[str, ...]) -> str:
    normalised = " ".join(body).lower()  # paragraphs are whitespace-squashed already
    return hashlib.blake2b(normalised.encode(), digest_size=16).hexdigest()


def _read_header(lines: list[str], known_title: str | None) -> _Header:
    """Title, standfirst, byline and date from the top of a scraped page."""
    index = 0
    while index < len(lines) and (not lines[index].strip() or bp.is_noise(lines[index])):
        index += 1
    if index == len(lines):
        raise ArticleError("no text found")
    title = squash(lines[index]).lstrip("#").strip()
    if known_title and squash(known_title) != title:
        # Front matter named the title; the first line is body unless it repeats the title.
        title, start = known_title, index
    else:
        start = index + 1

    dek: str | None = None
    dek_at: int | None = None
    author: str | None = None
    published: date | None = None
    saw_meta_after_dek = False
    header_end = start
    position = start
    # The header is short: a standfirst, a byline, a date, a badge, a picture.
    while position < len(lines) and position < start + 14:
        line = squash(lines[position])
        if not line:
            position += 1
            continue
        if (found := bp.parse_byline(line)) and author is None:
            author = found
            trailing = re.split(r"\s+[|·•]\s+", line, maxsplit=1)
            if published is None and len(trailing) > 1:
                published = bp.parse_date(trailing[1])
        elif bp.is_date_line(line):
            published = published or bp.parse_date(line)
        elif bp.is_noise(line):
            pass
        elif _is_caption(lines, position):
            pass
        elif dek_at is None and (not _body_like(line) or _next_is_meta(lines, position)):
            dek, dek_at = line, position
            position += 1
            continue
        else:
            break
        if dek_at is not None:
            saw_meta_after_dek = True
        position += 1
        header_end = position

    if dek_at is not None and not saw_meta_after_dek:
        dek = None  # an ordinary first paragraph, not a standfirst
        header_end = dek_at
    elif dek_at is not None:
        header_end = max(header_end, dek_at + 1)
    return _Header(title=title, dek=dek, author=author, published=published, body_lines=lines[header_end:])


def _next_is_meta(lines: list[str], position: int) -> bool:
    for line in lines[position + 1 : position + 4]:
        if line.strip():
            return bool(bp.parse_byline(line) or bp.is_date_line(line))
    return False


def _is_caption(lines: list[str], position: int) -> bool:
    """A picture caption: a line directly followed by a photo credit."""
    following = lines[position + 1] if position + 1 < len(lines) else ""
    return bool(following.strip()) and bp.is_credit(following)


def _body_like(line: str) -> bool:
    words = line.split()
    return len(words) >= 25 or (len(words) >= 8 and line.rstrip("\"'”’)").endswith((".", "!", "?")))


def _body_paragraphs(lines: list[str], title: str) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraph = squash(" ".join(current))
            if paragraph and paragraph != title:
                paragraphs.append(paragraph)
            current.clear()

    for position, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if bp.is_terminator(stripped) and (paragraphs or current):
            break
        if bp.is_noise(stripped) or _is_caption(lines, position):
            flush()
            continue
        current.append(stripped)
    flush()
    return paragraphs


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _markdown_to_lines(text: str) -> list[str]:
    """Markdown reduced to plain lines: the structure the parser needs, no markup."""
    out = []
    in_code = False
    for line in text.split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or re.match(r"^\s*(<!--.*-->|<[^>]+>)\s*$", line):
            continue
        if re.match(r"^\s*([-*_]\s*){3,}$", line):
            out.append("")
            continue
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"^\s*>\s?", "", line)
        line = re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line)
        out.append(line.rstrip())
    return out


def _str(value) -> str | None:
    if value is None:
        return None
    text = squash(clean_text(str(value)))
    return text or None


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None:
        return None
    parsed = bp.parse_date(str(value))
    if parsed is None:
        raise ArticleError(f"published {value!r} is not a date (try 2024-07-10)")
    return parsed


def _as_tags(value) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else str(value).split(",")
    return tuple(t for t in (squash(str(i)).lower() for i in items) if t)


def _source_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = re.sub(r"^https?://", "", url).split("/")[0].split(":")[0].lower()
    return host.removeprefix("www.") or None
