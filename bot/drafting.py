"""Draft a knowledge pack from an article alone: its source, the names it uses, its subject, and
one draft fact per statement that cites it verbatim, with questions drafted from what it holds.

Everything here reads the article's form (capitals, dates, numbers, parentheses, infobox labels)
through the language data in `bot/lang/`; nothing is written for one article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.article import INFOBOX, Article, Sentence, parse_article
from bot.errors import BotError
from bot.lang import MONTH_NAMES, NUMBER_PATTERN, STOPWORDS, en, fr
from bot.text import fold

FACTS_DIR = "facts"
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,7})\)")
_CAPS = re.compile(r"(?<![\w-])[A-Z]{2,}[A-Z0-9]*(?![\w-])")
_YEAR = r"(?:1[0-9]|20)\d\d(?!-?\d)s?"
_WEEKDAY = re.compile(
    rf"\b(?:[Oo]n|[Dd]uring) the (?:{'|'.join(w.capitalize() for w in sorted(en.WEEKDAYS))})"
    rf"(?: (?:{'|'.join(sorted(en.TIMES_OF_DAY))}))?\b"
)
_DATE = re.compile(
    rf"\b(?:(?P<prep>(?i:on|in|since|by|from|until|after|before|during|between)) )?"
    rf"(?P<date>(?:\d{{1,2}} )?(?:{'|'.join(MONTH_NAMES)})(?: \d{{1,2}}(?!\d))?(?:,? {_YEAR})?"
    rf"|{_YEAR})\b"
)
_NUMBER = rf"\d[\d,.]*|(?:{NUMBER_PATTERN})(?:[ -](?:{NUMBER_PATTERN}))*"
_COUNT = re.compile(
    rf"\b(?:(?:{'|'.join(sorted(en.COUNT_QUALIFIERS))}) )*(?P<number>{_NUMBER})"
    rf"(?P<unit>-[a-z]+(?:-[a-z]+)?)? (?P<noun>[a-z][\w-]*(?: [a-z][\w-]*)?)",
    re.IGNORECASE,
)
_AGE = re.compile(rf"\b(?:{_NUMBER})-years?-old\b", re.IGNORECASE)
_REASON = re.compile(en.REASON_MARKERS)
_CLAUSE_BREAK = re.compile(en.CLAUSE_BREAKS)
_AUXILIARY = re.compile(
    rf"^(?P<subject>(?:\S+ ){{0,5}}?\S+) (?P<aux>{'|'.join(sorted(en.AUXILIARY_VERBS))})"
    r" (?P<rest>.+)$"
)
_PASSIVE_BY = re.compile(
    r"^(?P<subject>(?:\S+ ){0,5}?\S+) (?:was|were|is|are|has been|had been|have been) "
    r"(?P<verb>\w+ed|\w+en|run|won|held|built|made|led)\b(?P<middle>.*?) by $"
)
# A thing the article names and says what it is: "the X Y, in which ..."
_THING = re.compile(r"\bthe (?P<thing>(?:[A-Z][a-z]+ )+[A-Z][a-z]+), (?:in which|which|where|an? )")
_DEFINITION = re.compile(
    r"^(?P<subject>(?:The )?(?:\S+ ){0,5}?\S+) (?:is|was|are|were) (?:an?|the) "
)
_LEADING = re.compile(
    r"^(?:and|but|or|while|which|who|whose|when|because|although|instead|so|after|then|"
    r"including|that)\s+",
    re.IGNORECASE,
)
_LICENCES = {
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC BY-SA 3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
_SMALL = STOPWORDS | en.NAME_CONNECTORS
_NO_SYNONYMS = "# Words of the subject that mean the same to the matcher; none yet.\n{}\n"


class DraftError(BotError):
    """A pack cannot be drafted: the article is unreadable or the target is not empty."""

    label = "Cannot draft the pack"
    exit_status = 2


@dataclass(frozen=True, slots=True)
class SourceFields:
    """What `source.yaml` says of the article."""

    title: str
    """The article's title."""
    url: str
    """The article's address."""
    licence: str
    """The licence's short name."""
    licence_url: str = ""
    """The licence's address (known for the usual Creative Commons licences)."""
    publisher: str = ""
    """Who publishes it (by default, the address's host)."""

    def completed(self) -> dict[str, str]:
        """Return the six fields of `source.yaml`, the missing ones worked out."""
        licence_url = self.licence_url or _LICENCES.get(self.licence, self.url)
        publisher = self.publisher or re.sub(r"^\w+://([^/]+).*$", r"\1", self.url)
        notice = (
            f'Text from "{self.title}" ({self.url}), by its authors, used under the '
            f"{self.licence} licence."
        )
        return {
            "title": self.title,
            "url": self.url,
            "publisher": publisher,
            "licence": self.licence,
            "licence_url": licence_url,
            "notice": notice,
        }


