"""Full-text search over report titles and text, by word stems, on both backends.

SQLite: an FTS5 table ``reports_stem`` holds each report's title and text as Snowball stems
(``reading.stemming``), kept in step by triggers that call the ``sitroom_stem`` function every
connection registers (``store.engine``). PostgreSQL: a tsvector column ``search_stem`` built with
the ``russian`` configuration (Snowball Russian for Cyrillic, English for ASCII words: the same
stemmers). The query syntax (AND, OR, NOT, "phrases", prefix*, parentheses) is parsed once in
``search_query`` and written for each. Migration 2's unstemmed index stays (``reports_fts``,
``search``) for exact lookups; search uses the stemmed one.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from sitroom.store import search_query

_WORDS = re.compile(r"\w+")

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


STEM_SQLITE_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS reports_stem USING fts5(
        title, text, tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS reports_stem_ai AFTER INSERT ON reports BEGIN
        INSERT INTO reports_stem(rowid, title, text)
        VALUES (new.seq, sitroom_stem(new.title), sitroom_stem(new.text));
    END""",
    """CREATE TRIGGER IF NOT EXISTS reports_stem_ad AFTER DELETE ON reports BEGIN
        DELETE FROM reports_stem WHERE rowid = old.seq;
    END""",
    """CREATE TRIGGER IF NOT EXISTS reports_stem_au AFTER UPDATE OF title, text ON reports BEGIN
        DELETE FROM reports_stem WHERE rowid = old.seq;
        INSERT INTO reports_stem(rowid, title, text)
        VALUES (new.seq, sitroom_stem(new.title), sitroom_stem(new.text));
    END""",
    # Backfill the reports already stored.
    """INSERT INTO reports_stem(rowid, title, text)
       SELECT seq, sitroom_stem(title), sitroom_stem(text) FROM reports""",
)
STEM_POSTGRES_DDL = (
    f"""ALTER TABLE reports ADD COLUMN IF NOT EXISTS search_stem tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('russian'::regconfig, left(coalesce(title, ''), 2000)), 'A') ||
        setweight(to_tsvector('russian'::regconfig,
                              left(coalesce(text, ''), {PG_INDEXED_CHARS})), 'B')) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_reports_search_stem ON reports USING gin (search_stem)",
)


def create_stemmed(conn: Connection) -> None:
    """Create the stemmed search index of the connection's dialect, filled from stored reports."""
    ddl = STEM_POSTGRES_DDL if conn.dialect.name == "postgresql" else STEM_SQLITE_DDL
    for statement in ddl:
        conn.exec_driver_sql(statement)


_SQLITE_SEARCH = text(
    """SELECT r.id, r.title, substr(r.text, 1, 200000) AS text,
              -bm25(reports_stem, 2.0, 1.0) AS rank
       FROM reports_stem JOIN reports r ON r.seq = reports_stem.rowid
       WHERE reports_stem MATCH :q
       ORDER BY bm25(reports_stem, 2.0, 1.0), r.seq
       LIMIT :limit"""
)

_POSTGRES_SEARCH = text(
    """SELECT hit.id, hit.title,
              ts_headline('russian', left(hit.text, 100000), to_tsquery('russian', :q),
                          'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1')
                AS snippet,
              hit.rank
       FROM (SELECT r.id, r.title, r.text, r.seq,
                    ts_rank_cd(r.search_stem, to_tsquery('russian', :q)) AS rank
             FROM reports r
             WHERE r.search_stem @@ to_tsquery('russian', :q)
             ORDER BY rank DESC, r.seq
             LIMIT :limit) AS hit
       ORDER BY hit.rank DESC, hit.seq"""
)


def search(conn: Connection, query: str, limit: int) -> list[tuple[str, str, str, float]]:
    """Ranked (id, title, snippet, rank) rows, best first; higher rank is better on both.

    ``InputError`` when the query cannot be parsed (see ``search_query``)."""
    node = search_query.parse(query)
    if node is None or limit <= 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(_POSTGRES_SEARCH, {"q": search_query.to_tsquery(node),
                                               "limit": limit})
        return [(r.id, r.title, r.snippet or "", float(r.rank)) for r in rows]
    from sitroom.reading.stemming import stem_word

    rows = conn.execute(_SQLITE_SEARCH, {"q": search_query.to_fts5(node, stem_word),
                                         "limit": limit})
    stems = search_query.stems_of(node, stem_word)
    return [(r.id, r.title, snippet(r.text or "", stems) or snippet(r.title or "", stems),
             float(r.rank)) for r in rows]


def snippet(text_: str, stems: set[str], width: int = 16) -> str:
    """About ``width`` words around the first word whose stem is looked for, marked [so]."""
    from sitroom.reading.stemming import stem_word

    spans = [(m.start(), m.end(), m.group()) for m in _WORDS.finditer(text_)]
    hits = [i for i, (_, _, w) in enumerate(spans) if stem_word(w) in stems]
    if not hits:
        return ""
    first = max(0, hits[0] - width // 2)
    last = min(len(spans), first + width)
    marked = set(hits)
    out, pos = [], spans[first][0]
    for i in range(first, last):
        start, end, word = spans[i]
        out.append(text_[pos:start])
        out.append(f"[{word}]" if i in marked else word)
        pos = end
    return ("…" if first else "") + "".join(out).strip() + ("…" if last < len(spans) else "")
