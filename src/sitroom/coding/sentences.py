"""Cut clean text into sentences and clauses: English, Russian (razdel), Kyrgyz (rules).

The coder parses only sentences that may report an event, so segmentation here is a cheap
rule pass; spaCy refines the English candidates afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHUNK = 100_000  # characters handed to the coder at once; a larger text is cut at paragraphs


ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "pvt", "adm", "gov", "sen", "rep", "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "ex", "al", "г", "гг", "ул", "им", "т.е", "т.д", "т.п", "др", "пр", "проф", "ген", "см", "стр", "тыс", "млн", "млрд", "руб"]  # noqa: E501
)

_SENT_END = re.compile(r"([.!?…]+)([\"'»”’)\]]*)(\s+)(?=[\"'«“(\[]?[A-ZА-ЯЁӨҮҢ0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document with its character offsets and paragraph number."""

    text: str
    start: int
    end: int
    paragraph: int = 0


def chunks(text: str, size: int = MAX_CHUNK) -> list[str]:
    """Cut a very long text at paragraph (or, failing that, sentence) bounds into pieces."""
    if len(text) <= size:
        return [text]
    out: list[str] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n\n", pos + size // 2, end)
            if cut < 0:
                cut = text.rfind(". ", pos + size // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append(text[pos:end])
        pos = end
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "F. U. Kuqe"
    return word in ABBREVIATIONS


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences with offsets; paragraphs never join, abbreviations and initials never split."""
    out: list[Sentence] = []
    for pno, para in enumerate(_paragraphs(text)):
        p_start, p_text = para
        if lang == "ru":
            out.extend(_razdel(p_text, p_start, pno))
            continue
        pos = 0
        for m in _SENT_END.finditer(p_text):
            if m.group(1) == "." and _is_abbreviation(p_text, m.start(1)):
                continue
            end = m.end(2)
            _add(out, p_text, pos, end, p_start, pno)
            pos = m.end()
        _add(out, p_text, pos, len(p_text), p_start, pno)
    return out


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for m in re.finditer(r"\n\s*\n|\n(?=[A-ZА-ЯЁ\-•*])", text):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(s, t) for s, t in out if t.strip()]


def _add(out: list[Sentence], para: str, start: int, end: int, offset: int, pno: int) -> None:
    chunk = para[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(Sentence(" ".join(stripped.split()), s, s + len(stripped), pno))


def _razdel(text: str, offset: int, pno: int) -> list[Sentence]:
    from razdel import sentenize

    return [
        Sentence(" ".join(s.text.split()), offset + s.start, offset + s.stop, pno)
        for s in sentenize(text)
        if s.text.strip()
    ]


_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|—|–|(?<=\s)-(?=\s)|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|, after which\b|"
    r"\bно\b|\bа затем\b|\bоднако\b|\bтогда как\b|\bбирок\b|\bал эми\b)\s*",
    re.I,
)


def split_clauses(sentence: str) -> list[str]:
    """Clauses of a sentence at contrastive breaks ("but", ";", "однако"), each kept if wordy."""
    parts = [p.strip(" ,") for p in _CLAUSE_BREAK.split(sentence)]
    parts = [p for p in parts if p and len(p.split()) >= 2]
    return parts or [sentence]


_PLACE = r"[A-ZА-ЯЁ][\w'’]*(?:[ \-][A-ZА-ЯЁ][\w'’]*){0,3}"
_CAPS = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’]{2,}(?:[ \-][A-ZА-ЯЁ][A-ZА-ЯЁ'’]+){0,3}"
_DL_DATE = (r"(?:\d{1,2}[\s\-]*[A-Za-zА-Яа-яёЁ]{3,9}\.?|[A-Z][a-z]{2,8}\.?\s*\d{1,2})"
            r"(?:,?\s*\d{4})?")
_OUTLET = r"\s*\([^()\n]{2,40}\)"
_DATELINE = re.compile(
    rf"\A\s*(?:(?P<a>{_PLACE})(?:,\s*{_PLACE})?,\s*(?P<date>{_DL_DATE})(?:{_OUTLET})?"
    r"\s*(?:[.:]|[—–]|--?)\s+"
    rf"|(?P<b>{_CAPS})(?:,\s*{_PLACE})?(?:{_OUTLET})?\s*(?:[—–]|--?)\s+"
    rf"|(?P<c>{_PLACE}){_OUTLET}\s*(?:[—–]|--?)\s+)"
)


def dateline(text: str) -> tuple[int, str | None, str | None]:
    """End, place and date of a report's dateline: where the reporter was, not the event."""
    m = _DATELINE.match(text)
    if not m:
        return 0, None, None
    return m.end(), m.group("a") or m.group("b") or m.group("c"), m.group("date")
