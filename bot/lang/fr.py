"""French: the words that steer how a question is read, whatever the article.

The matcher reads French by folding it onto English: each word here maps to the English word
it is matched as, so phrasings need not be written twice.
"""

from __future__ import annotations

from bot.lang.apart import AFTER, BEFORE

STOP_WORDS = frozenset(
    """
    le la les un une des du de au aux en et ou est sont etait etaient ete a dans sur par pour
    avec ce cet cette ces se sa son ses leur leurs y il elle lui on nous vous je tu me te moi
    toi ne pas que qui-est est-ce ca cela ceci sont-ils ils elles eux t salut bonjour svp stp
    merci alors donc exactement precisement ont eu aujourd hui actuellement parmi
    fait faits faire font faisait faisaient fais
    mais suis es sommes etes autre autres quelque chose quelqu
    fut furent fus eut eurent avait avaient avais sera seront serait seraient aura auront aurait
    auraient
    """.split()
)
"""Words that carry no meaning for matching. Question words (qui, quand) are kept."""

QUESTION_WORDS = frozenset(
    "qui quoi quand ou pourquoi comment quel quelle quels quelles combien".split()
)
GREETINGS = frozenset("bonjour salut bonsoir coucou allo slt bjr bsr cc".split())
"""Words that greet (accents folded)."""
THANKS = frozenset("merci remercie".split())
"""Words that thank (accents folded)."""
FAREWELLS = frozenset("revoir adieu bonne bientot".split())
"""Words that take leave (accents folded): "au revoir", "bonne journee" (a bare "nuit ?" asks
something)."""
COURTESY_PHRASES = {
    "a plus": "bye", "a bientot": "bye", "a tout a l heure": "bye", "ca va": "salut",
    "comment ca va": "salut", "comment allez vous": "salut", "d accord": "ok", "je vois": "ok",
    "pas de probleme": "ok", "pas de souci": "ok", "pas de soucis": "ok",
}  # fmt: skip
"""Phrases of courtesy (accents folded), each to a word that says it (see `en.COURTESY_PHRASES`)."""
ACKNOWLEDGEMENTS = frozenset("daccord entendu compris parfait genial".split())
"""Words that take an answer in (accents folded)."""
GREETING_ADDRESS = frozenset("tous tout le monde bot".split())
"""Words that follow a greeting to say whom it greets ("bonjour à tous, ...", "salut le bot")."""
GREETING_FILLER = frozenset(
    "a au tous tout le monde beaucoup bien bot vous toi ca va comment journee soiree nuit pour"
    " l aide ah oh c etait est tres vraiment utile super sympa".split()
)
"""Words a greeting or thanks may hold besides its own ("merci beaucoup", "salut, ca va ?")."""
FOLLOW_UP_WORDS = frozenset("ensuite puis apres avant suite passe autre plus".split())
"""Words by which a question leans on the one before ("et après ?")."""
INVERSION = ("-t-", "-il", "-elle", "-ils", "-elles", "-on", "-ce", "-vous", "-je", "-tu")
"""Endings of a verb put before its subject ("a-t-il", "est-ce"): such a question is not echoed
as indirect speech, which would need the words put back in order."""

