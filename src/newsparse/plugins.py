"""The plugin manager: loads built-in and third-party plugins and collects what they register.

pluggy is used for discovery and registration only. Plugins implement
``newsparse_register_extractors(register)`` and ``newsparse_register_readers(register)``;
newsparse walks the implementations one plugin at a time, so it knows which plugin registered
which extractor, and then calls the extractors itself (see `newsparse.pipeline`).

Loading rules:

* built-in plugins are registered first, through the same ``register`` path as everyone else;
* each entry point of the ``newsparse`` group is loaded in its own ``try``: a plugin that fails
  to import is warned about and listed with its error, and the rest load (``strict=True`` or
  ``NEWSPARSE_STRICT_PLUGINS=1`` raises instead);
* ``NEWSPARSE_PLUGINS`` (comma-separated; empty = none) lists the third-party plugins to load;
  ``NEWSPARSE_DISABLE_PLUGINS`` blocks plugins *and* extractors or readers by name, built-ins
  included. Both are read when a manager loads, never at import;
* ``check_pending()`` runs after loading, so a misspelt hook name is reported, not ignored;
* two extractors (or readers) with one name: the first registered wins and the second is
  reported as an error of its plugin. To replace a built-in, disable it by name.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import logging
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import pluggy

from newsparse import hookspecs
from newsparse.errors import PluginError
from newsparse.model import Finding
from newsparse.typing import Extractor, Reader

__all__ = [
    "BUILTIN_PLUGINS",
    "BUILTIN_READERS",
    "PluginInfo",
    "PluginManager",
    "default_finding_types",
    "get_manager",
    "reset_manager",
]

logger = logging.getLogger(__name__)

#: Built-in plugins: (plugin name, module). Registered like third-party plugins, before them.
#: Readers come first; extractor plugins are named after the extractor they register.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("plain", "newsparse.readers.plain"),
    ("page", "newsparse.readers.page"),
    ("html", "newsparse.readers.html"),
    ("newsplease", "newsparse.readers.records"),
    ("dates", "newsparse.extractors.dates"),
    ("quotations", "newsparse.extractors.quotations"),
    ("agreements", "newsparse.extractors.agreements"),
    ("casualties", "newsparse.extractors.casualties"),
)

#: The built-in readers (everything in `BUILTIN_PLUGINS` that is not an extractor).
BUILTIN_READERS: tuple[str, ...] = ("plain", "page", "html", "newsplease")

ENV_ALLOW = "NEWSPARSE_PLUGINS"
ENV_BLOCK = "NEWSPARSE_DISABLE_PLUGINS"
ENV_STRICT = "NEWSPARSE_STRICT_PLUGINS"


@attrs.frozen(kw_only=True)
class PluginInfo:
    """One plugin as `newsparse plugins` lists it."""

    name: str
    """The plugin's name: the entry-point name, or the built-in's name."""

    builtin: bool
    """True for the plugins that ship with newsparse."""

    distribution: str | None = None
    """The installed distribution that provides it (third-party plugins)."""

    version: str | None = None
    """That distribution's version."""

    hooks: tuple[str, ...] = ()
    """The hooks it implements."""

    extractors: tuple[str, ...] = ()
    """Names of the extractors it registered."""

    readers: tuple[str, ...] = ()
    """Names of the readers it registered."""

    error: str | None = None
    """Why it failed to load or register, when it did."""

    blocked: bool = False
    """True when it was not loaded because of an allow- or blocklist."""


@attrs.frozen(kw_only=True)
class Registered:
    """An extractor or reader and the plugin that registered it."""

    obj: Any
    plugin: str


