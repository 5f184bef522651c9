"""Command line: console, ask, check, eval, run, unanswered and pack init."""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import select
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bot.cache import ready_engine
from bot.errors import BotError
from bot.knowledge import CLASSIFIER_FILE, Pack, choose_pack_dir, load_pack
from bot.matching import Context, Engine

if TYPE_CHECKING:
    from bot.evaluation import Item

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_BLOCK_ANSWERS = 256  # most answers `ask` holds back before writing them in one block
NO_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and run "
    "`TELEGRAM_BOT_TOKEN=123456:ABC... python -m bot run`, or try the bot without one: "
    "`python -m bot console`."
)


# The settings each command reads: a command is never refused for a setting it does not use.
ENGINE_SETTINGS = frozenset({"knowledge", "thresholds"})
ASK_SETTINGS = ENGINE_SETTINGS | {"cache_dir"}
CONSOLE_SETTINGS = ASK_SETTINGS | {"data_dir", "record_unanswered"}
CHECK_SETTINGS = frozenset({"knowledge"})
UNANSWERED_SETTINGS = frozenset({"knowledge", "data_dir"})


def _pack_dir(args: argparse.Namespace) -> Path:
    """Return the pack directory the command uses, saying so when it is not the obvious one."""
    directory, note = choose_pack_dir(args.knowledge or args.settings.knowledge, cwd=Path.cwd())
    if note:
        print(note, file=sys.stderr)
    return directory


def _pack(args: argparse.Namespace) -> Pack:
    return load_pack(_pack_dir(args))


def _engine(args: argparse.Namespace) -> Engine:
    settings = args.settings
    return ready_engine(_pack_dir(args), thresholds=settings.thresholds, cache=settings.cache_dir)


def console_command(args: argparse.Namespace) -> int:
    """Open the interactive console."""
    from bot.console import run_console
    from bot.unanswered import Recorder

    engine = _engine(args)
    recorder = Recorder.from_settings(args.settings)
    try:
        run_console(
            engine, debug=args.debug, on_reply=lambda reply: recorder.record(reply, "console")
        )
    finally:
        recorder.close()
    return EXIT_OK


def ask_command(args: argparse.Namespace) -> int:
    """Answer questions from the arguments, or one a line from standard input."""
    # Nothing is recorded here: `ask` is the evaluation path, and scoring question files must
    # neither fill the curators' log with test questions nor pay for a database.
    from bot.replies import as_json, render_debug, render_text

    engine = _engine(args)
    # With --json, what --debug shows goes to standard error: the output stays JSON lines.
    if args.debug:
        print(f"[pack {engine.pack.describe()}]", file=sys.stderr if args.json else sys.stdout)
    questions: Iterable[str] = _asked(args.question) if args.question else sys.stdin
    context: Context | None = None
    # Answers are written in blocks while more questions are waiting, and at once when none is:
    # a reader feeding one line at a time gets each answer straight away, and a batch is not
    # written line by line even when Python's output is unbuffered (PYTHONUNBUFFERED).
    pending: list[str] = []
    # (A file never waits on whoever writes it: what it holds is all there, so looking whether
    # more is waiting is needless, and costs a system call a line.)
    from_file = not args.question and _is_file(sys.stdin)
    # (Output that cannot hold every character gets JSON's own escapes, which parse back.)
    ascii_only = not codecs.lookup(
        getattr(sys.stdout, "encoding", None) or "ascii"
    ).name.startswith("utf")
    try:
        for raw in questions:
            question = raw.rstrip("\r\n")
            reply = engine.answer(question, context=context if args.conversation else None)
            context = reply.context
            if args.json:
                pending.append(json.dumps(as_json(reply), ensure_ascii=ascii_only) + "\n")
                if args.debug:
                    print(render_debug(reply), file=sys.stderr)
            elif args.debug:
                pending.append(f"{render_debug(reply)}\n{render_text(reply)}\n")
            else:
                pending.append(render_text(reply) + "\n")
            if len(pending) >= _BLOCK_ANSWERS or not (from_file or _more_input_waiting()):
                sys.stdout.write("".join(pending))
                sys.stdout.flush()
                pending.clear()
    finally:
        # Answers already worked out are written, whatever stopped the batch.
        sys.stdout.write("".join(pending))
    return EXIT_OK


