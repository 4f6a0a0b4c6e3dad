"""HTML charset handling: BOM, valid UTF-8, declared charset, detection."""

from __future__ import annotations

from newsparse.readers.decode import decode_html, decode_source, looks_like_html

QUOTE = "“We hope the ceasefire holds,” the minister said on Thursday."


def page(meta: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head>{meta}<title>News</title></head><body><p>{body}</p></body></html>"


def test_latin1_label_is_read_as_windows_1252() -> None:
    data = page('<meta charset="iso-8859-1">', QUOTE).encode("cp1252")
    assert QUOTE in decode_html(data)


def test_valid_utf8_wins_over_a_wrong_label() -> None:
    data = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', QUOTE).encode()
    assert QUOTE in decode_html(data)


def test_the_transport_charset_comes_before_the_meta() -> None:
    text = "Переговоры возобновятся в Женеве на следующей неделе."
    data = page('<meta charset="iso-8859-1">', text).encode("cp1251")
    assert text in decode_html(data, declared="windows-1251")


def test_unknown_labels_fall_back_to_detection() -> None:
    text = "Переговоры между делегациями возобновятся в Женеве на следующей неделе, заявили официальные лица."
    data = page('<meta charset="no-such-charset">', text).encode("cp1251")
    assert text in decode_html(data)


def test_bytes_that_look_like_html_take_the_html_path() -> None:
    text = "Переговоры между делегациями возобновятся в Женеве на следующей неделе."
    assert text in decode_source(page('<meta charset="windows-1251">', text).encode("cp1251"))
    assert looks_like_html(b'<?xml version="1.0"?>\n<!-- saved -->\n<html lang="en">')
    assert not looks_like_html(b"Officials said <b>today</b> that talks would resume.")
