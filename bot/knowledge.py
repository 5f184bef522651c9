"""Load and validate the knowledge pack: article, source, entities, synonyms and facts."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from bot import opinion
from bot.article import Article, parse_article
from bot.errors import BotError
from bot.opinion import Classifier

ARTICLE_FILE = "article.txt"
SOURCE_FILE = "source.yaml"
ALIASES_FILE = "aliases.yaml"
SYNONYMS_FILE = "synonyms.yaml"
DOMAIN_FILE = "domain.yaml"
CLASSIFIER_FILE = "classifier.json"
FACTS_DIR = "facts"
FACT_FILE_SUFFIXES = (".yaml", ".yml")

_PROJECT = "berbot"
"""The project name in pyproject.toml that marks a source checkout of this bot."""
ENTITY_KINDS = ("group", "person", "place")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD = re.compile(r"^[a-z0-9]+$")
_FACT_KEYS = {"id", "answer", "cite", "questions", "about", "draft"}
_FACT_REQUIRED = ("id", "answer", "cite", "questions")
_ENTITY_KEYS = {"id", "name", "kind", "aliases"}
_SOURCE_KEYS = ("title", "url", "publisher", "licence", "licence_url", "notice")


class KnowledgeError(BotError):
    """The knowledge pack is broken; says which file, which fact and what is wrong."""

    label = "Broken knowledge pack"

    def __init__(self, problem: str, *, file: Path | str, fact_id: str | None = None) -> None:
        self.problem = problem
        self.file = str(file)
        self.fact_id = fact_id
        where = f"{self.file}: fact '{fact_id}'" if fact_id else self.file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article comes from, and its licence."""

    title: str
    """The article's title."""
    url: str
    """The article's address."""
    publisher: str
    """Who publishes it, e.g. English Wikipedia."""
    licence: str
    """The licence's short name, e.g. CC BY-SA 4.0."""
    licence_url: str
    """The licence's address."""
    notice: str
    """The attribution to show with the text."""

    def section_url(self, section: str) -> str:
        """Return the address of an article section (the article itself for infobox and lead)."""
        if section in ("Infobox", "Lead"):
            return self.url
        return f"{self.url}#{section.replace(' ', '_')}"


@dataclass(frozen=True, slots=True)
class Entity:
    """A group, person or place the article names, with the names readers use for it."""

    id: str
    """Unique id, e.g. maa."""
    name: str
    """Short name a follow-up is rewritten with, e.g. "the MAA"."""
    kind: str
    """group, person or place: which pronouns can refer to it."""
    aliases: tuple[str, ...]
    """Other names for it, matched as whole words."""


@dataclass(frozen=True, slots=True)
class Citation:
    """Article text that backs an answer."""

    section: str
    """The section the text comes from."""
    text: str
    """Verbatim article text."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One curated fact: a direct answer, what it cites, and how readers ask for it."""

    id: str
    """Unique id across the pack."""
    answer: str
    """One short direct answer written from the article."""
    citations: tuple[Citation, ...]
    """The article text the answer rests on."""
    questions: tuple[str, ...]
    """Ways a reader may ask; the first is the one shown as a suggestion."""
    about: tuple[str, ...]
    """Entity ids the fact is about, most important first."""
    file: str
    """The file the fact was loaded from, for messages."""
    draft: bool = False
    """Not yet reviewed (`draft: true`): tried in the console, never shown to Telegram readers."""

    @property
    def section(self) -> str:
        """Return the section of the fact's first citation."""
        return self.citations[0].section


@dataclass(frozen=True, slots=True)
class Domain:
    """What the engine needs to know of an article's subject, from `domain.yaml`."""

    event_words: tuple[str, ...] = ()
    """Words naming the kind of event the article is about: "the battle of X" is another one."""
    event_nouns: tuple[str, ...] = ()
    """Nouns for events of the subject: "the X fighting" names one, "that raid" the last."""
    setting_labels: tuple[str, ...] = ()
    """Infobox labels whose lines give the subject's own name, place and wider event."""
    sides_label: str | None = None
    """The infobox label of the sides ("Combatant" for Combatant1, Combatant2), if any."""
    people_nouns: tuple[str, ...] = ()
    """People the article counts or tells of who are no entity: "they" may be them."""
    people_adjectives: tuple[str, ...] = ()
    """Words that make "population" a group of people, not a size ("civil population")."""
    force_nouns: tuple[str, ...] = ()
    """Forces whose number "how many ... were there?" asks."""
    kind_nouns: tuple[str, ...] = ()
    """What "which ...?" asks the kind of."""
    group_nouns: tuple[str, ...] = ()
    """Words for a group after a claim about what it is ("a Tuareg group")."""
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """More words asking for each thing a question may ask for ("weapon": "guns", ...)."""
    stopwords: tuple[str, ...] = ()
    """Words that ask nothing in questions about this subject."""
    starters: tuple[str, ...] = ()
    """Fact ids of the example questions offered to a new reader."""


