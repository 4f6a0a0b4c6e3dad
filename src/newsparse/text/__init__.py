"""The shared language layer: sentences, numbers, names and tense, computed once per article.

Extractors receive a `Document` (see `newsparse.text.document`) and use its properties rather
than splitting sentences or finding names themselves.
"""

from newsparse.text.document import Document, Entity, Mention, Sentence
from newsparse.text.numbers import NumberPhrase

__all__ = ["Document", "Entity", "Mention", "NumberPhrase", "Sentence"]
