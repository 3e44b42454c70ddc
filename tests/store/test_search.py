"""Full-text search in English, Russian and Kyrgyz on both backends (sample texts)."""

from __future__ import annotations

import pytest

from sitroom.errors import InputError
from sitroom.model import Report
from sitroom.reading.stemming import stem_word
from sitroom.store.search_query import parse, to_fts5, to_tsquery

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
    assert _ids(store, 'Ala-Too "aянт" NEAR: -') == []
    for bad in ("(OR)", "police AND", '"White House', "(police", "NOT police", "a )"):
        with pytest.raises(InputError, match="search: "):
            store.search_reports(bad)
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
    node = parse('Жапаров* "White House" x-y OR (police NOT army)')
    assert to_fts5(node, stem_word) == (
        '(("жапар"* AND "white hous" AND "x" AND "y") OR ("polic" NOT "armi"))')
    assert to_tsquery(node) == (
        "(('Жапаров':* & ('White' <-> 'House') & 'x' & 'y') | ('police' & !'army'))")
    assert parse("  ") is None and parse('""') is None


STEMMED = [
    ("s1", "Police disperse the crowd", "Sample: police detained protesters near the square."),
    ("s2", "Rally in Osh", "Sample: a protest rally gathered peacefully in Osh."),
    ("s3", "Митинг у Белого дома", "Образец: участники митингов требовали отставки."),
    ("s4", "White House stormed", "Sample: crowds entered the White House in Bishkek."),
    ("s5", "House prices", "Sample: a white paper on house prices."),
]


def _stemmed(store) -> None:
    store.add_reports([Report(id=i, kind="article", title=t, text=x) for i, t, x in STEMMED])


def test_search_finds_words_by_their_stems(store):
    _stemmed(store)
    assert sorted(_ids(store, "protest")) == ["s1", "s2"]  # protesters, protest
    assert sorted(_ids(store, "protesters")) == ["s1", "s2"]
    assert _ids(store, "митингов") == ["s3"] and _ids(store, "митинг") == ["s3"]
    assert _ids(store, "отставка") == ["s3"]
    assert "[protesters]" in store.search_reports("protest")[0].snippet or \
        "[protest]" in store.search_reports("protest")[0].snippet


def test_search_operators_phrases_and_prefixes(store):
    _stemmed(store)
    assert sorted(_ids(store, "police OR rally")) == ["s1", "s2"]
    assert _ids(store, "police AND protesters") == ["s1"]
    assert _ids(store, "protest NOT police") == ["s2"]
    assert sorted(_ids(store, '"White House"')) == ["s4"]  # not s5: the words apart
    assert sorted(_ids(store, "white house")) == ["s4", "s5"]
    assert _ids(store, "Bishk* OR митинг*") in (["s3", "s4"], ["s4", "s3"])
    assert _ids(store, "(police OR rally) Osh") == ["s2"]
    assert _ids(store, "peace*") == ["s2"]


def test_stemmed_index_follows_updates_and_deletes(sqlite_store):
    _stemmed(sqlite_store)
    with sqlite_store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE reports SET text = 'Sample: soldiers marched.' "
                             "WHERE id = 's2'")
    assert _ids(sqlite_store, "rally") == ["s2"]  # title kept
    assert _ids(sqlite_store, "peaceful") == [] and _ids(sqlite_store, "soldier") == ["s2"]


def test_a_huge_text_is_stored_whole_and_searchable(store):
    words = [f"w{n}" for n in range(400_000)]  # ~3 MB, over PostgreSQL's tsvector limit
    big = "Sample opening about Jalal-Abad. " + " ".join(words)
    store.add_report(Report(id="big", kind="article", title="Large sample", text=big))
    assert store.get_report("big").text == big
    assert _ids(store, "Jalal") == ["big"]
    assert _ids(store, "large") == ["big"]


def test_migration_backfills_the_stemmed_index_of_stored_reports(tmp_path):
    from sitroom.store import open_store

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    store = open_store(url)
    _stemmed(store)
    with store.engine.begin() as conn:  # back to a database made before migration 9
        for trigger in ("ai", "ad", "au"):
            conn.exec_driver_sql(f"DROP TRIGGER reports_stem_{trigger}")
        conn.exec_driver_sql("DROP TABLE reports_stem")
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version >= 9")
    store.close()
    store = open_store(url)
    try:
        assert sorted(_ids(store, "protest")) == ["s1", "s2"]
    finally:
        store.close()


def test_search_command_documents_and_uses_the_syntax(tmp_path, capsys):
    from sitroom.cli import main
    from sitroom.store import open_store

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with open_store(url) as store:
        _stemmed(store)
    assert main(["--db", url, "reports", "search", "police OR rally", "--format", "jsonl"]) == 0
    assert sorted(line.split('"')[3] for line in capsys.readouterr().out.splitlines()) == [
        "s1", "s2"]
    assert main(["--db", url, "reports", "search", "NOT police"]) == 1
    assert "NOT needs a word before it" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["reports", "search", "--help"])
    assert '"White House"' in capsys.readouterr().out
