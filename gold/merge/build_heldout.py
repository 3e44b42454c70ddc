"""Generates gold/merge/heldout.jsonl: groups written after the merge was tuned, never tuned on.

Sample texts written for sitroom; outlets are samples. Same format as pairs.jsonl.
"""
# ruff: noqa: E501 - one sample claim per line reads best
import json
from pathlib import Path

from build_pairs import BISHKEK, JALAL, KGZ, OSH, OTHER, PROT, RIOT, C, group, lines

lines.clear()
ARREST = dict(event_type="Strategic developments", sub_event_type="Arrests", actor1="Police Forces of Kyrgyzstan", inter1=1)
NARYN = dict(country="Kyrgyzstan", iso3="KGZ", admin1="Naryn", location="Naryn", latitude=41.43, longitude=76.0, geo_precision=1)
NARYN_REGION = dict(country="Kyrgyzstan", iso3="KGZ", admin1="Naryn", location=None, latitude=None, longitude=None, geo_precision=2)
STATEMENT = dict(event_type=None, sub_event_type=None, political_event="foreign_government_statement", inter1=8)

group("h-arrest-ru-en", "the arrest of a former official told in Russian and English", [
    C("a", "state", "ru", "2020-10-10", {**ARREST, **BISHKEK, "actor2": "Almazbek Atambayev"}, "Сотрудники ГКНБ задержали бывшего президента Алмазбека Атамбаева в Бишкеке.", arrests=1),
    C("b", "wire", "en", "2020-10-10", {**ARREST, **BISHKEK, "actor2": "Almazbek Atambayev"}, "Security officers detained former president Almazbek Atambayev in Bishkek on Saturday.", arrests=1),
], [["a", "b"]])
group("h-night-date-shift", "a night storming dated to the 5th by one outlet and the 6th by another (coder-like date error)", [
    C("a", "ru", "ru", "2020-10-06", {**RIOT, **BISHKEK}, "В ночь на 6 октября протестующие заняли здание парламента."),
    C("b", "wire", "en", "2020-10-05", {**RIOT, **BISHKEK}, "Late on Monday protesters broke into the parliament building."),
], [["a", "b"]])
group("h-region-tip", "a tip names only the region; the outlet names the town", [
    C("a", "tip", "ky", "2020-10-08", {**PROT, **NARYN_REGION}, "Нарын облусунда эл митингге чыкты, жүздөгөн адамдар."),
    C("b", "indep", "ru", "2020-10-08", {**PROT, **NARYN}, "В Нарыне несколько сотен человек вышли на митинг у здания администрации."),
], [["a", "b"]])
group("h-counter-protest", "a rally and a counter-rally on one square the same day", [
    C("a", "indep", "en", "2020-10-12", {**PROT, **BISHKEK, "assoc_actor_1": "Supporters of Sadyr Japarov"}, "Supporters of Sadyr Japarov rallied on Ala-Too square demanding his appointment."),
    C("b", "ru", "ru", "2020-10-12", {**PROT, **BISHKEK, "assoc_actor_1": "Opponents of Sadyr Japarov"}, "Противники Садыра Жапарова провели встречный митинг, требуя соблюдения конституции."),
    C("c", "wire", "en", "2020-10-12", {**PROT, **BISHKEK, "assoc_actor_1": "Supporters of Sadyr Japarov"}, "Hundreds of Japarov's backers gathered in the central square of the capital."),
], [["a", "c"], ["b"]])
group("h-two-statements-same-govt", "one government's statements on two different days are two events", [
    C("a", "ru", "ru", "2020-10-06", {**STATEMENT, **KGZ, "plover_type": "CONSULT", "actor1": "Government of Russia"}, "МИД России призвал стороны к сдержанности."),
    C("b", "ru", "ru", "2020-10-09", {**STATEMENT, **KGZ, "plover_type": "CONSULT", "actor1": "Government of Russia"}, "Кремль заявил, что считает своим долгом помочь Киргизии стабилизировать ситуацию."),
], [["a"], ["b"]])
group("h-copy-chain", "a wire story, a copy of it, and a copy of the copy", [
    C("a", "wire", "en", "2020-10-09", {**OTHER, **BISHKEK, "political_event": "state_of_emergency", "actor1": "Sooronbay Jeenbekov"}, "President Jeenbekov declared a state of emergency in Bishkek."),
    C("b", "wirecopy", "en", "2020-10-09", {**OTHER, **BISHKEK, "political_event": "state_of_emergency", "actor1": "Sooronbay Jeenbekov"}, "President Jeenbekov declared a state of emergency in Bishkek.", copy_of="a"),
    C("c", "digest", "en", "2020-10-09", {**OTHER, **BISHKEK, "political_event": "state_of_emergency", "actor1": "Sooronbay Jeenbekov"}, "President Jeenbekov declared a state of emergency in Bishkek.", copy_of="b"),
], [["a", "b", "c"]])
group("h-osh-jalal-same-week", "a week-precision digest of an Osh rally and a dated Jalal-Abad rally", [
    C("a", "digest", "en", "2020-10-18", {**PROT, **OSH}, "During the week residents of Osh rallied in support of the new government.", event_date="2020-10-14", time_precision=2),
    C("b", "indep", "ru", "2020-10-14", {**PROT, **JALAL}, "В Джалал-Абаде прошёл митинг в поддержку нового правительства."),
    C("c", "ky", "ky", "2020-10-13", {**PROT, **OSH}, "Ош шаарында жаңы өкмөттү колдогон митинг болду."),
], [["a", "c"], ["b"]])
group("h-mine-ky-en", "an attack on a mine told in Kyrgyz and English", [
    C("a", "ky", "ky", "2020-10-07", {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction", "actor1": "Rioters (Kyrgyzstan)", "inter1": 5, "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Talas", "location": "Talas", "latitude": 42.52, "longitude": 72.24, "geo_precision": 2, "target_owner_iso3": "CAN"}, "Таласта канадалык компанияга таандык кенге кол салынып, техника өрттөлдү."),
    C("b", "wire", "en", "2020-10-07", {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction", "actor1": "Rioters (Kyrgyzstan)", "inter1": 5, "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Talas", "location": "Talas", "latitude": 42.52, "longitude": 72.24, "geo_precision": 2, "target_owner_iso3": "CAN"}, "A crowd set fire to equipment at a Canadian-owned mine near Talas."),
], [["a", "b"]])

with open(Path(__file__).with_name("heldout.jsonl"), "w", encoding="utf-8") as f:
    for line in lines:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
print(len(lines), "groups")
