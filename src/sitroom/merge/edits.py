"""Analyst operations on events: confirm, reject, edit, split, merge, undo — pure functions.

Each takes a ``Book`` (the events, claims and history it may touch) and returns an ``EditResult``
(events to save, events to delete, the action to record). Contradictory requests raise
``MergeError`` with a message and change nothing. ``constraints_from`` turns the recorded history
into the ``Constraints`` the automatic merge honours, so decisions survive re-coding and
re-merging.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sitroom.errors import MergeError
from sitroom.model import Claim, Event, MergeAction

from .build import EDITABLE, build_event
from .cluster import action_id, anchor
from .types import Constraints, ReportInfo
from .values import check_edit

_INT_FIELDS = {"time_precision", "inter1", "inter2", "geo_precision"}
_FLOAT_FIELDS = {"latitude", "longitude"}


@dataclass(frozen=True)
class Book:
    """What an edit may read: events by id, their claims, report info and the history."""

    events: Mapping[str, Event]
    claims: Mapping[str, Claim]
    infos: Mapping[str, ReportInfo]
    actions: Sequence[MergeAction] = ()
    watching_blocs: Collection[str] = ()


@dataclass(frozen=True)
class EditResult:
    """What an edit decided: events to save, event ids to delete, the action to record."""

    saved: tuple[Event, ...]
    deleted: tuple[str, ...]
    action: MergeAction


def _event(book: Book, event_id: str) -> Event:
    try:
        return book.events[event_id]
    except KeyError:
        raise MergeError(f"no event {event_id!r}") from None


def _live(book: Book, event_id: str, verb: str) -> Event:
    event = _event(book, event_id)
    if event.status == "rejected":
        raise MergeError(
            f"cannot {verb} event {event_id}: it is rejected (undo the rejection first)"
        )
    return event


def _rebuild(book: Book, event: Event, claim_ids: Sequence[str], status: str) -> Event:
    missing = [c for c in claim_ids if c not in book.claims]
    if missing:
        raise MergeError(f"claims not found: {', '.join(missing)}")
    members = [book.claims[c] for c in claim_ids]
    overrides = {k: getattr(event, k) for k in _overrides(book, event.id)}
    return build_event(event.id, members, book.infos, watching_blocs=book.watching_blocs,
                       status=status, notes=event.notes, overrides=overrides)


def _overrides(book: Book, event_id: str) -> set[str]:
    fields: set[str] = set()
    for a in _effective(book.actions):
        if a.action == "edit" and event_id in a.event_ids:
            fields |= set(dict(a.payload).get("fields", {}))
    return fields


def _effective(actions: Sequence[MergeAction]) -> list[MergeAction]:
    """Actions not undone, in order."""
    undone = {a.undoes for a in actions if a.action == "undo" and a.undoes}
    return [a for a in actions if a.id not in undone and a.action != "undo"]


def _action(kind: str, event_ids: Sequence[str], claim_ids: Sequence[str], actor: str,
            reason: str, at: datetime | None, payload: dict[str, Any],
            undoes: str | None = None) -> MergeAction:
    salt = (at.isoformat() if at else "") + repr(sorted(payload)) + (undoes or "")
    return MergeAction(
        id=action_id(kind, event_ids, claim_ids, salt), action=kind, event_ids=tuple(event_ids),
        claim_ids=tuple(claim_ids), actor=actor, reason=reason, at=at, undoes=undoes,
        payload=tuple(sorted(payload.items())),
    )


def confirm(book: Book, event_id: str, *, actor: str = "analyst", reason: str = "",
            at: datetime | None = None) -> EditResult:
    """Mark an event as checked by an analyst; its membership is then pinned."""
    event = _live(book, event_id, "confirm")
    if event.status == "confirmed":
        raise MergeError(f"event {event_id} is already confirmed")
    new = dataclasses.replace(event, status="confirmed")
    act = _action("confirm", [event_id], event.claim_ids, actor, reason, at,
                  {"before_status": event.status})
    return EditResult((new,), (), act)


def reject(book: Book, event_id: str, *, actor: str = "analyst", reason: str = "",
           at: datetime | None = None) -> EditResult:
    """Mark an event as not a real event; it stays, pinned, so a re-merge does not revive it."""
    event = _event(book, event_id)
    if event.status == "rejected":
        raise MergeError(f"event {event_id} is already rejected")
    new = dataclasses.replace(event, status="rejected")
    act = _action("reject", [event_id], event.claim_ids, actor, reason, at,
                  {"before_status": event.status})
    return EditResult((new,), (), act)


def _coerce(name: str, value: Any) -> Any:
    if value in ("", None):
        return None
    try:
        if name == "event_date":
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        if name in _INT_FIELDS:
            return int(value)
        if name in _FLOAT_FIELDS:
            return float(value)
    except ValueError as exc:
        raise MergeError(f"bad value for {name}: {value!r} ({exc})") from None
    return str(value)


def edit(book: Book, event_id: str, fields: Mapping[str, Any], *, actor: str = "analyst",
         reason: str = "", at: datetime | None = None) -> EditResult:
    """Set reconciled fields by hand; they are kept on every later rebuild of the event."""
    event = _live(book, event_id, "edit")
    if not fields:
        raise MergeError("nothing to edit: give at least one FIELD=VALUE")
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise MergeError(f"cannot edit {', '.join(unknown)}; editable: {', '.join(EDITABLE)}")
    values = {k: _coerce(k, v) for k, v in fields.items()}
    before = {k: getattr(event, k) for k in values}
    status = event.status if event.status == "confirmed" else "edited"
    new = dataclasses.replace(event, status=status, **values)
    check_edit(values, new)
    plain = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
    old = {k: v.isoformat() if isinstance(v, date) else v for k, v in before.items()}
    act = _action("edit", [event_id], (), actor, reason, at,
                  {"fields": plain, "before": old, "before_status": event.status})
    return EditResult((new,), (), act)


def split(book: Book, event_id: str, claim_ids: Sequence[str], *, actor: str = "analyst",
          reason: str = "", at: datetime | None = None) -> EditResult:
    """Move claims out of an event into a new event; the two are never merged again."""
    event = _live(book, event_id, "split")
    ids = sorted(set(claim_ids))
    if not ids:
        raise MergeError("name at least one claim to split off")
    outside = [c for c in ids if c not in event.claim_ids]
    if outside:
        raise MergeError(f"claims not in event {event_id}: {', '.join(outside)}")
    rest = [c for c in event.claim_ids if c not in ids]
    if not rest:
        raise MergeError(f"cannot split every claim off event {event_id}; reject it instead")
    key = ("split|" + event_id + "|" + ",".join(ids)).encode("utf-8")
    new_id = "ev-" + hashlib.sha1(key).hexdigest()[:16]
    if new_id in book.events:
        raise MergeError(f"event {new_id} from the same split exists already")
    kept = _rebuild(book, event, rest, "edited" if event.status == "auto" else event.status)
    shell = dataclasses.replace(event, id=new_id, notes="")
    created = _rebuild(dataclasses.replace(book, actions=()), shell, ids, "edited")
    apart = [[anchor(book.claims[a]), anchor(book.claims[b])] for a in ids for b in rest]
    act = _action("split", [event_id, new_id], ids, actor, reason, at,
                  {"created": new_id, "before_status": event.status, "apart": apart})
    return EditResult((kept, created), (), act)


def merge(book: Book, event_ids: Sequence[str], *, actor: str = "analyst", reason: str = "",
          at: datetime | None = None) -> EditResult:
    """Merge events into one (the confirmed one, else the first by id)."""
    ids = sorted(set(event_ids))
    if len(ids) < 2:
        raise MergeError("merge needs at least two different events")
    events = [_live(book, i, "merge") for i in ids]
    apart = _apart_pairs(book.actions)
    for a in events:
        for b in events:
            if a.id < b.id and any(
                frozenset((anchor(book.claims[x]), anchor(book.claims[y]))) in apart
                for x in a.claim_ids for y in b.claim_ids
                if x in book.claims and y in book.claims
            ):
                raise MergeError(f"events {a.id} and {b.id} were split apart by an analyst; "
                                 "undo that split instead")
    survivor = next((e for e in events if e.status == "confirmed"), events[0])
    claim_ids = sorted({c for e in events for c in e.claim_ids})
    merged = _rebuild(book, survivor, claim_ids,
                      "confirmed" if survivor.status == "confirmed" else "edited")
    absorbed = [e for e in events if e.id != survivor.id]
    act = _action("merge", [survivor.id, *[e.id for e in absorbed]], claim_ids, actor, reason,
                  at, {"survivor": survivor.id, "before_status": survivor.status,
                       "absorbed": [e.to_dict() for e in absorbed]})
    return EditResult((merged,), tuple(e.id for e in absorbed), act)


def undo(book: Book, target_id: str, *, actor: str = "analyst", reason: str = "",
         at: datetime | None = None) -> EditResult:
    """Reverse one recorded action; refused if it was undone already or cannot be reversed."""
    from .serialize import event_from_dict

    target = next((a for a in book.actions if a.id == target_id), None)
    if target is None:
        raise MergeError(f"no action {target_id!r}")
    if target.action == "undo":
        raise MergeError(f"{target_id} is itself an undo; redo the original operation instead")
    if any(a.action == "undo" and a.undoes == target_id for a in book.actions):
        raise MergeError(f"action {target_id} has already been undone")
    p = dict(target.payload)
    kind = target.action
    if kind in ("confirm", "reject", "edit"):
        event = _event(book, target.event_ids[0])
        values: dict[str, Any] = {"status": p.get("before_status", "auto")}
        if kind == "edit":
            values.update({k: _coerce(k, v) for k, v in p.get("before", {}).items()})
        elif event.status != ("confirmed" if kind == "confirm" else "rejected"):
            raise MergeError(f"event {event.id} is no longer {kind}ed; nothing to undo")
        saved: tuple[Event, ...] = (dataclasses.replace(event, **values),)
        deleted: tuple[str, ...] = ()
    elif kind == "split":
        original = _event(book, target.event_ids[0])
        created = book.events.get(p["created"])
        if created is None:
            raise MergeError(f"event {p['created']} made by that split no longer exists")
        ids = list(original.claim_ids) + [c for c in created.claim_ids
                                          if c not in original.claim_ids]
        saved = (_rebuild(book, original, ids, p.get("before_status", "auto")),)
        deleted = (created.id,)
    elif kind == "merge":
        survivor = _event(book, p["survivor"])
        restored, taken = [], set()
        for d in p["absorbed"]:
            old = event_from_dict(d)
            if old.id in book.events:
                raise MergeError(f"event {old.id} exists again; cannot undo the merge")
            ids = [c for c in old.claim_ids if c in survivor.claim_ids]
            if ids:
                restored.append(_rebuild(book, old, ids, old.status))
                taken |= set(ids)
        rest = [c for c in survivor.claim_ids if c not in taken]
        if not rest:
            raise MergeError(f"undoing would leave event {survivor.id} empty")
        saved = (_rebuild(book, survivor, rest, p.get("before_status", "auto")), *restored)
        deleted = ()
    elif kind == "join":
        event = _event(book, target.event_ids[0])
        ids = [c for c in target.claim_ids if c in event.claim_ids]
        if not ids:
            raise MergeError(f"the claims of {target_id} are no longer in event {event.id}")
        if len(ids) == len(event.claim_ids):
            raise MergeError(f"undoing {target_id} would leave event {event.id} empty")
        res = split(book, event.id, ids, actor=actor,
                    reason=reason or f"undo of automatic join {target_id}", at=at)
        payload = (*res.action.payload, ("undone_action", "join"))
        act = dataclasses.replace(res.action, action="undo", undoes=target_id,
                                  payload=tuple(sorted(payload)))
        return EditResult(res.saved, res.deleted, act)
    else:
        raise MergeError(f"a {kind!r} action cannot be undone; reject the event instead")
    act = _action("undo", target.event_ids, target.claim_ids, actor, reason, at,
                  {"undone_action": kind}, undoes=target_id)
    return EditResult(saved, deleted, act)


def _apart_pairs(actions: Sequence[MergeAction]) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    in_force = _effective(actions) + [a for a in actions if a.action == "undo"]
    for a in in_force:
        if a.action in ("split", "undo"):
            pairs |= {frozenset(p) for p in dict(a.payload).get("apart", []) if len(set(p)) == 2}
    return pairs


def constraints_from(events: Sequence[Event], claims: Mapping[str, Claim],
                     actions: Sequence[MergeAction]) -> Constraints:
    """Analyst decisions as merge constraints: pins, never-merge pairs, overrides, statuses."""
    pins: dict[str, str] = {}
    overrides: dict[str, dict[str, object]] = {}
    statuses: dict[str, str] = {}
    for e in events:
        if e.status in ("confirmed", "rejected", "edited"):
            statuses[e.id] = e.status
            for c in e.claim_ids:
                if c in claims:
                    pins[anchor(claims[c])] = e.id
    for a in _effective(actions):
        if a.action == "edit":
            fields = dict(a.payload).get("fields", {})
            overrides.setdefault(a.event_ids[0], {}).update(
                {k: _coerce(k, v) for k, v in fields.items()}
            )
    return Constraints(pins=pins, apart=frozenset(_apart_pairs(actions)), overrides=overrides,
                       statuses=statuses)
