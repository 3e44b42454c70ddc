"""Coding speed and memory: documents per second, ratio to a bare spaCy pass, peak memory.

``python -m benchmarks.coding [--docs N]``. The texts are news-length composites built from the
English sentences the project ships (PLOVER gold records and sitroom's own samples, shuffled with a
fixed seed); the same texts go once through ``nlp.pipe`` alone and once through the Coder, in the
same process. Russian and Kyrgyz sample reports of the demo corpus are coded too, so the peak
memory counts every language's models.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = (ROOT / "gold" / "plover_gsr.jsonl", ROOT / "gold" / "sitroom_gold.jsonl")


def english_sentences() -> list[str]:
    """Every English text of the shipped gold files."""
    out = []
    for path in GOLD_FILES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            if obj.get("lang", "en") == "en" and obj.get("text"):
                out.append(" ".join(obj["text"].split()))
    if not out:
        raise SystemExit("benchmarks.coding: no gold texts found under gold/")
    return out


def news_documents(n: int, words: int = 450, seed: int = 0) -> list[str]:
    """``n`` composite texts of about ``words`` words, paragraphs of 2-4 sentences."""
    pool = english_sentences()
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        paras, para, count = [], [], 0
        while count < words:
            s = rng.choice(pool)
            para.append(s)
            count += len(s.split())
            if len(para) >= rng.randint(2, 4):
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        docs.append("\n\n".join(paras))
    return docs


def other_languages() -> list[tuple[str, str]]:
    """(lang, text) of the demo corpus's Russian and Kyrgyz sample reports."""
    try:
        from sitroom.demo.corpus import load_corpus
    except ImportError:
        return []
    try:
        reports = load_corpus()
    except Exception:
        return []
    return [(r.lang, r.text) for r in reports if getattr(r, "lang", "") in ("ru", "ky")]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.coding", description=__doc__)
    ap.add_argument("--docs", type=int, default=2000, help="English documents to code")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    from sitroom.coding import Coder
    from sitroom.coding.nlp import english
    from sitroom.model import Document

    texts = news_documents(args.docs)
    n_words = sum(len(t.split()) for t in texts)
    nlp = english()
    nlp("warm up")
    coder = Coder()
    coder.code(Document("warm", "Police arrested 3 people in Osh.", date(2020, 10, 10)))

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    bare = time.perf_counter() - start

    docs = [Document(f"b{i}", t, date(2020, 10, 10), lang="en") for i, t in enumerate(texts)]
    start = time.perf_counter()
    events = sum(len(c) for c in coder.code_many(docs))
    coded = time.perf_counter() - start

    others = other_languages()
    start = time.perf_counter()
    for i, (lang, text) in enumerate(others):
        coder.code(Document(f"o{i}", text, date(2020, 10, 10), lang=lang))
    other_s = time.perf_counter() - start

    figures = {
        "documents": len(texts),
        "words_per_document": round(n_words / len(texts)),
        "events": events,
        "coder_docs_per_s": round(len(texts) / coded, 1),
        "spacy_docs_per_s": round(len(texts) / bare, 1),
        "ratio_to_spacy": round(coded / bare, 2),
        "ru_ky_documents": len(others),
        "ru_ky_docs_per_s": round(len(others) / other_s, 1) if others else None,
        "peak_memory_mb": round(peak_mb()),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:22} {v}")
    ok = figures["coder_docs_per_s"] >= 20 and figures["ratio_to_spacy"] <= 1.5 and (
        figures["peak_memory_mb"] < 1536)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