GROUP_PRONOUNS = frozenset("ils elles eux leur leurs".split())
PERSON_PRONOUNS = frozenset("il lui elle".split())
SUBJECT_PRONOUNS = frozenset("ils elles il elle".split())
PERSON_NOUNS = frozenset(
    """
    homme hommes femme femmes fille filles fillette garcon garcons enfant enfants fils pere mere
    epouse mari frere soeur monsieur dame adolescent adolescente adolescents bebe
    """.split()
)
"""Nouns for one kind of person (see `en.PERSON_NOUNS`)."""
THING_ASKING = frozenset("quel quelle quels quelles".split())
PARTITIVE_NOUNS = frozenset("genre genres sorte sortes type types partie parties".split())
COPULAS = frozenset("est sont etait etaient fut furent".split())
ACCENTED = {"etait": "était", "etaient": "étaient"}
"""Copulas as written, for those read without their accents: said back in a reply."""
DEFINING = frozenset("signifie signifient designe veut".split())
"""See `en.DEFINING`."""
EXISTENTIAL_WORDS = frozenset("y il".split())
"""Words of the phrases saying that something is ("il y a") or happened ("s'est-il passé")."""
FOLLOW_UP_OPENERS = frozenset("et puis aussi".split())
OPENERS = frozenset("alors donc mais".split())
SHARPENING_WORDS = frozenset(
    "exactement precisement particulierement surtout notamment depuis".split()
)
"""Words that sharpen a bare question word ("où exactement ?", "depuis quand ?")."""
BETWEEN_WORDS = frozenset("entre".split())
AND_WORDS = frozenset("et".split())
THING_POSSESSIVES = frozenset("sa ses".split())
"""Possessives for a group's or a place's own ("ses membres"), as "its" is. ("Son" is
left out: it is an English word too.)"""
OR_WORDS = frozenset("ou".split())
"""("Ou" is "où" too, once accents go: read as "or" only in a yes/no question.)"""
OTHER_WORDS = frozenset("autre autres encore".split())
PLACING_WORDS = frozenset("en dans pres situe situee nord sud est ouest".split())
"""Words that say where a place named before them is ("Ber, dans le nord du Mali")."""
PREPOSITIONS = frozenset(
    "de du des d a au aux en dans pres vers avec contre entre pour par sur apres avant pendant"
    .split()
)  # fmt: skip
"""Words that lead a name that is no doer ("des déserteurs de l'armée malienne")."""
AFTER_WORDS = frozenset("apres".split())
AFTER_DAY_WORDS = AFTER_WORDS
BEFORE_WORDS = frozenset("avant auparavant abord debut initialement".split())
SPAN_WORDS = frozenset("depuis jusqu jusque".split())
SOMEONE_WORDS = frozenset(["quelqu"])  # ("quelqu'un")
ANY_WORDS = frozenset("aucun aucune".split())
RELATIVE_PRONOUNS = frozenset("que qu qui dont".split())
DETERMINERS = frozenset("le la les l un une des son sa ses leur leurs ce cet cette ces".split())
OWNER_WORDS = frozenset("de du des d".split())
REPORTING = ("selon", "d'apres")
"""Phrases by which an answer says whose report it is (accents folded)."""
REPORTED_MARKS = frozenset(("selon",))
"""See `en.REPORTED_MARKS`."""
INFLECTIONS = ("aient", "erent", "ait", "ent", "ees", "ee", "ez")
"""Endings of French verbs and participles (accents folded), longest first: "attaquée",
"attaquaient" and "attaquent" are forms of the "attaquer" or "attaque" a table may list. (A
bare "e" or "s" ends too many other words: "livres" is no form of "livrer".)"""
BASE_ENDINGS = ("e", "er")
"""What a word stripped of its ending may be listed as ("attaqu" -> "attaque", "attaquer")."""
BASE_LETTERS = 4
"""Letters a word keeps, at least, once its ending is taken off."""
LATER_WORDS = frozenset("ensuite finalement tard".split())
COUNTING_WORDS = frozenset("combien".split())
SECTION_REQUEST_WORDS = frozenset(
    "raconte racontez parle parlez dis dites explique expliquez resume resumez section partie"
    " chapitre tout".split()
)
"""(See the English ones.)"""
NAME_DESCRIPTORS = frozenset("arme armes armee armees".split())
"""(Accents folded: "groupe armé arabe".)"""
AGENT_WORDS = frozenset(["par"])
"""(See the English ones.)"""
RECIPIENT_LEADS = frozenset("au aux vers".split())
"""("remis aux Mauritaniens"; not "à", which folds to the English article "a".)"""
SOURCE_LEADS: frozenset[str] = frozenset()
"""(None: "du", "des" say "of" as often as "from": "les combattants du MAA".)"""
TAKING_WORDS = frozenset("pris repris saisi saisie saisis arrache arrachee enleve enlevee".split())
"""(Accents folded; read with a source word, of which French has none.)"""
UNDERGOING_WORDS = frozenset(
    "perdu perdus perdre perd perdent perdit subi subis subir subit recu recus recevoir"
    " eu eus".split()
)
"""(Accents folded: "qu'a perdu le MNLA ?", "a-t-il subi".)"""
NOT_RECIPIENT = frozenset("grace quant".split())
"""("grâce à", "quant à")"""
PRESENT_WORDS = frozenset("aujourd actuellement".split())
"""(Accents folded; "aujourd'hui" reads as "aujourd hui".)"""
WHILE_WORDS = frozenset("pendant lorsque".split())
OF_WORDS = frozenset("de du d".split())
OUTCOME_MARKS = frozenset("vainqueurs gagnants perdants vaincus camp".split())
"""Words every "winners" and "losers" pattern holds one of."""
PLACE_LEADS = frozenset("a au aux en dans pres vers depuis".split())
"""Words before a name that make it a place ("a Ber", "pres de Gao")."""
ARTICLES = frozenset("le la les l un une des".split())
SIDE_WORDS = frozenset("camp cote groupe faction".split())
GROUP_NOUNS = (
    ("groupe", "mouvement", "organisation", "faction", "milice"),
    ("groupes", "mouvements", "organisations", "factions", "milices"),
)
"""Nouns any of which a group's name may open with for another ("groupe touareg", "mouvement
touareg"): one tuple of each number."""
BODY_NOUNS = frozenset(
    "mission puissance coalition alliance contingent front union force forces troupes armee"
    " mouvement groupe organisation milice gouvernement".split()
)
"""Nouns a body's long name is built on (see `en.BODY_NOUNS`)."""
JOINING_QUESTION_WORDS = frozenset(("quand",))
EDGE_WHERE_WORDS = frozenset(("ou",))
""""Où" with its accent folded away, which is "ou" (or): opening or ending a question ("où se
trouve Ber ?", "et où ?", "ils sont allés où ?"), it asks where."""
EDGE_WHERE_TAILS = frozenset(("ca", "cela"))
"""Words that may follow it at the end: "où ça ?"."""
OR_FOLLOWERS = frozenset(
    """
    alors sinon plutot bien pas non encore quoi meme peut
    le la les un une des du de au aux
    """.split()
)
"""Words after an opening "ou" that make it "or" ("ou alors ...", "ou le MNLA ?"), not "où"."""
FORCE_WORDS = frozenset("armee armees forces troupes militaires gouvernement".split())
OPPOSITES = (
    ("arriver arrive arrives arrivee arrivees entrer venir venu venus", "partir"),
    ("gagner gagne", "perdre perdu"),
    ("attaquer attaque", "defendre defendu"),
    ("commencer commence debuter debute", "finir fini terminer termine"),
    ("capturer capture arreter arrete detenir detenu", "liberer libere relacher relache"),
)
"""See `en.OPPOSITES`."""
CLAIM_ASKS = frozenset("pourquoi vrai non crois pense".split())
CLAIM_QUALIFIERS = (
    "un une aussi majoritairement principalement surtout compose composes composee de d lui "
    "elle eux meme memes vraiment"
).split()

NUMBER_UNITS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "huit": 8, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
}  # fmt: skip
"""Number words, less those that are also other words ("un", "sept", "neuf", "seize")."""
NUMBER_TENS = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
NUMBER_SCALES = {"cent": 100, "mille": 1000, "million": 1_000_000, "milliard": 1_000_000_000}

ORDINALS = {"premier": 1, "premiere": 1}
"""Ordinal words, read as a day beside a month's name ("le premier mai")."""
ORDINAL_ENDINGS = ("er", "re", "e", "eme", "ieme")
"""How a day written in digits may end ("le 1er mai")."""

MONTHS = (
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"
).split()

CHAT_SPELLINGS = {
    "kel": "quel", "kelle": "quelle", "kels": "quels", "kelles": "quelles", "ke": "que",
    "keske": "qu est ce que", "kesk": "qu est ce que", "kombien": "combien",
    "konbien": "combien", "komben": "combien", "kom": "comme", "koman": "comment",
    "komant": "comment", "cmt": "comment", "cmnt": "comment", "pandan": "pendant",
    "pendan": "pendant", "apre": "apres", "avan": "avant", "fe": "fait",
    "mor": "morts", "mors": "morts", "bcp": "beaucoup", "tjr": "toujours", "tjrs": "toujours",
    "pcq": "parce que", "pck": "parce que", "psk": "parce que", "vrmt": "vraiment",
    "kitte": "quitte", "kitter": "quitter", "kiter": "quitter", "kittent": "quittent",
}  # fmt: skip
"""How people spell French in chats and by sound, to the word meant (folded)."""

