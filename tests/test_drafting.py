"""`pack init` drafts a pack from an article alone: `check` accepts it, every fact is a draft that
cites the article and answers with its words, and the bot answers from it before anyone edits it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.article import parse_article
from bot.drafting import Drafter, DraftFact, SourceFields, draft_domain, draft_pack, find_names
from bot.evaluation import load_questions, run
from bot.knowledge import load_pack
from bot.matching import Engine
from tests.commandline import ROOT, run_bot

FESTIVAL = ROOT / "tests" / "packs" / "lantern-festival"
SOURCE = ["--url", "https://example.org/wiki/Article", "--licence", "CC BY-SA 4.0"]
MUST_DECLINE = ("absent", "out_of_scope", "near_miss")

ARTICLE = """= Harbour Regatta =

Infobox
- Name: Harbour Regatta
- Location: Porthwen, Kelvy Bay
- Founded: 1952
- Founder: Edwin Marsh
- Organised by: Porthwen Sailing Club (PSC)
- Budget: Unknown

The Harbour Regatta is a yearly sailing race held in Porthwen, a fishing village on Kelvy Bay.

== History ==
The regatta was founded in 1952 by Edwin Marsh, a retired harbour master, to raise money for the
lifeboat. About 40 boats took part in the first race. Marsh later handed the race to the Porthwen
Sailing Club (PSC).
"""


@pytest.fixture(scope="module")
def drafted_festival(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second pack's article drafted into a pack by the real command line."""
    target = tmp_path_factory.mktemp("drafted") / "festival"
    done = run_bot("pack", "init", str(FESTIVAL / "article.txt"), str(target), *SOURCE)
    assert done.returncode == 0, done.stderr
    assert "draft facts" in done.stdout
    return target


def test_check_accepts_a_drafted_pack_and_covers_every_sentence(drafted_festival: Path) -> None:
    done = run_bot("check", "--knowledge", str(drafted_festival))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    assert "0 gaps" in done.stdout


def test_a_drafted_pack_answers_and_declines_the_second_pack_s_questions(
    drafted_festival: Path,
) -> None:
    """With no hand edits: at least 70% of the answerable questions answered, at least 90% of
    those the bot must decline declined."""
    results = run(Engine(load_pack(drafted_festival)), load_questions(FESTIVAL / "questions.yaml"))
    answerable = [r for r in results if r.item.kind == "answerable"]
    declinable = [r for r in results if r.item.kind in MUST_DECLINE]
    assert sum(r.correct for r in answerable) >= 0.70 * len(answerable)
    assert sum(not r.reply.answered for r in declinable) >= 0.90 * len(declinable)


def test_every_drafted_fact_is_a_draft_with_a_cited_answer_and_no_placeholder(
    drafted_festival: Path,
) -> None:
    pack = load_pack(drafted_festival)
    assert pack.facts and all(f.draft for f in pack.facts)
    sentences = {s.text for s in pack.article.sentences}
    for fact in pack.facts:
        assert fact.citations[0].text in sentences  # whole sentences, verbatim
        assert fact.answer == fact.citations[0].text or fact.citations[0].section == "Infobox"
        assert fact.questions[0][:1].isupper() and fact.questions[0].endswith("?")
    shown = "\n".join(p.read_text(encoding="utf-8") for p in drafted_festival.rglob("*.yaml"))
    assert "TODO" not in shown


def test_the_source_comes_from_the_options(drafted_festival: Path) -> None:
    source = load_pack(drafted_festival).source
    assert (source.title, source.url, source.licence) == (
        "Ashwick Lantern Festival",
        "https://example.org/wiki/Article",
        "CC BY-SA 4.0",
    )
    assert source.licence_url == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_the_bundled_article_drafts_a_pack_check_accepts(tmp_path: Path) -> None:
    target = tmp_path / "pack"
    assert run_bot("pack", "init", str(ROOT / "knowledge" / "article.txt"), str(target),
                   *SOURCE).returncode == 0  # fmt: skip
    assert run_bot("check", "--knowledge", str(target)).returncode == 0


def test_without_a_url_or_licence_and_no_terminal_it_says_what_to_give(tmp_path: Path) -> None:
    done = run_bot("pack", "init", str(FESTIVAL / "article.txt"), str(tmp_path / "pack"))
    assert done.returncode == 2
    assert "--url" in done.stderr and "--licence" in done.stderr
    assert not (tmp_path / "pack").exists()


def test_a_directory_that_is_not_empty_is_left_alone(tmp_path: Path) -> None:
    kept = tmp_path / "notes.txt"
    kept.write_text("mine", encoding="utf-8")
    done = run_bot("pack", "init", str(FESTIVAL / "article.txt"), str(tmp_path), *SOURCE)
    assert done.returncode == 2
    assert "not an empty directory" in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    assert kept.read_text(encoding="utf-8") == "mine"


def test_an_unreadable_article_is_a_clear_error(tmp_path: Path) -> None:
    done = run_bot("pack", "init", str(tmp_path / "missing.txt"), str(tmp_path / "p"), *SOURCE)
    assert done.returncode == 2
    assert "cannot read the article" in done.stderr


