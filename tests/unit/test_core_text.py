"""One folding rule for search and sort (core.text.fold): what finds a row in one list finds it
in every list, whatever the case, the accents or the width of the letters."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core.text import fold, fold_with_map

texts = st.text(max_size=40)


def test_case_accents_and_compatibility_forms_fold_away():
    assert fold("Zoë Ångström") == "zoe angstrom"
    assert fold("STRASSE") == fold("Straße") == "strasse"
    assert fold("ﬁnance") == "finance"
    assert fold("ＡＣＭＥ") == "acme"
    assert fold("Ｚｏë") == "zoe"


def test_every_kind_of_mark_folds_the_same_way():
    assert fold("1\u20e3") == "1", "an enclosing keycap is decoration"
    assert fold("a\u20dd") == "a", "an enclosing circle too"
    assert fold("שָׁלוֹם") == "שלום", "Hebrew points"
    assert fold("مُحَمَّد") == "محمد", "Arabic vowel marks"
    assert fold("किताब") == "किताब", "an Indic vowel sign changes the letter: kept"


@given(texts)
def test_fold_is_idempotent_and_ignores_case(text):
    assert fold(fold(text)) == fold(text)
    assert fold(text.casefold()) == fold(text)


@given(texts)
def test_a_decomposed_text_folds_as_its_composed_form(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(texts)
def test_the_map_points_back_into_the_original(text):
    folded, where = fold_with_map(text)
    assert folded == fold(text)
    assert len(where) == len(folded)
    assert where == sorted(where) and all(0 <= i < len(text) for i in where)


def test_every_list_folds_with_the_one_rule():
    from careerpivot.services import overview
    from careerpivot.ui.dialogs import add_learning
    from careerpivot.ui.itemmodels import contacts, interviews, learning, skills

    for module in (contacts, interviews, skills, learning, add_learning, overview):
        assert module.fold is fold, module.__name__
