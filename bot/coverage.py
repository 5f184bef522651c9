"""Which article sentences the curated facts cite, and which they leave uncovered."""

from __future__ import annotations

from dataclasses import dataclass

from bot.article import Sentence
from bot.knowledge import Pack


@dataclass(frozen=True, slots=True)
class SentenceCoverage:
    """One article sentence and the facts that cite it."""

    sentence: Sentence
    """The article sentence."""
    fact_ids: tuple[str, ...]
    """Ids of the facts citing it, whole or in part."""


def coverage(pack: Pack) -> list[SentenceCoverage]:
    """Return every article sentence with the facts that cite it."""
    citing: dict[int, list[str]] = {s.index: [] for s in pack.article.sentences}
    for fact in pack.facts:
        for citation in fact.citations:
            sentence = pack.article.find(citation.text)
            if sentence is not None and fact.id not in citing[sentence.index]:
                citing[sentence.index].append(fact.id)
    return [SentenceCoverage(s, tuple(citing[s.index])) for s in pack.article.sentences]


def render_coverage(pack: Pack) -> tuple[str, int]:
    """Render the coverage report; return it with the number of uncovered sentences."""
    rows = coverage(pack)
    drafts = {fact.id for fact in pack.drafts}
    lines: list[str] = []
    section = ""
    for row in rows:
        if row.sentence.section != section:
            section = row.sentence.section
            lines.append(f"\n{section}")
        named = [f"{i} (draft)" if i in drafts else i for i in row.fact_ids]
        cited = ", ".join(named) if named else "GAP: no fact cites this"
        lines.append(f"  [{row.sentence.index:2}] {row.sentence.text}\n       <- {cited}")
    gaps = [row for row in rows if not row.fact_ids]
    phrasings = sum(len(f.questions) for f in pack.facts)
    counts = [
        _count(len(pack.facts), "fact") + (f" ({len(drafts)} of them drafts)" if drafts else ""),
        _count(phrasings, "phrasing"),
        _count(len(pack.entities), "entity", "entities"),
    ]
    lines.append(
        f"\n{', '.join(counts)}; {len(rows) - len(gaps)} of {_count(len(rows), 'sentence')} "
        f"cited, {_count(len(gaps), 'gap')}."
    )
    for row in gaps:
        lines.append(f"gap: [{row.sentence.index}] ({row.sentence.section}) {row.sentence.text}")
    return "\n".join(lines).lstrip("\n"), len(gaps)


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """Return "1 gap", "2 gaps": a number with its noun."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
