"""Benchmark: near-duplicate detection over 100,000 generated reports (target < 60 s, < 2 GB).

Run ``python -m benchmarks.neardup [--reports N] [--copies SHARE] [--seed S]`` (or
``python -m benchmarks neardup``). The corpus is generated sample text, never real reporting: a
Zipf-distributed vocabulary of made-up words plus a shared pool of names, so stories about the same
event share names the way real coverage does. A share of the reports are wire copies of an earlier
one with a changed headline, a rewritten intro sentence, a dateline, a few changed words and a
trailing "Source: ..." line. The corpus is generated in chunks, so only the index stays in memory.
Prints seconds spent hashing and indexing (generation excluded), reports/s, peak RSS, and the
precision and recall of the links against the generated truth.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

_SYLLABLES = [c + v for c in "bkl mnrstvzd" if c != " " for v in "aeiou"] + [
    "dar", "kel", "mon", "tur", "bek", "jan", "gul",
]
_FUNCTION = [
    "the", "of", "and", "to", "in", "a", "on", "that", "for", "was", "said", "by", "with", "as",
    "at", "from", "is", "were", "has", "after", "it", "an", "be", "their", "have", "had", "not",
    "who", "but", "this", "they", "are", "which", "police", "protesters", "government",
]


@dataclass(frozen=True)
class Sample:
    """One generated report and, for a wire copy, the id of the report it copies."""

    id: str
    text: str
    copy_of: str | None
    original_text: str = ""  # for a copy, the text it copies (to measure the true overlap)


class Corpus:
    """Deterministic generator of sample news-length reports with wire copies among them."""

    def __init__(self, seed: int = 7, vocabulary: int = 30000, names: int = 400) -> None:
        self.rng = np.random.default_rng(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            n = int(self.rng.integers(2, 5))
            words.add("".join(self.rng.choice(_SYLLABLES, n)))
        self.vocab = np.array(_FUNCTION + sorted(words), dtype=object)
        ranks = np.arange(1, len(self.vocab) + 1, dtype=np.float64)
        weights = 1.0 / ranks**1.05
        self.cum = np.cumsum(weights / weights.sum())
        self.names = [
            "".join(self.rng.choice(_SYLLABLES, 3)).capitalize() for _ in range(names)
        ]

    def _words(self, n: int) -> list[str]:
        idx = np.searchsorted(self.cum, self.rng.random(n))
        return list(self.vocab[np.minimum(idx, len(self.vocab) - 1)])

    def _sentence(self, event_names: Sequence[str]) -> str:
        words = self._words(int(self.rng.integers(10, 28)))
        for _ in range(int(self.rng.integers(1, 3))):
            words.insert(int(self.rng.integers(0, len(words))), str(self.rng.choice(event_names)))
        return " ".join(words).capitalize() + "."

    def original(self, event: int) -> str:
        """A fresh report of ~250-450 words about an event (its names shared with other stories)."""
        names = [self.names[(event * 7 + k) % len(self.names)] for k in range(5)]
        headline = self._sentence(names)[:-1]
        paragraphs = []
        for _ in range(int(self.rng.integers(4, 7))):
            paragraphs.append(" ".join(self._sentence(names) for _ in range(3)))
        return headline + "\n\n" + "\n\n".join(paragraphs)

    def wire_copy(self, text: str, event: int) -> str:
        """The same story as re-run by another outlet: new headline, intro, words, attribution."""
        names = [self.names[(event * 7 + k) % len(self.names)] for k in range(5)]
        lines = text.split("\n\n")
        paragraphs = lines[1:]
        if self.rng.random() < 0.5:  # a rewritten intro sentence
            first = paragraphs[0].split(". ", 1)
            paragraphs[0] = self._sentence(names) + (" " + first[1] if len(first) > 1 else "")
        body = "\n\n".join(paragraphs)
        words = body.split(" ")
        for _ in range(int(self.rng.integers(0, 4))):  # a few changed words
            words[int(self.rng.integers(0, len(words)))] = self._words(1)[0]
        body = " ".join(words)
        if self.rng.random() < 0.5:
            body = "SAMPLECITY, Oct 6 (Sample Wire) - " + body
        out = self._sentence(names)[:-1] + "\n\n" + body  # a changed headline
        if self.rng.random() < 0.6:
            out += "\n\nSource: Sample Wire " + str(int(self.rng.integers(1, 99)))
        return out

    def stream(self, n: int, copy_share: float, chunk: int = 2000) -> Iterator[list[Sample]]:
        """Yield chunks of samples; about ``copy_share`` of them copy a recent original."""
        originals: list[tuple[str, str, int]] = []  # recent originals kept for copying
        events = max(1, n // 20)  # ~20 reports (originals and copies) per event
        out: list[Sample] = []
        for i in range(n):
            rid = f"r{i:07d}"
            event = int(self.rng.integers(0, events))
            if originals and self.rng.random() < copy_share:
                src_id, src_text, src_event = originals[int(self.rng.integers(0, len(originals)))]
                out.append(Sample(rid, self.wire_copy(src_text, src_event), src_id, src_text))
            else:
                text = self.original(event)
                out.append(Sample(rid, text, None))
                originals.append((rid, text, event))
                if len(originals) > 3000:
                    originals = originals[-2000:]
            if len(out) == chunk:
                yield out
                out = []
        if out:
            yield out


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def true_overlap(a: str, b: str) -> float:
    """Exact share of the longer text's word 3-shingles found in the other (what the index
    estimates)."""
    from sitroom.reading.clean import normalise_for_hashing

    def shingles(text: str) -> set[tuple[str, ...]]:
        w = normalise_for_hashing(text).split()
        return {tuple(w[i:i + 3]) for i in range(max(1, len(w) - 2))}

    x, y = shingles(a), shingles(b)
    return len(x & y) / max(len(x), len(y), 1)


def run(n: int, copy_share: float, seed: int, threshold: float) -> dict[str, float]:
    """Generate, hash and index ``n`` reports; return the measured figures."""
    from sitroom.reading.dedup import NearDuplicateIndex

    index = NearDuplicateIndex(threshold=threshold)
    root: dict[str, str] = {}  # truth: report -> the original it descends from
    links: dict[str, str] = {}
    above: set[str] = set()  # copies whose true overlap with their original passes the threshold
    spent = cpu = 0.0
    for chunk in Corpus(seed).stream(n, copy_share):
        for s in chunk:
            root[s.id] = root[s.copy_of] if s.copy_of else s.id
            if s.copy_of and true_overlap(s.text, s.original_text) >= threshold:
                above.add(s.id)
        started, started_cpu = time.perf_counter(), time.process_time()
        sigs = index.signatures([s.text for s in chunk])
        for s, sig in zip(chunk, sigs, strict=True):
            found = index.add(s.id, sig)
            if found is not None:
                links[s.id] = found
        spent += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
    copies = sum(1 for k, v in root.items() if k != v)
    correct = sum(1 for a, b in links.items() if root[a] == root[b])
    linked_copies = sum(1 for a in links if root[a] != a and root[a] == root[links[a]])
    return {
        "reports": n,
        "copies": copies,
        "links": len(links),
        "seconds": spent,
        "cpu_seconds": cpu,
        "reports_per_s": n / spent if spent else 0.0,
        "peak_rss_mb": _peak_rss_mb(),
        "precision": correct / len(links) if links else 1.0,
        "recall": linked_copies / copies if copies else 1.0,
        "copies_above": len(above),
        "recall_above": (sum(1 for a in above if a in links and root[links[a]] == root[a])
                         / len(above)) if above else 1.0,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.neardup", description=__doc__)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--copies", type=float, default=0.3, help="share of wire copies")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args(argv)
    r = run(args.reports, args.copies, args.seed, args.threshold)
    print(f"near-duplicates: {r['reports']:,} reports ({r['copies']:,} wire copies), "
          f"{r['links']:,} links")
    print(f"  time      {r['seconds']:.1f} s hashing+indexing "
          f"({r['reports_per_s']:,.0f} reports/s), {r['cpu_seconds']:.1f} s of CPU "
          "(wall time grows when other processes share the cores)")
    print(f"  peak RSS  {r['peak_rss_mb']:,.0f} MB")
    print(f"  precision {r['precision']:.4f}   recall {r['recall']:.4f} of all copies, "
          f"{r['recall_above']:.4f} of the {r['copies_above']:,} whose true overlap is at or "
          f"above the threshold")
    ok = r["seconds"] < 60 and r["peak_rss_mb"] < 2048
    print("  target    < 60 s and < 2 GB: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