ELIDED = ("qu", "l", "d", "c", "j", "s", "n", "m", "t")
"""Letters elided before a vowel ("l'armée", "qu'a"): typed without the apostrophe, "larmee"
is "armee" as "l'armée" is once normalised."""

CHAT_WORDS = frozenset([*CHAT_SPELLINGS, *"ki koi kan qd pk pq pkoi cmb cbn jsp dsl".split()])
"""Words only French chat spells so ("ki a gagné ?", "kel groupe"): they tell a message is
French as its stop words do."""

CHAT_SPELLINGS_IN_FRENCH = {"kite": "quitte", "kites": "quittes", "quest": "est"}
"""... and those that, folded, are also English words ("kité" and "kite", "qu'est" typed
"quest"): read so only in a message that reads as French."""

SYNONYMS: dict[str, list[str]] = {
    "when": ["quand", "jour", "lorsque", "kan", "qd"],
    "who": ["qui", "ki"],
    "where": ["situe", "situee", "lieu", "endroit"],
    "why": ["pourquoi", "raison", "raisons", "motif", "pk", "pq", "pkoi", "pretexte"],
    "many": ["combien", "nombre", "cb", "cmb", "cbn"],
    "how": ["comment"],
    "which": ["quel", "quelle", "quels", "quelles", "lequel", "laquelle"],
    "what": ["quoi", "koi"],
    "group": ["groupe", "groupes", "mouvement", "communaute", "communautes"],
    "win": ["gagne", "gagner", "gagnant", "gagnants", "vainqueur", "vainqueurs", "victoire",
            "remporte", "remporter"],
    "lose": ["perdu", "perdre", "perdant", "perdants", "defaite", "vaincu", "vaincus"],
    "result": ["resultat", "resultats"],
    "start": ["debut", "debute", "debuter", "lance", "lancer", "eclate", "eclater", "commencer"],
    "cause": ["provoque", "declenche", "declencher"],
    "happen": ["passe", "deroule", "derouler", "deroules", "survenu", "survenus"],
    "town": ["ville", "villes", "localite", "bourg", "bourgade"],
    "country": ["pays"],
    "control": ["controle", "controlee", "controlait", "controlaient", "controler", "tenait",
                "tenaient", "tenir", "occuper", "occupe"],
    "capture": ["capturer", "capturee", "capturees", "prise", "pris", "prendre", "emporte",
                "emporter", "emportent", "empare",
                "emparer", "saisi", "saisis", "saisie", "saisies", "confisque", "reprendre",
                "repris", "reprise", "conquis", "conquerir", "prit", "prirent", "emparent",
                "emparee", "empares"],
    "leave": ["quitter", "quitte", "quittent", "partir", "parti", "partis", "retire", "retires",
              "retirer", "retrait", "abandonne", "abandonner", "partirent", "quitterent"],
    "flee": ["fuir", "fui", "fuite", "enfui", "enfuis"],
    "chase": ["chasse", "chasser", "chasses", "expulse", "expulser"],
    "stay": ["rester", "reste", "restes", "restee", "resterent", "demeurer", "demeure", "demeures",
             "restait", "restaient"],
    "keep": ["garde", "garder", "gardes", "conserve", "conserver"],
    "return": ["remis", "remettre", "rendu", "rendus", "rendre", "restitue", "restitues",
               "renvoye", "renvoyes", "livrer", "remet", "remettent", "remirent", "rendit",
               "rendirent", "restituer", "transferer"],
    "people": ["personnes", "gens"],
    "girl": ["fille", "filles", "adolescente", "enfant", "enfants"],
    "old": ["vieux", "vieil", "vieille", "vieillard", "agee"],
    "man": ["homme", "hommes"],
    "say": ["dit", "dire", "affirme", "affirmer", "rapporte", "rapportait", "revendique",
            "revendiquer", "annonce", "annoncer", "indique", "indiquer", "pretendait", "reaffirme",
            "reaffirmer", "reitere", "reiterer", "declare", "declarer", "signale", "signaler",
            "signalait"],
    "detail": ["precision", "precisions", "detaille", "detaillee"],
    "unknown": ["inconnu", "inconnue", "inconnus", "inconnues"],
    "work": ["collaborer", "cooperer", "travailler"],
    "willing": ["pret", "prete", "prets", "volonte"],
    "help": ["aider", "aide", "soutien", "soutenir"],
    "present": ["presente", "presentes"],
    "search": ["chercher", "cherche", "cherchait", "recherche", "rechercher", "cherchaient"],
    "leader": ["chef", "chefs", "dirigeant", "dirigeants", "dirige", "diriger", "dirigent",
               "dirigeait", "dirigea"],
    "mayor": ["maire"],
    "size": ["taille", "effectif", "effectifs"],
    "found": ["fonde", "fondation"],
    "increase": ["augmente", "augmenter", "augmentation", "augmentent", "hausse"],
    "compose": ["constitue", "issu", "issus"],
    "major": ["majeur", "majeure"],
    "mostly": ["majoritairement", "principalement", "essentiellement", "plupart"],
    "full": ["entier", "complet"],
    "acronym": ["acronyme", "sigle", "signifie", "signification"],
    "name": ["nom", "noms", "appelle", "appelee"],
    "part": ["partie"],
    "before": ["avant"],
    "after": ["apres", "ensuite", "puis"],
    "during": ["pendant", "durant", "lors"],
    "come": ["venait", "vient", "viennent", "venaient", "venu", "venue", "venus", "venir"],
    "again": ["encore", "nouveau"],
    "second": ["deuxieme", "2e", "2eme", "seconde"],
    "time": ["fois"],
    "soon": ["rapidement"],
    "end": ["fin", "termine", "terminee"],
    "year": ["annee", "annees"],
    "month": ["mois"],
    "particularly": ["surtout", "particulierement", "notamment"],
    "summary": ["resume", "resumer", "resumez", "synthese"],
    "between": ["entre"],
}  # fmt: skip
"""French words, by the English word they are matched as."""

