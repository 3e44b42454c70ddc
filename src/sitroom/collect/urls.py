"""Canonical URLs and the report ids derived from them: one article, one id, however linked."""

from __future__ import annotations

import functools
import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMS", "canonical_url", "is_tracking_param", "report_id_for_url", "url_host"]

# Query parameters that say who linked an article, not which article it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "ysclid", "mc_cid", "mc_eid",
    "igshid", "_ga", "_gl", "_hsenc", "_hsmi", "ref", "ref_src", "ref_url", "referrer",
    "cmpid", "spm", "smid", "ito", "wt_mc",
})
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    """True for parameters (utm_*, fbclid, gclid, …) that never change what a page says."""
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(_TRACKING_PREFIXES)


@functools.lru_cache(maxsize=1 << 14)  # pure, and asked several times per item of a pass
def canonical_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no default port, fragment or
    tracking parameters, remaining query sorted. Returns the input stripped if it is not a URL."""
    text = url.strip()
    parts = urlsplit(text)
    if not parts.scheme or not parts.netloc:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host  # credentials, if any, never belong to an article's identity
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{port}"
    path = parts.path or "/"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query_pairs = [(k, v) for k, v in pairs if not is_tracking_param(k)]
    query = urlencode(sorted(query_pairs), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def report_id_for_url(url: str) -> str:
    """Stable report id of an article: a hash of its canonical URL (``model.Report.id``)."""
    digest = hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()
    return "r" + digest[:23]


@functools.lru_cache(maxsize=1 << 12)  # asked for robots.txt and politeness on every attempt
def url_host(url: str) -> str:
    """``scheme://host[:port]`` of a URL, the unit of politeness and robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
