"""The first figure of the integrity report: characters a repair wrote that the bytes did not justify."""

from corpus import Sample, Source, invented_characters, wrong_characters

ORIGINAL = "表7\u3000\u30002024年货物周转量"
DAMAGED = "表7\u3000\u30002024年货鐗\ufffd周转量"  # 物 as UTF-8 read as GBK, a byte lost


def test_an_invented_character_counts():
    assert wrong_characters(ORIGINAL, DAMAGED, "表7\u3000\u30002024年货八周转量") == 1


def test_a_marked_gap_does_not_count():
    assert wrong_characters(ORIGINAL, DAMAGED, "表7\u3000\u30002024年货\ufffd周转量") == 0


def test_damage_left_as_it_was_in_a_line_whose_spaces_the_cleaner_collapsed_does_not_count():
    # one space fewer and one character more: the same length, but not place by place
    assert wrong_characters(ORIGINAL, DAMAGED, "表7 2024年货鐗\ufffd周转量") == 0


def test_a_character_no_text_held_counts_whatever_the_lines_became():
    source = Source("t", ["屈服强度≥300MPa"])
    sample = Sample(source, "lost_chars", "run", "屈服强度≥300MPa", "屈?强度≥300MPa", False)
    assert invented_characters(sample, "屈\ufffd慷取\ufffd300MPa") == 2
    assert invented_characters(sample, "屈?强度\n≥300MPa") == 0