def licence_url(licence: str) -> str | None:
    """Return the address of a well-known licence, or None."""
    return _LICENCES.get(licence)


# -- names ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Name:
    """An entity drafted from the article: a group, person or place and its names."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    subject: bool = False
    """Whether it is what the article is about (asked "what", never "who")."""

    def forms(self) -> list[str]:
        """Return every way the article may write it, longest first."""
        forms = {self.name, *self.aliases, self.id.replace("-", " ")}
        forms |= {f[4:] for f in forms if f.lower().startswith("the ")}
        return sorted(forms, key=len, reverse=True)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _body(article: Article) -> list[Sentence]:
    return [s for s in article.sentences if s.section != INFOBOX]


def _infobox(article: Article) -> list[tuple[Sentence, str, str]]:
    lines = []
    for sentence in article.sentences:
        if sentence.section == INFOBOX and ":" in sentence.text:
            label, value = sentence.text.split(":", 1)
            lines.append((sentence, label.strip(), value.strip()))
    return lines


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and not any(c.isdigit() for c in word)


def _runs(text: str, common: set[str]) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, name) for each run of capitalised words: a name the text uses."""
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        word = words[i][0].rstrip("'’").removesuffix("'s").removesuffix("’s")
        lowered = word.lower()
        skip = (
            not _is_capitalised(word)
            or lowered in en.WEEKDAYS
            or word in MONTH_NAMES
            or (i == 0 and (lowered in _SMALL or lowered in common))
        )
        if skip:
            i += 1
            continue
        j = i
        while j + 1 < len(words):
            following = words[j + 1][0]
            between = text[words[j].end() : words[j + 1].start()]
            if between != " " or words[j][0].endswith(("'s", "’s")):
                break
            if _is_capitalised(following):
                j += 1
            elif following.lower() in en.NAME_CONNECTORS:
                # "Movement for the Liberation": up to two small words inside a name.
                k = j + 2
                if k < len(words) and words[k][0].lower() in en.NAME_CONNECTORS:
                    k += 1
                if k < len(words) and _is_capitalised(words[k][0]):
                    j = k
                else:
                    break
            else:
                break
        end = words[j].end()
        name = text[words[i].start() : end].removesuffix("'s").removesuffix("’s")
        yield words[i].start(), words[i].start() + len(name), name
        i = j + 1


