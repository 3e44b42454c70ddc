"""The English pipeline without its lemmatizer gives the lemmas the full pipeline gives."""

from __future__ import annotations

import re

import spacy

from sitroom.coding.nlp import ENGLISH_MODEL, english, lemma

TEXT = (
    "Thousands of protesters gathered outside the parliament on Tuesday, and police said they had "
    "arrested 25 people. The opposition's leaders were threatening to storm the building; she's "
    "denied it. Riot police fired tear gas as the crowds marched towards the square. Officials "
    "announced that the elections would be held again, while students were calling for a strike."
)


def test_lemmas_on_demand_match_the_full_pipeline() -> None:
    full = spacy.load(ENGLISH_MODEL)
    assert "lemmatizer" in full.pipe_names and "lemmatizer" not in english().pipe_names
    expected = [(t.text, t.lemma_) for t in full(TEXT)]
    doc = english()(TEXT)
    assert [(t.text, lemma(t)) for t in doc] == expected
    assert {"protester", "gather", "arrest", "be", "threaten", "fire", "march"} <= {
        lemma(t) for t in doc}


def test_the_coder_asks_for_lemmas_through_nlp_lemma() -> None:
    """``token.lemma_`` is empty without the lemmatizer: every lemma must come from ``lemma``."""
    from pathlib import Path

    import sitroom.coding

    root = Path(sitroom.coding.__file__).parent
    offenders = [f"{path.relative_to(root)}:{n}" for path in sorted(root.rglob("*.py"))
                 if path.name != "nlp.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\.lemma_?\b(?!\w)", line) and "import" not in line]
    assert offenders == [], "use sitroom.coding.nlp.lemma(tok) instead of tok.lemma_"
