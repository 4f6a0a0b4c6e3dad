"""The plugin system: loading, isolation, allow/block lists, listing, entry points.

Every hook has a ``test_hook_<name>`` here (checked by ``test_every_hook_has_a_test``).
Plugins are registered on fresh managers and always unregistered (`newsparse.testing`).
"""

from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

import newsparse
from newsparse import hookspecs
from newsparse.model import Article, Finding
from newsparse.plugins import PluginManager
from newsparse.testing import BUILTIN_READERS, plugin_manager, registered
from newsparse.text.document import Document

ROOT = Path(__file__).resolve().parent.parent


@attrs.frozen(kw_only=True)
class WordFinding(Finding):
    """A word the test extractor found."""

    upper: bool = False
    """Whether it is written in capitals."""


@attrs.frozen(kw_only=True)
class WordConfig:
    """Options of the test extractor."""

    word: str = "ceasefire"
    """The word to look for."""

    limit: int = attrs.field(default=10, validator=attrs.validators.instance_of(int))
    """At most this many findings."""


@attrs.frozen
class WordExtractor:
    """Finds one word; a minimal, well-formed extractor."""

    name: str = "words"
    requires: tuple[str, ...] = ()
    finding_type: ClassVar[type[WordFinding]] = WordFinding
    config: WordConfig = attrs.field(factory=WordConfig)

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> Iterable[Finding]:
        text, word = article.text, self.config.word
        start = text.lower().find(word)
        results = []
        while start >= 0 and len(results) < self.config.limit:
            end = start + len(word)
            results.append(WordFinding(extractor=self.name, start=start, end=end, text=text[start:end]))
            start = text.lower().find(word, end)
        return results


@attrs.frozen
class CountingExtractor:
    """Reads the findings of the extractor it requires."""

    name: str = "counting"
    requires: tuple[str, ...] = ("words",)
    finding_type: ClassVar[type[Finding]] = Finding
    config: None = None

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> Iterable[Finding]:
        assert set(found) == {"words"}  # only what it requires
        return [Finding(extractor=self.name, start=f.start, end=f.end, text=f.text) for f in found["words"]]

    def summarize(self, article: Article, findings: tuple[Finding, ...]) -> dict[str, int]:
        return {"count": len(findings)}


@attrs.frozen
class RaisingExtractor:
    name: str = "raising"
    requires: tuple[str, ...] = ()
    finding_type: ClassVar[type[Finding]] = Finding
    config: None = None

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> list[Finding]:
        raise RuntimeError("model not found")


@attrs.frozen
class BadSpanExtractor:
    name: str = "badspan"
    requires: tuple[str, ...] = ()
    finding_type: ClassVar[type[Finding]] = Finding
    config: None = None

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> list[Finding]:
        return [Finding(extractor=self.name, start=0, end=3, text="not what is there")]


def extractor_plugin(*extractors: object, name: str = "test-plugin") -> types.SimpleNamespace:
    """A plugin object registering the given extractors."""

    class Plugin:
        __name__ = name

        @newsparse.hookimpl
        def newsparse_register_extractors(self, register: newsparse.typing.ExtractorRegistrar) -> None:
            for extractor in extractors:
                register(extractor)  # type: ignore[arg-type]

    return Plugin()  # type: ignore[return-value]


TEXT = "Both sides agreed a ceasefire on Monday. The CEASEFIRE held."


# -- hooks ------------------------------------------------------------------------------------------


def test_hook_newsparse_register_extractors() -> None:
    manager = plugin_manager()
    with registered(manager, extractor_plugin(WordExtractor()), name="words-plugin"):
        article = newsparse.parse(TEXT, format="plain", manager=manager, extractors=["words"])
        info = {i.name: i for i in manager.list_plugins()}["words-plugin"]
    assert [f.text for f in article.extractions["words"]] == ["ceasefire", "CEASEFIRE"]
    assert info.extractors == ("words",)
    assert info.hooks == ("newsparse_register_extractors",)
    assert "words" not in manager.extractors()  # unregistered again


