"""Tokenise: turn normalised text into matching tokens (names to entities, typos corrected,
synonyms folded, words stemmed), the same way for questions, phrasings and the article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import combinations, pairwise

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from bot import lang
from bot.knowledge import Entity, Pack
from bot.lang.words import language_words, real_words
from bot.text import normalize

_DOUBLED = re.compile(r"(.)\1")
_OF = "of"
"""The word between a relation and its owner: "son of the imam"."""
_LONG_SLIP = 8
"""From this many letters, a word typed with a letter too many is a slip wherever it is
("timbucktu"): a long word a letter away from another is no other word."""
_CACHE_LIMIT = 50_000
_VOWEL_OPENINGS = frozenset("aeiouyh")


def _stemmer() -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer("english")


class Vocabulary:
    """The words of one pack and its languages, and how any word becomes a token."""

    def __init__(self, pack: Pack) -> None:
        self.stemmer = _stemmer()
        self.entities: dict[str, Entity] = {e.id: e for e in pack.entities}
        self.stopwords = lang.STOPWORDS | frozenset(pack.domain.stopwords)
        self.synonyms = {**lang.SYNONYMS, **pack.synonyms}
        self.alias_to_id = _aliases(pack)
        self._names_by_first = _names_by_first(self.alias_to_id)
        self._names_by_pair, self._single_names = _names_by_pair(self._names_by_first)
        self._roles = _roles(pack, self.alias_to_id)
        # The groups each person holds a role for ("the MAA spox" is its spokesman).
        self._role_groups = {
            person: frozenset(f"@{g}" for groups in held.values() for g in groups)
            for person, held in self._roles.items()
        }
        self._token_cache: dict[str, str | None] = {}
        self._alias_fixes: dict[str, str] = {}
        self._stem_synonyms = self._synonym_stems()
        texts = [q for f in pack.facts for q in f.questions]
        texts += [f.answer for f in pack.facts] + [s.text for s in pack.article.sentences]
        self.normals = {t: normalize(t) for t in texts}
        pack_words = {w for normal in self.normals.values() for w in normal.split()}
        alias_words = {w for alias in self.alias_to_id for w in alias.split()}
        # A name's word with an "s" glued on, as a possessive typed without its apostrophe.
        self._possessive_forms = frozenset(f"{w}s" for w in alias_words) - alias_words
        self.known_words = pack_words | set(self.synonyms) | set(self.synonyms.values())
        self.known_words |= set(lang.MONTH_FORMS) | alias_words
        self._known_stems = {self.stemmer.stemWord(w) for w in self.known_words}
        self._typo_targets = _by_first_letter(self._typo_words(pack_words))
        self._short_targets = self._short_words(pack.article.title)
        counts = Counter(w for normal in self.normals.values() for w in normal.split())
        # What a four-letter slip may be besides a short word: a word of four or five letters
        # the pack often uses ("arym", "tiwn", "firt"). (A word of the language is no slip:
        # "last" is not "lost".)
        self._four_letter_targets = _by_first_letter(
            w
            for w, n in counts.items()
            if n >= _OFTEN and len(w) in (4, 5) and w.isalpha() and w not in self.stopwords
        )
        # Words two run-together words may be ("wonthe", "howmany", "killedin"): a telling word
        # of the pack or a name (four letters or more), a month, a number, a question word, an
        # auxiliary or a short joining word.
        self._telling_parts = frozenset(
            {w for w in pack_words | alias_words if len(w) >= 4 and w not in self.stopwords}
            | set(lang.MONTH_FORMS)
        )
        self._joining_parts = (
            lang.QUESTION_WORDS | lang.AUXILIARIES | lang.JOINING_WORDS | lang.SHORT_WORDS
        )
        self._splits: dict[str, tuple[str, ...]] = {}
        self._choices: dict[str, tuple[str, ...]] = {}
        self._corrected: dict[str, str | None] = {}
        self._last_spelled = ("", "")
        self._last_named = ("", "")
        self._last_mended: tuple[str, list[str]] = ("", [])
        self._spelled_words: dict[str, str] = {}
        # How often the pack's questions use each word, and each two words side by side.
        asked = [self.normals[q].split() for f in pack.facts for q in f.questions]
        self._uses = Counter(w for words in asked for w in words)
        self._pairs = Counter(pair for words in asked for pair in pairwise(words))
        self._real_words = real_words()
        self._french_words = language_words("fr")
        # The French words a French verb's other forms may be read as ("attaquée" as
        # "attaque"): its listed forms, not words that join or ask ("entrée" is no "entre").
        french_only = self._french_words - language_words("en")
        self._french_bases = frozenset(
            word
            for word, meaning in self.synonyms.items()
            if word in french_only and meaning not in lang.FUNCTION_WORDS
        )
        self._french_only = french_only
        self._unelisions: dict[str, str] = {}
        self._unvowelled = self._skeletons(counts)
        # Words of the language that sound like one of the pack's places ("the battle of
        # bear"): read as that place right after a word the pack's questions put before it.
        self._like_places = self._sounding_like_places()
        self._heard_words = frozenset(lang.HOMOPHONES) | frozenset(self._like_places)
        # Names are matched before typos are corrected, so a slip in one ("Arab movment") is
        # corrected first, towards the words of the names.
        self._alias_targets = _by_first_letter(w for w in alias_words if len(w) >= 5)
        # Names typed or heard run apart ("twa regs", "mara boots son", "inn kahlil"): each
        # long name, and each name of several words run together, to the words it is.
        self._run_apart: dict[str, tuple[str, ...]] = {}
        for alias in self.alias_to_id:
            words = tuple(alias.split())
            if words[0] in lang.ARTICLES:
                words = words[1:]  # ("the fence" is no "the French")
            for name in (*(w for w in words if len(w) >= _RUN_APART_LETTERS), "".join(words)):
                if len(name) >= _RUN_APART_LETTERS and not name.isdigit():
                    self._run_apart.setdefault(name, (name,) if name in words else words)
        self._run_apart_targets = _by_first_letter(self._run_apart)
        self._joined: dict[str, tuple[str, ...] | None] = {}
        self._where = self.token("where")

    def __getstate__(self) -> dict[str, object]:
        # (The stemmer is a handle on compiled code: a saved vocabulary makes a new one.)
        state = dict(self.__dict__)
        del state["stemmer"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.stemmer = _stemmer()

    def _unvowelled_word(self, word: str) -> str | None:
        """Return the pack word this is one typed without its vowels, or None. Only a word
        with no vowel past its first letter ("wn", "cntrl"), or missing at least two letters
        ("hapnd"), is taken for one: "last" is a word, not "lost"."""
        vowels = len(_VOWELS.findall(word))
        if vowels > 1 or any(c.isdigit() for c in word):
            return None
        meant = self._unvowelled.get(skeleton(word))
        if meant is None or len(meant) <= len(word) or (vowels and len(meant) < len(word) + 2):
            return None
        return meant

    def _skeletons(self, used: Counter[str]) -> dict[str, str]:
        """Return the words of the pack's texts (`used`, with how often) and the language's
        question words by their consonants, each skeleton to its most used word: "hpnd" is
        "happened"."""
        counts = used + Counter(lang.QUESTION_WORDS)
        best: dict[str, tuple[int, str]] = {}
        for word, count in counts.items():
            if len(word) < 3 or word.isdigit() or word in self.stopwords - lang.QUESTION_WORDS:
                continue
            key = skeleton(word)
            if key != word and (key not in best or (count, word) > best[key]):
                best[key] = (count, word)
        return {key: word for key, (_, word) in best.items()}

    def _typo_words(self, pack_words: set[str]) -> Iterator[str]:
        """Yield the words a typo may be corrected towards: the pack's own, and long synonyms
        ("combatu" -> "combattu")."""
        for word in pack_words | {w for w in self.synonyms if len(w) >= 7}:
            if len(word) > 2 and not word.isdigit() and word not in self.stopwords:
                yield word

    def _short_words(self, title: str) -> list[str]:
        """Return what a word of three or four letters may be a typo of: short function words,
        and the subject's own short names, where a wrong guess costs little."""
        named = normalize(title).split()
        return sorted(
            lang.SHORT_WORDS
            | {w for w in named if 3 <= len(w) <= 4 and not w.isdigit() and w not in self.stopwords}
        )

    def _synonym_stems(self) -> dict[str, str]:
        """Fold synonyms by stem too, so "grabbing" goes where "grabbed" does; not short ones,
        whose stem is too often another word ("pays" would take "pay" along)."""
        stems: dict[str, str] = {}
        for word, canonical in self.synonyms.items():
            if len(word) < 5:
                continue
            stem, target = self.stemmer.stemWord(word), self.stemmer.stemWord(canonical)
            if stem != target:
                stems.setdefault(stem, target)
        return stems

    def analyze(self, text: str, *, normal: str | None = None) -> list[str]:
        """Turn text into matching tokens: aliases to entity ids, synonyms folded, stems."""
        if normal is None:
            normal = normalize(text)
        words = normal.split()
        # "Whose son was taken?": the English word, not the French stop word (once names are
        # read: "the son of the marabout" is a name).
        homographs = (
            lang.ENGLISH_WORDS_STOPPED
            if not _ENGLISH_WORDS_STOPPED.isdisjoint(words) and lang.language_of(normal) == "en"
            else _NO_HOMOGRAPHS
        )
        if len(words) > 1 and not _MONTHS_AS_WORDS.isdisjoint(words):
            words = _months_read(words)
        if not self._possessive_forms.isdisjoint(words):
            words = self._possessives(words)
        if not self._heard_words.isdisjoint(words):
            words = self._heard(words)
        if not self.known_words.issuperset(words):
            words = self._run_together(words)
            words = [self._alias_fixes.get(w) or self._fix_alias_word(w) for w in words]
            known = self.known_words
            words = [part for w in words for part in ((w,) if w in known else self._split(w))]
            words = [w if w in known else self._unelided(w) for w in words]
            words = self.in_context(words)
            self._last_mended = (normal, words)
        tokens: list[str] = []
        cache = self._token_cache
        for word in self.name_words(words):
            word = homographs.get(word, word)
            token = cache.get(word, "")
            if token == "":
                token = self.token(word)
            if token and token not in tokens:
                tokens.append(token)
        where = self._where
        if words and where is not None and where not in tokens:
            _add_edge_where(words, tokens, where)
        return tokens

    def _possessives(self, words: list[str]) -> list[str]:
        """Return the words with each possessive typed without its apostrophe as the name's
        word it is: "the MAAs spokesman", "the holy mans son" (not a plural at the end of a
        phrase: "the Arabs or the Tuaregs?")."""
        forms, stop = self._possessive_forms, self.stopwords
        return [
            w[:-1] if w in forms and i + 1 < len(words) and words[i + 1] not in stop else w
            for i, w in enumerate(words)
        ]

    def sounds_like_place(self, word: str) -> bool:
        """Return whether a word of the language sounds like one of the pack's places."""
        return word in self._like_places

    def as_heard(self, words: list[str]) -> list[str]:
        """Return the words with those typed for another that sounds alike read as that other
        (see `_heard`; the same list when none is)."""
        return words if self._heard_words.isdisjoint(words) else self._heard(words)

    def _heard(self, words: list[str]) -> list[str]:
        """Return the words with each one typed for another that sounds alike read as that
        other, where the pack's questions use it beside the same neighbours and never the word
        typed there: "who one the battle?", "witch group attacked?" (a noisy channel over the
        pack's word pairs, as for typos)."""
        pairs = self._pairs
        heard = list(words)
        for i, word in enumerate(words):
            before = words[i - 1] if i else ""
            place = self._like_places.get(word)
            if place is not None and before in _PLACE_LEADS and pairs.get((before, place)):
                # (A place is told by the word before it alone: "of bear", "in bear"; not
                # "the bar".)
                heard[i] = place
                continue
            meant = lang.HOMOPHONES.get(word)
            if meant is None:
                continue
            after = words[i + 1] if i + 1 < len(words) else ""
            if pairs.get((before, word)) or pairs.get((word, after)):
                continue
            best = max(meant, key=lambda w: pairs.get((before, w), 0) + pairs.get((w, after), 0))
            if pairs.get((before, best)) or pairs.get((best, after)):
                heard[i] = best
        return heard

    def _sounding_like_places(self) -> dict[str, str]:
        """Return the words of the language that sound like a place's one-word name, each to
        that name: their consonants the same, a letter apart ("bear", "bar": "ber"). Names of
        fewer than two consonants are left out ("gao"), as is a word sounding like two."""
        names = {
            alias
            for alias, entity in self.alias_to_id.items()
            if self.entities[entity].kind == "place"
            and " " not in alias
            and len(skeleton(alias)) >= _HEARD_CONSONANTS
        }
        by_first = _by_first_letter(names)
        found: dict[str, set[str]] = {}
        for word in self._real_words:  # (one pass over the language's words)
            for name in by_first.get(word[:1], ()):
                if (
                    abs(len(word) - len(name)) <= _HEARD_SLIP
                    and word not in self.known_words
                    and skeleton(word) == skeleton(name)
                    and OSA.distance(word, name, score_cutoff=_HEARD_SLIP) <= _HEARD_SLIP
                ):
                    found.setdefault(word, set()).add(name)
        return {word: names.pop() for word, names in found.items() if len(names) == 1}

    def _unelided(self, word: str) -> str:
        """Return a word typed with an elided letter and no apostrophe ("larmee", "cetait",
        "qua") as the word it elides before ("armee", "etait", "a"), when that is a word and the
        whole is none."""
        found = self._unelisions.get(word)
        if found is None:
            found = word
            if word not in self._real_words:
                for elided in lang.ELIDED:
                    rest = word[len(elided) :]
                    if (
                        word.startswith(elided)
                        and rest[:1] in _VOWEL_OPENINGS
                        and (rest in self.known_words or rest in self._french_words)
                    ):
                        found = rest
                        break
            if len(self._unelisions) > _CACHE_LIMIT:
                self._unelisions.clear()
            self._unelisions[word] = found
        return found

    def _split(self, word: str) -> tuple[str, ...]:
        """Return the two words run together in one ("wonthe", "may5"), or the word itself."""
        found = self._splits.get(word)
        if found is not None:
            return found
        found = (word,)
        particle = next((p for p in lang.PARTICLES if word.endswith(p)), None)
        if (
            particle is not None
            and word not in self.known_words
            and word[: -len(particle)] in self.known_words
            and word[: -len(particle)] not in self.stopwords
            and word not in self.stopwords
            and word not in self._french_words  # ("partout" is no "part out")
            and len(word) - len(particle) >= 3
        ):
            # A phrasal verb made a noun: "pullout", "takeover", "comeback".
            found = (word[: -len(particle)], particle)
        elif (
            len(word) >= 5
            and word not in self.known_words
            and word not in self._real_words
            and self.stemmer.stemWord(word) not in self._known_stems
        ):
            telling, joining = self._telling_parts, self._joining_parts
            for cut in range(1, len(word)):
                left, right = word[:cut], word[cut:]
                left_known = left in telling or left in joining or left.isdigit()
                if left_known and (right in telling or right in joining or right.isdigit()):
                    found = (left, right)
                    break
        if len(self._splits) > _CACHE_LIMIT:
            self._splits.clear()
        self._splits[word] = found
        return found

    def _run_together(self, words: list[str]) -> list[str]:
        """Return the words with a name typed or heard in pieces as the name: two or three
        words, one of them a word of neither the pack nor the language, that run together
        are a name's word or whole name, or a slip away from it ("twa regs": "tuaregs"; "inn
        kahlil": "in khalil")."""
        odd = set(words).difference(self.known_words, self._real_words)
        if not odd:
            return words  # (most messages: their every word is the pack's or the language's)
        # (Pieces start at most two words before a strange one.)
        starts = {s for i, w in enumerate(words) if w in odd for s in range(i - 2, i + 1)}
        joined: list[str] = []
        position = 0
        while position < len(words):
            name = None
            if position in starts:
                for size in (3, 2):
                    pieces = words[position : position + size]
                    if len(pieces) == size and not odd.isdisjoint(pieces):
                        name = self._joined_name("".join(pieces))
                        if name is not None:
                            joined.extend(name)
                            position += size
                            break
            if name is None:
                joined.append(words[position])
                position += 1
        return joined

    def _joined_name(self, text: str) -> tuple[str, ...] | None:
        """Return the words of the name some pieces run together are, or None."""
        if len(text) < _RUN_APART_LETTERS or not text.isalpha():
            return None
        found = self._joined.get(text, ())
        if found == ():
            limit = _RUN_APART_SLIPS if len(text) >= _RUN_APART_LONG else 1
            best = process.extractOne(
                text,
                self._run_apart_targets.get(text[0], []),
                scorer=OSA.distance,
                score_cutoff=limit,
            )
            found = self._run_apart[best[0]] if best is not None else None
            if len(self._joined) > _CACHE_LIMIT:
                self._joined.clear()
            self._joined[text] = found
        return found

    def _fix_alias_word(self, word: str) -> str:
        """Return the word of a name this is a typo of ("ramadan" -> "ramadane"), or the word."""
        fixed = word
        if len(word) >= 5 and word not in self.known_words and not word.isdigit():
            fixed = self.correct(word, among=self._alias_targets) or word
        if len(self._alias_fixes) > _CACHE_LIMIT:
            self._alias_fixes.clear()
        self._alias_fixes[word] = fixed
        return fixed

    def kind(self, token: str) -> str | None:
        """Return the kind of entity a token names ("person", "group", "place"), if any."""
        entity = self.entities.get(token[1:]) if token.startswith("@") else None
        return entity.kind if entity else None

    def starts_name(self, word: str) -> bool:
        """Return whether a word is the first of some entity's name."""
        return word in self._names_by_first

    def name(self, normal: str) -> str:
        """Replace each name in a normalised text with its entity's token ("the MAA" -> "@maa")."""
        last, text = self._last_named
        if normal == last:
            return text  # (What a question asks, who did it and why are read of one text.)
        words = normal.split()
        named = self.name_words(words)
        text = normal if named is words else " ".join(named)
        self._last_named = (normal, text)
        return text

    def name_words(self, words: list[str]) -> list[str]:
        """Return the words with each name replaced by its entity's token (the same list if
        they name nothing)."""
        starts = self._names_by_first
        if starts.keys().isdisjoint(words):
            return words
        named: list[str] = []
        done = 0
        for index in [i for i, word in enumerate(words) if word in starts]:
            if index < done:
                continue  # inside a name already found
            found = self._name_at(words, index)
            if found is not None and found[1] in self._roles:
                # "the MNLA's spokesperson" is not the MAA's: a role another group holds is
                # left as the words it is.
                before = named[-1] if named and done == index else None
                owners = self._roles[found[1]].get(" ".join(found[0]))
                if self._held_by_another(words, index + len(found[0]), before, owners):
                    found = None
            if found is not None:
                named += words[done:index]
                named.append(found[1])
                done = index + len(found[0])
        if not named:
            return words
        named += words[done:]
        if not self._role_groups.keys().isdisjoint(named):
            # "the MAA spox": a group named right before someone holding a role for it names
            # that person, not the group too.
            named = [
                word
                for word, after in zip(named, [*named[1:], ""], strict=True)
                if word not in self._role_groups.get(after, ())
            ]
        return named

    def role_of_another(self, person: str, groups: Iterable[str]) -> list[str]:
        """Return the tokens of the roles a person holds (`person`, a token) when they hold
        them only for groups other than `groups` (tokens): "the MAA spokesman" is no answer to
        "and the MNLA's?", which asks for a spokesman of the MNLA. Empty when the person holds
        no role or holds one for one of `groups`."""
        held = self._role_groups.get(person)
        if not held or not held.isdisjoint(groups):
            return []
        return self.role_tokens(person)

    def role_tokens(self, person: str, *, every: bool = False) -> list[str]:
        """Return the tokens of the first role a person holds (`person`, a token; its other
        forms say the same, and a question asking of the role need not say all of them), or
        of all its forms (`every`), or none."""
        forms = self._roles.get(person)
        if not forms:
            return []
        said = forms if every else [next(iter(forms))]
        return list(
            dict.fromkeys(
                token for form in said for word in form.split() if (token := self.token(word))
            )
        )

    def _is_group(self, token: str) -> bool:
        """Return whether a token names a group."""
        return self.kind(token) == "group"

    def _held_by_another(
        self, words: list[str], end: int, before: str | None, owners: frozenset[str] | None
    ) -> bool:
        """Return whether a role ending at words[end] is said of a group that does not hold
        it: named right before it (`before`, "the MNLA spokesperson") or after "of" ("le
        porte-parole du MNLA", "the spokesman of the National Movement ...")."""
        if owners is None:
            return False
        after = end
        while after < len(words) and words[after] in _ROLE_JOINERS:
            after += 1
        found = self._name_at(words, after) if after > end else None
        following = found[1] if found is not None else None
        return any(
            token is not None and self._is_group(token) and token[1:] not in owners
            for token in (before, following)
        )

    def _name_at(self, words: list[str], index: int) -> tuple[list[str], str] | None:
        """Return the words and token of the name starting at words[index], if one does."""
        if index >= len(words):
            return None
        if index + 1 < len(words):
            # Names of two words or more, longest first, by their first two words.
            for parts, token in self._names_by_pair.get((words[index], words[index + 1]), ()):
                typed = words[index : index + len(parts)]
                if typed == parts or (
                    len(typed) > 2
                    and typed[-1][:1] == parts[-1][:1]
                    and _slipped_tail(typed, parts)
                ):
                    return parts, token
            if (
                words[index + 1] in lang.NAME_DESCRIPTORS
                and index + 2 < len(words)
                and words[index] not in lang.ARTICLES
            ):
                # A word describing the body named, typed inside its name: "the Arab armed
                # group" is the Arab group, "groupe armé arabe" the "groupe arabe". (Not after
                # an article: "les armes arabes" are weapons.)
                found = self._name_at([words[index], *words[index + 2 :]], 0)
                if found is not None and len(found[0]) > 1:
                    return [words[index], words[index + 1], *found[0][1:]], found[1]
        single = self._single_names.get(words[index])
        return ([words[index]], single) if single else None

    def token(self, word: str) -> str | None:
        """Return the token a word is matched as, or None for a word that asks nothing."""
        cached = self._token_cache.get(word, "")
        if cached != "":
            return cached
        token = self._make_token(word)
        if len(self._token_cache) > _CACHE_LIMIT:
            self._token_cache.clear()
        self._token_cache[word] = token
        return token

    def tokens(self, words: tuple[str, ...] | frozenset[str] | list[str]) -> frozenset[str]:
        """Return the tokens of some words, less those that ask nothing."""
        return frozenset(t for w in words if (t := self.token(w)))

    def _make_token(self, word: str) -> str | None:
        if word.startswith("@"):
            return word
        word = lang.NUMBER_WORDS.get(word, word)
        if word in lang.MONTH_FORMS:
            # Months are matched unstemmed and in English: "fevrier", "feb" and "February" agree.
            return lang.MONTH_FORMS[word]
        if word in self.stopwords or word.isdigit():
            return None if word in self.stopwords else word
        corrected = self._meant(word, self.stemmer.stemWord(word))
        if corrected is None:
            pass
        elif corrected in self.stopwords:
            return None
        elif corrected in lang.MONTH_FORMS:
            return lang.MONTH_FORMS[corrected]
        else:
            word = corrected
        if word not in self.synonyms and word in self._french_only:
            word = self._french_base(word)
        stem = str(self.stemmer.stemWord(self.synonyms.get(word, word)))
        return self._stem_synonyms.get(stem, stem)

    def _french_base(self, word: str) -> str:
        """Return the form of a French verb the synonyms list ("attaquée" -> "attaque",
        "attaquaient" -> "attaquer"), or the word: the English stemmer leaves them apart."""
        bases = self._french_bases
        for ending in lang.FRENCH_INFLECTIONS:
            if word.endswith(ending) and len(word) - len(ending) >= lang.FRENCH_BASE_LETTERS:
                base = word[: len(word) - len(ending)]
                for form in (base + more for more in lang.FRENCH_BASE_ENDINGS):
                    if form in bases:
                        return form
        return word

    def correct(self, word: str, *, among: dict[str, list[str]] | None = None) -> str | None:
        """Return the pack word this is a typo of, or None: one slip, or two in a long word.

        `among` holds other words to correct towards, by first letter.
        """
        if among is not None:
            found = self._candidates(word, among)
            return found[0] if found else None
        corrected = self._corrected.get(word, "")
        if corrected == "":
            found = self._candidates(word)
            corrected = found[0] if found else None
            if len(self._corrected) > _CACHE_LIMIT:
                self._corrected.clear()
            self._corrected[word] = corrected
        return corrected

    def _candidates(self, word: str, among: dict[str, list[str]] | None = None) -> list[str]:
        """Return the pack words this may be a typo of, the likeliest first: the nearest, and
        of those the ones alike in more letters."""
        # Typos keep the first letter; very short words are only read as function words.
        if among is not None:
            targets = among.get(word[0], [])
        elif len(word) == 4:
            targets = self._short_targets + self._four_letter_targets.get(word[0], [])
        elif len(word) < 4:
            targets = self._short_targets
        else:
            targets = self._typo_targets.get(word[0], [])
        limit = 2 if len(word) >= 10 else 1
        found: list[tuple[float, float, str]] = []
        for target, distance, _ in process.extract_iter(
            word, targets, scorer=OSA.distance, score_cutoff=limit
        ):
            # A letter is dropped mostly where it was doubled ("wonn"); otherwise "paris" would
            # read as the French "pris".
            if len(target) < len(word) and not _DOUBLED.search(word) and len(word) < _LONG_SLIP:
                continue
            # Of equally near words, the one alike in more letters, and at the start, wins:
            # "wher" is "where", not "when"; "waht" is "what", not "want".
            found.append((distance, -JaroWinkler.similarity(word, target), str(target)))
        found.sort()
        return [target for _, _, target in found]

    def _nearest(self, word: str) -> tuple[str, ...]:
        """Return the pack words as near as any to a word that may be a typo ("wun": "win",
        "won"), the likeliest alone first; none for a word that is no typo."""
        found = self._choices.get(word)
        if found is not None:
            return found
        found = ()
        if (
            len(word) > 2
            and not word.isdigit()
            and word not in self.stopwords
            and self._may_be_typo(word, self.stemmer.stemWord(word))
        ):
            candidates = self._candidates(word)
            if candidates:
                nearest = OSA.distance(word, candidates[0])
                found = tuple(c for c in candidates if OSA.distance(word, c) == nearest)
        if len(self._choices) > _CACHE_LIMIT:
            self._choices.clear()
        self._choices[word] = found
        return found

    def spelled_text(self, normal: str) -> str:
        """Return a normalised text with its words as meant (see `spelled`)."""
        last, text = self._last_spelled
        if normal == last:
            return text  # (Both what a question asks and the classifier read it so.)
        words = normal.split()
        mended, mended_words = self._last_mended
        if normal == mended:
            # (Tokenising the question has just mended its names and split its words.)
            known = self.known_words
            spelled = [w if w in known else self._spelled_word(w) for w in mended_words]
        else:
            spelled = self.spelled(words)
        text = normal if spelled is words else " ".join(spelled)
        self._last_spelled = (normal, text)
        return text

    def spelled(self, words: list[str]) -> list[str]:
        """Return the words as meant: names' slips mended, words run together split, and typos
        corrected as tokenising corrects them (but neither stemmed nor folded into synonyms)."""
        known = self.known_words
        if not self._heard_words.isdisjoint(words):
            words = self._heard(words)
        if known.issuperset(words):
            return words
        words = self._run_together(words)
        words = [self._alias_fixes.get(w) or self._fix_alias_word(w) for w in words]
        words = [part for w in words for part in ((w,) if w in known else self._split(w))]
        words = self.in_context(words)
        return [w if w in known else self._spelled_word(w) for w in words]

    def _spelled_word(self, word: str) -> str:
        """Return the word a word unknown to the pack was meant to be, or the word."""
        found = self._spelled_words.get(word)
        if found is None:
            found = lang.NUMBER_WORDS.get(word, word)
            if not (found in lang.MONTH_FORMS or found in self.stopwords or found.isdigit()):
                found = self._meant(found, self.stemmer.stemWord(found)) or found
            if len(self._spelled_words) > _CACHE_LIMIT:
                self._spelled_words.clear()
            self._spelled_words[word] = found
        return found

    def _meant(self, word: str, stemmed: str) -> str | None:
        """Return the pack word a word is a typo of, or None. A word known by its stem
        ("detailed", "details") is no typo, nor is a word of the language ("last" is not
        "lost")."""
        if len(word) <= 1 or not self._may_be_typo(word, stemmed):
            return None
        for typed, meant in lang.SAID_ENDINGS:
            if word.endswith(typed):
                said = word[: len(word) - len(typed)] + meant
                if said in self.known_words or said in self._real_words:
                    return said  # ("doin", "kidz": written as said)
        corrected = self.correct(word) if len(word) > 2 else None
        # Typed without its vowels: "hapnd", "contrl", "wn"; or with them as heard: "hapend".
        return corrected or self._unvowelled_word(word) or self._misvowelled(word)

    def _misvowelled(self, word: str) -> str | None:
        """Return the pack word this is one typed with its vowels as heard and a doubled letter
        once ("hapend": "happened", "clame": "claim"), or None: the same consonants in the same
        order, two slips at most, in a word long enough to tell."""
        key = skeleton(word)
        if len(word) < _MISVOWELLED or len(key) < _MISVOWELLED_KEY:
            return None  # ("Goita" is no "got", "Niamey" no "name": too few consonants to tell)
        meant = self._unvowelled.get(key)
        if meant is None or OSA.distance(word, meant) > 2:
            return None
        return meant

    def _may_be_typo(self, word: str, stemmed: str) -> bool:
        """Return whether a word may be a typo: neither the pack's, nor known by its stem, nor a
        word of the language."""
        return (
            word not in self.known_words
            and stemmed not in self._known_stems
            and word not in self._real_words
        )

    def in_context(self, words: list[str]) -> list[str]:
        """Return the words with each typo that is as near to several pack words corrected to
        the one the pack's questions use most beside its neighbours ("who wun the": "won",
        not "win"), then most (a noisy channel over the pack's word pairs)."""
        fixed = list(words)
        pairs, uses = self._pairs, self._uses
        for i, word in enumerate(words):
            if word in self.known_words:
                continue
            nearest = self._nearest(word)
            if len(nearest) < 2:
                continue
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            fixed[i] = max(
                nearest, key=lambda w: (pairs[before, w] + pairs[w, after], uses[w])
            )  # (the likeliest alone first, among equals)
        return fixed


