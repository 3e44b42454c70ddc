"""Did it happen? Negation, hypotheticals, plans, threats, demands, denials around a trigger.

ACLED codes events that took place. A threat ("threatened to storm") or a demand ("called for
his resignation") is a statement and is coded as PLOVER THREATEN / REQUEST; a negated,
hypothetical, planned or denied event is not coded at all.
"""

from __future__ import annotations

import re
from typing import Any

from sitroom.coding.nlp import lemma as nlp_lemma

ASSERTED = "asserted"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
PLANNED = "planned"
THREATENED = "threatened"
DEMANDED = "demanded"
DENIED = "denied"
BACKGROUND = "background"  # "during the protests": context of another event, not one itself

_HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_THREAT = frozenset({"threaten", "warn", "vow", "pledge", "promise", "ultimatum"})
_DEMAND = frozenset({
    "demand", "call", "urge", "appeal", "ask", "request", "insist", "press", "petition",
})
_PLAN = frozenset({
    "plan", "intend", "prepare", "schedule", "expect", "aim", "seek", "want", "hope", "propose",
    "consider", "mull", "announce", "decide", "agree", "consent", "set", "organize", "organise",
    "try", "attempt", "attempting", "fear", "rumor", "rumour", "risk", "could", "likely",
})
_DENY = frozenset({"deny", "refute", "dismiss", "reject", "disprove", "debunk"})
_FAIL = frozenset({"fail", "prevent", "avert", "foil", "thwart", "stop", "avoid", "refrain",
                   "cancel", "postpone", "call off", "ban", "prohibit"})
_NEG_DET = frozenset({"no", "neither", "nor", "never", "without", "none"})
_HYPO_MARK = frozenset({"if", "unless", "whether", "lest"})
_FUTURE_ADJ = frozenset({"planned", "proposed", "possible", "potential", "upcoming", "future",
                         "threatened", "expected", "anticipated", "hypothetical", "feared",
                         "imminent", "scheduled", "alleged_plan"})

# Whether a chain of heads from the trigger is walked through a clausal or nominal link.
_UP_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "dobj", "pobj", "prep",
                      "nsubjpass", "nsubj", "attr", "appos", "conj", "compound", "oprd",
                      "pcomp", "obj", "acomp", "amod"})


_BACKGROUND_PREPS = frozenset({"during", "amid", "after", "since", "following", "before", "despite",
                               "over", "ahead", "throughout", "about", "by"})
_TIME_NOUNS = frozenset({"day", "days", "start", "beginning", "end", "anniversary", "week", "night",
                         "aftermath", "wake", "eve", "course", "height", "nights", "weeks",
                         "months", "wave", "series"})


def english_modality(tok: Any, lo: int = 0, hi: int | None = None) -> str:
    """Modality of a spaCy trigger token from its auxiliaries, negation and governing verbs.

    Only heads inside the clause's tokens [lo, hi) count: "A happened; no one was hurt" must not
    negate A through the parser's attachment across the semicolon.
    """
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and (
        tok.head.lower_ in _BACKGROUND_PREPS
        or (tok.head.lower_ == "of" and tok.head.head.lower_ in _TIME_NOUNS)
    ):
        return BACKGROUND
    first = _own_modality(tok)
    if first != ASSERTED:
        return first
    node = tok
    for _ in range(5):
        if node.dep_ not in _UP_DEPS or node.head is node:
            break
        head = node.head
        if head.i < lo or (hi is not None and head.i >= hi):
            break
        lemma = nlp_lemma(head).lower()
        if node.dep_ == "conj":
            node = head
            continue
        if lemma in _THREAT:
            return THREATENED
        if lemma in _DENY:
            return DENIED
        if lemma in _FAIL:
            return NEGATED
        if lemma in _DEMAND and node.dep_ != "nsubj":
            return DEMANDED
        if lemma in _PLAN and node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep"):
            # "announced that police had arrested" stays asserted; "plans to march" does not.
            if lemma in ("announce", "decide", "agree") and node.dep_ == "ccomp":
                pass
            elif node.dep_ == "xcomp" or lemma not in ("announce", "set"):
                return PLANNED
        if head.pos_ in ("VERB", "AUX"):
            mod = _own_modality(head)
            if mod != ASSERTED:
                return mod
        node = head
    return ASSERTED


def _own_modality(tok: Any) -> str:
    """Modality marked on the token itself: its negation, modal auxiliary, 'if' or adjectives."""
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low in _NEG_DET):
            return NEGATED
        if child.dep_ == "aux" and low in _HYPOTHETICAL_AUX:
            return HYPOTHETICAL
        if child.dep_ == "aux" and low in _FUTURE_AUX:
            return PLANNED
        if child.dep_ == "mark" and low in _HYPO_MARK:
            return HYPOTHETICAL
        if child.dep_ == "amod" and low in _FUTURE_ADJ:
            return PLANNED
        if child.dep_ in ("nsubj", "nsubjpass") and low in ("nobody", "none", "noone"):
            return NEGATED
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            g.lower_ == "no" and g.dep_ == "det" for g in child.children
        ):
            return NEGATED
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return NEGATED
    # "going to storm", "about to"
    left = [t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i]]
    if "going" in left and "to" in left:
        return PLANNED
    if left[-2:] == ["about", "to"]:
        return PLANNED
    return ASSERTED


