"""The domain: articles, their parsing, summaries, quotes, the library and its search.

Nothing here knows about Slack.
"""

from .library import FileReport, Library, read_folder
from .model import Article, LoadProblem, Quote
from .parse import ArticleError, parse_file, parse_text
from .search import Hit, SearchResult

__all__ = [
    "Article",
    "ArticleError",
    "FileReport",
    "Hit",
    "Library",
    "LoadProblem",
    "Quote",
    "SearchResult",
    "parse_file",
    "parse_text",
    "read_folder",
]
