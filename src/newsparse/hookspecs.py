"""The hook specifications: the whole plugin API of newsparse.

Hooks *register* things (the llm/datasette style); newsparse then calls the registered
extractors and readers itself, so it knows which plugin produced what, can isolate failures,
order extractors by `requires` and pass each its own configuration.

Specs only ever gain parameters, and implementations may accept fewer parameters than the
spec (pluggy's opt-in arguments), so plugins written today keep working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newsparse.typing import ExtractorRegistrar, ReaderRegistrar

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "newsparse"  #: the pluggy project name and the entry-point group

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    """Register extractor objects by calling ``register(extractor)`` once for each.

    An extractor has a unique ``name``, ``requires`` (names of extractors whose findings it
    reads), ``finding_type`` and ``config``, and is called as
    ``extractor(article, document, found)``; see `newsparse.typing.Extractor`.

    .. versionadded:: 0.1
    """


@hookspec
def newsparse_register_readers(register: ReaderRegistrar) -> None:
    """Register reader objects by calling ``register(reader)`` once for each.

    A reader has a unique ``name`` (the ``format=`` value), ``sniff(source)`` returning
    how sure it is that the source is its format, and ``read(source, url=..., published=...)``
    returning an `Article`; see `newsparse.typing.Reader`.

    .. versionadded:: 0.1
    """
