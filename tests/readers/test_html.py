"""The html reader: trafilatura's result mapped into the Article model. Synthetic pages only."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import newsparse
from newsparse.readers import html as html_reader
from newsparse.readers.html_meta import clean_title

pytest.importorskip("trafilatura")

BODY_1 = (
    "GENEVA, March 5 (Reuters) - Negotiators from both sides will meet again in Geneva next week, "
    "officials said on Thursday, after talks broke down last month over the release of prisoners."
)
BODY_2 = (
    "The two delegations have exchanged lists of detainees, a United Nations spokesman told reporters, "
    "adding that a first swap could take place before the end of the month."
)
BODY_3 = (
    "Diplomats cautioned that any agreement would depend on a ceasefire holding in the north, where "
    "fighting flared again over the weekend and dozens of families fled their homes."
)


def page(
    *,
    head: str = "",
    header: str = "",
    body: str = "",
    title: str = "Talks to resume in Geneva next week | Daily Planet",
) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Daily Planet">{head}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<article>{header}
{body or f"<p>{BODY_1}</p><h2>Prisoner exchange</h2><p>{BODY_2}</p><p>{BODY_3}</p>"}
</article>
<footer><p>© 2020 Daily Planet. All rights reserved.</p></footer></body></html>"""


STORY = page(
    head="""<meta property="article:published_time" content="2020-03-05T14:02:00+00:00">
<meta property="article:section" content="World">
<meta name="description" content="Short teaser that is not printed.">
<link rel="canonical" href="https://example.org/world/geneva-talks">
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person",
"name": "Planet Staff"}, "datePublished": "2020-03-05T14:02:00+00:00"}</script>""",
    header="""<h1>Talks to resume in Geneva next week</h1>
<div class="byline">By <a rel="author" href="/jane">Jane Doe</a> and
<a rel="author" href="/john">John Smith</a>, Senior Correspondent</div>""",
)


@pytest.fixture(scope="module")
def story() -> newsparse.Article:
    return newsparse.parse(STORY, extractors=[])


def test_auto_format_picks_the_html_reader(story: newsparse.Article) -> None:
    assert story.reader == "html"


def test_title_is_the_visible_headline_without_site_suffix(story: newsparse.Article) -> None:
    assert story.title == "Talks to resume in Geneva next week"


def test_visible_byline_wins_over_structured_data_and_drops_roles(story: newsparse.Article) -> None:
    assert story.authors == ["Jane Doe", "John Smith"]


def test_published_keeps_the_time_and_the_raw_string(story: newsparse.Article) -> None:
    assert story.published == dt.datetime(2020, 3, 5, 14, 2, tzinfo=dt.timezone.utc)
    assert story.published_raw == "2020-03-05T14:02:00+00:00"


def test_url_section_and_language(story: newsparse.Article) -> None:
    assert story.url == "https://example.org/world/geneva-talks"
    assert story.section == "World"
    assert story.language == "en"


def test_text_is_title_then_body_blocks_in_order(story: newsparse.Article) -> None:
    kinds = [p.kind for p in story.paragraphs]
    assert kinds == ["title", "paragraph", "heading", "paragraph", "paragraph"]
    assert story.text == "\n\n".join(
        ["Talks to resume in Geneva next week", BODY_1, "Prisoner exchange", BODY_2, BODY_3]
    )
    for paragraph in story.paragraphs:
        assert story.text[paragraph.start : paragraph.end] == paragraph.text


def test_navigation_and_footer_are_not_text(story: newsparse.Article) -> None:
    assert "Home" not in story.text
    assert "All rights reserved" not in story.text


def test_given_url_and_published_override_the_page() -> None:
    article = newsparse.parse(STORY, url="https://short.example/x", published="2020-03-06", extractors=[])
    assert article.url == "https://short.example/x"
    assert article.published == dt.date(2020, 3, 6)


def test_metadata_author_is_used_without_a_byline_and_staff_is_dropped() -> None:
    with_person = page(
        head='<meta name="author" content="Maria Garcia">',
        header="<h1>Talks to resume in Geneva next week</h1>",
    )
    assert newsparse.parse(with_person, extractors=[]).authors == ["Maria Garcia"]
    staff = page(
        head='<meta name="author" content="Planet Staff">',
        header="<h1>Talks to resume in Geneva next week</h1>",
    )
    assert newsparse.parse(staff, extractors=[]).authors == []


def test_bylines_in_comments_and_teasers_are_ignored() -> None:
    html = page(
        header="<h1>Talks to resume in Geneva next week</h1><div class='byline'>By Maria Garcia</div>",
        body=f"""<p>{BODY_1}</p><p>{BODY_2}</p>
<aside class="related"><div class="byline">By Peter Other</div><a href="/x">Another story entirely</a></aside>
<section class="comments"><div class="comment-author">Angry Reader</div><p>I disagree.</p></section>""",
    )
    assert newsparse.parse(html, extractors=[]).authors == ["Maria Garcia"]


def test_comment_authors_are_never_the_authors() -> None:
    html = page(
        header="<h1>Talks to resume in Geneva next week</h1>",
        body=f"""<p>{BODY_1}</p><p>{BODY_2}</p>
<section class="comments"><div class="byline">By Angry Reader</div><p>I disagree with all of this.</p></section>""",
    )
    assert newsparse.parse(html, extractors=[]).authors == []


