"""The faction graph as geometry for an inline SVG: one column per camp (government first, then
the opposition camps, then the unaligned and foreign actors), actors stacked in their column,
ties drawn between them and coloured by kind. Pure; the template draws it."""

from collections.abc import Mapping, Sequence

COL_W, ROW_H, TOP, PAD = 190, 26, 34, 12
KIND_CLASS = {"alignment": "g-align", "opposition": "g-oppose", "backing": "g-back",
              "ownership": "g-own", "role": "g-role"}


def _kind(relation: str) -> str:
    if relation in ("member_of", "leads", "allied_with", "supports"):
        return "alignment"
    if relation == "opposes":
        return "opposition"
    if relation in ("backed_by", "hosts_base", "negotiates_with", "concerned_about"):
        return "backing"
    if relation == "owns":
        return "ownership"
    return "role"


def layout(camps: Sequence[Mapping], foreign: Sequence[str], unaligned: Sequence[str],
           ties: Sequence[Mapping], names: Mapping[str, str]) -> dict:
    """Columns, nodes (x, y, name, camp) and edges (x1, y1, x2, y2, class, title)."""
    columns: list[tuple[str, str, list[str]]] = []
    placed: set[str] = set()
    for c in camps:
        members = [a for a in (*c.get("leaders", ()), *c.get("members", ()),
                               *c.get("supporters", ())) if a not in placed]
        placed |= set(members)
        columns.append((c["name"], c.get("side", "other"), members))
    rest = [a for a in unaligned if a not in placed]
    placed |= set(rest)
    if rest:
        columns.append(("Unaligned", "other", rest))
    abroad = [a for a in foreign if a not in placed]
    if abroad:
        columns.append(("Foreign", "foreign", abroad))
    nodes: dict[str, dict] = {}
    heads = []
    for i, (title, side, members) in enumerate(columns):
        x = PAD + i * COL_W
        heads.append({"x": x, "title": title, "side": side, "w": COL_W - 16})
        for j, key in enumerate(members):
            nodes[key] = {"key": key, "x": x, "y": TOP + j * ROW_H, "w": COL_W - 16,
                          "name": names.get(key, key), "side": side}
    edges = []
    for t in ties:
        a, b = nodes.get(t["source"]), nodes.get(t.get("target") or "")
        if not a or not b or a is b:
            continue
        kind = _kind(t["relation"])
        # from the right edge of the left node to the left edge of the right node
        left, right = (a, b) if a["x"] <= b["x"] else (b, a)
        same = left["x"] == right["x"]
        x1 = left["x"] + (0 if same else left["w"])
        x2 = right["x"]
        y1, y2 = left["y"] + 9, right["y"] + 9
        bend = x1 - 40 if same else (x1 + x2) / 2
        edges.append({"d": f"M{x1},{y1} C{bend},{y1} {bend},{y2} {x2},{y2}",
                      "cls": KIND_CLASS[kind], "origin": t.get("origin", "case"),
                      "title": f"{names.get(t['source'], t['source'])} {t['relation']} "
                               f"{names.get(t['target'], t['target'])}"})
    height = TOP + max((len(m) for _, _, m in columns), default=1) * ROW_H + PAD
    return {"width": PAD * 2 + len(columns) * COL_W, "height": height, "heads": heads,
            "nodes": list(nodes.values()), "edges": edges}
