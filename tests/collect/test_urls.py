"""Canonical URLs and report ids: one article, one id, however it was linked."""

from __future__ import annotations

import pytest

from sitroom.collect.urls import canonical_url, report_id_for_url, url_host


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("HTTP://Example.COM:80/a?b=2&a=1#frag", "http://example.com/a?a=1&b=2"),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://ex.com/n?utm_source=tw&utm_medium=s&id=5&fbclid=abc", "https://ex.com/n?id=5"),
        ("https://ex.com/n?gclid=1&yclid=2&mc_cid=3&ref=home", "https://ex.com/n"),
        ("https://user:pw@ex.com/n", "https://ex.com/n"),
        ("https://ex.com/Case/Path?q=A", "https://ex.com/Case/Path?q=A"),
        ("  https://ex.com/n  ", "https://ex.com/n"),
        ("not a url", "not a url"),
    ],
)
def test_canonical_url(given, expected):
    assert canonical_url(given) == expected


def test_report_id_is_stable_across_tracking_and_case_of_host():
    a = report_id_for_url("https://News.example.org/2020/10/06/story?utm_campaign=x")
    b = report_id_for_url("https://news.example.org/2020/10/06/story#comments")
    c = report_id_for_url("https://news.example.org/2020/10/06/other")
    assert a == b != c and a.startswith("r") and len(a) == 24


def test_url_host():
    assert url_host("HTTPS://Ex.com:8080/a/b?c") == "https://ex.com:8080"
