"""`WordTable`: a bounded memo read a column at a time."""

from __future__ import annotations

from newsparse.text.wordtable import WordTable


def _counting_upper() -> tuple[WordTable[str], list[str]]:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    return WordTable(upper, maxsize=4), calls


def test_column_answers_every_word_in_order_and_computes_each_new_word_once() -> None:
    table, calls = _counting_upper()
    assert table.column(["a", "b", "a", "c"]) == ["A", "B", "A", "C"]
    assert sorted(calls) == ["a", "b", "c"]
    assert table.column(["c", "a"]) == ["C", "A"]
    assert sorted(calls) == ["a", "b", "c"]  # known words are not computed again
    assert table("b") == "B"
    assert table("d") == "D"
    assert table.cache_info().misses == 4


def test_a_full_table_is_emptied_and_refilled_so_it_never_holds_more_than_its_bound() -> None:
    table, calls = _counting_upper()
    table.column(["a", "b", "c"])
    assert table.column(["c", "d", "e"]) == ["C", "D", "E"]
    info = table.cache_info()
    assert info.currsize <= info.maxsize == 4
    assert table.column(["c", "d", "e"]) == ["C", "D", "E"]  # the words of the last column stay
    assert calls.count("c") == 2  # computed again after the table was emptied


def test_a_column_with_more_new_words_than_the_bound_is_answered_without_being_kept() -> None:
    table, _ = _counting_upper()
    table.column(["x"])
    words = [f"w{number}" for number in range(10)] + ["x"]
    assert table.column(words) == [word.upper() for word in words]
    assert table.cache_info().currsize == 1


def test_cache_clear_forgets_every_word() -> None:
    table, calls = _counting_upper()
    table.column(["a"])
    table.cache_clear()
    assert table.cache_info().currsize == 0
    table("a")
    assert calls == ["a", "a"]


def test_the_table_keeps_the_wrapped_function_s_name_and_module() -> None:
    table, _ = _counting_upper()
    assert table.__name__ == "upper"  # type: ignore[attr-defined]
    assert table.__module__ == __name__
