"""Name variants by script, each built from real romanisation systems (issue 11, class 10).

Every name below is a real public figure or place, written once in its own script (or,
for Arabic and Persian, whose script leaves short vowels out, in the scholarly
transcription the standards start from), and romanised by the published systems that
English, French and German texts use. None is a person or place of the seed or dev
articles. The tables, and where they come from:

* **Chinese**: pypinyin's pinyin and Wade-Giles styles (the Library of Congress
  conversion table); Wade-Giles written with its given name hyphenated, with and without
  its apostrophes ("Teng Hsiao-p'ing", "Teng Hsiao-ping"), as the press wrote it.
* **Belarusian**: the national system of 2007 (Instruction on the transliteration of
  Belarusian geographical names, adopted by the UN in 2007), BGN/PCGN 1979, the passport
  practice (ICAO Doc 9303) and ALA-LC, applied letter by letter to the Cyrillic.
* **Arabic**: DIN 31635 (the transcription the names are written in here, with ISO 233's
  ``ẗ`` for tāʾ marbūṭa), and from it ALA-LC, BGN/PCGN 1956 and the French "transcription
  usuelle" (dj, ch, ou), each with its rule for the article (assimilated or not, hyphen or
  space) and tāʾ marbūṭa (-a, -ah).
* **Persian**: the DIN 31635 transcription (e and o for the short vowels, as the UN 2012
  system), BGN/PCGN 1958, ALA-LC (i and u for the short vowels, aw and ay) and the French
  usage (ch, j, tch, ou).
* **Russian in German and French**: Duden's German transcription (sch, tsch, w, z, j),
  iuliia's French passport scheme (MVD 310 FR) and translitua's Ukrainian German and
  French tables, against the English BGN/PCGN form.

>>> sorted(romanised(SCRIPT_NAMES["chinese"][0]))
['Mao Tse-tung', 'Mao Zedong']
"""

from __future__ import annotations

import re
from functools import cache

import attrs
from hypothesis import strategies as st

from discrep.testing.names import LinkScore, score_linking

__all__ = [
    "SCRIPT_CONFUSABLES",
    "SCRIPT_NAMES",
    "ScriptName",
    "measure_script_linking",
    "romanised",
    "script_confusable_pairs",
    "script_variant_pairs",
]


@attrs.frozen
class ScriptName:
    """A real name in one script (or a standard transcription of it)."""

    key: str
    kind: str  # "person" | "place"
    written: str  # Chinese characters, Cyrillic, or DIN 31635 transcription
    script: str


def _names(script: str, kind: str, pairs: str) -> tuple[ScriptName, ...]:
    out = []
    for line in pairs.strip().splitlines():
        key, written = line.split("=", 1)
        out.append(ScriptName(key.strip(), kind, written.strip(), script))
    return tuple(out)


