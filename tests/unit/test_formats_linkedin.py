"""LinkedIn's Connections.csv, in both layouts LinkedIn has shipped, and the ways it breaks."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from careerpivot.core.errors import ImportFileError
from careerpivot.formats import linkedin

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def test_current_layout_finds_the_header_after_the_notes():
    data = (FIXTURES / "linkedin_connections_current.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    records = linkedin.parse_connections(data)
    by_name = {r.name: r for r in records}
    # six people, one hidden member (no name) skipped quietly; the all-empty row is left out
    assert len(records) == 7
    hidden = [r for r in records if not r.name]
    assert len(hidden) == 1 and hidden[0].skip and not hidden[0].problem
    assert hidden[0].line == 11
    juergen = by_name["Jürgen Müller"]
    assert juergen.line == 6
    assert juergen.organization == "Contoso, GmbH"  # a quoted comma
    assert juergen.role == "Head of Operations, EMEA"
    assert juergen.emails == ("juergen.mueller@example.de",)
    assert juergen.connected_on == _dt.date(2023, 3, 3)
    priya = by_name["Priya Raman"]
    assert priya.emails == ()  # mostly empty e-mails
    assert priya.urls == ("https://www.linkedin.com/in/priya-raman-4b2a91",)
    assert priya.connected_on == _dt.date(2024, 1, 15)
    assert by_name["李 伟"].organization == "Fabrikam, Inc."
    # formula-looking cells are kept as text (they are neutralised when exported)
    dana = by_name["Dana Whitfield, PhD"]
    assert dana.organization == '=HYPERLINK("http://evil.example")'
    assert dana.role == "+Strategy lead"


def test_older_layout_with_the_header_first_and_spreadsheet_dates():
    records = linkedin.parse_connections((FIXTURES / "linkedin_connections_old.csv").read_bytes())
    assert [r.name for r in records] == ["Priya Raman", "Tomás Ortega", "Grace Ho"]
    assert [r.line for r in records] == [2, 3, 5]
    assert [r.connected_on for r in records] == [
        _dt.date(2022, 2, 7), _dt.date(2021, 11, 23), _dt.date(2020, 1, 1)]
    assert records[2].organization == "Adventure Works, Ltd"


@pytest.mark.parametrize(("text", "expected"), [
    ("15 Jan 2024", _dt.date(2024, 1, 15)),
    ("7-Feb-22", _dt.date(2022, 2, 7)),
    ("07 Feb 2022", _dt.date(2022, 2, 7)),
    ("1-Dec-99", _dt.date(1999, 12, 1)),
    ("2024-01-15", _dt.date(2024, 1, 15)),
    ("Sept 3, 2021", _dt.date(2021, 9, 3)),
    ("3 September 2021", _dt.date(2021, 9, 3)),
    ("31 Feb 2024", None),
    ("15 Foo 2024", None),
    ("soon", None),
    ("", None),
])
def test_connected_on_dates(text, expected):
    assert linkedin.parse_connected_on(text) == expected


def test_month_names_do_not_follow_the_process_locale():
    # strptime("%b") would follow LC_TIME (which Qt sets from the environment); the parser
    # matches English month names itself.
    import locale

    original = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no German locale installed")
    try:
        assert linkedin.parse_connected_on("15 Mar 2024") == _dt.date(2024, 3, 15)
        assert linkedin.parse_connected_on("3-Oct-23") == _dt.date(2023, 10, 3)
    finally:
        locale.setlocale(locale.LC_TIME, original)


def test_semicolon_separated_resave_and_unknown_date():
    text = HEADER.replace(",", ";") + "\r\nAda;Lovelace;;;Analytical Engines;Analyst;someday\r\n"
    (record,) = linkedin.parse_connections(text.encode())
    assert record.name == "Ada Lovelace" and record.organization == "Analytical Engines"
    assert record.connected_on is None and "someday" in record.warnings[0]


def test_a_row_with_an_unquoted_comma_is_a_problem():
    text = HEADER + "\nAda,Lovelace,,,Engines, Ltd,Analyst,15 Jan 2024\n"
    (record,) = linkedin.parse_connections(text.encode())
    assert record.problem and "8 cells" in record.problem


def test_not_a_connections_file():
    with pytest.raises(ImportFileError, match=r"not LinkedIn's Connections\.csv"):
        linkedin.parse_connections(b"Name,Company\nAda,Engines\n")


def test_truncated_inside_quotes_names_the_line():
    text = HEADER + '\nAda,Lovelace,,,"Analytical Engines,Analyst,15 Jan 2024\n'
    with pytest.raises(ImportFileError) as info:
        linkedin.parse_connections(text.encode())
    assert info.value.line == 2
    assert "truncated" in info.value.message


def test_wrong_encoding_names_the_line():
    text = (HEADER + "\nAda,Lovelace,,,Engines,Analyst,15 Jan 2024\n"
            "José,Núñez,,,Acme,CTO,1 Jan 2020\n")
    with pytest.raises(ImportFileError) as info:
        linkedin.parse_connections(text.encode("cp1252"))
    assert info.value.line == 3
    assert "UTF-8" in info.value.message


def test_binary_data():
    with pytest.raises(ImportFileError, match="binary"):
        linkedin.parse_connections(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_utf16_with_bom_is_read():
    text = HEADER + "\r\nAda,Lovelace,,,Engines,Analyst,15 Jan 2024\r\n"
    (record,) = linkedin.parse_connections(text.encode("utf-16"))
    assert record.name == "Ada Lovelace"