def _asked(arguments: list[str]) -> list[str]:
    """Return the questions given as arguments: one, its words as separate arguments (`ask who
    won`, `ask what did "the MAA" say`), or each quoted argument a question of its own (`ask
    "who won?" "when did they leave?"`) when every one holds a space or ends a question."""
    if len(arguments) > 1 and all(
        " " in argument.strip() or argument.rstrip().endswith(("?", "？")) for argument in arguments
    ):
        return arguments
    return [" ".join(arguments)]


def _is_file(stream: IO[str]) -> bool:
    """Return whether a stream reads a regular file (not a terminal or a pipe)."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False


def _more_input_waiting() -> bool:
    """Return whether standard input already holds more to read (never blocks)."""
    try:
        ready, _, _ = select.select([sys.stdin], [], [], 0)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return bool(ready)


def check_command(args: argparse.Namespace) -> int:
    """Validate the pack and print which facts cite each article sentence."""
    from bot.coverage import render_coverage
    from bot.grounding import ungrounded

    pack = _pack(args)
    Engine(pack)
    text, gaps = render_coverage(pack)
    print(text)
    problems = [f"{gaps} uncovered sentence{'s' if gaps != 1 else ''}"] if gaps else []
    loose = ungrounded(pack)
    for fact in loose:
        print(f"error: {fact}")
    if loose:
        problems.append(f"{len(loose)} answer{'s' if len(loose) != 1 else ''} not in its citations")
    drafts = pack.drafts
    if drafts:
        print(
            f"{len(drafts)} draft fact{'s' if len(drafts) != 1 else ''} (draft: true) to review: "
            + ", ".join(f.id for f in drafts)
        )
        if args.strict:
            problems.append(f"{len(drafts)} draft{'s' if len(drafts) != 1 else ''} (--strict)")
    if pack.classifier_note is not None:
        print(f"warning: {pack.classifier_note}")
        if args.strict:
            problems.append("classifier out of date (--strict)")
    elif pack.classifier is None:
        print(
            "No classifier: answers get no second opinion. "
            f"Fit one with `{_program()} pack fit` (needs the fit extra)."
        )
    print(f"pack {pack.describe()}: {'; '.join(problems) if problems else 'OK'}")
    return EXIT_FAILED if problems else EXIT_OK


def eval_command(args: argparse.Namespace) -> int:
    """Score question files and print accuracy by kind and style, with every miss."""
    from bot.evaluation import (
        accuracy,
        changes,
        load_outcomes,
        load_questions,
        outcomes,
        render_changes,
        report,
        run,
        run_sessions,
        save_outcomes,
    )

    engine = _engine(args)
    before = load_outcomes(Path(args.compare)) if args.compare else None
    everything = []
    now = []
    files = [(Path(path), load_questions(Path(path))) for path in args.files]
    for path, items in files:
        results = run(engine, items)
        everything.extend(results)
        now.extend(outcomes(str(path), results))
        print(report(results, title=str(path), misses=not args.totals_only))
        if args.sessions:
            sessions = run_sessions(engine, items)
            print(report(sessions, title=f"{path} as sessions of 5", misses=not args.totals_only))
        if args.out_of_fold:
            _print_out_of_fold(engine, path, items, files, misses=not args.totals_only)
        if args.risk or args.target_wrong is not None:
            _print_risk(engine, items, target=args.target_wrong)
    if len(args.files) > 1:
        print(f"all files: {accuracy(everything):.1%} ({len(everything)} questions)")
    if before is not None:
        listed = not args.totals_only
        print(render_changes(changes(before, now), against=args.compare, listed=listed))
    if args.save:
        save_outcomes(Path(args.save), now, questions=not args.totals_only)
        print(f"saved {len(now)} outcomes to {args.save}")
    failed = False
    if args.min_accuracy is not None and accuracy(everything) < args.min_accuracy:
        print(f"accuracy {accuracy(everything):.1%} is below {args.min_accuracy:.1%}")
        failed = True
    wrong = sum(r.reply.answered and not r.correct for r in everything) / max(1, len(everything))
    if args.max_wrong is not None and wrong > args.max_wrong:
        print(f"wrong answers {wrong:.1%} are above {args.max_wrong:.1%}")
        failed = True
    return EXIT_FAILED if failed else EXIT_OK


def _print_out_of_fold(
    engine: Engine,
    path: Path,
    items: list[Item],
    files: list[tuple[Path, list[Item]]],
    *,
    misses: bool,
) -> None:
    """Print a file's figures out of fold, when the pack's classifier was fitted on it; else
    say that the figures printed already are those of questions it never saw. Each part's
    classifier is fitted on the other files given that the shipped one was fitted on too (by
    name); those it was fitted on and that were not given are named. After the figures, a
    line says what the parts' classifiers record being fitted on."""
    from bot.evaluation import report, run_out_of_fold
    from bot.verdict import FOLDS

    classifier = engine.pack.classifier
    if classifier is None:
        print(f"{path}: the pack has no current classifier, so there is nothing to fit without it")
        return
    # (Known by the file's name, as `pack fit --questions` records it.)
    if path.name not in classifier.questions:
        print(
            f"{path}: the classifier was fitted on no file of this name, so the figures above "
            "are already those of questions it never saw"
        )
        return
    besides = {
        other.name: others
        for other, others in files
        if other.name != path.name and other.name in classifier.questions
    }
    left_out = sorted(set(classifier.questions) - set(besides) - {path.name})
    if left_out:
        print(
            f"{path}: out of fold, each part's classifier is fitted without "
            f"{', '.join(left_out)}, which the pack's was fitted on too (not given here)"
        )
    done = run_out_of_fold(
        engine.pack, items, thresholds=engine.thresholds, besides=list(besides.items())
    )
    print(report(done.results, title=f"{path} out of {FOLDS} folds", misses=misses))
    print(f"  {done.fitted_on()}")


