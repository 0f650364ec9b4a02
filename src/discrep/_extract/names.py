"""Named mentions: people (with roles), places and organisations (issue 3).

The default extractor is pure Python and needs no model download: capitalised runs of
words, split where scraping glued words together ("KievMoscowMoscow"), classified with the
gazetteer (places and demonyms), a lexicon of titles and role nouns (people, with the role
the article gives them), a lexicon of organisation head nouns, and the article itself: a
bare surname is a person when the same article names the person in full, and a word that
starts a sentence is a name only when the article also writes it capitalised elsewhere.

The extractor sits behind :class:`MentionExtractor`, so an optional backend (for example a
spaCy pipeline, shipped as an extra) can replace it through ``NamesConfig.backend``.

Why not a library: spaCy and stanza need model downloads, and their offsets come from a
tokenisation of the cleaned text; nltk's ``ne_chunk`` also needs data packages. None of
them attaches roles to people.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Protocol

import attrs

from discrep._config import Config
from discrep._gazetteer import Place, demonym_place, lookup
from discrep._model import Article, Mention, MentionKind, Sentence
from discrep._normalize import GLUED, fold, fold_token, strip_possessive

__all__ = ["MentionExtractor", "RuleExtractor", "extract_mentions"]


class MentionExtractor(Protocol):
    """Anything that finds named mentions in an article's sentences."""

    def __call__(
        self, article: Article, sentences: tuple[Sentence, ...], config: Config
    ) -> tuple[Mention, ...]:
        """Return the mentions in the non-junk ``sentences`` of ``article``."""
        ...


# --- lexicons (general English; no article's names) ---------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Titles written before a name.
_HONORIFICS = _words("mr mrs ms miss dr prof sir dame madam lord lady")

#: Nouns that name an office or role: a person they precede or follow has that role.
_ROLE_HEADS = _words(
    """president vice-president minister secretary spokesman spokeswoman spokesperson
    adviser advisor aide mayor ambassador envoy negotiator leader chief head governor
    chancellor premier commander general admiral colonel officer official diplomat
    director chairman chairwoman chair speaker senator representative deputy lawmaker
    congressman congresswoman judge prosecutor attorney king queen prince princess pope
    patriarch chancellor emperor sheikh emir president-elect mp ceo cto cfo coo founder
    commissioner counsellor councillor counselor lieutenant sergeant captain
    correspondent reporter editor analyst actor actress singer manager coach player
    star author writer producer rapper comedian businessman businesswoman tycoon
    billionaire spokesmen officials minister-designate"""
)

#: Modifiers that belong to a role ("Defence minister", "presidential aide").
_ROLE_MODIFIERS = _words(
    """presidential prime foreign defence defense interior home finance economy economic
    justice health education energy trade deputy vice senior former top chief state
    first acting interim ministry majority minority opposition party parliamentary
    military security intelligence national regional city general press foreign-affairs
    internal affairs of the and to in for"""
)

#: Capitalised words that are not names when they start a run ("The", "However").
_STOP = _words(
    """a an the this that these those there here it its he she they we you i his her their
    our your my me him them us who whom whose which what when where why how if then than
    and or but nor so yet for of in on at by to from with without within into onto upon
    about above below after before during since until while as like unlike despite
    although though because unless whether also even just only not no yes all any some
    each every both either neither many much more most few several other another such
    same own one two three four five six seven eight nine ten first second third last
    next new old according meanwhile however moreover furthermore nevertheless instead
    still already again once elsewhere later earlier now today tonight yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mon tue wed thu fri sat sun
    jan feb mar apr jun jul aug sep sept oct nov dec photo credit source read more
    advertisement follow share click subscribe copyright updated published
    is are was were be been being has have had do does did will would shall should can
    could might must say says said tell told"""
)

