"""Benchmarks: each module measures one capability (`python -m benchmarks [NAME]`)."""