def _print_risk(engine: Engine, items: list[Item], *, target: float | None) -> None:
    from bot.evaluation import render_risk_coverage, risk_coverage, threshold_for

    current = engine.thresholds.answer
    thresholds = {0.40, 0.44, current, 0.52, 0.56, 0.60, 0.70}
    if target is not None:
        # A finer grid, to find the threshold a wrong-answer rate asks for.
        thresholds |= {round(0.30 + 0.02 * step, 2) for step in range(31)}
    rows = risk_coverage(engine.pack, items, sorted(thresholds), base=engine.thresholds)
    print(render_risk_coverage(rows, current=current))
    if target is not None:
        print(threshold_for(rows, target))


def unanswered_command(args: argparse.Namespace) -> int:
    """List the questions the bot could not answer, most asked first, or draft facts for them."""
    from bot.curation import draft_yaml, most_frequent, render_groups
    from bot.unanswered import database_path

    data_dir = Path(args.data_dir) if args.data_dir else args.settings.data_dir
    db_path = database_path(data_dir)
    pack = _pack(args)
    groups = most_frequent(db_path, args.limit, pack=pack)
    if args.draft:
        sys.stdout.write(draft_yaml(groups, pack))
    else:
        print(render_groups(groups, db_path))
    return EXIT_OK


