"""Score question files by the rules the bot is judged by."""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.errors import BotError
from bot.knowledge import Pack
from bot.matching import Context, Engine, Reply, Thresholds
from bot.opinion import Classifier
from bot.verdict import FOLDS, Verdict

KINDS = ("answerable", "unknown", "absent", "out_of_scope", "near_miss", "either")
STYLES = (
    "plain", "typo", "paraphrase", "terse", "verbose", "group", "followup", "french", "adversarial",
)  # fmt: skip
ANSWERED_KINDS = {"answerable", "unknown"}
_KEYS = {"q", "chat", "kind", "expect", "style"}


class QuestionFileError(BotError):
    """A question file is not in the documented format."""

    label = "Bad question file"
    exit_status = 2


@dataclass(frozen=True, slots=True)
class Item:
    """One scored question: a single question, or a conversation whose last turn is scored."""

    turns: tuple[str, ...]
    """The conversation; a lone question is one turn."""
    kind: str
    """How the question should be handled (answerable, absent, ...)."""
    expect: tuple[str, ...]
    """Phrases of which one must appear in the answer or its citations."""
    style: str
    """How the question is written (plain, typo, french, ...)."""


@dataclass(frozen=True, slots=True)
class Result:
    """One item's outcome."""

    item: Item
    """The item asked."""
    reply: Reply
    """What the bot said to its last turn."""
    correct: bool
    """Whether that counts as correct."""


def load_questions(path: Path) -> list[Item]:
    """Read a question file, rejecting anything outside the format."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionFileError(f"{path}: cannot read: {error}") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise QuestionFileError(f"{path}: malformed YAML{where}: {problem}") from error
    if not isinstance(data, list):
        raise QuestionFileError(f"{path}: expected a list of questions")
    return [_read_item(raw, f"{path}: item {number}") for number, raw in enumerate(data, 1)]


def _read_item(raw: object, where: str) -> Item:
    """Read one item of a question file, rejecting anything outside the format."""
    if not isinstance(raw, dict) or set(raw) - _KEYS:
        raise QuestionFileError(f"{where}: expected keys among {sorted(_KEYS)}, got {raw!r}")
    turns = _read_turns(raw, where)
    kind, style = raw.get("kind"), raw.get("style", "plain")
    if kind not in KINDS:
        raise QuestionFileError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if style not in STYLES:
        raise QuestionFileError(f"{where}: unknown style {style!r} (one of {', '.join(STYLES)})")
    expect = raw.get("expect", [])
    if isinstance(expect, str):
        expect = [expect]
    if kind in ANSWERED_KINDS and not expect:
        raise QuestionFileError(f"{where}: a {kind} question needs 'expect' phrases")
    joined = tuple(" ".join(t.split("\n")) for t in turns)
    return Item(joined, kind, tuple(str(e) for e in expect), style)


def _read_turns(raw: dict[str, Any], where: str) -> list[str]:
    """Return an item's turns: its one question, or its conversation."""
    if ("q" in raw) == ("chat" in raw):
        raise QuestionFileError(f"{where}: needs exactly one of 'q' or 'chat'")
    turns = [raw["q"]] if "q" in raw else raw["chat"]
    if not isinstance(turns, list) or not turns or not all(isinstance(t, str) for t in turns):
        raise QuestionFileError(f"{where}: 'chat' must be a list of questions")
    return turns


def is_correct(item: Item, reply: Reply) -> bool:
    """Score one reply by the published rules."""
    # (With every answer of a message asking several questions.)
    shown = " ".join(
        text for a in (reply, *reply.also) for text in (a.text, *(c.text for c in a.citations))
    ).casefold()
    has_phrase = any(phrase.casefold() in shown for phrase in item.expect)
    if item.kind in ANSWERED_KINDS:
        return reply.answered and has_phrase
    if item.kind == "either":
        return not reply.answered or has_phrase
    return not reply.answered


