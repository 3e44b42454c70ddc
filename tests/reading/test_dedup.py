"""Near-duplicates: wire copies are linked, other stories about the same event are not."""

import numpy as np
import pytest
from datasketch import MinHash

from sitroom.reading.clean import normalise_for_hashing
from sitroom.reading.dedup import NearDuplicateIndex, shingle_hashes

from .samples import EN_COPY, EN_OTHER, EN_WIRE, RU_COPY, RU_OTHER, RU_WIRE


@pytest.fixture
def index():
    return NearDuplicateIndex()


def _add_all(index, texts):
    return [index.add(f"r{i}", index.signature(t)) for i, t in enumerate(texts)]


@pytest.mark.parametrize("original,copy", [(EN_WIRE, EN_COPY), (RU_WIRE, RU_COPY)])
def test_wire_copy_with_new_headline_intro_and_source_is_linked(index, original, copy):
    assert _add_all(index, [original, copy]) == [None, "r0"]


@pytest.mark.parametrize("original,other", [(EN_WIRE, EN_OTHER), (RU_WIRE, RU_OTHER)])
def test_other_story_about_the_same_event_is_not_linked(index, original, other):
    assert _add_all(index, [original, other]) == [None, None]
    assert index.similarity(index.signature(original), index.signature(other)) < 0.3


@pytest.mark.parametrize("edit", [
    lambda t: "A quite different headline\n\n" + t.split("\n", 2)[2],
    lambda t: t + "\nSource: Sample Agency",
    lambda t: t.replace("Thousands of demonstrators broke", "A crowd of several thousand broke"),
    lambda t: t.replace("\n", " ").upper(),
])
def test_each_single_edit_is_linked(index, edit):
    assert _add_all(index, [EN_WIRE, edit(EN_WIRE)]) == [None, "r0"]


def test_translation_is_not_a_near_duplicate(index):
    assert _add_all(index, [EN_WIRE, RU_WIRE]) == [None, None]


def test_copy_links_to_the_original_not_to_another_copy(index):
    second_copy = EN_COPY.replace("Source: Sample Wire Service", "Source: Another Sample")
    assert _add_all(index, [EN_WIRE, EN_COPY, second_copy]) == [None, "r0", "r0"]
    assert index.query(index.signature(second_copy))[0] in {"r0", "r1"}


def test_add_is_idempotent_and_query_finds_matches(index):
    sig = index.signature(EN_WIRE)
    assert index.add("a", sig) is None
    assert index.add("b", index.signature(EN_COPY)) == "a"
    assert index.add("b", index.signature(EN_COPY)) == "a"
    assert len(index) == 2
    assert index.query(sig) == ["a", "b"]
    assert index.query(index.signature(EN_OTHER)) == []


def test_load_rebuilds_from_stored_signatures(index):
    pairs = [("a", index.signature(RU_WIRE)), ("b", index.signature(EN_WIRE))]
    fresh = NearDuplicateIndex()
    assert fresh.load(pairs) == 2
    assert fresh.add("c", fresh.signature(RU_COPY)) == "a"


def test_signatures_are_deterministic_compact_and_datasketch_compatible(index):
    sig = index.signature(RU_WIRE)
    assert sig == NearDuplicateIndex().signature(RU_WIRE)
    assert len(sig) == 10 + 4 * 128
    info = index.decode(sig)
    hashes = shingle_hashes(normalise_for_hashing(RU_WIRE))
    assert info.shingles == len(set(hashes.tolist()))
    reference = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch(hashes.tolist())
    assert np.array_equal(reference.hashvalues, info.hashvalues)


def test_batch_signatures_equal_single_ones(index):
    texts = [EN_WIRE, "", RU_COPY, "short"]
    assert index.signatures(texts) == [index.signature(t) for t in texts]


def test_empty_and_wordless_texts_are_never_linked(index):
    assert index.add("a", index.signature("")) is None
    assert index.add("b", index.signature("... !!! ---")) is None
    assert index.add("c", index.signature("<p></p>")) is None
    assert len(index) == 0


def test_short_texts_match_only_when_equal(index):
    assert index.add("a", index.signature("Japarov freed")) is None
    assert index.add("b", index.signature("Japarov freed!")) == "a"
    assert index.add("c", index.signature("Japarov arrested")) is None


def test_bad_signature_is_refused(index):
    with pytest.raises(ValueError):
        index.add("x", b"not a signature")
    with pytest.raises(ValueError):
        NearDuplicateIndex(num_perm=64).add("x", index.signature(EN_WIRE))


def test_many_unrelated_reports_give_no_links(index):
    rng = np.random.default_rng(3)
    words = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rng.choice(words, 150)) for _ in range(300)]
    assert [x for x in _add_all(index, texts) if x is not None] == []


def test_discard_forgets_a_report(index):
    index.add("a", index.signature(EN_WIRE))
    index.discard("a")
    index.discard("never-added")
    assert len(index) == 0 and "a" not in index
    assert index.add("b", index.signature(EN_COPY)) is None
