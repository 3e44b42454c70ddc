"""Whose property was attacked: the owner country of a mine, a company, a factory (en, ru, ky).

"Chinese-owned gold mine" → CHN, "a mine owned by a Canadian company" → CAN, "принадлежащий
китайской компании" → CHN, "кытайлык компания" → CHN. The country comes from the demonym table
(``data/demonyms.tsv``) or from a country named in an ownership phrase ("owned by a firm from
Canada"). Only property counts: "the Chinese embassy said" or "Russian troops" do not.
"""

from __future__ import annotations

import re

from sitroom.coding.places.gazetteer import default_gazetteer
from sitroom.coding.places.names import norm
from sitroom.coding.places.tables import demonyms, stem_demonym

__all__ = ["target_owner", "target_owners"]

_PROPERTY_EN = re.compile(
    r"^(?:company|companies|company's|companies'|firm|firms|mine|mines|mining|gold|copper|coal|"
    r"oil|gas|factory|factories|plant|plants|business|businesses|enterprise|enterprises|"
    r"investor|investors|investment|investments|project|projects|venture|ventures|shop|shops|"
    r"store|stores|market|markets|restaurant|restaurants|hotel|hotels|bank|banks|office|"
    r"offices|property|properties|warehouse|warehouses|site|sites|deposit|deposits|"
    r"facility|facilities|operator|operators|corporation|group|subsidiary|contractor|"
    r"contractors|construction|cement|refinery|pipeline|farm|farms|trader|traders|"
    r"businessmen|owners?|assets?|-owned|owned|run|operated|backed)$"
)
_PROPERTY_STEMS = (
    "компани", "фирм", "предприят", "рудник", "месторожден", "завод", "фабрик", "бизнес",
    "инвестор", "инвестиц", "магазин", "рынк", "рынок", "банк", "офис", "имуществ", "склад",
    "объект", "комбинат", "кафе", "ресторан", "гостиниц", "отел", "шахт", "прииск", "строител",
    "кен", "компания", "ишкана", "завод", "фабрика", "инвестор", "дүкөн", "соода", "мүлк",
    "кенин", "кени", "ишкер",
)
_OWNED_EN = re.compile(
    r"\b(?P<adj>[A-Z][\w.]+(?:\s[A-Z]\w+)?)[-\s](?:owned|run|operated|backed|controlled)\b")
_OWNED_BY = re.compile(
    r"\b(?:owned|run|operated|controlled|belonging|belongs)\s+(?:by|to)\s+(?:an?\s+|the\s+)?"
    r"(?:(?P<adj>[A-Z][\w.]+(?:\s[A-Z]\w+)?)\s+\w+|\w+\s+(?:from|of|in)\s+(?P<cty>[A-Z][\w ]+))")
_BY_COUNTRY = re.compile(
    r"\b(?:owned|run|operated|controlled|developed)\s+by\s+(?P<cty>[A-Z][\w ]*?)['’]s\b")
_RU_OWNED = re.compile(r"(?:принадлеж\w+|владе\w+|собственност\w+)\s+(?P<rest>.{0,60})", re.I)


def _demonym_iso(word: str) -> str | None:
    en = demonyms()[0]
    k = norm(word)
    if k in en:
        return en[k]
    if word.isascii():
        return None
    low = word.lower().replace("ё", "е")
    return stem_demonym(low, "ru") or stem_demonym(low, "ky", 6)


def _country_name_iso(name: str) -> str | None:
    return default_gazetteer().country_of(name, "en")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]", text)


def _near_property(ws: list[str], i: int, span: int = 3) -> bool:
    for w in ws[i + 1:i + 1 + span]:
        low = w.lower()
        if _PROPERTY_EN.match(low) or low.startswith(_PROPERTY_STEMS):
            return True
    return False


_MISSIONS = re.compile(r"^(?:embassy|embassies|consulate|consulates|посольств\w*|консульств\w*|"
                       r"элчилиг\w*|консулдуг\w*)$", re.IGNORECASE)
_ATTACKED = re.compile(
    r"\b(?:attack\w*|storm\w*|hurl\w*|burn\w*|set fire|setting|fire to|ransack\w*|loot\w*|"
    r"vandali[sz]\w*|raid\w*|torch\w*|stoned|stoning|petrol bombs?|molotov|smash\w*|"
    r"besieg\w*|break into|broke into|forced (?:their|its) way|напал\w*|штурм\w*|поджег\w*|"
    r"подожгл\w*|подожж\w*|разгром\w*|забросал\w*|атак\w*|ворвал\w*|кол сал\w*|"
    r"басып кир\w*|өрттө\w*|талкала\w*)", re.IGNORECASE)


