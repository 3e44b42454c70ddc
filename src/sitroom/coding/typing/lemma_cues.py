"""Political turns told with the key noun in an oblique case, found by lemmas (Russian).

The surface regexes of ``lexicon`` catch "освобождён", "отставка", "назначен"; phrasings
where a verb of motion or a light verb carries the event and the noun sits in another case
("вышел из СИЗО", "выпустили под домашний арест", "покинул пост", "ушёл с поста") are read
here from each word's dictionary form (pymorphy through natasha's MorphVocab, memoised), so
every person, tense and case of the verb is one pattern.

A pattern is a verb lemma, then within ``_GAP`` words a preposition and a noun lemma.
Kyrgyz has no lemmatiser among our dependencies: its case endings (-дан/-тан "from", -га/-ка
"to") are folded into the stems of ``lexicon.KY`` ("абактан чыгар", "отставкага кет").
"""

from __future__ import annotations

import re

from sitroom.coding.nlp import russian_lemma

# cue → ((verb lemmas), preposition, (noun lemmas)); the noun may follow the verb or precede it
_PATTERNS: tuple[tuple[str, frozenset[str], str, frozenset[str]], ...] = (
    ("release", frozenset({"выйти", "выходить", "выпустить", "выпускать", "отпустить",
                           "отпускать", "перевести", "переводить"}),
     "из", frozenset({"сизо", "изолятор", "тюрьма", "колония", "заключение", "стража",
                      "заключения", "следственный", "место", "исправительный", "спецприёмник",
                      "спецприемник"})),
    ("release", frozenset({"выйти", "выходить", "выпустить", "выпускать", "отпустить"}),
     "на", frozenset({"свобода", "волю"})),
    ("release", frozenset({"отпустить", "отпускать", "перевести", "переводить", "выпустить"}),
     "под", frozenset({"домашний", "залог", "подписка"})),
    ("resign", frozenset({"покинуть", "покидать", "оставить", "оставлять", "уйти", "уходить",
                          "сложить", "освободить", "освобождать", "снять", "отстранить"}),
     "с|от", frozenset({"пост", "должность", "обязанность"})),
    ("resign", frozenset({"покинуть", "покидать", "оставить", "оставлять"}),
     "", frozenset({"пост", "должность", "кресло"})),
    ("appoint", frozenset({"назначить", "избрать", "утвердить", "поставить", "выбрать"}),
     "на", frozenset({"пост", "должность"})),
    ("appoint", frozenset({"вступить", "заступить"}),
     "в", frozenset({"должность"})),
)
_GAP = 3  # words allowed between the verb and the preposition
_WORD = re.compile(r"[А-Яа-яЁё]+")
# a cheap gate: only sentences with one of these stems are lemmatised
GATE = re.compile(r"(?<![\w-])(?:вы(?:шел|шла|шли|йд|ход|пуст)|отпуст|перевед|перевел|покин|"
                  r"остав|ушел|ушёл|ушла|ухо[дж]|слож|сня|назнач|избра|утверд|постав|выбра|"
                  r"вступ|заступ|освобод)\w*", re.I)


def lemma_cues(text: str) -> list[tuple[str, int, int]]:
    """(cue name, start, end) of each political turn a Russian sentence phrases so."""
    if not GATE.search(text):
        return []
    toks = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    lemmas = [russian_lemma(w) for w, _, _ in toks]
    out: list[tuple[str, int, int]] = []
    for name, verbs, prep, nouns in _PATTERNS:
        for i, lemma in enumerate(lemmas):
            if lemma not in verbs:
                continue
            for j in range(i + 1, min(len(toks), i + 2 + _GAP)):
                if prep and toks[j][0] not in prep.split("|"):
                    continue
                k = j + 1 if prep else j
                if any(lemmas[x] in nouns or toks[x][0] in nouns  # "СИЗО" is no word to
                       for x in range(k, min(len(toks), k + 2))):  # pymorphy ("сизый")
                    out.append((name, toks[i][1], toks[min(len(toks) - 1, k)][2]))
                    break
    return out
