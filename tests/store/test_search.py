"""Full-text search in English, Russian and Kyrgyz on both backends (sample texts)."""

from __future__ import annotations

from sitroom.model import Report
from sitroom.store.fulltext import postgres_tsquery, query_terms, sqlite_match

SAMPLES = [
    ("en1", "Protesters seize the White House in Bishkek",
     "Sample: thousands of protesters stormed government buildings in Bishkek after the vote."),
    ("en2", "Parliament meets in a hotel",
     "Sample: deputies gathered at a hotel and voted on a new prime minister."),
    ("ru1", "Садыр Жапаров освобождён",
     "Образец: сторонники освободили Садыра Жапарова из СИЗО ГКНБ в ночь на 6 октября."),
    ("ru2", "Центризбирком отменил итоги выборов",
     "Образец: ЦИК Киргизии признал недействительными итоги парламентских выборов."),
    ("ky1", "Бишкекте нааразычылык акциясы",
     "Үлгү: миңдеген нааразычылар Ала-Тоо аянтына чогулуп, шайлоонун жыйынтыгын жокко "
     "чыгарууну талап кылышты."),
    ("ky2", "Өкмөт башчысы дайындалды",
     "Үлгү: Жогорку Кеңеш жаңы өкмөт башчысын шайлады."),
]


def _fill(store) -> None:
    store.add_reports([Report(id=i, kind="article", title=t, text=x) for i, t, x in SAMPLES])


def _ids(store, query: str) -> list[str]:
    return [h.report_id for h in store.search_reports(query)]


def test_english_search_ranks_and_snippets(store):
    _fill(store)
    hits = store.search_reports("Bishkek protesters")
    assert [h.report_id for h in hits] == ["en1"]
    assert hits[0].title == "Protesters seize the White House in Bishkek"
    assert "[" in hits[0].snippet and "]" in hits[0].snippet
    assert _ids(store, "bishkek") == ["en1"]  # case-insensitive
    assert _ids(store, "hotel") == ["en2"]


def test_title_weighs_more_than_text(store):
    store.add_reports([
        Report(id="a", kind="article", title="Other news", text="Sample: a word about Osh."),
        Report(id="b", kind="article", title="Osh", text="Sample: nothing else here."),
    ])
    hits = store.search_reports("Osh")
    assert [h.report_id for h in hits] == ["b", "a"]
    assert hits[0].rank > hits[1].rank


def test_russian_search(store):
    _fill(store)
    assert _ids(store, "Жапаров") == ["ru1"]  # title word
    assert _ids(store, "жапаров") == ["ru1"]  # case folded in Cyrillic
    assert _ids(store, "ЦИК выборов") == ["ru2"]
    assert _ids(store, "Жапаров*") == ["ru1"]
    assert _ids(store, "освободи*") == ["ru1"]  # prefix reaches the inflected forms
    hit = store.search_reports("СИЗО")[0]
    assert "[СИЗО]" in hit.snippet


def test_kyrgyz_search(store):
    _fill(store)
    assert _ids(store, "нааразычылар") == ["ky1"]
    assert _ids(store, "Өкмөт") == ["ky2"] and _ids(store, "өкмөт") == ["ky2"]
    assert _ids(store, "Кеңеш") == ["ky2"]
    assert _ids(store, "аянтына") == ["ky1"]


def test_queries_with_syntax_characters_are_safe(store):
    _fill(store)
    assert _ids(store, 'Ala-Too "aянт" (OR) NEAR: AND') == []
    assert _ids(store, "Ала-Тоо") == ["ky1"]
    assert _ids(store, "'; DROP TABLE reports; --") == []
    assert _ids(store, "   ") == [] and _ids(store, "***") == []
    assert store.count_reports() == len(SAMPLES)


def test_search_index_follows_updates(store):
    _fill(store)
    store.set_near_duplicate("en2", "en1")  # a non-text update keeps the row searchable
    assert _ids(store, "hotel") == ["en2"]


def test_limit(store):
    store.add_reports([Report(id=f"r{n}", kind="article", text=f"Sample rally number {n}")
                       for n in range(30)])
    assert len(store.search_reports("rally", limit=5)) == 5
    assert len(store.search_reports("rally")) == 20
    assert store.search_reports("rally", limit=0) == []


def test_query_building_is_pure():
    terms = query_terms('Жапаров* "free" x-y')
    assert terms == [("Жапаров", True), ("free", False), ("x", False), ("y", False)]
    assert sqlite_match(terms) == '"Жапаров"* "free" "x" "y"'
    assert postgres_tsquery(terms) == "'Жапаров':* & 'free' & 'x' & 'y'"


def test_a_huge_text_is_stored_whole_and_searchable(store):
    words = [f"w{n}" for n in range(400_000)]  # ~3 MB, over PostgreSQL's tsvector limit
    big = "Sample opening about Jalal-Abad. " + " ".join(words)
    store.add_report(Report(id="big", kind="article", title="Large sample", text=big))
    assert store.get_report("big").text == big
    assert _ids(store, "Jalal") == ["big"]
    assert _ids(store, "large") == ["big"]