# --- Russian and Kyrgyz: a window of words before (and after) the trigger ------------------

_RU_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (DENIED, re.compile(r"опроверг|отрица|отверг|опровер|не подтвердил|ложн\w+ сообщени")),
    (THREATENED, re.compile(r"угрож|пригроз|грозят|грозит|пообещал|ультиматум")),
    (DEMANDED, re.compile(r"требова|требу|потребовал|призыва|призвал|просят|попросил")),
    (HYPOTHETICAL, re.compile(
        r"\b(?:может|могут|мог|могла|могли|возможно|если|бы|вероятно|якобы)\b"
    )),
    (PLANNED, re.compile(r"планиру|намерен|собира|готов\w*ся|будет|будут|намечен|запланирован"
                         r"|предстоящ|предполага|решили провести")),
    (NEGATED, re.compile(r"(?:^|\s)(?:не|ни|нет|без)\s*$|удалось предотвратить|предотврат")),
)

_KY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (DENIED, re.compile(r"четке как|жокко чыгар|төгүнд")),
    (HYPOTHETICAL, re.compile(r"\bэгер\b")),
)
# Kyrgyz puts modality after the verb: "кетиши мүмкүн", "өткөрүүнү пландап жатат", "деп коркутту"
_KY_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    (THREATENED, re.compile(r"^\S*\s*(?:\S+\s+)?(?:деп\s+)?коркут")),
    (DEMANDED, re.compile(r"^\S*\s*(?:\S+\s+)?(?:деп\s+)?(?:талап|чакыр)")),
    (HYPOTHETICAL, re.compile(r"^\S*\s*(?:\S+\s+)?(?:мүмкүн|деп божомол|ыктымал)")),
    (PLANNED, re.compile(r"^\S*\s*(?:\S+\s+)?(?:пландап|ниет|даярдан|убада)")),
    (NEGATED, re.compile(r"^\S*\s*(?:жок|эмес)\b")),
)
_KY_NEG_SUFFIX = re.compile(r"(?:ба|бе|бо|бө|па|пе|по|пө)(?:йт|йм|ган|ды|ди|ду|дү|йт|ш)\w*$")
_KY_NEG_AFTER = re.compile(
    r"^\S*(?:ган|ген|кан|кен|гон|гөн)?\s*(?:жок|эмес)\b|^\S*(?:ба|бе|бо|бө|па|пе|по|пө)(?:ды|ди|"
    r"ду|дү|йт)\b"
)
_RU_NEG_AFTER = re.compile(r"^\s*не\s+(?:было|произошло|состоял)")


def window_modality(text: str, start: int, end: int, lang: str) -> str:
    """Modality of a trigger at ``text[start:end]`` from the words around it (ru, ky, fallback)."""
    before = text[max(0, start - 80):start].lower()
    # only the current clause counts
    before = re.split(r"[.;!?]|, (?:а|но|и) |, but |, and ", before)[-1]
    trigger = text[start:end].lower()
    after = text[end:end + 40].lower()
    rules = _KY_RULES if lang == "ky" else _RU_RULES
    for label, rx in rules:
        if label == NEGATED:
            if rx.search(before):
                return NEGATED
            continue
        if rx.search(before):
            return label
    if lang == "ru" and re.search(r"(?:после|на фоне|в связи с|из-за|в ходе|во время|против)"
                                  r"(?:\s+\w+)?\s*$", before):
        return BACKGROUND
    if lang == "ky":
        word = re.match(r"\S*", text[start:start + 40]).group(0).lower()
        rest = text[start + len(word):start + len(word) + 60].lower()
        for label, rx in _KY_AFTER:
            if rx.search(rest.lstrip()):
                return label
        if _KY_NEG_SUFFIX.search(word):
            return NEGATED
        if _KY_NEG_AFTER.search(trigger[-6:] + after) or re.search(
            r"(?:ба|бе|бо|бө|па|пе)(?:ды|ди|ду|дү)$", trigger
        ):
            return NEGATED
        if re.search(r"(?:ат|ет|йт|от)$", trigger) and not re.search(r"(?:ды|ди|ду|дү|ган|ген)", trigger):  # noqa: E501
            return PLANNED
    elif lang == "ru":
        if re.search(r"\bне$", before.strip()) or _RU_NEG_AFTER.search(after):
            return NEGATED
    else:
        if re.search(r"\b(?:not|never|no|n't|without|may|might|could|would|will|threaten\w*"
                     r"|plan\w*|den\w+|call\w* for)\s+(?:\w+\s+)?$", before):
            return HYPOTHETICAL if re.search(r"\b(?:may|might|could|would)\s", before) else NEGATED
    return ASSERTED


def statement_plover(modality: str) -> str | None:
    """The PLOVER type a non-happened event becomes when it is a statement of its own."""
    return {THREATENED: "THREATEN", DEMANDED: "REQUEST"}.get(modality)
