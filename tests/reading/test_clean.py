"""Clean text: markup, control characters, punctuation, boilerplate, binary detection."""

from hypothesis import given
from hypothesis import strategies as st

from sitroom.reading.clean import (
    clean_text,
    is_boilerplate_line,
    is_probably_binary,
    looks_like_html,
    normalise_for_hashing,
    prepare_for_hashing,
    strip_markup,
)


def test_html_is_stripped_and_scripts_dropped():
    html = (
        "<html><head><title>x</title><style>p{}</style></head><body>"
        "<p>Protesters gathered on Ala-Too square.</p><script>alert('x')</script>"
        "<div>Police used tear&nbsp;gas &amp; water cannon.</div></body></html>"
    )
    assert looks_like_html(html)
    text = clean_text(html)
    assert text.split("\n\n") == [
        "Protesters gathered on Ala-Too square.", "Police used tear gas & water cannon."
    ]
    assert "alert" not in text and "<" not in text


def test_a_few_tags_in_prose_are_removed_but_angle_brackets_are_not():
    assert clean_text("Sample <b>crowd</b> at <i>gate</i><!-- x -->") == "Sample crowd at gate"
    prose = "turnout <60% in Osh, >50% in Naryn, a<b"
    assert clean_text(prose) == prose


def test_escaped_markup_stays_inert():
    assert "<script>" not in strip_markup("&lt;script&gt;alert(1)&lt;/script&gt; text")


def test_plain_prose_with_a_less_than_sign_is_not_html():
    assert not looks_like_html("Turnout was < 60% in Osh and > 50% in Bishkek.")
    assert clean_text("Turnout was < 60% in Osh.") == "Turnout was < 60% in Osh."


def test_quotes_dashes_spaces_and_controls_are_normalised():
    raw = (
        "“Freed” \u2014 Japarov\u00a0said\x07 it\u200b’s 5\u20136 people."
        "\r\n\r\n\r\n\tNext\x00 line"
    )
    assert clean_text(raw) == "\"Freed\" - Japarov said it's 5-6 people.\n\nNext line"


def test_nfc_composes_letters():
    assert clean_text("Жээнбеков е\u0308") == "Жээнбеков ё"


def test_boilerplate_lines_are_dropped_conservatively():
    text = "\n".join([
        "The commission annulled the results.",
        "Share",
        "Read more: Protests in Osh",
        "Читайте также: Протесты в Оше",
        "We use cookies to improve your experience. By continuing you accept them.",
        "© 2020 Sample Outlet. All rights reserved.",
        "Residents said they would share food with the protesters on the square.",
    ])
    assert clean_text(text) == (
        "The commission annulled the results.\n"
        "Residents said they would share food with the protesters on the square."
    )
    assert not is_boilerplate_line("Read more than 300 reports were filed by observers in Osh.")
    assert not is_boilerplate_line("Sample outlet")


def test_binary_detection():
    assert is_probably_binary(b"%PDF-1.7\n...")
    assert is_probably_binary(b"abc\x00def")
    assert is_probably_binary("text\x01\x02\x03\x04\x05\x06")
    assert not is_probably_binary("a typed text with one stray \x00 in it")
    assert not is_probably_binary("Обычный текст на русском языке.".encode())
    assert not is_probably_binary("")


def test_hashing_form_drops_headline_dateline_and_source():
    text = (
        "A headline that differs\n\nBISHKEK, Oct 6 (Sample Wire) - Crowds entered the building.\n"
        "It burned.\n\nSource: Sample Wire"
    )
    assert normalise_for_hashing(text) == "crowds entered the building it burned"
    assert prepare_for_hashing("Ёлка. ЁЖ!") == "елка. еж!"


@given(st.text())
def test_clean_text_never_raises_and_leaves_no_controls(text):
    out = clean_text(text)
    assert "\x00" not in out and "\r" not in out
    assert all(ord(c) >= 32 or c in "\n\t" for c in out)
    assert clean_text(out) == out  # idempotent


def test_kyrgyz_letters_survive_hashing_normalisation():
    assert normalise_for_hashing("Өкмөт үйүндө, ЖЫЙЫН!\nЖаңы шайлоо.") == (
        "өкмөт үйүндө жыйын жаңы шайлоо")
