"""Record readers: JSONL, news-please JSON and WARC files built here with warcio's writer."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

import newsparse
from newsparse.readers.records import Record, read_jsonl, read_path, read_warc, record_from_object

STORY = (
    "Negotiators from both sides will meet again in Geneva next week, officials said on Thursday, "
    "after talks broke down last month over the release of prisoners."
)
HTML = (
    "<!DOCTYPE html><html><head><title>Talks resume | Planet</title></head><body><article>"
    "<h1>Talks to resume in Geneva</h1>"
    f"<p>{STORY}</p><p>A United Nations spokesman said a first exchange of detainees could follow.</p>"
    "</article></body></html>"
)
NEWSPLEASE = {
    "authors": ["Jane Doe"],
    "date_download": "2020-03-06 08:00:00",
    "date_publish": "2020-03-05 14:02:00",
    "description": "Talks between the two sides are to resume next week.",
    "filename": "geneva-talks.json",
    "language": "en",
    "maintext": f"{STORY}\nA United Nations spokesman said a first exchange of detainees could follow.",
    "source_domain": "example.org",
    "title": "Talks to resume in Geneva",
    "url": "https://example.org/geneva-talks",
}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- JSONL ------------------------------------------------------------------------------------


def test_generic_records_keep_id_url_published_and_format(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "a1", "text": STORY, "published": "2020-03-05", "url": "https://x.example/a"}),
            json.dumps({"id": 7, "html": HTML}),
            json.dumps({"id": "a3", "text": STORY, "format": "plain"}),
        ],
    )
    records = list(read_jsonl(path))
    assert [r.id for r in records] == ["a1", "7", "a3"]
    assert records[0] == Record(
        source=STORY,
        id="a1",
        url="https://x.example/a",
        published="2020-03-05",
        where="in.jsonl line 1",
    )
    assert records[1].format == "html"
    assert records[2].format == "plain"


def test_bad_lines_become_error_records_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "Fine."}\n'
        b'{"id": "broken", "text": \n'
        b"\n"
        b'["not", "an", "object"]\n'
        b'{"id": "empty"}\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'{"id": "ok2", "text": "Also fine."}\n'
    )
    records = list(read_jsonl(path))
    assert [(r.id, r.where, r.error is None) for r in records] == [
        ("ok1", "in.jsonl line 1", True),
        (None, "in.jsonl line 2", False),
        (None, "in.jsonl line 4", False),
        ("empty", "in.jsonl line 5", False),
        (None, "in.jsonl line 6", False),
        ("ok2", "in.jsonl line 7", True),
    ]
    assert "invalid JSON" in (records[1].error or "")
    assert "expected a JSON object" in (records[2].error or "")
    assert 'no "text" or "html"' in (records[3].error or "")
    assert "not UTF-8" in (records[4].error or "")


def test_gzipped_jsonl_streams_and_a_truncated_one_ends_with_an_error(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": f"{STORY} ({i})"}) for i in range(200)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    whole = tmp_path / "in.jsonl.gz"
    whole.write_bytes(data)
    assert [r.id for r in read_jsonl(whole)] == [str(i) for i in range(200)]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    records = list(read_jsonl(cut))
    assert records[-1].error is not None
    assert "cannot read further" in records[-1].error
    assert all(r.error is None for r in records[:-1])


def test_news_please_lines_are_read_with_the_news_please_reader(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "np.jsonl", [json.dumps(NEWSPLEASE)])
    (record,) = read_jsonl(path)
    assert record.format == "newsplease"
    assert record.id == "geneva-talks.json"
    (article,) = newsparse.parse_many([record], extractors=[])
    assert isinstance(article, newsparse.Article)
    assert article.title == "Talks to resume in Geneva"


def test_record_from_object_refuses_wrong_types() -> None:
    assert record_from_object({"id": "x", "text": 5}).error == '"text" must be a string, not int'
    assert record_from_object({"id": "x", "text": "t", "format": 3}).error == '"format" must be a string'


# -- news-please ------------------------------------------------------------------------------


def test_news_please_object_maps_into_the_article() -> None:
    article = newsparse.parse(json.dumps(NEWSPLEASE), extractors=[])
    assert article.reader == "newsplease"
    assert article.title == "Talks to resume in Geneva"
    assert article.authors == ["Jane Doe"]
    assert article.published == dt.datetime(2020, 3, 5, 14, 2)
    assert article.published_raw == "2020-03-05 14:02:00"
    assert article.url == "https://example.org/geneva-talks"
    assert article.lede == "Talks between the two sides are to resume next week."
    assert article.language == "en"
    assert [p.kind for p in article.paragraphs] == ["title", "lede", "paragraph", "paragraph"]
    assert article.paragraphs[2].text == STORY


def test_news_please_description_repeating_the_body_is_not_doubled() -> None:
    obj = dict(NEWSPLEASE, description=STORY)
    article = newsparse.parse(json.dumps(obj), extractors=[])
    assert article.lede is None
    assert article.text.count(STORY) == 1


def test_news_please_reader_refuses_other_json() -> None:
    with pytest.raises(newsparse.ParseError, match="news-please"):
        newsparse.parse('{"maintext": 5}', format="newsplease", extractors=[])
    with pytest.raises(newsparse.ParseError, match="news-please"):
        newsparse.parse("{not json", format="newsplease", extractors=[])


# -- WARC -------------------------------------------------------------------------------------

warcio = pytest.importorskip("warcio")


def write_warc(path: Path, *, gzip_records: bool = True) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    cyrillic = (
        "<html><head><title>Переговоры</title></head><body><article><h1>Переговоры возобновятся в Женеве</h1>"
        "<p>Переговоры между делегациями возобновятся в Женеве на следующей неделе, заявили в четверг "
        "официальные лица.</p><p>Стороны обменялись списками задержанных и обсудили условия перемирия.</p>"
        "</article></body></html>"
    ).encode("cp1251")

    def response(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsparse tests"}))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("https://example.org/a", "request", http_headers=request)
        )
        response(writer, "https://example.org/a", "200 OK", "text/html; charset=utf-8", HTML.encode())
        response(
            writer, "https://example.org/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"
        )
        response(writer, "https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response(writer, "https://example.org/ru", "200 OK", "text/html; charset=windows-1251", cyrillic)
    return path


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_responses_are_read_and_the_rest_skipped(tmp_path: Path, compressed: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), gzip_records=compressed)
    records = list(read_warc(path))
    assert [r.url for r in records] == ["https://example.org/a", "https://example.org/ru"]
    assert records[1].charset == "windows-1251"
    assert all(r.id and r.id.startswith("<urn:uuid:") for r in records)
    articles = list(newsparse.parse_many(records, extractors=[]))
    assert [a.title for a in articles] == ["Talks to resume in Geneva", "Переговоры возобновятся в Женеве"]
    assert articles[0].id == records[0].id
    assert articles[0].url == "https://example.org/a"


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("cut", [40, 120, 300, 700])
def test_truncated_warc_ends_with_a_clear_error_record(tmp_path: Path, compressed: bool, cut: int) -> None:
    path = write_warc(tmp_path / "crawl.warc", gzip_records=compressed)
    data = path.read_bytes()
    truncated = tmp_path / "cut.warc"
    truncated.write_bytes(data[: len(data) - cut])
    records = list(read_warc(truncated))
    assert records[0].url == "https://example.org/a"
    assert records[0].error is None
    assert records[-1].error is not None
    assert "truncated" in records[-1].error
    assert records[-1].where is not None
    results = list(newsparse.parse_many(records, extractors=[]))
    assert isinstance(results[0], newsparse.Article)
    assert isinstance(results[-1], newsparse.RecordError)


def test_garbage_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive at all\n" * 10)
    (record,) = read_warc(path)
    assert record.error is not None


def test_oversized_payload_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz")
    records = list(read_warc(path, max_payload=350))
    assert [r.error is not None for r in records] == [True, False]
    assert "payload over 350 bytes" in (records[0].error or "")


# -- paths ------------------------------------------------------------------------------------


def test_a_directory_gives_its_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b" / "c.html").write_text(HTML)
    (tmp_path / ".hidden").write_text("skip me")
    write_lines(tmp_path / "b" / "d.jsonl", [json.dumps({"id": "j1", "text": STORY})])
    records = list(read_path(tmp_path))
    assert [r.id for r in records] == ["a.txt", "b/c.html", "j1"]
    results = list(newsparse.parse_many(records, extractors=[]))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Article"]
    assert results[1].reader == "html"