def test_hook_newsparse_register_readers() -> None:
    @attrs.frozen
    class ShoutReader:
        name: str = "shout"

        def sniff(self, source: str) -> float:
            return 0.95 if source.startswith("!!") else 0.0

        def read(self, source: str, *, url: str | None = None, published: object = None) -> Article:
            return Article(text=source.lstrip("!").upper(), reader=self.name)

    class Plugin:
        @newsparse.hookimpl
        def newsparse_register_readers(self, register: newsparse.typing.ReaderRegistrar) -> None:
            register(ShoutReader())

    manager = plugin_manager()
    with registered(manager, Plugin(), name="shout-plugin"):
        assert newsparse.parse("!!quiet", manager=manager).text == "QUIET"  # sniffed
        assert newsparse.parse("hello", format="shout", manager=manager, extractors=[]).text == "HELLO"
    with pytest.raises(newsparse.ConfigError, match="unknown format 'shout'"):
        newsparse.parse("hello", format="shout", manager=manager)


def test_every_hook_has_a_test() -> None:
    hooks = [name for name in dir(hookspecs) if name.startswith("newsparse_")]
    assert hooks, "no hookspecs found"
    for hook in hooks:
        assert f"test_hook_{hook}" in globals(), f"hook {hook} has no test_hook_{hook}"


# -- ordering, requires, summaries ------------------------------------------------------------------


def test_extractors_run_in_requires_order_whatever_the_registration_order() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    # Registered dependent-first; the pipeline must still run "words" before "counting".
    with (
        registered(manager, extractor_plugin(CountingExtractor(), name="a"), name="a"),
        registered(manager, extractor_plugin(WordExtractor(), name="b"), name="b"),
    ):
        pipeline = newsparse.Pipeline(manager=manager)
        article = pipeline.parse(TEXT, format="plain")
    assert pipeline.extractor_names == ("words", "counting")
    assert len(article.extractions["counting"]) == 2
    assert article.summaries == {"counting": {"count": 2}}


def test_requesting_an_extractor_adds_what_it_requires() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with registered(manager, extractor_plugin(WordExtractor(), CountingExtractor())):
        pipeline = newsparse.Pipeline(manager=manager, extractors=["counting"])
    assert pipeline.extractor_names == ("words", "counting")


def test_disabling_a_requirement_skips_its_dependents_with_a_warning() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with registered(manager, extractor_plugin(WordExtractor(), CountingExtractor())):
        with pytest.warns(RuntimeWarning, match="counting"):
            pipeline = newsparse.Pipeline(manager=manager, disable=["words"])
        assert pipeline.extractor_names == ()
        with pytest.raises(newsparse.ConfigError, match="disabled"):
            newsparse.Pipeline(manager=manager, extractors=["counting"], disable=["words"])


def test_requires_cycle_is_a_config_error() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    first = WordExtractor(name="first", requires=("second",))
    second = WordExtractor(name="second", requires=("first",))
    with (
        registered(manager, extractor_plugin(first, second)),
        pytest.raises(newsparse.ConfigError, match="cycle"),
    ):
        newsparse.Pipeline(manager=manager)


def test_unknown_extractor_names_are_config_errors() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with pytest.raises(newsparse.ConfigError, match="unknown extractor"):
        newsparse.Pipeline(manager=manager, extractors=["nope"])
    with pytest.raises(newsparse.ConfigError, match="cannot disable unknown"):
        newsparse.Pipeline(manager=manager, disable=["nope"])


# -- isolation ----------------------------------------------------------------------------------------


def test_a_raising_extractor_becomes_an_error_and_others_keep_their_findings() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with registered(
        manager, extractor_plugin(WordExtractor(), RaisingExtractor(), name="mixed"), name="mixed"
    ):
        article = newsparse.parse(TEXT, format="plain", manager=manager)
        assert [f.text for f in article.extractions["words"]] == ["ceasefire", "CEASEFIRE"]
        assert "raising" not in article.extractions
        assert [(e.extractor, e.plugin, e.message) for e in article.errors] == [
            ("raising", "mixed", "RuntimeError: model not found")
        ]
        with pytest.raises(newsparse.ExtractorError, match="raising") as caught:
            newsparse.parse(TEXT, format="plain", manager=manager, strict=True)
        assert isinstance(caught.value.__cause__, RuntimeError)


