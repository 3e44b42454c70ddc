"""Present: exports (ACLED CSV, GeoJSON, JSONL with provenance, GraphML) and reports.

acled.py    ACLED's columns and value formats
exports.py  selection and the CSV, GeoJSON and JSONL writers
graphml.py  the actor graph
"""
