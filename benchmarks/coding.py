"""Coding speed and memory on real news text: docs/s, ratio to bare spaCy, peak memory.

``python -m benchmarks coding [--processes N] [--docs N] [--json]``. The corpus is real text of
news length (see ``benchmarks/data/README.md``): English documents of about 340 words built from
Mass Mobilization's news-based coder notes (CC0), and Russian FactRuEval-2016 news documents
(MIT). The same English texts go once through the Coder and once through spaCy's full pipeline
alone (lemmatizer included; ``nlp.pipe`` on the same number of processes), in the same run.
Russian and Kyrgyz documents are coded too (Kyrgyz: the demo corpus's labelled samples), so every
language's models are loaded when the coder's peak memory is taken. Memory is the peak of the
summed resident set of this process and all its children, sampled every 0.2 s (and the summed
proportional set size, which counts the pages forked workers share only once). CPU seconds per
document (all processes) give the speed two idle cores would reach, an estimate shown apart.
The machine's load average is printed beside the
figures, since other work on the machine slows every figure here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import threading
import time
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CORPUS = ("real news-length text: Mass Mobilization v5 coder notes (CC0, news-based paragraphs, "
          "grouped by country into ~340-word documents) + FactRuEval-2016 Russian news (MIT)")
TARGET_DOCS_PER_S = 20.0
TARGET_RATIO = 1.5
TARGET_MB = 1536


def load(name: str) -> list[dict]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def kyrgyz_samples() -> list[str]:
    """Kyrgyz texts of the demo corpus (labelled samples, not news): only to load the language."""
    try:
        from sitroom.demo.corpus import load_corpus

        return [r.text for r in load_corpus() if getattr(r, "lang", "") == "ky"]
    except Exception:  # the demo corpus is optional here
        return []


# --- memory of a process tree ------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    """Direct children of a process (from /proc/PID/task/*/children, no scan of all of /proc)."""
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out.extend(int(x) for x in fh.read().split())
        except (OSError, ValueError):
            continue
    return out


def _kb(path: str, field: str) -> int:
    try:
        with open(path, encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_memory_mb(root: int) -> tuple[float, float]:
    """(summed RSS, summed PSS) in MB of a process and all its descendants."""
    todo, rss, pss = [root], 0, 0
    while todo:
        pid = todo.pop()
        rss += _kb(f"/proc/{pid}/status", "VmRSS:")
        pss += _kb(f"/proc/{pid}/smaps_rollup", "Pss:")
        todo.extend(_children(pid))
    return rss / 1024, pss / 1024


class PeakMemory:
    """Samples the process tree's memory in a thread; ``peak`` holds the highest sums seen."""

    def __init__(self, every: float = 0.2):
        self.every = every
        self.peak = (0.0, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss, pss = tree_memory_mb(os.getpid())
            self.peak = (max(self.peak[0], rss), max(self.peak[1], pss))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (pool workers are joined by then)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# --- the run -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks coding", description=__doc__)
    ap.add_argument("--processes", type=int, default=2, help="processes for spaCy and the coder")
    ap.add_argument("--docs", type=int, default=0, help="English documents to use (0: all)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    import spacy

    from sitroom.coding import Coder
    from sitroom.coding.nlp import ENGLISH_MODEL
    from sitroom.model import Document

    english_docs = load("real_news_en.jsonl.gz")
    if args.docs:
        english_docs = english_docs[:args.docs]
    russian_docs = load("real_news_ru.jsonl.gz")
    texts = [d["text"] for d in english_docs]
    day = date(2020, 10, 10)
    load_before = os.getloadavg()

    with PeakMemory() as memory:
        coder = Coder(processes=args.processes)
        # every language's models load in this process first, so forked workers share them
        for lang, text in (("en", texts[0]), ("ru", russian_docs[0]["text"]),
                           ("ky", (kyrgyz_samples() or ["Бишкекте митинг болду."])[0])):
            coder.code(Document(f"warm-{lang}", text, day, lang=lang))

        docs = [Document(d["id"], d["text"], day, lang="en") for d in english_docs]
        start, cpu = time.perf_counter(), cpu_seconds()
        events = sum(len(c) for c in coder.code_many(docs))
        coded, coded_cpu = time.perf_counter() - start, cpu_seconds() - cpu

        others = [Document(d["id"], d["text"], day, lang="ru") for d in russian_docs]
        others += [Document(f"ky{i}", t, day, lang="ky") for i, t in enumerate(kyrgyz_samples())]
        start = time.perf_counter()
        for _ in coder.code_many(others):
            pass
        other_s = time.perf_counter() - start

    with PeakMemory() as spacy_memory:
        nlp = spacy.load(ENGLISH_MODEL)  # the full pipeline, lemmatizer included
        nlp("warm up")
        start, cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=16, n_process=args.processes):
            pass
        bare, bare_cpu = time.perf_counter() - start, cpu_seconds() - cpu

    load_after = os.getloadavg()
    figures_cores = min(args.processes, len(os.sched_getaffinity(0)))
    figures = {
        "corpus": CORPUS,
        "documents": len(texts),
        "words_per_document": round(sum(len(t.split()) for t in texts) / len(texts)),
        "processes": args.processes,
        "cores": len(os.sched_getaffinity(0)),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "events": events,
        "coder_docs_per_s": round(len(texts) / coded, 1),
        "spacy_docs_per_s": round(len(texts) / bare, 1),
        "ratio_to_spacy": round(coded / bare, 2),
        "coder_cpu_s_per_doc": round(coded_cpu / len(texts), 4),
        "spacy_cpu_s_per_doc": round(bare_cpu / len(texts), 4),
        "cpu_ratio_to_spacy": round(coded_cpu / bare_cpu, 2),
        "idle_cores_estimate_docs_per_s": round(figures_cores * len(texts) / coded_cpu, 1),
        "ru_ky_documents": len(others),
        "ru_ky_docs_per_s": round(len(others) / other_s, 1) if others else None,
        "peak_rss_sum_mb": round(memory.peak[0]),
        "peak_pss_sum_mb": round(memory.peak[1]),
        "spacy_peak_rss_sum_mb": round(spacy_memory.peak[0]),
    }
    ok = (figures["coder_docs_per_s"] >= TARGET_DOCS_PER_S
          and figures["ratio_to_spacy"] <= TARGET_RATIO
          and figures["peak_rss_sum_mb"] < TARGET_MB)
    figures["targets"] = (f"{TARGET_DOCS_PER_S:g} docs/s, ratio <= {TARGET_RATIO:g}, "
                          f"peak RSS sum < {TARGET_MB} MB: {'met' if ok else 'NOT met'}")
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:20} {v}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
