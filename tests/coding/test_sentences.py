"""Segmentation and cleaning: abbreviations and initials, HTML given as text, huge texts."""

from __future__ import annotations

import pytest

from sitroom.coding.sentences import chunks, dateline, split_clauses, split_sentences
from sitroom.reading.clean import clean_text


def test_english_abbreviations_and_initials_do_not_split() -> None:
    text = "Gen. Smith met Mr. Jones in the U.S. capital. F. U. Kuqe wrote it. Then they left."
    assert [s.text for s in split_sentences(text, "en")] == [
        "Gen. Smith met Mr. Jones in the U.S. capital.", "F. U. Kuqe wrote it.",
        "Then they left."]


def test_russian_and_offsets() -> None:
    text = "Протестующие захватили Белый дом. Путин заявил о поддержке."
    sents = split_sentences(text, "ru")
    assert len(sents) == 2
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_html_is_stripped() -> None:
    html = "<html><body><p>Police <b>arrested</b> 5 people.</p><script>x=1</script></body></html>"
    assert clean_text(html) == "Police arrested 5 people."


def test_chunks_cover_the_text() -> None:
    text = ("Para one. " * 50 + "\n\n") * 400
    parts = chunks(text, 10_000)
    assert "".join(parts) == text and max(map(len, parts)) <= 10_000


def test_clauses_split_at_but() -> None:
    assert split_clauses("He was freed by protesters, but was arrested again.") == [
        "He was freed by protesters", "was arrested again."]


@pytest.mark.parametrize("text, place, when", [
    ("BISHKEK, Oct 6 (Reuters) - Police fired tear gas.", "BISHKEK", "Oct 6"),
    ("МОСКВА, 6 окт — Кремль заявил.", "МОСКВА", "6 окт"),
    ("RIGA — Protesters rallied.", "RIGA", None),
    ("Бишкек, 5-октябрь. Бүгүн митинг болду.", "Бишкек", "5-октябрь"),
    ("Нур-Султан, 8 октября. Министерство заявило.", "Нур-Султан", "8 октября"),
    ("МОСКВА, 6 окт — РИА Новости. Протестующие захватили здание.", "МОСКВА", "6 окт"),
    ("KYIV, Ukraine (AP) — Missiles struck Lviv.", "KYIV", None),
    ("MOSCOW — The Kremlin said it was watching.", "MOSCOW", None),
    ("Bishkek, Oct 6 (Reuters) - Police fired tear gas.", "Bishkek", "Oct 6"),
])
def test_dateline_is_found(text, place, when):
    end, name, date = dateline(text)
    assert (name, date) == (place, when)
    assert text[end:][0].isupper()


@pytest.mark.parametrize("text", [
    "Kyrgyzstan. Several thousand rallied.", "Protesters - police clashed.", "The UN said so.",
    "US - China talks resumed.", "Protesters in Bishkek - many of them students - gathered.",
    "UN - the body said nothing.", "Police arrested 5 people.",
])
def test_no_dateline(text):
    assert dateline(text) == (0, None, None)


def test_dateline_is_not_the_event_place():
    from sitroom.coding import Coder
    from sitroom.model import Document

    doc = Document(id="sample-dl", lang="en", text=(
        "MOSCOW, Oct 6 (Sample) - Protesters stormed the government building in Bishkek."))
    claims = Coder().code(doc)
    assert claims and all(c.location != "Moscow" and c.iso3 == "KGZ" for c in claims)
