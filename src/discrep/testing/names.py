"""Hypothesis strategies for names romanised by real transliteration tables.

A list of real Cyrillic names (Ukrainian form and, where it differs, Russian form) is
romanised with the official and common tables of translitua (Ukrainian and Russian) and
the Russian schemes of iuliia. Every romanisation of one name must link; names chosen to
look alike (same given name, -enko/-sky/-ov surnames, Mykolaiv/Mykolaivka-type places)
must stay apart.

Only the tables that news outlets actually use are taken: the scholarly ones that write
х as "x", ц as "c" or "cz", or ш as plain "s" (ISO 9, GOST 7.79, WWS, DSTU 9112,
Telegram) are left out, because no outlet writes names that way.

>>> from hypothesis import find
>>> kind, a, b = find(variant_pairs(), lambda p: p[0] == "person" and p[1] != p[2])
>>> kind
'person'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import attrs
from hypothesis import strategies as st

if TYPE_CHECKING:
    from discrep._gazetteer import PlaceRules
    from discrep._model import Extraction

__all__ = [
    "CONFUSABLES",
    "NAMES",
    "LinkScore",
    "RealName",
    "confusable_pairs",
    "measure_linking",
    "names",
    "romanisations",
    "score_linking",
    "variant_pairs",
]


@attrs.frozen
class RealName:
    """A real name in Cyrillic: Ukrainian form and, if it differs, Russian form."""

    key: str
    kind: str  # "person" | "place"
    uk: str
    ru: str | None = None


def _p(key: str, uk: str, ru: str | None = None) -> RealName:
    return RealName(key, "person", uk, ru)


def _pl(key: str, uk: str, ru: str | None = None) -> RealName:
    return RealName(key, "place", uk, ru)


#: Real names: politicians, officials and public figures; cities and towns. None of them
#: is a person or place of the seed articles, so that nothing tuned on the seeds can pass
#: these tests by memory.
NAMES: tuple[RealName, ...] = (
    _p("honcharenko", "Олексій Гончаренко", "Алексей Гончаренко"),
    _p("lutsenko", "Юрій Луценко", "Юрий Луценко"),
    _p("klimkin", "Павло Клімкін", "Павел Климкин"),
    _p("razumkov", "Дмитро Разумков", "Дмитрий Разумков"),
    _p("riabkov", "Сергій Рябков", "Сергей Рябков"),
    _p("navalnyi", "Олексій Навальний", "Алексей Навальный"),
    _p("mishustin", "Михайло Мішустін", "Михаил Мишустин"),
    _p("zhyrynovskyi", "Володимир Жириновський", "Владимир Жириновский"),
    _p("vynnychenko", "Володимир Винниченко", "Владимир Винниченко"),
    _p("pavlovskyi", "Гліб Павловський", "Глеб Павловский"),
    _p("patrushev", "Микола Патрушев", "Николай Патрушев"),
    _p("kyriienko", "Сергій Кирієнко", "Сергей Кириенко"),
    _p("kovalenko", "Олександр Коваленко", "Александр Коваленко"),
    _p("matviienko", "Валентина Матвієнко", "Валентина Матвиенко"),
    _p("bondarenko", "Михайло Бондаренко", "Михаил Бондаренко"),
    _p("bondarev", "Михайло Бондарев", "Михаил Бондарев"),
    _p("terekhov", "Ігор Терехов", "Игорь Терехов"),
    _p("tymoshenko", "Юлія Тимошенко", "Юлия Тимошенко"),
    _p("poroshenko", "Петро Порошенко", "Пётр Порошенко"),
    _p("yermak", "Андрій Єрмак", "Андрей Ермак"),
    _p("shmyhal", "Денис Шмигаль", "Денис Шмыгаль"),
    _p("vereshchuk", "Ірина Верещук", "Ирина Верещук"),
    _p("danilov", "Олексій Данілов", "Алексей Данилов"),
    _p("zaluzhnyi", "Валерій Залужний", "Валерий Залужный"),
    _p("budanov", "Кирило Буданов", "Кирилл Буданов"),
    _p("shoihu", "Сергій Шойгу", "Сергей Шойгу"),
    _p("zakharova", "Марія Захарова", "Мария Захарова"),
    _p("kadyrov", "Рамзан Кадиров", "Рамзан Кадыров"),
    _p("fedorov", "Михайло Федоров", "Михаил Фёдоров"),
    _p("medvedev", "Дмитро Медведєв", "Дмитрий Медведев"),
    _p("yanukovych", "Віктор Янукович", "Виктор Янукович"),
    _p("yatseniuk", "Арсеній Яценюк", "Арсений Яценюк"),
    _p("tymchenko", "Юлія Тимченко", "Юлия Тимченко"),
    _p("prokopenko", "Петро Прокопенко", "Пётр Прокопенко"),
    _p("kravchenko", "Андрій Кравченко", "Андрей Кравченко"),
    _p("kyrylenko", "Андрій Кириленко", "Андрей Кириленко"),
    _p("shevchenko", "Тарас Шевченко", "Тарас Шевченко"),
    _p("savchenko", "Надія Савченко", "Надежда Савченко"),
    _p("levchenko", "Олег Левченко", "Олег Левченко"),
    _p("lytvynenko", "Олег Литвиненко", "Олег Литвиненко"),
    _p("smyrnov", "Сергій Смирнов", "Сергей Смирнов"),
    _p("symonov", "Сергій Симонов", "Сергей Симонов"),
    _p("fedotov", "Михайло Федотов", "Михаил Федотов"),
    _p("ivanov", "Сергій Іванов", "Сергей Иванов"),
    _p("ivanenko", "Сергій Іваненко", "Сергей Иваненко"),
    _p("petrov", "Олександр Петров", "Александр Петров"),
    _p("petrenko", "Олександр Петренко", "Александр Петренко"),
    _p("morozov", "Ігор Морозов", "Игорь Морозов"),
    _p("kovalskyi", "Віктор Ковальський", "Виктор Ковальский"),
    _p("vyshnevskyi", "Віктор Вишневський", "Виктор Вишневский"),
    _pl("kramatorsk", "Краматорськ", "Краматорск"),
    _pl("kremenchuk", "Кременчук", "Кременчуг"),
    _pl("luhansk", "Луганськ", "Луганск"),
    _pl("lutsk", "Луцьк", "Луцк"),
    _pl("mykolaiv", "Миколаїв", "Николаев"),
    _pl("mykolaivka", "Миколаївка", "Николаевка"),
    _pl("cherkasy", "Черкаси", "Черкассы"),
    _pl("chernivtsi", "Чернівці", "Черновцы"),
    _pl("melitopol", "Мелітополь", "Мелитополь"),
    _pl("nikopol", "Нікополь", "Никополь"),
    _pl("izium", "Ізюм", "Изюм"),
    _pl("izmail", "Ізмаїл", "Измаил"),
    _pl("bakhmut", "Бахмут", "Бахмут"),
    _pl("bakhmach", "Бахмач", "Бахмач"),
    _pl("khmelnytskyi", "Хмельницький", "Хмельницкий"),
    _pl("khmilnyk", "Хмільник", "Хмельник"),
    _pl("vinnytsia", "Вінниця", "Винница"),
    _pl("ternopil", "Тернопіль", "Тернополь"),
    _pl("uzhhorod", "Ужгород", "Ужгород"),
    _pl("donetsk", "Донецьк", "Донецк"),
    _pl("bucha", "Буча", "Буча"),
    _pl("odesa", "Одеса", "Одесса"),
    _pl("poltava", "Полтава", "Полтава"),
)

#: Pairs of keys of different people or places that look alike and must stay apart.
CONFUSABLES: tuple[tuple[str, str], ...] = (
    ("zhyrynovskyi", "vynnychenko"),
    ("zhyrynovskyi", "pavlovskyi"),
    ("pavlovskyi", "kovalskyi"),
    ("vyshnevskyi", "pavlovskyi"),
    ("razumkov", "riabkov"),
    ("razumkov", "medvedev"),
    ("terekhov", "patrushev"),
    ("bondarenko", "bondarev"),
    ("kyriienko", "kovalenko"),
    ("honcharenko", "kovalenko"),
    ("matviienko", "kyrylenko"),
    ("tymoshenko", "tymchenko"),
    ("poroshenko", "prokopenko"),
    ("kravchenko", "kyrylenko"),
    ("shevchenko", "savchenko"),
    ("levchenko", "lytvynenko"),
    ("smyrnov", "symonov"),
    ("fedorov", "fedotov"),
    ("ivanov", "ivanenko"),
    ("petrov", "petrenko"),
    ("kovalskyi", "vyshnevskyi"),
    ("luhansk", "lutsk"),
    ("mykolaiv", "mykolaivka"),
    ("kremenchuk", "kramatorsk"),
    ("cherkasy", "chernivtsi"),
    ("melitopol", "nikopol"),
    ("izium", "izmail"),
    ("bakhmut", "bakhmach"),
    ("khmelnytskyi", "khmilnyk"),
)

_UK_TABLES = (
    "UkrainianKMU",
    "UkrainianPassport2007",
    "UkrainianNational1996",
    "UkrainianBGN",
    "UkrainianALALCModified",
    "UkrainianSimple",
    "UkrainianBritish",
    "UkrainianGOST1971",
    "UkrainianFrench",
    "UkrainianGerman",
)
_RU_TABLES = (
    "RussianSimple",
    "RussianICAO",
    "RussianInternationalPassport1997",
    "RussianInternationalPassport1997Reduced",
    "RussianDriverLicense",
)
_RU_SCHEMES = (
    "WIKIPEDIA",
    "BGN_PCGN",
    "BS_2979_ALT",
    "ALA_LC_ALT",
    "ICAO_DOC_9303",
    "MVD_310",
    "MVD_310_FR",
    "MVD_782",
    "MOSMETRO",
    "YANDEX_MAPS",
    "YANDEX_MONEY",
    "GOST_52290",
)


@cache
def romanisations(name: RealName) -> tuple[str, ...]:
    """Return every distinct romanisation of ``name`` by the tables above.

    >>> sorted(romanisations(NAMES[0]))[:3]
    ['Aleksei Goncharenko', 'Aleksej Goncharenko', 'Aleksey Goncharenko']
    """
    import iuliia
    import translitua

    out: dict[str, None] = {}
    for table in _UK_TABLES:
        out[translitua.translit(name.uk, getattr(translitua, table))] = None
    ru = name.ru or name.uk
    for table in _RU_TABLES:
        out[translitua.translit(ru, getattr(translitua, table))] = None
    for scheme in _RU_SCHEMES:
        # iuliia leaves ё untouched in a few schemes; write it as е first, as outlets do
        out[getattr(iuliia, scheme).translate(ru.replace("ё", "е"))] = None
    return tuple(out)


def names() -> st.SearchStrategy[tuple[RealName, str]]:
    """Draw a real name and one of its romanisations."""
    return st.sampled_from(NAMES).flatmap(
        lambda n: st.tuples(st.just(n), st.sampled_from(romanisations(n)))
    )


def variant_pairs() -> st.SearchStrategy[tuple[str, str, str]]:
    """Draw ``(kind, a, b)``: two romanisations of one real name."""
    return st.sampled_from(NAMES).flatmap(
        lambda n: st.tuples(
            st.just(n.kind),
            st.sampled_from(romanisations(n)),
            st.sampled_from(romanisations(n)),
        )
    )


def confusable_pairs() -> st.SearchStrategy[tuple[str, str, str]]:
    """Draw ``(kind, a, b)``: romanisations of two different names that look alike."""
    by_key = {n.key: n for n in NAMES}
    return st.sampled_from(CONFUSABLES).flatmap(
        lambda pair: st.tuples(
            st.just(by_key[pair[0]].kind),
            st.sampled_from(romanisations(by_key[pair[0]])),
            st.sampled_from(romanisations(by_key[pair[1]])),
        )
    )


@attrs.frozen
class LinkScore:
    """Pairwise precision, recall and F1 of linking over the romanised name set."""

    precision: float
    recall: float
    f1: float
    mentions: int
    errors: tuple[str, ...] = ()


def measure_linking() -> LinkScore:
    """Link every romanisation of every name in :data:`NAMES` and score it pairwise.

    Each romanisation is a one-mention article, as an extractor would give it (places
    carry the gazetteer id their name resolves to); pairs of the same real name that land
    in one entity are true positives.
    """
    return score_linking([(n.key, n.kind, romanisations(n)) for n in NAMES])


def score_linking(groups: Sequence[tuple[str, str, Sequence[str]]]) -> LinkScore:
    """Link ``(key, kind, written forms)`` groups, each form a one-mention article.

    Pairwise precision, recall and F1 over the mentions; the errors list each entity
    that merged two keys and each key split over several entities.
    """
    from discrep._align.entities import link_entities
    from discrep._config import Config

    config = Config()
    extractions, truth = _one_mention_articles(groups, config.places)
    entities = link_entities(extractions, config)
    both: Counter[tuple[str, str]] = Counter()
    predicted: Counter[str] = Counter()
    parts: dict[str, list[list[str]]] = {}
    errors = []
    for ent in entities:
        keys = Counter(truth[m.source] for m in ent.mentions)
        predicted[ent.id] += len(ent.mentions)
        for key, n in keys.items():
            both[(ent.id, key)] += n
            parts.setdefault(key, []).append(
                [m.text for m in ent.mentions if truth[m.source] == key]
            )
        if len(keys) > 1:
            errors.append("merged: " + ", ".join(sorted({m.text for m in ent.mentions})))
    errors.extend(
        "split: " + " | ".join(", ".join(g) for g in found)
        for found in parts.values()
        if len(found) > 1
    )
    return _pairwise(both, predicted, Counter(truth.values()), len(extractions), errors)


def _one_mention_articles(
    groups: Sequence[tuple[str, str, Sequence[str]]], places: PlaceRules
) -> tuple[list[Extraction], dict[str, str]]:
    from discrep._gazetteer import lookup
    from discrep._model import Article, Extraction, Mention

    extractions = []
    truth: dict[str, str] = {}
    for key, kind, forms in groups:
        for i, written in enumerate(forms):
            source = f"{key}/{i}"
            place = lookup(written, places) if kind == "place" else None
            mention = Mention(
                source=source,
                start=0,
                end=len(written),
                text=written,
                kind="person" if kind == "person" else "place",
                name=written,
                place_id=place.id if place is not None else None,
            )
            extractions.append(
                Extraction(Article(written, source=source), (), mentions=(mention,))
            )
            truth[source] = key
    return extractions, truth


def _pairwise(
    both: Counter[tuple[str, str]],
    predicted: Counter[str],
    actual: Counter[str],
    mentions: int,
    errors: list[str],
) -> LinkScore:
    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in both.values())
    pp = sum(pairs(n) for n in predicted.values())
    ap = sum(pairs(n) for n in actual.values())
    precision = tp / pp if pp else 1.0
    recall = tp / ap if ap else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LinkScore(precision, recall, f1, mentions, tuple(errors))
