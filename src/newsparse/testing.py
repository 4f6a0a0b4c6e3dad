"""Helpers for testing newsparse plugins.

    from newsparse.testing import plugin_manager, registered

    def test_my_extractor_finds_weapons():
        manager = plugin_manager()                      # built-ins only, no installed plugins
        with registered(manager, my_plugin_module):
            article = newsparse.parse("...", format="plain", manager=manager)
        assert article.extractions["weapons"]

`plugin_manager()` never loads entry points unless asked, so tests do not depend on what is
installed; `registered()` always unregisters, even when the test fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from newsparse.plugins import BUILTIN_READERS, PluginManager

__all__ = ["BUILTIN_READERS", "plugin_manager", "registered"]


def plugin_manager(
    *,
    builtins: bool | Iterable[str] = True,
    entry_points: bool = False,
    block: Iterable[str] = (),
    strict: bool = True,
) -> PluginManager:
    """A fresh plugin manager for one test: built-ins only and strict by default.

    ``builtins=BUILTIN_READERS`` gives the built-in readers without the built-in extractors,
    so a test sees only the extractors it registers.
    """
    return PluginManager(builtins=builtins, entry_points=entry_points, block=block, strict=strict, allow=None)


@contextmanager
def registered(manager: PluginManager, plugin: object, name: str | None = None) -> Iterator[str]:
    """Register `plugin` on `manager` for the duration of a ``with`` block; yields its name."""
    plugin_name = manager.register(plugin, name=name)
    try:
        yield plugin_name
    finally:
        manager.unregister(plugin_name)