IDIOMS = (
    # "Prendre d'assaut" is attacking, not taking anything.
    (
        r"\b(?:pris|prise|prises|prendre|prend|prennent|prenait|prenaient) d'assaut\b",
        "attaque",
        ("assaut",),
    ),
    # "D'où venait-il ?": where from; "où" after "d'" is never "ou" (or).
    (r"\bd'ou\b", "endroit", ("ou",)),
    # "Quel est le nom de la ville ...?" asks which town, not anyone's name.
    (
        r"\bquel (?:est|etait|était) le nom (?:de la |du |de l'|de |d')"
        r"(ville|village|localite|localité|lieu|region|région|pays)\b",
        r"quelle \1",
        ("nom",),
    ),
    # "Là-bas" is "there": the place last discussed (not "la", "bas").
    (r"\bl[aà][- ]bas\b", "there", ("bas",)),
    # "Qu'est-ce qui s'est passé": what, not who.
    (r"\bqu'est[- ]ce qu(?:i\b|e\b|')", "quoi ", ("est",)),
    # "Qui l'a emporté ?" is who won; "qu'ont-ils emporté ?" what they carried off.
    (
        r"\bl'(?:(?:a|ont|avait|avaient|aurait)(?:-t)?(?:-(?:il|elle|ils|elles))? )?"
        r"emport(?:e|es|er|ent|erent|ait|aient)\b",
        "remporte",
        ("emporte", "emporter", "emportent", "emporterent", "emportait", "emportaient"),
    ),
    # "D'après qui ?" asks who said it ("après qui ?" asks who came after).
    (r"\bd'apres qui\b", "selon qui", ("apres",)),
    # "Qu'ont-ils pris ?", "Qu'a-t-il dit ?": "qu'" before a verb and its pronoun asks what.
    (
        r"(^|[.!?;:] )((?:et|mais|alors|donc|puis),? )?qu'(?=(?:a|ont|avait|avaient)[- ](?:t-)?"
        r"(?:il|ils|elle|elles|on)\b)",
        r"\1\2quoi ",
        ("qu",),
    ),
    # "Je voudrais savoir ...", "pouvez-vous me dire ...", "tu sais ...": a request that a
    # question follow, no words of its own to match.
    (
        r"\b(?:(?:je (?:voudrais|voudrai|veux|souhaite|souhaiterais)|j'aimerais|j'aimerai"
        r"|on (?:voudrait|veut)|nous (?:voudrions|voulons)) (?:bien |juste )?"
        r"(?:savoir|connaitre|comprendre)"
        r"|(?:pouvez|pourriez|peux|pourrais|pourrait|peut)[- ](?:vous|tu|on)[- ](?:me |m'|nous )?"
        r"(?:dire|expliquer|indiquer|preciser)"
        r"|(?:dites|dis)[- ](?:moi|nous)"
        r"|(?:est[- ]ce que )?(?:vous savez|tu sais)|(?:savez|sais)[- ](?:vous|tu))\b",
        "",
        (
            "savoir",
            "connaitre",
            "comprendre",
            "dire",
            "indiquer",
            "expliquer",
            "preciser",
            "sais",
            "savez",
            "dis",
            "dites",
        ),
    ),
    # Chatter around a question asks nothing: "au fait", "en fait", "du coup", "d'ailleurs",
    # "quelqu'un sait", "j'ai une question", "par curiosite", "selon l'article" ("fait" is "did",
    # "article" a word of the text's). Each phrase is an idiom of its own (see `en.IDIOMS`).
    (
        rf"\b(?:(?:au|en) fait|d'ailleurs){AFTER}|{BEFORE}(?:au|en) fait\b"
        r"|\bdu coup\b(?! d'| de\b)",
        "",
        ("fait", "coup", "ailleurs"),
    ),
    (
        r"\b(?:est[- ]ce que )?(?:quelqu'un|qqn|quelqu un)(?: ici)? (?:sait|saurait|connait)\b",
        "",
        ("quelqu", "qqn"),
    ),
    (
        r"\b(?:(?:j'ai )?une (?:petite |autre |derniere )?question|(?:petite|derniere) question)\b",
        "",
        ("question",),
    ),
    (r"\b(?:juste )?par (?:pure )?curiosite\b", "", ("curiosite",)),
    (
        r"\b(?:selon|d'apres|dans) (?:l'article|le texte|la page|wikipedia)\b"
        r"(?!\s*(?:de\b|d'|du\b|des\b))",
        "",
        ("article", "texte", "page", "wikipedia"),
    ),
    # Doubt, and wishes about the answer's form: "t'es sur ?", "serieusement", "franchement",
    # "en bref", "en un mot", "sans blabla", "cite l'article".
    (
        rf"\b(?:t'es|tu es|vous etes|t es) (?:sur|sure|certain|certaine)s?{AFTER}",
        "",
        ("es", "etes"),
    ),
    (
        rf"{BEFORE}(?:mais )?(?:serieusement|franchement|honnetement)\b"
        rf"|\b(?:serieusement|franchement|honnetement){AFTER}|\bsans (?:blabla|detour|baratin)\b",
        "",
        ("serieusement", "franchement", "honnetement", "blabla", "detour", "baratin"),
    ),
    (
        r"\ben (?:bref|resume|un mot|deux mots|une phrase)\b",
        "",
        ("bref", "resume", "mot", "mots", "phrase"),
    ),
    (r"\b(?:cite|citez) (?:l'article|tes sources|vos sources|la source)\b", "", ("cite", "citez")),
    # Thanks given in advance are thanks.
    (r"\bmerci d'avance\b", "merci", ("avance",)),
)
"""Phrases whose words mislead one by one: (regex, what they mean, marks: words, one of which
the text must hold as a whole word for the regex to run). They run on folded text, before
apostrophes are dropped."""

