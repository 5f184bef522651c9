"""Loading validates the whole pack and names the file, the fact and the problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.knowledge import KnowledgeError, Pack, load_pack


def _edit_first_fact(pack_dir: Path, change: dict[str, object]) -> tuple[Path, str]:
    path = pack_dir / "facts" / "battle.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts[0].update(change)
    path.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, str(change.get("id", facts[0]["id"]))


def test_bundled_pack_loads_with_every_citation_verbatim(pack: Pack) -> None:
    assert len(pack.facts) >= 40
    for fact in pack.facts:
        for citation in fact.citations:
            assert pack.article.find(citation.text) is not None
            assert citation.section in pack.article.sections


def test_every_fact_has_french_phrasings(pack: Pack) -> None:
    french = re.compile(
        r"\b(qui|quand|quel\w*|combien|pourquoi|comment|où|est-ce|les|des|été|que)\b", re.I
    )
    lacking = [f.id for f in pack.facts if not any(french.search(q) for q in f.questions)]
    assert lacking == []


def test_each_fact_opens_with_a_question_fit_to_offer_readers(pack: Pack) -> None:
    """The first phrasing is what "did you mean" and the greeting show, so it reads as one."""
    offered = [f.questions[0] for f in pack.facts]
    assert [q for q in offered if not (q[:1].isupper() and q.endswith("?"))] == []


def test_unknown_casualties_cite_the_infobox(pack: Pack) -> None:
    unknown = [f for f in pack.facts if any(c.text.startswith("Casualties1") for c in f.citations)]
    assert unknown
    assert all("unknown" in f.answer.lower() for f in unknown)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"cite": ["The MAA won the battle easily."]}, "citation is not verbatim in the article"),
        ({"questions": []}, "'questions' must be a non-empty list"),
        ({"questions": ["   "]}, "'questions' has an empty or non-text item"),
        ({"questions": ["?!"]}, "has no words"),
        ({"colour": "red"}, "unknown key(s) colour"),
        ({"about": ["nobody"]}, "names entity 'nobody', which is not in aliases.yaml"),
        ({"answer": ""}, "'answer' must be non-empty text"),
        ({"draft": "yes"}, "'draft' must be true or false, got 'yes'"),
    ],
)
def test_broken_fact_is_rejected_naming_file_and_fact(
    pack_copy: Path, change: dict[str, object], problem: str
) -> None:
    path, fact_id = _edit_first_fact(pack_copy, change)
    with pytest.raises(KnowledgeError) as caught:
        load_pack(pack_copy)
    assert caught.value.file == str(path)
    assert caught.value.fact_id == fact_id
    assert problem in str(caught.value)


def test_a_fact_marked_as_a_draft_loads_as_one(pack_copy: Path, pack: Pack) -> None:
    """`draft: true` says a tool drafted the fact; facts without it are not drafts."""
    _, fact_id = _edit_first_fact(pack_copy, {"draft": True})
    loaded = load_pack(pack_copy)
    assert [f.id for f in loaded.facts if f.draft] == [fact_id]
    assert not any(f.draft for f in pack.facts)


def test_missing_key_is_rejected(pack_copy: Path) -> None:
    path = pack_copy / "facts" / "battle.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    del facts[0]["cite"]
    path.write_text(yaml.safe_dump(facts, sort_keys=False), encoding="utf-8")
    with pytest.raises(
        KnowledgeError, match=r"battle\.yaml: fact '[a-z0-9-]+': missing key\(s\) cite"
    ):
        load_pack(pack_copy)


def test_duplicate_id_across_files_is_rejected(pack_copy: Path) -> None:
    first_id = yaml.safe_load((pack_copy / "facts" / "aftermath.yaml").read_text())[0]["id"]
    _edit_first_fact(pack_copy, {"id": first_id})
    with pytest.raises(KnowledgeError, match=f"fact '{first_id}': duplicate id: also defined in"):
        load_pack(pack_copy)


def test_phrasing_shared_by_two_facts_is_rejected(pack_copy: Path, pack: Pack) -> None:
    other = next(f for f in pack.facts if f.file.endswith("aftermath.yaml"))
    _edit_first_fact(pack_copy, {"questions": [other.questions[0]]})
    with pytest.raises(KnowledgeError, match=f"also belongs to fact '{other.id}'"):
        load_pack(pack_copy)


def test_malformed_yaml_names_file_and_line(pack_copy: Path) -> None:
    path = pack_copy / "facts" / "lead.yaml"
    path.write_text("- id: x\n  answer: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"lead\.yaml: malformed YAML at line \d+"):
        load_pack(pack_copy)


def test_alias_claimed_by_two_entities_is_rejected(pack_copy: Path) -> None:
    path = pack_copy / "aliases.yaml"
    entities = yaml.safe_load(path.read_text(encoding="utf-8"))
    entities[1]["aliases"].append(entities[0]["aliases"][0])
    path.write_text(yaml.safe_dump(entities, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"aliases\.yaml: .*already names entity"):
        load_pack(pack_copy)


def test_entity_of_unknown_kind_is_rejected(pack_copy: Path) -> None:
    path = pack_copy / "aliases.yaml"
    entities = yaml.safe_load(path.read_text(encoding="utf-8"))
    entities[0]["kind"] = "planet"
    path.write_text(yaml.safe_dump(entities, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="kind must be one of group, person, place"):
        load_pack(pack_copy)


def test_synonym_under_two_words_is_rejected(pack_copy: Path) -> None:
    path = pack_copy / "synonyms.yaml"
    path.write_text("win: [won]\nbeat: [won]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="'won' is listed under both 'win' and 'beat'"):
        load_pack(pack_copy)


def test_missing_file_is_named(pack_copy: Path) -> None:
    (pack_copy / "source.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"source\.yaml: file is missing"):
        load_pack(pack_copy)


def test_missing_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not a knowledge pack directory"):
        load_pack(tmp_path / "nowhere")


def test_a_facts_file_named_yml_is_loaded(pack_copy: Path, pack: Pack) -> None:
    (pack_copy / "facts" / "lead.yaml").rename(pack_copy / "facts" / "lead.yml")
    loaded = load_pack(pack_copy)
    assert {f.id for f in loaded.facts} == {f.id for f in pack.facts}
    assert any(f.file.endswith("lead.yml") for f in loaded.facts)


def test_draft_facts_are_counted_and_left_out_for_readers(pack_copy: Path) -> None:
    _path, fact_id = _edit_first_fact(pack_copy, {"draft": True})
    loaded = load_pack(pack_copy)
    assert [f.id for f in loaded.drafts] == [fact_id]
    assert loaded.describe().endswith("(43 facts, 1 of them drafts)")
    readers = loaded.without_drafts()
    assert len(readers.facts) == 42 and not readers.drafts
    assert fact_id not in readers.domain.starters


def test_a_pack_of_drafts_alone_cannot_serve_readers(pack_copy: Path) -> None:
    for path in (pack_copy / "facts").glob("*.yaml"):
        facts = yaml.safe_load(path.read_text(encoding="utf-8"))
        for fact in facts:
            fact["draft"] = True
        path.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    loaded = load_pack(pack_copy)
    assert len(loaded.drafts) == len(loaded.facts) == 43
    with pytest.raises(KnowledgeError, match="every fact is a draft"):
        loaded.without_drafts()
