"""Near-duplicates: link a wire copy to its original instead of dropping or double-counting it.

A report's text is normalised (``clean.prepare_for_hashing``), cut into overlapping word
shingles, and summarised by a MinHash signature in datasketch's "affine32" scheme. Hashing is
vectorised with numpy: each shingle's 32-bit hash is a polynomial hash of its UTF-8 bytes computed
from prefix sums, so a 100,000-report backfill never loops over shingles in Python. The signatures
are bit-for-bit what ``datasketch.MinHash(num_perm, seed, scheme="affine32")`` gives when fed the
same shingle hashes, and candidates are found with ``datasketch.MinHashLSH``.

Two reports are near-duplicates when the shingles they share cover at least ``threshold`` of the
longer one's shingles (estimated from the MinHash Jaccard and the shingle counts kept in the
signature). Compared with plain Jaccard at the same threshold this still links a copy whose intro
line was rewritten, while two stories about the same event share far too few phrases to pass.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from sitroom.reading.clean import prepare_for_hashing

__all__ = ["NearDuplicateIndex", "SignatureInfo", "shingle_hashes"]

SHINGLE_WORDS = 3
SEED = 1
_MAGIC = b"SM"
_VERSION = 1
_HEADER = struct.Struct("<2sBxHI")  # magic, version, pad, num_perm, distinct shingles
_P = np.uint64(0x100000001B3)  # odd multiplier of the polynomial byte hash (FNV prime)
_P_INV = np.uint64(pow(int(_P), -1, 1 << 64))
_SPACE = 0x20
# Bytes that separate words: every ASCII character but digits and letters (non-ASCII bytes are
# parts of letters of other scripts; the few non-ASCII punctuation marks were mapped to ASCII by
# ``clean_text``).
_SEPARATORS = np.array([c < 128 and not chr(c).isalnum() for c in range(256)])


def _splitmix(x: np.ndarray) -> np.ndarray:
    """Avalanche 64-bit values (SplitMix64 finaliser) so the top 32 bits are well mixed."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch applies it before its affine permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class _Powers:
    """Powers of the hash multiplier and of its inverse, grown on demand (one per index)."""

    def __init__(self) -> None:
        self.pow = np.ones(1, dtype=np.uint64)
        self.inv = np.ones(1, dtype=np.uint64)

    def upto(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.pow) < n:
            size = max(n, 2 * len(self.pow), 4096)
            with np.errstate(over="ignore"):
                p = np.full(size, _P, dtype=np.uint64)
                p[0] = 1
                self.pow = np.cumprod(p, dtype=np.uint64)
                q = np.full(size, _P_INV, dtype=np.uint64)
                q[0] = 1
                self.inv = np.cumprod(q, dtype=np.uint64)
        return self.pow, self.inv


def shingle_hashes(prepared: str, powers: _Powers | None = None) -> np.ndarray:
    """32-bit hashes of the text's overlapping word 3-shingles, in text order (repeats kept).

    ``prepared`` comes from ``clean.prepare_for_hashing``; ASCII punctuation and spaces separate
    words, so the shingles are those of ``clean.normalise_for_hashing``. The hash of a shingle is
    sum(b[j] * P**j) mod 2**64 over its words' bytes joined by single spaces, mixed, top 32 bits.
    """
    data = prepared.encode("utf-8")
    if not data:
        return np.empty(0, dtype=np.uint32)
    b = np.frombuffer(data, dtype=np.uint8)
    is_space = _SEPARATORS[b]
    if is_space.any():
        # Collapse separator runs to one space so the hash sees "words joined by single spaces".
        keep = ~is_space | np.concatenate(([False], ~is_space[:-1]))
        b = np.where(is_space, np.uint8(_SPACE), b)[keep]
        is_space = is_space[keep]
    n = len(b)
    if n == 0 or is_space.all():
        return np.empty(0, dtype=np.uint32)
    pw, inv = (powers or _Powers()).upto(n)
    starts = np.flatnonzero(~is_space & np.concatenate(([True], is_space[:-1])))
    ends = np.flatnonzero(~is_space & np.concatenate((is_space[1:], [True]))) + 1
    k = min(SHINGLE_WORDS, len(starts))
    s = starts[: len(starts) - k + 1]
    e = ends[k - 1 :]
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(b.astype(np.uint64) * pw[:n], out=prefix[1:])
        h = (prefix[e] - prefix[s]) * inv[s]
        h = _splitmix(h) >> np.uint64(32)
    return h.astype(np.uint32)


