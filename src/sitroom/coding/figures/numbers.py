"""Quantities in English, Russian and Kyrgyz text: digits, words, ranges, bounds, vague words.

A quantity is a (low, high) pair: ``(1000, None)`` is "1000 or more", ``(None, 10000)`` is "no
more than 10,000", ``(2000, 5000)`` a range, ``(12, 12)`` an exact or approximate count.

Vague words are counted the way ACLED's codebook tells its coders to count reported fatalities
when no number is given ("Reported fatalities" section): "several"/"many"/"plural" → 10,
"dozens" → 12, "hundreds" → 100. Neighbouring words follow the same rule of the smallest
plausible round number: "thousands" → 1000, "tens of thousands" → 10000, "scores" → 20,
"a few"/"a couple" → 2 (its plain lower bound), "десятки"/"ондогон" → 12 (read as "dozens").
All vague words are lower bounds: ``(value, None)``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["VAGUE_TABLE", "Quantity", "find_quantities", "parse_quantity"]


@dataclass(frozen=True)
class Quantity:
    """A quantity found in a text, with its character span and the words it was read from."""

    low: int | None
    high: int | None
    start: int
    end: int
    text: str
    vague: bool = False
    approx: bool = False


# --- vocabularies ----------------------------------------------------------------------------

EN_UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "single": 1, "dozen": 12,
}
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBR = {
    "k": 1000, "thousand": 1000, "million": 1_000_000, "mln": 1_000_000, "m": 1_000_000,
    "тыс": 1000, "тысяч": 1000, "тысячи": 1000, "тысяча": 1000, "млн": 1_000_000,
    "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000, "миң": 1000,
    "billion": 1_000_000_000, "млрд": 1_000_000_000,
}

#: vague word → lower bound (see the module docstring for the source of each value)
VAGUE_TABLE: dict[str, int] = {
    "several": 10, "many": 10, "numerous": 10, "multiple": 10, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1000, "tens of thousands": 10000,
    "hundreds of thousands": 100000, "millions": 1_000_000, "a few": 2, "a couple": 2,
    "a handful": 2, "several dozen": 12, "a few dozen": 12, "several dozens": 12,
    # Russian
    "несколько": 10, "многие": 10, "множество": 10, "десятки": 12, "сотни": 100,
    "тысячи": 1000, "десятки тысяч": 10000, "сотни тысяч": 100000, "миллионы": 1_000_000,
    "пара": 2, "десяток": 10, "дюжина": 12, "несколько десятков": 12,
    # Kyrgyz
    "бир нече": 10, "көптөгөн": 10, "ондогон": 12, "жүздөгөн": 100, "миңдеген": 1000,
    "он миңдеген": 10000,
}

KY_NUMBERS = {
    "нөл": 0, "бир": 1, "эки": 2, "үч": 3, "төрт": 4, "беш": 5, "алты": 6, "жети": 7,
    "сегиз": 8, "тогуз": 9, "он": 10, "жыйырма": 20, "отуз": 30, "кырк": 40, "элүү": 50,
    "алтымыш": 60, "жетимиш": 70, "сексен": 80, "токсон": 90,
}
KY_SCALES = {"жүз": 100, "миң": 1000, "миллион": 1_000_000}
# collective numerals whose stem differs from the cardinal ("экөө" = the two of them)
KY_COLLECTIVE = {"экөө": 2, "экөөнү": 2, "экөөнүн": 2, "алтоо": 6, "жетөө": 7}

_RU_LEMMAS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "девятеро": 9, "десятеро": 10, "оба": 2, "полтора": 1.5,
}
_RU_SCALE_LEMMAS = {"сотня": 100, "тысяча": 1000, "миллион": 1_000_000, "миллиард": 1_000_000_000}
# Forms written out for when the morphology dictionary cannot be loaded.
_RU_FALLBACK = {
    "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одному": 1, "одним": 1, "двух": 2,
    "две": 2, "двум": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
    "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двадцати": 20,
    "тридцати": 30, "сорока": 40, "пятидесяти": 50, "ста": 100, "двухсот": 200,
    "трехсот": 300, "пятисот": 500, "двоих": 2, "троих": 3, "четверых": 4, "пятерых": 5,
    "полторы": 1.5, "тысяч": 1000, "тысячи": 1000, "тысячу": 1000, "тысячами": 1000,
}


@functools.cache
def _ru_forms() -> tuple[dict[str, float], dict[str, int]]:
    """Every inflected form of the Russian numerals, generated once from pymorphy2 lemmas."""
    numbers: dict[str, float] = dict(_RU_FALLBACK)
    scales: dict[str, int] = {"тыс": 1000, "млн": 1_000_000, "млрд": 1_000_000_000,
                              "сотня": 100, "сотни": 100, "сотен": 100, "сотню": 100}
    for word, value in _RU_FALLBACK.items():
        if value >= 1000:
            scales[word] = int(value)
            numbers.pop(word)
    numbers.update(_RU_LEMMAS)
    try:
        from natasha import MorphVocab  # pymorphy2 underneath, patched for Python 3.11

        vocab = MorphVocab()
    except Exception:
        vocab = None
    table: list[tuple[dict, dict]] = [(_RU_LEMMAS, numbers), (_RU_SCALE_LEMMAS, scales)]
    for lemmas, target in table:
        for lemma, value in lemmas.items():
            target[lemma] = value
            if vocab is None:
                continue
            for parse in vocab.parse(lemma)[:3]:
                if parse.normal_form != lemma:
                    continue
                for form in parse.lexeme:
                    target.setdefault(form.word.replace("ё", "е"), value)
    scales.update({k: v for k, v in _RU_SCALE_LEMMAS.items()})
    return numbers, scales


# --- tokenising ------------------------------------------------------------------------------

_DIGIT = r"\d+(?:[.,\u00a0\u202f\u2009 ]\d{3})*(?:[.,]\d+)?"
_TOKEN_RE = re.compile(
    rf"(?P<num>(?<![\w.,])(?:{_DIGIT}))(?P<plus>\+)?|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<dash>[-–—])|(?P<punct>[^\w\s])",
    re.UNICODE,
)


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, word, dash, punct
    text: str
    low: str
    start: int
    end: int
    plus: bool = False


def tokenize(text: str) -> list[_Tok]:
    """Split into numbers, words, dashes and punctuation, keeping character offsets."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if m.group("num") is not None:
            kind, s = "num", m.group("num")
            out.append(_Tok("num", s, s, m.start("num"), m.end("num"), bool(m.group("plus"))))
            continue
        s = m.group(0)
        out.append(_Tok(kind, s, s.lower().replace("ё", "е"), m.start(), m.end()))
    return out