def test_dependents_of_a_failed_extractor_run_without_its_findings() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    broken_words = RaisingExtractor(name="words")
    with registered(manager, extractor_plugin(broken_words, CountingExtractor())):
        article = newsparse.parse(TEXT, format="plain", manager=manager)
    assert [e.extractor for e in article.errors] == ["words"]
    assert article.extractions["counting"] == ()
    assert article.summaries == {"counting": {"count": 0}}


def test_findings_whose_span_does_not_match_their_text_are_an_error() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with registered(manager, extractor_plugin(BadSpanExtractor(), WordExtractor())):
        article = newsparse.parse(TEXT, format="plain", manager=manager)
    assert "badspan" not in article.extractions
    assert "does not match" in article.errors[0].message
    assert article.extractions["words"]


def test_keyboard_interrupt_is_not_swallowed() -> None:
    @attrs.frozen
    class Interrupting(RaisingExtractor):
        name: str = "interrupting"

        def __call__(
            self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
        ) -> list[Finding]:
            raise KeyboardInterrupt

    manager = plugin_manager(builtins=BUILTIN_READERS)
    with registered(manager, extractor_plugin(Interrupting())), pytest.raises(KeyboardInterrupt):
        newsparse.parse(TEXT, format="plain", manager=manager)


# -- configuration --------------------------------------------------------------------------------------


def test_per_extractor_config_is_applied_and_validated() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with registered(manager, extractor_plugin(WordExtractor())):
        article = newsparse.parse(TEXT, format="plain", manager=manager, config={"words": {"word": "monday"}})
        assert [f.text for f in article.extractions["words"]] == ["Monday"]
        with pytest.raises(
            newsparse.ConfigError, match=r"extractor 'words': unknown option\(s\) \['colour'\]"
        ):
            newsparse.parse(TEXT, format="plain", manager=manager, config={"words": {"colour": "red"}})
        with pytest.raises(newsparse.ConfigError, match="extractor 'words'"):
            newsparse.parse(TEXT, format="plain", manager=manager, config={"words": {"limit": "ten"}})
        with pytest.raises(newsparse.ConfigError, match="config for unknown extractor"):
            newsparse.parse(TEXT, format="plain", manager=manager, config={"wrods": {"word": "x"}})


def test_extractor_without_config_rejects_options() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS)
    with (
        registered(manager, extractor_plugin(WordExtractor(), CountingExtractor())),
        pytest.raises(newsparse.ConfigError, match="'counting' takes no options"),
    ):
        newsparse.Pipeline(manager=manager, config={"counting": {"x": 1}})


# -- registration problems ------------------------------------------------------------------------------


def test_duplicate_extractor_name_keeps_the_first_and_reports_the_second() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS, strict=False)
    manager.register(extractor_plugin(WordExtractor(config=WordConfig(word="a"))), name="first")
    manager.register(extractor_plugin(WordExtractor(config=WordConfig(word="b"))), name="second")
    with pytest.warns(RuntimeWarning, match="already registered by plugin 'first'"):
        extractors = manager.extractors()
    assert extractors["words"].plugin == "first"
    assert "second" in manager.errors


def test_malformed_extractor_is_reported() -> None:
    manager = plugin_manager(builtins=BUILTIN_READERS, strict=False)
    manager.register(extractor_plugin(object()), name="junk")
    with pytest.warns(RuntimeWarning, match="junk"):
        assert manager.extractors() == {}
    assert "has no name" in manager.errors["junk"]


def test_misspelt_hook_is_caught_by_check_pending() -> None:
    class Typo:
        @newsparse.hookimpl
        def newsparse_register_extractor(self, register: object) -> None:  # missing "s"
            raise AssertionError("never called")

    manager = plugin_manager(builtins=BUILTIN_READERS, strict=True)
    with pytest.raises(newsparse.PluginError, match="newsparse_register_extractor"):
        manager.register(Typo(), name="typo")


