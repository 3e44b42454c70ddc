"""The search syntax of ``sitroom reports search``, parsed once and written for each backend.

    police OR protesters      either word
    police protesters         both (AND is implied; ``police AND protesters`` says it)
    protest NOT police        the first without the second
    "White House"             the words in this order
    Жапаров*                  a prefix
    (police OR army) Bishkek  grouping

Operators are upper-case; lower-case ``and``/``or``/``not`` are words. Every word is matched by
its stem (see ``reading.stemming``), so "protest" finds "protesters". A query that cannot be
parsed is refused with the reason (``InputError``), never passed to the database as syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.errors import InputError

__all__ = ["Node", "parse", "to_fts5", "to_tsquery"]

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[\w]+\*?|"')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Node:
    """One part of a query: a term, a phrase, or an operator over parts."""

    kind: str  # term, phrase, and, or, not
    words: tuple[str, ...] = ()
    prefix: bool = False
    parts: tuple[Node, ...] = ()


class _Parser:
    def __init__(self, query: str) -> None:
        self.tokens = [t for t in _TOKEN.findall(query)]
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        self.i += 1
        return self.tokens[self.i - 1]

    def expr(self) -> Node:
        parts = [self.conj()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.conj())
        return parts[0] if len(parts) == 1 else Node("or", parts=tuple(parts))

    def conj(self) -> Node:
        parts = [self.unary()]
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else Node("and", parts=tuple(parts))

    def unary(self) -> Node:
        token = self.peek()
        if token is None or token in ("OR", "AND", ")"):
            raise InputError(f"search: expected a word before {token or 'the end'!r}")
        self.take()
        if token == "NOT":
            return Node("not", parts=(self.unary(),))
        if token == "(":
            inner = self.expr()
            if self.peek() != ")":
                raise InputError("search: a '(' is never closed")
            self.take()
            return inner
        if token == '"':
            raise InputError('search: a phrase\'s closing " is missing')
        if token.startswith('"'):
            found = tuple(_WORD.findall(token))
            if not found:
                raise InputError("search: an empty phrase")
            return Node("phrase", words=found) if len(found) > 1 else Node("term", words=found)
        return Node("term", words=(token.rstrip("*"),), prefix=token.endswith("*"))


def parse(query: str) -> Node | None:
    """The query as a tree, or None when it holds no word; InputError on bad syntax."""
    p = _Parser(query)
    if not any(_WORD.search(t) for t in p.tokens):
        return None
    node = p.expr()
    if p.peek() is not None:
        raise InputError(f"search: unexpected {p.peek()!r}")
    _check_not(node, top=True)
    return node


def _check_not(node: Node, top: bool = False) -> None:
    """NOT needs something to subtract from (a query of only NOTs would return everything)."""
    if node.kind == "not" or (node.kind == "and" and all(p.kind == "not" for p in node.parts)):
        raise InputError("search: NOT needs a word before it (e.g. protest NOT police)")
    for part in node.parts:
        if node.kind != "and" or part.kind != "not":
            _check_not(part)


def _quote_fts(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts5(node: Node, stem) -> str:
    """An FTS5 MATCH expression over stemmed text; ``stem`` maps a word to its stem."""
    if node.kind == "term":
        return _quote_fts(stem(node.words[0])) + ("*" if node.prefix else "")
    if node.kind == "phrase":
        return _quote_fts(" ".join(stem(w) for w in node.words))
    if node.kind == "or":
        return "(" + " OR ".join(to_fts5(p, stem) for p in node.parts) + ")"
    if node.kind == "and":
        pos = [to_fts5(p, stem) for p in node.parts if p.kind != "not"]
        neg = [to_fts5(p.parts[0], stem) for p in node.parts if p.kind == "not"]
        return "(" + " AND ".join(pos) + "".join(f" NOT {n}" for n in neg) + ")"
    raise InputError("search: NOT needs a word before it")


def _quote_ts(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def to_tsquery(node: Node) -> str:
    """A to_tsquery text; PostgreSQL's own dictionaries stem each word."""
    if node.kind == "term":
        return _quote_ts(node.words[0]) + (":*" if node.prefix else "")
    if node.kind == "phrase":
        return "(" + " <-> ".join(_quote_ts(w) for w in node.words) + ")"
    if node.kind == "not":
        return "!" + to_tsquery(node.parts[0])
    joiner = " | " if node.kind == "or" else " & "
    return "(" + joiner.join(to_tsquery(p) for p in node.parts) + ")"


def stems_of(node: Node, stem) -> set[str]:
    """The stems a query looks for (not those under NOT), to mark them in a snippet."""
    if node.kind == "not":
        return set()
    found = {stem(w) for w in node.words}
    for part in node.parts:
        found |= stems_of(part, stem)
    return found
