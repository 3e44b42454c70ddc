"""Generates gold/merge/heldout_xlang.jsonl: the same events told in English, Russian and Kyrgyz.

SAMPLE claims and sentences written for sitroom (no outlet quoted; outlets are samples), written
before the merge learned person identity across scripts and event families, and never tuned on.
Claims look the way the coder leaves them when a case's actor list does not resolve a name: the
person in the report's own script and grammatical case ("Жапарова", "Жээнбековдун"), or a
transliteration ("Zhaparov"). Sub-types differ between outlets as they do in real reporting.
Same format as pairs.jsonl.
"""
# ruff: noqa: E501 - one sample claim per line reads best
import json
from pathlib import Path

from build_pairs import BISHKEK, EXC, INTERV, KGZ, OSH, OTHER, PROT, RIOT, C, group, lines

lines.clear()
RELEASE = {**OTHER, "political_event": "release_from_custody", "plover_type": "CONCEDE"}
RESIGN = {**OTHER, "political_event": "resignation", "plover_type": "CONCEDE"}
APPOINT = {**OTHER, "political_event": "appointment", "plover_type": "OTHER"}
VAC = dict(event_type="Violence against civilians", sub_event_type="Attack", actor1="Police Forces of Kyrgyzstan", inter1=1, actor2="Protesters (Kyrgyzstan)", inter2=6)
BOMB = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED", actor1="Unidentified Armed Group (Kyrgyzstan)", inter1=3)
STATEMENT = dict(event_type=None, sub_event_type=None, political_event="foreign_government_statement", plover_type="CONSULT", inter1=8)

