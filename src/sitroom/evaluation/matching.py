"""Pairing predicted with gold events inside one document: similarity and optimal assignment."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sitroom.evaluation.gold import GoldEvent

# A pair is only a match when its similarity reaches this; below it, both sides stay unmatched.
MATCH_THRESHOLD = 0.35

_PLACE_SUFFIXES = re.compile(
    r"\b(region|oblast|province|state|governorate|district|prefecture|department|county|city|"
    r"division|territory|raion|rayon|municipality|republic|capital|krai|kray|autonomous|d c|"
    r"область|район)\b"
)
_PLACE_WORDS = {"southern": "south", "northern": "north", "eastern": "east", "western": "west",
                "nord": "north", "sud": "south", "st": "saint", "ste": "sainte"}
_STOP = {"of", "the", "and", "de", "du", "des", "la", "le", "al", "el"}
_POSSESSIVE = re.compile(r"['\u2019]s\b")


def norm_text(value: Any) -> str:
    """Casefolded ASCII-ish form: accents, punctuation and spacing differences removed."""
    s = unicodedata.normalize("NFKD", str(value or "")).casefold()
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[\u2018\u2019'`ʼʻ]", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def norm_place(value: Any) -> str:
    """Place name without generic words ("Osh Region" = "Osh"), the way gazetteers differ.

    Directions are unified in multi-word names ("Nord Kivu" = "North Kivu", "Southern Darfur" =
    "South Darfur") and "St." is "Saint"; a name made only of generic words is kept as it is.
    """
    text = norm_text(value)
    words = text.split()
    if len(words) > 1:
        words = [_PLACE_WORDS.get(w, w) for w in words]
    stripped = " ".join(_PLACE_SUFFIXES.sub(" ", " ".join(words)).split())
    return stripped or text


_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүһ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ng", "o",
     "u", "h"], strict=True))
_SOUNDS = (("shch", "s"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("sh", "s"),
           ("ch", "c"), ("ts", "c"), ("ph", "f"), ("gh", "g"), ("q", "k"), ("c", "k"), ("w", "v"),
           ("x", "ks"))


def _romanised(value: Any) -> str:
    s = "".join(_CYRILLIC.get(ch, ch) for ch in norm_place(value))
    return re.sub(r"(.)\1+", r"\1", s)


def place_skeleton(value: Any) -> str:
    """Consonant skeleton of a place name, so transliterations meet: Khan Sheikhoun = Khān Shaykhūn.

    Cyrillic is romanised first (Бишкек = Bishkek); vowels after a word's first letter and
    doubled letters are dropped.
    """
    s = _romanised(value)
    for a, b in _SOUNDS:
        s = s.replace(a, b)
    words = []
    for w in s.split():
        w = w[0] + re.sub(r"[aeiouy]", "", w[1:])
        words.append(re.sub(r"(.)\1+", r"\1", w))
    return " ".join(words)


def place_match(gold: Any, pred: Any) -> bool:
    """Same place name up to generic words, accents and common transliteration differences."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if _romanised(gold) == _romanised(pred):
        return True
    sk = place_skeleton(gold)
    return len(sk.replace(" ", "")) >= 3 and sk == place_skeleton(pred)


def _actor_tokens(value: Any) -> list[str]:
    base = re.sub(r"\([^)]*\)", " ", _POSSESSIVE.sub("", str(value or "")))
    return [t for t in norm_text(base).split() if t not in _STOP]