def run(engine: Engine, items: list[Item]) -> list[Result]:
    """Ask every item (conversations in order) and score the last turn of each."""
    results = []
    for item in items:
        context: Context | None = None
        reply: Reply | None = None
        for turn in item.turns:
            reply = engine.answer(turn, context=context)
            context = reply.context
        assert reply is not None
        results.append(Result(item, reply, is_correct(item, reply)))
    return results


OWN_PARTS = "questions"
"""What a part's classifier records the file's other parts as, beside the other files' names."""


FITTING_PROCESSES: int | None = None
"""How many parts' classifiers `fold_engines` fits at once; None: one a processor this process
may use (`joblib.cpu_count`, which heeds a container's quota)."""


def fold_engines(
    pack: Pack,
    items: Sequence[Item],
    folds: int = FOLDS,
    *,
    thresholds: Thresholds | None = None,
    verdict: Verdict | Literal["fitted"] | None = "fitted",
    besides: Sequence[tuple[str, Sequence[Item]]] = (),
) -> Iterator[tuple[Engine, list[int]]]:
    """Yield, for each of `folds` parts of the items (dealt in turn), an engine whose classifier
    was fitted on the pack's phrasings, the other parts' items and every item of `besides`
    (other files, each by its name), with the positions of the part's items: asked of it,
    each item is a question its classifier never saw, as a reader's is. (Fitting needs
    scikit-learn: the fit extra.) The parts' classifiers are fitted side by side, one process
    a processor (`FITTING_PROCESSES`), before the first engine is yielded."""
    if folds < 1:
        return
    from bot.fitting import fit, require_fitting

    require_fitting()
    from joblib import Parallel, cpu_count, delayed  # (installed with scikit-learn)

    parts = [[item for n, item in enumerate(items) if n % folds != fold] for fold in range(folds)]
    fitting = Parallel(n_jobs=max(1, min(folds, FITTING_PROCESSES or cpu_count())))
    classifiers: list[Classifier] = fitting(
        delayed(fit)(pack, [(OWN_PARTS, others), *besides]) for others in parts
    )
    for fold, classifier in enumerate(classifiers):
        engine = Engine(
            replace(pack, classifier=classifier), thresholds=thresholds, verdict=verdict
        )
        yield engine, [n for n in range(len(items)) if n % folds == fold]


@dataclass(frozen=True, slots=True)
class OutOfFold:
    """A file's results out of fold, with what each part's classifier was fitted on."""

    results: list[Result]
    """Each item's result, in the file's order."""
    fitted: list[dict[str, int]]
    """For each part, how many questions its classifier was fitted on besides the phrasings:
    of the file's other parts (`OWN_PARTS`) and of each other file, by name (as the
    classifier records them)."""

    def fitted_on(self) -> str:
        """Say what the parts' classifiers were fitted on besides the phrasings."""
        names = sorted({name for part in self.fitted for name in part} - {OWN_PARTS})
        said = []
        for name in [OWN_PARTS, *names]:
            counts = sorted({part.get(name, 0) for part in self.fitted})
            span = f"{counts[0]:,}" if len(counts) == 1 else f"{counts[0]:,}-{counts[-1]:,}"
            label = "the file's other parts" if name == OWN_PARTS else name
            said.append(f"{span} of {label}")
        return "each part's classifier was fitted on the phrasings and questions: " + ", ".join(
            said
        )


