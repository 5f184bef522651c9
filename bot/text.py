"""Text normalisation shared by questions, phrasings and article sentences."""

from __future__ import annotations

import re
import unicodedata

# A command or mention addressed to the bot: "/ask", "/ask@SomeBot", "@SomeBot".
_ADDRESS = re.compile(r"(?:^|\s)(?:/[a-z_]+(?:@\w+)?|@\w+)(?=\s|$)")
_MARKUP = re.compile(
    r"<(script|style)\b[^<>]{0,60}>.{0,200}?</\1>|</?[a-z][^<>]{0,60}>|\[/?[a-z]{1,10}\]",
    re.IGNORECASE | re.DOTALL,
)
# Hashtags tag a message ("#mali #ber"); they ask nothing.
_HASHTAG = re.compile(r"(?:^|\s)#\w+")
# "take place" is "happen", not "take" as in seizing a town.
_TAKE_PLACE = re.compile(r"\b(?:take|takes|took|taken|taking) place\b")
# "Carried out" an attack is doing it, not carrying anything ("carrying a gun").
_CARRIED_OUT = re.compile(r"\bcarr(?:y|ies|ied|ying) out\b")
# "Made up of" is "composed of", not "made" as in making a claim ("did they make up the claim?").
_MADE_UP = re.compile(
    r"\b(?:made|make|making) up(?= (?:\w+ )?of\b)|\bmakes up\b|\bmade(?= (?:\w+ )?of\b)|\bmake-up\b"
)
# Going home is leaving, not a house.
_WENT_HOME = re.compile(
    r"\b(?:go|goes|going|gone|went|headed|return|returns|returned|returning)(?: back)? home\b"
)
# Running a town is controlling it, not running away.
_RUNNING = re.compile(
    r"\b(?:run|runs|running|ran)(?= (?:the|this|that) (?:town|city|village|place)\b| ber\b)"
)
# "Lives lost" are deaths, not where people live.
_LIVES = re.compile(
    r"\b(?:(?<=their )|(?<=civilian )|(?<=human )|(?<=many )|(?<=any ))lives\b"
    r"|\blives\b(?= (?:were )?lost\b)"
)
# "Qu'est-ce qui s'est passé": what, not who.
_FRENCH_WHAT = re.compile(r"\bqu'est[- ]ce qu(?:i\b|e\b|')")
_POSSESSIVE = re.compile(r"(\w)'s\b")
_ELISION = re.compile(r"\b(?:l|d|qu|s|n|j|c|m|t|jusqu|lorsqu|puisqu)'(?=\w)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})

STOPWORDS = frozenset(
    """
    a an the of in on at to for from by with about into onto as is are was were be been being am
    do does did done doing have has had having this that these those there here it its it's and
    or but so than then also just very really please tell me us you your i my we our can could
    would should will shall might must any some such own same other le la les un une des du de
    au aux en et ou est sont etait etaient ete a dans sur par pour avec ce cet cette ces se sa
    son ses leur leurs y il elle lui on nous vous je tu me te moi toi ne pas que qui-est est-ce ca
    cela ceci sont-ils not they them their theirs he him his she her ils elles eux un une t
    hey hi hello ok okay quick q pls plz thanks thank thx um uh yo lol right actually
    wondering curious salut bonjour svp stp merci alors donc all guys guy folks based exactly
    exactement precisely precisement c ya eu infobox ds someone somebody anyone anybody
    everyone everybody sorry honestly roughly approximately maybe perhaps kindly question bot
    asap lmao imho imo tbh btw fyi thing things gotten else m ve ll re d love ont lors too
    sahel
    """.split()
)
"""Words that carry no meaning for matching, chat filler ("hey", "quick q") included. Question
words (who, when, qui, quand) are kept."""

NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "twenty": "20", "thirty": "30",
    "forty": "40", "fourty": "40", "fifty": "50", "sixty": "60", "hundred": "100",
    "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "huit": "8", "dix": "10",
    "quatorze": "14", "quinze": "15", "vingt": "20", "trente": "30", "quarante": "40",
    "cinquante": "50", "soixante": "60", "cent": "100",
}  # fmt: skip
"""Number words folded to digits, so "fourteen" and "14" match and contradict alike. Words that
are also something else ("one", "un", "seize", "neuf", "sept", "first") are left alone."""

_ENGLISH_MONTHS = (
    "january february march april may june july august september october november december"
)
_FRENCH_MONTHS = (
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"
)
MONTH_FORMS = {
    **{m: m for m in _ENGLISH_MONTHS.split()},
    **dict(zip(_FRENCH_MONTHS.split(), _ENGLISH_MONTHS.split(), strict=True)),
    **{m[:3]: m for m in _ENGLISH_MONTHS.split() if m[:3] not in {"mar", "may"}},
}
"""Each way of writing a month (English, French, "feb"), to the English name it is matched as."""

MONTHS = frozenset(MONTH_FORMS)

MONTH_NUMBERS = {m: n for n, m in enumerate(_ENGLISH_MONTHS.split(), start=1)}
"""Each English month's number in the year, to put dates in order."""


def fold(text: str) -> str:
    """Lowercase, strip accents and control characters, unify apostrophes; keep only ASCII."""
    # Matching works on ASCII words: decomposing and dropping the rest removes accents, control
    # characters, emoji and scripts the pack has no words in, all at C speed.
    if text.isascii() and "`" not in text:
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return text.encode("ascii", "ignore").decode("ascii").lower()


def strip_address(text: str) -> str:
    """Remove a leading /ask (or /ask@Bot) and @mentions of the bot from a question."""
    if "/" not in text and "@" not in text:
        return text.strip()  # (most questions: the regex need not run)
    return _ADDRESS.sub(" ", text).strip()


def normalize(text: str) -> str:
    """Return the question as lowercase words: no accents, punctuation, commands or mentions."""
    # Each pass runs only when its mark is there: most questions need none of them.
    if "<" in text or "[" in text:
        text = _MARKUP.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(" ", text)
    text = fold(text)
    text = strip_address(text)
    if "'" in text:
        text = _FRENCH_WHAT.sub("quoi ", text)
        text = _ELISION.sub("", _POSSESSIVE.sub(r"\1", text).replace("n't", " not"))
    if "place" in text:
        text = _TAKE_PLACE.sub("happen", text)
    if "carr" in text:
        text = _CARRIED_OUT.sub("did", text)
    if "made" in text or "mak" in text:
        text = _MADE_UP.sub("composed", text)
    if "home" in text:
        text = _WENT_HOME.sub("left", text)
    if "run" in text or "ran" in text:
        text = _RUNNING.sub("controlling", text)
    if "lives" in text:
        text = _LIVES.sub("deaths", text)
    if "-" in text:
        # Join numbers written with hyphens ("twenty-three") before punctuation goes.
        text = text.replace("twenty-three", "23").replace("vingt-trois", "23")
    return " ".join(_NON_WORD.sub(" ", text).split())