_PLACE_LEADS = lang.PLACE_LEADS | lang.OF_WORDS
"""Words after which a word sounding like a place may be that place."""
_HEARD_CONSONANTS = 2
"""Consonants a place's name needs before a word sounding like it is read as it."""
_HEARD_SLIP = 1
"""Letters such a word may differ by."""

_OFTEN = 3
"""Uses in the pack's texts that make a word a likely meaning of a four-letter slip."""


_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_MISVOWELLED = 5
"""Letters a word needs before its consonants alone say which word it is."""
_MISVOWELLED_KEY = 3
"""... and consonants (its first letter counted)."""
_DOUBLES = re.compile(r"(.)\1+")


_RUN_APART_LETTERS = 6
"""Letters a name needs to be found typed in pieces."""
_RUN_APART_LONG = 8
"""... and to be found so with two slips rather than one."""
_RUN_APART_SLIPS = 2

_TAIL_SLIP = 1
"""Edits a long word of a name may be typed with, once its first two words are right
("Mohammed Ould Ramadan")."""
_TAIL_WORD = 5
"""Letters that word needs."""


def _slipped_tail(typed: list[str], parts: list[str]) -> bool:
    """Return whether words typed are a name's words with a slip in its later long ones."""
    if len(typed) != len(parts) or any(
        word[:1] != part[:1] for word, part in zip(typed[2:], parts[2:], strict=True)
    ):
        return False  # (a slip keeps a word's first letter)
    return all(
        word == part
        or (
            len(part) >= _TAIL_WORD
            and OSA.distance(word, part, score_cutoff=_TAIL_SLIP) <= _TAIL_SLIP
        )
        for word, part in zip(typed[2:], parts[2:], strict=True)
    )