def _mission_owner(text: str) -> str | None:
    """A foreign embassy or consulate that was attacked ("hurled petrol bombs at the Iranian
    consulate"); one that only speaks ("the Chinese embassy said") is not a target."""
    if not _ATTACKED.search(text):
        return None
    ws = _words(text)
    for i, w in enumerate(ws[:-1]):
        if _MISSIONS.match(ws[i + 1]) or (i + 2 < len(ws) and _MISSIONS.match(ws[i + 2])):
            iso = _demonym_iso(w) if w[:1].isupper() or not w.isascii() else None
            if iso:
                return iso
    m = re.search(r"(?:embassy|consulate|посольств\w*|консульств\w*)\s+(?:of\s+)?(\w+)", text,
                  re.IGNORECASE)
    if m:
        return _demonym_iso(m.group(1)) or _country_name_iso(m.group(1))
    return None


def target_owner(text: str, lang: str) -> str | None:
    """ISO3 of the country owning the attacked property the text names, or None."""
    if not text:
        return None
    text = text[:20000]
    mission = _mission_owner(text)
    if mission:
        return mission
    for m in _OWNED_EN.finditer(text):  # "Chinese-owned", "Canadian-run"
        first = re.search(r"(\w+)\s+(?:and|or)\s+$", text[max(0, m.start() - 30):m.start()])
        if first and _demonym_iso(first.group(1)):
            return _demonym_iso(first.group(1))  # "Russian and Chinese owned": the first named
        iso = _demonym_iso(m.group("adj").split()[-1]) or _country_name_iso(m.group("adj"))
        if iso:
            return iso
    for m in _BY_COUNTRY.finditer(text):  # "operated by Canada's Centerra Gold"
        iso = _country_name_iso(m.group("cty"))
        if iso:
            return iso
    for m in _OWNED_BY.finditer(text):  # "owned by a Canadian company", "by a firm from Canada"
        if m.group("adj"):
            iso = _demonym_iso(m.group("adj").split()[0])
            if iso:
                return iso
        if m.group("cty"):
            iso = _country_name_iso(m.group("cty"))
            if iso:
                return iso
    for m in _RU_OWNED.finditer(text):  # "принадлежащий китайской компании"
        for w in _words(m.group("rest"))[:4]:
            iso = _demonym_iso(w)
            if iso:
                return iso
    ws = _words(text)
    for i, w in enumerate(ws):  # "a Canadian company's mine", "китайские предприятия"
        if lang == "en" and not w[:1].isupper():
            continue
        if w.lower() in ("us", "uk") and w not in ("US", "UK"):
            continue
        iso = _demonym_iso(w)
        if iso and _near_property(ws, i):
            return iso
        # Kyrgyz possessive: "Кытай компаниясы", "Канаданын компаниясы"
        if iso is None and re.search(r"[\u0400-\u04ff]", w) and _near_property(ws, i, 1):
            iso = _country_name_iso(w)
            if iso:
                return iso
    return None


_JOIN = {",", "and", "or", "и", "или", "жана", "&"}


def target_owners(text: str, lang: str) -> tuple[str, ...]:
    """Every country owning the attacked property, in the order named: "Russian and Chinese
    owned mines" → ("RUS", "CHN"), "китайских и турецких компаний" → ("CHN", "TUR"); the
    coder codes one event per owner. Empty when no owner is named."""
    first = target_owner(text, lang)
    if first is None:
        return ()
    owners = [first]
    ws = []
    for w in _words(text[:20000]):  # "Russian-owned" → "Russian", "owned"
        head, dash, tail = w.rpartition("-")
        ws.extend([head, tail] if dash and tail.lower() in ("owned", "run", "operated",
                                                          "backed") else [w])
    i = 0
    while i < len(ws):
        iso = _demonym_iso(ws[i]) if (lang != "en" or ws[i][:1].isupper()) else None
        if iso is None:
            i += 1
            continue
        group = [iso]  # a run of demonyms joined by "and", "или", commas
        j = i + 1
        while j + 1 < len(ws) and ws[j].lower() in _JOIN:
            nxt = ws[j + 1] if ws[j + 1].lower() not in _JOIN else (
                ws[j + 2] if j + 2 < len(ws) else "")
            step = 2 if ws[j + 1].lower() not in _JOIN else 3
            got = _demonym_iso(nxt) if (lang != "en" or nxt[:1].isupper()) else None
            if got is None:
                break
            group.append(got)
            j += step
        last = j - 1
        owned = last + 1 < len(ws) and (ws[last + 1].lower() in ("owned", "-owned", "run",
                                                                  "operated", "backed")
                                        or _near_property(ws, last, 2))
        if len(group) > 1 and owned and first in group:
            named = list(dict.fromkeys(group))  # in the order the text names them
            owners = named + [o for o in owners if o not in named]
        i = max(j, i + 1)
    return tuple(owners)
