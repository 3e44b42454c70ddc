"""Actors: a case's named actors and generic roles resolved to ACLED actor names (``resolver``);
ACLED's naming of state bodies, persons written in Cyrillic and regime years (``names``)."""
