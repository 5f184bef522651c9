"""The article is split into sections and citable sentences."""

from __future__ import annotations

import pytest

from bot.article import parse_article, split_sentences
from bot.knowledge import Pack


def test_sections_in_reading_order(pack: Pack) -> None:
    assert pack.article.title == "Battle of Ber (2013)"
    assert pack.article.sections == ("Infobox", "Lead", "Background", "Battle", "Aftermath")


def test_each_infobox_line_is_a_sentence_without_image_markup(pack: Pack) -> None:
    infobox = [s.text for s in pack.article.sentences if s.section == "Infobox"]
    assert "Result: MAA victory" in infobox
    assert "Combatant1: Arab Movement of Azawad" in infobox
    assert "Casualties3: 2 civilians killed, 4 wounded" in infobox
    assert not any("20px" in line for line in infobox)


def test_sentences_survive_commas_hyphens_and_quotes(pack: Pack) -> None:
    texts = [s.text for s in pack.article.sentences]
    assert texts[10].startswith("On April 21, 2013, clashes broke out in Ber, Mali, after")
    assert (
        "Local sources stated that at least two civilians were killed in the battle, "
        "including a 15-year-old girl and an elderly man." in texts
    )
    assert any(t.endswith('chasing away an "armed band".') for t in texts)
    assert len([s for s in pack.article.sentences if s.section == "Battle"]) == 9


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
        ("Gen. Smith arrived. It rained.", ["Gen. Smith arrived.", "It rained."]),
        ("J. Smith wrote it. Done.", ["J. Smith wrote it.", "Done."]),
        (
            "Ber, Mali, is small. A 15-year-old girl.",
            ["Ber, Mali, is small.", "A 15-year-old girl."],
        ),
    ],
)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_sections_without_infobox() -> None:
    article = parse_article("= T =\n\nIntro here. More.\n\n== Later ==\nEnd.\n")
    assert article.sections == ("Lead", "Later")
    assert [s.text for s in article.sentences] == ["Intro here.", "More.", "End."]
