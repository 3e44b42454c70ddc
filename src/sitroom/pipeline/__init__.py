"""Runs the stages over batches of stored reports; with the shells, the only holder of a store.

collect.py  feeds, pages, tips and files into reports
code.py     stored reports into claims (``sitroom recode``)
merge.py    claims into events
"""