_HELD_INSTEAD = (
    r"(?:c'etait|c etait|il y en avait|il y avait|ils etaient|elles etaient) (?:\S+ ){0,3}\S+"
)
"""The last answer contradicted: "c'était en mai", "il y en avait 10" (see `en._HELD_INSTEAD`)."""
_HEARD = (
    r"(?:j'ai lu|j ai lu|j'ai entendu dire|j ai entendu dire|j'ai entendu|j ai entendu"
    r"|je croyais|je pensais|on m'a dit|on m a dit)(?: que | qu'| qu | )"
)
"""What a reader says they had from elsewhere: "j'ai lu que c'était dix" (see `en._HEARD`)."""
_FIGURE_INSTEAD = (
    r"(?:c'etait|c etait|il y en avait|il y avait) (?:en |le |seulement |environ )?"
    r"(?:\d\S*|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|trente"
    rf"|quarante|cinquante|cent|{'|'.join(MONTHS)})\b)(?: \S+){{0,2}}"
)
"""... a figure in place of the last answer's (see `en._FIGURE_INSTEAD`; not "un", "une",
articles as often as numbers)."""

_PLACE_KINDS = r"(?:region|pays|zone|province|district|partie du pays)"
"""What a place may be asked to be in ("dans quelle région se trouve X ?")."""

