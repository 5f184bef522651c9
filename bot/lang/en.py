"""English: the words that steer how a question is read, whatever the article."""

from __future__ import annotations

import re

from bot.lang.apart import AFTER, BEFORE

STOP_WORDS = frozenset(
    """
    a an the of in on at to for from by with about into onto as is are was were be been being am
    do does did done doing have has had having this that these those there here it its it's and
    or but so than then also just very really please tell me us you your i my we our can could
    would should will shall might must any some such own same other not they them their theirs
    he him his she her hey hi hello ok okay quick q pls plz thanks thank thx um uh yo lol right
    actually wondering curious all guys guy folks based exactly precisely c ya eu infobox ds
    someone somebody anyone anybody everyone everybody sorry honestly roughly approximately maybe
    perhaps kindly question bot asap lmao imho imo tbh btw fyi thing things gotten else m ve ll re
    d love too every whole way something ones though
    """.split()
)
"""Words that carry no meaning for matching, chat filler ("hey", "quick q") included. Question
words (who, when) are kept."""

QUESTION_WORDS = frozenset("who what when where why how which whom whose".split())

FRENCH_STOP_WORD_HOMOGRAPHS = {"son": "sons", "chose": "choose"}
"""English words spelt as a French stop word ("son": his, her; "chose" of "quelque chose"), each
with a form of it that is no stop word: in an English message, the word is read as that form
("whose son was taken?", "why the MAA chose to leave?")."""

GREETINGS = frozenset("hi hello hey hiya howdy yo sup greetings morning evening afternoon".split())
"""Words that greet: a message of only these (and filler) is a greeting, not a question."""
THANKS = frozenset("thanks thank thx ty cheers appreciated".split())
"""Words that thank: a message of only these (and filler) is thanks, not a question."""
FAREWELLS = frozenset("bye goodbye byebye farewell cya ciao".split())
"""Words that take leave: a message of only these (and filler) says goodbye."""
COURTESY_PHRASES = {
    "see you": "bye", "see ya": "bye", "see u": "bye", "take care": "bye", "good night": "bye",
    "good day": "hi",
    "how are you": "hi", "how are you doing": "hi", "how r u": "hi", "whats up": "hi",
    "what s up": "hi", "what is up": "hi", "what up": "hi", "sounds good": "ok",
    "no worries": "ok", "no problem": "ok", "i see": "ok", "got it": "ok", "thank u": "thanks",
}  # fmt: skip
"""Phrases of courtesy whose words say something else one by one ("see you"), each to a word
that says it ("bye"); they are read anywhere in a message of courtesy ("ok, see you")."""
ACKNOWLEDGEMENTS = frozenset(
    "ok okay k kk cool nice great awesome alright understood noted perfect gotcha interesting"
    " wow good sure np gr8".split()
)
"""Words that take an answer in: a message of only these (and filler) says so ("ok cool")."""
GREETING_ADDRESS = frozenset("there everyone all guys folks again bot".split())
"""Words that follow a greeting to say whom it greets ("hi there, ...", "hello again")."""
GREETING_FILLER = frozenset(
    "there you bot good very much lot a so all everyone guys doing for the help again your that"
    " this info answer answers earlier it oh ah hmm was is s really truly helpful useful".split()
)
"""Words a greeting, thanks or acknowledgement may hold besides its own ("hi there", "thanks
for the help earlier", "oh ok")."""
FOLLOW_UP_WORDS = frozenset(
    "next then after afterwards afterward before earlier later happened happen else more".split()
)
"""Words by which a question leans on the one before ("and after that?", "what happened next?"):
a question of only these asks nothing on its own."""
"""Words that open a question and say what it asks."""

TYPED_QUESTION_WORDS = ("who", "when", "where", "why")
"""Question words a fact must be asked with to answer them."""
SENTENCE_QUESTION_WORDS = ("when",)
"""Question words a bare follow-up ("and when?") asks of the sentence just quoted: a sentence's
date is the date of what it tells, where its place or its reason may be another's."""
ANSWER_QUESTION_WORDS = ("when", "where", "many")
"""Question words a bare follow-up ("and when?", "how many?") asks of the answer just given:
that answer again, when it gives a date, a place or a number."""
SHARPENING_WORDS = frozenset("exactly precisely particularly especially specifically since".split())
"""Words that sharpen a bare question word without asking anything of their own ("where
exactly?", "since when?")."""

AUXILIARIES = frozenset("is was are were did does do has have had can could will would".split())
"""Verbs that open a yes/no question ("did the ... ?")."""
DO_FORMS = frozenset("did does do".split())
"""The auxiliary a question puts before its subject and a statement hardly uses: in "how many
days after the battle did they leave?", where the question goes on."""

COPULAS = frozenset("is was are were".split())
"""Forms of "to be"."""
DEFINING = frozenset("stand stands stood mean means meant".split())
"""Verbs saying what a name is, besides "to be" ("ALT stands for ...", "what does MNLA
mean?")."""

GROUP_PRONOUNS = frozenset("they them their theirs".split())
PERSON_PRONOUNS = frozenset("he him his she her".split())
SUBJECT_PRONOUNS = frozenset("they he she".split())
"""Pronouns that stand for whoever does what a turn asks of ("when had they taken it?")."""
PERSON_NOUNS = frozenset(
    """
    man men woman women girl girls boy boys child children kid kids son sons daughter daughters
    father mother wife husband brother sister gentleman lady teenager teenagers teen baby infant
    """.split()
)
"""Nouns for one kind of person: "how old was the man?" asks the age of a man, not a girl's."""
RELATION_NOUNS = frozenset(
    "son sons boy boys kid kids child children daughter daughters father mother brother sister "
    "wife husband nephew niece".split()
)
"""Nouns naming a person by whose they are ("the cleric's son", "the son of the imam")."""
PLACE_PRONOUNS = frozenset("there it".split())
THING_POSSESSIVES = frozenset("its".split())
"""Pronouns for a group's or a place's own ("its members"): whichever was named last."""
EXISTENTIAL_WORDS = frozenset("there".split())
"""Words of the phrases saying that something is ("are there"): the "existential" pattern."""
RELATIVE_WORDS = frozenset("that".split())
"""Words that, after someone named, say who ("the men that were held"), not which one."""
RELATIVE_PRONOUNS = frozenset("that which who whom".split())
"""Words opening a clause that describes what comes before ("the truck that was seized")."""
DETERMINERS = frozenset("the a an his her their its those these this that".split())
"""Words opening a noun phrase: after a noun, one opens a clause ("the truck the MAA seized")."""
OWNER_WORDS = frozenset(["of"])
"""Words by which a noun phrase goes on to whose it is ("the son of the cleric")."""

FOLLOW_UP_OPENERS = frozenset("and also so then".split())
"""Words that open a follow-up ("and when did they leave?")."""
OPENERS = frozenset("ok okay well but".split())
"""Other words a question may open with that say nothing."""