def run_out_of_fold(
    pack: Pack,
    items: list[Item],
    folds: int = FOLDS,
    *,
    thresholds: Thresholds | None = None,
    besides: Sequence[tuple[str, Sequence[Item]]] = (),
) -> OutOfFold:
    """Score the items of a file the pack's classifier was fitted on as `run` does, each asked
    of an engine whose classifier was fitted without it (`fold_engines`), in the file's order.

    Asked of the shipped classifier, such a file scores what the classifier remembers as well
    as what it learned; out of fold, it scores as questions nobody has asked before do. The
    classifier of each part is fitted on the pack's phrasings, the file's other parts and the
    files of `besides`: the other files the shipped one was fitted on, to be like it. Returned
    with what each part's classifier records being fitted on (`OutOfFold.fitted`).
    """
    results: list[Result | None] = [None] * len(items)
    fitted: list[dict[str, int]] = []
    for engine, positions in fold_engines(
        pack, items, folds, thresholds=thresholds, besides=besides
    ):
        assert engine.pack.classifier is not None
        fitted.append(dict(engine.pack.classifier.questions))
        for n, result in zip(positions, run(engine, [items[n] for n in positions]), strict=True):
            results[n] = result
    scored = [r for r in results if r is not None]
    assert len(scored) == len(items), "every item falls in one part"
    return OutOfFold(scored, fitted)


def run_sessions(
    engine: Engine, items: list[Item], *, seed: int = 0, length: int = 5
) -> list[Result]:
    """Ask the items as conversations: shuffled (with a fixed seed) into sessions of `length`,
    each item asked in the context the ones before it left, and every item scored.

    A question that stands alone should get the same answer whatever came before it; the
    difference from `run` is what the conversation costs.
    """
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    results: list[Result | None] = [None] * len(items)
    for start in range(0, len(order), length):
        context: Context | None = None
        for index in order[start : start + length]:
            reply: Reply | None = None
            for turn in items[index].turns:
                reply = engine.answer(turn, context=context)
                context = reply.context
            assert reply is not None
            results[index] = Result(items[index], reply, is_correct(items[index], reply))
    return [r for r in results if r is not None]


def wrong(results: list[Result]) -> int:
    """Return how many results answered with the wrong fact (worse than declining)."""
    return sum(r.reply.answered and not r.correct for r in results)


def risk_coverage(
    pack: Pack, items: list[Item], thresholds: Sequence[float], *, base: Thresholds
) -> list[tuple[float, float, float, float]]:
    """Return, for each answer threshold, the share answered, the share answered wrongly and
    the accuracy: what a threshold costs in wrong answers against what it answers."""
    rows = []
    for threshold in thresholds:
        limits = replace(base, answer=threshold, suggest=min(base.suggest, threshold))
        results = run(Engine(pack, thresholds=limits), items)
        answered = sum(r.reply.answered for r in results) / len(results)
        rows.append((threshold, answered, wrong(results) / len(results), accuracy(results)))
    return rows


def render_risk_coverage(rows: list[tuple[float, float, float, float]], *, current: float) -> str:
    """Render the risk-coverage table."""
    lines = ["  risk-coverage (answer threshold: answered, wrong answers, accuracy):"]
    for threshold, answered, wrong_share, correct in rows:
        mark = "  <- now" if abs(threshold - current) < 1e-9 else ""
        lines.append(
            f"    {threshold:.2f}: answered {answered:.1%}, wrong {wrong_share:.1%}, "
            f"accuracy {correct:.1%}{mark}"
        )
    return "\n".join(lines)


def threshold_for(rows: list[tuple[float, float, float, float]], target: float) -> str:
    """Say which answer threshold of a risk-coverage table keeps the share of wrong answers at
    or below a target while answering the most, and what it costs (BERBOT_ANSWER_THRESHOLD
    sets it)."""
    within = [row for row in rows if row[2] <= target]
    if not within:
        return f"  no threshold tried keeps wrong answers at or below {target:.1%}"
    threshold, answered, wrong_share, correct = max(within, key=lambda row: (row[1], -row[0]))
    return (
        f"  for wrong answers at or below {target:.1%}: BERBOT_ANSWER_THRESHOLD={threshold:.2f} "
        f"(answered {answered:.1%}, wrong {wrong_share:.1%}, accuracy {correct:.1%})"
    )


def accuracy(results: list[Result]) -> float:
    """Return the share of correct results (0 when there are none)."""
    return sum(r.correct for r in results) / len(results) if results else 0.0