def test_blocked_names_cover_plugins_and_extractors() -> None:
    manager = plugin_manager(builtins=True, block=["page"])
    assert "page" not in manager.readers()
    assert next(i for i in manager.list_plugins() if i.name == "page").blocked
    manager = plugin_manager(builtins=BUILTIN_READERS, block=["words"])
    with registered(manager, extractor_plugin(WordExtractor())):
        assert "words" not in manager.extractors()


# -- entry points (a real installed distribution, faked with a temporary dist-info) ----------------------


def make_distribution(site: Path, name: str, module: str, source: str | None) -> None:
    """Write a tiny installed distribution exposing ``module`` in the ``newsparse`` group."""
    dist_info = site / f"{name.replace('-', '_')}-1.2.3.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n")
    entry_name = name.removeprefix("newsparse-")
    (dist_info / "entry_points.txt").write_text(f"[newsparse]\n{entry_name} = {module}\n")
    if source is not None:
        (site / f"{module}.py").write_text(textwrap.dedent(source))


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for module in [m for m in sys.modules if m.startswith(("np_test_", "newsparse_weapons"))]:
        del sys.modules[module]


def test_example_weapons_plugin_is_discovered_through_its_entry_point(
    site: Path, monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    make_distribution(site, "newsparse-weapons", "newsparse_weapons", None)
    monkeypatch.syspath_prepend(str(ROOT / "plugins" / "newsparse-weapons" / "src"))
    newsparse.plugins.reset_manager()
    info = {i.name: i for i in newsparse.list_plugins()}["weapons"]
    assert (info.distribution, info.version, info.extractors, info.error) == (
        "newsparse-weapons",
        "1.2.3",
        ("weapons",),
        None,
    )
    article = newsparse.parse(seed_text)
    weapons = [f.text for f in article.extractions["weapons"]]
    assert "Turkish fighter jets" in weapons
    assert "heavy weapons" in weapons

    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGINS", "weapons")
    newsparse.plugins.reset_manager()
    assert "weapons" not in newsparse.parse(seed_text).extractions
    assert next(i for i in newsparse.list_plugins() if i.name == "weapons").blocked


def test_allowlist_env_limits_third_party_plugins(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_distribution(site, "newsparse-np-one", "np_test_one", _WORD_PLUGIN_SOURCE.format(name="one"))
    make_distribution(site, "newsparse-np-two", "np_test_two", _WORD_PLUGIN_SOURCE.format(name="two"))
    monkeypatch.setenv("NEWSPARSE_PLUGINS", "np-two")
    manager = PluginManager()
    assert "two" in manager.extractors()
    assert "one" not in manager.extractors()
    monkeypatch.setenv("NEWSPARSE_PLUGINS", "")
    manager = PluginManager()
    assert {"one", "two"}.isdisjoint(manager.extractors())
    assert "plain" in manager.readers()  # built-ins are not third-party plugins


def test_a_plugin_that_fails_to_import_is_listed_and_does_not_stop_parse(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_distribution(site, "newsparse-np-broken", "np_test_broken", "raise ImportError('needs torch')\n")
    make_distribution(site, "newsparse-np-fine", "np_test_fine", _WORD_PLUGIN_SOURCE.format(name="fine"))
    newsparse.plugins.reset_manager()
    with pytest.warns(RuntimeWarning, match="np-broken"):
        article = newsparse.parse(TEXT, format="plain")
    assert article.extractions["fine"]
    broken = next(i for i in newsparse.list_plugins() if i.name == "np-broken")
    assert broken.error == "ImportError: needs torch"
    from newsparse.cli import main

    assert main(["plugins"]) == 0
    assert "ImportError: needs torch" in capsys.readouterr().out
    with pytest.raises(newsparse.PluginError, match="np-broken"):
        PluginManager(strict=True)


_WORD_PLUGIN_SOURCE = """
import attrs
import newsparse
from newsparse.model import Finding


@attrs.frozen
class Extractor:
    name: str = "{name}"
    requires: tuple = ()
    finding_type: type = Finding
    config: None = None

    def __call__(self, article, document, found):
        start = article.text.find("ceasefire")
        if start < 0:
            return []
        return [Finding(extractor=self.name, start=start, end=start + 9, text="ceasefire")]


@newsparse.hookimpl
def newsparse_register_extractors(register):
    register(Extractor())
"""