@dataclass(frozen=True, slots=True)
class Pack:
    """A whole, validated knowledge pack."""

    directory: Path
    """Where the pack was loaded from."""
    article: Article
    """The parsed article."""
    source: Source
    """The article's source and licence."""
    entities: tuple[Entity, ...]
    """Every entity, in file order."""
    synonyms: Mapping[str, str]
    """Word to the canonical word it folds onto."""
    facts: tuple[Fact, ...]
    """Every fact, in file order."""
    domain: Domain = field(default_factory=Domain)
    """What the engine needs to know of the article's subject."""
    classifier: Classifier | None = None
    """The second opinion fitted on these facts' phrasings, if the pack has a current one."""
    classifier_note: str | None = None
    """Why the pack's classifier is not used, when it has one that is out of date."""

    def fact(self, fact_id: str) -> Fact | None:
        """Return the fact with this id, or None."""
        return next((f for f in self.facts if f.id == fact_id), None)

    @property
    def drafts(self) -> tuple[Fact, ...]:
        """Return the facts still marked as drafts."""
        return tuple(f for f in self.facts if f.draft)

    def describe(self) -> str:
        """Return where the pack is (from the working directory, when inside it) and what it
        holds, as commands name it: "knowledge (43 facts)"."""
        where = self.directory
        with contextlib.suppress(ValueError, OSError):
            where = self.directory.resolve().relative_to(Path.cwd().resolve())
        drafts = len(self.drafts)
        held = _count(len(self.facts), "fact") + (f", {drafts} of them drafts" if drafts else "")
        return f"{where} ({held})"

    def without_drafts(self) -> Pack:
        """Return the pack with its draft facts left out, as readers see it.

        Raise KnowledgeError when every fact is a draft.
        """
        if not self.drafts:
            return self
        kept = tuple(f for f in self.facts if not f.draft)
        if not kept:
            raise KnowledgeError(
                "every fact is a draft (draft: true); review at least one before serving readers",
                file=self.directory / FACTS_DIR,
            )
        ids = {f.id for f in kept}
        starters = tuple(s for s in self.domain.starters if s in ids)
        return replace(self, facts=kept, domain=replace(self.domain, starters=starters))


def asked_facts(facts: tuple[Fact, ...]) -> dict[str, int]:
    """Return each phrasing's fact, by its position in `facts`: the fact a question offered to a
    reader (in any language) answers. A fact's first phrasing goes before any other's."""
    asked = {fact.questions[0]: number for number, fact in reversed(list(enumerate(facts)))}
    for number, fact in enumerate(facts):
        for question in fact.questions[1:]:
            asked.setdefault(question, number)
    return asked


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def default_pack_dir() -> Path:
    """Return the bundled pack: inside the installed package, or the source tree's knowledge/."""
    here = Path(__file__).resolve().parent
    installed = here / "knowledge"
    return installed if installed.is_dir() else here.parent / "knowledge"


def _nearest_project(start: Path) -> Path | None:
    """Return the nearest directory at or above `start` holding a project with a pack."""
    for directory in (start, *start.parents):
        if (directory / "pyproject.toml").is_file() and (
            directory / "knowledge" / ARTICLE_FILE
        ).is_file():
            return directory
    return None


def _checkout_pack(project: Path) -> Path | None:
    """Return the knowledge/ of a project directory if it is a berbot source checkout."""
    import tomllib  # (Read only inside another project: most starts never need it.)

    try:
        text = (project / "pyproject.toml").read_text(encoding="utf-8")
        name = tomllib.loads(text)["project"]["name"]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return None
    return project / "knowledge" if name == _PROJECT else None


