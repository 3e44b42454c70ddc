"""Places from context: dateline inheritance, digests paragraph by paragraph, lower-case notes.

Every text here is a sample written for these tests, not a news text.
"""

from __future__ import annotations

from datetime import date

from sitroom.coding import Coder
from sitroom.coding.places.gazetteer import default_gazetteer
from sitroom.coding.places.truecase import lowercase_only, truecased
from sitroom.model import Document

DIGEST = """World roundup (sample).

Kyrgyzstan: protesters rallied in Bishkek on Sunday demanding the president's resignation.

Armenia and Azerbaijan: fighting continued on Sunday. Azerbaijan said 10 civilians were killed \
when shells hit Ganja.

Belarus: police detained more than 600 people at a march in Minsk on Sunday."""


def test_digest_paragraphs_keep_their_own_country_and_toll() -> None:
    claims = Coder().code(Document("d", DIGEST, date(2020, 10, 12), lang="en"))
    by_place = {c.location: (c.iso3, c.fatalities) for c in claims}
    assert by_place["Bishkek"] == ("KGZ", 0)
    assert by_place["Ganja"] == ("AZE", 10)
    assert by_place["Minsk"] == ("BLR", 0)


def test_dateline_town_is_inherited_with_lower_precision() -> None:
    text = ("OSH, Kyrgyzstan — Several hundred people rallied outside the regional administration "
            "on Monday to demand a new vote.\n\nPolice later dispersed the crowd, witnesses said.")
    claims = Coder().code(Document("o", text, date(2020, 10, 6), lang="en"))
    assert [(c.location, c.iso3, c.geo_precision) for c in claims] == [("Osh", "KGZ", 3)]


def test_lowercase_notes_get_capitals_only_on_safe_place_names() -> None:
    gaz = default_gazetteer()
    assert truecased("thousands rallied in downtown vienna and in austria", gaz) == \
        "thousands rallied in downtown Vienna and in Austria"
    same = "in march, students marched in support of a ban in reading"
    assert truecased(same, gaz) == same  # months, common words and small towns stay as written
    assert lowercase_only("police dispersed them") and not lowercase_only("Police dispersed")


def test_lowercase_note_is_placed() -> None:
    note = ("tens of thousands of people rallied in downtown vienna on sunday to demonstrate "
            "against the new government.")
    claims = Coder().code(Document("n", note, date(2000, 2, 20), lang="en"))
    assert claims and claims[0].location == "Vienna" and claims[0].iso3 == "AUT"