PATTERNS = {
    # "Écris-moi un poème", "peux-tu me raconter une blague ?": faire, non répondre.
    "creative": (
        r"(?:^|[.!?:;,] )(?:(?:peux|pourrais|pouvez|pourriez)[- ](?:tu|vous) (?:m'|me |nous )?)?"
        r"(?:ecris|ecrivez|ecrire|compose|composez|composer|invente|inventez|inventer|raconte"
        r"|racontez|raconter|chante|chantez|chanter)(?:[- ](?:moi|nous))? (?:un|une|des|quelques"
        r"|encore une|encore un) (?:(?:petit|petite|court|courte|drole|jolie|joli) )*"
        r"(?:poeme|poemes|chanson|chansons|blague|blagues|haiku|conte|dissertation"
        r"|histoire drole)\b"
    ),
    "and_asking": (
        r"(?:\s*,?\s*\bet\s+|\s*[,;]\s*)(?=(?:qui|quoi|quand|ou|où|pourquoi|comment|combien|quel"
        r"|quelle|quels"
        r"|quelles|est-ce)\b|qu['’](?:a|ont|est|en)\b)"
    ),
    # "Qu'a dit la France ?", "Est-ce que ... ?": a question its first word does not tell.
    "question_opening": r"qu['’](?:a|ont|est|en|avait|avaient)\b|est-ce\b",
    "more": (
        r"(?:(?:dis|dites|raconte|racontez) (?:en |moi |nous )?plus|en savoir plus"
        r"|plus de (?:details|infos?|informations)|autre chose|quoi autre|encore|continue"
        r"|continuez)(?: stp| svp)?"
    ),
    "next": r"apres|ensuite|apres ca|apres cela|puis",
    "next_openers": r"et ",
    "next_lead": r"que s est il ",
    "next_verb": r"passe ",
    "correction": r"(?:(?:non|pardon)\s+)?je\s+(?:voulais dire|veux dire)\b",
    "that_event": r"\b(?:ce|cet|cette) (?:{events}|evenement|incident|fois)\b",
    "then": r"\b(?:alors|ensuite)\b",
    "back_then": r"\b(?:a l epoque|a ce moment la)\b",
    "that_day": r"\b(?:ce jour[- ]?l[aà]|ce m[eê]me jour|le m[eê]me jour)(?!\w)",
    "who_is_pronoun": (
        r"(?:(?:et|mais) )?(?:qui (?:est|etait|sont|etaient) (il|elle|ils|elles)"
        r"|(?:c est|c etait) qui (lui|elle|eux)|(il|elle|ils|elles) (?:est|etait|sont) qui)"
    ),
    # "Est-elle dans la région de Gao ?": whether the place last discussed is in another.
    "is_it_in": (
        r"(?:(?:et|mais|donc) )?(?:est (?:elle|il|ce)|est ce que (?:c est|elle est|il est)"
        r"|est ce que est|c est|est|elle est|il est|elle se trouve|il se trouve"
        r"|se trouve t (?:elle|il))"
        r"(?: bien| vraiment)? (?:dans|en) (?:la |le |l )?(.+)"
    ),
    # "Où est-elle ?", "c'est où ?", "dans quelle région est-elle ?" (group 1: "quel"; 2: the
    # kind of place).
    "where_is_it": (
        r"(?:(?:et|mais|donc) )?(?:ou (?:est|se trouve|se situe) (?:t )?(?:elle|il)"
        r"|(?:c est|est|elle est|il est|elle se trouve|il se trouve|ca se trouve) ou"
        rf"|(?:dans|en) (quel|quelle) ({_PLACE_KINDS[3:-1]}) (?:est|se trouve|se situe) "
        r"(?:t )?(?:elle|il))"
    ),
    # "Qu'ont-ils fait ?", "ils ont fait quoi ?", "qu'a-t-il fait ?" (normalised, whole).
    "what_did_pronoun": (
        r"(?:(?:et|mais|alors) )?(?:(?:que |quoi )?(?:ont|a) t? ?(ils|elles|il|elle) fait"
        r"|(?:quoi )?(ils|elles|il|elle) (?:ont|a) fait(?: quoi)?"
        r"|que faisai(?:en)?t (ils|elles|il|elle))"
        r"(?: alors| a ce moment la)?"
    ),
    "that_town": r"\bcette (?:ville)\b",
    # "il y a eu combien de blessés ?": that something is, with no one for "il" to stand for.
    "existential": (
        r"\bil y (?:a|avait|aura|eut|ait)\b|\by (?:a|avait|aura|eut) t il\b"
        r"|\best il (?=passe|produit|deroule)"
    ),
    "the_town": r"\bla (?:ville)\b",
    "other_side": r"\bautre (?:side|camp|groupe|bord)s?\b",
    "embedded_question": (
        r"\b(?:savoir|dites moi|dis moi)\b[^.!?]{0,60}?"
        r"\b(?:qui|quand|ou|pourquoi|comment|combien)\b"
    ),
    # "selon des sources locales" (not "d'après": its "d'" gone, it reads as "après", after).
    "reported_by": (
        r"\bselon (?:des |les |certaines |plusieurs |de |certains )?(?:sources?"
        r"|temoins|habitants|rapports?|medias|informations?)(?: locales?| locaux| sur place)?\b"
    ),
    "disputed": r"\b(?:vrai|vraiment|reel|reelle)\s+(?:nombre|chiffre|bilan|date|total)s?\b",
    # ("Qui l'a dit ?": the elided "l'" is gone once normalised.)
    # "qui a donné ces informations ?", "qui a rapporté ça ?"
    "who_said": (
        r"qui a dit(?: ca| cela)?|qui le dit|selon qui"
        r"|qui a (?:donne|fourni|rapporte|annonce|affirme)"
        r" (?:ca|cela|(?:(?:ces|cette|ce|les|le|la) )?(?:informations?|chiffres?|bilan|nouvelles?))"
        # "d'où vient ce chiffre ?" (the elided "d'" gone)
        r"|ou (?:vient|viennent) (?:ca|cela|(?:ces|cette|ce) (?:informations?|chiffres?|bilan))"
        r"|ou (?:ca|cela) vient"
        # "qui dit ça ?", "quelle source ?" ("d'après qui ?" is read "selon qui")
        r"|qui (?:dit|affirme|rapporte)(?: ca| cela)?"
        r"|(?:quelle|quelles) (?:est |sont )?(?:la |les |sa |ses |leur |leurs )?sources?"
    ),
    "who_said_openers": r"et |mais ",
    "who_said_closers": r" exactement",
    "of_the_bot": (
        r"\b(?:tu|vous) (?:fais|faites|vas|allez|es|etes)\b|\b(?:fais|faites)[- ](?:tu|vous)\b"
    ),
    "language_request": (
        r"(?:(?:repond|reponds|repondez|parle|parlez|dis le|redis le|stp|svp) )?"
        r"en (francais|anglais)(?: stp| svp| s il te plait| s il vous plait)?"
    ),
    "about_the_bot": (
        r"(?:tu es|t es|vous etes|es tu|etes vous) (?:un |une )?(?:bot|robot|humain|humaine|ia)"
        r"|(?:que|qu) (?:sais|peux|savez|pouvez)[- ](?:tu|vous)(?: faire)?"
        r"|qui (?:t a|vous a) (?:cree|creee|fait|programme)"
        r"|qui es tu|qui etes vous|tu es qui|vous etes qui|t es ki|t ki|tu es ki|ki es tu"
        r"|aide(?: moi)?(?: stp| svp)?|comment (?:ca|tu) (?:marche|marches)"
        r"|comment (?:ca|vous) (?:fonctionne|fonctionnez)"
        r"|(?:tu parles|parles tu|vous parlez|parlez vous) (?:anglais|francais)"
        r"|qu est ce que (?:tu|vous) (?:sais|peux|savez|pouvez) faire"
        r"|(?:quelle|quelles) (?:langue|langues)"
        r" (?:parles tu|tu parles|parlez vous|vous parlez)"
        r"|(?:(?:repond|reponds|repondez|reponse|parle|parlez|dis le|redis le) )?"
        r"en (?:francais|anglais)"
        r"(?: stp| svp| s il te plait| s il vous plait)?"
        r"|comment (?:tu (?:t )?appelles|(?:t )?appelles tu|vous (?:vous )?appelez"
        r"|(?:vous )?appelez vous)"
        r"|(?:c est )?(?:quoi|quel est) ton nom|(?:tu es|t es|vous etes) (?:la|encore la)"
        r"|quel age (?:as tu|avez vous)|(?:tu as|vous avez) quel age"
    ),
    "winners": r"\b(?:les )?(?:vainqueurs|gagnants|camp (?:vainqueur|gagnant))\b",
    "losers": r"\b(?:les )?(?:perdants|vaincus|camp (?:perdant|vaincu))\b",
    "both_sides": (
        r"\b(?:les deux|des deux|chaque|chacun des deux) (?:camps?|groupes?|factions?|belligerants?"
        r"|mouvements?|parties?)\b|\bdes deux cotes\b"
    ),
    "doubt": (
        r"(?:t'es|t es|tu es|vous etes) (?:sur|sure|certain|certaine)s?"
        r"|(?:c'est|c est) (?:vrai|sur)|vraiment|serieux|serieusement"
        r"|(?:c'est|c est|est ce|ca a ete|cela a ete|a t il ete|a t elle ete) (?:bien )?"
        r"(?:confirme|verifie|prouve|officiel)e?"
        r"|(?:quelle est )?(?:ta|votre|la) source|sources?|preuve"
        # ("C'est faux", "tu te trompes")
        r"|(?:c'est|c est) (?:faux|pas vrai|inexact)|faux|pas vrai|tu te trompes|vous vous trompez"
        r"|(?:je ne |j )?(?:te|vous) crois pas"
        # "Non, c'était en mai": the last answer contradicted.
        rf"|non {_HELD_INSTEAD}"
        rf"|(?:(?:non|mais) )?{_HEARD}{_FIGURE_INSTEAD}"
    ),
    "doubt_openers": r"et |mais ",
    "unverified": r"\b(?:confirmee?|verifiee?|prouvee?|officiel(?:le)?)\b",
    # ("C'est faux, il y en avait 10": what the reader holds instead, said after the doubt.)
    "doubt_closers": rf" (?:{_HEARD})?{_HELD_INSTEAD}",
    # "that source", "ces gens": someone or something the conversation named.
    "demonstrative": r"ce|cet|cette|ces",
    "after_that": r"\b(?:apres|depuis) (?:ca|cela|ceci)\b",
    # ("Et puis ?"; not "puis-je ...?")
    "sequel": r"^(?:\w+ ){0,2}et puis\b|^puis\b(?! je\b)",
    # "Qu'est-ce qu'un marabout ?", "c'est quoi un marabout ?" (read "quoi un marabout").
    "kind_defined": (
        r"^(?:(?:et|alors|mais|donc|pardon) )*(?:est )?quoi (?:est )?(?:un|une) \S+(?: \S+)?"
        r"(?: (?:exactement|deja|au juste))?$"
    ),
    "asks_about": r"et (?:about|sur)",
    "locating": r"dans|en|a|quitte|prendre|pris|attaque|attaquer",
    "pinpoint": (
        r"\bou (?:\S+ ){0,3}?(?:exactement|precisement)\b"
        r"|\b(?:quel|quelle|quels|quelles) (?:ville|village|endroit|localite)\b"
    ),
    # (Opening the question: "où", folded, is also "ou", or.)
    "event_place": (
        r"^(?:(?:et|mais|alors|donc|ok) )*ou (?:\S+ ){0,12}?(?:(?:a|ont|avait|avaient) eu lieu"
        r"|(?:est|sont|etait|etaient) (?:deroulee?s?|produite?s?|passee?s?))\b"
        # "Où est In Khalil ?", "où se trouve Ber ?"
        r"|^(?:(?:et|mais|alors|donc|ok) )*ou (?:est|etait|sont|se trouve|se trouvent|se trouvait)"
        r" (?:\S+ ){0,3}?\S+$"
    ),
    # "Où se trouve Tombouctou ?", "Ber, c'est où ?"
    "place_located": (
        r"\bou (?:est|etait|se trouve|se trouvait|se situe|se situait) (?:exactement )?"
        r"(?:la |le |l )?(@\S+)(?: exactement)?$"
        r"|(?:^|\b)(@\S+) (?:c est|est|se trouve|se situe) ou(?: exactement)?$"
        # ("C'est où In Khalil ?")
        r"|^(?:(?:et|mais) )?(?:c )?est ou (?:exactement )?(?:la |le |l )?(@\S+)$"
        # ("Ber est-il au Niger ?", "Ber se trouve-t-elle en Mauritanie ?")
        r"|^(?:(?:et|mais|alors|donc|salut|bonjour) )*(?:la ville de |le village de )?(@\S+)"
        r" (?:est|etait|se trouve|se situe) (?:t )?(?:il|elle) (?:vraiment )?"
        r"(?:en|au|aux|dans|pres de|pres du) (?:la |le |l )?"
        r"(?!(?:danger|ruine|ruines|crise|paix|deuil|guerre)$)(?:@\S+|[a-z]+)$"
        # "Dans quelle région se trouve Ber ?", "Ber est dans quelle région ?"
        rf"|^(?:dans|en) (?:quel|quelle) {_PLACE_KINDS} (?:est|se trouve|se situe) (?:t )?"
        r"(?:la |le |l )?(@\S+)$"
        rf"|^(?:la |le |l )?(@\S+) (?:est|se trouve|se situe) (?:dans|en) (?:quel|quelle) "
        rf"{_PLACE_KINDS}$"
    ),
    # "Quel régiment était là ?"
    "asked_thing": r"\b(?:quel|quelle|quels|quelles) (?:@\S+ )?([a-z]+)",
    # "Combien de soldats français ... ?"
    "counting": r"\bcombien (?:de |d )?(?:(?:les|des|ces) )?",
    # "qu'a fait l'armée des prisonniers ?" ("qu'" and "l'" gone once normalised)
    "deed_subject": (
        r"^(?:a|ont|avait|avaient) fait (?:le |la |les |l )?(@\S+)"
        r"|\bquoi (?:le |la |les |l )?(@\S+) (?:a|ont|avait|avaient) fait\b"
    ),
    # "qu'est-il arrivé au camion qu'ils ont saisi ?", "qu'est devenu le camion ?", "qu'ont-ils
    # fait du camion ?" ("qu'" gone once normalised)
    "fate": (
        r"\b(?:s )?est(?: il| elle| ils| elles)? (?:arrive|advenu|devenu)(?:e|s|es)? "
        r"(?:(?:a|au|aux|de|du|des) )?|\b(?:ont|a)(?: t)?(?: ils| elles| il| elle)? fait "
        r"(?:du|de|des) "
    ),
    # (After "été", "est", "sont"...: "morts par le MAA" is no deed; nor a loss "subie".)
    "passive_agent": (
        r"\b(?:ete|est|sont|etait|etaient|fut|furent) (?:\S+ )?"
        r"(?!(?:subi|subie|subis|subies)\b)\w+(?:e|es|ee|ees|is|ise|ises|u|us|ue|ues|it|its|ite|ites)"
        r" par (?:le |la |les |l |un |une |des )?(@\S+)"
    ),
    # "Qu'est-ce que l'AFISMA ?", "c'est quoi le MNLA ?", "et le MNLA, c'était qui ?"
    "definition": (
        r"(?:quoi|qui|que|qu) (?:(?:est|sont|etait|etaient|c est|est ce) )?"
        r"(?:(?:le|la|les|l|un|une|des) )?(.+)"
        r"|(?:c )?est (?:quoi|qui) (?:(?:le|la|les|l) )?(.+)"
        r"|(?:(?:le|la|les|l) )?(.+?) (?:c est|est|etait|c etait|sont|etaient) (?:qui|quoi)"
    ),
    # "pourquoi le MAA a-t-il quitté Ber ?", "pourquoi ils ont gardé les pick-up ?"
    "reason": (
        r"\bpourquoi (?:(?:le|la|les|l) )?\S+ (?:(?:{nouns}) )?(?:a|ont|avait|avaient)"
        r" (?:t (?:il|elle|ils|elles) )?"
        r"(?!ete\b)([a-z]+)"
        # ... or a pronoun for them: "pourquoi ont-ils attaqué ?"
        r"|\bpourquoi (?:a|ont|avait|avaient) (?:t )?(?:il|elle|ils|elles|on) (?!ete\b)([a-z]+)"
    ),
    # "pourquoi le MNLA a-t-il attaqué ?", "est-ce que le MAA a pillé ?"
    "subject": (
        r"\b(?:le |la |les |l )?(@\S+) (?:a|ont|avait|avaient) t (?:il|elle|ils|elles)\b"
        r"|\b(?:est ce que|pourquoi|quand|comment|ou|quoi) (?:le |la |les |l )?(@\S+)"
        r" (?:a|ont|avait|avaient) (?!ete\b)[a-z]"
        # "qu'a dit le MNLA ?", "qu'ont fait les Burkinabè ?" (the elided "qu'" gone)
        r"|^(?:a|ont|avait|avaient) (?!ete\b)[a-z]{2,} (?:le |la |les |l )?(@\S+)"
    ),
    "polar": (
        r"est ce qu|y a t il|y avait il|(?:\S+ ){0,3}?\S+ t (?:il|elle|on)\b"
        r"|(?:\S+ ){0,3}?(?:ont|sont|avaient|etaient|avait|etait|a|est) (?:ils|elles|il|elle)\b"
    ),
    "doer": (
        r"\b(?:qui|quel (?:camp|groupe|cote|parti|pays)|quelle (?:faction|armee|force))"
        r" (?:(?:l|les) (?:a|ont|avait|avaient) (?!ete\b)[a-z]{3,}"
        r"|(?:a|ont|avait|avaient) (?!ete\b)[a-z]{3,} (?:le|la|les|l|un|une|des|son|sa|ses|leur"
        r"|leurs|@\S+))"
    ),
}
"""Phrases that say how a question leans on the conversation or the rest of the message."""

