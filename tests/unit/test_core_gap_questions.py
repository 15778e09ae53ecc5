"""Questions written from an assumption's statement or a skill's name (core.gap_questions),
and the order in which open assumptions get them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import evidence, gap_questions, vocab
from careerpivot.core.evidence import Spread, Standing, VerdictCounts


@pytest.mark.parametrize(("statement", "question"), [
    ("Pay rises fast in the first two years.",
     "My impression is that pay rises fast in the first two years — is that your experience?"),
    ("I think that PMs write SQL every day!",
     "My impression is that PMs write SQL every day — is that your experience?"),
    ("I believe SQL is essential",
     "My impression is that SQL is essential — is that your experience?"),
    ("  i’m sure, that the pace\nis relentless...  ",
     "My impression is that the pace is relentless — is that your experience?"),
    ("We really believe that iOS skills matter?",
     "My impression is that iOS skills matter — is that your experience?"),
    ("工资在头两年涨得很快。",
     "My impression is that 工资在头两年涨得很快 — is that your experience?"),
    ("الأجر يرتفع بسرعة.", "My impression is that الأجر يرتفع بسرعة — is that your experience?"),
])
def test_a_statement_is_asked_back_as_an_open_question(statement, question):
    assert gap_questions.for_assumption(statement) == question


@pytest.mark.parametrize("statement", ["", "   ", "...", "I think.", "I believe that?!", "—"])
def test_a_statement_with_nothing_to_ask_gets_a_general_question(statement):
    assert gap_questions.for_assumption(statement) == gap_questions.TEXTS["assumption_general"]


def test_a_long_statement_is_cut_at_a_word_and_the_question_stays_whole():
    statement = "Hiring managers value a portfolio of shipped work over certificates " * 10
    question = gap_questions.for_assumption(statement)
    assert question.startswith("My impression is that hiring managers value")
    assert question.endswith("… — is that your experience?")
    middle = question.removeprefix("My impression is that ").removesuffix(
        "… — is that your experience?")
    assert len(middle) < gap_questions.MAX_STATEMENT
    assert " ".join(statement.split()).lower().startswith(middle.lower())
    assert not middle.endswith(" ")  # cut between words, not inside one


def test_shortening_never_splits_what_is_one_character_to_the_reader():
    family = "👩\u200d👩\u200d👧\u200d👦"
    assert gap_questions.shorten(family * 30, 20) == family * 2 + "…"
    assert gap_questions.shorten("🇫🇷" * 30, 20) == "🇫🇷" * 9 + "…"
    assert gap_questions.shorten("e\u0301" * 30, 10) == "e\u0301" * 4 + "…"
    assert gap_questions.shorten("short", 10) == "short"


def test_a_skill_question_names_the_skill():
    assert gap_questions.for_skill(" Stakeholder   management ") == (
        "How much does Stakeholder management matter in your work, and how did you learn it?")
    assert gap_questions.for_skill("") == gap_questions.TEXTS["skill_general"]
    long = gap_questions.for_skill("x" * 500)
    assert len(long) <= gap_questions.MAX_LENGTH and "…" in long


def test_translated_templates_are_used():
    def translate(text: str) -> str:
        return {"My impression is that {0} — is that your experience?":
                "J’ai l’impression que {0} — est-ce votre expérience ?"}.get(text, text)

    assert gap_questions.for_assumption("Pay rises fast.", translate) == (
        "J’ai l’impression que pay rises fast — est-ce votre expérience ?")


def test_every_mapped_category_exists():
    assert gap_questions.QUESTION_CATEGORY.keys() == vocab.ASSUMPTION_CATEGORIES.keys()
    assert set(gap_questions.QUESTION_CATEGORY.values()) - {None} <= set(
        vocab.QUESTION_CATEGORIES)


def _standing(status: str, supporters: Spread = Spread(), challengers: Spread = Spread()
              ) -> Standing:
    return Standing(status, supporters, challengers, VerdictCounts())


def test_untested_then_contested_then_closest_to_settled():
    untested = _standing(evidence.UNTESTED)
    contested = _standing(evidence.CONTESTED, Spread(1, 1, 1), Spread(1, 1, 1))
    one_short = _standing(evidence.SUPPORTED, Spread(2, 2, 2))  # needs 1 person
    span_short = _standing(evidence.SUPPORTED, Spread(3, 1, 1))  # needs another org/level
    far = _standing(evidence.CHALLENGED, challengers=Spread(1, 1, 1))  # needs 2, and a span
    ordered = sorted([far, span_short, one_short, contested, untested],
                     key=gap_questions.uncertainty_order)
    assert ordered == [untested, contested, span_short, one_short, far]


@given(st.text())
def test_any_statement_gives_a_question(statement):
    question = gap_questions.for_assumption(statement)
    assert question.strip()
    assert len(question) <= gap_questions.MAX_LENGTH
    assert "\n" not in question
    assert not any(unicodedata.category(ch) == "Cc" for ch in question)


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_shortening_any_text_is_bounded_and_keeps_its_start(text, limit):
    short = gap_questions.shorten(text, limit)
    assert len(short) <= max(limit, 2)
    line = " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cc"
                            or ch in "\t\n\r").split())
    if len(line) <= limit:
        assert short == line
    else:
        assert short.endswith("…")
        assert line.startswith(short[:-1].rstrip(gap_questions._CLOSING))


@given(st.text())
def test_any_skill_name_gives_a_question(name):
    question = gap_questions.for_skill(name)
    assert question.strip() and len(question) <= gap_questions.MAX_LENGTH