def _containment(jac: float | np.ndarray, a: int | np.ndarray,
                 b: int | np.ndarray) -> float | np.ndarray:
    """Share of the longer text's shingles found in the other, from Jaccard and the two sizes.

    |A & B| = J * (|A| + |B|) / (1 + J); works on numbers and on numpy arrays alike.
    """
    return jac * (a + b) / (1.0 + jac) / np.maximum(a, b)


@dataclass(frozen=True)
class SignatureInfo:
    """A decoded signature: MinHash values and how many distinct shingles the text had."""

    hashvalues: np.ndarray
    shingles: int

    @property
    def empty(self) -> bool:
        """A text without words: never linked nor indexed."""
        return self.shingles == 0


class NearDuplicateIndex:
    """MinHash LSH index over report signatures; ``add`` says which earlier report a text copies.

    Deterministic: the same texts added in the same order give the same links.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        from datasketch import MinHash, MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        perms = MinHash(num_perm=num_perm, seed=SEED, scheme="affine32").permutations
        self._a = np.ascontiguousarray(perms[0], dtype=np.uint32)
        self._b = np.ascontiguousarray(perms[1], dtype=np.uint32)
        # Shared shingles >= threshold * the longer text implies Jaccard >= t / (2 - t); the LSH
        # is tuned a little below that so estimation noise does not lose true copies.
        self.lsh_threshold = max(0.3, threshold / (2 - threshold) - 0.1)
        self._lsh = MinHashLSH(
            threshold=self.lsh_threshold, num_perm=num_perm, weights=(0.1, 0.9)
        )
        self._powers = _Powers()
        self._rows = np.empty((1024, num_perm), dtype=np.uint32)
        self._sizes = np.empty(1024, dtype=np.int64)
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._original: dict[int, int] = {}  # row -> row it was linked to

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, report_id: object) -> bool:
        return report_id in self._row_of

    # --- signatures --------------------------------------------------------------------------

    def signature(self, text: str) -> bytes:
        """Compact MinHash signature of a text (header + ``num_perm`` little-endian uint32)."""
        return self.signatures([text])[0]

    def signatures(self, texts: Sequence[str]) -> list[bytes]:
        """Signatures of many texts at once (one vectorised pass; faster than one by one)."""
        hashes = [shingle_hashes(prepare_for_hashing(t or ""), self._powers) for t in texts]
        return self.signatures_of_shingles(hashes)

    def signatures_of_shingles(self, hashes: Sequence[np.ndarray]) -> list[bytes]:
        """Signatures from shingle hashes (see ``shingle_hashes``), one numpy pass per text."""
        empty = np.full(self.num_perm, np.iinfo(np.uint32).max, dtype="<u4").tobytes()
        out = []
        for h in hashes:
            distinct = len(set(h.tolist()))  # cheaper than np.unique for a few hundred values
            header = _HEADER.pack(_MAGIC, _VERSION, self.num_perm, min(distinct, 0xFFFFFFFF))
            if not distinct:
                out.append(header + empty)
                continue
            with np.errstate(over="ignore"):
                phv = _fmix32(h)[:, None] * self._a + self._b
            out.append(header + phv.min(axis=0).astype("<u4", copy=False).tobytes())
        return out

    def decode(self, signature: bytes) -> SignatureInfo:
        """Read a signature made by ``signature``; ``ValueError`` if it is not one of ours."""
        if len(signature) != _HEADER.size + 4 * self.num_perm:
            raise ValueError(f"signature has {len(signature)} bytes, expected "
                             f"{_HEADER.size + 4 * self.num_perm} for num_perm={self.num_perm}")
        magic, version, num_perm, shingles = _HEADER.unpack_from(signature)
        if magic != _MAGIC or version != _VERSION or num_perm != self.num_perm:
            raise ValueError("not a sitroom MinHash signature of this index's kind")
        values = np.frombuffer(signature, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
        return SignatureInfo(values, shingles)

    # --- the index ---------------------------------------------------------------------------

    def _lean(self, values: np.ndarray):  # returns a datasketch LeanMinHash (imported lazily)
        from datasketch import LeanMinHash

        return LeanMinHash(seed=SEED, hashvalues=values, scheme="affine32")

    def _similar(self, info: SignatureInfo, lean: object = None) -> list[tuple[float, int]]:
        """(similarity, row) of indexed reports that pass the threshold, best first."""
        candidates = self._lsh.query(lean or self._lean(info.hashvalues))
        if not candidates:
            return []
        rows = np.fromiter((self._row_of[c] for c in candidates), dtype=np.int64)
        jac = (self._rows[rows] == info.hashvalues).sum(axis=1) / self.num_perm
        sim = _containment(jac, self._sizes[rows], info.shingles)
        keep = sim >= self.threshold - 1e-9
        found = [(float(s), int(r)) for s, r in zip(sim[keep], rows[keep], strict=True)]
        found.sort(key=lambda x: (-x[0], x[1]))
        return found

    def _insert(self, report_id: str, info: SignatureInfo, lean: object = None) -> int:
        row = len(self._ids)
        if row == len(self._rows):
            self._rows = np.concatenate([self._rows, np.empty_like(self._rows)])
            self._sizes = np.concatenate([self._sizes, np.empty_like(self._sizes)])
        self._rows[row] = info.hashvalues
        self._sizes[row] = info.shingles
        self._ids.append(report_id)
        self._row_of[report_id] = row
        self._lsh.insert(report_id, lean or self._lean(info.hashvalues), check_duplication=False)
        return row

    def add(self, report_id: str, signature: bytes) -> str | None:
        """Index a report; return the id of an earlier report it near-duplicates, else None.

        Among matches an original (a report not itself linked to another) is preferred, then the
        most similar, then the earliest. A text without words is never linked nor indexed.
        """
        if report_id in self._row_of:
            linked = self._original.get(self._row_of[report_id])
            return None if linked is None else self._ids[linked]
        info = self.decode(signature)
        if info.empty:
            return None
        lean = self._lean(info.hashvalues)  # built once for the query and the insert
        matches = self._similar(info, lean)
        original = None
        if matches:
            roots = [m for m in matches if m[1] not in self._original]
            original = (roots or matches)[0][1]
        row = self._insert(report_id, info, lean)
        if original is None:
            return None
        self._original[row] = original
        return self._ids[original]

    def discard(self, report_id: str) -> None:
        """Forget a report (one that turned out not to be stored); unknown ids are ignored."""
        row = self._row_of.pop(report_id, None)
        if row is None:
            return
        self._lsh.remove(report_id)
        self._original.pop(row, None)

    def load(self, pairs: Iterable[tuple[str, bytes]]) -> int:
        """Index stored signatures without linking them (links are already stored); return count."""
        count = 0
        for report_id, signature in pairs:
            if report_id in self._row_of:
                continue
            info = self.decode(signature)
            if info.empty:
                continue
            self._insert(report_id, info)
            count += 1
        return count

    def query(self, signature: bytes) -> list[str]:
        """Ids of indexed reports the signature near-duplicates, most similar first."""
        info = self.decode(signature)
        if info.empty:
            return []
        return [self._ids[row] for _, row in self._similar(info)]

    def similarity(self, a: bytes, b: bytes) -> float:
        """Estimated share of the longer text's shingles found in the other (0..1)."""
        x, y = self.decode(a), self.decode(b)
        if x.empty or y.empty:
            return 0.0
        jac = float((x.hashvalues == y.hashvalues).mean())
        return min(1.0, float(_containment(jac, x.shingles, y.shingles)))
