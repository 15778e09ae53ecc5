"""Imports through the service: preview, merge, all-or-nothing, fuzzed files, speed."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpivot.core.errors import ImportFileError
from careerpivot.services import exports, imports, network

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def dump() -> dict:
    return exports.dump_tables()


def import_fixture(name: str, **kwargs) -> imports.ImportResult:
    return imports.import_file(FIXTURES / name, skip_invalid=True, **kwargs)


def contacts() -> dict[str, network.ContactRow]:
    return {c.name: c for c in network.list_contacts(include_archived=True)}


def test_preview_writes_nothing_and_plans_every_record(workspace):
    before = dump()
    source = imports.read_source(FIXTURES / "linkedin_connections_current.csv")
    assert source.kind == "linkedin"
    preview = imports.preview(source)
    assert dump() == before
    assert (preview.added, preview.updated, preview.skipped) == (6, 0, 1)
    assert preview.problems == []  # the hidden member is a quiet skip, not a problem
    assert preview.last_import is None


def test_linkedin_import_then_reimport_merges(workspace):
    result = import_fixture("linkedin_connections_current.csv")
    assert (result.added, result.updated, result.skipped) == (6, 0, 1)
    people = contacts()
    assert people["Priya Raman"].how_met == "LinkedIn (connected 2024-01-15)"
    assert people["Jürgen Müller"].organization == "Contoso, GmbH"
    stamp = imports.last_import("linkedin")
    assert stamp and stamp == imports.last_import()

    again = imports.preview(imports.read_source(FIXTURES / "linkedin_connections_current.csv"))
    assert (again.added, again.updated) == (0, 0)  # nothing duplicated
    assert again.last_import == stamp

    # the older export: Priya found by her profile address; her e-mail fills an empty field,
    # her role is the file's; two new people.
    network.update_contact(people["Priya Raman"].id, "notes", "My own notes")
    result = import_fixture("linkedin_connections_old.csv")
    assert (result.added, result.updated) == (2, 1)
    priya = contacts()["Priya Raman"]
    assert priya.email == "priya@example.com"
    assert priya.role == "Product Manager"
    assert priya.notes == "My own notes"  # never overwritten
    assert len(network.list_contacts()) == 8


def test_matching_by_email_then_name_and_organization(workspace):
    by_email = network.create_contact(name="J. Müller", email="juergen.mueller@example.de")
    by_name = network.create_contact(name="amélie  LAURENT", organization="université de lyon")
    result = import_fixture("linkedin_connections_current.csv")
    assert (result.added, result.updated) == (4, 2)
    rows = {c.id: c for c in network.list_contacts()}
    assert rows[by_email].name == "J. Müller"  # the name the user typed is kept
    assert rows[by_email].url == "https://www.linkedin.com/in/juergen-mueller"
    assert rows[by_name].url == "https://www.linkedin.com/in/amelie-laurent"


def test_vcards_merge_across_sources(workspace):
    import_fixture("linkedin_connections_current.csv")
    result = import_fixture("iphone.vcf")
    assert (result.added, result.updated) == (1, 1)  # Priya merged by her LinkedIn profile
    priya = contacts()["Priya Raman"]
    assert priya.phone == "+44 7700 900123"
    assert "Other address: https://northwind.example/team/priya" in priya.notes
    import_fixture("google_contacts.vcf")
    import_fixture("outlook_2_1.vcf")
    import_fixture("vcard_4_0.vcf")
    people = contacts()
    assert people["Grace Ho"].tags == ("Mentors",)
    assert people["Jürgen Müller"].phone == "+49 30 1234567"
    assert people["Amélie Laurent"].tags == ("Lyon", "Research")
    assert imports.last_import("vcard") is not None


def test_csv_with_mapping(workspace):
    source = imports.read_source(FIXTURES / "contacts_semicolon.csv")
    assert source.kind == "csv"
    table = imports.csv_table(source)
    mapping = dict(table.mapping)
    mapping.pop("tags")
    result = imports.apply(imports.preview(source, mapping=mapping))
    assert result.added == 2
    priya = contacts()["Priya Raman"]
    assert priya.phone == "+44 7700 900123" and priya.tags == ()


def test_duplicates_inside_one_file_are_skipped(workspace, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "\nAda,Lovelace,https://linkedin.com/in/ada/,,Engines,Analyst,"
                    "1 Jan 2020\nAda,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,"
                    "1 Jan 2020\n", encoding="utf-8")
    preview = imports.preview(imports.read_source(path))
    assert [i.action for i in preview.items] == ["add", "skip"]
    assert "line 2" in preview.items[1].reason


def test_invalid_records_refuse_the_file_or_are_skipped(workspace, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "\nAda,Lovelace,,not-an-email,Engines,Analyst,1 Jan 2020\n"
                    "Grace,Hopper,,grace@example.com,Navy,Admiral,1 Jan 2020\n"
                    + "Long," + "x" * 600 + ",,,,,\n", encoding="utf-8")
    before = dump()
    with pytest.raises(ImportFileError) as info:
        imports.import_file(path)
    assert info.value.line == 2 and "e-mail" in info.value.message
    assert "Nothing was imported" in info.value.message
    assert dump() == before
    preview = imports.preview(imports.read_source(path))
    assert [i.line for i in preview.problems] == [2, 4]
    assert "too long" in preview.problems[1].reason
    result = imports.apply(preview)
    assert (result.added, result.problems) == (1, 2)


def test_a_csv_file_is_planned_and_written_a_record_at_a_time(workspace, tmp_path):
    """Records across many chunks: matches with the network and with earlier lines of the
    file, problems and tags come out as when the file was held whole."""
    known = network.create_contact(name="Person 7", organization="Org 7")
    rows = ["Name,Organization,E-mail,Tags"]
    rows += [f"Person {i},Org {i % 10},{f'p{i}@example.com' if i % 3 else ''},t{i % 4}"
             for i in range(1600)]
    rows += ["Again,Org 1,p1@example.com,", ",Org 2,nobody@example.com,", "Bad,Org 3,not-mail,"]
    path = tmp_path / "people.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    preview = imports.preview(imports.read_source(path))
    assert preview.records == ()  # not kept: read again to be written
    assert (preview.added, preview.updated) == (1599, 1)
    again, nameless, bad = preview.items[-3:]
    assert (again.action, again.reason) == ("skip", "The same person as line 3 of this file "
                                                    "(same e-mail).")
    assert nameless.problem and bad.problem and "e-mail" in bad.reason.lower()
    result = imports.apply(preview)
    assert (result.added, result.updated, result.skipped, result.problems) == (1599, 1, 3, 2)
    assert list(result.added_ids) == sorted(result.added_ids)
    people = contacts()
    assert len(people) == 1600
    assert people["Person 7"].id == known and people["Person 7"].email == "p7@example.com"
    assert people["Person 1599"].tags == ("t3",)


def test_a_cancelled_import_leaves_everything_as_it_was(workspace, tmp_path):
    import_fixture("linkedin_connections_old.csv")
    rows = [HEADER] + [f"P{i},Q{i},https://www.linkedin.com/in/p{i},,Org {i},Role,1 Jan 2020"
                       for i in range(3000)]
    path = tmp_path / "Connections.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    preview = imports.preview(imports.read_source(path))
    before = dump()
    calls = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int, text: str) -> None:
        calls.append(text)
        if text == "Updating contacts…" or calls.count("Adding contacts…") == 3:
            raise Stop

    with pytest.raises(Stop):
        imports.apply(preview, progress=progress)
    assert dump() == before  # not one of the 3,000 contacts, nor the last-import date


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"SQLite format 3\x00" + b"\x00" * 100, "work.careerpivot", "File > Restore"),
    (b"PK\x03\x04rest", "Basic_LinkedInDataExport.zip", "unzip"),
    (b"%PDF-1.7\n", "summary.pdf", "PDF"),
    (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "plan.ics", "calendar file"),
    (b'{"hello": 1}', "data.json", "not a CareerPivot full export"),
    (b"", "empty.csv", "empty"),
    (b"\x00\x01\x02\x03binary", "x.csv", "binary"),
    (b"just some words", "notes.md", "cannot tell"),
    (b"Name,Email\n", "x.vcf", "not a vCard"),
])
def test_files_that_cannot_be_imported(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        imports.read_source(path)


def test_kind_is_told_by_content_not_extension(tmp_path):
    path = tmp_path / "contacts.txt"
    path.write_bytes((FIXTURES / "iphone.vcf").read_bytes())
    assert imports.read_source(path).kind == "vcard"
    path.write_bytes((FIXTURES / "linkedin_connections_current.csv").read_bytes())
    assert imports.read_source(path).kind == "linkedin"
    with pytest.raises(ImportFileError, match="does not exist"):
        imports.read_source(tmp_path / "missing.csv")
    with pytest.raises(ImportFileError, match="folder"):
        imports.read_source(tmp_path)


def test_five_thousand_connections_in_seconds(workspace, tmp_path):
    rows = ["Notes:", '"When exporting your connection data, ..."', "", HEADER]
    rows += [f'First{i},Last{i},https://www.linkedin.com/in/person-{i},'
             f'{f"p{i}@example.com" if i % 7 == 0 else ""},"Company {i % 300}, Inc.",'
             f"Role {i % 50},{1 + i % 28} Jan 2023" for i in range(5000)]
    path = tmp_path / "Connections.csv"
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join(rows).encode())
    start = time.perf_counter()
    result = imports.import_file(path)
    first = time.perf_counter() - start
    assert result.added == 5000
    start = time.perf_counter()
    again = imports.import_file(path)
    second = time.perf_counter() - start
    assert again.added == 0 and again.skipped == 5000
    assert first < 5 and second < 5, (first, second)


# --- fuzzing -----------------------------------------------------------------------------------

SEEDS = {
    "linkedin": (FIXTURES / "linkedin_connections_current.csv").read_bytes(),
    "vcard": (FIXTURES / "outlook_2_1.vcf").read_bytes() + (FIXTURES / "iphone.vcf").read_bytes(),
    "csv": (FIXTURES / "contacts_semicolon.csv").read_bytes(),
}
SUFFIX = {"linkedin": ".csv", "vcard": ".vcf", "csv": ".csv"}


@st.composite
def mangled(draw, kind: str) -> bytes:
    data = SEEDS[kind]
    how = draw(st.sampled_from(["truncate", "flip", "insert", "encoding", "random", "huge",
                                "formula"]))
    if how == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if how == "flip":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if how == "insert":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=40)) + data[at:]
    if how == "encoding":
        text = data.decode("utf-8-sig")
        codec = draw(st.sampled_from(["utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-32"]))
        return text.encode(codec, "replace")
    if how == "random":
        return draw(st.binary(max_size=400))
    if how == "huge":
        at = draw(st.integers(0, len(data)))
        filler = draw(st.sampled_from([b"x", b",", b";", b'"', b"=", b"\xc3\xa9"]))
        return data[:at] + filler * draw(st.integers(1000, 300_000)) + data[at:]
    cells = draw(st.lists(st.sampled_from(["=1+1", "+cmd", "-2", "@SUM(A1)", "\t=x",
                                           "=HYPERLINK(\"http://x\")", "'=x"]),
                          min_size=1, max_size=3))
    if kind == "vcard":
        return data + "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{c}\r\nORG:{c}\r\nEND:VCARD\r\n"
                              for c in cells).encode()
    line = ",".join(cells + ["x"] * 7)[:200] if kind == "linkedin" else ";".join(cells)
    return data + line.encode() + b"\r\n"


def check_one(tmp_path: Path, kind: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{SUFFIX[kind]}"
    path.write_bytes(data)
    before = dump()
    old = {r["id"]: r for r in before["contact"]}
    try:
        preview = imports.preview(imports.read_source(path))
        result = imports.apply(preview)
    except ImportFileError as exc:
        assert exc.message and (exc.line is None or exc.line >= 1)
        assert dump() == before  # existing data untouched
        return
    after = dump()
    new = {r["id"]: r for r in after["contact"]}
    assert len(new) == len(old) + result.added
    changed = {i.contact_id: i for i in preview.items if i.action == "update"}
    for contact_id, row in old.items():
        if contact_id not in changed:
            assert new[contact_id] == row
        else:
            fields = {f for f, _o, _n in changed[contact_id].changes} | {"updated_at"}
            assert {k for k in row if row[k] != new[contact_id][k]} <= fields
    for table in before:
        if table not in ("contact", "tag", "contact_tag", "setting"):
            assert after[table] == before[table]


@pytest.mark.parametrize("kind", ["linkedin", "vcard", "csv"])
def test_fuzzed_files_import_whole_or_not_at_all(workspace, tmp_path, kind):
    network.create_contact(name="Priya Raman", organization="Northwind Analytics",
                           notes="typed by hand", tags=["mentors"])

    @settings(max_examples=35, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=mangled(kind))
    def run(data: bytes) -> None:
        check_one(tmp_path, kind, data)

    run()
