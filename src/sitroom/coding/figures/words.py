"""The words that govern, qualify or rule out a figure, in English, Russian and Kyrgyz.

Exact words for English, word beginnings for Russian and Kyrgyz inflection: the verbs and nouns
that govern each figure ("killed", "задерж"), the heads that count people ("protesters",
"человек"), units and preceding words that make a number no figure ("years", "article"), and the
small word classes the reader in ``figures`` walks over. Plain data and one-word tests only.
"""

from __future__ import annotations

import re

from sitroom.coding.figures.numbers import _Tok

FATAL, INJURY, ARREST, CROWD = "fatalities", "injuries", "arrests", "crowd_size"

# exact words (English) and word beginnings (Russian, Kyrgyz) that govern a figure
_EXACT = {
    FATAL: {
        "dead", "died", "die", "dies", "dying", "death", "deaths", "killed", "killing", "kills",
        "kill", "fatalities", "fatality", "perished", "slain", "murdered", "lives", "bodies",
        "toll", "lifeless", "executed", "massacred", "shot-dead",
    },
    INJURY: {
        "injured", "injuring", "injuries", "injury", "wounded", "wounding", "wounds", "hurt",
        "hospitalised", "hospitalized", "hospital", "hospitals", "medical", "treated",
        "injures", "casualties", "injure", "wound",
    },
    ARREST: {
        "arrested", "arrest", "arrests", "arresting", "detained", "detaining", "detention",
        "detainees", "detains", "custody", "apprehended", "jailed", "rounded", "held",
        "imprisoned", "nabbed",
    },
    CROWD: {
        "gathered", "gathering", "rallied", "rally", "rallies", "marched", "march", "protested",
        "demonstrated", "demonstration", "demonstrations", "protest", "protests", "crowd",
        "crowds", "took", "turned", "attended", "joined", "participated", "participants",
        "assembled", "converged", "sit-in", "picket", "strike", "strikers", "turnout",
        "mobilised", "mobilized", "thronged", "flooded", "poured", "took part", "converging",
        "converge", "blocked", "blocking", "staged", "staging", "filled", "packed", "occupied",
        "chanting", "chanted", "marching", "rallying", "protesting", "demonstrating",
        "assembling", "streets", "hunger", "walked", "walkout", "sit",
    },
}
_STEMS = {
    FATAL: ("погиб", "убит", "убил", "убив", "умер", "скончал", "смерт", "гибел", "жертв",
            "ликвидир", "жизн", "застрелен", "погибш",
            "застрел", "расстрел", "өлд", "өлг", "өлүм", "өлтүр", "каза", "курман", "мерт",
            "набыт", "сөөк"),
    INJURY: ("ранен", "ранил", "ранени", "пострадал", "пострадавш", "травм", "госпитализ",
             "медицинск", "больниц", "жарадар", "жаракат", "оорукана", "медициналык",
             "дарыгер", "травма"),
    ARREST: ("задерж", "арест", "стражу", "кармал", "кармад", "камак", "камоо", "кармоо",
             "бейжай"),
    CROWD: ("митинг", "протест", "демонстра", "собрал", "собира", "вышл", "вышед", "участвов",
            "участник", "участи", "толп", "акци", "шеств", "пикет", "забастов", "сошл",
            "чогул", "нааразы", "катыш", "жыйын", "демонстрац", "митингчи", "пришл"),
}
_PERSON_EXACT = {
    "people", "persons", "person", "man", "men", "woman", "women", "child", "children", "boy",
    "boys", "girl", "girls", "protester", "protesters", "protestors", "protestor",
    "demonstrator", "demonstrators", "civilian", "civilians", "soldier", "soldiers", "officer",
    "officers", "police", "policemen", "policeman", "servicemen", "troops", "fighters",
    "militants", "students", "student", "journalists", "journalist", "activists", "activist",
    "supporters", "residents", "villagers", "worker", "workers", "members", "member",
    "citizens", "individuals", "others", "rioters", "marchers", "miners", "guards",
    "personnel", "youths", "youth", "farmers", "passengers", "voters",
    "deputies", "lawmakers", "politicians", "leaders", "staff", "employees", "insurgents",
    "gunmen", "attackers", "rebels", "militiamen", "bystanders", "pedestrians", "participants",
    "teacher", "teachers", "doctor", "doctors", "nurse", "nurses", "driver", "drivers",
    "official", "officials", "farmer", "worshippers", "pupils", "fighter", "militant",
    "guard", "patients", "refugees", "migrants", "prisoners", "inmates", "monks",
    "chief", "chiefs", "elder", "elders", "imam", "priest", "pastor", "trader", "traders",
    "businessman", "lawyer", "lawyers", "judge", "commander", "mayor", "councillor",
    "candidate", "resident", "villager", "herder", "herders", "shepherd", "fisherman",
    "fishermen", "policewoman", "pilgrim", "pilgrims", "tourist", "tourists", "infant",
    "baby", "vendor", "vendors", "shopkeeper", "teenager", "teenagers", "minor", "minors",
    "politician", "lawmaker", "deputy",
    "reporter", "reporters", "cameraman", "photographer", "volunteer",
    "volunteers", "sergeant", "captain", "colonel", "lieutenant", "general", "serviceman",
    "gendarme", "gendarmes", "ranger", "rangers", "security", "guardsmen",
}
_PERSON_EXACT |= {w[:-1] for w in _PERSON_EXACT if w.endswith("s") and len(w) > 4} | {
    w[:-2] for w in _PERSON_EXACT if w.endswith("es") and len(w) > 5}
