"""Reading bulk files as a stream of numbered records: compression, encoding, BOM, CRLF, long lines.

Nothing here knows what a report is. A file is opened (plain, .gz or the first member of a .zip),
its encoding guessed from a sample, and read lazily; a line that does not decode is handed on as a
bad record with its line number, never a stopped import.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sitroom.errors import InputError

__all__ = ["MAX_LINE_CHARS", "Record", "detect_encoding", "open_binary", "read_csv", "read_lines"]

SAMPLE_BYTES = 65536
MAX_LINE_CHARS = 8_000_000  # a line or CSV field longer than this is refused, not loaded
_UNDECODED = re.compile(r"[\udc80-\udcff]")


@dataclass(frozen=True)
class Record:
    """One record of a file: its first line number and either its fields or why it is bad."""

    line: int
    value: str | list[str] | dict[str, str] | None
    problem: str = ""


@contextmanager
def open_binary(path: Path) -> Iterator[BinaryIO]:
    """Open a file for reading bytes, through gzip or the first member of a zip when so named."""
    name = path.name.lower()
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            yield fh  # type: ignore[misc]
    elif name.endswith(".zip"):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if not members:
                raise ValueError("the zip archive is empty")
            with zf.open(members[0]) as fh:
                yield fh  # type: ignore[misc]
    else:
        with open(path, "rb") as fh:
            yield fh


def detect_encoding(sample: bytes) -> str:
    """Python codec name for a file from its first bytes: BOM, then UTF-8 (even with a few bad
    lines), then ``reading.encoding.guess_encoding`` (Cyrillic code pages, then
    charset-normalizer); InputError when no guess is confident."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few bad lines (text pasted from elsewhere): UTF-8, the bad lines are
    # reported one by one. A real single-byte file almost never forms valid UTF-8 sequences.
    decoded = sample.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    if sum(1 for ch in decoded if ord(ch) > 127) - bad >= bad:
        return "utf-8"
    from sitroom.reading.encoding import guess_encoding

    found = guess_encoding(sample)
    if found is None:
        raise InputError("not UTF-8, and the encoding cannot be told with confidence; convert "
                         "the file to UTF-8 (for example with iconv -f ENCODING -t UTF-8)")
    return found


@contextmanager
def open_text(path: Path) -> Iterator[tuple[io.TextIOWrapper, str]]:
    """The file as text with its guessed encoding; undecodable bytes become lone surrogates."""
    with open_binary(path) as raw:
        buffered = io.BufferedReader(raw, buffer_size=SAMPLE_BYTES)  # type: ignore[arg-type]
        try:
            encoding = detect_encoding(buffered.peek(SAMPLE_BYTES)[:SAMPLE_BYTES])
        except InputError as exc:
            raise InputError(f"{path.name}: {exc}") from None
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="surrogateescape",
                                newline="")
        yield text, encoding


def _bad_bytes(encoding: str) -> str:
    return f"not valid {encoding} text (undecodable bytes)"


def read_lines(text: io.TextIOWrapper, encoding: str) -> Iterator[Record]:
    """Non-empty lines with their numbers (CRLF or LF), each bounded by ``MAX_LINE_CHARS``."""
    number = 0
    while True:
        line = text.readline(MAX_LINE_CHARS)
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith("\n"):
            while (rest := text.readline(MAX_LINE_CHARS)) and not rest.endswith("\n"):
                pass
            yield Record(number, None, f"line longer than {MAX_LINE_CHARS:,} characters")
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        stripped = line.strip()
        if not stripped:
            continue
        if _UNDECODED.search(stripped):
            yield Record(number, None, _bad_bytes(encoding))
            continue
        yield Record(number, stripped)


class _Counting:
    """Feeds csv lines and counts them, so each row knows the line it started on."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self.text = text
        self.lines = 0
        self.too_long = False

    def __iter__(self) -> _Counting:
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_LINE_CHARS)
        if not line:
            raise StopIteration
        self.lines += line.count("\n") or 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith("\n"):
            self.too_long = True
            while (rest := self.text.readline(MAX_LINE_CHARS)) and not rest.endswith("\n"):
                pass
            self.lines += 1
            return "\n"
        return line


def sniff_dialect(sample: str, default: str = ",") -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect of a sample (comma, semicolon, tab or pipe separated)."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel()
        dialect.delimiter = default
        return dialect


def read_csv(
    text: io.TextIOWrapper, encoding: str, *, header: bool = True, delimiter: str | None = None
) -> Iterator[Record]:
    """Rows as dicts keyed by the lower-cased header (or lists when ``header`` is False).

    The first record is the header itself (as a list) when ``header`` is True.
    """
    # The csv module's field limit is process-wide; raise it (never lower it) so a long report
    # text fits, while MAX_LINE_CHARS still bounds what one record may hold.
    if csv.field_size_limit() < MAX_LINE_CHARS:
        csv.field_size_limit(MAX_LINE_CHARS)
    feed = _Counting(text)
    if delimiter is None:
        sample = text.buffer.peek(SAMPLE_BYTES)[:SAMPLE_BYTES].decode(encoding, errors="replace")
        dialect = sniff_dialect(sample.lstrip("\ufeff"))
        reader = csv.reader(feed, dialect)
    else:
        reader = csv.reader(feed, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    names: list[str] | None = None
    while True:
        start = feed.lines + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Record(start, None, f"malformed CSV: {exc}")
            continue
        if feed.too_long:
            feed.too_long = False
            yield Record(start, None, f"line longer than {MAX_LINE_CHARS:,} characters")
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        if names is None and header:
            row[0] = row[0].lstrip("\ufeff")
            names = [cell.strip().lower() for cell in row]
            yield Record(start, names)
            continue
        if any(_UNDECODED.search(cell) for cell in row):
            yield Record(start, None, _bad_bytes(encoding))
            continue
        if names is None:
            yield Record(start, row)
        elif len(row) > len(names) and any(cell.strip() for cell in row[len(names):]):
            yield Record(start, None, f"{len(row)} fields where the header has {len(names)}")
        else:
            yield Record(start, dict(zip(names, row, strict=False)))
