"""The page reader on the seed and on page texts written in the shape of other outlets.

The outlet-shaped pages below are invented for these tests (no real article text); they copy
only the *layout* habits of each outlet: where the byline, date, captions and links go.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import newsparse
from newsparse.readers.page import PageReader, person_names
from tests.conftest import SEED_NAME, SEEDS


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SEEDS / f"{SEED_NAME}.expected.json").read_text(encoding="utf-8"))


def read(text: str) -> newsparse.Article:
    return newsparse.parse(text, format="page", extractors=[])


# -- the seed ------------------------------------------------------------------------------------


def test_seed_fields_match_the_reviewed_expectation(seed_text: str, expected: dict) -> None:
    article = newsparse.parse(seed_text, extractors=[])
    assert article.reader == "page"  # chosen by sniffing, not by format=
    want = expected["article"]
    assert article.title == want["title"]
    assert article.section == want["section"]
    assert article.authors == want["authors"] == ["Roman Goncharenko"]
    assert article.published == dt.date(2020, 3, 5)
    assert article.published_raw == want["published_raw"]
    assert article.url == want["url"]
    assert article.lede == want["lede"]
    assert [(i.caption, i.credit, i.alt) for i in article.images] == [
        (i["caption"], i["credit"], i["alt"]) for i in want["images"]
    ]
    assert [r.title for r in article.related] == [r["title"] for r in want["related"]]


def test_seed_text_is_title_lede_headings_and_body_in_order(seed_text: str, expected: dict) -> None:
    article = newsparse.parse(seed_text, extractors=[])
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:2] == ["title", "lede"]
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == expected["headings"]
    assert [p.text for p in article.paragraphs if p.kind == "paragraph"] == expected["paragraphs"]
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)


def test_seed_text_holds_no_navigation_caption_credit_or_links(seed_text: str, expected: dict) -> None:
    article = newsparse.parse(seed_text, extractors=[])
    for fragment in expected["not_in_text"]:
        assert fragment not in article.text
    for image in article.images:
        assert image.caption not in article.text
    assert "Civilians paying the price in the battle for Idlib" in article.boilerplate


# -- other outlets' layouts -------------------------------------------------------------------------

REUTERS_SHAPE = """\
Skip to main content
Exclusive news, data and analytics for financial market professionals
World
Middle East

Ministers agree to extend grain corridor talks by two weeks

By Jane Okafor and Pieter van Dijk
March 5, 2020 2:12 PM UTC
Updated 5 years ago

ANKARA, March 5 (Reuters) - Negotiators from four countries agreed on Thursday to keep talking about the grain corridor for two more weeks, officials said.

Advertisement · Scroll to continue

The talks, held behind closed doors in the Turkish capital, ended without a signed text, three people familiar with the matter told Reuters.

A trader loads wheat at a port terminal. REUTERS/Samir Haddad/File Photo

"We are closer than we have ever been," one of the officials said.

Reporting by Jane Okafor in Ankara; Writing by Pieter van Dijk; Editing by Tom Baker

Our Standards: The Thomson Reuters Trust Principles.
"""

AP_SHAPE = """\
Middle East
Hundreds rally in capital as parliament weighs new election law
By MARTA DIAZ
Updated 2:03 PM EST, March 5, 2020
Share
Copy link copied
Email
Facebook
X
MADRID (AP) — Hundreds of people marched through the capital on Thursday as lawmakers debated a bill that would redraw electoral districts.
Protesters carried banners and chanted outside the parliament building for most of the afternoon.
Demonstrators gather outside parliament on Thursday, March 5, 2020. (AP Photo/Luis Romero)
The bill is expected to pass next week, according to party leaders.
"""

BBC_SHAPE = """\
Skip to content
Home
News
Sport
Flood defences breached after days of heavy rain
5 March 2020
Share
Image source, Getty Images
Image caption,
Rescue teams worked through the night in the town centre
By Samira Chowdhury
BBC News, Leeds
River levels rose past flood defences on Thursday after three days of rain, the Environment Agency said.
Residents of about 200 homes were told to leave, and two schools stayed closed.
What happens next?
Forecasters expect drier weather from the weekend, but warn that the ground is saturated.
Related Topics
Flooding
Leeds
More on this story
Town braces for more rain as rivers rise
"""

GUARDIAN_SHAPE = """\
World news
Coalition talks stall over budget as deadline nears
Negotiators fail to agree on spending plans, raising the prospect of a second election this year