_AGENTS = {"gunmen", "gunman", "attackers", "attacker", "bombers", "bomber", "militants",
           "assailants", "assailant", "rebels", "insurgents", "fighters", "soldiers", "troops",
           "police", "policemen", "officers", "forces", "men", "terrorists", "jihadists",
           "боевики", "боевиков", "нападавшие", "террористы"}
# words that govern a number but not one of our figures: they stop the search
_OTHER = {"abducted", "kidnapped", "evacuated", "displaced", "rescued", "released", "freed",
          "deployed", "fled", "hostage", "hostages", "missing", "recruited", "stranded"}
_OTHER_STEMS = ("похищ", "эвакуир", "освобож", "отпущ", "пропал", "уведен", "бежал",
                "чыгарыл", "бошот", "ала качы")
_PERSON_STEMS = (
    "человек", "люд", "мужчин", "женщин", "ребен", "дет", "протестующ", "демонстрант",
    "силовик", "военн", "полицейск", "сотрудник", "милиционер", "граждан", "жител", "участник",
    "активист", "журналист", "студент", "сторонник", "митингующ", "адам", "киши", "жаран",
    "кызматкер", "аял", "бала", "тургун", "катышуучу", "нааразы", "митингчи", "депутат",
)
_CROWD_HEADS = {"protesters", "protestors", "demonstrators", "marchers", "participants",
                "supporters", "rioters", "strikers", "activists", "crowd"}
_CROWD_HEAD_STEMS = ("протестующ", "демонстрант", "митингующ", "участник", "сторонник",
                     "катышуучу", "нааразы", "митингчи")

