"""An analyst's decision on events (confirm, reject, edit, split, merge, undo), as one function
the page form and the JSON API share: load what the edit may touch, decide (pure, in
``sitroom.merge.edits``), write the outcome and its history entry in one transaction."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sitroom.errors import MergeError

OPS = ("confirm", "reject", "edit", "split", "merge", "undo")


@dataclass(frozen=True)
class ActionRequest:
    """What the analyst asked for; which fields matter depends on ``op``."""

    op: str
    event_id: str
    reason: str = ""
    fields: Mapping[str, str] | None = None  # edit
    claim_ids: Sequence[str] = ()  # split
    other_event_ids: Sequence[str] = ()  # merge: the events merged into this one
    action_id: str = ""  # undo


def apply_action(store, req: ActionRequest, actor: str, at: datetime, case: str | None = None):
    """Apply one decision and record it; return the ``EditResult`` (MergeError if refused)."""
    from sitroom.merge import edits
    from sitroom.pipeline.merge import apply_edit, load_book

    if req.op not in OPS:
        raise MergeError(f"unknown action {req.op[:20]!r}; one of {', '.join(OPS)}")
    if len(req.reason) > 2000:
        raise MergeError("the reason is longer than 2,000 characters")
    kw = {"actor": actor, "reason": req.reason, "at": at}
    if req.op == "undo":
        target = next((a for a in store.list_merge_actions(req.event_id) if a.id == req.action_id),
                      None)
        if target is None:
            raise MergeError(f"no action {req.action_id[:40]!r} on event {req.event_id}")
        book = load_book(store, list(target.event_ids), case)
        result = edits.undo(book, req.action_id, **kw)
    elif req.op == "merge":
        ids = [req.event_id, *[i.strip() for i in req.other_event_ids if i.strip()]]
        book = load_book(store, ids, case)
        result = edits.merge(book, ids, **kw)
    else:
        book = load_book(store, [req.event_id], case)
        if req.op == "edit":
            fields = {k: v for k, v in (req.fields or {}).items() if k}
            result = edits.edit(book, req.event_id, fields, **kw)
        elif req.op == "split":
            result = edits.split(book, req.event_id, list(req.claim_ids), **kw)
        else:
            result = getattr(edits, req.op)(book, req.event_id, **kw)
    apply_edit(store, result)
    return result
