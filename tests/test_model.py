"""The model: frozen attrs classes, JSON-ready dicts that round-trip, field paths for spans."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

import newsparse
from newsparse.model import Article, ExtractionError, Finding, GenericFinding, Image, Paragraph, RelatedLink


@attrs.frozen(kw_only=True)
class ColourFinding(Finding):
    """A test finding with its own fields."""

    colour: str
    """The colour named."""

    shades: tuple[str, ...] = ()
    """Other names for it."""


def sample_article() -> Article:
    text = "Red alert\n\nThe red flag flew over the port."
    return Article(
        text=text,
        title="Red alert",
        section="World",
        authors=["Jane Doe"],
        published=dt.datetime(2020, 3, 5, 14, 2, tzinfo=dt.timezone.utc),
        published_raw="5 March 2020, 14:02 GMT",
        url="https://example.org/a",
        paragraphs=[
            Paragraph(start=0, end=9, kind="title", text="Red alert"),
            Paragraph(start=11, end=len(text), kind="paragraph", text=text[11:]),
        ],
        images=[Image(caption="The port", credit="Jane Doe/Example", alt=None)],
        related=[RelatedLink(title="Blue skies ahead", label="Read more")],
        boilerplate=["Share"],
        extractions={
            "colours": (
                ColourFinding(
                    extractor="colours", start=15, end=18, text="red", colour="red", shades=("crimson",)
                ),
                ColourFinding(
                    extractor="colours", start=0, end=4, text="Blue", colour="blue", field="related[0].title"
                ),
            )
        },
        summaries={"colours": {"red": {"min": 1, "max": None}}},
        errors=[ExtractionError(extractor="broken", message="ValueError: no", plugin="broken")],
    )


def test_article_is_frozen_and_keyword_only() -> None:
    article = sample_article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "Other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Article("positional text")  # type: ignore[misc]


def test_every_field_has_a_docstring() -> None:
    # attrs keeps no field docs at run time, so read them from the source, like Sphinx does.
    import inspect

    for cls in (Article, Paragraph, Image, RelatedLink, ExtractionError, Finding):
        source = inspect.getsource(cls)
        for field in attrs.fields(cls):
            if field.name in {f.name for f in attrs.fields(Finding)} and cls is not Finding:
                continue
            block = source.split(f"\n    {field.name}:", 1)[1]
            assert '"""' in block.split("\n")[1], f"{cls.__name__}.{field.name} has no docstring"


def test_to_dict_is_json_ready_and_round_trips() -> None:
    article = sample_article()
    data = json.loads(json.dumps(article.to_dict()))
    assert data["published"] == "2020-03-05T14:02:00+00:00"
    assert data["extractions"]["colours"][0] == {
        "extractor": "colours",
        "start": 15,
        "end": 18,
        "text": "red",
        "field": "text",
        "colour": "red",
        "shades": ["crimson"],
    }
    again = Article.from_dict(data, finding_types={"colours": ColourFinding})
    assert again == article


def test_unknown_extractors_come_back_as_generic_findings() -> None:
    data = sample_article().to_dict()
    again = Article.from_dict(data, finding_types={})
    finding = again.extractions["colours"][0]
    assert isinstance(finding, GenericFinding)
    assert finding.text == "red"
    assert finding.data == {"colour": "red", "shades": ("crimson",)}
    assert again.to_dict() == data


def test_from_dict_uses_installed_extractors_by_default() -> None:
    article = newsparse.parse("Plain words only.", format="plain")
    assert Article.from_dict(article.to_dict()) == article


def test_date_only_publication_stays_a_date() -> None:
    article = Article(text="x", published=dt.date(2020, 3, 5))
    assert article.to_dict()["published"] == "2020-03-05"
    assert Article.from_dict(article.to_dict()).published == dt.date(2020, 3, 5)


def test_text_of_resolves_field_paths() -> None:
    article = sample_article()
    assert article.text_of("text") is article.text
    assert article.text_of("title") == "Red alert"
    assert article.text_of("related[0].title") == "Blue skies ahead"
    assert article.text_of("images[0].caption") == "The port"
    for bad in ("related[5].title", "images[0].credit_card", "nonsense", "authors", "related[0]"):
        with pytest.raises(KeyError):
            article.text_of(bad)


def test_finding_from_dict_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        ColourFinding.from_dict(
            {"extractor": "c", "start": 0, "end": 1, "text": "r", "colour": "r", "hue": 3}
        )


def test_findings_accessor() -> None:
    article = sample_article()
    assert len(article.findings("colours")) == 2
    assert article.findings("absent") == ()
