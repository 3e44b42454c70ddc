"""The actor graph as GraphML: actors as nodes, dated ties with their evidence as edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import TextIO

from sitroom.model import Actor, Tie

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("name", "string"), ("kind", "string"), ("country", "string"),
             ("inter", "int"), ("aliases", "string"), ("description", "string"))
EDGE_KEYS = (("relation", "string"), ("start", "string"), ("end", "string"),
             ("note", "string"), ("evidence", "string"))


def write_graphml(actors: Sequence[Actor], ties: Sequence[Tie], out: TextIO,
                  node_data: Mapping[str, Mapping[str, str]] | None = None,
                  edge_data: Sequence[Mapping[str, str]] | None = None) -> int:
    """Write the graph (ties to unknown actors get a bare node); returns the number of edges.

    ``node_data`` (by actor key) and ``edge_data`` (one mapping per tie, in order) add string
    attributes beyond the standard ones (a faction picture adds ``camp``, ``side``, ``origin``…).
    """
    node_data = node_data or {}
    edge_data = edge_data or [{} for _ in ties]
    node_extra = sorted({k for d in node_data.values() for k in d} - {n for n, _ in NODE_KEYS})
    edge_extra = sorted({k for d in edge_data for k in d} - {n for n, _ in EDGE_KEYS})
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for name, kind in NODE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", id=f"n_{name}", attrib={
            "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in EDGE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", id=f"e_{name}", attrib={
            "for": "edge", "attr.name": name, "attr.type": kind})
    for prefix, what, names in (("n", "node", node_extra), ("e", "edge", edge_extra)):
        for name in names:
            ET.SubElement(root, f"{{{NS}}}key", id=f"{prefix}_{name}", attrib={
                "for": what, "attr.name": name, "attr.type": "string"})
    graph = ET.SubElement(root, f"{{{NS}}}graph", id="actors", edgedefault="directed")
    known = {a.key: a for a in actors}
    for t in ties:
        for key in (t.source, t.target):
            if key and key not in known:
                known[key] = Actor(key=key, name=key, kind="")
    for key in sorted(known):
        a = known[key]
        node = ET.SubElement(graph, f"{{{NS}}}node", id=key)
        values = {"name": a.name, "kind": a.kind, "country": a.country,
                  "inter": a.inter, "aliases": "; ".join(a.aliases),
                  "description": a.description}
        values.update({k: v for k, v in node_data.get(key, {}).items() if k in node_extra})
        for name in [n for n, _ in NODE_KEYS] + node_extra:
            if values.get(name) not in (None, ""):
                ET.SubElement(node, f"{{{NS}}}data", key=f"n_{name}").text = str(values[name])
    n = 0
    for i, t in enumerate(ties):
        if not t.target:  # a bare role: kept as a self-description, not an edge
            continue
        edge = ET.SubElement(graph, f"{{{NS}}}edge", id=f"t{i}", source=t.source,
                             target=t.target)
        values = {"relation": t.relation, "start": t.start.isoformat() if t.start else "",
                  "end": t.end.isoformat() if t.end else "", "note": t.note,
                  "evidence": "; ".join(t.evidence)}
        values.update({k: v for k, v in edge_data[i].items() if k in edge_extra})
        for name in [n for n, _ in EDGE_KEYS] + edge_extra:
            if values.get(name):
                ET.SubElement(edge, f"{{{NS}}}data", key=f"e_{name}").text = values[name]
        n += 1
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return n
