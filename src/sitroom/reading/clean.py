"""Clean text for the coder and for hashing: markup, control characters, punctuation, boilerplate.

Pure functions over strings; nothing here does I/O. ``clean_text`` keeps meaning (paragraphs,
figures, names); ``normalise_for_hashing`` throws away everything that differs between two copies of
the same wire story (case, punctuation, datelines, a trailing "Source: ..." line).
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = [
    "clean_text",
    "has_markup",
    "is_probably_binary",
    "looks_like_html",
    "normalise_for_hashing",
    "prepare_for_hashing",
    "strip_control",
    "strip_markup",
]

# --- detection -------------------------------------------------------------------------------

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9:-]*(\s[^<>]*)?/?\s*>")
_HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(div|p|span|script|style|br|a)\b",
    re.IGNORECASE,
)


# Control characters that never occur in text (tab, newlines, form feed and escape may).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_BINARY_CONTROLS_B = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def is_probably_binary(data: bytes | str, sample: int = 8192) -> bool:
    """True when the content is not text a person wrote (NUL bytes, many control characters)."""
    head = data[:sample]
    if not head:
        return False
    if isinstance(head, bytes):
        if b"\x00" in head:
            return True
        # Common binary signatures: PDF, ZIP/Office, gzip, PNG, JPEG, GIF, ELF.
        if head.startswith((b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8\xff",
                            b"GIF8", b"\x7fELF")):
            return True
        controls = len(_BINARY_CONTROLS_B.findall(head))
    else:  # decoded text: a stray NUL is noise to strip, a run of control characters is not text
        controls = len(_BINARY_CONTROLS.findall(head))
    return controls / len(head) > 0.05


_KNOWN_TAG = re.compile(
    r"<!--|<\s*/?\s*(?:a|b|i|u|s|em|strong|small|big|sub|sup|code|script|style|noscript|img|"
    r"iframe|svg|math|object|embed|applet|p|div|span|br|hr|h[1-6]|ul|ol|li|dl|dt|dd|table|tr|td|"
    r"th|font|center|form|input|button|textarea|select|option|link|meta|base|body|html|head|"
    r"title|video|audio|source|frame|frameset|marquee|details|summary|blockquote|pre|article|"
    r"section|header|footer|nav|figure|figcaption)(?:\s[^<>]*)?/?\s*>",
    re.IGNORECASE,
)


def has_markup(text: str) -> bool:
    """True when the text holds at least one HTML tag or comment (``<b>``, ``<script ...>``)."""
    return _KNOWN_TAG.search(text) is not None


def looks_like_html(text: str) -> bool:
    """True when the text is (mostly) an HTML document or fragment rather than plain prose."""
    head = text[:20000]
    if _HTML_MARKERS.search(head) is None:
        return False
    tags = len(_TAG.findall(head))
    words = len(head.split())
    return tags >= 2 and tags * 4 >= max(words, 1) ** 0.5


# --- markup and characters -------------------------------------------------------------------

_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|iframe|svg|head)\b.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|header|footer|"
    r"figure|figcaption|pre|hr)\b[^>]*>",
    re.IGNORECASE,
)
# Category Cc except tab and newline; plus format characters (zero-width, bidi overrides, BOM).
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2010": "-",
    "\u2011": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u3000": " ", "\u2026": "...", "\u00ad": "",
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
})


def strip_markup(text: str) -> str:
    """Plain text of an HTML fragment: scripts and styles dropped, block tags become line breaks."""
    text = _DROP_BLOCKS.sub(" ", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _TAG.sub("", text)
    # Unescape twice at most: feeds often double-escape (&amp;quot;).
    text = html.unescape(text)
    if "&" in text and ";" in text:
        text = html.unescape(text)
    # Entities may have produced tags again (&lt;script&gt;): those are text, never markup, but
    # keep them inert by removing the angle-bracket structure.
    return _TAG.sub("", text)


def strip_control(text: str) -> str:
    """Remove control, format and lone-surrogate characters; keep tabs and newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    return _CONTROL.sub("", text)


# --- boilerplate -----------------------------------------------------------------------------

