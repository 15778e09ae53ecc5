"""CSV out (what a spreadsheet opens safely) and contacts in with a column mapping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.core.errors import ImportFileError
from careerpivot.formats import csvfiles
from careerpivot.formats.common import decode_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


@pytest.mark.parametrize(("text", "written"), [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
    ("+44 7700 900123", "'+44 7700 900123"),
    ("-5 years", "'-5 years"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindent", "'\tindent"),
    ("\rreturn", "'\rreturn"),
    ("'=already", "''=already"),
    ("plain, text", "plain, text"),
    ("'quoted", "'quoted"),
    ("", ""),
])
def test_formula_cells_are_neutralised_and_restored(text, written):
    assert csvfiles.neutralise(text) == written
    assert csvfiles.unneutralise(written) == text


def test_written_file_is_utf8_with_bom_and_crlf_and_keeps_numbers():
    data = csvfiles.write_csv(["Name", "Score", "Signal", "Hours", "Done", "Note"],
                              [["Zoë", 3, -2, 2.5, True, None], ["=cmd|' /C calc'!A0", 0, 1,
                                                                 4.0, False, "a\nb"]])
    assert data.startswith(b"\xef\xbb\xbfName,Score,Signal,Hours,Done,Note\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[1] == ["Zoë", "3", "-2", "2.5", "yes", ""]  # numbers stay numbers
    assert rows[2] == ["'=cmd|' /C calc'!A0", "0", "1", "4", "no", "a\nb"]


cells = st.text(st.characters(blacklist_categories=("Cs",),
                              blacklist_characters="\x00\x7f"), max_size=60).map(
    lambda s: "".join(c for c in s if c in "\t\n\r" or ord(c) >= 32 or c in "\x0b\x0c"))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(cells, min_size=2, max_size=2), min_size=1, max_size=8))
def test_any_text_reads_back_exactly(rows):
    data = csvfiles.write_csv(["A", "B"], rows)
    read = list(csvfiles.read_rows(decode_text(data)))
    assert [[csvfiles.unneutralise(c) for c in cells] for _line, cells in read[1:]] == rows


def test_guess_mapping_for_common_exports():
    google = ["Name", "Given Name", "Family Name", "Organization 1 - Name",
              "Organization 1 - Title", "E-mail 1 - Value", "Phone 1 - Value",
              "Website 1 - Value", "Notes", "Labels"]
    assert csvfiles.guess_mapping(google) == {
        "name": 0, "organization": 3, "role": 4, "email": 5, "phone": 6, "url": 7,
        "notes": 8, "tags": 9}
    outlook = ["First Name", "Middle Name", "Last Name", "Company", "Job Title",
               "E-mail Address", "Mobile Phone", "Web Page", "Notes"]
    assert csvfiles.guess_mapping(outlook) == {
        "first_name": 0, "last_name": 2, "organization": 3, "role": 4, "email": 5,
        "phone": 6, "url": 7, "notes": 8}
    own = ["Name", "Organization", "Role", "Level", "Stage", "E-mail", "Phone", "Profile URL",
           "How we met", "Tags", "Notes"]
    mapping = csvfiles.guess_mapping(own)
    assert mapping["url"] == 7 and mapping["how_met"] == 8 and mapping["email"] == 5


def test_contacts_with_a_semicolon_file_and_a_neutralised_phone():
    table = csvfiles.read_table((FIXTURES / "contacts_semicolon.csv").read_bytes())
    assert table.delimiter == ";"
    priya, ngozi = csvfiles.contacts_from_table(table)
    assert priya.line == 2 and priya.name == "Priya Raman"
    assert priya.phones == ("+44 7700 900123",)  # the apostrophe of a spreadsheet is gone
    assert priya.tags == ("mentors", "product")
    assert priya.notes == "Met at ProductCamp; follow up"
    assert ngozi.emails == ("ngozi@example.com",)


def test_a_mapping_without_a_name_is_refused():
    table = csvfiles.read_table(b"Company,Email\nAcme,a@example.com\n")
    assert "name" not in table.mapping
    with pytest.raises(ImportFileError, match="name"):
        csvfiles.contacts_from_table(table)
    (record,) = csvfiles.contacts_from_table(table, {"name": 0, "email": 1})
    assert record.name == "Acme"


def test_rows_without_a_name_and_blank_rows():
    table = csvfiles.read_table(b"Name,Email\n,x@example.com\n,\n\nAda,\n")
    records = csvfiles.contacts_from_table(table)
    assert [(r.line, r.name, r.problem) for r in records] == [
        (2, "", "no name"), (5, "Ada", "")]


def test_empty_and_broken_files():
    with pytest.raises(ImportFileError, match="empty"):
        csvfiles.read_table(b"\n\n")
    with pytest.raises(ImportFileError) as info:
        csvfiles.read_table(b'Name,Email\nAda,"a@example.com\n')
    assert info.value.line == 2


def test_huge_cell():
    data = b"Name,Notes\nAda," + b"x" * 200_000 + b"\n"
    with pytest.raises(ImportFileError, match="longer than") as info:
        csvfiles.read_table(data)
    assert info.value.line == 2
