"""Readers: turn a source (copied page text, plain text, HTML, records) into an `Article`.

Each reader module registers its reader through ``newsparse_register_readers``, the same hook
third-party readers use.
"""