SCRIPT_NAMES: dict[str, tuple[ScriptName, ...]] = {
    "chinese": _names("chinese", "person", """
        mao-zedong = 毛泽东
        deng-xiaoping = 邓小平
        jiang-zemin = 江泽民
        hu-jintao = 胡锦涛
        xi-jinping = 习近平
        li-keqiang = 李克强
        li-peng = 李鹏
        wen-jiabao = 温家宝
        zhu-rongji = 朱镕基
        liu-shaoqi = 刘少奇
        zhao-ziyang = 赵紫阳
        zhou-yongkang = 周永康
        hu-yaobang = 胡耀邦
        lin-biao = 林彪
        qian-qichen = 钱其琛
        yang-jiechi = 杨洁篪
        wang-qishan = 王岐山
        """) + _names("chinese", "place", """
        chongqing = 重庆
        guangzhou = 广州
        tianjin = 天津
        qingdao = 青岛
        chengdu = 成都
        shenzhen = 深圳
        nanjing = 南京
        hangzhou = 杭州
        """),
    "belarusian": _names("belarusian", "person", """
        lukashenka = Аляксандр Лукашэнка
        tsikhanouskaya = Святлана Ціханоўская
        tsikhanouski = Сяргей Ціханоўскі
        kalesnikava = Марыя Калеснікава
        babaryka = Віктар Бабарыка
        tsapkala = Валерый Цапкала
        pazniak = Зянон Пазняк
        shushkevich = Станіслаў Шушкевіч
        bialiatski = Алесь Бяляцкі
        latushka = Павел Латушка
        makei = Уладзімір Макей
        statkevich = Мікола Статкевіч
        """) + _names("belarusian", "place", """
        homel = Гомель
        mahiliou = Магілёў
        viciebsk = Віцебск
        hrodna = Гродна
        babruisk = Бабруйск
        barysau = Барысаў
        maladziechna = Маладзечна
        navapolatsk = Наваполацк
        polatsk = Полацк
        salihorsk = Салігорск
        baranavichy = Баранавічы
        """),
    "arabic": _names("arabic", "person", """
        mursi = Muḥammad Mursī
        mubarak = Ḥusnī Mubārak
        sisi = ʿAbd al-Fattāḥ as-Sīsī
        nasir = Ǧamāl ʿAbd an-Nāṣir
        qaddafi = Muʿammar al-Qaḏḏāfī
        bashar-asad = Bašār al-Asad
        hafiz-asad = Ḥāfiẓ al-Asad
        saddam = Ṣaddām Ḥusain
        maliki = Nūrī al-Mālikī
        arafat = Yāsir ʿArafāt
        abbas = Maḥmūd ʿAbbās
        haniyya = Ismāʿīl Haniyyaẗ
        nasrallah = Ḥasan Naṣrallāh
        zawahiri = Aiman aẓ-Ẓawāhirī
        saad-hariri = Saʿd al-Ḥarīrī
        rafiq-hariri = Rafīq al-Ḥarīrī
        mashal = Ḫālid Mašʿal
        """) + _names("arabic", "place", """
        baghdad = Baġdād
        mosul = al-Mawṣil
        damascus = Dimašq
        homs = Ḥimṣ
        hama = Ḥamāẗ
        benghazi = Banġāzī
        najaf = an-Naǧaf
        fallujah = al-Fallūǧaẗ
        riyadh = ar-Riyāḍ
        jeddah = Ǧiddaẗ
        raqqa = ar-Raqqaẗ
        """),
    "persian": _names("persian", "person", """
        ahmadinezhad = Maḥmūd Aḥmadīnežād
        rowhani = Ḥasan Rowḥānī
        khamenei = ʿAlī Ḫāmeneʾī
        khatami = Moḥammad Ḫātamī
        rafsanjani = Akbar Hāšemī Rafsanǧānī
        raisi = Ebrāhīm Raʾīsī
        zarif = Moḥammad Ǧavād Ẓarīf
        musavi = Mīr-Ḥoseyn Mūsavī
        karrubi = Mehdī Karrūbī
        soleymani = Qāsem Soleymānī
        """) + _names("persian", "place", """
        tehran = Tehrān
        esfahan = Eṣfahān
        shiraz = Šīrāz
        tabriz = Tabrīz
        mashhad = Mašhad
        qom = Qom
        karaj = Karaǧ
        ahvaz = Ahvāz
        kermanshah = Kermānšāh
        kerman = Kermān
        hamadan = Hamadān
        zahedan = Zāhedān
        """),
    "german-french": _names("german-french", "person", """
        navalny = Алексей Навальный
        shoigu = Сергей Шойгу
        zhirinovsky = Владимир Жириновский
        khodorkovsky = Михаил Ходорковский
        shchekochikhin = Юрий Щекочихин
        chubais = Анатолий Чубайс
        tsiolkovsky = Константин Циолковский
        yeltsin = Борис Ельцин
        gorbachev = Михаил Горбачёв
        khrushchev = Никита Хрущёв
        solzhenitsyn = Александр Солженицын
        tchaikovsky = Пётр Чайковский
        """) + _names("german-french", "place", """
        chelyabinsk = Челябинск
        yaroslavl = Ярославль
        nizhny = Нижний Новгород
        cherepovets = Череповец
        khabarovsk = Хабаровск
        zhukovsky = Жуковский
        """),
}

#: Different people or places whose names look alike in one script: they must stay apart.
SCRIPT_CONFUSABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "chinese": (("li-keqiang", "li-peng"), ("hu-jintao", "hu-yaobang"),
                ("jiang-zemin", "xi-jinping"), ("qingdao", "chongqing")),
    "belarusian": (("tsikhanouskaya", "tsikhanouski"), ("polatsk", "navapolatsk"),
                   ("lukashenka", "latushka"), ("babruisk", "barysau")),
    "arabic": (("bashar-asad", "hafiz-asad"), ("saad-hariri", "rafiq-hariri"),
               ("homs", "hama"), ("mursi", "mubarak")),
    "persian": (("kermanshah", "kerman"), ("khatami", "khamenei"), ("tehran", "zahedan")),
    "german-french": (("khodorkovsky", "zhukovsky"), ("khrushchev", "gorbachev"),
                      ("chelyabinsk", "yaroslavl")),
}


# --- Chinese: pypinyin ----------------------------------------------------------------------