#: Head nouns of organisation names.
_ORG_HEADS = _words(
    """ministry committee council nations union organization organisation agency party
    department duma parliament assembly congress senate court bank fund forces army navy
    office service institute university college company corporation group alliance front
    guard commission government cabinet administration authority board bureau embassy
    police federation foundation association league club church news press times post
    agence network channel television radio airlines inc ltd center centre hospital
    clinic school academy prison jail unit stadium arena airport station hotel museum
    theater theatre cathedral hall palace tower mall festival awards award prize games
    cup team journal magazine herald tribune gazette"""
)

#: Geographic feature words: "Dnipro River", "Azov Sea" are places.
_FEATURES = _words(
    """river sea ocean lake bay gulf strait straits peninsula island islands mountains
    mountain valley desert canal"""
)

#: Words after a place name that make it a region ("Brest region", "Kharkiv Oblast").
_REGION_WORDS = _words("region oblast province governorate krai district")


# --- tokens --------------------------------------------------------------------------------

# A word (letters, inner apostrophes/hyphens, optional possessive), or a dotted acronym
# ("U.S."). Each alternative has bounded repetition of disjoint character classes.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,6}"
    r"|[^\W\d_](?:[\w]|['’\-](?=[^\W\d_])){0,60}(?:['’]s\b|(?<=s)['’](?!\w))?"
)
# Glued words: a lower-case letter followed by an upper-case one ("KievMoscow"), or an
# acronym glued to a lower-case word ("NATOmilitary").
_PLACE_CUE = re.compile(
    r"\b(?:(?:village|town|city|port|settlement|region|district|province) of|near|outside"
    r"|in(?: the)?|(?:northern|southern|eastern|western|central|north|south|east|west)"
    r"(?:ern)?)\s{1,3}$"
)
_DATELINE = re.compile(r"([A-Z][A-Z'’.\-]{1,30}(?: [A-Z][A-Z'’.\-]{1,30}){0,2})(?:,|:|\s[-—–(])")
#: Lower-case particles inside names.
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le"}
                       | {"du", "dos", "das", "bin", "ibn", "al", "el", "ter", "zu"})
_ARABIC_ARTICLE = re.compile(r"(?:al|el|as|ash|ad|bin|ibn|abu)[\-‐][A-Z]")
_HYPHEN_ADJECTIVE = re.compile(r"[\-‐‑][a-z]{2,20}$")
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z]{2,30}(?![\w\-])")


@attrs.frozen
class _Tok:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return strip_possessive(self.text)

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.bare.lower().rstrip(".")


def _split_glued(tok: _Tok) -> Iterator[_Tok]:
    """Split scraped glue: 'KievMoscowMoscow' -> Kiev, Moscow, Moscow (parts >= 3 letters)."""
    text = tok.text
    if len(text) < 6 or not any(c.isupper() for c in text[1:]):
        yield tok
        return
    cuts = [0] + [m.start() for m in GLUED.finditer(text)] + [len(text)]
    parts = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    if len(parts) == 1 or any(b - a < 4 for a, b in parts[:-1]):
        yield tok
        return
    for a, b in parts:
        if text[a:b].isupper() and b - a > 1 and (b, a) != (len(text), 0):
            # acronym part: keep
            yield _Tok(tok.start + a, tok.start + b, text[a:b])
        else:
            yield _Tok(tok.start + a, tok.start + b, text[a:b])