BETWEEN_WORDS = frozenset("between each".split())
"""Words asking about two of something ("between them", "each other")."""
AND_WORDS = frozenset("and".split())
OR_WORDS = frozenset("or".split())
"""Words that join two names into one answer ("X and Y")."""
OTHER_WORDS = frozenset("else other another".split())
"""Words asking for something besides what was said ("who else?")."""
AFTER_WORDS = frozenset("after once".split())
AFTER_DAY_WORDS = frozenset(["after"])
"""Words putting a day as a bound, what happened after it ("once May 7 came" does not)."""
BEFORE_WORDS = frozenset(
    "before earlier previously prior beforehand first originally initially".split()
)
"""Words by which a turn goes back in time from the last answer ("who held it before that?")."""
REPORTING = ("according to",)
REPORTED_MARKS = frozenset(("according", "per"))
"""Words every "reported_by" pattern holds."""
"""Phrases by which an answer says whose report it is ("..., according to local sources")."""
LATER_WORDS = frozenset("later eventually afterwards afterward".split())
SOMEONE_WORDS = frozenset("anyone anybody".split())
"""Words by which a yes/no question asks whether a deed was done at all ("was anyone punished?")."""
ANY_WORDS = frozenset(["any"])
"""... and, right after its opening verb, whether any of something did or underwent it ("were
any fighters captured?"; not "did they give any details?")."""
SPAN_WORDS = frozenset("since until till".split())
"""Words putting a time as the start or end of a span ("since April"), not as when it was."""
NEGATED = ("n't", "n\u2019t")
"""How a negated auxiliary ends ("didn't", "wasn't"), as typed."""
NEGATED_UNMARKED = frozenset(
    "didnt doesnt dont wasnt werent isnt arent hasnt havent hadnt couldnt wouldnt".split()
)
"""Negated auxiliaries typed without their apostrophe ("why didnt they step in")."""
SAID_ENDINGS = (("in", "ing"), ("z", "s"))
"""Endings as chat writes them, with the ending meant: "doin", "kidz"."""
OUTCOME_MARKS = frozenset("winners victors winning losers losing defeated vanquished".split())
"""Words every "winners" and "losers" pattern holds one of."""
IDLE_WORDS = frozenset(
    "later tonight today tomorrow now weekend after then busy up doing going fine".split()
)
"""Words that tell nothing of the article in a question asked of the bot itself ("what are
you doing later?")."""
REASON_QUESTION_WORDS = frozenset(["why"])
"""Question words after which "is" is mostly followed by more than its subject ("why was Ber
important strategically?"): where the copula goes in indirect speech is unknown."""
COUNTING_WORDS = frozenset("many".split())
"""Words every "counting" pattern holds."""
AGENT_WORDS = frozenset(["by"])
"""Words every "passive_agent" pattern holds."""
RECIPIENT_LEADS = frozenset("to into onto towards toward".split())
"""Words before whom a deed is done to or given to ("returned the prisoners to the army")."""
STATE_WORDS = frozenset(
    "danger ruins trouble turmoil chaos flames charge control power peace shock mourning crisis"
    " panic fear ruin debt decline doubt question play use place".split()
)
"""What a place is in that is no place ("is Ber in danger?", "was it in ruins?")."""
SOURCE_LEADS = frozenset("from".split())
"""Words before whom something is taken ("seized the town from the MNLA")."""
OPPOSITES = (
    ("arrive arrived arrives come came enter entered reach reached", "leave"),
    ("win won", "lose lost"),
    ("attack attacked", "defend defended"),
    ("start started begin began", "end ended finish finished"),
    ("capture captured detain detained arrest arrested", "release released free freed"),
)
"""Deeds and their opposites: "when did they arrive?" is not told by a fact telling when they
left (each side's words read as the tokens they stand for)."""
TAKING_WORDS = frozenset(
    "seized took taken captured recaptured retook retaken wrested grabbed snatched stole stolen"
    " confiscated won rescued freed removed".split()
)
"""Deeds told in the past that take something from whom a source word names ("seized the
town from the MNLA"; not "fled from", "fighters from")."""
UNDERGOING_WORDS = frozenset(
    "lose loses losing lost suffer suffers suffered sustain sustains sustained incur incurred"
    " endure endured undergo underwent undergone receive receives received".split()
)
"""Verbs whose subject undergoes the deed rather than does it ("what did the MNLA lose?")."""
NOT_RECIPIENT = frozenset(
    "according due thanks owing attributed credited ascribed blamed loyal allied linked"
    " belonging close next similar opposed".split()
)
"""Words making such a word something else ("according to a resident", "loyal to")."""
SECTION_REQUEST_WORDS = frozenset(
    "tell talk explain describe summarise summarize summary everything anything section part"
    " chapter more know overview".split()
)
"""Words asking for a part of the article as a whole ("tell me everything about the
aftermath"), not for anything in it."""
NAME_DESCRIPTORS = frozenset("armed".split())
"""Words describing a body that may be typed inside its name ("the Arab armed group")."""
PRESENT_WORDS = frozenset("today nowadays currently presently".split())
"""Words asking about the present ("who controls it today?"), not the time an event was told."""
WHILE_WORDS = frozenset("when while during as".split())
OF_WORDS = frozenset("of at in for a".split())
ARTICLES = frozenset("the a an".split())
SIDE_WORDS = frozenset("side sides group groups faction party camp".split())
"""Nouns that ask for a side ("which side won?") as "who" asks for a person."""
GROUP_NOUNS = (
    ("group", "movement", "organisation", "organization", "outfit", "faction", "militia"),
    ("groups", "movements", "organisations", "organizations", "outfits", "factions", "militias"),
)
"""Nouns any of which a group's name may end in for another ("Tuareg group", "Tuareg
outfit"): one tuple of each number."""
BODY_NOUNS = frozenset(
    "mission power coalition alliance contingent front union force forces troops army movement"
    " group organisation organization militia government".split()
)
"""Nouns a body's long name is built on: two or three of its words with one of these name it
("the international mission" for the African-led International Support Mission to Mali)."""
JOINING_QUESTION_WORDS = frozenset(("when",))
"""Question words that also join a sentence's clauses ("... nearby when the fighting broke out")."""
FORCE_WORDS = frozenset("army armies forces troops military militia government".split())
"""Nouns a group's name may stand before ("the French army")."""
PLAIN_CAPS = frozenset(
    "ok lol omg btw fyi imo tbh idk pls plz thx tv pm am asap wtf nvm smh fr rn".split()
)
"""Words typed in capitals that name nothing ("is that OK", "lol"), besides stop words."""
PARTICLES = ("out", "over", "back", "off", "down", "away")
"""The particles a phrasal verb made a noun ends in ("pullout", "takeover", "comeback")."""
PLACE_PREPOSITIONS = frozenset("in at near from".split())
PLACING_WORDS = frozenset(
    "in on at near outside lies lay located situated north south east west northeast northwest "
    "southeast southwest northern southern eastern western".split()
)
"""Words that say where a place named before them is ("Ber, in the north of Mali")."""
PREPOSITIONS = frozenset(
    "of in at on near from to into with against between for by about after before during".split()
)
"""Words that lead a name that is no doer ("deserters from the Malian army were detained")."""
GENERIC = frozenset("what happen say said tell know article wikipedia text".split())
"""Words any question about the article may hold: they tell no fact from another."""
HAPPEN_WORDS = ("happen", "become", "became", "do", "did", "end", "up", "go", "went")
"""Words asking what became of someone ("what happened to him later?")."""
ASKING_WORDS = frozenset("about know knows ask asking tell me wondering wonder sure say".split())
"""Words before a question word that make it a question, not a conjunction."""
HEDGE_WORDS = frozenset(
    "sure tho though basically correct yeah yes confirmed confirm accurate verified verify true"
    " right really actually definitely certain certainly exactly indeed official officially"
    " reliable".split()
)
"""Words that doubt or hedge a yes/no question rather than claim anything ("is that
confirmed?", "was it the MAA tho?")."""
DISPUTING = ("real", "actual", "correct", "true", "right")
"""Words that put a number in doubt ("what's the real number?")."""
CLAIM_ASKS = frozenset("why right correct true yes confirm believe think".split())
"""What a question asks of a claim: why, or whether it is so ("..., right?", "..., I
believe?")."""
CLAIM_QUALIFIERS = (
    "a an also too just mostly mainly largely predominantly primarily all really actually "
    "basically essentially entirely composed of itself themselves truly purely originally "
    "fundamentally simply"
).split()
"""Words between a copula and what a claim says something is ("is mostly ...")."""
UNKNOWN = ("Unknown", "unknown")
UNKNOWN_PHRASES = re.compile(r"\b(?:unknown|not (?:known|recorded|given|reported|stated|named))\b")
"""An answer saying this, of what it tells, answers a question asking for it, whatever kind."""
"""How a text says something is not known."""

NUMBER_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
NUMBER_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_MISSPELLINGS = {"fourty": "forty"}
AMBIGUOUS_NUMBERS = frozenset("one".split())
"""Number words that are also other words ("one of them"): matched as words, not digits."""

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBREVIATIONS_KEPT_APART = frozenset("mar may".split())
"""Three-letter month abbreviations that are also words."""
_SUBJECTS = "i we you he she it they".split()
MONTHS_AS_WORDS = {
    "may": (
        "before",
        frozenset([*_SUBJECTS, *"have be not also well never still even just".split()]),
    ),
    "march": (
        "after",
        frozenset([*_SUBJECTS, *"to did do does will would could should can not".split()]),
    ),
}
"""Months that are also words, and the words that make them words: "may" before "I", "have",
"be"... ("may I ask ...?", "who may have attacked?"), "march" after "they", "to"... ("did they
march on it?"). Anywhere else they are the month ("that May", "their May raid")."""
ORDINALS = {
    word: day
    for day, word in enumerate(
        (
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        ).split(),
        start=1,
    )
} | {"thirtieth": 30}
"""Ordinal words, read as a day of the month beside a month's name ("may fifth", "the twenty
first of april")."""
ORDINAL_ENDINGS = ("st", "nd", "rd", "th")
"""How a day written in digits may end ("may 5th")."""

SYNONYMS: dict[str, list[str]] = {
    "when": ["wen", "date", "dates", "dated", "day"],
    "who": ["whom", "whose", "whos"],
    "where": ["location", "located", "situated", "whereabouts"],
    "why": ["reason", "reasons", "motive", "justification", "justify", "justified", "justifies",
            "grounds", "rationale", "argument", "excuse", "excuses", "pretext"],
    "many": ["number", "count", "much", "tally"],
    "what": ["wat"],
    "group": ["groups", "organisation", "organization", "organisations", "organizations",
              "outfit", "outfits", "community", "communities"],
    "win": ["won", "wins", "winning", "winner", "winners", "victory", "victories", "victorious",
            "victor", "prevail", "prevailed", "triumph", "triumphed", "beat"],
    "lose": ["lost", "loses", "losing", "loser", "losers", "defeat", "defeated", "defeats",
             "beaten"],
    "result": ["results", "outcome", "outcomes"],
    "start": ["started", "starts", "starting", "begin", "begins", "began", "begun", "beginning",
              "broke", "erupted", "erupt", "outbreak", "launch", "launched", "launching",
              "initiated", "initiate", "commence", "commenced", "kickoff", "flare", "flared",
              "ignited", "onset"],
    "cause": ["causes", "caused", "causing", "spark", "sparked", "sparking", "trigger",
              "triggered", "provoked"],
    "happen": ["happened", "happening", "happens", "occurred", "occur", "occurs", "unfold",
               "unfolded", "transpire", "transpired", "befall", "befell", "befallen"],
    "town": ["towns", "city", "cities", "village", "villages", "locality", "commune",
             "settlement", "hamlet", "municipality"],
    "region": ["regions", "area", "areas", "zone", "zones", "province", "district", "districts"],
    "country": ["countries", "nation"],
    "control": ["controlled", "controlling", "controls", "occupied", "occupy", "occupation",
                "charge"],
    "capture": ["seized", "seizing", "seizes", "captured", "capturing", "captures", "conquer",
                "conquered", "overran", "overrun", "confiscated", "take", "takes", "took",
                "taken", "taking", "retake", "retook", "retaken", "recapture", "recaptured",
                "grabbed", "nab", "nabbed", "overtook", "wrest", "wrested", "wresting"],
    "leave": ["left", "leaves", "leaving", "quit", "quitted", "withdraw", "withdrew", "withdrawn",
              "withdrawal", "depart", "departed", "departure", "abandon", "abandoned",
              "abandoning", "evacuated", "pulled", "exit", "exited", "exits", "vacate", "vacated",
              "walked", "bailed", "bail", "decamp", "decamped"],
    "flee": ["fled", "flees", "fleeing", "escape", "escaped", "retreat", "retreated",
             "retreating"],
    "chase": ["chased", "chasing", "chases", "expel", "expelled", "drove", "driven", "drive",
              "ousted", "kicked", "repelled", "pushed", "push"],
    "stay": ["stick", "stuck", "stayed", "stays", "staying", "remain", "remained", "remaining",
             "linger", "lingered", "hang", "hung", "hanging"],
    "keep": ["kept", "keeping", "keeps", "maintain", "maintained", "retain", "retained"],
    "return": ["returned", "returning", "returns", "handed", "hand", "handover", "transferred",
               "transfer", "deliver", "delivered"],
    "people": ["ppl", "persons", "person", "individuals", "individual", "folks", "folk"],
    "girl": ["girls", "teenager", "teen", "teenage", "child", "children", "kid", "kids",
             "adolescent"],
    "old": ["elderly", "aged", "elder", "older", "oldest"],
    "man": ["men", "guy"],
    "say": ["said", "says", "saying", "according", "stated", "told", "declared", "declare",
            "claim", "claimed", "claims", "claiming", "report", "reported", "reports", "reporting",
            "announce", "announced", "insist", "insisted", "assert", "asserted", "restate",
            "restated", "restates", "reiterate", "reiterated", "reiterates", "describe",
            "described", "describes", "describing", "characterise", "characterised",
            "characterize", "characterized", "portray", "portrayed"],
    "source": ["sources", "contact", "contacts", "informant", "informants"],
    "detail": ["details", "specifics", "specific"],
    "unknown": ["unclear", "unidentified", "unspecified", "unreported", "anonymous"],
    "work": ["works", "working", "worked", "cooperate", "cooperation", "cooperating",
             "collaborate", "collaborating", "collaboration", "partner", "partnership"],
    "willing": ["willingness", "ready", "readiness", "prepared", "disposed"],
    "help": ["helped", "helping", "helps", "assist", "assisted", "assistance", "aid", "aided"],
    "present": ["presence", "presents"],
    "search": ["searching", "searched", "seek", "seeking", "hunt", "hunting", "looking", "look",
               "looked", "sought"],
    "leader": ["leaders", "led", "lead", "commander", "commanders", "commanded", "commanding",
               "commandant"],
    "mayor": ["mayors"],
    "size": ["strength"],
    "found": ["founded", "founding", "foundation", "created", "creation"],
    "president": ["presidents"],
    "increase": ["increased", "increasing", "increases", "rose", "rise", "risen", "rising", "grew",
                 "grow", "growing", "grown", "escalated", "escalate", "worsened", "worsen",
                 "worse", "worsening", "deteriorated", "deteriorate", "soured", "intensified"],
    "compose": ["composed", "composition", "consist", "consists", "consisting", "comprised",
                "comprise", "constituted", "makeup", "membership"],
    "major": ["biggest", "main", "significant", "serious"],
    "mostly": ["mainly", "predominantly", "largely", "primarily", "majority", "bulk"],
    "acronym": ["abbreviation", "abbreviations", "stand", "stands", "mean", "means", "meaning"],
    "name": ["names", "named", "called"],
    "before": ["b4", "prior", "previously", "beforehand", "earlier"],
    "after": ["afterwards", "afterward", "following", "later", "subsequently"],
    "again": ["anew"],
    "second": ["2nd"],
    "time": ["times"],
    "soon": ["shortly", "quickly", "promptly"],
    "end": ["ended", "ending", "ends", "finished", "finish", "concluded", "stop", "stopped", "halt",
            "halted", "cease", "ceased"],
    "year": ["years"],
    "month": ["months"],
    "particularly": ["especially", "notably", "specially"],
    "summary": ["summarize", "summarise", "summarized", "recap", "overview", "rundown", "gist",
                "tldr"],
    "between": ["vs", "versus"],
}  # fmt: skip
"""Words that mean the same to the matcher, by the one word they are matched as."""