def actor_match(gold: Any, pred: Any) -> bool:
    """Normalised actor match: same name outside parentheses, or one name a fair part of the other.

    "Police Forces of Kenya (2013-2022)" = "Police Forces of Kenya"; "Sadyr Japarov" = "Japarov".
    A bare name (a person or group, no "of", no parentheses) may be spelled in another script or
    transliteration, word by word, as place names may: "Shavkat Mirziyoev" = "Shavkat
    Mirziyoyev", "Жапаров" = "Japarov".
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = _actor_tokens(gold), _actor_tokens(pred)
    if not g or not p:
        return norm_text(gold) == norm_text(pred)
    if _country_clash(gold, pred):
        return False
    if g == p:
        return True
    if _fair_part(set(g), set(p)):
        return True
    if _personal(gold) and _personal(pred) and _fair_part(*_spelled_alike(g, p)):
        return True  # one person in two transliterations: "Makki Sal" = "Macky Sall"
    # a name given inside parentheses: "Houthi Movement (Ansar Allah)" = "Ansar Allah"
    full_g = set(norm_text(_POSSESSIVE.sub("", str(gold))).split()) - _STOP
    full_p = set(norm_text(_POSSESSIVE.sub("", str(pred))).split()) - _STOP
    return "(" in str(gold) + str(pred) and _fair_part(full_g, full_p)


_GENERIC = re.compile(r"\(|\bof\b", re.I)


def _personal(value: Any) -> bool:
    """A bare name (a person, a group): not "Forces of X", not "Protesters (X)"."""
    return not _GENERIC.search(str(value))


def _same_spelling(a: str, b: str) -> bool:
    """Two spellings of one word across scripts: same skeleton, lengths within one letter
    ("Mirziyoev" = "Mirziyoyev", "Жапаров" = "Zhaparov"; "Niger" ≠ "Nigeria")."""
    ra, rb = _romanised(a), _romanised(b)
    return abs(len(ra) - len(rb)) <= 1 and place_skeleton(a) == place_skeleton(b)


def _spelled_alike(g: list[str], p: list[str]) -> tuple[set[str], set[str]]:
    """The two token sets with each predicted token replaced by a gold token it spells."""
    out = set()
    for t in p:
        out.add(next((x for x in g if x == t or _same_spelling(x, t)), t))
    return set(g), out


def _fair_part(a: set[str], b: set[str]) -> bool:
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return bool(small) and small <= big and len(small) / len(big) >= 0.5


def _country_clash(a: Any, b: Any) -> bool:
    """Both names carry a non-date qualifier and they differ: Protesters (X) vs Protesters (Y)."""
    qa = [q for q in re.findall(r"\(([^)]*)\)", str(a)) if not re.search(r"\d", q)]
    qb = [q for q in re.findall(r"\(([^)]*)\)", str(b)) if not re.search(r"\d", q)]
    return bool(qa and qb) and norm_text(qa[-1]) != norm_text(qb[-1])


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _type_sim(g: GoldEvent, p: Mapping[str, Any]) -> float | None:
    scores = []
    if g.get("sub_event_type"):
        if p.get("sub_event_type") == g.get("sub_event_type"):
            scores.append(1.0)
        elif p.get("event_type") == g.get("event_type"):
            scores.append(0.6)
        else:
            scores.append(0.0)
    elif isinstance(g.get("event_type"), tuple):  # a set of acceptable types, no sub-type
        scores.append(1.0 if p.get("event_type") in g.get("event_type") else 0.0)
    for key in ("political_event", "plover_type"):
        if g.get(key):
            scores.append(1.0 if p.get(key) == g.get(key) else 0.0)
    # the mean, not the best: "Other" alone must not pair a resignation with a curfew
    return sum(scores) / len(scores) if scores else None


def _date_sim(g: GoldEvent, p: Mapping[str, Any]) -> float | None:
    gd = _as_date(g.get("event_date"))
    if gd is None:
        return None
    pd = _as_date(p.get("event_date"))
    if pd is None:
        return 0.0
    days = abs((gd - pd).days)
    return 1.0 if days == 0 else 0.6 if days <= 1 else 0.3 if days <= 7 else 0.0


def _place_sim(g: GoldEvent, p: Mapping[str, Any]) -> float | None:
    parts = []
    if g.get("iso3"):
        parts.append(1.0 if g.get("iso3") == p.get("iso3") else 0.0)
    elif g.get("country"):
        parts.append(1.0 if norm_place(g.get("country")) == norm_place(p.get("country")) else 0.0)
    if g.get("location"):
        parts.append(1.0 if place_match(g.get("location"), p.get("location")) else 0.0)
    return sum(parts) / len(parts) if parts else None


def _actor_sim(g: GoldEvent, p: Mapping[str, Any]) -> float | None:
    gold = [g.get(k) for k in ("actor1", "actor2") if g.get(k)]
    if not gold:
        return None
    pred = [p.get(k) for k in ("actor1", "actor2") if p.get(k)]
    hits = sum(1 for a in gold if any(actor_match(a, b) for b in pred))
    return hits / len(gold)


_WEIGHTS = ((_type_sim, 0.4), (_date_sim, 0.2), (_place_sim, 0.25), (_actor_sim, 0.15))


def similarity(g: GoldEvent, p: Mapping[str, Any]) -> float:
    """How alike a gold and a predicted event are (0..1), on type, date, place and actors.

    Components the gold leaves unannotated drop out and the rest are reweighted.
    """
    total = weight = 0.0
    for fn, w in _WEIGHTS:
        s = fn(g, p)
        if s is not None:
            total += w * s
            weight += w
    return total / weight if weight else 0.5


def assign(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost assignment (Hungarian method) on a rectangular matrix: (row, col) pairs."""
    n_rows = len(cost)
    n_cols = len(cost[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    n = max(n_rows, n_cols)
    big = max((max(r) for r in cost), default=0.0) + 1.0
    a = [[cost[i][j] if i < n_rows and j < n_cols else big for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = a[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j]]
    return sorted((i, j) for i, j in pairs if i < n_rows and j < n_cols)


def match_events(
    gold: Sequence[GoldEvent], pred: Sequence[Mapping[str, Any]],
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[int, int, float]]:
    """Optimal one-to-one pairs (gold index, predicted index, similarity) above ``threshold``.

    A document with a single gold event pairs it with its most similar prediction whatever the
    similarity: every prediction on a one-event snippet is an attempt at that event, and field
    accuracy must count a wrong type as wrong rather than drop the pair.
    """
    if not gold or not pred:
        return []
    sims = [[similarity(g, p) for p in pred] for g in gold]
    if len(gold) == 1:
        best = max(range(len(pred)), key=lambda j: sims[0][j])
        return [(0, best, sims[0][best])]
    pairs = assign([[1.0 - s for s in row] for row in sims])
    return [(i, j, sims[i][j]) for i, j in pairs if sims[i][j] >= threshold]