def _digits_value(s: str, next_word: str, lang: str) -> float | None:
    """Value of a digit string: "10,000" and "10 000" group thousands; "1,5"/"1.5" are decimals."""
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if sum(c.isdigit() for c in s) > 15:
        return None  # an identifier or a phone number, not a count
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", s):
        sep = s[-4]
        if next_word in SCALE_ABBR and sep in ",." and s.count(sep) == 1 and lang == "ru":
            return float(s.replace(sep, "."))
        return float(re.sub(r"[ ,.]", "", s))
    s = s.replace(" ", "")
    if re.fullmatch(r"\d+[.,]\d+", s):
        return float(s.replace(",", "."))
    try:
        return float(s)
    except ValueError:
        return None


# --- parsing ---------------------------------------------------------------------------------

_LOWER = {
    "at least", "more than", "over", "above", "upwards of", "in excess of", "no fewer than",
    "no less than", "not less than", "at least some", "более", "больше", "свыше", "не менее",
    "не меньше", "по меньшей мере", "как минимум", "минимум", "по крайней мере", "кеминде",
    "более чем", "не менее чем", "at minimum",
}
_UPPER = {
    "up to", "no more than", "not more than", "fewer than", "less than", "under", "at most",
    "as many as", "до", "не более", "не больше", "менее", "меньше", "не более чем",
    "максимум", "вплоть до", "чейин",
}
_APPROX = {
    "some", "about", "around", "approximately", "roughly", "nearly", "almost", "close to",
    "an estimated", "estimated", "около", "примерно", "порядка", "почти", "приблизительно",
    "где-то", "жакын", "болжол менен", "чамасы", "an approximate", "circa",
}
def _phrase_index(phrases) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word → the phrases starting with it, longest first (one dict lookup per word)."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for p in sorted(phrases, key=lambda x: -len(x.split())):
        parts = tuple(p.split())
        index.setdefault(parts[0], []).append((parts, p))
    return index


_PREFIXES = _phrase_index(_LOWER | _UPPER | _APPROX)
_VAGUE = _phrase_index(VAGUE_TABLE)
_RANGE_JOIN = {"to", "and", "or", "-", "–", "—", "до", "и", "или"}
_KY_HUNDRED = {"жүздөн", "жүзгө", "жүздөй", "жүздүн", "жүздөгү"}  # "жүзү" is "his face"
_KY_COUNTED = {"адам", "киши", "ашык", "ашуун", "жакын", "чамасы", "адамды", "кишини"}
_KY_AFTER_LOWER = {"ашык", "ашуун", "көп"}  # "100дөн ашык" = more than 100
_KY_AFTER_APPROX = {"жакын", "чамалуу", "чамасында"}