_GREETED = r"(?: (?:all|everyone|everybody|guys|folks|there|bot|to you))?"
_DAY_GREETING = rf"(?:(?:good|gd) )?(?:morning|mornin|afternoon|evening){_GREETED}"
_GOOD_DAY = rf"(?:good|gd) (?:morning|mornin|afternoon|evening|day){_GREETED}"
_SCHOOLWORK = "essay|homework|assignment|class|paper|project|report|thesis"
_PLAIN = "straight|short|quick|simple|direct|honest|real|clear"
_HESITATIONS = (
    "wait",
    *(h * a + "m" * b for h in "hu" for a in (1, 2) for b in range(1, 7)),
    *("u" * a + "h" * b for a in (1, 2) for b in range(1, 7)),
    *("e" * a + "r" * b + "m" * c for a in (1, 2) for b in (1, 2) for c in (1, 2, 3)),
)
"""Every hesitation the idiom below reads: "hm" to "hhmmmmmm", "um", "uh", "erm"."""

_IDIOMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # "take place" is "happen", not "take" as in seizing a town.
    (r"\b(?:take|takes|took|taken|taking) place\b", "happen", ("place",)),
    # "Who ended up winning?" asks who was winning, in the end: how it came to pass is no
    # question of its own.
    (
        r"\b(?:end|ends|ended|ending|wind|winds|wound|winding) up (?=\w+ing\b)",
        "was ",
        ("end", "ends", "ended", "ending", "wind", "winds", "wound", "winding"),
    ),
    # "Anything in particular?" asks of anything: "particular" is no word of what is asked
    # (as "particularly", which the article uses, would be).
    (
        r"\b(anything|anyone|anybody|something|someone|nothing|nobody|one|any) in particular\b",
        r"\1",
        ("particular",),
    ),
    # "How come they left?" asks why.
    (r"\bhow come\b", "why", ("come",)),
    # "What was the name of the town ...?" asks which town, not anyone's name.
    (
        r"\b(?:what|whats|what's) (?:is |was |were )?the names? of (?:the |that |this )?"
        r"(town|city|village|place|region|area|country)\b",
        r"which \1",
        ("name", "names"),
    ),
    # "Around 20 people", "round about twenty": a count's rough size, not the outskirts (which a
    # pack may read "around" as).
    (
        r"\b(?:round about|around) (?=\d|(?:"
        + "|".join(w for w in NUMBER_UNITS + NUMBER_TENS if w not in AMBIGUOUS_NUMBERS)
        + r")\b)",
        "about ",
        ("around", "round"),
    ),
    # "non-combatants" is one word, as "noncombatants" is.
    (r"\bnon-(?=[a-z])", "non", ("non",)),
    # "acording 2 the spokesman", "handed 4 the ...": "to" and "for", as chat writes them (a
    # number is never before "the", nor after "according").
    (r"\b(according|due|prior|next|close|thanks) 2\b", r"\1 to", ("2",)),
    (
        r"\b2 (?=(?:the|a|an|his|her|their|them|him|me|us|it|its|this|that|these|those)\b)",
        "to ",
        ("2",),
    ),
    (
        r"\b4 (?=(?:the|a|an|his|her|their|them|him|me|us|it|its|this|that|these|those)\b)",
        "for ",
        ("4",),
    ),
    # "y did they leave?", "y tho": "why", as chat writes it (the French "y" is never before
    # these).
    (
        r"^y (?=(?:did|do|does|didnt|dont|is|are|was|were|would|r|tho|though|not)\b)",
        "why ",
        ("y",),
    ),
    # "How much old was he?": how old, as some write it in a language not their own.
    (r"\bhow much (?=(?:old|big|far|long|large|tall|young|strong)\b)", "how ", ("much",)),
    # Counted as, or among, something is reckoned so: "is it counted as part of the war?" asks
    # no number.
    (r"\b(?:counts|counted) (?=as\b|among\b)|\bcount (?=as\b)", "", ("count", "counts", "counted")),
    # Speaking "on behalf of" someone is speaking for them.
    (r"\bon behalf of\b", "for", ("behalf",)),
    # Bursting into a place is storming it, not a burst of anything.
    (r"\b(?:burst|bursts|bursting) (?=in(?:to)?\b)", "stormed ", ("burst", "bursts", "bursting")),
    # "Carried out" an attack is doing it, not carrying anything ("carrying a gun").
    (r"\bcarr(?:y|ies|ied|ying) out\b", "did", ("carry", "carries", "carried", "carrying")),
    # "Made up of" is "composed of", not "made" as in making a claim.
    (
        r"\b(?:made|make|making) up(?= (?:\w+ )?of\b)|\bmakes up\b|\bmade(?= (?:\w+ )?of\b)"
        r"|\bmake-up\b",
        "composed",
        ("made", "make", "makes", "making"),
    ),
    # Going home is leaving, not a house.
    (
        r"\b(?:go|goes|going|gone|went|headed|return|returns|returned|returning)(?: back)? home\b",
        "left",
        ("home",),
    ),
    # Driving or making off with something is taking it, not driving anyone off.
    (
        r"\b(?:drive|drives|drove|driven|driving|make|makes|made|making|run|runs|ran|running"
        r"|walk|walks|walked|walking) off with\b",
        "took",
        ("off",),
    ),
    # Going away, getting out or moving out of a place is leaving it.
    (
        r"\b(?:go|goes|going|gone|went|get|gets|got|getting|move|moves|moved|moving)"
        r" (?:away|out)(?= (?:of|from)\b)",
        "left",
        ("away", "out"),
    ),
    # Running a town is controlling it, not running away.
    (
        r"\b(?:run|runs|running|ran)(?= (?:the|this|that) (?:town|city|village|place)\b)",
        "controlling",
        ("run", "runs", "running", "ran"),
    ),
    # "I'd like to know ...", "do you know ...": a request that a question follow, no words of
    # its own to match ("like", "want" and "know" are words some facts use).
    (
        r"\b(?:i(?:'d| would| 'd)? (?:like|love|want|wanna|need|wish|hope) to"
        r" (?:know|find out|learn)"
        r"|(?:do|would) (?:you|u|ya) (?:know|happen to know)"
        r"|(?:can|could|would|will) (?:you|u) (?:please )?(?:tell|say|explain to) me"
        r"|(?:(?:please|pls|plz) )?tell me"
        r"(?= (?:who|what|when|where|why|how|which|if|whether)\b))\b",
        "",
        ("know", "tell", "find", "learn", "explain"),
    ),
    # Chatter around a question asks nothing: "out of curiosity", "one more thing", "sorry to
    # bother you but", "does anyone know", "can I ask something?", "can you help me?", "I have a
    # question", "any idea", "asking for a friend", "for my essay", "real quick", "I just read
    # the article", "according to the article" ("in the text" would otherwise read as a place
    # the article is not about). Each phrase is an idiom of its own, run only when its words are
    # there: one regex of many branches costs more than all the rest of normalising. Phrases
    # that could be the question's own words count only where they stand apart from it
    # (`apart`): "one other thing he said?" asks for another fact.
    (r"\b(?:just )?out of (?:pure |sheer )?curiosity\b", "", ("curiosity",)),
    # ("Good morning! Who won?": a greeting of the time of day, apart from a question beside
    # it; alone, it is a greeting. A bare "morning" greets only first: "May 5, evening?" asks.)
    (
        rf"^{_DAY_GREETING}(?=\s*[.!?,;:]+\s*\w)"
        rf"|{BEFORE}{_GOOD_DAY}(?=\s*[.!?,;:]+\s*\w)|(?<=[.!?,;:] ){_GOOD_DAY}{AFTER}",
        "",
        ("morning", "mornin", "afternoon", "evening", "day"),
    ),
    (
        rf"{BEFORE}(?:one|1) (?:more|last|other|final|quick) (?:thing|question|q){AFTER}",
        "",
        ("thing", "question", "q"),
    ),
    (
        r"\b(?:i'm |i am |im )?(?:so |very )?sorry to (?:bother|trouble|disturb|interrupt)"
        r"(?: you(?: guys| all)?)?(?:,? but)?\b",
        "",
        ("sorry",),
    ),
    (
        rf"{BEFORE}(?:does |do )?(?:anyone|anybody|someone|somebody|any of you|you guys)"
        r"(?: here)? (?:know|knows|have any idea)\b",
        "",
        ("anyone", "anybody", "someone", "somebody", "any", "guys"),
    ),
    (
        r"\b(?:can|could|may) i ask(?: you)?(?: something| a (?:quick |small |short )?question)?"
        rf"{AFTER}",
        "",
        ("ask",),
    ),
    (
        r"\b(?:can|could|would|will) (?:you|u|someone|anyone|anybody) (?:please )?help"
        rf"(?: me| us)?(?: out)?(?: with (?:something|this|a (?:quick )?question))?{AFTER}",
        "",
        ("help",),
    ),
    (r"\b(?:i )?(?:have|got|had) a (?:quick |small |short |simple )?question\b", "", ("question",)),
    (
        r"\b(?:i'm |i am |im )?not sure (?:if|whether) (?:you|u) (?:know|would know)(?: this)?"
        r"(?:,? but)?\b",
        "",
        ("sure",),
    ),
    (rf"{BEFORE}any ideas?(?: on)?\b|\bany ideas?{AFTER}", "", ("idea", "ideas")),
    (r"\b(?:i'm |i am |im )?(?:just )?asking for a friend\b", "", ("friend",)),
    (
        rf"{BEFORE}for (?:my|an|a|our) (?:{_SCHOOLWORK})\b"
        rf"|\bfor (?:my|an|a|our) (?:{_SCHOOLWORK}){AFTER}",
        "",
        ("essay", "homework", "assignment", "class", "paper", "project", "report", "thesis"),
    ),
    (r"\b(?:real quick|quick q)\b", "", ("quick", "q")),
    (
        r"\b(?:i(?:'ve| have|ve)?(?: just)? (?:read|saw|was reading|looked at)"
        r" (?:the|this|your) (?:article|page|text|wiki(?:pedia)?(?: article| page)?)"
        r"|(?:according to|per|in|from|by) (?:(?:the|this|your) (?:article|text|page|wiki(?:pedia)?"
        r"(?: article| page)?)|wiki(?:pedia)?(?: article| page)?))\b(?!\s+of\b)",
        "",
        ("article", "page", "text", "wiki", "wikipedia"),
    ),
    # ... nor does a question asking what the article says of something: "what does the
    # article give as the result?" asks the result ("what does it say about X?" stays: its
    # "what about" asks again of the last question).
    (
        r"\b(?:does|did|do) (?:the|this|your)"
        r" (?:article|text|page|wiki(?:pedia)?(?: article| page)?)"
        r" (?:actually |really |even )?(?:say|give|list|report|state|mention|record)s?\b"
        r"(?! about\b)",
        "",
        ("article", "page", "text", "wiki", "wikipedia"),
    ),
    # Doubt, and wishes about the answer's form, ask nothing either: "are you sure?", "be
    # honest", "prove it", "I doubt you know, but", "seriously though", "I keep hearing different
    # things", "straight answer please", "no fluff", "for real?", "cite the article", "answer in
    # one word", "briefly", "in short", "keep it short" ("tl;dr" and "the short version" ask
    # for a summary, and stay; "seriously wounded", "briefly held", "in short supply", "give a
    # clear answer", "show the text of" are the question's own words).
    (
        rf"\bare (?:you|u) (?:sure|certain)(?: about (?:that|this|it))?{AFTER}",
        "",
        ("sure", "certain"),
    ),
    (
        r"\b(?:be|being) (?:honest|straight up|straight|serious)(?: with me)?\b",
        "",
        ("honest", "straight", "serious"),
    ),
    (
        rf"{BEFORE}prove it\b|\b(?:but )?seriously(?: though| now)?{AFTER}",
        "",
        ("prove", "seriously"),
    ),
    (
        r"\bi (?:really )?doubt (?:you know|you do|you can tell|it|that|the article (?:even )?says)"
        r"(?: (?:this|that|it))?(?:,? but)?\b",
        "",
        ("doubt",),
    ),
    (
        r"\bi keep (?:hearing|reading|seeing|getting) (?:different|conflicting|contradictory|mixed)"
        r" (?:things|stories|numbers|figures|accounts|versions|reports|answers)\b",
        "",
        ("keep",),
    ),
    (
        rf"\b(?:give me|i want|i need) (?:a |the )?(?:{_PLAIN})(?: answer)(?: please| pls| plz)?\b"
        rf"|{BEFORE}(?:a |the )?(?:{_PLAIN}) answer(?: please| pls| plz)?{AFTER}",
        "",
        ("answer",),
    ),
    (
        r"\bno (?:fluff|waffle|bs|nonsense|essays?|lectures?|long answers?)\b",
        "",
        (
            "fluff",
            "waffle",
            "bs",
            "nonsense",
            "essay",
            "essays",
            "lecture",
            "lectures",
            "answer",
            "answers",
        ),
    ),
    (rf"\bfor real{AFTER}", "", ("real",)),
    # "Confirm: who won?" asks who won, "confirm: did they win?" whether they did; "confirm: the
    # MAA won?" still puts a claim to the test.
    (
        rf"{BEFORE}(?:please |can you |could you )?confirm(?: for me)?\s*[:,]?\s*"
        r"(?=(?:who|what|when|where|why|how|which|whom|whose|is|was|are|were|did|does|do|has"
        r"|have|had)\b)",
        "",
        ("confirm",),
    ),
    (
        rf"{BEFORE}(?:please )?(?:cite|quote|give|show)(?: me)? (?:the|your|a) (?:article|sources?"
        rf"|text|references?|quote){AFTER}",
        "",
        ("cite", "quote", "give", "show"),
    ),
    (
        r"\b(?:(?:answer|reply|respond|tell me|say it) )?in (?:one|a|1|two|2|three|3|a few)"
        r" (?:word|words|sentence|sentences|line|lines)\b",
        "",
        ("word", "words", "sentence", "sentences", "line", "lines"),
    ),
    (
        rf"\b(?:briefly|in (?:short|brief)){AFTER}|\bkeep it (?:short|brief|simple)\b",
        "",
        ("briefly", "short", "brief", "keep"),
    ),
    # Thanks given in advance are thanks.
    (r"\b(?:thanks|thank you|thx|ty) in advance\b", "thanks", ("advance",)),
    # Hesitation before a question: "hmm, ...", "um ...", "wait, ...".
    (
        r"^\s*(?:h{1,2}m{1,6}|u{1,2}m{1,6}|u{1,2}h{1,6}|e{1,2}r{1,2}m{1,3}|wait(?=\s*[,.!:]))\b",
        "",
        _HESITATIONS,
    ),
    # What happened "at the hands of" someone, they did: no hands are handed over.
    (r"\bat the hands of\b", "by", ("hands",)),
    # What something is named as, it is ("what does the article name as the first clash?"):
    # no name is asked for.
    (r"\b(?:name|names|named|naming) as\b", "is", ("name", "names", "named", "naming")),
    # Forming the bulk of something is being most of it.
    (
        r"\b(?:form|forms|formed|forming|make|makes|made|making) (?:up )?the (?:bulk|majority"
        r"|core|backbone) of\b",
        "mostly",
        ("bulk", "majority", "core", "backbone"),
    ),
    # Acting or serving as something is being it: "who acted as the spokesman?".
    (
        r"\b(?:act|acts|acted|acting|serve|serves|served|serving|function|functions|functioned"
        r"|functioning) as\b",
        "was",
        tuple("act acts acted acting serve serves served serving".split())
        + tuple("function functions functioned functioning".split()),
    ),
    # "Bit the dust" is died, and "came out on top" won: nothing of dust or tops.
    (r"\b(?:bite|bites|bit|bitten|biting) the dust\b", "died", ("dust",)),
    (r"\b(?:come|comes|came|coming) out on top\b", "won", ("top",)),
    # "Lives lost" are deaths, not where people live; so are "human", "civilian" lives.
    (
        r"\b(?:(?<=their )|(?<=human )|(?<=many )|(?<=any )|(?<=innocent )|(?<=ian ))lives\b"
        r"|\blives\b(?= (?:were )?lost\b)",
        "deaths",
        ("lives",),
    ),
)
"""Phrases whose words mislead one by one: (regex, what they mean, marks: words, one of which
the text must hold as a whole word for the regex to run)."""