def _acronyms(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Return each acronym the article defines in parentheses, with its full name."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for match in _ACRONYM.finditer(sentence.text):
            acronym = match[1]
            words = sentence.text[: match.start()].split()
            taken: list[str] = []
            for word in reversed(words):
                if _is_capitalised(word) or (taken and word.lower() in en.NAME_CONNECTORS):
                    taken.insert(0, word)
                else:
                    break
            while taken and taken[0].lower() in en.NAME_CONNECTORS:
                taken.pop(0)
            initials = [w[0].upper() for w in taken]
            if taken and all(initials.count(c) >= acronym.count(c) for c in set(acronym)):
                found.setdefault(acronym, " ".join(taken))
    return found


def find_names(article: Article) -> list[Name]:
    """Return the groups, people and places the article names, with the names it uses."""
    body = _body(article)
    text = " ".join(s.text for s in article.sentences)
    lowered_words = {w.lower() for w in re.findall(r"\b[a-z][\w-]*", text)}
    infobox = _infobox(article)
    acronyms = _acronyms(article.sentences)
    names: list[Name] = []
    owner: dict[str, str] = {}

    def add(name: Name) -> None:
        ids = {n.id for n in names}
        base, number = name.id or "name", 2
        name.id = base
        while name.id in ids or name.id.replace("-", " ") in owner:
            name.id, number = f"{base}-{number}", number + 1
        own = name.id.replace("-", " ")
        name.aliases = [a for a in dict.fromkeys(name.aliases) if a.casefold() not in owner]
        for alias in (*name.aliases, own):
            owner[alias.casefold()] = name.id
        names.append(name)

    title = _PARENTHESIS.sub("", article.title).strip()
    for acronym, full in acronyms.items():
        aliases = [full, f"the {full}", *_short_forms(full, text)]
        add(Name(acronym.lower(), f"the {acronym}", "group", aliases))
    defined = {full.casefold() for full in acronyms.values()}
    person_labelled = {v for _, label, v in infobox if _label_words(label) & en.PERSON_LABELS}
    place_labelled = {
        part.strip()
        for _, label, value in infobox
        if _label_words(label) & en.PLACE_LABELS
        for part in value.split(",")
    }
    seen: dict[str, list[tuple[Sentence, int]]] = {}
    for sentence in article.sentences:
        source = sentence.text
        offset = 0
        if sentence.section == INFOBOX and ":" in source:
            offset = source.index(":") + 1
        for start, _, name in _runs(source[offset:], lowered_words):
            seen.setdefault(name, []).append((sentence, start + offset))
    title_taken = False
    for name, places in seen.items():
        words = name.split()
        if name.casefold() in defined or name in acronyms:
            continue
        if " of " not in f" {title} " and name == title and not title_taken:
            title_taken = True
            head = words[-1].lower()
            aliases = [name, f"the {name}"]
            if re.search(rf"\b(?:the|this) {re.escape(head)}\b", text, re.IGNORECASE):
                aliases.append(f"the {head}")
            add(Name(_slug(name), f"the {head}", "group", aliases, subject=True))
            continue
        kind = _kind(name, places, text, set(seen), person_labelled, place_labelled)
        if kind is None:
            continue
        if kind == "person":
            aliases = [name]
            if len(words) > 1:
                aliases.append(words[-1])
            role = re.search(rf"{re.escape(name)}, an? ((?:[a-z-]+ ){{0,2}}[a-z-]+)[,.]", text)
            if role:
                aliases.append(f"the {role[1]}")
            add(Name(_slug(words[-1]), name, kind, aliases))
            continue
        with_the = re.search(rf"\bthe {re.escape(name)}\b(?! [A-Z])", text) is not None
        aliases = [name, f"the {name}"]
        aliases += _short_forms(name, text)
        add(Name(_slug(name), f"the {name}" if with_the else name, kind, aliases))
    defined_caps = set(acronyms)
    for match in _CAPS.finditer(" ".join(s.text for s in body)):
        word = match[0]
        if word not in defined_caps and len(word) >= 3:
            defined_caps.add(word)
            add(Name(word.lower(), f"the {word}", "group", []))
    return names


def _short_forms(name: str, text: str) -> list[str]:
    """Return the short forms of a long name: "the X" for its last word X when the article
    calls it that ("the Trust"), and its last two words ("Arts Council")."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = []
    last = words[-1]
    if re.search(rf"\b[Tt]he {re.escape(last)}\b(?! [A-Z])", text):
        forms.append(f"the {last}")
    if len(words) > 2 and not set(words) & en.NAME_CONNECTORS:
        forms += [" ".join(words[-2:]), f"the {' '.join(words[-2:])}"]
    return forms


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def _label_words(label: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", label)}


def _kind(
    name: str,
    places: list[tuple[Sentence, int]],
    text: str,
    runs: set[str],
    person_labelled: set[str],
    place_labelled: set[str],
) -> str | None:
    """Say whether a name is a person's, a group's or a place's, from how the article uses it."""
    words = name.split()
    if name in person_labelled:
        return "person"
    if name in place_labelled:
        return "place"
    if words[-1].lower() in en.GROUP_HEADS:
        return "group"
    if len(words) > 1 and (words[-1] in runs or re.search(rf"{re.escape(name)}, an? [a-z]", text)):
        return "person"
    if len(words) == 1 and name.endswith(en.ADJECTIVE_ENDINGS):
        return None
    for sentence, start in places:
        before = sentence.text[:start].split()[-2:]
        if before[-1:] == ["the"]:
            before = sentence.text[:start].split()[-3:-1]
        if before and before[-1].lower() in en.PLACE_LEADS:
            return "place"
        if len(before) == 2 and before[1] == "of" and before[0].lower() in en.PLACE_OF:
            return "place"
    return None


def _mentions(text: str, names: Sequence[Name]) -> list[tuple[int, int, Name]]:
    """Return where each name is written in a text, longest names first, without overlaps."""
    taken: list[tuple[int, int, Name]] = []
    forms = sorted(((form, n) for n in names for form in n.forms()), key=lambda p: -len(p[0]))
    for form, name in forms:
        if len(form) < 2:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, re.IGNORECASE):
            if form.islower() and not text[match.start() : match.end()].islower():
                continue
            if any(s < match.end() and match.start() < e for s, e, _ in taken):
                continue
            taken.append((match.start(), match.end(), name))
    return sorted(taken, key=lambda m: m[0])


