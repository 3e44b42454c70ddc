"""Situation reports: headline figures, a timeline and a map, key events with each outlet's
figures, contested figures, who reported what by bloc, the watch stage's sections (factions,
hypotheses), alerts, and what changed since the last report.

``build_report`` (pure) makes a ``SituationReport``; ``write_report`` renders it as Markdown (with
PNG pictures beside it), one self-contained HTML file, or PDF. The pipeline
(``sitroom.pipeline.report``) gathers the inputs from the store.
"""

from __future__ import annotations

from .build import build_report, changes, fingerprint, kind_of, snapshot
from .model import Changes, Headline, Section, SituationReport
from .write import FORMATS, write_report

__all__ = ["FORMATS", "Changes", "Headline", "Section", "SituationReport", "build_report",
           "changes", "fingerprint", "kind_of", "snapshot", "write_report"]