PHRASAL_VERBS = {
    "intervene": [("step steps stepped stepping", "in"), ("get gets got getting", "involved")],
    "return": [("turn turns turned turning", "over")],
    "detain": [("lock locks locked locking", "up"), ("round rounds rounded rounding", "up")],
    "took": [
        ("carry carries carried carrying", "off away"),
        ("drag drags dragged dragging", "off away"),
    ],
    "kept": [("hang hangs hung hanging", "onto"), ("hold holds held holding", "onto")],
    "start": [("break breaks broke broken breaking", "out")],
}
"""Verbs of two words, by the one word they mean: (forms of the verb, its particles). A
particle may stand after the verb's object too ("they locked them up")."""


def _phrasal(meaning: str, forms: str, particles: str) -> tuple[str, str, tuple[str, ...]]:
    """Return the idiom reading a verb of two words as the one word it means, its object kept
    ("lock them up": "detain them"), run when one of the verb's forms is there."""
    verbs = "|".join(forms.split())
    after = "|".join(particles.split())
    # ("locked the men up": a pronoun, a name or "the" and a word between is its object.)
    return (
        # ("break out of jail" is escaping, not starting.)
        rf"\b(?:{verbs})((?: (?:it|them|him|her|us|the \S+|@\S+))?) (?:{after})\b(?! of\b)",
        rf"{meaning}\1",
        tuple(forms.split()),
    )


IDIOMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    *_IDIOMS,
    *(
        _phrasal(meaning, forms, particles)
        for meaning, verbs in PHRASAL_VERBS.items()
        for forms, particles in verbs
    ),
)
"""Every idiom: the phrases above and the verbs of two words."""

_FIGURE_WORDS = "|".join(
    [*"two three four five six seven eight nine ten eleven twelve".split(),
     *"twenty thirty forty fifty hundred".split(), *MONTHS]
)  # fmt: skip
"""Words for a count or a month that a reader may hold instead of the last answer's ("one" is
apart: it is a word of claims too)."""
_CONTRADICTION = (
    r"(?:in |on |at |only |just |about |around )?"
    rf"(?:\d\S*|the \S+|(?:zero|one|{_FIGURE_WORDS})\b|(?:in|on) \S+)(?: \S+){{0,3}}"
)
"""What a reader holds instead of the last answer: a number, a date, a name ("no, it was in May",
"it was the MNLA"), not "no, it was great"."""
_HELD_INSTEAD = rf"(?:it was|it's|it s|its|there were|they were|that was) {_CONTRADICTION}"
"""The last answer contradicted: "it was 10", "that was the MNLA"."""
_HEARD = (
    r"(?:i|i've|ive) (?:read|heard|thought|think|believe|was told|saw|ve read|ve heard"
    r"|have read|have heard)"
    r"(?: somewhere)?(?: that)? "
)
"""What a reader says they had from elsewhere: "I read it was ten", "I thought it was April 12"."""
_FIGURE_INSTEAD = (
    r"(?:it was|there were) (?:in |on |only |just |about |around )?"
    rf"(?:\d\S*|(?:zero|{_FIGURE_WORDS})\b)(?: \S+){{0,2}}"
)
"""... a figure in place of the last answer's: said alone, what was read of a name may be a
new claim ("I heard it was the MNLA that started it"), a figure hardly ("one" is a word of
claims too: "I heard it was one of the worst clashes")."""

_PLACE_KINDS = r"(?:region|country|area|province|district|state|zone|part of the country)"
"""What a place may be asked to be in ("which region is X in?")."""

