"""Event typing: ACLED sub-event types from realistic one-sentence reports (samples we wrote)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.coding import Coder
from sitroom.coding.actors.resolver import ActorRef
from sitroom.coding.typing.types import Roles, acled_type
from sitroom.coding.typing.vocabulary import EVENT_TYPE_OF, SUB_EVENT_TYPES
from sitroom.model import Document

CASES = [
    ("On 12 March 2019, police fired tear gas at protesters in Bishkek.",
     "Protest with intervention"),
    ("Unidentified gunmen killed 3 civilians in Mopti on Monday.", "Attack"),
    ("An IED exploded near a military convoy in Kidal, killing two soldiers.",
     "Remote explosive/landmine/IED"),
    ("Military forces clashed with Al-Shabaab in Lower Shabelle.", "Armed clash"),
    ("Police shot dead two protesters in Lagos during a demonstration.",
     "Excessive force against protesters"),
    ("Hundreds of demonstrators stormed the parliament building and set it on fire.",
     "Violent demonstration"),
    ("A mob lynched a man accused of theft in Kano.", "Mob violence"),
    ("Boko Haram fighters abducted 20 girls from a school in Borno.",
     "Abduction/forced disappearance"),
    ("Troops recaptured the town of Palma from insurgents.", "Government regains territory"),
    ("Teachers held a peaceful rally in Osh demanding higher wages.", "Peaceful protest"),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu.", "Suicide bomb"),
    ("Warplanes carried out airstrikes on rebel positions near Idlib.", "Air/drone strike"),
    ("Rebels shelled the outskirts of Donetsk with artillery overnight.",
     "Shelling/artillery/missile attack"),
    ("Police arrested the opposition leader in Minsk.", "Arrests"),
    ("An unknown assailant threw a grenade into a bar in Bujumbura.", "Grenade"),
    ("Soldiers raped two women in a village near Beni.", "Sexual violence"),
    ("Police defused a roadside bomb near Kabul.", "Disrupted weapons use"),
    ("The two factions signed a ceasefire agreement in Juba.", "Agreement"),
    # second round: precedence and unopposed territory (samples we wrote)
    ("Rebel fighters entered Goma on Sunday without resistance as the army fled.",
     "Non-violent transfer of territory"),
    ("Army troops captured Kidal after two days of fighting with rebels.",
     "Government regains territory"),
    ("Protesters captured the parliament building in Bishkek after clashes with police.",
     "Violent demonstration"),
    ("The two armies signed a cessation of hostilities in Addis Ababa on Friday.", "Agreement"),
    ("Police dispersed opposition supporters in Conakry on Monday; one person was killed.",
     "Excessive force against protesters"),
    ("A crowd set fire to a bus and looted shops in Dublin on Thursday.", "Mob violence"),
    ("Insurgents fired shells filled with chlorine at army positions near Mosul.",
     "Chemical weapon"),
    ("Police arrested 12 men suspected of plotting attacks in Nairobi.", "Arrests"),
    ("Российская авиация в среду нанесла удар по рынку в Мариуполе.", "Air/drone strike"),
    ("Пограничники изъяли в воскресенье крупную партию оружия на границе.",
     "Disrupted weapons use"),
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sub_event_type(coder: Coder, text: str, expected: str) -> None:
    claims = coder.code(Document("t", text, date(2019, 3, 13)))
    assert [c.sub_event_type for c in claims][:1] == [expected], claims
    assert claims[0].event_type == EVENT_TYPE_OF[expected]


def test_vocabulary_is_acled_6_25() -> None:
    assert len(SUB_EVENT_TYPES) == 25
    assert len(set(EVENT_TYPE_OF.values())) == 6


def _ref(kind: str) -> ActorRef:
    return ActorRef(kind, None, kind)


def test_precedence_rules_without_text() -> None:
    # a protest that turns violent is a riot, even with police intervention
    assert acled_type({"protest", "stone", "disperse"}, Roles()) == "Violent demonstration"
    # a peaceful protest with arrests is a protest with intervention
    assert acled_type({"protest", "arrest"}, Roles()) == "Protest with intervention"
    # an explosive beats an attack; a suicide bomb beats an IED
    assert acled_type({"attack", "ied"}, Roles()) == "Remote explosive/landmine/IED"
    assert acled_type({"ied", "suicide"}, Roles()) == "Suicide bomb"
    # two armed sides fight: battle; an armed side on civilians: violence against civilians
    assert acled_type({"attack"}, Roles(_ref("rebel"), _ref("state"))) == "Armed clash"
    assert acled_type({"kill"}, Roles(_ref("militia"), _ref("civilians"))) == "Attack"
    assert acled_type({"kill"}, Roles(_ref("state"), _ref("protesters")),
                      protest_context=True) == "Excessive force against protesters"


def test_statements_and_political_turns(coder: Coder) -> None:
    claims = coder.code(Document("p", "The president resigned on Thursday.", date(2020, 10, 16),
                                 country="KGZ"))
    assert [(c.political_event, c.event_type) for c in claims] == [
        ("resignation", "Strategic developments")]
    claims = coder.code(Document("s", "Russia said it held talks with the opposition leaders.",
                                 date(2020, 10, 16), country="KGZ"))
    assert claims and claims[0].plover_type == "CONSULT"
    assert claims[0].political_event == "foreign_government_statement"
    assert claims[0].event_type is None and claims[0].inter1 == 8
