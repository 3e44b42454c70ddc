"""The faction picture, an actor's page and proposed ties as text, JSON and GraphML."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from sitroom.model import Actor, ProposedTie, Tie
from sitroom.present.graphml import write_graphml
from sitroom.watch.factions import Camp, FactionPicture, FactionTie, Involvement
from sitroom.watch.profiles import ActorProfile

RULE = ("camps are connected components of the case's domestic actors over alignment ties "
        "(leads, member of, allied with, supports, backed by, offices held) in force that day; "
        "opposes separates them; the government camp holds the highest office")


def _names(actors: Iterable[Actor]) -> dict[str, str]:
    return {a.key: a.name for a in actors}


def _dates(start: Any, end: Any) -> str:
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else "undated"


def _short(url: str) -> str:
    return url.split("//", 1)[-1][:90]


def tie_line(t: FactionTie, names: Mapping[str, str], with_source: bool = True) -> str:
    """"Sadyr Japarov — prime minister of — Government of Kyrgyzstan (since …) [why]"."""
    who = names.get(t.source, t.source) + " — " if with_source else ""
    target = f" — {names.get(t.target, t.target)}" if t.target else ""
    why = [_short(u) for u in t.sources]
    if t.origin in ("accepted", "proposed") or t.ended_by:
        why += [f"{t.origin if t.proposal_id else 'accepted'} {t.proposal_id or t.ended_by}",
                *t.event_ids[:3], *t.report_ids[:3]]
    note = f"; {t.note.split('.')[0]}" if t.note else ""
    return f"{who}{t.kind}{target} ({_dates(t.start, t.end)}{note}) [{', '.join(why)}]"


def _camp_lines(c: Camp, names: Mapping[str, str], camps: Mapping[str, str]) -> list[str]:
    n = names.get
    lines = [f"{c.side.upper()}: {c.name}"]
    if c.leaders:
        lines.append("  leaders: " + ", ".join(n(k, k) for k in c.leaders))
    for t in c.offices:
        lines.append("    " + tie_line(t, names))
    rest = [k for k in c.members if k not in c.leaders]
    if rest:
        lines.append("  members: " + ", ".join(n(k, k) for k in rest))
    if c.supporters:
        lines.append("  domestic supporters: " + ", ".join(n(k, k) for k in c.supporters))
    if c.backers:
        lines.append("  foreign backers: " + ", ".join(n(k, k) for k in c.backers))
    if c.opposes:
        lines.append("  opposes / opposed by: " + ", ".join(camps.get(k, k) for k in c.opposes))
    for t in c.ties:
        if t not in c.offices:
            lines.append("    " + tie_line(t, names))
    return lines


def _foreign_lines(i: Involvement, names: Mapping[str, str]) -> list[str]:
    lines = [f"{names.get(i.actor, i.actor)}: {', '.join(i.ways) or 'named'}"]
    lines += ["    " + tie_line(t, names) for t in i.ties]
    lines += ["    " + tie_line(t, names) for t in i.holdings]
    for s in i.statements:
        lines.append(f"    statement {s.date} ({s.plover_type or 'statement'}): "
                     f"{s.text[:140]!r} [{s.event_id}, {', '.join(s.report_ids[:3])}]")
    if i.property_attacks:
        lines.append(f"    attacks on property owned from its country: "
                     f"{', '.join(i.property_attacks)}")
    return lines


def picture_text(p: FactionPicture) -> str:
    """The picture for a terminal: camps, foreign involvement, then every tie in force."""
    head = f"Factions of {p.case} as of {p.as_of}"
    if p.before_start:
        return f"{head}: before the case starts; nothing to show.\n"
    names = _names(p.actors)
    camps = {c.key: c.name for c in p.camps}
    lines = [head, f"({RULE})", ""]
    for c in p.camps:
        lines += [*_camp_lines(c, names, camps), ""]
    if p.unaligned:
        lines += ["Unaligned that day: " + ", ".join(names.get(k, k) for k in p.unaligned), ""]
    if p.foreign:
        lines.append("Foreign involvement")
        for i in p.foreign:
            lines += ["  " + x for x in _foreign_lines(i, names)]
        lines.append("")
    lines += [f"Conflict: {x}" for x in p.conflicts]
    lines.append(f"{len(p.ties)} ties in force; `--format json` gives them all with sources.")
    return "\n".join(lines) + "\n"


def _way_details(i: Involvement, names: Mapping[str, str]) -> list[str]:
    n = names.get
    out = []
    for t in i.ties:
        when = f" from {t.start}" if t.start else ""
        mark = " (proposed)" if t.origin == "proposed" else ""
        note = f" ({t.note.split(',')[0].split(';')[0]})" if t.relation == "hosts_base" and \
            t.note else ""
        what = (f"{t.kind} {n(t.target, t.target)}" if t.source == i.actor
                else f"{n(t.source, t.source)} {t.kind} {n(i.actor, i.actor)}")
        out.append(f"{what}{when}{note}{mark}")
    owned = [t.target for t in i.holdings if not any(t.target == u.source for u in i.holdings)]
    if owned:
        out.append("owns through " + ", ".join(
            n(t.source, t.source) for t in i.holdings if t.source != i.actor
            and not any(u.target == t.source for u in i.holdings)) + ": "
                   + ", ".join(n(k, k) for k in dict.fromkeys(owned))
                   if any(t.source != i.actor for t in i.holdings)
                   else "owns " + ", ".join(n(k, k) for k in dict.fromkeys(owned)))
    if i.statements:
        out.append("statements on " + ", ".join(
            str(d) for d in sorted({s.date for s in i.statements if s.date})))
    if i.property_attacks:
        k = len(i.property_attacks)
        out.append(f"{k} attack{'s' * (k != 1)} on property owned from it")
    return out


def summary_lines(p: FactionPicture) -> list[str]:
    """A few lines for a situation report: the camps with their leaders, the foreign states
    and how they are involved, with dates."""
    if p.before_start:
        return [f"{p.as_of}: before the case starts."]
    names = _names(p.actors)
    n = names.get
    lines = []
    for c in p.camps:
        if c.side == "other":
            continue
        offices = [f"{n(t.source, t.source)} {t.kind} {n(t.target, t.target)} since {t.start}"
                   if t.start else f"{n(t.source, t.source)} {t.kind} {n(t.target, t.target)}"
                   for t in c.offices if t.source == c.leader][:2]
        lead = f"led by {n(c.leader, c.leader)}" if c.leader else "no leader named"
        extra = [f"leaders {', '.join(n(k, k) for k in c.leaders[1:4])}"] if len(
            c.leaders) > 1 else []
        extra += [f"supporters {', '.join(n(k, k) for k in c.supporters)}"] if c.supporters \
            else []
        extra += [f"foreign backers {', '.join(n(k, k) for k in c.backers)}"] if c.backers \
            else []
        lines.append(f"{c.side.capitalize()}: {c.name}, {lead}"
                     + (f" ({'; '.join(offices)})" if offices else "")
                     + (f"; {'; '.join(extra)}" if extra else ""))
    for i in p.foreign:
        if next((a.kind for a in p.actors if a.key == i.actor), "") == "company":
            continue
        details = _way_details(i, names)
        lines.append(f"{n(i.actor, i.actor)}: {', '.join(i.ways)}"
                     + (f" — {'; '.join(details)}" if details else ""))
    return lines


def picture_json(p: FactionPicture) -> dict[str, Any]:
    """JSON-ready: ``camps`` (government first), ``foreign``, ``ties``, ``actors``…"""
    d = p.to_dict()
    d["rule"] = RULE
    d["government"] = p.government.key if p.government else None
    return d


def write_picture_graphml(p: FactionPicture, out: TextIO) -> int:
    """The day's graph: actors with their camp and side, ties with kind, origin and reports."""
    node_data: dict[str, dict[str, str]] = {}
    for c in p.camps:
        for k in c.members:
            node_data[k] = {"camp": c.key, "camp_name": c.name, "side": c.side}
    for i in p.foreign:
        node_data.setdefault(i.actor, {}).update(
            {"side": "foreign", "involvement": ", ".join(i.ways)})
    ties = [Tie(t.source, t.relation, t.target, t.start, t.end, t.note, t.sources)
            for t in p.ties]
    edges = [{"kind": t.kind, "origin": t.origin, "proposal": t.proposal_id or t.ended_by,
              "events": "; ".join(t.event_ids), "reports": "; ".join(t.report_ids)}
             for t in p.ties]
    return write_graphml(p.actors, ties, out, node_data=node_data, edge_data=edges)