def _tokens(text: str, offset: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        out.extend(_split_glued(_Tok(offset + m.start(), offset + m.end(), m.group())))
    return out


def _is_headline(toks: list[_Tok]) -> bool:
    """Title Case lines ('Zelenskyy Asks Putin to Meet'): every long word capitalised."""
    long_words = [t for t in toks if len(t.text) > 3]
    if len(long_words) < 4:
        return False
    return sum(t.cap for t in long_words) >= 0.8 * len(long_words)


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    return text[a.end : b.start]


# A soft sign romanised as an apostrophe may end a word inside a name ("Igor' Terehov");
# a possessive s' is part of its token, so an apostrophe here follows another letter.
_JOIN = re.compile(r"['’ʹ]?[ \t\-]{1,3}")
_JOIN_INITIAL = re.compile(r"\.?[ \t]{1,3}")


def _joins(text: str, a: _Tok, b: _Tok) -> bool:
    """Tell whether two capitalised words are one name.

    A space or hyphen joins them, or the period of an initial ("Nick J. Rahall").
    """
    gap = _gap(text, a, b)
    if len(a.text) == 1 and a.text.isupper():
        return _JOIN_INITIAL.fullmatch(gap) is not None
    return _JOIN.fullmatch(gap) is not None


# --- the rule extractor --------------------------------------------------------------------


@attrs.frozen
class _Run:
    toks: tuple[_Tok, ...]
    sentence: int
    initial: bool  # starts its sentence
    headline: bool

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


def _name_word(tok: _Tok) -> bool:
    """Tell whether a capitalised word may belong to a name."""
    if _ARABIC_ARTICLE.match(tok.text):
        return True  # "al-Assad", "bin-Salman"
    if not tok.cap:
        return False
    low = tok.lower
    if _HYPHEN_ADJECTIVE.search(tok.text):
        return False  # "Ethiopian-flagged", "Kyiv-based", "Russian-backed"
    if low in _ORG_HEADS:
        return True
    return (
        low not in _STOP
        and low not in _HONORIFICS
        and low not in _ROLE_HEADS
        and low not in _ROLE_MODIFIERS
    )


def _sentence_adverb(tok: _Tok, lower: set[str]) -> bool:
    """Tell whether a sentence-opening word is an ordinary word.

    It is when the article writes it in lower case elsewhere, or it is an -ly adverb or
    an -ing form ("Clearly", "Having").
    """
    low = tok.lower
    return low in lower or (len(low) > 5 and low.endswith(("ly", "ing")))


def _runs(
    text: str, sentences: tuple[Sentence, ...], lower: set[str]
) -> Iterator[tuple[_Run, list[_Tok], int]]:
    """Yield maximal runs of capitalised name words, with the sentence's tokens."""
    for si, sent in enumerate(sentences):
        if sent.junk:
            dateline = _DATELINE.match(sent.text)
            if dateline is not None:
                # a wire dateline ("LVIV:", "BERLIN, June 3 (Reuters) -") is page furniture
                # for the analysis, but the place it names is a mention
                head = _tokens(dateline.group(1), sent.start)
                if head:
                    yield _Run(tuple(head), si, True, True), head, 0
            continue
        toks = _tokens(sent.text, sent.start)
        letters = [c for c in sent.text if c.isalpha()]
        shouting = len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.7 * len(letters)
        ends = sent.text.rstrip("\"'”’ ")[-1:]
        headline = shouting or (ends not in (".", "!", "?") and _is_headline(toks))
        i = 0
        while i < len(toks):
            if not _name_word(toks[i]) or (toks[i].text.isupper() and len(toks[i].text) == 1):
                i += 1
                continue
            if i == 0 and i + 1 < len(toks) and _joins(text, toks[0], toks[1]) and (
                _name_word(toks[1]) and _sentence_adverb(toks[0], lower)
            ):
                # "Clearly Mark ...", "Having Jackman ...": an ordinary word opening the
                # sentence is not the first word of the name after it
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j - i < 8 and toks[j - 1].text == toks[j - 1].bare:
                # (a possessive ends a run)
                if _name_word(toks[j]) and _joins(text, toks[j - 1], toks[j]):
                    j += 1
                else:
                    # "Ursula von der Leyen", "Charles de Gaulle": up to two particles
                    k = j
                    while k < j + 2 and k < len(toks) and toks[k].text in _PARTICLES and (
                        _joins(text, toks[k - 1], toks[k])
                    ):
                        k += 1
                    if k == j or k >= len(toks) or not _name_word(toks[k]) or not _joins(
                        text, toks[k - 1], toks[k]
                    ):
                        break
                    j = k + 1
            yield _Run(tuple(toks[i:j]), si, i == 0, headline), toks, i
            i = j


def _place_of(name: str) -> Place | None:
    place = lookup(name)
    if place is None:
        return None
    if place.kind == "city" and place.population < 15_000:
        return None
    return place


@attrs.frozen
class RuleExtractor:
    """The default, pure-Python mention extractor.

    >>> from discrep._segment import segment
    >>> text = "Kremlin spokesman Dmitry Peskov said Kiev was calm. Peskov left for Moscow."
    >>> ms = RuleExtractor()(Article(text), segment(text), Config())
    >>> [(m.text, m.kind, m.role) for m in ms][:2]
    [('Dmitry Peskov', 'person', 'Kremlin spokesman'), ('Kiev', 'place', None)]
    >>> [(m.text, m.kind, m.local_key) for m in ms][2:]
    [('Peskov', 'person', 'article#dmitri peskov'), ('Moscow', 'place', None)]
    """

    def __call__(
        self, article: Article, sentences: tuple[Sentence, ...], config: Config
    ) -> tuple[Mention, ...]:
        text = article.text
        lower = {w.lower() for w in _LOWER_WORD.findall(text)}
        runs = list(_runs(text, sentences, lower))
        # Words the article writes capitalised in mid-sentence (not in headlines): a word
        # starting a sentence is a name only if it is also one of these or is known.
        mid = {
            r.toks[k].bare
            for r, _, _ in runs
            if not r.headline
            for k in range(len(r.toks))
            if not (r.initial and k == 0)
        }
        # Full person names first, so that bare surnames can be resolved anywhere.
        people: dict[str, str] = {}  # folded surname -> folded full name
        for run, toks, idx in runs:  # first pass: learn the full names
            for _ in self._classify(article, run, toks, idx, mid, people, lower):
                pass
        out: list[Mention] = []
        for run, toks, idx in runs:
            out.extend(self._classify(article, run, toks, idx, mid, people, lower))
        return tuple(_with_local_keys(out, people))

    def _classify(
        self,
        article: Article,
        run: _Run,
        toks: list[_Tok],
        idx: int,
        mid: set[str],
        people: dict[str, str],
        lower: set[str],
    ) -> Iterator[Mention]:
        parts = list(run.toks)
        whole = " ".join(t.bare for t in parts)
        if len(parts) > 1 and not run.headline and _place_of(whole) is not None:
            yield _mention(article, run.toks, "place", run.sentence, place=_place_of(whole))
            return
        # A leading demonym is its own mention ("Russian President", "Ukrainian Vadym ...").
        while len(parts) > 1 and demonym_place(parts[0].bare) and not _place_of(parts[0].bare):
            yield _mention(article, (parts[0],), "demonym", run.sentence)
            parts = parts[1:]
            idx += 1
        if not parts:
            return
        words = tuple(parts)
        name = " ".join(t.bare for t in words)
        after = toks[idx + len(words)] if idx + len(words) < len(toks) else None
        before = toks[idx - 1] if idx > 0 else None
        titled = before is not None and (before.lower in _HONORIFICS or before.lower in _ROLE_HEADS)
        low_heads = {t.lower for t in words}
        # organisations
        if low_heads & _ORG_HEADS or (
            not run.headline
            and len(words) == 1
            and words[0].bare.isupper()
            and 3 <= len(words[0].bare) <= 6
            and _place_of(words[0].bare) is None
        ):
            yield _extend_org(article, words, toks, idx, run.sentence)
            return
        # geographic features and regions
        if after is not None and after.lower in _FEATURES | _REGION_WORDS and not titled:
            span = (*words, after)
            full = " ".join(t.bare for t in span)
            place = _place_of(full) or _place_of(name)
            yield _mention(article, span, "place", run.sentence, place=place)
            return
        if len(words) > 1 and words[-1].lower in _FEATURES | _REGION_WORDS:
            place = _place_of(name) or _place_of(" ".join(t.bare for t in words[:-1]))
            yield _mention(article, words, "place", run.sentence, place=place)
            return
        if len(words) == 1:
            yield from self._single(article, run, words[0], before, titled, mid, people)
            return
        shouting = all(t.bare.isupper() for t in words)
        # "Taras Shevchenko, the Foreign Minister, ...": a name followed by an appositive
        # role is a person, even when each of its words is also some town's name
        titled = titled or (
            not run.headline and _role_after(article.text, words[-1].end) is not None
        )
        if not titled:
            place = _place_of(name)
            if place is not None:
                yield _mention(article, words, "place", run.sentence, place=place)
                return
            proper = [t for t in words if t.text.lower() not in _PARTICLES]
            singles = [_place_of(t.bare) for t in proper]
            common = any(t.lower in lower or _placeish(t.bare) for t in proper)
            if all(singles) or run.headline or shouting or common or len(proper) > 4:
                # "Moscow Kiev", or a Title Case headline: only known words count
                for t, p in zip(proper, singles, strict=True):
                    if fold_token(t.bare) in people:
                        yield from self._single(article, run, t, None, False, mid, people)
                    elif p is not None:
                        yield _mention(article, (t,), "place", run.sentence, place=p)
                    elif t.bare in mid:
                        yield from self._single(article, run, t, None, False, mid, people)
                return
        surname = fold_token(_name_words(name)[-1])
        people.setdefault(surname, fold(name))
        yield _person(article, words, run.sentence)

    def _single(
        self,
        article: Article,
        run: _Run,
        tok: _Tok,
        before: _Tok | None,
        titled: bool,
        mid: set[str],
        people: dict[str, str],
    ) -> Iterator[Mention]:
        bare = tok.bare
        key = fold_token(bare)
        if titled and (demonym_place(bare) is not None or _place_of(bare) is not None):
            titled = False
        if titled or key in people:
            if titled:
                people.setdefault(key, key)
            yield _person(article, (tok,), run.sentence)
            return
        if bare.endswith("s") and fold_token(bare[:-1]) in people:
            yield _person(article, (tok,), run.sentence)
            return
        initial = run.initial and run.toks[0] is tok
        place = _place_of(bare)
        name = _without_glued_s(bare) if place is not None else bare
        if place is not None and (
            not initial or bare in mid or place.population >= 100_000 or place.kind != "city"
        ):
            yield _mention(article, (tok,), "place", run.sentence, place=place, name=name)
            return
        if demonym_place(bare) is not None:
            yield _mention(article, (tok,), "demonym", run.sentence)
            return
        if run.headline:
            return
        if (
            not initial
            and tok.text == bare
            and _PLACE_CUE.search(article.text, max(0, tok.start - 30), tok.start)
        ):
            # "the village of Borodyanka", "near Borodyanka", "in eastern Donbas": a place
            # the gazetteer lacks
            yield _mention(article, (tok,), "place", run.sentence)
            return
        # An unknown single capitalised word: left out. (Bare surnames of people never
        # named in full are indistinguishable from other capitalised words without a model.)


def _placeish(word: str) -> bool:
    """Tell whether a word (or every part of a hyphenated one) names a country or region.

    Cities are not enough: many given names are also cities (Vladimir, Valeria, Taraz).
    """
    parts = [p for p in re.split(r"[\-‐‑]", word) if p]
    for part in parts:
        place = _place_of(part)
        if place is None or place.kind == "city":
            return False
    return bool(parts)


def _without_glued_s(name: str) -> str:
    """'Ukraines' -> 'Ukraine' when only the form without the s is a known place."""
    from discrep._gazetteer import places_named

    if (
        len(name) > 4
        and name.endswith("s")
        and not places_named(name, exact=True)
        and places_named(name[:-1], exact=True)
    ):
        return name[:-1]
    return name


def _mention(
    article: Article,
    toks: tuple[_Tok, ...],
    kind: MentionKind,
    sentence: int,
    *,
    place: Place | None = None,
    name: str | None = None,
) -> Mention:
    start, end = toks[0].start, toks[-1].end
    if kind == "demonym":
        dp = demonym_place(toks[0].bare)
        place = dp
    return Mention(
        source=article.source,
        start=start,
        end=end,
        text=article.text[start:end],
        kind=kind,
        name=name if name is not None else " ".join(t.bare for t in toks),
        sentence=sentence,
        place_id=place.id if place is not None else None,
    )


def _extend_org(
    article: Article, words: tuple[_Tok, ...], toks: list[_Tok], idx: int, sentence: int
) -> Mention:
    """Organisation names take 'of'/'for' + capitalised words ('Ministry of Internal Affairs')."""
    text = article.text
    end = idx + len(words)
    span = list(words)
    while end + 1 < len(toks) and toks[end].text in ("of", "for", "on") and toks[end + 1].cap:
        nxt = end + 1
        while (
            nxt < len(toks)
            and toks[nxt].cap
            and toks[nxt].lower not in _STOP
            and (re.fullmatch(r"[ \t]{1,3}", _gap(text, toks[nxt - 1], toks[nxt])) is not None)
        ):
            span.append(toks[nxt])
            nxt += 1
            if toks[nxt - 1].text != toks[nxt - 1].bare:
                break
        if nxt == end + 1:
            break
        end = nxt
    return _mention(article, tuple(span), "organisation", sentence)


# --- people and roles ----------------------------------------------------------------------

def _person(article: Article, words: tuple[_Tok, ...], sentence: int) -> Mention:
    m = _mention(article, words, "person", sentence)
    role = _role_before(article.text, m.start)
    if role is None:
        role = _role_after(article.text, m.end)
    if role is None:
        role = _appositive_before(article.text, m.start)
    if role is None:
        return m
    return attrs.evolve(
        m, role=article.text[role[0] : role[1]], role_start=role[0], role_end=role[1]
    )


_PRE_WORD = re.compile(r"([A-Za-z\u00c0-\u024f][\w\-]{0,30}(?:['’]s|(?<=s)['’])?)\s{1,3}$")


def _role_word_kind(word: str) -> str | None:
    low = strip_possessive(word).lower()
    if low in _HONORIFICS:
        return "honorific"
    if low in _ROLE_HEADS:
        return "head"
    if low in _ROLE_MODIFIERS and low not in ("the", "and", "of", "to", "in", "for"):
        return "modifier"
    if word[:1].isupper() and low not in _STOP:
        # a place, demonym or institution qualifying the role ("Kremlin", "Ukraine's")
        return "qualifier"
    return None


def _role_before(text: str, start: int) -> tuple[int, int] | None:
    """'Ukrainian Defence minister Oleksii Reznikov' -> the span 'Ukrainian Defence minister'."""
    pos = start
    words: list[tuple[int, int, str]] = []
    connector_pending = False
    while len(words) < 8:
        m = _PRE_WORD.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        word = m.group(1)
        kind = _role_word_kind(word)
        if word.lower() == "and" and any(k == "head" for _, _, k in words):
            connector_pending = True
            pos = m.start(1)
            continue
        if kind is None:
            break
        if connector_pending and kind != "head":
            break
        connector_pending = False
        if kind == "honorific":
            if not words:
                return None  # "Mr. Zelensky": a form of address, not a role
            break
        words.append((m.start(1), m.end(1), kind))
        pos = m.start(1)
        if word != strip_possessive(word):
            break  # "Ukraine's President": the possessive opens the role
    if not any(k == "head" for _, _, k in words):
        return None
    # the role runs from the earliest kept word to the word nearest the name
    first, last = words[-1][0], words[0][1]
    return first, last


_AFTER = re.compile(r",\s{1,3}(?:(?:a|an|the)\s{1,3})?")
_CLAUSE_END = re.compile(r"[,;:.()\"“”!?\n]|\b(?:who|which|that|said|says|told|and)\b")


def _role_after(text: str, end: int) -> tuple[int, int] | None:
    """'Mykhailo Podolyak, an adviser to ...,' -> 'adviser to ...'."""
    m = _AFTER.match(text, end)
    if m is None:
        return None
    start = m.end()
    has_article = m.group().rstrip()[-1:].isalpha()
    stop = _CLAUSE_END.search(text, start, start + 120)
    if stop is None:
        return None
    phrase = text[start : stop.start()]
    words = phrase.split()
    if not words or len(words) > 12:
        return None
    first = words[0]
    if not has_article and _role_word_kind(first) is None:
        return None
    if first.lower() in _STOP:
        return None
    if not any(strip_possessive(w).lower() in _ROLE_HEADS for w in words[:4]):
        return None
    return start, start + len(phrase.rstrip())


_BEFORE_COMMA = re.compile(r",\s{1,3}$")
_CLAUSE_START = re.compile(r"[,;:.()\"“”!?\n]")


def _appositive_before(text: str, start: int) -> tuple[int, int] | None:
    """Find the role in 'the Ukrainian minister of defense, Oleksii Reznikov'."""
    m = _BEFORE_COMMA.search(text, max(0, start - 5), start)
    if m is None:
        return None
    end = m.start()
    lo = max(0, end - 120)
    window = text[lo:end]
    cut = max((x.end() for x in _CLAUSE_START.finditer(window)), default=0)
    phrase_start = lo + cut
    phrase = text[phrase_start:end]
    art = None
    for a in re.finditer(r"(?i)\b(?:the|a|an)\s{1,3}", phrase):
        following = phrase[a.end() :].split()[:3]
        if any(strip_possessive(w).lower() in _ROLE_HEADS for w in following):
            art = a
            break
    if art is not None:
        begin = phrase_start + art.end()
    else:
        poss = re.search(r"[A-Z][\w\-]{1,30}['’]s?\s{1,3}", phrase)
        if poss is None or not re.search(r"['’]", poss.group()):
            return None
        begin = phrase_start + poss.start()
    words = text[begin:end].split()
    if not words or len(words) > 10:
        return None
    if not any(strip_possessive(w).lower() in _ROLE_HEADS for w in words):
        return None
    return begin, end


def _with_local_keys(mentions: list[Mention], people: dict[str, str]) -> Iterator[Mention]:
    """Tie bare surnames to the full name the same article gives.

    A full name is its own key; a bare surname takes the key of the latest full name with
    that surname before it (so "Chris Weitz ... Paul Weitz ... Weitz" ties the last to
    Paul), or of the first one the article gives when none precedes it.
    """
    source = mentions[0].source if mentions else ""
    latest: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person":
            yield m
            continue
        words = _name_words(m.name)
        key = fold_token(words[-1]) if words else ""
        if len(words) > 1:
            full = fold(m.name)
            latest[key] = full
        else:
            full = latest.get(key) or people.get(key) or ""
            if not full and key.endswith("s"):
                full = latest.get(key[:-1]) or people.get(key[:-1]) or ""
        yield attrs.evolve(m, local_key=f"{source}#{full or fold(m.name)}")


#: Generational suffixes that follow a surname ("Nick J. Rahall II").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_words(name: str) -> list[str]:
    """Return the words of a name without a generational suffix."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    return words


def _backends() -> dict[str, MentionExtractor]:
    """Return the available extractors; optional backends register here when installed."""
    return {"rules": RuleExtractor()}


def extract_mentions(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[Mention, ...]:
    """Return the named mentions in the non-junk sentences of ``article``.

    >>> from discrep._segment import segment
    >>> text = "Mr. Zelensky spoke to Belarusian President Alexander Lukashenko."
    >>> [(m.text, m.kind) for m in extract_mentions(Article(text), segment(text), Config())]
    [('Zelensky', 'person'), ('Belarusian', 'demonym'), ('Alexander Lukashenko', 'person')]
    """
    backends = _backends()
    backend = backends.get(config.names.backend)
    if backend is None:
        raise ValueError(
            f"unknown names backend {config.names.backend!r}; choose from {sorted(backends)}"
        )
    return backend(article, sentences, config)