def pack_init_command(args: argparse.Namespace) -> int:
    """Draft a knowledge pack from an article: source, names, and one draft fact a statement."""
    from bot.drafting import (
        DraftError,
        SourceFields,
        draft_pack,
        licence_url,
        read_article,
        write_pack,
    )

    path = Path(args.article)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DraftError(f"cannot read the article {path}: {error}") from error
    # An article with nothing to draft is said so before anything is asked.
    title = args.title or read_article(text).title
    url, licence = args.url, args.licence
    asking = sys.stdin.isatty()
    if asking:
        title = _ask("Title", title)
        url = url or _ask("Address (URL) of the article", "")
        licence = licence or _ask("Licence", "CC BY-SA 4.0")
    missing = [name for name, value in (("--title", title), ("--url", url), ("--licence", licence))
               if not value]  # fmt: skip
    if missing:
        untitled = " (the article has no '= Title =' line)" if "--title" in missing else ""
        needs = f"pack init needs {', '.join(missing)}{untitled}"
        print(f"{needs} (or run it in a terminal to be asked)", file=sys.stderr)
        return EXIT_USAGE
    source = SourceFields(
        title, url, licence, licence_url=args.licence_url or "", publisher=args.publisher or ""
    )
    if asking and not args.licence_url and licence_url(licence) is None:
        source = SourceFields(
            title, url, licence, licence_url=_ask("Address of the licence", url),
            publisher=args.publisher or "",
        )  # fmt: skip
    target = Path(args.directory)
    write_pack(target, draft_pack(text, source))
    pack = load_pack(target)
    print(
        f"{target}: {len(pack.facts)} draft facts, {len(pack.entities)} names, "
        f"{sum(len(f.questions) for f in pack.facts)} questions. "
        f"Check it with `{_program()} check --knowledge {target}`."
    )
    return EXIT_OK