def report(results: list[Result], *, title: str, misses: bool = True) -> str:
    """Render accuracy overall, by kind and by style, then (unless `misses` is false) every miss
    with what the bot said."""
    count = len(results)
    lines = [
        f"{title}: {accuracy(results):.1%} ({sum(r.correct for r in results)}/{count}), "
        f"wrong answers {wrong(results)} ({wrong(results) / count if count else 0:.1%})"
    ]
    for label, key in (("kind", "kind"), ("style", "style")):
        groups: dict[str, list[Result]] = defaultdict(list)
        for result in results:
            groups[getattr(result.item, key)].append(result)
        cells = [
            f"{name} {accuracy(group):.0%} ({sum(r.correct for r in group)}/{len(group)}"
            + (f", {wrong(group)} wrong)" if wrong(group) else ")")
            for name, group in sorted(groups.items())
        ]
        lines.append(f"  by {label}: " + ", ".join(cells))
    missed = [r for r in results if not r.correct] if misses else []
    if missed:
        lines.append("  misses:")
    for result in missed:
        asked = " | ".join(result.item.turns)
        reply = result.reply
        said = reply.fact_id or ("quoted sentence" if reply.quoted else reply.outcome.value)
        lines.append(
            f"  - [{result.item.kind}/{result.item.style}] {asked}\n"
            f"      bot: {reply.outcome.value} {said} ({reply.confidence:.2f}): {reply.text[:100]}"
        )
    return "\n".join(lines)


# -- what an edit changes ----------------------------------------------------------------------

_SAVED_FORMAT = 2
"""The version of the --save file's layout (1 kept every question's text; 2 keeps a digest of
each, and its text too unless saved with --totals-only)."""