# -- the subject ---------------------------------------------------------------------------------


def draft_domain(article: Article) -> dict[str, list[str]]:
    """Return what `domain.yaml` can say of the subject from the title and the infobox."""
    title = _PARENTHESIS.sub("", article.title).strip()
    head_part = title.split(" of ")[0] if " of " in title else title
    head = fold(head_part.split()[-1]) if head_part.split() else ""
    domain: dict[str, list[str]] = {}
    if re.fullmatch(r"[a-z]{3,}", head):
        words = [head, head + "s"]
        domain["event_words"] = words
        domain["event_nouns"] = list(words)
    title_words = set(title.split())
    labels = []
    for _, label, value in _infobox(article):
        plain = _PARENTHESIS.sub("", value).strip()
        first = plain.split(",")[0].strip()
        placed = bool(_label_words(label) & en.PLACE_LABELS)
        if plain == title or (" " not in first and first in title_words):
            labels.append(label)
        elif placed and not any(_label_words(known) & en.PLACE_LABELS for known in labels):
            labels.append(label)  # the first place the infobox gives is the subject's own
    if labels:
        domain["setting_labels"] = labels
    used = {fold(w) for w in re.findall(r"[\w'’-]+", article.text.lower())}
    domain["stopwords"] = sorted(en.LIGHT_WORDS - used)
    return domain


# -- facts ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class DraftFact:
    """One statement of the article and the infobox lines that say the same."""

    sentence: Sentence | None
    """The statement; None for an infobox line no sentence repeats."""
    lines: list[tuple[Sentence, str, str]] = field(default_factory=list)
    """Infobox lines (sentence, label, value) the fact also cites."""
    questions: list[str] = field(default_factory=list)

    @property
    def section(self) -> str:
        return self.sentence.section if self.sentence else INFOBOX

    def cited(self) -> list[str]:
        texts = [line.text for line, _, _ in self.lines]
        return [self.sentence.text, *texts] if self.sentence else texts

    def answer(self, sides: Mapping[str, str]) -> str:
        """Return the statement, or its infobox line as a sentence (naming the side it is of)."""
        if self.sentence is not None:
            return self.sentence.text
        _, label, value = self.lines[0]
        plain, number = _label_number(label)
        side = f" ({sides[number]})" if number in sides else ""
        return f"{plain}{side}: {value}."


def _label_number(label: str) -> tuple[str, str]:
    """Split an infobox label from its number: "Strength2" is "Strength" of side 2."""
    match = re.fullmatch(r"(.*?)\s*([0-9]+)", label)
    return (match[1], match[2]) if match else (label, "")


def _sides(lines: Sequence[tuple[Sentence, str, str]], names: Sequence[Name]) -> dict[str, str]:
    """Return the name each numbered infobox label stands for: lines numbered alike are of the
    same side, and the first of them naming a group or person says which."""
    sides: dict[str, str] = {}
    for _, label, value in lines:
        _, number = _label_number(label)
        named = [n for _, _, n in _mentions(value, names) if n.kind != "place"]
        if number and named and number not in sides:
            sides[number] = named[0].name
    return sides


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9-]+", fold(text)) if w not in _SMALL}