def _ky_stem(word: str) -> str:
    """Kyrgyz numeral with its case suffix removed: "миңге" → "миң", "экиден" → "эки"."""
    if word in KY_COLLECTIVE:
        return word
    for base in sorted({**KY_NUMBERS, **KY_SCALES}, key=len, reverse=True):
        if word.startswith(base) and len(word) - len(base) <= 4:
            return base
    return word


class _Parser:
    """Reads quantities out of a token list; one pass, left to right."""

    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        self.toks = tokenize(text)
        self.ru_nums, self.ru_scales = _ru_forms() if lang == "ru" else ({}, {})

    def word_at(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def phrase_at(self, i: int, index) -> tuple[int, str]:
        """(tokens, phrase) of the longest indexed phrase starting at token i, or (0, "")."""
        for parts, phrase in index.get(self.word_at(i), ()):
            if all(self.word_at(i + k) == w for k, w in enumerate(parts)):
                return len(parts), phrase
        return 0, ""

    # -- single numbers --
    def number_at(self, i: int) -> tuple[float, int] | None:
        """(value, tokens used) of a number written in digits or words starting at token i."""
        t = self.toks[i] if i < len(self.toks) else None
        if t is None:
            return None
        if t.kind == "num":
            nxt = self.word_at(i + 1).rstrip(".")
            val = _digits_value(t.text, nxt, self.lang)
            if val is None:
                return None
            used = 1
            scale = SCALE_ABBR.get(nxt) or self.ru_scales.get(nxt)
            if scale is None and self.lang == "ky":
                base = _ky_stem(nxt)
                scale = KY_SCALES.get(base) if base in ("миң", "миллион") else None
            if scale and not t.plus:
                val, used = val * scale, 2
                if self.word_at(i + 2) == "." and nxt in ("тыс", "млн", "млрд", "mln"):
                    used = 3
            return val, used
        if t.kind != "word":
            return None
        if self.lang == "ru":
            return self._words_ru(i)
        if self.lang == "ky":
            return self._words_ky(i)
        return self._words_en(i)

    def _words_en(self, i: int) -> tuple[float, int] | None:
        total, current, j, seen = 0.0, 0.0, i, False
        while j < len(self.toks):
            w = self.word_at(j)
            if w in ("a", "an", "one") and seen:
                break
            if w in EN_UNITS and not (w in ("a", "an", "no") and seen):
                if w in ("a", "an"):
                    nxt = self.word_at(j + 1)
                    if nxt not in EN_SCALES and nxt not in ("dozen",):
                        break
                if w == "no":
                    break
                if w == "dozen":
                    current = (current or 1) * 12
                else:
                    current += EN_UNITS[w]
                seen = True
            elif w in EN_SCALES and seen:
                if w == "hundred":
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * EN_SCALES[w]
                    current = 0
            elif seen and self.word_at(j + 1) in EN_UNITS and (
                (w == "and" and total + current >= 100)  # "three hundred and twenty"
                or (self.toks[j].kind == "dash" and current >= 20
                    and EN_UNITS.get(self.word_at(j + 1), 10) < 10)  # "twenty-five"
            ):
                pass
            else:
                break
            j += 1
        if not seen:
            return None
        while (j > i and self.word_at(j - 1) in ("and",)) or (
            j > i and self.toks[j - 1].kind == "dash"
        ):
            j -= 1
        return total + current, j - i

    def _words_ru(self, i: int) -> tuple[float, int] | None:
        total, current, j, seen = 0.0, 0.0, i, False
        while j < len(self.toks):
            w = self.word_at(j)
            if w in self.ru_nums:
                current += self.ru_nums[w]
                seen = True
            elif w in self.ru_scales and (seen or w.startswith("тысяч") or w.startswith("миллион")):
                if not seen and self.word_at(j) in ("тысячи", "тысяч", "миллионы"):
                    break  # "тысячи" alone is vague, read by the vague table
                total += (current or 1) * self.ru_scales[w]
                current, seen = 0, True
            else:
                break
            j += 1
        if not seen:
            return None
        return total + current, j - i

    def _words_ky(self, i: int) -> tuple[float, int] | None:
        total, current, j, seen = 0.0, 0.0, i, False
        while j < len(self.toks):
            w = _ky_stem(self.word_at(j))
            if w in KY_COLLECTIVE:
                current += KY_COLLECTIVE[w]
                seen = True
            elif w in KY_NUMBERS and not (w == "он" and self.word_at(j) != "он"
                                        and not self.word_at(j).startswith("ондо")):
                current += KY_NUMBERS[w]
                seen = True
            elif w in KY_SCALES and (seen or w != "жүз" or self.word_at(j) in _KY_HUNDRED or
                                     self.word_at(j + 1) in _KY_COUNTED):
                if w == "жүз":
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * KY_SCALES[w]
                    current = 0
                seen = True
            else:
                break
            j += 1
        if not seen:
            return None
        return total + current, j - i

    # -- vague words --
    def vague_at(self, i: int) -> tuple[int, int] | None:
        n, phrase = self.phrase_at(i, _VAGUE)  # "hundreds of thousands" before "hundreds"
        return (VAGUE_TABLE[phrase], n) if n else None

    # -- whole quantities --
    def scan(self) -> list[Quantity]:
        out: list[Quantity] = []
        i, n = 0, len(self.toks)
        while i < n:
            q = self.quantity_at(i)
            if q is None:
                i += 1
                continue
            out.append(q[0])
            i = q[1]
        return out

    def quantity_at(self, i: int) -> tuple[Quantity, int] | None:
        j, bound = i, ""
        k, p = self.phrase_at(j, _PREFIXES)
        if k:
            bound = "low" if p in _LOWER else "high" if p in _UPPER else "approx"
            j += k
        between = False
        if self.word_at(j) in ("between", "from", "от", "с"):
            between, j0 = True, j
            j += 1
        vague = self.vague_at(j)
        if vague is not None and not between:
            value, used = vague
            end = j + used
            scale_word = self.word_at(end)
            scale = (EN_SCALES.get(scale_word) or self.ru_scales.get(scale_word)
                     or KY_SCALES.get(_ky_stem(scale_word)))
            if (scale and value == VAGUE_TABLE["several"]) or (scale and value == 2):
                # "several hundred", "несколько тысяч", "a few thousand": at least two of them
                return self._make(i, end + 1, 2 * scale, None, vague=True), end + 1
            if self.word_at(end) == "of" and self.vague_at(end + 1):  # "hundreds of thousands"
                value, used2 = value * self.vague_at(end + 1)[0], self.vague_at(end + 1)[1]
                end += 1 + used2
            return self._make(i, end, value, None, vague=True), end
        num = self.number_at(j)
        if num is None:
            if between:
                j = j0
            return None
        low, used = num
        end = j + used
        high: float | None = low
        tok = self.toks[j]
        # range: "2,000-5,000", "2 to 5 thousand", "от 2 до 5 тысяч", "between 2,000 and 5,000"
        join = self.word_at(end)
        if join in _RANGE_JOIN and (join not in ("and", "и", "or", "или") or between) \
                and not (join == "до" and not between and bound):
            nxt = self.number_at(end + 1)
            if nxt is not None and nxt[0] >= low:
                high, end2 = nxt[0], end + 1 + nxt[1]
                scale_word = self.word_at(end2 - 1).rstrip(".")
                used_scale = SCALE_ABBR.get(scale_word) or self.ru_scales.get(scale_word)
                if used_scale and low < used_scale <= high and low * used_scale <= high:
                    low *= used_scale  # "2-5 тысяч": the scale belongs to both ends
                return self._make(i, end2, low, high, approx=bound == "approx"), end2
        plus = tok.kind == "num" and tok.plus
        if self.lang == "ky" and end < len(self.toks) and self.toks[end].kind == "word" \
                and self.toks[end].start == self.toks[end - 1].end:
            end += 1  # a case suffix written onto the digits: "100дөн"
        after = self.word_at(end)
        if plus or after in ("plus",) or (after in ("or", "and") and self.word_at(end + 1) in
                                          ("more", "over", "above")):
            bound = "low"
            end += 0 if plus else (1 if after == "plus" else 2)
        elif self.lang == "ky" and after in _KY_AFTER_LOWER:
            bound, end = "low", end + 1
        elif self.lang == "ky" and after in _KY_AFTER_APPROX:
            bound, end = "approx", end + 1
        if bound == "low":
            return self._make(i, end, low, None), end
        if bound == "high":
            return self._make(i, end, None, low), end
        return self._make(i, end, low, high, approx=bound == "approx"), end

    def _make(self, i: int, end: int, low, high, *, vague=False, approx=False) -> Quantity:
        start, stop = self.toks[i].start, self.toks[end - 1].end
        if self.toks[end - 1].kind == "num" and self.toks[end - 1].plus:
            stop += 1
        return Quantity(_as_int(low), _as_int(high), start, stop, self.text[start:stop],
                        vague=vague, approx=approx)


def _as_int(v: float | None) -> int | None:
    return None if v is None or v != v or v in (float("inf"), float("-inf")) else round(v)


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text``, left to right, with its span."""
    return _Parser(text, lang if lang in ("en", "ru", "ky") else "en").scan()


def parse_quantity(text: str, lang: str) -> tuple[int | None, int | None] | None:
    """(low, high) of the first quantity: "1000+" → (1000, None), "dozens" → (12, None)."""
    found = find_quantities(text, lang)
    if not found:
        return None
    return found[0].low, found[0].high