group("xl-release-ru-en", "a politician freed overnight: the Russian report names him in the accusative and dates it to the evening before", [
    C("a", "wire", "en", "2020-10-06", {**RELEASE, **BISHKEK, "actor1": "Protesters (Kyrgyzstan)", "actor2": "Sadyr Japarov"}, "Protesters freed the nationalist politician Sadyr Japarov from prison on Tuesday."),
    C("b", "ru", "ru", "2020-10-05", {**RELEASE, **BISHKEK, "actor1": "Protesters (Kyrgyzstan)", "actor2": "Жапарова"}, "Сторонники освободили из колонии бывшего депутата Садыра Жапарова."),
], [["a", "b"]])
group("xl-resign-three-langs", "a president's resignation in English, Russian and Kyrgyz (genitive), the Kyrgyz one dated a day later", [
    C("a", "wire", "en", "2020-10-15", {**RESIGN, **BISHKEK, "actor1": "Sooronbay Jeenbekov"}, "President Sooronbay Jeenbekov resigned on Thursday, saying he did not want bloodshed."),
    C("b", "ru", "ru", "2020-10-15", {**RESIGN, **KGZ, "actor1": "Жээнбеков"}, "Президент Киргизии Сооронбай Жээнбеков объявил об отставке."),
    C("c", "ky", "ky", "2020-10-16", {**RESIGN, **KGZ, "actor1": "Жээнбековдун"}, "Президент Сооронбай Жээнбековдун кызматтан кетүү тууралуу арызы кабыл алынды."),
], [["a", "b", "c"]])
group("xl-appoint-translit", "an appointment with the name in three spellings", [
    C("a", "wire", "en", "2020-10-14", {**APPOINT, **KGZ, "actor1": "Sadyr Japarov"}, "Parliament confirmed Sadyr Japarov as prime minister."),
    C("b", "digest", "en", "2020-10-14", {**APPOINT, **KGZ, "actor1": "Zhaparov"}, "Lawmakers backed Zhaparov as head of government in a second vote."),
    C("c", "ru", "ru", "2020-10-14", {**APPOINT, **BISHKEK, "actor1": "Садыра Жапарова"}, "Жогорку Кенеш утвердил Садыра Жапарова премьер-министром."),
], [["a", "b", "c"]])
group("xl-two-resignations", "a prime minister and a speaker resign the same day: two events", [
    C("a", "wire", "en", "2020-10-06", {**RESIGN, **BISHKEK, "actor1": "Kubatbek Boronov"}, "Prime Minister Kubatbek Boronov resigned."),
    C("b", "ru", "ru", "2020-10-06", {**RESIGN, **BISHKEK, "actor1": "Жумабеков"}, "Спикер парламента Дастан Жумабеков сложил полномочия."),
    C("c", "indep", "en", "2020-10-06", {**RESIGN, **KGZ, "actor1": "Dastan Jumabekov"}, "Speaker Dastan Jumabekov also stepped down."),
], [["a"], ["b", "c"]])
group("xl-two-releases", "two politicians freed the same night: two events", [
    C("a", "ru", "ru", "2020-10-06", {**RELEASE, **BISHKEK, "actor2": "Атамбаева"}, "Протестующие освободили из СИЗО бывшего президента Алмазбека Атамбаева."),
    C("b", "wire", "en", "2020-10-06", {**RELEASE, **BISHKEK, "actor2": "Sadyr Japarov"}, "Another group freed Sadyr Japarov from a prison outside the capital."),
    C("c", "ky", "ky", "2020-10-06", {**RELEASE, **KGZ, "actor2": "Атамбаевди"}, "Нааразылар мурдагы президент Алмазбек Атамбаевди абактан бошотушту."),
], [["a", "c"], ["b"]])
group("xl-clash-four-types", "one night of clashes on a square typed four ways by four outlets", [
    C("a", "wire", "en", "2020-10-09", {**RIOT, **BISHKEK}, "Rival crowds threw stones at each other and at police on Ala-Too square."),
    C("b", "ru", "ru", "2020-10-09", {**EXC, **BISHKEK}, "Силовики разогнали митингующих на площади, применив дубинки."),
    C("c", "ky", "ky", "2020-10-09", {**INTERV, **BISHKEK}, "Милиция аянттагы митингчилерди таратты."),
    C("d", "indep", "ru", "2020-10-09", {**VAC, **BISHKEK}, "Сотрудники милиции избили несколько участников акции на площади Ала-Тоо."),
], [["a", "b", "c", "d"]])
group("xl-clash-disputed-toll", "the same clashes with an outlying toll: one event with a disputed figure", [
    C("a", "wire", "en", "2020-10-06", {**RIOT, **BISHKEK}, "One man was killed and 590 people injured in the unrest, the health ministry said.", fatalities=1, injuries=590),
    C("b", "ru", "ru", "2020-10-06", {**RIOT, **BISHKEK}, "Погиб один человек, пострадали более 1200.", fatalities=1, injuries=1200),
    C("c", "ky", "ky", "2020-10-06", {**PROT, **BISHKEK, "actor2": "Police Forces of Kyrgyzstan"}, "Тополоңдо үч адам каза болду деп кабарланды.", fatalities=3),
], [["a", "b", "c"]])
group("xl-two-towns", "rallies in Bishkek and in Osh the same day, in Russian and Kyrgyz: two events", [
    C("a", "ru", "ru", "2020-10-08", {**PROT, **BISHKEK}, "В Бишкеке прошёл митинг сторонников Жапарова."),
    C("b", "ky", "ky", "2020-10-08", {**PROT, **OSH}, "Ош шаарында Жапаровду колдогон митинг болду."),
    C("c", "wire", "en", "2020-10-08", {**PROT, **OSH}, "Hundreds rallied in Osh in support of Japarov."),
], [["a"], ["b", "c"]])
group("xl-bomb-and-rally", "a bomb at a market and a rally in the same town the same day: different families, two events", [
    C("a", "wire", "en", "2020-10-12", {**BOMB, **BISHKEK}, "A homemade bomb went off at a market in Bishkek, wounding two.", injuries=2),
    C("b", "ru", "ru", "2020-10-12", {**PROT, **BISHKEK}, "На площади Ала-Тоо прошёл митинг против чрезвычайного положения."),
], [["a"], ["b"]])
group("xl-statement-ru-en", "one foreign ministry statement in Russian and English", [
    C("a", "wire", "en", "2020-10-06", {**STATEMENT, **KGZ, "actor1": "Government of Russia"}, "Russia's foreign ministry urged all sides in Kyrgyzstan to show restraint."),
    C("b", "ru", "ru", "2020-10-06", {**STATEMENT, **KGZ, "actor1": "Россия"}, "МИД России призвал все стороны в Киргизии к сдержанности."),
], [["a", "b"]])

with open(Path(__file__).with_name("heldout_xlang.jsonl"), "w", encoding="utf-8") as f:
    for line in lines:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
print(len(lines), "groups")
