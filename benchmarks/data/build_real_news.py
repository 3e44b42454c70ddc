"""Build the benchmark's real-text corpus from the shared real_dev files (run once, by hand).

English: Mass Mobilization v5 coder notes (CC0 1.0), news-based paragraphs written from real
reports, grouped by country in file order into documents of about 340 words; the notes are
lowercased at the source, so the first letter of each sentence is capitalised here (nothing else
is changed). Russian: FactRuEval-2016 news documents (MIT), as they are.

Usage: ``python benchmarks/data/build_real_news.py /work/shared/data``
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
EN_DOCS = 300
RU_DOCS = 60
TARGET_WORDS = 340
_SENT_START = re.compile(r"(^|[.!?]\s+)([a-z])")


def _capitalise(text: str) -> str:
    return _SENT_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.strip())


def english(path: Path) -> list[dict]:
    by_country: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        by_country[rec["labels"]["country"]].append(rec)
    docs = []
    for country in sorted(by_country):
        paras, ids, words = [], [], 0
        for rec in by_country[country]:
            text = " ".join(rec["text"].split())
            n = len(text.split())
            if words and words + n > TARGET_WORDS * 1.3:
                docs.append((country, ids, paras))
                paras, ids, words = [], [], 0
            paras.append(_capitalise(text))
            ids.append(rec["id"])
            words += n
            if words >= TARGET_WORDS * 0.85:
                docs.append((country, ids, paras))
                paras, ids, words = [], [], 0
    docs.sort(key=lambda d: d[1][0])
    step = max(1, len(docs) // EN_DOCS)
    out = []
    for country, ids, paras in docs[::step][:EN_DOCS]:
        out.append({"id": "mm-doc-" + ids[0].removeprefix("mm-"), "lang": "en",
                    "country": country, "sources": ids, "text": "\n\n".join(paras)})
    return out


def russian(path: Path) -> list[dict]:
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    recs.sort(key=lambda r: r["id"])
    step = max(1, len(recs) // RU_DOCS)
    return [{"id": r["id"], "lang": "ru", "text": r["text"]} for r in recs[::step][:RU_DOCS]]


def write(name: str, rows: list[dict]) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    (HERE / name).write_bytes(gzip.compress(data, mtime=0))


def main(argv: list[str]) -> int:
    shared = Path(argv[0] if argv else "/work/shared/data")
    en = english(shared / "real_dev" / "mass_mobilization.jsonl")
    ru = russian(shared / "real_dev_ru" / "factrueval2016_ru.jsonl")
    write("real_news_en.jsonl.gz", en)
    write("real_news_ru.jsonl.gz", ru)
    words = sum(len(d["text"].split()) for d in en)
    print(f"en {len(en)} documents, {words / len(en):.0f} words each; ru {len(ru)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