PATTERNS = {
    # "and after that?": what happens next in the story.
    "next": r"after that|afterwards?|next|then|and then|then what|after",
    # "who died, and how many were hurt?": "and" before a second question.
    "and_asking": (
        r"(?:\s*,?\s*(?:\band|&)\s+|\s*[,;]\s*)(?=(?:who|whom|what|when|where|why|how|which|did"
        r"|was|were|is|are|does|do|has|have|had)\b)"
    ),
    # "tell me more", "go on": more of what the last answer told.
    "more": (
        r"(?:(?:and|so|ok|okay|yes|yeah|sure) )?(?:(?:tell|give|show) me |i want |some )?"
        r"(?:(?:a bit |a little |any |some )?more(?: about (?:it|that|this|them|him|her))?"
        r"(?: details?| info| information)?|go on|keep going|elaborate|details"
        r"|(?:anything|what) (?:else|more))(?: please)?"
    ),
    # "Could you please tell me, in as much detail as you can, what ...?": a request that the
    # reader be told what the rest of the sentence asks.
    "request": (
        r"(?:can|could|would|will) (?:you|u) (?:please |pls |plz )?(?:tell|explain|say|describe)"
        r"(?: (?:to )?(?:me|us))?\b"
    ),
    # "Write me a poem about the desert", "could you compose a song?": a request to make
    # something, which a reader of the article is not given. (Only as a request, opening a
    # sentence: "I'm writing an essay on the battle. When was it?" asks a question.)
    "creative": (
        r"(?:^|[.!?:;,] |\b(?:now|then|instead|just|pls|please) )"
        r"(?:(?:can|could|would|will) (?:you|u) (?:please |pls |plz )?)?"
        r"(?:(?:write|compose|make up|invent|sing|draw|create)(?: (?:me|us))? "
        r"(?:a|an|some|one|another|me a) (?:(?:short|little|quick|funny|nice|sad|small|long|new) )*"
        r"(?:poem|poems|song|songs|story|stories|joke|jokes|haiku|limerick|rap|essay|tale|picture"
        r"|drawing)|tell (?:me |us )?(?:a|an|another|some) (?:(?:funny|good|short) )?jokes?)\b"
    ),
    "next_openers": r"and |so |ok |okay ",
    "next_lead": r"then |what ",
    "next_verb": r"happened |came |comes ",
    "correction": r"(?:(?:no|nope|sorry|oops)\s+)?i\s+(?:mean|meant)\b",
    "that_event": r"\b(?:that|this|the same) (?:{events}|one|event|incident|time)\b",
    "then": r"\b(?:then|after that|afterwards?|by then|at that point|next)\b",
    "back_then": r"\b(?:back then|at (?:the|that) time|at that point in time)\b",
    # (Matched on the text as typed, which the date it stands for replaces.)
    "that_day": r"\b(?:that|the same|that same) day\b",
    # "And who is he?": what the one a pronoun stands for is (on the normalised text, whole).
    "who_is_pronoun": (
        r"(?:(?:and|so|ok|okay|but) )?(?:who|what) (?:is|was|are|were) (he|she|they|him|them)"
        r"(?: (?:again|exactly|then|anyway))?"
    ),
    # "And what did they do?": what the one a pronoun stands for did, at the time of the last
    # answer (on the normalised text, whole; not "what did they do next?").
    "what_did_pronoun": (
        r"(?:(?:and|so|but|ok|okay) )?what (?:did|do|does|were|was|have|had) "
        r"(they|he|she|them|him)(?: do| doing| done)(?: (?:then|there|at the time|at that time))?"
    ),
    # "Is it in Gao Region?": whether the place last discussed is in another (normalised, whole).
    "is_it_in": (
        r"(?:(?:and|so|but|ok|okay) )?(?:is|was|isnt|wasnt) (it) (?:really |actually )?"
        r"(?:in|inside|near) (?:the )?(.+)"
    ),
    # "Where is it?", "what region is it in?": where the place last discussed is (normalised,
    # whole; the pronoun is group 1). ("Where was it?" may ask where an event was.)
    "where_is_it": (
        r"(?:(?:and|so|but|ok|okay) )?(?:where (?:is|s) (it)(?: located| situated| exactly)?"
        rf"|(?:in )?(?:which|what) {_PLACE_KINDS} (?:is|s) (it)(?: located| situated)?(?: in)?)"
    ),
    "that_town": r"\b(?:that|this) (?:town|city|village)\b",
    "the_town": r"\bthe (?:town|city|village)\b",
    "other_side": r"\b(?:other|opposing) (?:side|camp|group|faction|party|one)s?\b",
    "embedded_question": (
        r"\b(?:know|tell me|wondering|wonder|curious|find out|understand|learn|explain)\b"
        r"[^.!?]{0,60}?\b(?:how|who|when|where|why|what|which)\b"
        # ... or a request for one: "I need the number of ..."
        r"|\b(?:need|want|looking for|give me|tell me)\b(?: to know)?(?: the| an?)?"
        r" (?:exact |precise )?(?:number|figure|count|total|date|names?|details?) of\b"
    ),
    "disputed": (
        r"\b(?:real|actual|correct|true|right)\s+(?:number|figure|count|toll|year|date|total"
        r"|answer)s?\b|\b(?:was it|is it|were they|was that|did it) really\b"
    ),
    "who_said": (
        r"who (?:made|said|says|claimed|claims|reported|reports|stated|mentioned)"
        r" (?:that|this|it|so)"
        r"(?: claim)?|says who|according to whom|who is the source"
        # "who gave that information?", "where does that figure come from?"
        r"|who (?:gave|gives|provided|provides|reported) (?:that|this|these|those|the)"
        r" (?:information|info|figures?|numbers?|details?|report)"
        r"|where (?:does|did) (?:that|this) (?:(?:information|info|figure|number) )?come from"
        # "who says?", "what's the source?", "says who?" (a bare "source?" doubts the answer)
        r"|who (?:said|says|claimed|claims|reported|reports|stated)|said who"
        r"|(?:what|which|whats|what s) (?:is |was )?(?:the |their |its |your |his )?sources?"
    ),
    "who_said_openers": r"and |so |but |ok ",
    "who_said_closers": r" exactly| then| again",
    # "what are you doing later?", "r u busy?": asked of the bot itself, not of the article.
    "of_the_bot": r"\b(?:are|r|were|do|did|will|would|have|can|could) (?:you|u|ya)\b",
    # "are you a bot?", "what can you do?", "who made you?": of the bot itself, all of it.
    "about_the_bot": (
        r"(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|human|real|ai|person|machine|chatbot)"
        r"|what (?:can|do|could) (?:you|u) (?:do|know|answer(?: questions)?(?: about)?|tell me"
        r"(?: about)?|cover)"
        r"|(?:what|who) (?:are|r) (?:you|u)|who (?:made|built|created|programmed|wrote) (?:you|u)"
        r"|how do (?:you|u) work|what (?:is|s) this(?: bot| about)?|what do (?:you|u) cover"
        # "help", "how does this work?": how to use the bot.
        r"|help(?: me)?(?: please| pls)?|how does (?:this|it) work|how do i use (?:this|you|u|it)"
        # "can you speak French?": which languages it reads.
        r"|(?:can|do) (?:you|u) (?:speak|understand|read) (?:french|english)"
        r"|what (?:language|languages) (?:can|do) (?:you|u) (?:speak|understand|read)"
        r"|(?:(?:answer|reply|speak|say it|tell me) )?in (?:french|english)(?: please| pls| plz)?"
        # "what's your name?", "are you there?": the bot itself.
        r"|what (?:is |s )?(?:your|ur) name|who am i (?:talking|speaking|chatting) (?:to|with)"
        r"|(?:are |r )?(?:you|u) (?:there|still there|awake)"
        r"|how old (?:are|r) (?:you|u)|where (?:are|r) (?:you|u) from|where do (?:you|u) come from"
    ),
    # "in French please", "answer in English": which language to be answered in, and nothing
    # else (the language named is the group).
    "language_request": (
        r"(?:(?:answer|reply|speak|say it|tell me|please|pls) )?in (french|english)"
        r"(?: please| pls| plz)?"
    ),
    # "the losers", "the winning side": a side of the fighting, by how it came out.
    "winners": r"\b(?:the )?(?:winners|victors|winning (?:side|group|camp|faction))\b",
    "losers": (
        r"\b(?:the )?(?:losers|losing (?:side|group|camp|faction)|defeated (?:side|group)"
        r"|vanquished)\b"
    ),
    # "both sides", "each group": every side of the fighting at once.
    "both_sides": (
        r"\b(?:both|each|either) (?:sides?|groups?|camps?|factions?|belligerents?|movements?)\b"
        r"|\bthe two (?:sides|groups|camps|factions|belligerents|movements)\b"
    ),
    # "are you sure?", "really?", "source?": doubt about the last answer.
    "doubt": (
        r"are (?:you|u) (?:sure|certain)(?: about (?:that|this|it))?|(?:you|u) sure"
        r"|sure about (?:that|this)|really|seriously|for real|no way"
        r"|(?:is|was) (?:that|it|this) (?:right|true|correct|so|really true|really so)"
        # "Was that confirmed?": whether what it says is known for sure (which no "yes" answers).
        r"|(?:is|was|has) (?:that|it|this) (?:ever |really |actually |been |ever been )?"
        r"(?:confirmed|verified|proven|official)"
        r"|how do (?:you|u) know(?: (?:that|this))?|(?:what is|whats|what's) (?:the|your) source"
        r"|sources?|proof|prove it|where does it say (?:that|so)"
        # ("You're wrong", "that's not true": said, not asked.)
        r"|(?:you're|you re|youre|you are|ur|u r|u are) (?:wrong|mistaken|lying)"
        r"|(?:that's|that s|thats|that is|it's|it s|its|this is) (?:(?:just |simply )?wrong|false"
        r"|incorrect|not (?:right|true|correct|so))"
        r"|wrong|not true|false|i (?:don't|dont|do not) (?:believe|buy) (?:you|it|that|this)"
        r"|i doubt (?:it|that)"
        # "No, it was in May", "nope, that was the MNLA": the last answer contradicted.
        rf"|(?:no|nope|nah) {_HELD_INSTEAD}"
        rf"|(?:(?:no|nope|nah|but|hmm) )?{_HEARD}{_FIGURE_INSTEAD}"
    ),
    # "according to local sources": whose report a figure is, when they are nobody in
    # particular ("according to the MNLA", "a military source" name someone).
    "reported_by": (
        r"\b(?:according to|per) (?:(?:the|some|several|many|various|local|reliable|unnamed"
        r"|press|news|media|eyewitness) )*(?:sources?|reports?|residents?"
        r"|witnesses|eyewitnesses|locals|accounts?|press|media)\b"
    ),
    "doubt_openers": r"and |but |ok |so |hmm |wait |wow |oh |huh ",
    # Doubt asking whether the last answer was ever confirmed, not whether the article says it.
    "unverified": r"\b(?:confirmed|verified|proven|official)\b",
    # ("That's wrong, it was 10": what the reader holds instead, said after the doubt.)
    "doubt_closers": (
        r" though| then| now"
        rf"| (?:{_HEARD})?{_HELD_INSTEAD}"
    ),
    # "that source", "ces gens": someone or something the conversation named.
    "demonstrative": r"that|this|these|those",
    # "what happened after that?": what came after what the conversation has told.
    "after_that": r"\b(?:after|since) (?:that|this|it)\b",
    # "and then what happened to the town?", "then what did the MAA do?", "what did they do
    # next?": what came after the last answer. ("Who held it then?" asks of its time, "then
    # who did they seize it from?" in that case; "next to Ber" of a place, "the next day" of
    # the day after a date, "my next question" of nothing.)
    "sequel": (
        r"^(?:\w+ ){0,2}and then\b|^then what (?:happened|happens|did (?:\w+ ){1,3}do)\b"
        r"|\bnext\b(?! (?:to|door|day|week|month|year|time|one|question|questions)\b)"
    ),
    # "What is a marabout?": what a kind of thing is, which no conversation is about (an
    # indefinite "a" names no one told of).
    "kind_defined": (
        r"^(?:(?:and|so|but|ok|okay|well|then|sorry) )*(?:what|whats) (?:is |was |s )?an? \S+"
        r"(?: \S+)?(?: (?:exactly|again|anyway|then))?$"
    ),
    # "are there", "there were": that something is, not where.
    "existential": (
        r"(?:(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bwere )|(?<=\bbe ))there\b"
        r"|\bthere(?= (?:is|are|was|were|be|been)\b)"
    ),
    "asks_about": r"(?:what|how|and) about",
    # A place something happens in, or that a force enters, leaves, takes or attacks.
    "locating": (
        r"in|at|of|leave|left|leaving|quit|enter|entered|reach|reached|take|took|taken"
        r"|capture|captured|seize|seized|attack|attacked|raid|raided|storm|stormed|occupy"
        r"|occupied|retake|retook"
    ),
    "locating_particles": r"over|back|control of",
    # "Where exactly ...?", "which town ...?": a place finer than any the question names.
    "pinpoint": (
        r"\bwhere (?:\S+ ){0,3}?(?:exactly|precisely)\b|\b(?:exactly|precisely) where\b"
        r"|\b(?:which|what) (?:town|city|village|spot|location)\b"
    ),
    # Where an event took place: a place it tells, not only whom it involved.
    # (Opening the question, not a relative "where": "a town where nothing happens".)
    "event_place": (
        r"^(?:(?:and|so|but|then|ok|okay|well|now) )*where (?:\S+ ){0,12}?"
        r"(?:(?:take|took|taken|takes) place|happen|happened|happens|occur|occurred|occurs)\b"
        # "Where is In Khalil?": where something is, and nothing more.
        r"|^(?:(?:and|so|but|then|ok|okay|well|now) )*where (?:is|was|s) (?:\S+ ){0,3}?\S+"
        r"(?: (?:located|situated|found))?$"
    ),
    # "Where is Timbuktu?": where a place named is, and nothing more (names marked); asked yes
    # or no too, "is Ber in Niger?" (the fact placing it says where it is instead).
    # (After anything before it, "Hi! Where is Timbuktu?"; "where's" is read "where".)
    "place_located": (
        r"\bwhere (?:exactly |precisely )?(?:(?:is|was|s|lies|lay) )?(?:the )?(@\S+)"
        r"(?: (?:located|situated|found|exactly|precisely))?(?: please| pls)?$"
        r"|^(?:(?:so|and|but|ok|okay|hi|hello|hey|wait|hmm|um) )*(?:is|was|isnt|wasnt)(?: not)? "
        r"(?:the (?:town |village |city )?)?(@\S+) "
        r"(?:(?:really|actually|still|even|located|situated|found) )*(?:in|near|inside) (?:the )?"
        rf"(?!(?:{'|'.join(sorted(STATE_WORDS))})$)(?:@\S+|[a-z]+)$"
        # "Which region is Ber in?", "in what country is Ber located?"
        rf"|^(?:in )?(?:which|what) {_PLACE_KINDS} (?:is|was|s) (?:the )?(@\S+)"
        r"(?: (?:located|situated|found))?(?: in)?$"
        # "gao region where is it", "In Khalil, where?": the place first, tersely.
        r"|^(?:the )?(@\S+),? where(?: (?:is|was|s) (?:it|that|this))?"
        r"(?: (?:located|situated|exactly))?$"
    ),
    # "Was the battle fought in In Khalil?": where the article's own event was, asked yes or
    # no (its event nouns filled in; "the battle of X" is read as the article's own only when
    # X is its place, the group).
    "event_located": (
        r"^(?:(?:so|and|but|ok|okay|hi|hello|hey|wait|hmm|um) )*(?:was|were|did) "
        r"(?:the |that |this )?(?:{events})(?: (?:of|at|in) (@\S+))? "
        r"(?:(?:really|actually|even) )?"
        r"(?:(?:fought|held|located|situated|happen|happened|occur|occurred|staged) )?"
        r"(?:in|at|near|inside) (?:the )?"
        r"(@\S+|[a-z]+)(?: (?:region|area|province))?$"
    ),
    # A yes/no question: "did the ... ?", "were there ...?" (read from its first words).
    "polar": r"(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would)\b",
    # "What did the MNLA do with them?", "why did the MNLA kidnap him?": whom it asks what they did
    # (a name, marked; not "did the MAA's men...").
    "subject": (
        r"\b(?:did|does|do|has|have|had|would|will|could) (?:the )?(@\S+) (?!(?:not|s|and|or"
        r"|with|of|in|at|on"
        # ("What did X have to do with it?" asks how X comes into it, not what X did.)
        r"|have to do|has to do"
        r"|@\S+)\b)[a-z]"
    ),
    # "Which regiment was there?": the thing asked for by name.
    "asked_thing": r"\b(?:what|which) (?:@\S+ )?([a-z]+)",
    # "How many French troops ...?": what follows is who is counted.
    "counting": r"\bhow many (?:of (?:the |their |those )?)?",
    # Naming someone after a subject is a deed, not asking a name: "did the army name the
    # attackers?" (but "name the leader", "what is the name their spokesman gave?" ask one).
    "attribute_deeds": r"\b(?:did|does|do|didn t|doesn t|don t) (?:\S+ ){1,3}?name\b",
    # "What did the army (then) do with them?": whom it asks what they did, in so many words.
    "deed_subject": (
        r"\bwhat (?:did|does|do|has|have|had|will|would) (?:the )?(@\S+) "
        r"(?:(?:then|later|next|eventually|actually|really|finally) )?(?:do|done)\b"
    ),
    # "What happened to the truck they seized?": asks the fate of something, described after.
    "fate": (
        r"\bwhat (?:ever )?(?:has |had |have )?(?:happened|happen|happens|become|became"
        r"|becomes) (?:to|of) |\bwhat (?:was|were|is|are|has been|had been) done (?:to|with) "
        r"|\bwhat (?:did|do|does|had|has|have) (?:\S+ ){1,4}?(?:do|done) with "
    ),
    # "Were they killed by the MAA?": who did the deed told in the passive, not whom it befell.
    # (Not a loss suffered or sustained by them, which befell them.)
    "passive_agent": (
        r"\b(?!(?:suffered|sustained|incurred|endured|experienced|faced)\b)"
        r"(?:\w{3,}ed|beaten|driven|stolen|seen|broken|overrun|slain|shot|hit|held|hurt|struck"
        r"|caught|led|fought) by (?:the |a |an |their |its )?(@\S+)"
    ),
    # "What is the MAA?", "who was Ramadane?", "what does MNLA stand for?": what or who something
    # is, the whole question (its words after the question are checked to be names).
    "definition": (
        r"what (?:does|do|did) (?:the )?(.+?) (?:stand for|mean|spell out)"
        r"|(?:what|who) (?:(?:is|are|was|were|s) )?(?:(?:the|an|a) )?(.+)"
        # ... or named first: "AFISMA, what is that?", "and the MNLA, who are they?"
        r"|(?:and )?(?:(?:the|an|a) )?(.+?) (?:what|who) (?:is|are|was|were|s)"
        r" (?:that|it|this|they|those|these)"
    ),
    # "why did the MAA leave?", "why did they keep the pick-ups?": the deed asked why of
    # (`{nouns}`: the pack's nouns for groups and people, as in "why did the French army leave?").
    "reason": (
        # A deed done to something: "why is Timbuktu mentioned?", "why were the prisoners
        # returned?" (not "why was it online?", nor "seven" or "often")
        r"\bwhy (?:is|was|are|were) (?:(?:the|their|his|her|its|those|these|this|that) )?"
        r"\S+ (?:(?:{nouns}) )?(?!(?:seven|eleven|even|often|then|when|ten|open|women|men"
        r"|children)\b)([a-z]+(?:ed|en))\b"
        # ... or done by it: "why did they leave?"
        r"|\bwhy (?:did |do |does |had |has |have |would |will )?"
        r"(?:(?:the|their|his|her|its|those|these|this|that) )?\S+ (?:(?:{nouns}) )?"
        r"(?!(?:not|s|and|or|with|of|in|at|on"
        r"|@\S+)\b)([a-z]+)"
    ),
    # "who killed him?", "who had taken the town?", "which side killed them?": asks who did
    # something to someone, not who something happened to ("who was killed?", "who died in
    # it?") or who someone is.
    "doer": (
        r"\b(?:who|which (?:side|group|faction|party|army|camp|force|unit|country|one)"
        r"(?: (?:fire|gunfire|fighters|men|troops|forces|soldiers))?)"
        # ("who exactly killed him?": an adverb may stand before the deed.)
        r"(?: (?:exactly|actually|really|first|then|finally|eventually|originally|ultimately))?"
        r" (?:(?:has|had|have) (?!been\b))?(?!(?:was|were|is|are|be|been|did|does|do|has"
        r"|had|have|got|get|gets|became|remained|stayed|seemed|else|exactly|really|the|a|an|of"
        r"|in|on|at|from|among|with|for|by|to|they|he|she|it|we|you|i|this|that|these|those"
        r"|would|could|should|will|can|may|might)\b)[a-z]{2,} "
        r"(?!(?:his|her|their) (?:li(?:fe|ves)|deaths?)\b)"
        r"(?:the|a|an|his|her|their|its|this|that|these|those|him|them|it|us|@\S+)\b"
    ),
}
"""Phrases that say how a question leans on the conversation or the rest of the message."""

