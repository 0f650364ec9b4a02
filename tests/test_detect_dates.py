"""The date check: weekday against date, Nth day against the start, one event on two days."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrep
from discrep import Article, Config, Report
from discrep._detect import Context, dates
from discrep._extract.time import tag_times
from discrep._model import Extraction
from discrep._read import mark_junk
from discrep._segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
DATES_ONLY = Config(checks={"date"})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PAIR = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \(?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
)


def _seed(prefix: str) -> Article:
    return Article.from_path(next(SEEDS.glob(f"{prefix}_*.txt")))


def _copy(article: Article, old: str, new: str, *, nth: int = 0) -> Article:
    """The article with the ``nth`` occurrence of ``old`` replaced by ``new``."""
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(old, start + 1)
    text = article.text[:start] + new + article.text[start + len(old) :]
    return Article(text, source=article.source + "+copy", published=article.published)


def _dates(report: Report) -> list[discrep.Discrepancy]:
    return [d for d in report.discrepancies if d.kind == "date"]


@pytest.fixture(name="seed_report", scope="module")
def fixture_seed_report() -> Report:
    """The five seeds compared, date and venue checks only."""
    return discrep.compare(sorted(SEEDS.glob("*.txt")), config=Config(checks={"date", "venue"}))


def test_seed_weekday_against_its_date(seed_report: Report) -> None:
    """002's "set for Tuesday (Mar 28)" is found: 28 March 2022 was a Monday."""
    found = _dates(seed_report)
    assert len(found) == 1
    d = found[0]
    assert [(c.source[:3], c.text) for c in d.claims] == [("002", "Tuesday"), ("002", "Mar 28")]
    assert "Monday" in d.reason
    assert "27 March 2022" in d.reason  # where the year came from
    for c in d.claims:
        text = _seed("002").text
        assert text[c.start : c.end] == c.text
        assert c.text in c.sentence


def test_no_false_date_or_venue_on_seeds(seed_report: Report) -> None:
    """Nothing else is found on the seeds.

    The fifth/eighth day and second week agree with a 24 February start, and the Istanbul
    talks are not the Belarus round.
    """
    assert [d.kind for d in seed_report.discrepancies] == ["date"]


def test_consistent_weekday_dates_in_real_articles() -> None:
    """Real articles that state weekdays with their dates, all right, produce no finding.

    Every ecbplus article that writes a weekday beside a date goes through the tagger and
    the date check (metadata datelines are furniture and are not judged).
    """
    if not CORPUS.is_dir():
        pytest.skip("the ecbplus corpus is not beside the project")
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        if not _PAIR.search(path.read_text("utf-8")):
            continue
        article = Article.from_path(path)
        sentences = mark_junk(article.text, segment(article.text))
        times, ref, how = tag_times(article, sentences, DATES_ONLY)
        ex = Extraction(article, sentences, times=times, reference_date=ref, reference_from=how)
        checked += sum(1 for t in times if t.type == "weekday" and t.note)
        context = Context((ex,), (), (), (), DATES_ONLY)
        assert list(dates.find(context)) == [], path.name
    assert checked >= 20  # the check really looked at that many weekday-date pairs


_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")
_WRITTEN = (
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{_AP_MONTHS[d.month - 1]} {d.day}, {d.year}",  # news agency style
    lambda d: f"{d.day} {d:%B} {d.year}",
)


