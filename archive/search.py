"""Chinese full-text search on a stock FTS5 table.

FTS5's default tokenizer reads a run of Han characters as one token and `trigram` never matches
fewer than three characters. So the index holds simplified text with a space between Han
characters (one token each), and a query becomes the phrase of its characters: "扶贫" -> '"扶 贫"',
which matches exactly the documents containing 扶贫, in either script. Plain sqlite3 can query it too.
"""
import re

from crawler.chars import HAN, to_simplified

HAN_CHAR_RE = re.compile(f"([{HAN}])")
TERM_RE = re.compile(r'"[^"]*"|\S+')


def index_text(text: str) -> str:
    return re.sub(r"\s+", " ", HAN_CHAR_RE.sub(r" \1 ", to_simplified(text or ""))).strip()


def fts_query(query: str) -> str:
    """A user's search box words as an FTS5 query: every term a phrase, all terms required."""
    phrases = []
    for term in TERM_RE.findall(query or ""):
        tokens = index_text(term.strip('"')).replace('"', " ").split()
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    return " ".join(phrases)