def pack_fit_command(args: argparse.Namespace) -> int:
    """Fit the pack's classifier on its facts' phrasings, and on the questions of development
    question files (needs the fit extra)."""
    from bot.evaluation import load_questions
    from bot.fitting import fit, unanswered_question, write

    # (A classifier file that is broken or out of date is what refitting mends.)
    directory = Path(args.directory) if args.directory else _pack_dir(args)
    pack = load_pack(directory, classifier=False)
    files = [Path(name) for name in args.questions or ()]
    given = {file.name for file in files}
    dropped = (
        {}
        if args.phrasings_only
        else {
            name: count
            for name, count in _fitted_questions(pack.directory).items()
            if name not in given
        }
    )
    if dropped:
        # (Refitting without them would silently lose what they taught it.)
        named = " and ".join(f"{count} questions of {name}" for name, count in dropped.items())
        options = " ".join(f"--questions PATH/{name}" for name in [*given, *dropped])
        print(
            f"{pack.directory / CLASSIFIER_FILE} was fitted on {named} besides the phrasings: "
            f"refit with {options}, or with --phrasings-only to leave every file out.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    questions = [(file.name, load_questions(file)) for file in files]
    classifier = fit(pack, questions)
    path = write(classifier, pack.directory)
    besides = "".join(
        f" and {count} questions of {name}" for name, count in classifier.questions.items()
    )
    unanswered = ""
    if classifier.unanswered is not None:
        count = sum(unanswered_question(item) for _, items in questions for item in items)
        unanswered = f" ({count} of them, which no fact answers, as one more class)"
    print(
        f"{path}: fitted on {sum(len(f.questions) for f in pack.facts)} phrasings of "
        f"{len(pack.facts)} facts{besides}{unanswered} ({len(classifier.rows)} features)."
    )
    return EXIT_OK


def _fitted_questions(directory: Path) -> dict[str, int]:
    """Return how many questions of which files a pack's classifier says it was fitted on
    besides the phrasings (none when it has none, or a broken one, which refitting mends)."""
    from bot.opinion import ClassifierFileError, load

    try:
        classifier = load(directory / CLASSIFIER_FILE)
    except ClassifierFileError:
        return {}
    return dict(classifier.questions) if classifier is not None else {}


def _ask(prompt: str, default: str) -> str:
    """Ask for a value in a terminal; an empty reply keeps the default."""
    shown = f" [{default}]" if default else ""
    try:
        reply = input(f"{prompt}{shown}: ").strip()
    except EOFError:
        reply = ""
    return reply or default


def default_command(args: argparse.Namespace) -> int:
    """Run the Telegram bot when a token is set, otherwise open the console."""
    from bot.settings import Settings

    if args.settings.token:
        args.settings = Settings.from_env()
        return run_command(args)
    print("TELEGRAM_BOT_TOKEN is not set, so here is the console (set it to run the Telegram bot).")
    args.debug = False
    return console_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Run the Telegram bot (long polling, or a webhook with --webhook-url)."""
    settings = args.settings
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return EXIT_USAGE
    from bot.tgbot import run_bot

    args.knowledge = _pack_dir(args)
    return run_bot(settings, args)


def _program() -> str:
    """Return the name the command was run by: `berbot`, or `python -m bot`."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m bot" if name in ("", "__main__.py", "-c") else name


def _version() -> str:
    # (Imported here: reading the installed metadata costs about 40 ms, and only --version
    # needs it.)
    from importlib import metadata

    try:
        return metadata.version("berbot")
    except metadata.PackageNotFoundError:
        return "(not installed)"


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _share(text: str) -> float:
    """Read a share from 0 to 1 (--min-accuracy, --target-wrong)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        hint = f" (for {value:g}%, write {value / 100:g})" if 1 < value <= 100 else ""
        raise argparse.ArgumentTypeError(f"must be a share from 0 to 1, got {text}{hint}")
    return value


def _positive(text: str) -> int:
    """Read a count that must be 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {text}")
    return value


def _parser() -> argparse.ArgumentParser:
    knowledge_help = "knowledge pack directory (default: the bundled pack)"
    parser = argparse.ArgumentParser(
        prog=_program(),
        description=(
            "Answers questions about one encyclopedia article with the article's own words."
        ),
    )
    parser.add_argument("--knowledge", metavar="PATH", help=knowledge_help)
    parser.add_argument("--version", action=_VersionAction)
    parser.set_defaults(handler=default_command, uses=CONSOLE_SETTINGS | {"token"})
    # After the command too; SUPPRESS keeps a --knowledge given before the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--knowledge", metavar="PATH", default=argparse.SUPPRESS, help=knowledge_help
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], uses: frozenset[str] | None
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=(handler.__doc__ or "").strip())
        sub.set_defaults(handler=handler, uses=uses)
        return sub

    console = command("console", console_command, CONSOLE_SETTINGS)
    console.add_argument("--debug", action="store_true", help="show fact, score and runner-up")
    ask = command("ask", ask_command, ASK_SETTINGS)
    ask.add_argument(
        "question",
        nargs="*",
        help="one question, its words given as separate arguments or quoted; several "
        "quoted questions are answered one by one (default: one question a line on stdin)",
    )
    ask.add_argument("--json", action="store_true", help="one JSON object a line")
    ask.add_argument("--conversation", action="store_true", help="lines form one conversation")
    ask.add_argument(
        "--debug",
        action="store_true",
        help="show fact, score and runner-up (with --json, on standard error)",
    )
    check = command("check", check_command, CHECK_SETTINGS)
    check.add_argument(
        "--strict", action="store_true", help="also fail on draft facts or an outdated classifier"
    )
    evaluate = command("eval", eval_command, ENGINE_SETTINGS)
    evaluate.add_argument("files", nargs="+", metavar="FILE.yaml", help="question files")
    evaluate.add_argument(
        "--min-accuracy", type=_share, metavar="X", help="fail below X (a share, 0-1)"
    )
    evaluate.add_argument(
        "--max-wrong", type=_share, metavar="X", help="fail above X wrong answers (a share, 0-1)"
    )
    evaluate.add_argument(
        "--sessions",
        action="store_true",
        help="also ask the items as conversations of five (fixed seed) and score every one",
    )
    evaluate.add_argument(
        "--out-of-fold",
        action="store_true",
        help="also score a file the classifier was fitted on (pack fit --questions) in five "
        "parts, each asked of a classifier fitted without it (and on the other files given "
        "that it was fitted on, which it then says), as new questions are; printed only, "
        "apart from the totals, --save and the exit checks (needs scikit-learn)",
    )
    evaluate.add_argument(
        "--totals-only",
        action="store_true",
        help="print the figures without the misses, with --compare only how many changed, and "
        "with --save no question's text: for question files nobody may read, such as the "
        "held-aside and training ones",
    )
    evaluate.add_argument(
        "--risk",
        action="store_true",
        help="also print answered and wrong shares at several answer thresholds",
    )
    evaluate.add_argument(
        "--target-wrong",
        type=_share,
        metavar="X",
        help="also say which answer threshold keeps wrong answers at or below X (a share)",
    )
    evaluate.add_argument(
        "--save",
        metavar="FILE",
        help="write each question's outcome and fact to FILE (JSON; with --totals-only each "
        "question is kept as a digest, not its text, though what the bot did with each is "
        "still there: such a file is not to be read either)",
    )
    evaluate.add_argument(
        "--compare",
        metavar="FILE",
        help="list the questions whose outcome or fact differs from a --save FILE",
    )
    unanswered = command("unanswered", unanswered_command, UNANSWERED_SETTINGS)
    unanswered.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help="most asked N (10)"
    )
    unanswered.add_argument("--draft", action="store_true", help="print a YAML draft of facts")
    unanswered.add_argument("--data-dir", metavar="DIR", help="data directory (BERBOT_DATA_DIR)")
    pack = commands.add_parser(
        "pack", help="Make a knowledge pack for another article, or fit its classifier."
    )
    pack.set_defaults(handler=lambda _: _usage(pack), uses=frozenset())
    pack_commands = pack.add_subparsers(title="commands", metavar="COMMAND")
    init = pack_commands.add_parser(
        "init", parents=[common], help=(pack_init_command.__doc__ or "").strip()
    )
    init.set_defaults(handler=pack_init_command, uses=frozenset())
    init.add_argument("article", metavar="ARTICLE.txt", help="the article, in article.txt's form")
    init.add_argument("directory", metavar="DIR", help="where to write the pack (new or empty)")
    init.add_argument("--title", help="the article's title (default: its '= Title =' line)")
    init.add_argument("--url", help="the article's address")
    init.add_argument("--licence", help="the licence's short name, e.g. 'CC BY-SA 4.0'")
    init.add_argument("--licence-url", metavar="URL", help="the licence's address")
    init.add_argument("--publisher", help="who publishes it (default: the address's host)")
    fitting = pack_commands.add_parser(
        "fit", parents=[common], help=(pack_fit_command.__doc__ or "").strip()
    )
    fitting.set_defaults(handler=pack_fit_command, uses=CHECK_SETTINGS)
    fitting.add_argument(
        "directory", metavar="DIR", nargs="?", help="the pack (default: the one commands use)"
    )
    fitted_on = fitting.add_mutually_exclusive_group()
    fitted_on.add_argument(
        "--questions",
        metavar="FILE",
        action="append",
        help="a question file (the eval format) whose answerable questions are fitted on too, "
        "each as a phrasing of the fact that answers it (may be given more than once)",
    )
    fitted_on.add_argument(
        "--phrasings-only",
        action="store_true",
        help="fit on the phrasings alone, though the classifier was fitted on question files too "
        "(refitting without a file it was fitted on stops otherwise)",
    )
    run = command("run", run_command, None)
    run.add_argument("--webhook-url", metavar="URL", help="serve a webhook at this HTTPS URL")
    run.add_argument("--listen", metavar="ADDRESS", help="webhook listen address (0.0.0.0)")
    run.add_argument("--port", type=int, metavar="PORT", help="webhook listen port (8443)")
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _any_text() -> None:
    """Let input and output take any character, whatever their encoding (PYTHONIOENCODING=ascii,
    an old terminal): a character the output cannot hold is written as an escape ("\\u201c"),
    and bytes the input's encoding cannot read become "\ufffd", rather than stopping the
    command."""
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "backslashreplace"),
                           (sys.stderr, "backslashreplace")):  # fmt: skip
        # (Under the C locale, input reads unreadable bytes as lone surrogates, which no
        # output or store can take: read as "\ufffd" too.)
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "surrogateescape"):
            stream.reconfigure(errors=errors)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; turn every expected error into a message and an exit status."""
    from bot.settings import Settings

    _any_text()
    args = _parser().parse_args(argv)
    try:
        # Read once, here, and only what the command uses; it takes its settings from args.
        args.settings = Settings.from_env(only=args.uses)
        status: int = args.handler(args)
    except BotError as error:
        print(f"{error.label}: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        # Ctrl-C: end the line it was typed on, so the shell's prompt starts on its own.
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    return status


if __name__ == "__main__":
    sys.exit(main())
