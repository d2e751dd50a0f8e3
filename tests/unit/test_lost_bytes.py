"""Rebuilding what a wrong reading lost: a character only where the surviving bytes leave one candidate."""

import pytest

from crawler.lostbytes import LOST, decode_with_gaps, tokens_of

TEXTS = [
    "政务公开工作要点",
    "办公室",
    "2024年3月1日",
    "《通知》",
    "关于印发青岚县2021年政务公开工作要点的通知",
    "国务院令第654号公布",  # 第's last two bytes read as two U+FFFD: a digit after them is no byte of 第
]


def reread(text: str, wrong: str) -> str:
    damaged = text.encode("utf-8").decode(wrong, "replace")
    return decode_with_gaps(tokens_of([s.encode(wrong) for s in damaged.split(LOST)], wrong), "utf-8").text


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("wrong", ["gbk", "cp1252"])
def test_each_character_comes_back_or_stays_a_marked_gap(text, wrong):
    rebuilt = reread(text, wrong)
    assert len(rebuilt) == len(text)
    assert all(got in (want, LOST) for got, want in zip(rebuilt, text)), rebuilt


def test_a_lost_byte_with_many_candidates_stays_lost_and_they_are_suggested():
    damaged = "政务公开".encode().decode("gbk", "replace")
    rebuilt = decode_with_gaps(tokens_of([s.encode("gbk") for s in damaged.split(LOST)], "gbk"), "utf-8")
    assert rebuilt.text == "政务" + LOST * 2 and rebuilt.lost == 2
    assert "公" in rebuilt.suggestions[0] and len(rebuilt.suggestions[0]) > 1


def test_lossless_readings_come_back_whole():
    assert reread("办公室 2024年3月1日", "cp1252") == "办公室 2024年3月1日"