def choose_pack_dir(chosen: Path | str | None, *, cwd: Path) -> tuple[Path, str | None]:
    """Return the pack a command uses, and a note to show when that is not the obvious one.

    A pack named on the command line or in BERBOT_KNOWLEDGE is used as it is. Otherwise the
    bundled pack is, unless the command runs inside a source checkout whose knowledge/ differs
    from it: a curator editing that checkout means to use their edits, so it is used, and said.
    """
    if chosen is not None:
        return Path(chosen), None
    bundled = default_pack_dir()
    project = _nearest_project(cwd)
    # (Outside any project, or inside the source tree the package runs from: its own pack.)
    if project is None or (project / "knowledge").resolve() == bundled.resolve():
        return bundled, None
    checkout = _checkout_pack(project)
    if checkout is None or digest(checkout) == digest(bundled):
        return bundled, None
    return checkout, (
        f"Using this checkout's pack {checkout}: it differs from the installed one, {bundled} "
        "(pass --knowledge to choose)."
    )


def digest(directory: Path) -> str:
    """Return a digest of every file under a directory, names and contents."""
    total = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        total.update(path.relative_to(directory).as_posix().encode())
        total.update(hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()


def load_pack(directory: Path | str | None = None, *, classifier: bool = True) -> Pack:
    """Load and validate a pack; raise KnowledgeError naming the file and fact on any problem.

    `classifier`: whether to read the pack's classifier too (not when it is being refitted).
    """
    root = Path(directory) if directory is not None else default_pack_dir()
    if not root.is_dir():
        raise KnowledgeError("not a knowledge pack directory", file=root)
    article_path = root / ARTICLE_FILE
    try:
        article = parse_article(article_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(f"cannot read the article: {error}", file=article_path) from error
    if not article.sentences:
        raise KnowledgeError("the article has no sentences", file=article_path)
    source = _load_source(root / SOURCE_FILE)
    entities = _load_entities(root / ALIASES_FILE)
    synonyms = _load_synonyms(root / SYNONYMS_FILE)
    facts = _load_facts(root / FACTS_DIR, article, {e.id for e in entities})
    domain = _load_domain(root / DOMAIN_FILE, {f.id for f in facts})
    fitted, note = _load_classifier(root / CLASSIFIER_FILE, facts) if classifier else (None, None)
    return Pack(root, article, source, entities, synonyms, facts, domain, fitted, note)


def _load_classifier(path: Path, facts: tuple[Fact, ...]) -> tuple[Classifier | None, str | None]:
    """Return the pack's classifier if it was fitted on these facts' phrasings, else why not."""
    try:
        classifier = opinion.load(path)
    except opinion.ClassifierFileError as error:
        raise KnowledgeError(str(error).removeprefix(f"{path}: "), file=path) from error
    if classifier is None:
        return None, None
    if classifier.fitted_on != opinion.fingerprint((f.id, f.questions) for f in facts):
        # (Fitted on question files too, it is refitted on them again: say which.)
        besides = "".join(f" --questions {name}" for name in classifier.questions)
        return None, (
            f"{path.name} was fitted on other phrasings than the facts have now, so it is not "
            f"used: refit it with python -m bot pack fit{besides}"
        )
    return classifier, None


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise KnowledgeError("file is missing", file=path) from error
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(f"cannot read: {error}", file=path) from error
    # (Imported here: a start that loads a saved engine reads no YAML.)
    import yaml

    # libyaml's safe loader where PyYAML was built with it: the same safe subset, several
    # times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise KnowledgeError(f"malformed YAML{where}: {problem}", file=path) from error


def _load_source(path: Path) -> Source:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of source fields", file=path)
    _check_keys(data, set(_SOURCE_KEYS), _SOURCE_KEYS, file=path, fact_id=None, what="source")
    values = {key: _text(data[key], key, file=path, fact_id=None) for key in _SOURCE_KEYS}
    return Source(**values)


def _load_entities(path: Path) -> tuple[Entity, ...]:
    data = _read_yaml(path)
    if not isinstance(data, list):
        raise KnowledgeError("expected a list of entities", file=path)
    entities: list[Entity] = []
    owner: dict[str, str] = {}
    for item in data:
        if not isinstance(item, dict):
            raise KnowledgeError(f"each entity must be a mapping, got {item!r}", file=path)
        entity_id = item.get("id")
        label = entity_id if isinstance(entity_id, str) else None
        _check_keys(
            item, _ENTITY_KEYS, tuple(_ENTITY_KEYS), file=path, fact_id=label, what="entity"
        )
        entity_id = _identifier(item["id"], file=path, what="entity")
        if any(e.id == entity_id for e in entities):
            raise KnowledgeError(f"duplicate entity id '{entity_id}'", file=path)
        name = _text(item["name"], "name", file=path, fact_id=entity_id)
        kind = item["kind"]
        if kind not in ENTITY_KINDS:
            raise KnowledgeError(
                f"entity '{entity_id}': kind must be one of {', '.join(ENTITY_KINDS)}, "
                f"got {kind!r}",
                file=path,
            )
        aliases = _texts(item["aliases"], "aliases", file=path, fact_id=entity_id, allow_empty=True)
        for alias in (*aliases, entity_id.replace("-", " ")):
            key = alias.casefold()
            if key in owner and owner[key] != entity_id:
                raise KnowledgeError(
                    f"entity '{entity_id}': alias '{alias}' already names entity '{owner[key]}'",
                    file=path,
                )
            owner[key] = entity_id
        entities.append(Entity(entity_id, name, kind, aliases))
    return tuple(entities)


def _load_synonyms(path: Path) -> dict[str, str]:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of canonical word to its synonyms", file=path)
    folded: dict[str, str] = {}
    for canonical, words in data.items():
        if not isinstance(canonical, str) or not _WORD.match(canonical):
            raise KnowledgeError(f"'{canonical}' is not a single lowercase word", file=path)
        if not isinstance(words, list) or not words:
            raise KnowledgeError(f"'{canonical}': expected a non-empty list of words", file=path)
        for word in words:
            if not isinstance(word, str) or not _WORD.match(word):
                raise KnowledgeError(
                    f"'{canonical}': {word!r} is not a single lowercase unaccented word", file=path
                )
            if word in folded and folded[word] != canonical:
                raise KnowledgeError(
                    f"'{word}' is listed under both '{folded[word]}' and '{canonical}'", file=path
                )
            if word != canonical:
                folded[word] = canonical
    return folded


def _load_domain(path: Path, fact_ids: set[str]) -> Domain:
    """Read `domain.yaml`; a pack without one has an empty domain."""
    if not path.exists():
        return Domain()
    data = _read_yaml(path)
    if data is None:
        return Domain()
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of settings", file=path)
    known = {f.name for f in fields(Domain)}
    _check_keys(data, known, (), file=path, fact_id=None, what="domain file")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "sides_label":
            values[key] = _text(value, key, file=path, fact_id=None)
        elif key == "attributes":
            if not isinstance(value, dict):
                raise KnowledgeError("'attributes' must map a name to a list of words", file=path)
            values[key] = {
                _word(name, "attributes", path): _words(words, f"attributes: {name}", path)
                for name, words in value.items()
            }
        elif key == "setting_labels":
            values[key] = _texts(value, key, file=path, fact_id=None)
        else:
            values[key] = _words(value, key, path, ids=key == "starters")
    for fact_id in values.get("starters", ()):
        if fact_id not in fact_ids:
            raise KnowledgeError(f"'starters' names fact '{fact_id}', which no fact has", file=path)
    return Domain(**values)


def _word(value: object, key: str, path: Path, *, ids: bool = False) -> str:
    pattern = _ID if ids else _WORD
    if not isinstance(value, str) or not pattern.match(value):
        raise KnowledgeError(
            f"'{key}': {value!r} is not a single lowercase unaccented " + ("id" if ids else "word"),
            file=path,
        )
    return value


def _words(value: object, key: str, path: Path, *, ids: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise KnowledgeError(f"'{key}' must be a non-empty list", file=path)
    return tuple(_word(word, key, path, ids=ids) for word in value)


def _load_facts(directory: Path, article: Article, entity_ids: set[str]) -> tuple[Fact, ...]:
    files = (
        sorted(p for p in directory.iterdir() if p.suffix in FACT_FILE_SUFFIXES and p.is_file())
        if directory.is_dir()
        else []
    )
    if not files:
        raise KnowledgeError("no fact files (*.yaml or *.yml)", file=directory)
    facts: list[Fact] = []
    seen: dict[str, str] = {}
    phrasing_owner: dict[str, str] = {}
    for path in files:
        data = _read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, list):
            raise KnowledgeError("expected a list of facts", file=path)
        for item in data:
            fact = _fact(item, path, article, entity_ids)
            if fact.id in seen:
                raise KnowledgeError(
                    f"duplicate id: also defined in {seen[fact.id]}", file=path, fact_id=fact.id
                )
            seen[fact.id] = str(path)
            for question in fact.questions:
                key = " ".join(re.findall(r"\w+", question.casefold()))
                if key in phrasing_owner and phrasing_owner[key] != fact.id:
                    raise KnowledgeError(
                        f"phrasing '{question}' also belongs to fact '{phrasing_owner[key]}'",
                        file=path,
                        fact_id=fact.id,
                    )
                phrasing_owner[key] = fact.id
            facts.append(fact)
    if not facts:
        raise KnowledgeError("the pack has no facts", file=directory)
    return tuple(facts)


def _fact(item: object, path: Path, article: Article, entity_ids: set[str]) -> Fact:
    if not isinstance(item, dict):
        raise KnowledgeError(f"each fact must be a mapping, got {item!r}", file=path)
    raw_id = item.get("id")
    label = raw_id if isinstance(raw_id, str) else None
    _check_keys(item, _FACT_KEYS, _FACT_REQUIRED, file=path, fact_id=label, what="fact")
    fact_id = _identifier(item["id"], file=path, what="fact")
    answer = _text(item["answer"], "answer", file=path, fact_id=fact_id)
    citations: list[Citation] = []
    for quote in _texts(item["cite"], "cite", file=path, fact_id=fact_id):
        sentence = article.find(quote)
        if sentence is None:
            raise KnowledgeError(
                f"citation is not verbatim in the article: {quote!r}", file=path, fact_id=fact_id
            )
        citations.append(Citation(sentence.section, quote))
    questions = _texts(item["questions"], "questions", file=path, fact_id=fact_id)
    for question in questions:
        if not re.search(r"\w", question):
            raise KnowledgeError(f"phrasing {question!r} has no words", file=path, fact_id=fact_id)
    about = _texts(item.get("about", []), "about", file=path, fact_id=fact_id, allow_empty=True)
    for entity_id in about:
        if entity_id not in entity_ids:
            raise KnowledgeError(
                f"'about' names entity '{entity_id}', which is not in {ALIASES_FILE}",
                file=path,
                fact_id=fact_id,
            )
    draft = item.get("draft", False)
    if not isinstance(draft, bool):
        raise KnowledgeError(
            f"'draft' must be true or false, got {draft!r}", file=path, fact_id=fact_id
        )
    return Fact(fact_id, answer, tuple(citations), questions, about, str(path), draft)


def _check_keys(
    item: Mapping[Any, Any],
    allowed: set[str],
    required: tuple[str, ...],
    *,
    file: Path,
    fact_id: str | None,
    what: str,
) -> None:
    unknown = sorted(str(k) for k in item if k not in allowed)
    if unknown:
        raise KnowledgeError(
            f"unknown key(s) {', '.join(unknown)}; a {what} has {', '.join(sorted(allowed))}",
            file=file,
            fact_id=fact_id,
        )
    missing = [k for k in required if k not in item]
    if missing:
        raise KnowledgeError(f"missing key(s) {', '.join(missing)}", file=file, fact_id=fact_id)


def _identifier(value: object, *, file: Path, what: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise KnowledgeError(
            f"{what} id {value!r} must be lowercase letters, digits and dashes", file=file
        )
    return value


def _text(value: object, key: str, *, file: Path, fact_id: str | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"'{key}' must be non-empty text", file=file, fact_id=fact_id)
    return value.strip()


def _texts(
    value: object, key: str, *, file: Path, fact_id: str | None, allow_empty: bool = False
) -> tuple[str, ...]:
    if not isinstance(value, list) or (not value and not allow_empty):
        raise KnowledgeError(f"'{key}' must be a non-empty list", file=file, fact_id=fact_id)
    texts = []
    for element in value:
        if not isinstance(element, str) or not element.strip():
            raise KnowledgeError(
                f"'{key}' has an empty or non-text item: {element!r}", file=file, fact_id=fact_id
            )
        texts.append(element.strip())
    return tuple(texts)
