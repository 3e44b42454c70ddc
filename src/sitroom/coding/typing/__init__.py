"""Event typing: cue words, ACLED and PLOVER vocabularies, modality and target owners.

``lexicon`` finds cue words (``lemma_cues`` adds Russian turns read from lemmas); ``types``
turns cues and roles into ACLED types; ``vocabulary`` holds
the ACLED/PLOVER names; ``modality`` tells reported fact from threat, plan or denial; ``targets``
finds whose property was attacked.
"""
