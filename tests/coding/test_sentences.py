"""Segmentation and cleaning: abbreviations and initials, HTML given as text, huge texts."""

from __future__ import annotations

from sitroom.coding.sentences import chunks, clean_text, split_clauses, split_sentences


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