ATTRIBUTES = {
    "kind": r"(?:quel|quelle|quels|quelles) (?:sortes?|marques?|modeles?|types?|genres?)"
    r"|(?:quel|quels)(?:\s+@\S+)? (?:{things})",
    "hour": r"quelle heure|matin|soir|nuit|aube",
    "duration": r"combien de temps|duree",
    # ("Où", not "ou": it opens the question or ends it, "ils sont allés où ?")
    # (The same verbs, the question word first or last: "où ont-ils été emmenés ?", "ils ont
    # été emmenés où ?".)
    "destination": (
        r"^ou (?:\S+ ){{0,8}}?(?:{gone})\b|\b(?:{gone}) ou$".replace(
            "{gone}",
            "alles?|allees?|partis?|enfuis?|replies?|retires?|rendus?|diriges?|emmenes?"
            "|emmenees?|conduits?|conduites?|transferes?|transferees?|envoyes?|envoyees?"
            "|evacues?|evacuees?",
        )
    ),
    "size": r"vivent|habitent|habitants (?:y a|compte)|combien (?:d )?(?:habitants|residents)",
    "leader": (
        r"commandants?|chefs?|dirigeants?|dirigeait"
        r"|a la tete (?:de |du |des |d )?@(?:{groups})"
    ),
    "name": r"nom|appelle|appelait",
    "spokesperson": r"porte parole|(?:parle|parlait|parler) (?:pour|au nom)",
    "rank": r"grade",
    # ("Comment la jeune fille a-t-elle été tuée ?", "comment est-il mort ?": la manière, pas
    # le fait; pas "comment s'appelle ...", ni ce que demande une autre proposition, "et
    # combien de morts ?".)
    "manner": (
        r"comment (?!s appel)(?:(?!et |qui |dont |combien )\S+ ){{0,10}}?"
        r"(?:(?:ete|est|sont|etait|etaient|a|ont|avait|avaient) (?:\S+ )?(?:tue|tuee|tues|tuees"
        r"|blesse|blessee|blesses|blessees|abattu|abattue|abattus|decede|decedee|decedes|traite"
        r"|traitee|traites|traitees|enleve|enlevee|enleves|capture|capturee|captures|libere"
        r"|liberee|liberes)"
        r"|(?:est|sont|etait|etaient) (?:il |elle |ils |elles )?(?:mort|morte|morts|mortes))\b"
    ),
    "amount": r"argent|combien (?:\S+ ){{0,6}}?(?:valait|valaient|coutait|coutaient)|valeur",
    "names": r"leurs noms|appelaient|noms des (?:morts|{people})",
    "strength": (
        r"effectifs?|combien (?:de |d )?(?:(?:{forces}) (?:(?:du|de|des|d) @\S+ )?|@\S+ )"
        r"(?:avait|avaient|comptait|y avait|participaient|defendaient|attaquaient|occupaient"
        # ("Combien de combattants du MNLA étaient à Ber ?": combien y étaient, pas combien
        # sont tombés.)
        r"|(?:etaient|etait) (?:a|dans|presents?|la|sur place|engages?|deployes?)\b"
        r"|ont (?:participe|pris part|attaque|defendu|occupe|tenu|pris d assaut)\b)"
    ),
}
"""What a question may ask for besides who, when, where, why and how many (see `en.ATTRIBUTES`)."""