def _chinese(name: ScriptName) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    def written(style: Style, hyphen: str) -> str:
        syllables: list[str] = [s.capitalize() for s in lazy_pinyin(name.written, style=style)]
        if name.kind == "place":
            return hyphen.join(syllables).capitalize()
        return syllables[0] + " " + hyphen.join(syllables[1:]).capitalize()

    pinyin = written(Style.NORMAL, "")
    wade = written(Style.WADEGILES, "-")
    return [pinyin, wade, wade.replace("'", ""), wade.replace("'", "’")]


# --- Belarusian: letter tables ---------------------------------------------------------------

_BE_COMMON = dict(zip("абвгдзклмнопрстуфыэ", "abvhdzklmnoprstufye", strict=True))
_BE_TABLES: dict[str, dict[str, str]] = {
    # national 2007 (UN 2007): е ё ю я are je jo ju ja after a vowel or word start, ie io iu
    # ia after a consonant (marked by the "soft" entries)
    "national": {**_BE_COMMON, "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ў": "ŭ",
                 "й": "j", "і": "i", "ь": "", "'": "", "е": "je|ie", "ё": "jo|io",
                 "ю": "ju|iu", "я": "ja|ia", "ґ": "g", "э": "e"},
    "bgn": {**_BE_COMMON, "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ў": "w",
            "й": "y", "і": "i", "ь": "", "'": "", "е": "ye|ye", "ё": "yo|yo", "ю": "yu|yu",
            "я": "ya|ya", "ґ": "g", "э": "e"},
    "passport": {**_BE_COMMON, "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                 "ў": "u", "й": "i", "і": "i", "ь": "", "'": "", "е": "e|ie", "ё": "e|io",
                 "ю": "iu|iu", "я": "ia|ia", "ґ": "g", "э": "e"},
    "ala-lc": {**_BE_COMMON, "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ў": "ŭ",
               "й": "ĭ", "і": "i", "ь": "", "'": "", "е": "e|e", "ё": "ë|ë", "ю": "iu|iu",
               "я": "ia|ia", "ґ": "g", "э": "ė"},
}
_CYR_VOWELS = frozenset("аеёіоуыэюяaeiou")


def _cyrillic(text: str, table: dict[str, str]) -> str:
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        repl = table.get(low)
        if repl is None:
            out.append(ch)
            prev = ""
            continue
        if "|" in repl:
            after_vowel, after_consonant = repl.split("|")
            consonant = prev.isalpha() and prev not in _CYR_VOWELS and prev not in "ьй'ў"
            repl = after_consonant if consonant else after_vowel
        out.append(repl.capitalize() if ch.isupper() else repl)
        prev = low
    return "".join(out)


# --- Russian: Duden's German transcription --------------------------------------------------

_DUDEN = {**dict(zip("абгдзиклмнопрстуфэ", "abgdsiklmnoprstufe", strict=True)),
          "в": "w", "е": "je|e", "ё": "jo|jo", "ж": "sch", "й": "i", "х": "ch", "ц": "z",
          "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "ю": "ju|ju",
          "я": "ja|ja"}


def _duden(text: str) -> str:
    # й is j at the end of a word (Sergej, Juri) and before a vowel; s between vowels is ss
    text = re.sub(r"й(?=\b|[аеёиоуыэюя])", "j", text)
    german = _cyrillic(text.replace("кс", "x"), {**_DUDEN, "j": "j", "x": "x"})
    return re.sub(r"(?<=[aeiouy])s(?=[aeiouy])", "ss", german)


# --- Arabic and Persian: from DIN 31635 ------------------------------------------------------

_SUN = "tṯdḏrzsšṣḍṭẓln"
_DIN_ARTICLE = re.compile(rf"\b([aA])([{_SUN}])-(?=[{_SUN.upper()}{_SUN}])|\b([aA])l-")


def _article(text: str, assimilate: bool, joiner: str, word: str = "al") -> str:
    """Write the article: 'an-Nāṣir' kept, or as 'al-Nāṣir', with a hyphen or a space."""
    def repl(m: re.Match[str]) -> str:
        if m.group(2) and assimilate:
            return m.group(1) + m.group(2) + joiner
        cap = (m.group(1) or m.group(3) or "a").isupper()
        art = word.capitalize() if cap else word
        return art + joiner
    return _DIN_ARTICLE.sub(repl, text)


def _letters(text: str, table: dict[str, str]) -> str:
    out = []
    for ch in text:
        repl = table.get(ch)
        if repl is None and ch.lower() in table and ch.isupper():
            repl = table[ch.lower()].capitalize()
        out.append(ch if repl is None else repl)
    return "".join(out)


_DIN_STRIP = {"ā": "a", "ī": "i", "ū": "u", "ḥ": "h", "ṣ": "s", "ḍ": "d", "ṭ": "t",
              "ẓ": "z", "ʾ": "", "ē": "e", "ō": "o"}
