"""Any str or bytes gives a result or a clear ParseError, in bounded time, with exact spans.

The time bounds here are generous on purpose (shared, noisy machines): they catch hangs and
quadratic blow-ups, not slowdowns. Speed is measured by the scripts in benchmarks/.
"""

from __future__ import annotations

import os
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.model import Article


def assert_spans_exact(article: Article) -> None:
    for name, findings in article.extractions.items():
        for finding in findings:
            source = article.text_of(finding.field)
            assert source[finding.start : finding.end] == finding.text, (name, finding)


news_alphabet = st.sampled_from(
    [
        *list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?-—()'\"“”‘’«»\n"),
        "said",
        "killed",
        "ceasefire",
        "Thursday",
        "March 5, 2020",
        "more than 30",
        "he",
        "she",
        "\n\n",
    ]
)
news_like_text = st.lists(news_alphabet, max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_plain_text_is_kept_exactly_and_spans_match(text: str) -> None:
    article = newsparse.parse(text, format="plain", published="2020-03-05")
    assert article.text == text
    assert_spans_exact(article)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like_text)
def test_news_like_text_never_crashes_an_extractor(text: str) -> None:
    article = newsparse.parse(text, format="plain", published="2020-03-05", strict=True)
    assert_spans_exact(article)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like_text)
def test_any_text_through_auto_gives_an_article_or_a_parse_error(text: str) -> None:
    try:
        article = newsparse.parse(text, published="2020-03-05", strict=True)
    except newsparse.ParseError:
        assert not text.strip()
        return
    assert_spans_exact(article)


def test_empty_input_is_a_clear_parse_error() -> None:
    for empty in ("", "   \n\n ", b"", b"\n"):
        with pytest.raises(newsparse.ParseError, match="empty"):
            newsparse.parse(empty)
    assert newsparse.parse("", format="plain").text == ""


def test_bytes_in_a_legacy_encoding_decode_instead_of_failing() -> None:
    source = "Kiew: Präsident sagte am Donnerstag, die Waffenruhe gelte.".encode("cp1252")
    article = newsparse.parse(source, format="plain")
    assert "Präsident" in article.text
    assert newsparse.parse(source, format="plain", encoding="cp1252").text == article.text


def test_wrong_explicit_encoding_is_a_parse_error() -> None:
    with pytest.raises(newsparse.ParseError, match="not valid utf-8"):
        newsparse.parse("Präsident".encode("cp1252"), encoding="utf-8")
    with pytest.raises(newsparse.ParseError, match="unknown encoding"):
        newsparse.parse(b"text", encoding="no-such-codec")


def test_utf8_bom_and_utf16_are_read() -> None:
    assert newsparse.parse("\ufeffHello there.".encode(), format="plain").text == "Hello there."
    assert newsparse.parse("Hello there.".encode("utf-16"), format="plain").text == "Hello there."


def test_random_binary_is_a_parse_error() -> None:
    rng = random.Random(7)
    for _ in range(20):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(50, 5000)))
        try:
            newsparse.parse(blob)
        except newsparse.ParseError:
            continue
        raise AssertionError("binary input was accepted")
    with pytest.raises(newsparse.ParseError, match="binary"):
        newsparse.parse(os.urandom(10_000))


def test_wrong_source_type_is_a_parse_error() -> None:
    with pytest.raises(newsparse.ParseError, match="str or bytes"):
        newsparse.parse(12345)  # type: ignore[arg-type]


def test_input_over_the_limit_is_a_parse_error() -> None:
    with pytest.raises(newsparse.ParseError, match="over the limit"):
        newsparse.Pipeline(max_chars=1000).parse("x" * 1001)


@pytest.mark.slow
def test_ten_megabytes_of_news_text_finish_in_bounded_time() -> None:
    paragraph = (
        'Officials said on Thursday that more than 30 soldiers were killed. "We hope the ceasefire holds," '
        "the minister told reporters, adding that the agreement signed in 2018 was still in force.\n\n"
    )
    text = paragraph * (10_000_000 // len(paragraph))
    started = time.perf_counter()
    article = newsparse.parse(text, format="plain", published="2020-03-05")
    elapsed = time.perf_counter() - started
    assert article.text == text
    assert elapsed < 600, f"10 MB took {elapsed:.0f} s"


def test_ten_megabytes_of_one_line_without_spaces_finish_quickly() -> None:
    text = "a" * 10_000_000
    started = time.perf_counter()
    article = newsparse.parse(text, format="plain")
    assert article.text == text
    assert time.perf_counter() - started < 120


def test_hostile_punctuation_finishes_quickly() -> None:
    for text in ('"' * 100_000, "(" * 50_000 + ")" * 50_000, "“" * 50_000 + "”" * 50_000, ". " * 100_000):
        started = time.perf_counter()
        article = newsparse.parse(text, format="plain", published="2020-03-05")
        assert_spans_exact(article)
        assert time.perf_counter() - started < 60


# Caches whose keys come from code, not from articles (a fixed set of patterns): unbounded is fine.
_CODE_KEYED_CACHES = {"newsparse.extractors.dates._re"}
# A cache keyed on article words must stay small: a stream of new names would otherwise grow a
# long batch's memory with every article (peak memory must stay flat from 1,000 to 10,000).
_MAX_CACHE_ENTRIES = 8192


def test_every_cache_keyed_on_article_content_is_bounded() -> None:
    import importlib
    import pkgutil

    caches = {}
    for module_info in pkgutil.walk_packages(newsparse.__path__, "newsparse."):
        if module_info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(module_info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for name, value in vars(module).items():
            if isinstance(value, type):
                continue  # a cache class (`WordTable`), not a cache
            if hasattr(value, "cache_info") and getattr(value, "__module__", None) == module.__name__:
                caches[f"{module.__name__}.{name}"] = value.cache_info().maxsize
    assert len(caches) > 10  # the walk found the word caches of the language layer
    unbounded = {name for name, size in caches.items() if size is None} - _CODE_KEYED_CACHES
    assert not unbounded
    large = {name: size for name, size in caches.items() if size is not None and size > _MAX_CACHE_ENTRIES}
    assert not large
