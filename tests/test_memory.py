"""What an extraction holds (issue 14: memory per article): offsets, not copies."""

from __future__ import annotations

import gc
import pickle

import attrs
import pytest

import discrep
from discrep import Article
from discrep._model import EXTRACTION_FORMAT, Sentence, Sentences, Statement

_TEXT = (
    "Harbour officials in Maravel said on Tuesday that 412 containers were lost. "
    "Port director Elena Quist said the storm had passed. "
    "Quist said the harbour would reopen on Friday."
)


def test_sentences_hold_the_article_text_not_copies() -> None:
    x = discrep.extract(Article(_TEXT, source="wire"))
    assert len(x.sentences) == 3
    for s in x.sentences:
        assert s.article_text is x.article.text
        assert s.text == x.article.text[s.start : s.end]
    second = "Port director Elena Quist said the storm had passed."
    assert x.sentences[1].text == second


def test_a_pickled_extraction_stores_each_sentence_once() -> None:
    x = discrep.extract(Article(_TEXT, source="wire"))
    sentence = x.sentences[0].text.encode()
    stored = pickle.dumps(x)
    assert stored.count(sentence) == 1  # in the article's text, not again in its sentence
    back = pickle.loads(stored)
    assert back == x
    assert [s.text for s in back.sentences] == [s.text for s in x.sentences]


def test_a_sentence_refuses_its_own_text_for_the_article_text() -> None:
    with pytest.raises(ValueError, match="whole text of its article"):
        Sentence(10, 20, _TEXT[10:20])
    assert Sentence(10, 20, _TEXT).text == _TEXT[10:20]  # control: the article's text


def test_extraction_of_the_previous_layout_is_refused() -> None:
    x = discrep.extract(Article("Kyiv is calm.", source="a"))
    assert not EXTRACTION_FORMAT.endswith("extraction 4")  # 4: sentences were objects
    old = attrs.evolve(x, format=EXTRACTION_FORMAT[: -1] + "4")
    with pytest.raises(discrep.ExtractionVersionError, match="extract the article"):
        discrep.compare([old, Article("Kiev is calm.", source="b")])


def test_a_name_written_as_named_is_one_string() -> None:
    x = discrep.extract(Article(_TEXT, source="wire"))
    same = [m for m in x.mentions if m.name == m.text]
    assert same
    assert all(m.name is m.text for m in same)


def test_a_name_written_otherwise_keeps_its_own_name() -> None:
    x = discrep.extract(Article("Elena Quist's ship sank, officials in Maravel said.", "a"))
    (quist,) = [m for m in x.mentions if m.kind == "person"]
    assert (quist.text, quist.name) == ("Elena Quist's", "Elena Quist")


def test_mentions_of_one_person_share_one_local_key() -> None:
    x = discrep.extract(Article(_TEXT, source="wire"))
    keys = [m.local_key for m in x.mentions if m.kind == "person"]
    assert len(keys) == 2
    assert keys[0] == keys[1]
    assert keys[0] is keys[1]


def test_repeated_names_of_an_article_share_their_strings() -> None:
    text = "Maravel's port is shut. Ships left Maravel on Tuesday. Maravel waits."
    x = discrep.extract(Article(text, source="a"))
    places = [m for m in x.mentions if m.name == "Maravel"]
    assert len(places) == 3
    assert places[2].text is places[1].text
    assert places[1].name is places[0].name  # "Maravel's" is named "Maravel" too
    assert places[0].text == "Maravel's"  # control: each keeps its own text and offsets
    assert [text[m.start : m.end] for m in places] == [m.text for m in places]


def test_per_article_records_have_no_weakref_slot_and_round_trip() -> None:
    # 8 bytes an instance, on tens of records per article (issue 14): nothing in the
    # library takes weak references to them.
    text = _TEXT + " Talks were held in Maravel on Monday."
    x = discrep.extract(Article(text, source="wire"))
    records = [x.sentences[0], x.mentions[0], x.quantities[0], x.times[0], x.events[0]]
    records += [t.point for t in x.times if t.point is not None][:1]
    assert len(records) == 6
    for r in records:
        assert not hasattr(r, "__weakref__"), type(r).__name__
    assert pickle.loads(pickle.dumps(x)) == x
    assert hasattr(x.article, "__weakref__")  # control: the article keeps its slot


def test_an_extraction_holds_its_sentences_as_offsets() -> None:
    x = discrep.extract(Article(_TEXT, source="wire"))
    assert isinstance(x.sentences, Sentences)
    # no Sentence object is kept: each is made when read (issue 14: ~2 KB an article)
    held = gc.get_referents(x.sentences)
    assert not [r for r in held if isinstance(r, (Sentence, tuple))]
    made = tuple(x.sentences)
    assert len(made) == 3
    assert all(isinstance(s, Sentence) for s in made)
    # control: they read as the tuple did, in every way the library and users read it
    assert x.sentences == made
    assert made == x.sentences.to_tuple()
    assert x.sentences[-1] == made[2]
    assert x.sentences[1:] == made[1:]
    assert [s.text for s in x.sentences] == [_TEXT[s.start : s.end] for s in made]
    assert list(x.sentences.spans()) == [(s.start, s.end, s.junk) for s in made]
    assert x.sentence_at(made[1].start + 3) == made[1]
    assert x.sentence_at(len(_TEXT) + 5) is None
    assert hash(x.sentences) == hash(made)
    with pytest.raises(IndexError):
        x.sentences[3]


def test_sentences_given_as_a_tuple_are_held_as_offsets() -> None:
    text = "Kyiv said. Talks end."
    given = (Sentence(0, 10, text), Sentence(11, 21, text, junk=True))
    x = discrep.Extraction(Article(text, source="a"), given)
    assert isinstance(x.sentences, Sentences)
    assert x.sentences == given
    assert x.sentences[1].junk
    assert x.sentences[0].article_text is text
    assert attrs.evolve(x, reference_from="x").sentences == given
    back = pickle.loads(pickle.dumps(x))
    assert back == x
    assert back.sentences == given
    with pytest.raises(ValueError, match="one article"):
        Sentences((Sentence(0, 4, text), Sentence(0, 4, "Kiev said.")))


def test_aligned_statements_hold_their_article_text_not_copies() -> None:
    fact = "Harbour officials said 412 containers were lost in the storm."
    a = Article("The port of Maravel is shut. " + fact, source="a")
    b = Article("Ships wait off Maravel. " + fact.replace(" in ", " during "), source="b")
    report = discrep.compare([a, b])
    (al,) = report.alignments
    texts = {x.source: x.text for x in report.articles}
    for st in al.statements:
        assert st.start > 0
        assert st.text == texts[st.source][st.start : st.end]
        held = [r for r in gc.get_referents(st) if isinstance(r, str)]
        # the article's own string and the source, no copy of the statement's text
        assert sorted(held, key=len) == [st.source, texts[st.source]]
        assert any(r is texts[st.source] for r in held)
    # control: one made by hand is equal, hashes, prints and pickles alike
    st = al.statements[0]
    made = Statement(st.source, st.start, st.end, st.text)
    assert made == st
    assert hash(made) == hash(st)
    assert repr(made) == repr(st)
    assert pickle.loads(pickle.dumps(st)) == made
    assert made.text is not None
    assert attrs.evolve(st, text="x").text == "x"