ATTRIBUTES = {
    "kind": (
        r"(?:what|which) (?:kinds?|types?|sorts?|models?|makes?|brands?|genres?)"
        r"|(?:what|which)(?:\s+@\S+)? (?:{things})"
    ),
    "age": r"how old|ages?|aged",
    "hour": (
        r"(?:what|which) (?:time|hour)|time of day|morning|afternoon|evening|night|nighttime|dawn"
        r"|dusk|midnight|noon"
    ),
    "duration": r"how long|durations?|how many (?:days|hours|weeks|months)",
    # Where someone went once something was over: not where something happened ("where did
    # the fighting go down?"), nor the way a thing goes every time ("where does it go?").
    "destination": (
        r"where (?:did|had|have|has) (?:\S+ ){{0,5}}?(?:go|gone|head|headed|retreat|retreated"
        r"|flee|fled|escape|escaped|withdraw|withdrawn|move|moved)\b(?! (?:down|wrong|on)\b)"
        r"|where (?:\S+ ){{0,5}}?(?:went|headed|retreated|fled|escaped|withdrew)\b"
        # ... or was taken by someone ("where did they take him?"; not "where did the battle
        # take place?", nor "where did the MAA take the prisoners?", which the pack may answer
        # by whom they were handed to).
        r"|where (?:did|had|have|has) (?:\S+ ){{0,5}}?(?:take|bring|send|transfer)"
        r" (?:him|her|them)(?=$| (?:to|after|afterwards|later|then"
        r"|once|next)\b)"
        # ... or was taken once it was over ("where were they taken after their detention?").
        r"|where (?:was|were|had|have|has) (?:\S+ ){{0,5}}?(?:taken|brought|sent|transferred"
        # (Not "taken from", "taken away" nor "taken" as what: the verb ends the question or
        # comes before when.)
        r"|deported|evacuated|moved)(?=$| (?:to|after|afterwards|later|then|once|next)\b)"
    ),
    "size": (
        r"{population}|populated|lives? in|living in"
        r"|people (?:live|lived|living) (?:in|there)|how (?:big|large)"
        r"|(?:inhabitants|residents) (?:are there|does|do|has|have|live)"
    ),
    # ("Who was in charge of the MNLA?" asks its leader; "in charge of the town" who held it.)
    "leader": (
        r"command|commanded|commanding|commanders?|leaders?|leadership|who led"
        r"|in charge of (?:the )?@(?:{groups})"
    ),
    "name": r"name|named|called",
    # ("Who spoke for the MNLA?" asks its spokesperson, as "who led it?" its leader.)
    "spokesperson": (
        r"spokesman|spokesmen|spokesperson|spokespersons|spokespeople|spokeswoman|spox"
        r"|(?:spoke|speaks|speak|speaking) (?:for|on behalf of)|on behalf of"
        # ("who talked for the MNLA?": "on behalf of" is read as "for"; not "talk for a while")
        r"|(?:talked|talks|talking) for (?:the )?@\S+"
    ),
    "rank": r"rank",
    "manner": (
        r"how (?:was|were|is|are) (?:\S+ ){{0,8}}?(?:\S+ed|taken|held|brought|done|made|kept|sent"
        r"|given|treated|shot|hit|caught)"
        # ("How did the girl die?": the way someone died or was hurt, not that they did.)
        r"|how (?:did|do|does) (?:\S+ ){{1,8}}?(?:die|perish|get (?:killed|hurt|injured|wounded"
        r"|shot))\b"
        # ("... tell me how the girl was actually killed": asked inside a sentence.)
        # (Not what another clause asks: "how the fighting went and who was killed".)
        r"|how (?:the|a|an|they|he|she) (?:(?!and |who |whether )\S+ ){{0,8}}?(?:was|were) "
        r"(?:\S+ )?(?:killed|hurt|injured|wounded|shot|treated|taken|captured|freed|released)\b"
    ),
    "amount": r"how much (?:money|cash)|how much (?:\S+ ){{1,8}}?worth|money|cash|value of",
    "names": (
        r"(?:their|his|her|whose) names"
        r"|names of (?:the )?(?:\S+ ){{0,3}}?(?:people|men|dead|killed|wounded|{people})"
        # ("the prisoners' names", its apostrophe gone)
        r"|(?:{people}|victims|dead) names"
    ),
    "strength": (
        r"how many\s+(?:of them|(?:@\S+ )?(?:{forces})|@\S+)\s+"
        r"(?:were there|took part|fought|attacked|were involved|were sent|participated|joined"
        r"|defended|stormed|raided|held|guarded|occupied|arrived|came|entered"
        # ("How many MNLA fighters were in Ber?": how many were there, not how many fell.)
        r"|(?:were|was) (?:in|at|inside|present|stationed|deployed|posted|defending|guarding"
        r"|holding|attacking)\b)"
        r"|how many (?:{forces}) did(?![\w@ -]{{0,40}}\b(?:lose|die|kill|grab"
        r"|take|took|captur|seiz|prison|detain|return|releas))"
        r"|(?:{forces}) count"
        r"|number of (?:{forces}) (?:did|were there|involved|took part)"
        r"|how (?:strong|large|big) (?:was|were) (?:the|their)"
        r"|size of the (?:force|forces|group|army)"
    ),
}
"""What a question may ask for besides who, when, where, why and how many, by the words asking
it. `{things}`, `{people}` and `{forces}` are the pack's own words for what "which ..." may ask the
kind of, for people it tells of and for forces whose size may be asked; `{population}` is the
word "population" where it asks a size (not "the civil population")."""

STRENGTH_WORDS = frozenset("there part fought involved attacked sent".split())
"""Words that, beside "many", may ask a force's size ("how many of them were there?")."""

CHAT_SPELLINGS = {
    "u": "you", "r": "are", "ur": "your", "n": "and", "w": "with", "abt": "about", "hw": "how",
    "ws": "was", "wr": "were", "wer": "were", "bc": "because", "cuz": "because", "coz": "because",
    "1st": "first", "2nd": "second", "3rd": "third", "thru": "through", "tho": "though",
    "govt": "government", "ppl": "people", "pls": "please", "plz": "please", "thx": "thanks",
    "wat": "what", "wot": "what", "wen": "when", "whn": "when", "wht": "what", "whr": "where",
    "hv": "have", "cud": "could", "shud": "should", "wud": "would", "bout": "about",
    "smth": "something", "mny": "many", "bcuz": "because", "yr": "year",
    "any1": "anyone", "some1": "someone", "sum1": "someone", "every1": "everyone",
    "2day": "today", "2moro": "tomorrow", "l8r": "later", "gr8": "great",
    "kinda": "kind of", "sorta": "sort of",
    "frm": "from", "giv": "give", "bak": "back", "nd": "and", "wid": "with", "dat": "that",
    "dey": "they", "dem": "them", "da": "the", "wuz": "was", "waz": "was",
    "iz": "is", "hav": "have", "jus": "just", "becuz": "because", "becoz": "because",
    "thnx": "thanks", "thanx": "thanks", "tht": "that", "wich": "which", "whch": "which",
    "bfr": "before", "aftr": "after", "nxt": "next", "lst": "last", "gov": "government",
    "wanna": "want to", "gonna": "going to", "dunno": "do not know", "idk": "i do not know",
    "mayb": "maybe", "sumthing": "something", "sumone": "someone", "nah": "no",
    "ther": "there", "thier": "their", "wher": "where",
}  # fmt: skip
"""How people spell in chats, to the word meant ("w/" is "w" once punctuation is gone)."""

