"""Cases and what they list: outlets, actors (with aliases), ties, hypotheses, watches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, RowMapping, Table, delete, func, select

from sitroom.errors import NotFound
from sitroom.model import Actor, Case, Hypothesis, Outlet, Tie, Watch
from sitroom.store import rows
from sitroom.store.base import SqlBase
from sitroom.store.engine import insert_ignore, upsert
from sitroom.store.schema import (
    actor_aliases,
    actors,
    case_actors,
    case_outlets,
    cases,
    hypotheses,
    outlets,
    ties,
    watches,
)

_OUTLET_COLS = [c.name for c in outlets.c if c.name != "key"]
_ACTOR_COLS = [c.name for c in actors.c if c.name != "key"]
_CASE_COLS = [c.name for c in cases.c if c.name != "name"]
_TIE_COLS = [c.name for c in ties.c if c.name != "id"]


class CatalogueStore(SqlBase):
    """Upserts of case files; a saved case replaces its own memberships, ties and hypotheses."""

    # --- writes ------------------------------------------------------------------------------

    def save_case(self, case: Case) -> None:
        """Upsert a case with its outlets, actors, ties, hypotheses and watches, atomically."""
        with self._write() as conn:
            conn.execute(upsert(self.dialect, cases, ["name"], _CASE_COLS), rows.case_row(case))
            self._save_outlets(conn, case.outlets)
            self._save_actors(conn, case.actors)
            for table in (case_outlets, case_actors):
                conn.execute(delete(table).where(table.c.case_name == case.name))
            for table in (ties, hypotheses, watches):
                conn.execute(delete(table).where(table.c.case_name == case.name))
            if case.outlets:
                conn.execute(
                    insert_ignore(self.dialect, case_outlets),
                    [{"case_name": case.name, "outlet": o.key, "position": i}
                     for i, o in enumerate(case.outlets)],
                )
            if case.actors:
                conn.execute(
                    insert_ignore(self.dialect, case_actors),
                    [{"case_name": case.name, "actor": a.key, "position": i}
                     for i, a in enumerate(case.actors)],
                )
            if case.ties:
                tie_rows = {}
                for i, t in enumerate(case.ties):
                    row = rows.tie_row(t, case.name, i)
                    tie_rows[row["id"]] = row  # a tie listed twice is kept once (the last)
                conn.execute(ties.insert(), list(tie_rows.values()))
            if case.hypotheses:
                conn.execute(
                    upsert(self.dialect, hypotheses, ["case_name", "key"],
                           ["title", "description", "indicators", "seq", "rules"]),
                    [rows.hypothesis_row(h, case.name, i) for i, h in enumerate(case.hypotheses)],
                )
            if case.watches:
                conn.execute(
                    upsert(self.dialect, watches, ["case_name", "key"], ["title", "query", "seq"]),
                    [rows.watch_row(w, case.name, i) for i, w in enumerate(case.watches)],
                )

    def _save_outlets(self, conn: Connection, items: Sequence[Outlet]) -> None:
        if items:
            by_key = {o.key: rows.outlet_row(o) for o in items}
            conn.execute(upsert(self.dialect, outlets, ["key"], _OUTLET_COLS),
                         list(by_key.values()))

    def _save_actors(self, conn: Connection, items: Sequence[Actor]) -> None:
        if not items:
            return
        by_key = {a.key: a for a in items}
        conn.execute(upsert(self.dialect, actors, ["key"], _ACTOR_COLS),
                     [rows.actor_row(a) for a in by_key.values()])
        conn.execute(delete(actor_aliases).where(actor_aliases.c.actor.in_(list(by_key))))
        alias_rows = [r for a in by_key.values() for r in rows.alias_rows(a)]
        if alias_rows:
            conn.execute(actor_aliases.insert(), alias_rows)

    def _join_case(self, conn: Connection, table, column: str, key: str, case: str) -> None:
        if conn.execute(select(cases.c.name).where(cases.c.name == case)).first() is None:
            raise NotFound(f"no case {case!r}: save the case before adding to it")
        last = conn.execute(
            select(func.max(table.c.position)).where(table.c.case_name == case)
        ).scalar()
        conn.execute(insert_ignore(self.dialect, table),
                     {"case_name": case, column: key, "position": (last or 0) + 1})

    def save_outlet(self, outlet: Outlet, case: str | None = None) -> None:
        """Upsert one outlet; with ``case``, also list it in that (existing) case."""
        with self._write() as conn:
            self._save_outlets(conn, [outlet])
            if case:
                self._join_case(conn, case_outlets, "outlet", outlet.key, case)

    def save_actor(self, actor: Actor, case: str | None = None) -> None:
        """Upsert one actor and its aliases; with ``case``, also list it in that case."""
        with self._write() as conn:
            self._save_actors(conn, [actor])
            if case:
                self._join_case(conn, case_actors, "actor", actor.key, case)

    def save_tie(self, tie: Tie, case: str | None = None) -> None:
        """Upsert one tie, identified by (case, source, relation, target, start)."""
        with self._write() as conn:
            conn.execute(upsert(self.dialect, ties, ["id"], _TIE_COLS),
                         rows.tie_row(tie, case or ""))

    # --- reads -------------------------------------------------------------------------------

    def list_cases(self) -> list[Case]:
        """Every stored case, whole, by name."""
        with self._read() as conn:
            names = conn.execute(select(cases.c.name).order_by(cases.c.name)).scalars().all()
            return [self._load_case(conn, name) for name in names]

    def get_case(self, name: str) -> Case:
        """Raise NotFound if absent."""
        with self._read() as conn:
            return self._load_case(conn, name)

    def _load_case(self, conn: Connection, name: str) -> Case:
        row = conn.execute(select(cases).where(cases.c.name == name)).mappings().first()
        if row is None:
            raise NotFound(f"no case {name!r}")
        return rows.case_from(
            row,
            outlets=tuple(self._outlets(conn, name)),
            actors=tuple(self._actors(conn, name)),
            ties=tuple(self._ties(conn, name)),
            hypotheses=tuple(self._hypotheses(conn, name)),
            watches=tuple(self._watches(conn, name)),
        )

    @staticmethod
    def _members(conn: Connection, table: Table, link: Table, column: str,
                 case: str | None) -> Iterable[RowMapping]:
        """Rows of ``table`` by key, or those ``case`` lists through ``link`` in its order."""
        stmt = select(table).order_by(table.c.key)
        if case is not None:
            stmt = (
                select(table)
                .join(link, link.c[column] == table.c.key)
                .where(link.c.case_name == case)
                .order_by(link.c.position, table.c.key)
            )
        return conn.execute(stmt).mappings()

    @staticmethod
    def _case_rows(conn: Connection, table: Table, case: str | None,
                   *order: str) -> Iterable[RowMapping]:
        """Rows of a per-case table by case then ``order``, or those of one case."""
        stmt = select(table).order_by(table.c.case_name, *(table.c[c] for c in order))
        if case is not None:
            stmt = stmt.where(table.c.case_name == case)
        return conn.execute(stmt).mappings()

    def _outlets(self, conn: Connection, case: str | None) -> list[Outlet]:
        return [rows.outlet_from(r)
                for r in self._members(conn, outlets, case_outlets, "outlet", case)]

    def _actors(self, conn: Connection, case: str | None) -> list[Actor]:
        return [rows.actor_from(r)
                for r in self._members(conn, actors, case_actors, "actor", case)]

    def _ties(self, conn: Connection, case: str | None) -> list[Tie]:
        return [rows.tie_from(r) for r in self._case_rows(conn, ties, case, "seq", "id")]

    def _hypotheses(self, conn: Connection, case: str | None) -> list[Hypothesis]:
        return [rows.hypothesis_from(r) for r in self._case_rows(conn, hypotheses, case, "seq")]

    def _watches(self, conn: Connection, case: str | None) -> list[Watch]:
        return [rows.watch_from(r) for r in self._case_rows(conn, watches, case, "seq")]

    def list_outlets(self, case: str | None = None) -> list[Outlet]:
        """All outlets by key, or those a case lists in the case's order."""
        with self._read() as conn:
            return self._outlets(conn, case)

    def get_outlet(self, key: str) -> Outlet:
        """Raise NotFound if absent."""
        with self._read() as conn:
            row = conn.execute(select(outlets).where(outlets.c.key == key)).mappings().first()
        if row is None:
            raise NotFound(f"no outlet {key!r}")
        return rows.outlet_from(row)

    def list_actors(self, case: str | None = None) -> list[Actor]:
        with self._read() as conn:
            return self._actors(conn, case)

    def find_actors(self, alias: str) -> list[Actor]:
        """Actors known by this name or alias (case and spacing ignored), ordered by key."""
        stmt = (
            select(actors)
            .join(actor_aliases, actor_aliases.c.actor == actors.c.key)
            .where(actor_aliases.c.alias_norm == rows.alias_key(alias))
            .order_by(actors.c.key)
        )
        with self._read() as conn:
            return [rows.actor_from(r) for r in conn.execute(stmt).mappings()]

    def list_ties(self, case: str | None = None) -> list[Tie]:
        with self._read() as conn:
            return self._ties(conn, case)

    def list_hypotheses(self, case: str | None = None) -> list[Hypothesis]:
        with self._read() as conn:
            return self._hypotheses(conn, case)

    def list_watches(self, case: str | None = None) -> list[Watch]:
        with self._read() as conn:
            return self._watches(conn, case)
