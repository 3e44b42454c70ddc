"""Actors: a case's named actors and generic roles resolved to ACLED actor names (``resolver``)."""