# Whole lines that are page furniture, never reporting. Matched against a stripped line; kept
# conservative: a line must be short and match entirely.
_BOILERPLATE = re.compile(
    r"^(?:"
    r"share(?: this(?: article| story| post)?)?(?: on \w+)?|tweet|print|e-?mail|copy link|"
    r"facebook|twitter|telegram|whatsapp|vkontakte|vk|ok|linkedin|"
    r"read (?:more|also|next)(?:\s*[:>»-].{0,80})?|see also(?:\s*:.{0,80})?|"
    r"related(?: articles| stories)?:?|"
    r"advertisement|advert|sponsored|loading\.*|comments?(?: \(\d+\))?|"
    r"subscribe(?: to .{0,60})?|sign up for .{0,60}|follow us on .{0,60}|"
    r"all rights reserved\.?|©.{0,80}|\(c\) .{0,80}|copyright .{0,80}|"
    r"поделиться|читайте (?:также|еще|ещё)(?:\s*[:>»-].{0,80})?|смотрите также(?:\s*:.{0,80})?|"
    r"подписывайтесь на .{0,80}|реклама|комментари(?:и|ев)(?: \(\d+\))?|"
    r"все права защищены\.?|"
    r"окуңуз(?: ошондой эле)?(?:\s*[:>»-].{0,80})?|бөлүшүү"
    r")$",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b|\bфайлы cookie\b|\bкуки\b", re.IGNORECASE)
_COOKIE_VERB = re.compile(
    r"\b(use|uses|using|accept|consent|agree|continu\w*|используе\w*|соглаша\w*|принима\w*)\b",
    re.IGNORECASE,
)


def is_boilerplate_line(line: str) -> bool:
    """True for a line of page furniture: share buttons, "Read more", cookie notices, copyright."""
    stripped = line.strip(" \t-|•·*>»")
    if not stripped:
        return False
    if len(stripped) <= 100 and _BOILERPLATE.match(stripped):
        return True
    return (
        len(stripped) <= 300
        and _COOKIE.search(stripped) is not None
        and _COOKIE_VERB.search(stripped) is not None
    )


# --- the two entry points --------------------------------------------------------------------

_MANY_BREAKS = re.compile(r"\n{3,}")


def clean_text(text: str, *, drop_boilerplate: bool = True) -> str:
    """Text fit for the coder: no markup or control characters, NFC, plain quotes, tidy spaces."""
    if not text:
        return ""
    text = strip_control(text)
    if has_markup(text):
        text = strip_markup(text)
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    lines = []
    for raw_line in text.split("\n"):
        line = " ".join(raw_line.split())
        if drop_boilerplate and is_boilerplate_line(line):
            continue
        lines.append(line)
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


# A dateline opening a wire story: "BISHKEK, Oct 6 (Reuters) -", "МОСКВА, 6 окт - РИА Новости."
_DATELINE = re.compile(
    r"^\s*[A-ZА-ЯЁӨҮҢ][A-ZА-ЯЁӨҮҢ .'-]{2,30},\s[^\n]{0,40}?(?:\([^)\n]{1,40}\)\s*)?[-—–]\s*",
)
# A trailing attribution line: "Source: ...", "Источник: ...", "(Reporting by ...)".
_TRAILER = re.compile(
    r"^\s*(?:source|sources|via|photo|фото|источник|булак|reporting by|writing by|editing by|"
    r"\(reporting by|\(writing by|\(editing by|with reporting by)\b[^\n]{0,200}$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[^\w\s]+|_+")


def _is_headline(line: str) -> bool:
    """A short first line without closing punctuation: a headline, which copies often change."""
    return 0 < len(line.split()) <= 20 and not line.rstrip().endswith((".", "!", "?", ":", ";"))


def prepare_for_hashing(text: str) -> str:
    """Cleaned, case-folded text without headline, dateline or trailing attribution."""
    text = clean_text(text)
    lines = text.split("\n")
    while lines and (not lines[-1].strip() or _TRAILER.match(lines[-1])):
        lines.pop()
    body = [i for i, line in enumerate(lines) if line.strip()]
    if len(body) >= 2 and _is_headline(lines[body[0]]):
        lines = lines[body[0] + 1 :]
    text = "\n".join(lines)
    text = _DATELINE.sub("", text, count=1)
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


def normalise_for_hashing(text: str) -> str:
    """Lower-case words separated by single spaces: the text two copies of a story share."""
    return " ".join(_PUNCT.sub(" ", prepare_for_hashing(text)).split())