def profile_text(pr: ActorProfile, names: Mapping[str, str]) -> str:
    """An actor's page: roles over time, camps by day, ties, events."""
    a = pr.actor
    lines = [f"{a.name} ({a.key}, {a.kind}{', ' + a.country if a.country else ''})"]
    if a.description:
        lines.append(a.description)
    lines.append("Roles over time:")
    lines += ["  " + tie_line(t, names, with_source=False) for t in pr.roles] or ["  none"]
    lines.append("Camp by day:")
    lines += [f"  from {s.start}: {s.name or 'unaligned'}"
              + (f" ({s.side})" if s.side else "") for s in pr.camps] or ["  none"]
    lines.append("Ties:")
    lines += ["  " + tie_line(t, names) for t in pr.ties if t not in pr.roles] or ["  none"]
    lines.append(f"Events ({len(pr.event_ids)}): " + (", ".join(pr.event_ids) or "none"))
    return "\n".join(lines) + "\n"


def proposals_text(items: Sequence[ProposedTie], names: Mapping[str, str]) -> str:
    """One block per proposal: what, since when, why, how sure, decided or not."""
    if not items:
        return "no proposed ties\n"
    lines = []
    for p in items:
        what = (f"{names.get(p.source, p.source)} — {p.relation.replace('_', ' ')}"
                + (f" — {names.get(p.target, p.target)}" if p.target else ""))
        when = f"ends {p.end}" if p.ends else f"from {p.start}"
        lines.append(f"{p.id}  [{p.status}]  {what}  {when}  "
                     f"(confidence {p.confidence:.2f}, rule {p.rule})")
        lines.append(f"    events: {', '.join(p.event_ids)}")
        lines.append(f"    reports: {', '.join(p.report_ids)}")
        lines += [f"    \u201c{s[:160]}\u201d" for s in p.evidence[:3]]
        if p.status != "proposed":
            lines.append(f"    {p.status} by {p.decided_by or '?'} at {p.decided_at}"
                         + (f": {p.reason}" if p.reason else ""))
    return "\n".join(lines) + "\n"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"
