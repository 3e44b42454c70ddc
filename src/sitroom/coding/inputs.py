"""Reading what ``sitroom code`` is given: bytes to text with a clear error, JSONL to documents."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from sitroom.errors import InputError
from sitroom.model import Document

MAX_BYTES = 200_000_000  # larger inputs are refused rather than read into memory

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Text of a file's bytes (see ``decode_text``); InputError when it cannot be read."""
    return decode_text(data, name)[0]


def decode_text(data: bytes, name: str = "input") -> tuple[str, str]:
    """(text, encoding) of a file's bytes: BOM, UTF-8, else the encoding
    ``reading.encoding.guess_encoding`` is confident of; InputError otherwise."""
    if not data or not data.strip():
        raise InputError(f"{name}: empty input, nothing to code")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data)} bytes is more than the {MAX_BYTES} read at once")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: bad {enc} text ({exc.reason})") from exc
    head = data[:65536]
    if b"\x00" in head or _binary_share(head) > 0.1:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from sitroom.reading.encoding import guess_encoding

    encoding = guess_encoding(data[:200_000])
    if encoding is None:
        raise InputError(f"{name}: not UTF-8, and the encoding cannot be told with confidence; "
                         "convert it to UTF-8 (for example with iconv -f ENCODING -t UTF-8)")
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8, and not valid {encoding} either") from exc


def _binary_share(data: bytes) -> float:
    """Share of control bytes that never occur in text."""
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def parse_day(value: object, what: str = "published") -> date | None:
    """A YYYY-MM-DD (or ISO datetime) string as a date; InputError when it is not one."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise InputError(f"{what} must be YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"{what} must be a real date, got {value!r}") from exc


def documents_from_jsonl(text: str, name: str = "input", *, published: date | None = None,
                         country: str | None = None
                         ) -> Iterator[Document | InputError]:
    """One Document per JSONL line, or an InputError naming the line that could not be read."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield InputError(f"{where}: expected an object with id and text")
            continue
        text_v, id_v = obj.get("text"), obj.get("id")
        if not isinstance(text_v, str) or id_v in (None, ""):
            yield InputError(f"{where}: needs a string 'text' and an 'id'")
            continue
        try:
            day = parse_day(obj.get("published"), f"{where}: published") or published
        except InputError as exc:
            yield exc
            continue
        ctry = obj.get("country") or country
        yield Document(
            id=str(id_v), text=text_v, published=day,
            country=str(ctry).upper() if ctry else None,
            lang=str(obj["lang"]) if obj.get("lang") else None,
            source=str(obj["source"]) if obj.get("source") else None,
            title=str(obj.get("title") or ""),
        )