_UNITS_AFTER = {
    "year", "years", "yr", "yrs", "old", "month", "months", "day", "days", "hour", "hours",
    "minute", "minutes", "week", "weeks", "percent", "per", "pc", "km", "kilometres",
    "kilometers", "miles", "metres", "meters", "kg", "tonnes", "tons", "dollars", "dollar",
    "euros", "euro", "pounds", "som", "soms", "rubles", "roubles", "usd", "eur", "votes", "vote",
    "seats", "am", "pm", "o'clock", "ballots", "signatures", "st", "nd", "rd", "th", "times",
    "sq", "hectares", "acres", "gb", "mb", "degrees", "billion", "trillion", "cents",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
_UNIT_STEMS_AFTER = (
    "процент", "пайыз", "год", "лет", "месяц", "мес", "дне", "дня", "ден", "час", "минут",
    "недел", "километр", "км", "метр", "рубл", "долл", "евро", "сом", "тенге", "голос",
    "мандат", "добуш", "жыл", "ай", "күн", "саат", "мүнөт", "орун", "раз", "январ", "феврал",
    "март", "апрел", "мая", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
    "декабр", "подпис", "тонн", "гектар", "градус", "млрд", "миллиард", "бюллетен",
)
_PREV_BLOCK = {
    "aged", "age", "ages", "article", "articles", "no", "number", "page", "paragraph",
    "chapter", "section", "item", "resolution", "decree", "law", "route", "highway", "flight",
    "room", "building", "house", "block", "unit", "статья", "статьи", "статье",
    "статьей", "пункт", "пункта", "часть", "части", "указ", "закон", "номер", "берене",
    "беренеси", "since", "until", "till", "year", "years", "score", "grade", "level", "phase",
    "category", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
    "$", "€", "£", "₽", "¥", "№", "#",
}
_PREV_WINDOW_BLOCK = ("population", "населени", "калк", "turnout", "явк", "inhabitants",
                      "vote", "votes", "голос", "percent", "процент", "budget", "бюджет")
_SUBSET = {"including", "among", "из", "среди", "включая", "числе", "ичинде", "анын"}
_CLAUSE_BREAK = {",", ";", ":", "(", ")", "—", "while", "but", "whereas", "а", "но", "тогда",
                 "ал", "бирок", "although", "though", "after", "before", "when", "as", "since",
                 "после", "когда", "хотя"}
_SENT_RE = re.compile(r"(?<=[.!?…])[\"»”']?\s+(?=[\"«“']?[A-ZА-ЯЁӨҮҢ0-9])")
_ZERO_RE = re.compile(
    r"\b(?:no\s+one|nobody|no(?:\s+\w+)?\s+(?P<en>deaths|fatalities|injuries|casualties|arrests)"
    r"|никто\s+не|обошлось\s+без\s+(?P<ru>жертв|пострадавших)|без\s+(?P<ru2>жертв)"
    r"|(?P<ru3>жертв|пострадавших)\s+нет|эч\s+ким)\b",
    re.IGNORECASE,
)


def _category(tok: _Tok) -> str | None:
    """The figure a word governs, or None."""
    w = tok.low
    for cat, words in _EXACT.items():
        if w in words:
            return cat
    for cat, stems in _STEMS.items():
        if w.startswith(stems):
            return cat
    return None


def _is_person(tok: _Tok) -> bool:
    return tok.low in _PERSON_EXACT or tok.low.startswith(_PERSON_STEMS)


def _is_crowd_head(tok: _Tok) -> bool:
    return tok.low in _CROWD_HEADS or tok.low.startswith(_CROWD_HEAD_STEMS)


def _is_break(tok: _Tok) -> bool:
    return tok.low in _CLAUSE_BREAK or tok.text in ".!?"


# small word classes the clause reader walks over
_AND = {"and", "и", "жана", "а", "or", "или"}
_APPOSITION = {"including", "among", "в", "из", "анын", "with"}
_PASSIVE = {"was", "is", "has", "had", "got", "been", "died", "dies", "perished", "succumbed"}
_AUX = {"were", "was", "been", "are", "is", "be", "being", "got", "get", "have", "has", "had",
        "reportedly", "reported", "allegedly", "also", "later", "all", "both"}
_MANY_THOUSAND = re.compile(r"\b(?:многотысячн|тысячн)\w*\s+(?:митинг|акци|шестви|демонстрац|"
                            r"протест|толп)\w*", re.IGNORECASE)
_RU_SINGULAR = re.compile(
    r"^(?:задержан|задержана|арестован|арестована|убит|убита|погиб|погибла|скончался|"
    r"скончалась|умер|умерла|ранен|ранена|застрелен|застрелена|госпитализирован|"
    r"госпитализирована|похищен|похищена|"
    # Kyrgyz passives of one named person: "Атамбаев кармалды", "камакка алынды"
    r"кармалды|кармалган|кармалыптыр|камакка|өлтүрүлдү|өлтүрүлгөн|жарадар|"
    r"жаракат|каза)$")
_KY_PLURAL = re.compile(r"(?:лар|лер|лор|лөр|дар|дер|дор|дөр|тар|тер|тор|төр)$")
_ROLES = {"leader", "leaders", "journalist", "rapper", "activist", "president", "minister",
          "mayor", "governor", "general", "commander", "chief", "candidate", "lawmaker",
          "blogger", "editor", "singer", "student", "lawyer", "opponent", "critic", "son",
          "brother", "husband", "father", "deputy", "official", "spokesman", "head", "founder"}
_NEG = {"no", "not", "nobody", "never", "не", "ни", "никто", "без"}

# "police said", "according to", "по данным": who gives a figure
_SOURCE = re.compile(
    r"\b(?:said|says|according\s+to|claimed|claims|put\s+the\s+(?:death\s+)?toll\s+at|"
    r"estimated|reported|told|по\s+данным|по\s+словам|по\s+оценк\w+|по\s+информации|"
    r"сообщил\w*|заявил\w*|утвержда\w*|боюнча|билдир\w+|айтты\w*)\b", re.IGNORECASE)


def _governor_re() -> re.Pattern[str]:
    """One pattern for every word that can govern a figure: a sentence without any is skipped."""
    exact = {w for words_ in _EXACT.values() for w in words_ if " " not in w} | _CROWD_HEADS
    stems = {st for stems_ in _STEMS.values() for st in stems_} | set(_CROWD_HEAD_STEMS)
    stems |= {"no one", "nobody", "никто", "без жертв", "многотысячн", "тысячн", "эч ким"}
    alts = sorted((re.escape(w) + r"\b" for w in exact), key=len, reverse=True) + sorted(
        (re.escape(st) for st in stems), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.IGNORECASE)


_GOVERNOR = _governor_re()