@given(
    st.lists(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)), min_size=1, max_size=6),
    st.integers(0, len(_WRITTEN) - 1),
    st.integers(1, 6),
    st.data(),
)
def test_calendar_weekdays(days: list[dt.date], form: int, shift: int, data: st.DataObject) -> None:
    """Weekdays written with their dates are silent when right.

    One wrong weekday is reported, quoting that weekday and that date.
    """
    write = _WRITTEN[form]
    lines = [f"The council met on {WEEKDAYS[d.weekday()]}, {write(d)}, in the town hall."
             for d in days]
    assert _dates(discrep.compare(["\n\n".join(lines)], config=DATES_ONLY)) == []
    wrong = data.draw(st.integers(0, len(days) - 1))
    bad_day = WEEKDAYS[(days[wrong].weekday() + shift) % 7]
    lines[wrong] = f"The council met on {bad_day}, {write(days[wrong])}, in the town hall."
    found = _dates(discrep.compare(["\n\n".join(lines)], config=DATES_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {bad_day, write(days[wrong])}


def test_year_less_date_far_from_a_stated_date_is_not_judged() -> None:
    """A birth year is no publication year: "Thursday, December 11" is left alone."""
    text = "She died Thursday, December 11. She was born on April 22, 1923."
    assert _dates(discrep.compare([text], config=DATES_ONLY)) == []


def test_nth_day_against_the_start() -> None:
    """A fifth day on Monday fits a Thursday start; a sixth day does not."""
    fits = ("The war began on Thursday, February 24, 2022. Shelling went on early Monday, "
            "the fifth day of the war.")
    assert _dates(discrep.compare([fits], config=DATES_ONLY)) == []
    clash = fits.replace("fifth", "sixth")
    found = _dates(discrep.compare([clash], config=DATES_ONLY))
    assert len(found) == 1
    assert {"Monday", "the sixth day of the war"} <= {c.text for c in found[0].claims}
    assert "start of the war" in found[0].subject


def test_nth_day_with_weekdays_only() -> None:
    """Without any date, weekday arithmetic still checks "Thursday's invasion"."""
    base = ("Putin refused a call on the eve of Thursday's invasion. "
            "\"On the fifth day of the war, we stand firm,\" the president said Monday.")
    assert _dates(discrep.compare([base], config=DATES_ONLY)) == []
    found = _dates(discrep.compare([base.replace("said Monday", "said Tuesday")],
                                   config=DATES_ONLY))
    assert len(found) == 1


def test_one_event_two_days_across_sources() -> None:
    """The same second round, put on Thursday by one source and Wednesday by another."""
    published = dt.date(2022, 3, 4)
    a = Article("Russia and Ukraine held a second round of talks in Brest on Thursday.",
                source="a", published=published)
    b = Article("Russian and Ukrainian delegations held a second round of talks in Brest "
                "on Wednesday.", source="b", published=published)
    found = _dates(discrep.compare([a, b], config=DATES_ONLY))
    assert len(found) == 1
    assert {(c.source, c.text, c.value) for c in found[0].claims} == {
        ("a", "Thursday", "2022-03-03"), ("b", "Wednesday", "2022-03-02")}


def test_different_rounds_on_different_days_are_not_a_conflict() -> None:
    """First round on Monday, second on Thursday: two events, no finding."""
    published = dt.date(2022, 3, 4)
    a = Article("Russia and Ukraine held a first round of talks in Brest on Monday.",
                source="a", published=published)
    b = Article("Russia and Ukraine held a second round of talks in Brest on Thursday.",
                source="b", published=published)
    assert _dates(discrep.compare([a, b], config=DATES_ONLY)) == []


@given(st.sampled_from([w for w in WEEKDAYS if w != "Thursday"]))
def test_property_changed_weekday_in_a_seed_copy(new: str) -> None:
    """A seed copy with the second round on another weekday is a finding.

    The finding quotes both weekdays.
    """
    original = _seed("001")
    changed = _copy(original, "Belarus Thursday", f"Belarus {new}")
    found = _dates(discrep.compare([original, changed], config=DATES_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"Thursday", new}
    assert {c.source for c in found[0].claims} == {original.source, changed.source}


@given(st.sampled_from([-2, -1, 1, 2]))
def test_property_shifted_date_in_a_seed_copy(days: int) -> None:
    """A seed copy with the caption's date moved a day or two is a finding.

    The finding quotes both dates.
    """
    original = _seed("001")
    new_day = dt.date(2022, 3, 3) + dt.timedelta(days=days)
    written = f"{new_day:%B} {new_day.day}, {new_day.year}"
    changed = _copy(original, "March 3, 2022", written)
    found = _dates(discrep.compare([original, changed], config=DATES_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"March 3, 2022", written}


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_property_unchanged_seed_copy_is_silent(prefix: str) -> None:
    """A seed compared with an unchanged copy of itself has no date discrepancy."""
    original = _seed(prefix)
    copy = Article(original.text, source="copy", published=original.published)
    assert _dates(discrep.compare([original, copy], config=DATES_ONLY)) == []


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_repeated_sentence_with_another_weekday(prefix: str) -> None:
    """A sentence copied word for word but for its weekday is a finding, resolved or not.

    000's "met on Thursday" has no round or venue to tie it to another report; 004 has no
    date at all. The repeated sentence is the evidence.
    """
    original = _seed(prefix)
    first = "Thursday" if prefix == "000" else "Monday"
    other = "Wednesday" if prefix == "000" else "Sunday"
    changed = _copy(original, first, other)
    found = _dates(discrep.compare([original, changed], config=DATES_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {first, other}
    assert "same sentence" in found[0].reason


def test_repeated_sentence_on_another_publication_day_is_silent() -> None:
    """The same sentence in articles of different days may be two facts: no finding."""
    text = "Russian forces shelled the northern suburbs of the city on {}, officials said."
    a = Article(text.format("Monday"), source="a", published=dt.date(2022, 3, 1))
    b = Article(text.format("Tuesday"), source="b", published=dt.date(2022, 3, 2))
    assert _dates(discrep.compare([a, b], config=DATES_ONLY)) == []


def _date_findings(
    texts: list[str], published: dt.date | None = None
) -> list[discrep.Discrepancy]:
    articles = [Article(t, source=f"s{i}", published=published) for i, t in enumerate(texts)]
    report = discrep.compare(articles, config=discrep.Config(checks={"date"}))
    return [d for d in report.discrepancies if d.kind == "date"]


def _quoted(d: discrep.Discrepancy) -> set[str]:
    return {c.text for c in d.claims}


def test_a_death_given_two_weekdays() -> None:
    """A person dies once: 'died Thursday' against 'died on Friday' is a finding."""
    found = _date_findings([
        "Ann Rulo died Thursday at her home in Tulsa. She was 88.",
        "Ann Rulo, who was known as 'the Judge', died on Friday. She was 88.",
    ])
    assert len(found) == 1
    assert _quoted(found[0]) == {"Thursday", "Friday"}


def test_a_relative_s_death_is_another_event() -> None:
    """'Her sister, Bea Rulo, died in 1990' is not Ann Rulo's death."""
    assert _date_findings([
        "Ann Rulo died Thursday at her home. She was 88.",
        "Ann Rulo died on Thursday. Her sister, Bea Rulo, died in 1990.",
    ]) == []


def test_a_plea_dated_by_month_and_by_day() -> None:
    """July 1973 and June 27, 1973 disagree at the month, the granularity both give."""
    found = _date_findings([
        "Mr. Dorn pleaded guilty to perjury in July 1973.",
        "Tom Dorn ran the fund. On June 27, 1973, he pleaded guilty to one count.",
    ])
    assert len(found) == 1
    assert _quoted(found[0]) == {"July 1973", "June 27, 1973"}


def test_a_sale_identified_by_its_price_and_an_anaphoric_year() -> None:
    """One price, one sale; 'That same year' is quoted with the year it points back to."""
    found = _date_findings([
        "The family sold the orchard for a reported $4 million in 1958.",
        "The orchard was sold for $4 million in 1968. That same year the family moved.",
    ])
    assert len(found) == 1
    assert _quoted(found[0]) == {"1958", "1968"}


def test_a_quote_dated_by_its_lead_in() -> None:
    """One quoted sentence is one utterance: 'admitting in 2006:' against 'in 2005'."""
    found = _date_findings([
        'He broke his silence at last, admitting in 2006:\n\n"I was the one who drove the van '
        'that night."',
        'In 2005 he told a magazine, "I was the one who drove the van that night."',
    ])
    assert len(found) == 1
    assert _quoted(found[0]) == {"2006", "2005"}


def test_a_sinking_identified_by_what_sank() -> None:
    """A ship sinks once: the November 2 sinking of a trawler against November 3."""
    found = _date_findings([
        "Critics followed the November 2 sinking of a fishing trawler by the navy.",
        "Then, on November 3, the frigate sank a fishing trawler near the coast.",
    ])
    assert len(found) == 1
    assert _quoted(found[0]) == {"November 2", "November 3"}


def test_same_date_at_different_granularity_is_no_finding() -> None:
    """'in 1973' and 'June 27, 1973' agree at the year."""
    assert _date_findings([
        "Mr. Dorn pleaded guilty in 1973.",
        "On June 27, 1973, Tom Dorn pleaded guilty to one count.",
    ]) == []


def test_one_relative_day_in_copies_of_different_days_is_no_finding() -> None:
    """A wire copy reprinted weeks later says "Friday" too: two Fridays, one statement."""
    text = ('Sgt. Mira Olden, a dispatcher, told reporters Friday that the caller said '
            '"I am the person you are all searching for tonight" and hung up.')
    a = Article(text, source="a", published=dt.date(2019, 3, 8))
    b = Article(text, source="b", published=dt.date(2019, 4, 23))
    assert _dates(discrep.compare([a, b], config=DATES_ONLY)) == []


def test_relative_days_apart_only_by_their_anchors_are_no_finding() -> None:
    """'died today' in two articles of different days: each dated by its own article."""
    a = Article("Ivo Brandt died today at his farm in Kessel. He was 91.", source="a",
                published=dt.date(2019, 3, 8))
    b = Article("Ivo Brandt died today at his home, his family said. He was 91.", source="b",
                published=dt.date(2019, 3, 9))
    assert _dates(discrep.compare([a, b], config=DATES_ONLY)) == []


def test_other_weekday_in_a_copy_of_another_day_is_still_a_finding() -> None:
    """Anchors explain two Fridays, not a Friday against a Thursday."""
    a = Article("Ivo Brandt died Friday at his farm in Kessel. He was 91.", source="a",
                published=dt.date(2019, 3, 8))
    b = Article("Ivo Brandt died Thursday at his home. He was 91.", source="b",
                published=dt.date(2019, 3, 12))
    found = _dates(discrep.compare([a, b], config=DATES_ONLY))
    assert [_quoted(d) for d in found] == [{"Friday", "Thursday"}]


def test_two_killers_of_their_partners_are_two_events() -> None:
    """One key ('his partner') but two people: 'Rex Pauly killed ...', 'Sam Otto killed ...'."""
    assert _date_findings([
        "Rex Pauly killed his partner in 1990, the court heard.",
        "Sam Otto killed his partner on Monday, police said.",
    ], published=dt.date(2019, 3, 8)) == []


def test_a_death_in_prison_is_not_identified_by_the_prison() -> None:
    """'X died in prison Monday' and 'Mr. Y died in federal prison in 1992': two deaths."""
    assert _date_findings([
        "Lou Varga, the mob boss known as the Baron, died in prison on Monday.",
        "The boss was held in Butner. Mr. Stenner died in federal prison in 1992.",
    ], published=dt.date(2019, 3, 8)) == []


def test_a_participle_is_not_dated_by_the_main_verb() -> None:
    """'Video of Ana Holm shot and killed in a shooting was revealed Thursday': revealed."""
    assert _date_findings([
        "Video of mother of five Ana Holm shot and killed in a gang shooting was revealed "
        "Thursday, the paper said.",
        "Ana Holm, 34, was fatally shot in 2011 while walking her son to school.",
    ], published=dt.date(2019, 3, 8)) == []


def test_an_anaphoric_year_is_quoted_as_written_with_what_it_points_back_to() -> None:
    """'Later that year' is quoted in its own sentence; the '1951' it takes is a claim too."""
    texts = [
        "The family sold the farm for $2 million in 1951, using the money to enter politics. "
        "Later that year, Mr. Lomax shot and killed his brother in a hunting accident.",
        "The farm was sold for $2 million in 1961. That same year Ed Lomax shot and killed "
        "his brother in a hunting accident.",
    ]
    report = discrep.compare(texts, config=DATES_ONLY)
    killing = [d for d in _dates(report) if d.subject == "date of the killing"]
    assert len(killing) == 1
    claims = {c.text: c for c in killing[0].claims}
    assert set(claims) == {"Later that year", "1951", "That same year", "1961"}
    assert claims["Later that year"].sentence.startswith("Later that year, Mr. Lomax shot")
    assert claims["That same year"].sentence.startswith("That same year Ed Lomax shot")
    assert claims["Later that year"].value == claims["1951"].value == "1951"
    for c in killing[0].claims:
        text = texts[int(c.source == report.articles[1].source)]
        assert text[c.start : c.end] == c.text


def test_one_weekday_named_two_ways_in_articles_of_different_days_is_no_finding() -> None:
    """'died last Friday' (a Tuesday's article) and 'died Friday' (a Saturday's): one day."""
    a = Article("Ivo Brandt died last Friday at his farm in Kessel. He was 91.", source="a",
                published=dt.date(2019, 3, 12))
    b = Article("Ivo Brandt died Friday at his home. He was 91.", source="b",
                published=dt.date(2019, 3, 23))
    assert _dates(discrep.compare([a, b], config=DATES_ONLY)) == []
