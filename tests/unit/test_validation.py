"""Validation of what people type: a clean value back, or a message naming what to change."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.core import validation as v
from careerpivot.core.validation import ValidationError

# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-14", dt.date(2026, 3, 14)),
    ("  2026-3-4 ", dt.date(2026, 3, 4)),
    ("2024-02-29", dt.date(2024, 2, 29)),  # a leap day
    ("1900-01-01", dt.date(1900, 1, 1)),
    ("2200-12-31", dt.date(2200, 12, 31)),
])
def test_dates_accepted(text, expected):
    assert v.parse_date("due", text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("2026-02-30", "not a date on the calendar"),
    ("2025-02-29", "not a date on the calendar"),  # not a leap year
    ("2026-13-01", "not a date on the calendar"),
    ("2026-00-10", "not a date on the calendar"),
    ("14/03/2026", "YYYY-MM-DD"),
    ("2026-03-14 12:00", "YYYY-MM-DD"),
    ("March 14", "YYYY-MM-DD"),
    ("26-03-14", "YYYY-MM-DD"),
    ("1899-12-31", "between 1900 and 2200"),
    ("2201-01-01", "between 1900 and 2200"),
])
def test_bad_dates_refused_with_a_message(text, message):
    with pytest.raises(ValidationError) as err:
        v.parse_date("due", text)
    assert err.value.field == "due"
    assert message in err.value.message


def test_empty_date_is_none_unless_required():
    assert v.parse_date("due", "") is None
    assert v.parse_date("due", None) is None
    with pytest.raises(ValidationError, match="required"):
        v.parse_date("due", "  ", required=True)


def test_date_objects_pass_through():
    assert v.parse_date("d", dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    assert v.parse_date("d", dt.datetime(2026, 1, 2, 3, 4)) == dt.date(2026, 1, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-14", "2026-03-14"),
    ("2026-03-14 9:05", "2026-03-14 09:05"),
    ("2026-03-14T14:30", "2026-03-14 14:30"),
    ("2026-03-14 14:30:59", "2026-03-14 14:30"),
    ("", ""),
])
def test_datetimes_normalised(text, expected):
    assert v.parse_datetime("when", text) == expected


@pytest.mark.parametrize("text", ["2026-03-14 24:00", "2026-03-14 12:60", "2026-03-14 noon",
                                  "2026-02-30 10:00"])
def test_bad_datetimes_refused(text):
    with pytest.raises(ValidationError):
        v.parse_datetime("when", text)


# --- e-mail, web addresses, phone numbers ------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("zoe@example.org", "zoe@example.org"),
    ("  Zoe.Muller+jobs@mail.example.co.uk ", "Zoe.Muller+jobs@mail.example.co.uk"),
    ("mailto:zoe@example.org", "zoe@example.org"),
    ("MAILTO:zoe@example.org", "zoe@example.org"),
    ("", ""),
])
def test_emails_accepted(text, expected):
    assert v.clean_email("email", text) == expected


@pytest.mark.parametrize("text", [
    "zoe", "zoe@", "@example.org", "zoe@example", "zoe@@example.org", "zoe@example..org",
    "zoe @example.org", ".zoe@example.org", "zoe.@example.org", "zoe@.example.org",
    "zoe@-example.org", "Zoë <zoe@example.org>", "a@b.c", "x" * 65 + "@example.org",
    "zoe@example.org, ann@example.org",
])
def test_bad_emails_refused(text):
    with pytest.raises(ValidationError, match="e-mail"):
        v.clean_email("email", text)


def test_email_required():
    with pytest.raises(ValidationError, match="required"):
        v.clean_email("email", "", required=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("https://www.linkedin.com/in/zoe", "https://www.linkedin.com/in/zoe"),
    ("http://example.org", "http://example.org"),
    ("www.example.org/path?q=1", "https://www.example.org/path?q=1"),
    ("example.org:8080/x", "https://example.org:8080/x"),
    ("https://例え.jp/パス", "https://例え.jp/パス"),
    ("", ""),
])
def test_urls_accepted(text, expected):
    assert v.clean_url("url", text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("ftp://example.org/file", "http or https"),
    ("javascript:alert(1)", "http or https"),
    ("mailto:zoe@example.org", "http or https"),  # not turned into https://mailto:...
    ("tel:+4930123", "http or https"),
    ("https://example org", "spaces"),
    ("localhost", "not a web address"),
    ("https://", "not a web address"),
    ("https://.example.org", "not a web address"),
    ("https://[::1", "not a web address"),
])
def test_bad_urls_refused(text, message):
    with pytest.raises(ValidationError) as err:
        v.clean_url("url", text)
    assert message in err.value.message


@pytest.mark.parametrize("text", [
    "+49 30 1234-5678", "(555) 123-4567", "555.123.4567 ext. 89", "+1 555 123 4567 x12",
    "030/123456", "",
])
def test_phones_accepted(text):
    assert v.clean_phone("phone", text) == " ".join(text.split())


@pytest.mark.parametrize(("text", "message"), [
    ("call me", "digits"),
    ("+49 30 12#34", "digits"),
    ("12", "too few digits"),
    ("1" * 41, "too long"),
])
def test_bad_phones_refused(text, message):
    with pytest.raises(ValidationError) as err:
        v.clean_phone("phone", text)
    assert message in err.value.message


# --- text ----------------------------------------------------------------------------------------


def test_crlf_and_cr_become_lf_and_inner_breaks_are_kept():
    assert v.clean_text("notes", "  one\r\ntwo\rthree\n\nfour \r\n") == "one\ntwo\nthree\n\nfour"


def test_nul_characters_are_dropped():
    assert v.clean_text("notes", "a\x00b") == "ab"


def test_long_text_limit():
    at_limit = "é" * v.MAX_TEXT  # a 1 MiB note is fine ...
    assert v.clean_text("notes", at_limit) == at_limit
    with pytest.raises(ValidationError) as err:  # ... a pasted 1 MiB + 1 is refused
        v.clean_text("notes", at_limit + "x")
    assert "too long" in err.value.message and f"{v.MAX_TEXT:,}" in err.value.message


def test_required_text():
    with pytest.raises(ValidationError, match="required"):
        v.clean_text("title", " \r\n\t ", required=True)
    assert v.clean_text("title", None) == ""


def test_single_line_values_fold_whitespace_and_have_a_limit():
    assert v.clean_line("name", "  Zoë \r\n  Müller\t🚀 ") == "Zoë Müller 🚀"
    assert v.clean_line("name", "x" * v.MAX_LINE) == "x" * v.MAX_LINE
    with pytest.raises(ValidationError, match="too long"):
        v.clean_line("name", "x" * (v.MAX_LINE + 1))


def test_lone_surrogate_is_replaced_and_pairs_are_joined():
    assert v.clean_text("notes", "a\ud800b") == "a\ufffdb"
    assert v.clean_text("notes", "trailing \udfff") == "trailing \ufffd"
    # A pair (text that went through UTF-16 undecoded) is the character it stands for.
    assert v.clean_text("notes", "smile \ud83d\ude00") == "smile 😀"


def test_name_key_matches_spellings_of_one_name():
    assert v.name_key("  Zoë   MÜLLER ") == v.name_key("zoe\u0308 müller")
    assert v.name_key("Straße") == v.name_key("STRASSE")


# --- numbers and choices -------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("3", 3.0), (" 2,5 ", 2.5), (4, 4.0), (0.5, 0.5)])
def test_numbers_in_range(value, expected):
    assert v.check_range("weight", value, 0, 5) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("abc", "a number"), ("nan", "a number"), ("inf", "a number"), (None, "a number"),
    ("6", "between 0 and 5"), (-1, "between 0 and 5"), ("2.5", "whole number"),
])
def test_numbers_refused(value, message):
    with pytest.raises(ValidationError) as err:
        v.check_range("weight", value, 0, 5, integer=message == "whole number")
    assert message in err.value.message


def test_whole_numbers_come_back_as_int():
    assert v.check_range("hours", "3", 0, 10, integer=True) == 3
    assert isinstance(v.check_range("hours", "3", 0, 10, integer=True), int)


def test_choices():
    assert v.check_choice("stage", "done", ("planned", "done")) == "done"
    with pytest.raises(ValidationError, match="Unknown value"):
        v.check_choice("stage", "dne", ("planned", "done"))


# --- properties ----------------------------------------------------------------------------------

_no_cr_nul = st.text(st.characters(codec="utf-8", exclude_characters="\r\x00"))


@settings(max_examples=300, deadline=None)
@given(text=_no_cr_nul)
def test_clean_text_round_trips_text_up_to_outer_whitespace(text):
    """Whatever a person types (any script, emoji, tabs, line breaks) comes back unchanged
    apart from the whitespace around it."""
    assert v.clean_text("notes", text) == text.strip()


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_clean_text_is_idempotent_and_stable_under_crlf(text):
    once = v.clean_text("notes", text)
    assert v.clean_text("notes", once) == once
    assert "\r" not in once and "\x00" not in once
    # The same text written with Windows line ends is stored the same.
    assert v.clean_text("notes", once.replace("\n", "\r\n")) == once


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(codec=None, categories=["Cs", "L", "So", "Zs", "Cc"])))
def test_any_cleaned_text_can_be_stored_and_read_back(text):
    """Even text holding lone surrogates (a broken clipboard) is stored, not a crash."""
    cleaned = v.clean_text("notes", text)
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE TABLE t(x TEXT)")
        con.execute("INSERT INTO t VALUES (?)", (cleaned,))
        assert con.execute("SELECT x FROM t").fetchone()[0] == cleaned
    finally:
        con.close()
