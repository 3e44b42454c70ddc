"""The collect stage: bring reports in from the network, from people and from files.

urls.py     canonical URLs (tracking parameters stripped) and the report ids derived from them
http.py     a polite, bounded fetcher: deadlines, size and redirect caps, retries, robots.txt
charset.py  bytes to text: header, meta tag, then detection
feeds.py    RSS 0.9x/1.0/2.0, Atom and JSON Feed; a bad feed never raises
pages.py    an article page's main text, title, author and date
check.py    fetch outlets' feeds once and say how they are (``sitroom outlets check``)
tips.py     reports typed in by people
files.py    JSONL and CSV imports

The pass over outlets that stores what comes in lives in ``sitroom.pipeline.collect``.
"""