Patrick Holloway Political editor
Thu 5 Mar 2020 14.02 GMT
Last modified on Thu 5 Mar 2020 18.40 GMT

Talks between the two largest parties stalled on Thursday after negotiators failed to agree on a spending plan, officials from both sides said.

The parties had set themselves a deadline of Friday to present a programme for government.
Party leaders arrive for talks in the capital on Thursday. Photograph: Anna Berg/EPA

Neither side has ruled out a return to the polls.

This article was amended on 6 March 2020 to correct the spelling of a name.
"""

ALJAZEERA_SHAPE = """\
News|Conflict
Ceasefire holds in border region as aid convoys arrive
Residents return to damaged homes as the first trucks in weeks reach the area.
By Omar Haddad
Published On 5 Mar 2020
5 Mar 2020
Aid trucks wait at a crossing point on Thursday [Omar Haddad/Al Jazeera]
A ceasefire in the border region held for a second day on Thursday as the first aid convoys in weeks reached the area, local officials said.
At least 12 trucks carrying food and medicine crossed in the morning.
Recommended Stories
list of 3 items
Follow Al Jazeera English:
"""


@pytest.mark.parametrize(
    ("page", "title", "authors", "published"),
    [
        (REUTERS_SHAPE, "Ministers agree to extend grain corridor talks by two weeks",
         ["Jane Okafor", "Pieter van Dijk"], dt.datetime(2020, 3, 5, 14, 12)),
        (AP_SHAPE, "Hundreds rally in capital as parliament weighs new election law",
         ["MARTA DIAZ"], dt.datetime(2020, 3, 5, 14, 3)),
        (BBC_SHAPE, "Flood defences breached after days of heavy rain", ["Samira Chowdhury"], dt.date(2020, 3, 5)),
        (GUARDIAN_SHAPE, "Coalition talks stall over budget as deadline nears",
         ["Patrick Holloway"], dt.datetime(2020, 3, 5, 14, 2)),
        (ALJAZEERA_SHAPE, "Ceasefire holds in border region as aid convoys arrive",
         ["Omar Haddad"], dt.date(2020, 3, 5)),
    ],
    ids=["reuters", "ap", "bbc", "guardian", "aljazeera"],
)  # fmt: skip
def test_outlet_layouts_give_title_authors_and_date(
    page: str, title: str, authors: list[str], published: dt.date
) -> None:
    assert PageReader().sniff(page) > PageReader().sniff("Just one plain sentence of text.")
    article = newsparse.parse(page, extractors=[])
    assert article.reader == "page"
    assert article.title == title
    assert article.authors == authors
    assert article.published == published


def test_reuters_shape_keeps_chrome_and_credits_out_of_the_text() -> None:
    article = read(REUTERS_SHAPE)
    assert article.text.startswith(article.title or "")
    assert "ANKARA, March 5 (Reuters)" in article.text
    for chrome in ("Advertisement", "Trust Principles", "Reporting by", "Skip to", "Updated 5 years ago"):
        assert chrome not in article.text
    assert [(i.caption, i.credit) for i in article.images] == [
        ("A trader loads wheat at a port terminal.", "REUTERS/Samir Haddad/File Photo")
    ]
    assert "A trader loads wheat" not in article.text
    assert article.text.rstrip().endswith("one of the officials said.")


def test_ap_shape_moves_share_links_and_caption_out() -> None:
    article = read(AP_SHAPE)
    assert article.section == "Middle East"
    assert "Copy link" not in article.text
    assert "Facebook" not in article.text
    assert [i.credit for i in article.images] == ["AP Photo/Luis Romero"]
    assert (article.images[0].caption or "").startswith("Demonstrators gather")
    assert "Demonstrators gather" not in article.text
    assert "The bill is expected to pass next week" in article.text


def test_bbc_shape_finds_caption_heading_and_related() -> None:
    article = read(BBC_SHAPE)
    assert [i.credit for i in article.images if i.credit] == ["Getty Images"]
    assert "Rescue teams worked through the night in the town centre" in [i.caption for i in article.images]
    assert "Rescue teams" not in article.text
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == ["What happens next?"]
    assert [r.title for r in article.related] == ["Town braces for more rain as rivers rise"]
    assert "BBC News, Leeds" not in article.text
    assert "Related Topics" not in article.text


def test_guardian_shape_reads_standfirst_as_lede_and_ignores_amendment_note() -> None:
    article = read(GUARDIAN_SHAPE)
    assert article.lede == (
        "Negotiators fail to agree on spending plans, raising the prospect of a second election this year"
    )
    assert article.section == "World news"
    assert article.images[0].credit == "Anna Berg/EPA"
    assert "This article was amended" not in article.text
    assert "Neither side has ruled out a return to the polls." in article.text


def test_aljazeera_shape_reads_bracketed_credit_and_drops_follow_lines() -> None:
    article = read(ALJAZEERA_SHAPE)
    assert article.lede == "Residents return to damaged homes as the first trucks in weeks reach the area."
    assert article.images[0].credit == "Omar Haddad/Al Jazeera"
    assert "Follow Al Jazeera" not in article.text
    assert "At least 12 trucks carrying food and medicine crossed in the morning." in article.text


def test_cookie_banner_and_print_lines_are_boilerplate() -> None:
    page = (
        "We use cookies to personalise content and ads. By continuing you accept our cookie policy.\n"
        "Accept all\nManage preferences\n\n"
        "Court upholds ban on night flights at city airport\n\nBy Lena Fischer\n5 March 2020\n\n"
        "Print\nShare on Facebook\n\n"
        "The court ruled on Thursday that the airport must keep its ban on night flights.\n\n"
        "The operator said it would study the judgment before deciding whether to appeal.\n"
    )
    article = read(page)
    assert article.title == "Court upholds ban on night flights at city airport"
    assert article.authors == ["Lena Fischer"]
    assert "cookie" not in article.text.lower()
    assert "Print" not in article.text
    assert "Facebook" not in article.text
    assert len([p for p in article.paragraphs if p.kind == "paragraph"]) == 2


def test_updated_dateline_does_not_replace_the_published_one() -> None:
    page = (
        "Trains return to normal timetable after strike ends\n\nBy Karl Jensen\n"
        "Published 4 March 2020\nUpdated 5 March 2020, 14:02 GMT\n\n"
        "Rail services returned to their normal timetable on Thursday after a two-day strike ended.\n"
    )
    article = read(page)
    assert article.published == dt.date(2020, 3, 4)
    assert article.published_raw == "Published 4 March 2020"


def test_only_updated_dateline_is_used_when_alone() -> None:
    page = (
        "Trains return to normal timetable after strike ends\n\n"
        "Updated 5 March 2020, 14:02 GMT\n\n"
        "Rail services returned to their normal timetable on Thursday after a two-day strike ended.\n"
    )
    assert read(page).published == dt.datetime(2020, 3, 5, 14, 2)


def test_body_sentences_that_start_like_labels_stay_in_the_text() -> None:
    page = (
        "Reports of fraud rise sharply in rural districts\n\nBy Ana Costa\nMarch 5, 2020\n\n"
        "Date fraud and romance scams rose by a third last year, police figures show.\n\n"
        "Related to this, banks have warned customers about fake investment offers.\n"
    )
    article = read(page)
    assert "Date fraud and romance scams" in article.text
    assert "Related to this, banks" in article.text
    assert article.related == ()


def test_hard_wrapped_paragraphs_are_joined() -> None:
    page = (
        "Storm closes ports along the northern coast\n\nBy Ana Costa\nMarch 5, 2020\n\n"
        "Ports along the northern coast closed on Thursday as a storm brought winds\n"
        "of more than 100 km/h, the coastguard said.\n\n"
        "Ferries will resume on Friday.\n"
    )
    article = read(page)
    assert (
        "Ports along the northern coast closed on Thursday as a storm brought winds of more than 100 km/h, "
        "the coastguard said." in article.text
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Jane Doe and John Smith, Reuters", ("Jane Doe", "John Smith")),
        ("Patrick Holloway Political editor", ("Patrick Holloway",)),
        ("Ursula von der Leyen", ("Ursula von der Leyen",)),
        ("Staff Reporter", ()),
        ("Jane Doe in Moscow", ("Jane Doe",)),
        ("Jane Doe | Associated Press", ("Jane Doe",)),
    ],
)
def test_person_names_in_bylines(byline: str, names: tuple[str, ...]) -> None:
    assert person_names(byline) == names


def test_page_without_any_structure_still_reads() -> None:
    article = read("Just a sentence. And another one.")
    assert article.text == "Just a sentence. And another one."
    assert article.title is None


def test_empty_page_is_a_parse_error() -> None:
    with pytest.raises(newsparse.ParseError, match="empty"):
        read(" \n\n \n")