def _statements(article: Article) -> list[DraftFact]:
    """Return one draft fact per sentence; an infobox line goes with the sentence repeating it."""
    facts = [DraftFact(s) for s in _body(article)]
    alone: list[DraftFact] = []
    for line in _infobox(article):
        _, label, value = line
        parts = [p.strip() for p in _PARENTHESIS.sub("", value).split(", ") if len(p.strip()) > 2]
        best, best_score = None, 0
        for fact in facts:
            assert fact.sentence is not None
            said = fact.sentence.text.casefold()
            score = 2 * sum(p.casefold() in said for p in parts)
            said_words = _content_words(fact.sentence.text)
            if _content_words(label) & said_words and any(
                v.endswith(w) or w.endswith(v)
                for v in _content_words(value)
                for w in said_words
                if min(len(v), len(w)) >= 5
            ):
                score += 1  # "Budget: Undisclosed" and "... has not disclosed the budget"
            if score > best_score:
                best, best_score = fact, score
        if best is not None:
            best.lines.append(line)
        else:
            alone.append(DraftFact(None, [line]))
    return alone + facts


@dataclass(slots=True)
class _Target:
    """Something a statement holds that a question may ask for."""

    kind: str
    start: int
    end: int
    words: dict[str, str] = field(default_factory=dict)