def _names(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(part.strip() for part in value.split(",") if part.strip())


class PluginManager:
    """A typed facade over `pluggy.PluginManager` for newsparse's two hooks.

    Args:
        entry_points: load third-party plugins from the ``newsparse`` entry-point group.
        builtins: register the built-in readers and extractors: True (all), False (none) or the
            names of the ones to register (e.g. ``("plain", "page")`` for the readers only).
        allow: third-party plugin names to load (None: ``NEWSPARSE_PLUGINS`` if set, else all).
        block: plugin, extractor and reader names to leave out (added to ``NEWSPARSE_DISABLE_PLUGINS``).
        strict: raise `PluginError` on the first plugin that fails instead of warning.
    """

    def __init__(
        self,
        *,
        entry_points: bool = True,
        builtins: bool | Iterable[str] = True,
        allow: Iterable[str] | None = None,
        block: Iterable[str] = (),
        strict: bool | None = None,
    ) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        env_allow = _names(os.environ.get(ENV_ALLOW))
        self.allow: frozenset[str] | None = frozenset(allow) if allow is not None else env_allow
        self.blocked: frozenset[str] = frozenset(block) | (_names(os.environ.get(ENV_BLOCK)) or frozenset())
        self.strict = strict if strict is not None else os.environ.get(ENV_STRICT, "") not in ("", "0")
        self._builtin_names: set[str] = set()
        self._infos: dict[str, PluginInfo] = {}
        self._errors: dict[str, str] = {}
        self._cache: tuple[dict[str, Registered], dict[str, Registered]] | None = None
        for name in self.blocked:
            self.pm.set_blocked(name)
        if builtins is not False:
            self._load_builtins(None if builtins is True else frozenset(builtins))
        if entry_points:
            self._load_entry_points()
        self._check_pending()

    # -- loading -------------------------------------------------------------------------------

    def _fail(self, name: str, message: str, exc: BaseException | None = None) -> None:
        if self.strict:
            raise PluginError(f"plugin {name!r}: {message}") from exc
        self._errors[name] = message
        warnings.warn(f"newsparse plugin {name!r} skipped: {message}", RuntimeWarning, stacklevel=3)

    def _load_builtins(self, only: frozenset[str] | None) -> None:
        for name, module_name in BUILTIN_PLUGINS:
            if only is not None and name not in only:
                continue
            self._builtin_names.add(name)
            if name in self.blocked:
                self._infos[name] = PluginInfo(name=name, builtin=True, blocked=True)
                continue
            try:
                module = importlib.import_module(module_name)
                self.pm.register(module, name=name)
            except Exception as exc:  # a broken built-in must not stop the others either
                self._fail(name, f"{type(exc).__name__}: {exc}", exc)

    def _load_entry_points(self) -> None:
        for entry_point in importlib.metadata.entry_points(group=hookspecs.PROJECT_NAME):
            name = entry_point.name
            dist = entry_point.dist
            info = PluginInfo(
                name=name,
                builtin=False,
                distribution=dist.metadata["Name"] if dist else None,
                version=dist.version if dist else None,
            )
            if name in self.blocked or (self.allow is not None and name not in self.allow):
                self._infos[name] = attrs.evolve(info, blocked=True)
                continue
            if self.pm.get_plugin(name) is not None:
                continue  # the same distribution seen twice on sys.path
            self._infos[name] = info
            try:
                plugin = entry_point.load()
                self.pm.register(plugin, name=name)
            except Exception as exc:  # a plugin's import error is its own, not ours
                logger.debug("loading plugin %s failed", name, exc_info=True)
                self._fail(name, f"{type(exc).__name__}: {exc}", exc)

    def _check_pending(self) -> None:
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            name = self.pm.get_name(exc.plugin) or repr(exc.plugin)
            self.pm.unregister(exc.plugin)
            self._fail(name, str(exc), exc)
            self._check_pending()

    # -- registering at run time (tests, notebooks) ------------------------------------------

    def register(self, plugin: object, name: str | None = None) -> str:
        """Register a plugin object (a module or an instance with hook implementations)."""
        registered = self.pm.register(plugin, name=name)
        if registered is None:
            raise PluginError(f"plugin {name!r} is blocked or already registered")
        self._check_pending()
        self._cache = None
        return registered

    def unregister(self, name: str) -> None:
        """Remove a plugin registered under `name`."""
        self.pm.unregister(name=name)
        self._infos.pop(name, None)
        self._errors.pop(name, None)
        self._cache = None

    # -- what the plugins registered --------------------------------------------------------

    def _collect(self) -> tuple[dict[str, Registered], dict[str, Registered]]:
        if self._cache is not None:
            return self._cache
        extractors: dict[str, Registered] = {}
        readers: dict[str, Registered] = {}
        # Built-ins first (in their fixed order), then third parties by name: registration
        # order means nothing.
        plugins = sorted(
            self.pm.list_name_plugin(),
            key=lambda item: (item[0] not in self._builtin_names, _builtin_rank(item[0]), item[0]),
        )
        for plugin_name, plugin in plugins:
            if plugin is None:
                continue
            self._call_register(
                plugin_name, plugin, "newsparse_register_extractors", extractors, _check_extractor
            )
            self._call_register(plugin_name, plugin, "newsparse_register_readers", readers, _check_reader)
        self._cache = (extractors, readers)
        return self._cache

    def _call_register(
        self,
        plugin_name: str,
        plugin: object,
        hook_name: str,
        into: dict[str, Registered],
        check: Callable[[Any], str | None],
    ) -> None:
        hook = getattr(self.pm.hook, hook_name)
        for impl in hook.get_hookimpls():
            if impl.plugin is not plugin:
                continue

            def register(obj: Any, _plugin: str = plugin_name) -> None:
                problem = check(obj)
                if problem:
                    raise PluginError(problem)
                name = obj.name
                if name in self.blocked:
                    return
                if name in into:
                    raise PluginError(f"{name!r} is already registered by plugin {into[name].plugin!r}")
                into[name] = Registered(obj=obj, plugin=_plugin)

            try:
                # Opt-in arguments: pass only what the implementation asks for.
                impl.function(**{arg: register for arg in impl.argnames if arg == "register"})
            except Exception as exc:
                self._fail(plugin_name, f"{hook_name}: {type(exc).__name__}: {exc}", exc)

    def extractors(self) -> dict[str, Registered]:
        """Registered extractors by name (blocked names left out)."""
        return dict(self._collect()[0])

    def readers(self) -> dict[str, Registered]:
        """Registered readers by name (blocked names left out)."""
        return dict(self._collect()[1])

    def finding_types(self) -> dict[str, type[Finding]]:
        """The `Finding` class of each registered extractor, for rebuilding results from JSON."""
        return {
            name: getattr(entry.obj, "finding_type", Finding) for name, entry in self.extractors().items()
        }

    def list_plugins(self, *, include_builtin: bool = True) -> list[PluginInfo]:
        """Every plugin known to this manager: loaded, blocked or broken."""
        extractors, readers = self._collect()
        infos: dict[str, PluginInfo] = dict(self._infos)
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            info = infos.get(name) or PluginInfo(name=name, builtin=name in self._builtin_names)
            hooks = tuple(sorted(caller.name for caller in self.pm.get_hookcallers(plugin) or ()))
            infos[name] = attrs.evolve(
                info,
                hooks=hooks,
                extractors=tuple(sorted(n for n, e in extractors.items() if e.plugin == name)),
                readers=tuple(sorted(n for n, r in readers.items() if r.plugin == name)),
            )
        for name, message in self._errors.items():
            base = infos.get(name) or PluginInfo(name=name, builtin=name in self._builtin_names)
            infos[name] = attrs.evolve(base, error=message)
        result = sorted(infos.values(), key=lambda i: (not i.builtin, _builtin_rank(i.name), i.name))
        return [info for info in result if include_builtin or not info.builtin]

    @property
    def errors(self) -> Mapping[str, str]:
        """Plugins that failed to load or register, with the reason."""
        return dict(self._errors)


def _builtin_rank(name: str) -> int:
    for rank, (builtin, _module) in enumerate(BUILTIN_PLUGINS):
        if builtin == name:
            return rank
    return len(BUILTIN_PLUGINS)


def _check_extractor(obj: Any) -> str | None:
    if not isinstance(getattr(obj, "name", None), str) or not obj.name:
        return f"extractor {obj!r} has no name"
    if not callable(obj):
        return f"extractor {obj.name!r} is not callable"
    requires = getattr(obj, "requires", None)
    if not isinstance(requires, tuple) or not all(isinstance(r, str) for r in requires):
        return f"extractor {obj.name!r}: requires must be a tuple of names"
    if not isinstance(obj, Extractor):
        return f"extractor {obj.name!r} lacks finding_type or config (see newsparse.typing.Extractor)"
    return None


def _check_reader(obj: Any) -> str | None:
    if not isinstance(getattr(obj, "name", None), str) or not obj.name:
        return f"reader {obj!r} has no name"
    if not isinstance(obj, Reader):
        return f"reader {obj.name!r} lacks sniff() or read() (see newsparse.typing.Reader)"
    return None


_default: PluginManager | None = None


def get_manager() -> PluginManager:
    """The process-wide manager, created (and the environment read) on first use."""
    global _default
    if _default is None:
        _default = PluginManager()
    return _default


def reset_manager() -> None:
    """Forget the process-wide manager, so the next use reloads plugins and re-reads the environment."""
    global _default
    _default = None


def default_finding_types() -> dict[str, type[Finding]]:
    """Finding classes of the extractors installed here (used by `Article.from_dict`)."""
    return get_manager().finding_types()
