"""Runs the stages over batches of stored reports: the only place, with the shells, that holds a store.

collect.py  feeds, pages, tips and files into reports
code.py     stored reports into claims (``sitroom recode``)
merge.py    claims into events
"""