def _pieces(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each part of a sentence a question asks about on its own."""
    pieces, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text.rstrip(".!?"))))
    return [(s, e) for s, e in pieces if e > s]


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:.")
    while (stripped := _LEADING.sub("", text)) != text:
        text = stripped
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    text = re.sub(
        r"\b(?:on|in|at|by|since|from|of|to|the|a|an|and|as)$", "", text, flags=re.IGNORECASE
    ).strip(" ,")
    return re.sub(r"\s+", " ", text).strip()


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in _SMALL and not first.isupper():
        return first.lower() + text[len(first) :]
    return text


def _short(text: str, limit: int = 6) -> str:
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in _SMALL]
    return " ".join(words[:limit])


def _starts_with_verb(clause: str) -> bool:
    """Return whether a clause seems to open with a verb ("left Ber", "attacked the town")."""
    first = clause.split(" ", 1)[0].lower()
    return first.endswith("ed") or first in en.AUXILIARY_VERBS or first in en.IRREGULAR_PAST


def _inverted(clause: str) -> str:
    """Put a statement's auxiliary before its subject: "was the X founded"."""
    match = _AUXILIARY.match(clause)
    if match is None or any(
        w.lower() in en.AUXILIARY_VERBS or w.endswith("ed") or w == "that"
        for w in match["subject"].split()
    ):
        return clause
    return f"{match['aux']} {_lower_first(match['subject'])} {match['rest']}"


Drafted = tuple[str, dict[str, str]]
"""A kind of question (a key of the language's DRAFT_QUESTIONS) and the words to fill it with."""


class Drafter:
    """Drafts question phrasings for statements, from the language's templates."""

    def __init__(
        self, names: Sequence[Name], title: str, sides: Mapping[str, str] | None = None
    ) -> None:
        self.names = names
        self.sides = sides or {}
        self.subject = f"the {_PARENTHESIS.sub('', title).strip()}"
        self.taken: set[str] = set()

    def questions(self, fact: DraftFact) -> list[str]:
        """Return the fact's phrasings: the one to offer readers first, then the rest."""
        drafted: list[Drafted] = []
        if fact.sentence is not None:
            drafted += self._from_sentence(fact.sentence.text)
        for line, label, value in fact.lines:
            said = fact.sentence.text if fact.sentence is not None else line.text
            drafted += self._from_line(label, value, said)
        if fact.sentence is not None:
            short = _short(_PARENTHESIS.sub("", fact.sentence.text), 5)
            drafted.append(("about", {"short": _lower_first(short)}))
        english = [_fill(t, slots) for kind, slots in drafted for t in en.DRAFT_QUESTIONS[kind]]
        french = [
            _fill(t, slots) for kind, slots in drafted for t in fr.DRAFT_QUESTIONS.get(kind, ())
        ]
        # Offered to readers first: the first question of the best-formed kind.
        fluent = [
            _fill(en.DRAFT_QUESTIONS[kind][0], slots)
            for kind, slots in sorted(drafted, key=_fluency)
            if kind in _FLUENT or slots.get("fluent")
        ]
        kept = self._keep([*fluent, *english, *french])
        offered = next((q for q in kept if q[:1].isupper() and q.endswith("?")), None)
        if offered is not None:
            kept.remove(offered)
            kept.insert(0, offered)
        return kept

    def _keep(self, questions: list[str]) -> list[str]:
        """Return the questions no earlier fact has, each once."""
        kept = []
        for question in questions:
            question = re.sub(r"\s+", " ", question).strip()
            key = " ".join(re.findall(r"\w+", question.casefold()))
            if len(key.split()) < 2 or key in self.taken:
                continue
            self.taken.add(key)
            kept.append(question)
        return kept

    def _from_sentence(self, text: str) -> list[Drafted]:
        drafted: list[Drafted] = []
        mentions = _mentions(text, self.names)
        plain = _PARENTHESIS.sub("", text)
        for acronym in _ACRONYM.findall(text):
            drafted.append(("acronym", {"acronym": acronym}))
        for start, end, name in mentions:
            if re.match(r", an? ", text[end : end + 4]):
                kind = "person" if name.kind == "person" else "definition"
                drafted.append((kind, {"name": text[start:end], "subject": text[start:end]}))
        for match in _THING.finditer(text):
            drafted.append(("definition", {"subject": _lower_first(match["thing"])}))
        if definition := _DEFINITION.match(plain):
            drafted.append(("definition", {"subject": _lower_first(definition["subject"])}))
        targets = self._targets(text, mentions)
        for target in targets:
            if target.kind != "weekday":
                drafted.append(self._asking(text, target))
        for target in [t for t in targets if t.kind == "weekday"]:
            drafted.append(("date", {"date": _lower_first(target.words["date"]), "year": ""}))
        for target in [t for t in targets if t.kind == "when"][:1]:
            date = target.words["date"]
            year = re.search(_YEAR, date)
            prep = target.words.get("prep", "").lower()
            prep = prep or ("on" if not re.fullmatch(_YEAR, date) else "in")
            drafted.append(("date", {"date": f"{prep} {date}", "year": year[0] if year else ""}))
        for start, end in _pieces(plain):
            piece = _clean(plain[start:end])
            if len(piece.split()) >= 4 and piece.split()[0].lower() not in ("a", "an"):
                drafted.append(("claim", {"clause": _lower_first(piece), "short": piece}))
        if "name" in {w.lower() for w in re.findall(r"\w+", text)}:
            drafted.append(("name", {"short": _short(plain, 4)}))
        return drafted

    def _targets(self, text: str, mentions: list[tuple[int, int, Name]]) -> list[_Target]:
        """Return what a question may ask of a sentence: its dates, numbers, names, reasons."""
        targets: list[_Target] = []
        for match in _WEEKDAY.finditer(text):
            words = {"date": match[0]}
            targets.append(_Target("weekday", match.start(), match.end(), words))
        for match in _DATE.finditer(text):
            words = {"date": match["date"], "prep": match["prep"] or ""}
            targets.append(_Target("when", match.start(), match.end(), words))
        dated = [(t.start, t.end) for t in targets]
        for match in _AGE.finditer(text):
            targets.append(_Target("age", match.start(), match.end()))
        for match in _COUNT.finditer(text):
            if any(s <= match.start("number") < e for s, e in dated):
                continue
            if match["number"].lower() in en.AMBIGUOUS_NUMBERS and not match["unit"]:
                continue
            unit = (match["unit"] or "").strip("-")
            noun = match["noun"].split()
            if unit in en.DURATION_UNITS or noun[0] in en.DURATION_UNITS:
                end = match.end("unit") if unit else match.start("noun") + len(noun[0])
                targets.append(_Target("duration", match.start(), end))
                continue
            if unit:
                continue
            if noun[0] in _SMALL:
                # A number of no named thing ("38,000 in 2019") is mostly one of people.
                end = match.end("number")
                targets.append(_Target("people", match.start(), end))
                continue
            if noun[0].endswith("s") or noun[-1] in _SMALL or noun[-1].endswith(("ing", "ed")):
                noun = noun[:1]  # "stages across" is "stages"; "paper lanterns" stays whole
            end = match.start("noun") + len(" ".join(noun))
            targets.append(_Target("count", match.start(), end, {"noun": " ".join(noun)}))
        for start, end, name in mentions:
            before = text[:start].split()[-2:]
            if name.kind == "place" and set(before) & en.PLACE_LEADS:
                lead = next(w for w in reversed(before) if w in en.PLACE_LEADS)
                start = text.rindex(lead, 0, start)
                targets.append(_Target("where", start, end))
            elif name.kind in ("person", "group") and not name.subject:
                targets.append(_Target("who", start, end))
                roles = sorted(_words(text) & en.LEADER_ROLES)
                if name.kind == "person" and roles:
                    targets.append(_Target("leader", start, end, {"role": roles[0]}))
        for match in _REASON.finditer(text):
            stop = _CLAUSE_BREAK.search(text, match.end())
            targets.append(_Target("why", match.start(), stop.start() if stop else len(text)))
        return sorted(targets, key=lambda t: t.start)

    def _asking(self, text: str, target: _Target) -> Drafted:
        """Return the question asking for one target: its part of the sentence, less the target."""
        pieces = _pieces(text)
        index = next(
            (i for i, (s, e) in enumerate(pieces) if s <= target.start < e), len(pieces) - 1
        )
        start, end = pieces[index]
        before = _PARENTHESIS.sub("", text[start : target.start])
        after = _PARENTHESIS.sub("", text[target.end : end])
        clause = _clean(f"{before} {after}")
        if (len(_short(clause).split()) < 2 or target.kind == "why") and index > 0:
            # The part holding the target says too little: ask with the sentence's first part.
            first = _PARENTHESIS.sub("", text[pieces[0][0] : pieces[0][1]])
            clause = _clean(f"{first} {clause}" if target.kind != "why" else first)
        words = dict(target.words)
        kind = target.kind
        fluent = False
        if kind == "who" and not _clean(before):
            words["clause"] = _clean(after)  # the name is the subject: "who seized the town"
            fluent = _starts_with_verb(words["clause"])
        elif kind == "who" and (passive := _PASSIVE_BY.match(before)):
            rest = f"{passive['middle']} {after}"
            words["clause"] = _clean(f"{passive['verb']} {_lower_first(passive['subject'])} {rest}")
            fluent = True
        elif kind == "count":
            noun = words["noun"]
            fluent = _clean(before) == ""  # "About 140 acts perform": "how many acts perform"
            rest = _clean(after) if fluent else clause
            words["clause"] = _inverted(_lower_first(rest)) if rest != noun else ""
        else:
            words["clause"] = _inverted(_lower_first(clause))
            fluent = words["clause"] != _lower_first(clause) and kind in ("when", "where", "why")
        if fluent and words["clause"]:
            words["fluent"] = "yes"
        words["short"] = _lower_first(_short(clause, 5))
        return (kind, words)

    def _from_line(self, label: str, value: str, said: str) -> list[Drafted]:
        """Return the questions an infobox line answers, by its label and what its value is."""
        words = _label_words(label)
        plain_label, number = _label_number(label)
        plain_label = plain_label.lower()
        side = self.sides.get(number, "")
        slots = {"label": plain_label, "title": self.subject, "value": value, "side": side}
        drafted: list[Drafted] = []
        plain_value = _PARENTHESIS.sub("", value).strip()
        if side:
            drafted.append(("label_side", slots))
        if _words(plain_value) & en.NOT_KNOWN:
            drafted.append(("unknown", slots))
        named = [n for _, _, n in _mentions(value, self.names) if n.kind != "place"]
        if named and not plain_label.endswith(" by"):
            # A line naming a group or a person says who: "Result: X victory".
            words_of = {"clause": f"{plain_label} {self.subject}", "short": plain_label}
            drafted.append(("who", words_of))
        if plain_label.endswith(" by"):
            verb = plain_label.removesuffix(" by")
            drafted.append(("who", {"clause": f"{verb} {self.subject}", "short": verb}))
        elif words & en.PERSON_LABELS:
            drafted.append(("label_person", slots))
        elif words & en.PLACE_LABELS:
            drafted.append(("label_place", slots))
        elif _DATE.fullmatch(plain_value) or re.fullmatch(_YEAR, plain_value):
            drafted.append(("label_date", slots))
        elif re.match(rf"(?:{_NUMBER})\b", plain_value):
            drafted.append(("label_count", slots))
        elif "," in plain_value:
            drafted.append(("label_kind", slots))
            for part in plain_value.split(", "):
                # Only what the statement itself says: its line may list more.
                if len(part.split()) > 1 and part.casefold() in said.casefold():
                    drafted.append(("kind", {"noun": part.split()[-1].lower()}))
        if not plain_label.endswith(("ed", " by")):
            drafted.append(("label", slots))
        return drafted


_FLUENT: tuple[str, ...] = (
    *("acronym", "person", "leader", "definition", "date", "label_date", "label_person"),
    *("label_place", "label_side", "label", "about"),
)
"""Kinds whose questions always read well, best first; other kinds' read well only when the
statement could be turned into a question ("fluent")."""
_ORDER = ("acronym", "person", "definition", "who", "count", "when", "leader", "where", "why")


def _fluency(drafted: Drafted) -> int:
    kind = drafted[0]
    order = (*_ORDER, *_FLUENT)
    return order.index(kind) if kind in order else len(order)


def _fill(template: str, slots: Mapping[str, str]) -> str:
    """Fill a template; return "" when it needs a slot the statement leaves empty."""
    used = re.findall(r"{(\w+)}", template)
    if not all(slots.get(name, "").strip() for name in used):
        return ""
    filled = template.format(**slots)
    return filled[:1].upper() + filled[1:] if template[:1].isupper() else filled


# -- the pack ------------------------------------------------------------------------------------


def read_article(text: str) -> Article:
    """Parse an article to draft from; raise DraftError when it has nothing to draft."""
    article = parse_article(text)
    if not _body(article):
        raise DraftError("the article has no sentences outside its infobox")
    return article


def draft_pack(text: str, source: SourceFields) -> dict[str, str]:
    """Return the files of a pack drafted from an article's text, by path within the pack."""
    article = read_article(text)
    names = find_names(article)
    sides = _sides(_infobox(article), names)
    drafter = Drafter(names, article.title or source.title, sides)
    facts = _statements(article)
    ids: set[str] = set()
    by_section: dict[str, list[dict[str, object]]] = {}
    for fact in facts:
        questions = drafter.questions(fact)
        if not questions:
            continue
        cited = fact.cited()
        fact_id = _fact_id(cited[0], ids)
        about = []
        for _, _, name in _mentions(" ".join(cited), names):
            if name.id not in about:
                about.append(name.id)
        record: dict[str, object] = {
            "id": fact_id,
            "draft": True,
            "answer": fact.answer(sides),
            "cite": cited,
            "about": about,
            "questions": questions,
        }
        by_section.setdefault(fact.section, []).append(record)
    files = {
        "article.txt": text if text.endswith("\n") else text + "\n",
        "source.yaml": _dump(source.completed()),
        "aliases.yaml": _dump(
            [{"id": n.id, "name": n.name, "kind": n.kind, "aliases": n.aliases} for n in names]
        ),
        "synonyms.yaml": _NO_SYNONYMS,
        "domain.yaml": _dump(draft_domain(article)) if draft_domain(article) else "{}\n",
    }
    order = [INFOBOX, *(s for s in article.sections if s != INFOBOX)]
    for number, section in enumerate(s for s in order if s in by_section):
        files[f"{FACTS_DIR}/{number:02d}-{_slug(section)}.yaml"] = _dump(by_section[section])
    return files


def _fact_id(text: str, taken: set[str]) -> str:
    plain = fold(_PARENTHESIS.sub("", text))
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _SMALL]
    base = "-".join(words[:4]) or "fact"
    fact_id, number = base, 2
    while fact_id in taken:
        fact_id, number = f"{base}-{number}", number + 1
    taken.add(fact_id)
    return fact_id


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def write_pack(directory: Path, files: Mapping[str, str]) -> None:
    """Write a drafted pack into a new or empty directory; never overwrite anything."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise DraftError(f"{directory} already exists and is not an empty directory")
    try:
        for relative, content in files.items():
            path = directory / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    except OSError as error:
        raise DraftError(f"cannot write the pack in {directory}: {error}") from error