@pytest.mark.parametrize(
    "text", ["", "\n  \n", "= Title Only =\n", "= T =\n\nInfobox\n- Name: T\n"]
)
def test_an_article_with_nothing_to_draft_says_so_before_asking_anything(
    tmp_path: Path, text: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    done = run_bot("pack", "init", str(article), str(tmp_path / "p"), *SOURCE)
    assert done.returncode == 2
    assert (
        done.stderr == "Cannot draft the pack: the article has no sentences outside its infobox\n"
    )
    assert not (tmp_path / "p").exists()


def test_an_article_without_a_title_line_needs_a_title(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The River Zed flows north. It was mapped in 1890.\n", encoding="utf-8")
    done = run_bot("pack", "init", str(article), str(tmp_path / "p"), *SOURCE)
    assert done.returncode == 2
    assert "needs --title (the article has no '= Title =' line)" in done.stderr
    titled = run_bot("pack", "init", str(article), str(tmp_path / "p"), *SOURCE, "--title", "Zed")
    assert titled.returncode == 0, titled.stderr
    assert load_pack(tmp_path / "p").source.title == "Zed"


# -- the drafter's parts, on a small article of its own --------------------------------------


@pytest.fixture(scope="module")
def regatta() -> dict[str, str]:
    return draft_pack(ARTICLE, SourceFields("Harbour Regatta", "https://example.org/r", "CC0 1.0"))


def test_names_come_from_acronyms_people_places_and_short_forms() -> None:
    names = {n.id: n for n in find_names(parse_article(ARTICLE))}
    club = names["psc"]
    assert (club.kind, club.name) == ("group", "the PSC")
    assert "Porthwen Sailing Club" in club.aliases
    assert "Sailing Club" in club.aliases  # the last words of a long name
    assert names["marsh"].kind == "person"  # "Marsh later handed...": a surname used alone
    assert "the retired harbour master" in names["marsh"].aliases
    assert names["porthwen"].kind == "place"  # "held in Porthwen"
    subject = names["harbour-regatta"]
    assert subject.subject and "the regatta" in subject.aliases  # "the X" short form


def test_the_subject_s_words_come_from_the_title_and_the_infobox() -> None:
    domain = draft_domain(parse_article(ARTICLE))
    assert domain["event_words"] == ["regatta", "regattas"]
    assert domain["setting_labels"] == ["Name", "Location"]
    assert "came" in domain["stopwords"] and "took" not in domain["stopwords"]


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        # a date: when; a person after "by": who; a reason: why
        ("The regatta was founded in 1952 by Edwin Marsh", "When was the regatta founded"),
        ("The regatta was founded in 1952 by Edwin Marsh", "Who founded the regatta in 1952?"),
        ("The regatta was founded in 1952 by Edwin Marsh", "What happened in 1952?"),
        ("to raise money for the lifeboat", "Why was the regatta founded"),
        # a number: how many
        ("About 40 boats took part in the first race.", "How many boats took part"),
        # a person as the subject: who
        ("Marsh later handed the race", "Who later handed the race"),
        # an acronym defined in parentheses; a person described
        ("Porthwen Sailing Club (PSC)", "What does PSC stand for?"),
        ("Edwin Marsh, a retired harbour master", "Who is Edwin Marsh?"),
        # a place named after "in": what it is and where things happen
        ("held in Porthwen", "Where is the Harbour Regatta a yearly sailing race held"),
    ],
)
def test_questions_are_drafted_by_what_a_statement_holds(
    regatta: dict[str, str], sentence: str, asked: str
) -> None:
    facts = [f for name, text in regatta.items() if name.startswith("facts/")
             for f in yaml.safe_load(text)]  # fmt: skip
    fact = next(f for f in facts if sentence in f["cite"][0])
    assert any(q.startswith(asked) for q in fact["questions"]), fact["questions"]


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("The race was held on 21 June 2014 in Porthwen.", "What happened on 21 June 2014?"),
        ("The race was held on June 21, 2014 in Porthwen.", "What happened on June 21, 2014?"),
        ("The race was held in June 2014 in Porthwen.", "What happened in June 2014?"),
    ],
)
def test_a_date_is_asked_whole_whichever_order_its_day_month_and_year_come_in(
    sentence: str, asked: str
) -> None:
    lead = "= Harbour Regatta =\n\nThe Harbour Regatta is a sailing race.\n\n"
    article = f"{lead}== History ==\n{sentence}\n"
    files = draft_pack(article, SourceFields("Harbour Regatta", "https://example.org/r", "CC0 1.0"))
    facts = [f for name, text in files.items() if name.startswith("facts/")
             for f in yaml.safe_load(text)]  # fmt: skip
    fact = next(f for f in facts if f["cite"][0] == sentence)
    assert asked in fact["questions"], fact["questions"]
    assert not any(q.startswith("What happened on June?") for q in fact["questions"])


def test_an_infobox_line_joins_the_sentence_that_repeats_it(regatta: dict[str, str]) -> None:
    facts = [f for name, text in regatta.items() if name.startswith("facts/")
             for f in yaml.safe_load(text)]  # fmt: skip
    founding = next(f for f in facts if f["cite"][0].startswith("The regatta was founded"))
    assert founding["cite"][1:] == ["Founded: 1952", "Founder: Edwin Marsh"]
    budget = next(f for f in facts if f["cite"] == ["Budget: Unknown"])
    assert budget["answer"] == "Budget: Unknown."
    assert "Is the budget known?" in budget["questions"]


def test_every_fact_is_asked_in_french_too(regatta: dict[str, str]) -> None:
    french = re.compile(r"\b(qui|quand|quel\w*|combien|pourquoi|où|que|qu'est-ce)\b", re.I)
    facts = [f for name, text in regatta.items() if name.startswith("facts/")
             for f in yaml.safe_load(text)]  # fmt: skip
    assert [f["id"] for f in facts if not any(french.search(q) for q in f["questions"])] == []


def test_no_two_facts_share_a_phrasing() -> None:
    """The loader rejects a phrasing two facts share, so the drafter gives each to one fact."""
    drafter = Drafter(find_names(parse_article(ARTICLE)), "Harbour Regatta")
    sentence = parse_article(ARTICLE).sentences[-1]
    first = drafter.questions(DraftFact(sentence))
    again = drafter.questions(DraftFact(sentence))
    assert first and not set(first) & set(again)