def question_digest(question: str) -> str:
    """Return what names a question in a --save file without saying it."""
    return "sha256:" + hashlib.sha256(question.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class SavedOutcome:
    """What the bot did with one question of a file, as `eval --save` keeps it."""

    file: str
    """The question file's name."""
    question: str | None
    """The question, or a conversation's turns joined by " | " (None: not kept, as for a file
    nobody may read)."""
    digest: str
    """A digest of the question, what names it across runs."""
    occurrence: int
    """Which asking of the same question in the same file this is (1 for the first)."""
    outcome: str
    """answer, suggest or decline."""
    fact: str | None
    """The fact answered or offered first, "quoted sentence", or None."""
    correct: bool
    """Whether it counted as correct."""

    @property
    def key(self) -> tuple[str, str, int]:
        """Return what identifies the question across runs."""
        return (self.file, self.digest, self.occurrence)

    def said(self) -> str:
        """Return what the bot did, as a curator reads it."""
        fact = f" {self.fact}" if self.fact else ""
        return f"{self.outcome}{fact} ({'right' if self.correct else 'wrong'})"


def outcomes(file: str, results: list[Result]) -> list[SavedOutcome]:
    """Return each result's outcome and fact, to save or compare."""
    name = Path(file).name
    seen: Counter[str] = Counter()
    kept = []
    for result in results:
        question = " | ".join(result.item.turns)
        seen[question] += 1
        reply = result.reply
        fact = reply.fact_id or ("quoted sentence" if reply.quoted else None)
        kept.append(
            SavedOutcome(
                name,
                question,
                question_digest(question),
                seen[question],
                reply.outcome.value,
                fact,
                result.correct,
            )
        )
    return kept


def save_outcomes(path: Path, kept: list[SavedOutcome], *, questions: bool = True) -> None:
    """Write outcomes to a JSON file for a later `eval --compare`; with `questions` false, each
    question is kept as its digest alone (for question files nobody may read)."""
    records = [
        {
            "file": o.file,
            **({"question": o.question} if questions else {}),
            "digest": o.digest,
            "occurrence": o.occurrence,
            "outcome": o.outcome,
            "fact": o.fact,
            "correct": o.correct,
        }
        for o in kept
    ]
    text = json.dumps({"format": _SAVED_FORMAT, "outcomes": records}, ensure_ascii=False, indent=1)
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise QuestionFileError(f"{path}: cannot write: {error}") from error


def load_outcomes(path: Path) -> list[SavedOutcome]:
    """Read outcomes that `eval --save` wrote."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionFileError(f"{path}: cannot read: {error}") from error
    except json.JSONDecodeError as error:
        raise QuestionFileError(f"{path}: not a file written by eval --save: {error}") from error
    if not isinstance(data, dict) or data.get("format") not in (1, _SAVED_FORMAT):
        raise QuestionFileError(f"{path}: not a file written by eval --save")
    first = data["format"] == 1
    try:
        return [
            SavedOutcome(
                str(r["file"]),
                None if r.get("question") is None and not first else _text(r["question"]),
                question_digest(_text(r["question"])) if first else _text(r["digest"]),
                int(r["occurrence"]),
                str(r["outcome"]),
                None if r["fact"] is None else str(r["fact"]),
                bool(r["correct"]),
            )
            for r in data["outcomes"]
        ]
    except (KeyError, TypeError, ValueError) as error:
        raise QuestionFileError(f"{path}: a saved outcome is malformed: {error!r}") from error


def _text(value: object) -> str:
    """Return a saved text; raise ValueError for anything else."""
    if isinstance(value, str):
        return value
    raise ValueError(f"expected text, found {value!r}")


@dataclass(frozen=True, slots=True)
class Change:
    """A question whose outcome or fact differs between two runs."""

    before: SavedOutcome | None
    """What the earlier run did (None: the question is new)."""
    after: SavedOutcome | None
    """What this run did (None: the question is gone)."""


def changes(before: list[SavedOutcome], after: list[SavedOutcome]) -> list[Change]:
    """Return the questions whose outcome or fact changed, in this run's order, then the gone."""
    earlier = {o.key: o for o in before}
    now = {o.key: o for o in after}
    found = []
    for outcome in after:
        was = earlier.get(outcome.key)
        if was is None or (was.outcome, was.fact) != (outcome.outcome, outcome.fact):
            found.append(Change(was, outcome))
    found.extend(Change(o, None) for o in before if o.key not in now)
    return found


def render_changes(found: list[Change], *, against: str, listed: bool = True) -> str:
    """Render what changed, both ways: answers that went wrong, went right, or moved; with
    `listed` false, only how many of each (for question files nobody may read)."""
    groups: dict[str, list[Change]] = {
        "now wrong": [],
        "now right": [],
        "changed, still right": [],
        "changed, still wrong": [],
        "new questions": [],
        "questions no longer asked": [],
    }
    for change in found:
        was, now = change.before, change.after
        if was is None:
            groups["new questions"].append(change)
        elif now is None:
            groups["questions no longer asked"].append(change)
        elif was.correct != now.correct:
            groups["now right" if now.correct else "now wrong"].append(change)
        else:
            groups["changed, still right" if now.correct else "changed, still wrong"].append(change)
    counts = ", ".join(f"{len(v)} {k}" for k, v in groups.items() if v)
    lines = [
        f"compared with {against}: "
        + (f"{len(found)} question{'s' if len(found) != 1 else ''} changed ({counts})"
           if found else "no question changed its outcome or fact")
    ]  # fmt: skip
    if not listed:
        return lines[0]
    for title, members in groups.items():
        if members:
            lines.append(f"  {title}:")
        for change in members:
            shown = change.after or change.before
            assert shown is not None
            question = shown.question if shown.question is not None else "(question not kept)"
            lines.append(f"  - [{shown.file}] {question}")
            if change.before is not None:
                lines.append(f"      was: {change.before.said()}")
            if change.after is not None:
                lines.append(f"      now: {change.after.said()}")
    return "\n".join(lines)
