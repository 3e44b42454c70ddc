"""Decode fetched bytes to text: header charset, then the page's own meta tag, then a guess."""

from __future__ import annotations

import codecs
import re

__all__ = ["charset_from_content_type", "charset_from_meta", "decode_bytes"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _known(name: str | None) -> str | None:
    """The Python codec name for a charset label, or None if Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str) -> str | None:
    """Charset named by a Content-Type header, if any and known."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return _known(value)
    return None


def charset_from_meta(head: bytes) -> str | None:
    """Charset declared by an HTML meta tag or an XML prolog in the first bytes of a document."""
    head = head[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            found = _known(match.group(1).decode("ascii", "replace"))
            if found:
                return found
    return None


def decode_bytes(content: bytes, content_type: str = "") -> tuple[str, str]:
    """Text and the charset used: BOM, header, meta tag, strict UTF-8, then charset_normalizer."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content.decode(name, errors="replace"), name
    for name in (charset_from_content_type(content_type), charset_from_meta(content)):
        if name:
            try:
                return content.decode(name), name
            except UnicodeDecodeError:
                continue  # a wrong declaration: fall through to detection
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 pages without a label

    best = from_bytes(content[:200_000]).best()
    name = best.encoding if best is not None else "windows-1252"
    return content.decode(name, errors="replace"), name
