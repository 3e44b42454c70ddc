"""Generates gold/merge/pairs.jsonl (sample texts written for sitroom; outlets are samples)."""
# ruff: noqa: E501 - one sample claim per line reads best
import json
from pathlib import Path

BISHKEK = dict(country="Kyrgyzstan", iso3="KGZ", admin1="Bishkek", location="Bishkek", latitude=42.8746, longitude=74.5698, geo_precision=1)
OSH = dict(country="Kyrgyzstan", iso3="KGZ", admin1="Osh", location="Osh", latitude=40.5283, longitude=72.7985, geo_precision=1)
JALAL = dict(country="Kyrgyzstan", iso3="KGZ", admin1="Jalal-Abad", location="Jalal-Abad", latitude=40.9333, longitude=73.0, geo_precision=1)
KARAKOL = dict(country="Kyrgyzstan", iso3="KGZ", admin1="Issyk-Kul", location="Karakol", latitude=42.4907, longitude=78.3936, geo_precision=1)
KGZ = dict(country="Kyrgyzstan", iso3="KGZ", admin1=None, location=None, latitude=None, longitude=None, geo_precision=3)
PROT = dict(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kyrgyzstan)", inter1=6)
RIOT = dict(event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Kyrgyzstan)", inter1=5)
EXC = dict(event_type="Protests", sub_event_type="Excessive force against protesters", actor1="Police Forces of Kyrgyzstan", inter1=1, actor2="Protesters (Kyrgyzstan)", inter2=6)
INTERV = dict(event_type="Protests", sub_event_type="Protest with intervention", actor1="Protesters (Kyrgyzstan)", inter1=6, actor2="Police Forces of Kyrgyzstan", inter2=1)
ARREST = dict(event_type="Strategic developments", sub_event_type="Arrests", actor1="Police Forces of Kyrgyzstan", inter1=1)
LOOT = dict(event_type="Strategic developments", sub_event_type="Looting/property destruction", actor1="Rioters (Kyrgyzstan)", inter1=5)
OTHER = dict(event_type="Strategic developments", sub_event_type="Other")

OUTLETS = {
    "wire": ("sample-wire", "western", ""), "wirecopy": ("sample-portal", "domestic", ""),
    "state": ("sample-state-tv", "domestic", "sample-state-group"), "state2": ("sample-state-radio", "domestic", "sample-state-group"),
    "indep": ("sample-independent", "domestic", ""), "ru": ("sample-russian-daily", "russian", ""),
    "ky": ("sample-kyrgyz-service", "western", ""), "cn": ("sample-chinese-agency", "chinese", ""),
    "digest": ("sample-weekly-digest", "regional", ""), "tip": (None, None, ""),
}

lines = []
def group(gid, note, claims, events):
    reports, cls = {}, []
    for cid, outlet_key, lang, published, fields, evidence, extra in claims:
        rid = f"{gid}-r{cid}"
        outlet, bloc, grp = OUTLETS[outlet_key]
        rep = {"report_id": rid, "outlet": outlet, "bloc": bloc, "group": grp, "lang": lang,
               "published": published, "kind": "tip" if outlet_key == "tip" else "article"}
        if extra.get("copy_of"):
            rep["near_duplicate_of"] = f"{gid}-r{extra.pop('copy_of')}"
        reports[rid] = rep
        c = {"id": f"{gid}-{cid}", "doc_id": rid, "time_precision": 1, "fatalities": 0}
        c.update(fields)
        c.update(extra)
        c["evidence"] = evidence
        cls.append(c)
    lines.append({"kind": "merge", "id": gid, "note": note, "sample": True,
                  "reports": list(reports.values()), "claims": cls,
                  "events": [[f"{gid}-{c}" for c in ev] for ev in events]})

def C(cid, outlet, lang, day, fields, evidence, **extra):
    extra.setdefault("event_date", day)
    return (cid, outlet, lang, day, fields, evidence, extra)

