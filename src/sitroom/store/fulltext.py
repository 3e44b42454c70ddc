"""Full-text search over report titles and text: FTS5 on SQLite, a tsvector on PostgreSQL.

Both tokenise every script alike (SQLite ``unicode61 remove_diacritics 2``, PostgreSQL's
``simple`` configuration), so Russian and Kyrgyz are searched like English. A query is a list of
words, all required; a word ending in ``*`` matches as a prefix (``Жапаров*`` finds
``Жапарова``). Punctuation in the query is ignored rather than parsed as syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

_TERM = re.compile(r"\w+\*?")

SQLITE_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5(
        title, text, content='reports', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS reports_fts_ai AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS reports_fts_ad AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS reports_fts_au AFTER UPDATE OF title, text ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    # Index rows already stored (a no-op on a fresh database).
    "INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')",
)

# A tsvector holds at most 1 MB, so PostgreSQL indexes the first 250,000 characters of a text
# (about 40,000 words: every news article whole); the text itself is stored in full.
PG_INDEXED_CHARS = 250_000
POSTGRES_DDL = (
    f"""ALTER TABLE reports ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, left(coalesce(title, ''), 2000)), 'A') ||
        setweight(to_tsvector('simple'::regconfig,
                              left(coalesce(text, ''), {PG_INDEXED_CHARS})), 'B')) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_reports_search ON reports USING gin (search)",
)


def create_fulltext(conn: Connection) -> None:
    """Create the search index of the connection's dialect and fill it from stored reports."""
    ddl = POSTGRES_DDL if conn.dialect.name == "postgresql" else SQLITE_DDL
    for statement in ddl:
        conn.exec_driver_sql(statement)


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The words of a query, each with whether it is a prefix (ended in ``*``)."""
    return [(t.rstrip("*"), t.endswith("*")) for t in _TERM.findall(query) if t.rstrip("*")]


def sqlite_match(terms: list[tuple[str, bool]]) -> str:
    """An FTS5 MATCH expression: every term quoted (so no word is read as an operator)."""
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in terms)


def postgres_tsquery(terms: list[tuple[str, bool]]) -> str:
    """A to_tsquery expression: terms quoted and ANDed, prefixes marked ``:*``."""
    return " & ".join(f"'{word}'" + (":*" if prefix else "") for word, prefix in terms)


_SQLITE_SEARCH = text(
    """SELECT r.id, r.title, snippet(reports_fts, -1, '[', ']', '…', 16) AS snippet,
              -bm25(reports_fts, 2.0, 1.0) AS rank
       FROM reports_fts JOIN reports r ON r.seq = reports_fts.rowid
       WHERE reports_fts MATCH :q
       ORDER BY bm25(reports_fts, 2.0, 1.0), r.seq
       LIMIT :limit"""
)

_POSTGRES_SEARCH = text(
    """SELECT hit.id, hit.title,
              ts_headline('simple', left(hit.text, 100000), to_tsquery('simple', :q),
                          'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1')
                AS snippet,
              hit.rank
       FROM (SELECT r.id, r.title, r.text, r.seq,
                    ts_rank_cd(r.search, to_tsquery('simple', :q)) AS rank
             FROM reports r
             WHERE r.search @@ to_tsquery('simple', :q)
             ORDER BY rank DESC, r.seq
             LIMIT :limit) AS hit
       ORDER BY hit.rank DESC, hit.seq"""
)


def search(conn: Connection, query: str, limit: int) -> list[tuple[str, str, str, float]]:
    """Ranked (id, title, snippet, rank) rows, best first; higher rank is better on both."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(_POSTGRES_SEARCH, {"q": postgres_tsquery(terms), "limit": limit})
    else:
        rows = conn.execute(_SQLITE_SEARCH, {"q": sqlite_match(terms), "limit": limit})
    return [(r.id, r.title, r.snippet or "", float(r.rank)) for r in rows]