_AR_TABLES: dict[str, tuple[dict[str, str], bool, str, str, str]] = {
    # letters, assimilated article, article joiner, article, tāʾ marbūṭa
    "ala-lc": ({**_DIN_STRIP, "ǧ": "j", "ḫ": "kh", "ḏ": "dh", "ṯ": "th", "š": "sh",
                "ġ": "gh", "ʿ": "ʻ"}, False, "-", "al", "ah"),
    "bgn-pcgn": ({**_DIN_STRIP, "ǧ": "j", "ḫ": "kh", "ḏ": "dh", "ṯ": "th", "š": "sh",
                  "ġ": "gh", "ʿ": "'"}, True, " ", "al", "ah"),
    "french": ({**_DIN_STRIP, "ǧ": "dj", "ḫ": "kh", "ḏ": "dh", "ṯ": "th", "š": "ch",
                "ġ": "gh", "ʿ": "", "u": "ou", "ū": "ou", "q": "k"}, False, "-", "el", "a"),
}
_FA_TABLES: dict[str, tuple[dict[str, str], bool, str, str, str]] = {
    "bgn-pcgn": ({**_DIN_STRIP, "ǧ": "j", "ḫ": "kh", "š": "sh", "ž": "zh", "č": "ch",
                  "ġ": "gh", "ʿ": "'"}, True, "-", "al", "eh"),
    "ala-lc": ({**_DIN_STRIP, "ǧ": "j", "ḫ": "kh", "š": "sh", "ž": "zh", "č": "ch",
                "ġ": "gh", "ʿ": "ʻ", "e": "i", "o": "u", "ow": "aw", "ey": "ay"},
               False, "-", "al", "ih"),
    "french": ({**_DIN_STRIP, "ǧ": "dj", "ḫ": "kh", "š": "ch", "ž": "j", "č": "tch",
                "ġ": "gh", "ʿ": "", "ū": "ou", "u": "ou"}, False, "-", "al", "eh"),
}


_Table = tuple[dict[str, str], bool, str, str, str]


def _din(name: ScriptName, tables: dict[str, _Table]) -> list[str]:
    out = [name.written.replace("ẗ", "")]
    for letters, assimilate, joiner, article, marbuta in tables.values():
        text = name.written.replace("ẗ", marbuta[1:])  # the a is already written
        text = _article(text, assimilate, joiner, article)
        for cluster in ("ow", "ey"):  # diphthongs before single letters
            if cluster in letters:
                text = text.replace(cluster, letters[cluster])
        out.append(_letters(text, letters))
    return out


@cache
def romanised(name: ScriptName) -> tuple[str, ...]:
    """Return every distinct romanisation of ``name`` by the systems of its script."""
    if name.script == "chinese":
        forms = _chinese(name)
    elif name.script == "belarusian":
        forms = [_cyrillic(name.written, t) for t in _BE_TABLES.values()]
    elif name.script == "arabic":
        forms = _din(name, _AR_TABLES)
    elif name.script == "persian":
        forms = _din(name, _FA_TABLES)
    else:
        import iuliia
        import translitua

        # iuliia leaves ё in a few schemes: written е first, as outlets do
        plain = name.written.replace("ё", "е")
        forms = [
            iuliia.BGN_PCGN.translate(plain),
            translitua.translit(plain, translitua.RussianSimple),
            _duden(name.written),
            iuliia.MVD_310_FR.translate(plain),
        ]
    return tuple(dict.fromkeys(" ".join(f.split()) for f in forms))


def script_variant_pairs(script: str) -> st.SearchStrategy[tuple[str, str, str]]:
    """Draw ``(kind, a, b)``: two romanisations of one real name of ``script``."""
    return st.sampled_from(SCRIPT_NAMES[script]).flatmap(
        lambda n: st.tuples(
            st.just(n.kind), st.sampled_from(romanised(n)), st.sampled_from(romanised(n))
        )
    )


def script_confusable_pairs(script: str) -> st.SearchStrategy[tuple[str, str, str]]:
    """Draw ``(kind, a, b)``: romanisations of two look-alike different names of ``script``."""
    by_key = {n.key: n for n in SCRIPT_NAMES[script]}
    return st.sampled_from(SCRIPT_CONFUSABLES[script]).flatmap(
        lambda pair: st.tuples(
            st.just(by_key[pair[0]].kind),
            st.sampled_from(romanised(by_key[pair[0]])),
            st.sampled_from(romanised(by_key[pair[1]])),
        )
    )


def measure_script_linking(script: str) -> LinkScore:
    """Link every romanisation of every name of ``script`` and score it pairwise.

    >>> measure_script_linking("chinese").mentions > 50
    True
    """
    return score_linking([(n.key, n.kind, romanised(n)) for n in SCRIPT_NAMES[script]])