HOMOPHONES = {
    "one": ("won",), "wear": ("where", "were"), "ware": ("where", "were"), "witch": ("which",),
    "knew": ("new",), "hole": ("whole",), "weather": ("whether",),
    "lead": ("led",), "road": ("rode",), "loose": ("lose",), "looses": ("loses",),
}  # fmt: skip
"""Words typed for another that sounds alike ("who one the battle?"): read as the other only
where the pack's questions use the other beside the same neighbours, and never the typed one."""

CONTRACTIONS = {"won't": "will not", "can't": "can not", "shan't": "shall not", "ain't": "is not"}
"""Negations whose first word is not what is left once "n't" is cut ("won't" is not "wo not")."""

SHORT_WORDS = frozenset("who what when where why how the and did was won win".split())
"""Short words a short typo is read as ("wen", "teh"): too many short words are a letter away
from another word for any other guess to be safe."""

# -- Drafting a pack from an article (`pack init`) ---------------------------------------------

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
"""Capitalised words of any text that name no one."""
NAME_CONNECTORS = frozenset("of for the de du des la le".split())
"""Small words a name may hold between its capitalised words ("Movement for the ...")."""
PLACE_LEADS = frozenset("in at on from to near across onto into".split())
"""Words before a name that make it a place ("in X", "across X")."""
PLACE_OF = frozenset("town city village region province district".split())
"""Nouns after which "of X" names a place ("the town of X")."""
ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish")
"""Endings of capitalised words that, before a noun, say where people come from ("Malian
forces"): no names of their own."""
GROUP_HEADS = frozenset(
    """
    army forces party committee union association company government police ministry movement
    front federation league organisation organization group society agency institute club
    brigade battalion regiment militia coalition alliance
    """.split()
)
"""Last words of a name that make it a group."""
PERSON_LABELS = frozenset(
    """
    founder founders director leader leaders commander commanders president chairman chair
    author creator owner head manager coach captain mayor chief editor designer architect
    """.split()
)
"""Infobox labels whose value is a person."""
IRREGULAR_PAST = frozenset(
    """
    left took won lost fought held kept led made ran went came gave sent built began broke drew
    grew fled saw told said brought caught met paid sold stood struck threw wrote chose rose fell
    hid spoke stole shot beat bought found hit put set shut spent split spread
    """.split()
)
"""Past forms of verbs that do not end in -ed, to tell a statement opening with its verb."""
IRREGULAR_PARTICIPLES = frozenset(
    """
    born borne done gone known seen taken given written chosen driven eaten fallen forgotten
    hidden ridden risen shaken spoken stolen sworn torn worn thrown grown drawn flown begun
    broken frozen woken beaten bitten got gotten lain run sung sunk swum
    """.split()
)
"""Past participles that do not end in -ed and are not past forms too ("born", "taken")."""
_PARTICIPLES = IRREGULAR_PARTICIPLES | IRREGULAR_PAST


def participle(word: str) -> bool:
    """Return whether a word may be a past participle or past form ("seized", "taken", "held").
    (English only: a French participle is not told from other words by its ending alone.)"""
    return (len(word) > 4 and word.endswith("ed")) or word in _PARTICIPLES


LEADER_ROLES = frozenset(
    """
    director directors leader leaders head chair chairman chairwoman president commander chief
    manager captain mayor governor ceo boss
    """.split()
)
"""Roles a sentence may give a person that make it answer "who leads ...?"."""
TIMES_OF_DAY = frozenset("morning afternoon evening night".split())
"""Words that, after a weekday, say when in a week something happens ("Saturday evening")."""
THING_ASKING = frozenset("what which".split())
"""Words asking for a thing by name ("which regiment ...?"): every "asked_thing" pattern opens
with one."""
PARTITIVE_NOUNS = frozenset("kind kinds sort sorts type types part parts".split())
"""Nouns asked for that ask for a kind or part of another ("what kind of vehicles", "what part
of the town"): that other is what is asked."""
DEFINITE_WORDS = (DETERMINERS - {"a", "an", "that"}) | {"whose"}
"""Words before a noun that say which one it is ("the town", "their vehicles"), where "a town",
"two vehicles" or a bare "gangs" say only that there was some ("that" is too often a
conjunction: "said that gangs ...")."""
SETTLEMENT_NOUNS = frozenset("town towns city village settlement outpost".split())
"""Nouns for a kind of place: a common word before one describes it ("the desert town"), where
a name would name it ("the Konna town")."""
TIME_QUALIFIERS = frozenset("early late mid middle end beginning start".split())
"""Words that say which part of a month or year ("in early May", "in late 2012"): after "in",
a time, not a place's name."""
PLACE_LABELS = frozenset(
    "place location venue country city town site region headquarters address area".split()
)
"""Infobox labels whose value is a place."""
NOT_KNOWN = frozenset("unknown undisclosed unrecorded unreported unspecified none".split())
"""Values saying that something is not known."""
COUNT_QUALIFIERS = frozenset(
    "about around some nearly almost over approximately roughly least more than several".split()
)
"""Words before a number that qualify it ("about 600", "at least two")."""
DURATION_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "evening evenings night nights".split()
)
"""Units after a number that make it a length of time ("three days", "one-evening")."""
REASON_MARKERS = (
    r"\bbecause\b|\bdue to\b|\bin order to\b|\bso that\b|\bas a result\b|\btherefore\b"
    r"|\bthus\b|\bin search of\b|\bin response to\b|\bafter (?=[a-z]+ (?:from|of)\b)"
    r"|\bto (?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|be\b)[a-z]+\b|\bfor [a-z]+ing\b"
)
"""Words that give a reason, so a sentence holding one answers "why?"."""
AUXILIARY_VERBS = frozenset("is are was were has have had will can could".split())
"""Verbs a statement's subject is followed by that a question puts first ("was X founded")."""
CLAUSE_BREAKS = (
    r"[;,:]\s+|\s+(?=(?:but|while|which|whose|when|because|although|instead|so|after)\s)"
)
"""Where a sentence breaks into the parts a question asks about one at a time."""

LIGHT_WORDS = frozenset(
    """
    go goes going went gone come comes coming came make makes making made get gets getting got
    gotten take takes taking took taken have having become becomes becoming became play plays
    playing played put puts putting help helps helping helped use uses using used behind
    nowadays today currently now anyway stuff whole bet even one ones show shows showed showing
    """.split()
)
"""Words a question may ask with that say nothing of what it asks ("how many came?", "what do
they play?"): a drafted pack lists those its article does not use as its own stop words."""

DRAFT_QUESTIONS = {
    "acronym": (
        "What does {acronym} stand for?",
        "what is {acronym}",
        "{acronym}?",
        "what is the full name of {acronym}",
        "what does {acronym} mean",
    ),
    "person": ("Who is {name}?", "who was {name}", "{name}?", "what did {name} do"),
    "definition": (
        "What is {subject}?",
        "tell me about {subject}",
        "what kind of thing is {subject}",
    ),
    "date": ("What happened {date}?", "what happened in {year}", "what happens {date}"),
    "when": (
        "When {clause}?",
        "when {short}",
        "what year {clause}",
        "since when {short}",
        "when did {short} start",
    ),
    "count": (
        "How many {noun} {clause}?",
        "how many {noun}",
        "number of {noun}",
        "how many {noun} are there",
        "how many {noun} were there",
        "how many {noun} came",
        "how many {noun} took part",
        "how many {noun} {short}",
    ),
    "people": ("How many people {clause}?", "how many people {short}", "how many came {short}"),
    "leader": (
        "Who is the {role}?",
        "who was the {role}",
        "who leads {short}",
        "who is the leader {short}",
        "who runs {short}",
        "who is in charge {short}",
        "who heads {short}",
    ),
    "duration": ("How long {clause}?", "how long {short}"),
    "age": ("How old {clause}?", "how old {short}"),
    "where": ("Where {clause}?", "where {short}"),
    "who": ("Who {clause}?", "who {short}"),
    "why": ("Why {clause}?", "why {short}", "what was the reason {short}"),
    "claim": ("Is it true that {clause}?", "{short}?"),
    "name": ("What was the name of {short}?", "what was {short} called"),
    "label": ("What is the {label}?", "{label}?", "what was the {label}", "{label} of {title}"),
    "label_date": ("When was {title} {label}?", "when was it {label}", "what year was it {label}"),
    "label_person": ("Who is the {label}?", "who was the {label} of {title}"),
    "label_place": ("Where is {title}?", "where is it", "where was it"),
    "label_count": ("How many {label}?", "how big is the {label}", "how many people {label}"),
    "label_kind": ("What kind of {label}?", "which {label}", "what type of {label}"),
    "label_side": (
        "What were {side}'s {label}?",
        "how many {label} did {side} have",
        "{label} of {side}",
        "how many of {side} {label}",
    ),
    "unknown": (
        "Is the {label} known?",
        "how many {label}",
        "how many {label} were there",
        "how much {label}",
    ),
    "kind": ("What kind of {noun}?", "what type of {noun}", "which {noun}"),
    "about": ("What does the article say about {short}?", "tell me about {short}"),
}
"""Questions drafted from a statement, by what it holds: `{clause}` is the statement's part with
the answer taken out, `{short}` its few telling words; the first of a kind is the one offered to
readers."""

JOINING_WORDS = frozenset("the of in on at to by and or from with for".split())
"""Short words often typed into the next one ("thetown", "killedin")."""