DRAFT_QUESTIONS = {
    "acronym": ("Que signifie {acronym} ?", "c'est quoi {acronym}", "que veut dire {acronym}"),
    "person": ("Qui est {name} ?", "qui était {name}", "que faisait {name}"),
    "definition": ("Qu'est-ce que {subject} ?", "c'est quoi {subject}"),
    "date": ("Que s'est-il passé en {year} ?",),
    "when": ("Quand : {short} ?", "en quelle année : {short}"),
    "count": ("Combien de {noun} ?", "combien de {noun} : {short}", "combien y a-t-il de {noun}"),
    "people": ("Combien de personnes : {short} ?",),
    "leader": ("Qui dirige : {short} ?",),
    "duration": ("Combien de temps : {short} ?",),
    "age": ("Quel âge : {short} ?",),
    "where": ("Où : {short} ?",),
    "who": ("Qui : {short} ?",),
    "why": ("Pourquoi : {short} ?",),
    "claim": ("Est-il vrai que : {short} ?",),
    "name": ("Quel était le nom : {short} ?",),
    "label": ("Quel est le {label} ?", "{label} de {title} ?"),
    "label_date": ("En quelle année : {label} ?",),
    "label_person": ("Qui est le {label} ?",),
    "label_place": ("Où se trouve {title} ?", "où a lieu {title}"),
    "label_count": ("Combien de {label} ?",),
    "label_kind": ("Quel genre de {label} ?",),
    "label_side": ("Combien de {label} pour {side} ?",),
    "unknown": ("Connaît-on le {label} ?",),
    "kind": ("Quel genre de {noun} ?",),
    "about": ("Que dit l'article de : {short} ?",),
}
"""Questions drafted from a statement, in French (see `en.DRAFT_QUESTIONS`); the words taken
from the article stay as the article has them."""

TIME_QUALIFIERS = frozenset("debut fin mi milieu".split())
"""Words that say which part of a month or year ("début mai", "fin 2012")."""