def skeleton(word: str) -> str:
    """Return a word's first letter and its other consonants, doubled ones once: "happened"
    and "hapnd" are both "hpnd"."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word))


def _names_by_first(alias_to_id: dict[str, str]) -> dict[str, list[tuple[list[str], str]]]:
    """Index names by their first word, longest first: names are found word by word."""
    starts: dict[str, list[tuple[list[str], str]]] = {}
    for alias in sorted(alias_to_id, key=len, reverse=True):
        parts = alias.split()
        starts.setdefault(parts[0], []).append((parts, f"@{alias_to_id[alias]}"))
    return starts


def _names_by_pair(
    starts: dict[str, list[tuple[list[str], str]]],
) -> tuple[dict[tuple[str, str], list[tuple[list[str], str]]], dict[str, str]]:
    """Index names of two words or more by their first two words, and one-word names alone."""
    pairs: dict[tuple[str, str], list[tuple[list[str], str]]] = {}
    singles: dict[str, str] = {}
    for first, names in starts.items():
        for parts, token in names:
            if len(parts) == 1:
                singles[first] = token
            else:
                pairs.setdefault((first, parts[1]), []).append((parts, token))
    return pairs, singles


_ROLE_JOINERS = lang.OF_WORDS | lang.ARTICLES
"""Words between a role and the group it is said of ("spokesperson of the MNLA")."""


def _roles(pack: Pack, alias_to_id: dict[str, str]) -> dict[str, dict[str, frozenset[str]]]:
    """Return, for each person's token, the names of theirs that are a role held for a group,
    each with the groups that hold it: "spokesman" is the MAA's when "MAA spokesman" is a
    name of the same person."""
    kinds = {e.id: e.kind for e in pack.entities}
    group_names = {a: i for a, i in alias_to_id.items() if kinds.get(i) == "group"}
    roles: dict[str, dict[str, set[str]]] = {}
    # (In the pack's order: a person's first role is the one a question asking of it names.)
    names: dict[str, dict[str, None]] = {}
    for alias, entity in alias_to_id.items():
        names.setdefault(entity, {})[alias] = None
    for entity, own in names.items():
        if kinds.get(entity) != "person":
            continue
        for alias in own:
            words = set(alias.split())
            # (Only the groups whose name's first word the alias holds can be in it.)
            for group_name, group in group_names.items():
                if group_name.split(" ", 1)[0] not in words:
                    continue
                for role in _without(alias, group_name):
                    if role in own:
                        held = roles.setdefault(f"@{entity}", {})
                        for form in own:
                            if _bare(form) == _bare(role):
                                held.setdefault(form, set()).add(group)
    return {t: {f: frozenset(g) for f, g in held.items()} for t, held in roles.items()}


def _without(alias: str, name: str) -> Iterator[str]:
    """Yield what is left of a name once a group's name and the small words joining them are
    taken out of it ("maa spokesman" -> "spokesman", "porte parole du maa" -> "porte parole")."""
    words, parts = alias.split(), name.split()
    for i in range(len(words) - len(parts) + 1):
        if words[i : i + len(parts)] == parts:
            left = [w for w in words[:i] if w not in _ROLE_JOINERS]
            right = words[i + len(parts) :]
            if left and not right:
                # "porte parole du maa": the joining words before the group go too.
                while words[:i] and words[i - 1] in _ROLE_JOINERS:
                    i -= 1
                yield " ".join(words[:i])
            elif right and not left:
                yield " ".join(right)


def _bare(name: str) -> str:
    """A name without the articles before it."""
    words = name.split()
    while words and words[0] in lang.ARTICLES:
        words = words[1:]
    return " ".join(words)


def _add_edge_where(words: list[str], tokens: list[str], where: str) -> None:
    """Add the token of "where" to those of a question that "où", its accent folded away, opens
    or ends: it asks first or last ("où se trouve Ber ?", "et où ça ?"). Opening a question
    that asks with another word, or before a word that makes it "or" ("ou alors", "ou le
    MNLA ?"), it is "or"."""
    edge = lang.EDGE_WHERE_WORDS
    last = words[-2] if len(words) > 1 and words[-1] in lang.EDGE_WHERE_TAILS else words[-1]
    if words[0] in edge and len(words) > 1:
        if words[1] not in lang.OR_FOLLOWERS and lang.QUESTION_WORDS.isdisjoint(words[1:]):
            tokens.insert(0, where)
    elif last in edge:
        tokens.append(where)


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    """Group words by first letter, sorted: a typo keeps its first letter, so each word is only
    compared with its letter's words."""
    grouped: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        grouped.setdefault(word[0], []).append(word)
    return grouped


def _aliases(pack: Pack) -> dict[str, str]:
    """Return each normalised name of an entity, to the entity's id: as written, then, for a
    group, with its noun for a group put as any other ("Tuareg group": "Tuareg outfit"), and
    for a person named by whose they are, with each of its owners and relations put together
    ("cleric's son" and "imam's boy" give "cleric's boy" too)."""
    alias_to_id: dict[str, str] = {}
    for entity in pack.entities:
        keys = [normalize(alias) for alias in (*entity.aliases, entity.id.replace("-", " "))]
        if entity.kind == "person":
            keys += _related(keys)
        for key in keys:
            if key:
                alias_to_id.setdefault(key, entity.id)
    groups = {entity.id for entity in pack.entities if entity.kind == "group"}
    shortened: dict[str, set[str]] = {}
    for alias, entity_id in list(alias_to_id.items()):
        if entity_id in groups:
            for other in _other_group_nouns(alias.split()):
                alias_to_id.setdefault(other, entity_id)
            for short in _shortened(alias.split()):
                shortened.setdefault(short, set()).add(entity_id)
    for short, named in shortened.items():
        # (Only a shortening of one body's names: "movement azawad" is two.)
        if len(named) == 1:
            alias_to_id.setdefault(short, next(iter(named)))
    return alias_to_id


def _related(names: list[str]) -> list[str]:
    """Return the names a person's names make when they name whose the person is ("the imam
    son", normalised, and "son of the imam"): each owner with each relation, both ways."""
    owners: set[str] = set()
    relations: set[str] = set()
    for name in names:
        words = name.split()
        while words and words[0] in lang.ARTICLES:
            words = words[1:]
        if len(words) >= 2 and words[-1] in lang.RELATION_NOUNS:
            owner, relation = words[:-1], words[-1]
        elif len(words) >= 3 and words[0] in lang.RELATION_NOUNS and words[1] == _OF:
            owner, relation = words[2:], words[0]
        else:
            continue
        while owner and owner[0] in lang.ARTICLES:
            owner = owner[1:]
        if owner:
            owners.add(" ".join(owner))
            relations.add(relation)
    if len(owners) < 2 and len(relations) < 2:
        return []
    return [
        name
        for owner in sorted(owners)
        for relation in sorted(relations)
        for name in (f"{owner} {relation}", f"{relation} of the {owner}")
    ]


def _shortened(words: list[str]) -> Iterator[str]:
    """Yield a long name shortened to the noun it is built on with one or two of the words
    before it, in order ("African-led International Support Mission to Mali": "international
    mission", "support mission"), or after it when it opens the name ("mission
    internationale")."""
    telling = [w for w in words if w not in lang.STOPWORDS]
    heads = [w for w in telling if w in lang.BODY_NOUNS]
    if len(telling) < 3 or not heads:
        return
    # (The last such noun is the head: "Malian government forces" are forces, not a
    # government; the words after it, "to Mali", only complete it.)
    at = telling.index(heads[-1])
    if at == 0:
        # (In French the noun comes first: "mission internationale".)
        yield " ".join(telling[:2])
        yield " ".join(telling[:3])
        return
    for size in (1, 2):
        for picked in combinations(telling[:at], size):
            yield " ".join((*picked, heads[-1]))


def _other_group_nouns(words: list[str]) -> Iterator[str]:
    """Yield a group's name with its noun for a group put as each other one of its language."""
    if len(words) < 2:
        return
    for at, nouns in ((-1, lang.GROUP_NOUNS_LAST), (0, lang.GROUP_NOUNS_FIRST)):
        for same in nouns:
            if words[at] in same:
                for noun in same:
                    if noun != words[at]:
                        yield " ".join([*words[:-1], noun] if at == -1 else [noun, *words[1:]])


_MONTHS_AS_WORDS = frozenset(lang.MONTHS_AS_WORDS)
_ENGLISH_WORDS_STOPPED = frozenset(lang.ENGLISH_WORDS_STOPPED)
_NO_HOMOGRAPHS: dict[str, str] = {}


def _months_read(words: list[str]) -> list[str]:
    """Return the words without the months that are other words here: "may I ask who won?"
    asks nothing of May, "did they march on it?" nothing of March; "that May", "may 5" are
    dates."""
    kept = []
    for i, word in enumerate(words):
        found = lang.MONTHS_AS_WORDS.get(word)
        if found is not None:
            side, beside = found
            at = i + 1 if side == "before" else i - 1
            if 0 <= at < len(words) and words[at] in beside:
                continue
        kept.append(word)
    return kept