def test_figure_captions_and_credits_become_images() -> None:
    html = page(
        header="<h1>Talks to resume in Geneva next week</h1>",
        body=f"""<p>{BODY_1}</p>
<figure><img src="a.jpg" alt="Delegates at a table">
<figcaption>Delegates met in Geneva in February <span class="credit">Jane Roe/Reuters</span></figcaption>
</figure><p>{BODY_2}</p>""",
    )
    article = newsparse.parse(html, extractors=[])
    assert article.images == (
        newsparse.Image(
            caption="Delegates met in Geneva in February",
            credit="Jane Roe/Reuters",
            alt="Delegates at a table",
        ),
    )
    assert "Delegates met" not in article.text or article.text.count("Delegates met") <= 1


def test_description_equal_to_the_first_paragraph_is_the_lede() -> None:
    html = page(
        head=f'<meta name="description" content="{BODY_1}">',
        header="<h1>Talks to resume in Geneva next week</h1>",
    )
    article = newsparse.parse(html, extractors=[])
    assert article.lede == BODY_1
    assert [p.kind for p in article.paragraphs][:2] == ["title", "lede"]


def test_headline_in_the_same_block_as_the_body_is_not_repeated() -> None:
    html = f"<html><body><h1>Talks to resume in Geneva next week</h1><p>{BODY_1}</p></body></html>"
    article = newsparse.parse(html, extractors=[])
    assert article.text.count("Talks to resume") == 1
    assert BODY_1 in article.text


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Talks to resume in Geneva | Daily Planet", "Talks to resume in Geneva"),
        ("Daily Planet - Talks to resume in Geneva", "Talks to resume in Geneva"),
        ("Talks to resume | World | Daily Planet", "Talks to resume"),
        (
            "Talks to resume in Geneva after a long pause - Planet",
            "Talks to resume in Geneva after a long pause",
        ),
        ("Ceasefire - what we know so far", "Ceasefire - what we know so far"),
        ("No separator here at all", "No separator here at all"),
    ],
)
def test_clean_title_strips_site_names(title: str, expected: str) -> None:
    assert clean_title(title, site="Daily Planet", host="dailyplanet.example") == expected or (
        clean_title(title) == expected
    )


def test_title_from_metadata_when_the_page_has_no_headline() -> None:
    html = page(header="")
    assert newsparse.parse(html, extractors=[]).title == "Talks to resume in Geneva next week"


@pytest.mark.parametrize(
    ("encoding", "headline", "body"),
    [
        (
            "cp1251",
            "Переговоры возобновятся в Женеве",
            "Переговоры между делегациями возобновятся в Женеве на следующей неделе, заявили в четверг "
            "официальные лица. Стороны обменялись списками задержанных и обсудили условия перемирия.",
        ),
        (
            "shift_jis",
            "ジュネーブで協議再開へ",
            "両国の代表団は来週ジュネーブで協議を再開すると、当局者が木曜日に明らかにした。"
            "双方は拘束者の名簿を交換し、停戦の条件について話し合った。",
        ),
    ],
)
@pytest.mark.parametrize("declared", [True, False])
def test_legacy_encodings_decode_right(encoding: str, headline: str, body: str, declared: bool) -> None:
    meta = f'<meta charset="{encoding}">' if declared else ""
    html = (
        f"<!DOCTYPE html><html><head>{meta}<title>{headline}</title></head>"
        f"<body><article><h1>{headline}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    article = newsparse.parse(html.encode(encoding), extractors=[])
    assert article.title == headline
    assert body in article.text


def test_broken_html_still_gives_an_article() -> None:
    html = f"<html><body><article><h1>Talks to resume in Geneva next week<p>{BODY_1}<p>{BODY_2}<div><span>"
    article = newsparse.parse(html, extractors=[])
    assert BODY_2 in article.text


def test_page_without_text_is_a_clear_error() -> None:
    with pytest.raises(newsparse.ParseError, match="no article text"):
        newsparse.parse("<!DOCTYPE html><html><head></head><body><div></div></body></html>", extractors=[])


def test_twenty_megabyte_page_of_scripts_gives_a_result() -> None:
    script = "<script>var state = '" + "x" * 19_500_000 + "';</script>"
    html = page(
        header="<h1>Talks to resume in Geneva next week</h1>", body=f"<p>{BODY_1}</p>{script}<p>{BODY_2}</p>"
    )
    article = newsparse.parse(html.encode(), extractors=[])
    # Past a text node of 10 MB libxml2 stops unless told otherwise: the end must be there.
    assert BODY_2 in article.text
    assert "xxxx" not in article.text


def test_twenty_megabyte_page_of_elements_is_a_clear_error() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i} of a page far longer than any news article.</p>" for i in range(290_000)
    )
    html = page(header="<h1>Talks to resume in Geneva next week</h1>", body=paragraphs)
    assert 19_000_000 < len(html) < 20_000_000
    with pytest.raises(newsparse.ParseError, match="elements, over the html reader's limit"):
        newsparse.parse(html, extractors=[])


def test_over_the_character_limit_is_a_clear_error() -> None:
    html = page(body=f"<p>{BODY_1}</p><!--" + "x" * 20_100_000 + "-->")
    with pytest.raises(newsparse.ParseError, match="over the limit"):
        newsparse.parse(html, extractors=[])


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    html_reader._trafilatura.cache_clear()
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    try:
        with pytest.raises(newsparse.ParseError, match=r'pip install "newsparse\[html\]"'):
            newsparse.parse(STORY, format="html", extractors=[])
    finally:
        html_reader._trafilatura.cache_clear()