D5, D6, D7 = "2020-10-05", "2020-10-06", "2020-10-07"
group("storm-en-ru", "storming of the White House told in English and Russian", [
    C("a", "wire", "en", D6, {**RIOT, **BISHKEK}, "Protesters stormed the White House in Bishkek overnight and set part of it on fire.", fatalities=1),
    C("b", "ru", "ru", D6, {**RIOT, **BISHKEK}, "Ночью протестующие захватили Белый дом в Бишкеке, часть здания горела.", fatalities=1),
], [["a", "b"]])
group("storm-en-ky", "the same storming in English and Kyrgyz", [
    C("a", "wire", "en", D6, {**RIOT, **BISHKEK}, "Protesters stormed the White House in Bishkek overnight."),
    C("b", "ky", "ky", D6, {**RIOT, **BISHKEK}, "Нааразычылар түнү Бишкектеги Ак үйдү басып алышты."),
], [["a", "b"]])
group("storm-ky-ru-types", "one storming coded Riots by one outlet and Protests by another", [
    C("a", "ky", "ky", D6, {**PROT, **BISHKEK}, "Нааразычылар Ак үйгө кирип, имаратты ээлеп алышты."),
    C("b", "ru", "ru", D6, {**RIOT, **BISHKEK}, "Толпа ворвалась в здание Белого дома и заняла его."),
    C("c", "state", "ru", D6, {**RIOT, **BISHKEK}, "Участники митинга штурмом взяли здание правительства.", fatalities=0),
], [["a", "b", "c"]])
group("crowd-disputed", "one rally: the state outlet says 2,000, the independent one 5,000", [
    C("a", "state", "ru", D5, {**PROT, **BISHKEK}, "На площади Ала-Тоо собрались около двух тысяч человек.", crowd_size={"min": 2000, "max": 2000, "text": "около двух тысяч"}),
    C("b", "indep", "en", D5, {**PROT, **BISHKEK}, "At least 5,000 people rallied on Ala-Too square against the election results.", crowd_size={"min": 5000, "max": None, "text": "at least 5,000"}),
    C("c", "wire", "en", D5, {**PROT, **BISHKEK}, "Thousands of people protested in central Bishkek on Monday over the parliamentary vote.", crowd_size={"min": 2000, "max": None, "text": "thousands"}),
], [["a", "b", "c"]])
group("successive-days-square", "protests in the same square on three successive days stay three events", [
    C("a", "indep", "en", D5, {**PROT, **BISHKEK}, "Thousands gathered on Ala-Too square to protest the election results."),
    C("b", "indep", "en", D6, {**PROT, **BISHKEK}, "Protesters gathered again on Ala-Too square on Tuesday."),
    C("c", "indep", "en", D7, {**PROT, **BISHKEK}, "For a third day, demonstrators filled Ala-Too square."),
    C("d", "ru", "ru", D6, {**PROT, **BISHKEK}, "Во вторник протестующие вновь собрались на площади Ала-Тоо."),
], [["a"], ["b", "d"], ["c"]])
group("same-day-towns", "protests in three towns on one day are three events", [
    C("a", "wire", "en", D6, {**PROT, **OSH}, "Hundreds rallied in Osh demanding the annulment of the vote."),
    C("b", "wire", "en", D6, {**PROT, **JALAL}, "In Jalal-Abad, protesters gathered outside the regional administration."),
    C("c", "ru", "ru", D6, {**PROT, **KARAKOL}, "В Караколе сотни человек вышли на митинг против итогов выборов."),
    C("d", "ru", "ru", D6, {**PROT, **OSH}, "В Оше сотни людей вышли на митинг с требованием отменить итоги голосования."),
], [["a", "d"], ["b"], ["c"]])
group("wire-copy", "a wire story, its verbatim copy and an independent report", [
    C("a", "wire", "en", D5, {**EXC, **BISHKEK}, "Police fired tear gas and stun grenades to disperse protesters in Bishkek late on Monday.", injuries=590),
    C("b", "wirecopy", "en", D5, {**EXC, **BISHKEK}, "Police fired tear gas and stun grenades to disperse protesters in Bishkek late on Monday.", injuries=590, copy_of="a"),
    C("c", "indep", "ru", D5, {**EXC, **BISHKEK}, "Силовики применили слезоточивый газ и светошумовые гранаты против митингующих.", injuries=600),
], [["a", "b", "c"]])
group("digest-vs-story", "a weekly digest names the event loosely; the full story dates and places it", [
    C("a", "indep", "en", D6, {**OTHER, **BISHKEK, "political_event": "results_annulled"}, "The Central Election Commission annulled the results of the parliamentary election."),
    C("b", "digest", "en", "2020-10-11", {**OTHER, **KGZ, "political_event": "results_annulled"}, "Last week the election commission in Kyrgyzstan cancelled the vote results after mass protests.", event_date="2020-10-06", time_precision=2),
    C("c", "ru", "ru", D6, {**OTHER, **BISHKEK, "political_event": "results_annulled"}, "ЦИК Кыргызстана признал недействительными итоги парламентских выборов."),
], [["a", "b", "c"]])
group("digest-two-events", "a digest mentions a protest week and a resignation: different events", [
    C("a", "digest", "en", "2020-10-18", {**OTHER, **KGZ, "political_event": "resignation", "actor1": "Sooronbay Jeenbekov"}, "Within the week, President Jeenbekov resigned.", event_date="2020-10-15", time_precision=2),
    C("b", "wire", "en", "2020-10-15", {**OTHER, **BISHKEK, "political_event": "resignation", "actor1": "Sooronbay Jeenbekov"}, "Kyrgyz President Sooronbay Jeenbekov announced his resignation on Thursday.", event_date="2020-10-15"),
    C("c", "digest", "en", "2020-10-18", {**PROT, **KGZ}, "Supporters of Japarov rallied in the capital through the week.", event_date="2020-10-14", time_precision=2),
], [["a", "b"], ["c"]])
group("release-japarov", "a crowd frees a prisoner: Riots + release_from_custody vs a political_event only report", [
    C("a", "wire", "en", D6, {**RIOT, **BISHKEK, "political_event": "release_from_custody", "actor2": "Sadyr Japarov"}, "Supporters freed Sadyr Japarov from prison during the night of unrest."),
    C("b", "ru", "ru", D6, {**OTHER, **BISHKEK, "political_event": "release_from_custody", "actor2": "Sadyr Japarov"}, "Сторонники освободили Садыра Жапарова из мест лишения свободы."),
    C("c", "ky", "ky", D6, {**OTHER, **BISHKEK, "political_event": "release_from_custody", "actor2": "Sadyr Japarov"}, "Тарапкерлери Садыр Жапаровду түрмөдөн бошотуп чыгышты."),
], [["a", "b", "c"]])
group("release-two-people", "two prisoners freed the same night are two events", [
    C("a", "wire", "en", D6, {**OTHER, **BISHKEK, "political_event": "release_from_custody", "actor2": "Sadyr Japarov"}, "Protesters freed Sadyr Japarov from prison."),
    C("b", "wire", "en", D6, {**OTHER, **BISHKEK, "political_event": "release_from_custody", "actor2": "Almazbek Atambayev"}, "Protesters freed former president Almazbek Atambayev from the security service detention centre."),
    C("c", "ru", "ru", D6, {**OTHER, **BISHKEK, "political_event": "release_from_custody", "actor2": "Almazbek Atambayev"}, "Протестующие освободили бывшего президента Алмазбека Атамбаева из СИЗО ГКНБ."),
], [["a"], ["b", "c"]])
group("foreign-statements", "statements of two foreign governments are separate; one statement in two languages is one", [
    C("a", "ru", "ru", D6, {"event_type": None, "sub_event_type": None, "plover_type": "CONSULT", "political_event": "foreign_government_statement", "actor1": "Government of Russia", "inter1": 8, **KGZ}, "Кремль заявил, что обеспокоен ситуацией в Киргизии и рассчитывает на восстановление порядка."),
    C("b", "wire", "en", D6, {"event_type": None, "sub_event_type": None, "plover_type": "CONSULT", "political_event": "foreign_government_statement", "actor1": "Government of Russia", "inter1": 8, **KGZ}, "The Kremlin said it was concerned by the unrest in Kyrgyzstan and hoped order would be restored."),
    C("c", "wire", "en", D6, {"event_type": None, "sub_event_type": None, "plover_type": "REQUEST", "political_event": "foreign_government_statement", "actor1": "Government of the United States", "inter1": 8, **KGZ}, "The US embassy urged all sides to refrain from violence."),
], [["a", "b"], ["c"]])
group("arrests-vs-protest", "police arrests at a rally and the rally reported as one event", [
    C("a", "state", "ru", D5, {**ARREST, **OSH, "actor2": "Protesters (Kyrgyzstan)"}, "В Оше милиция задержала 12 участников несанкционированного митинга.", arrests=12),
    C("b", "indep", "en", D5, {**INTERV, **OSH}, "Police detained a dozen people at a rally in Osh.", arrests=12),
], [["a", "b"]])
group("mine-attacks", "attacks on two different mines the same day in one region", [
    C("a", "wire", "en", "2020-10-07", {**LOOT, "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Jalal-Abad", "location": "Toktogul", "latitude": 41.87, "longitude": 72.94, "geo_precision": 2, "target_owner_iso3": "CHN"}, "Locals attacked a Chinese-owned gold mine near Toktogul and looted equipment."),
    C("b", "wire", "en", "2020-10-07", {**LOOT, "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Talas", "location": "Talas", "latitude": 42.52, "longitude": 72.24, "geo_precision": 2, "target_owner_iso3": "CAN"}, "A mine owned by a Canadian company near Talas was set on fire."),
    C("c", "cn", "en", "2020-10-07", {**LOOT, "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Jalal-Abad", "location": "Toktogul", "latitude": 41.87, "longitude": 72.94, "geo_precision": 2, "target_owner_iso3": "CHN"}, "A gold mining site run by a Chinese company in Toktogul district was attacked by a crowd."),
], [["a", "c"], ["b"]])
group("clash-vs-rally-same-city", "a clash between rival camps and a peaceful rally, same day, same city", [
    C("a", "indep", "en", "2020-10-09", {**RIOT, **BISHKEK, "actor1": "Rioters (Kyrgyzstan)", "actor2": "Rioters (Kyrgyzstan)", "inter2": 5}, "Supporters of rival camps clashed near the Ala-Archa residence, throwing stones at each other."),
    C("b", "ru", "ru", "2020-10-09", {**PROT, **BISHKEK, "actor1": "Protesters (Kyrgyzstan)", "assoc_actor_1": "Social Democratic Party of Kyrgyzstan"}, "Сторонники Социал-демократической партии провели мирный митинг на Старой площади."),
    C("c", "wire", "en", "2020-10-09", {**RIOT, **BISHKEK, "actor1": "Rioters (Kyrgyzstan)", "actor2": "Rioters (Kyrgyzstan)", "inter2": 5}, "Rival groups of demonstrators fought with stones and bottles in Bishkek on Friday."),
], [["a", "c"], ["b"]])
group("tip-and-reports", "a tip from the square and two outlets, one owner", [
    C("a", "tip", "ru", D5, {**EXC, **BISHKEK}, "Пишу с площади: милиция стреляет газом и резиновыми пулями по людям."),
    C("b", "state", "ru", D5, {**EXC, **BISHKEK}, "Милиция применила спецсредства для разгона митингующих на площади Ала-Тоо."),
    C("c", "state2", "ru", D5, {**EXC, **BISHKEK}, "Правоохранительные органы применили спецсредства против участников митинга."),
], [["a", "b", "c"]])
group("fatalities-update", "a toll that rises as reports come in: one event", [
    C("a", "wire", "en", D6, {**EXC, **BISHKEK}, "One person was killed in overnight clashes in Bishkek, the health ministry said.", fatalities=1, injuries=590),
    C("b", "ru", "ru", D6, {**EXC, **BISHKEK}, "В результате столкновений в Бишкеке погиб один человек, пострадали около 600.", fatalities=1, injuries=600),
    C("c", "indep", "en", D6, {**EXC, **BISHKEK}, "A 19-year-old man died of his wounds after police broke up the rally.", fatalities=1),
], [["a", "b", "c"]])
group("different-countries", "protests the same day in Bishkek and in Almaty stay apart", [
    C("a", "wire", "en", D6, {**PROT, **BISHKEK}, "Protesters rallied in Bishkek against the vote."),
    C("b", "wire", "en", D6, {**PROT, "country": "Kazakhstan", "iso3": "KAZ", "admin1": "Almaty", "location": "Almaty", "latitude": 43.25, "longitude": 76.95, "geo_precision": 1}, "Kyrgyz citizens rallied outside their consulate in Almaty."),
], [["a"], ["b"]])
group("no-date", "a claim without a date is never merged", [
    C("a", "indep", "en", D6, {**PROT, **BISHKEK}, "Protesters rallied on Ala-Too square."),
    C("b", "digest", "en", D6, {**PROT, **BISHKEK}, "Protesters have rallied on Ala-Too square.", event_date=None, time_precision=None),
], [["a"], ["b"]])
group("month-precision", "a month-level claim joins the one matching event of that month", [
    C("a", "indep", "en", "2020-10-15", {**OTHER, **BISHKEK, "political_event": "appointment", "actor1": "Sadyr Japarov"}, "Parliament confirmed Sadyr Japarov as acting president."),
    C("b", "digest", "en", "2020-10-31", {**OTHER, **KGZ, "political_event": "appointment", "actor1": "Sadyr Japarov"}, "In October Japarov became acting president.", event_date="2020-10-01", time_precision=3),
], [["a", "b"]])
group("appointments-different-people", "two appointments in one week are different events", [
    C("a", "wire", "en", "2020-10-10", {**OTHER, **BISHKEK, "political_event": "appointment", "actor1": "Sadyr Japarov"}, "Parliament approved Sadyr Japarov as prime minister."),
    C("b", "wire", "en", "2020-10-10", {**OTHER, **BISHKEK, "political_event": "appointment", "actor1": "Kubatbek Boronov"}, "Kubatbek Boronov was named interior minister in the new cabinet."),
], [["a"], ["b"]])
group("ky-ru-rally-osh", "a rally in Osh in Kyrgyz and Russian, and an unrelated arrest elsewhere", [
    C("a", "ky", "ky", D7, {**PROT, **OSH}, "Ош шаарында жүздөгөн адамдар митингге чыгышты."),
    C("b", "ru", "ru", D7, {**PROT, **OSH}, "Сотни жителей Оша вышли на митинг в центре города."),
    C("c", "state", "ru", D7, {**ARREST, **JALAL, "actor2": "Civilians (Kyrgyzstan)", "inter2": 7}, "В Джалал-Абаде задержан бывший депутат по подозрению в подкупе избирателей.", arrests=1),
], [["a", "b"], ["c"]])
if __name__ == "__main__":
    with open(Path(__file__).with_name("pairs.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(len(lines), "groups")
