"""Exports through the service: CSV of each list, calendar, vCards, the lossless JSON round
trip, and atomic writing."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import time
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpivot.core.errors import ExportError, ImportFileError
from careerpivot.formats import vcard
from careerpivot.services import exports, network
from careerpivot.services import workspace as ws
from careerpivot.store import db
from careerpivot.store import models as m


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# --- CSV ---------------------------------------------------------------------------------------


def test_every_list_as_csv(demo_workspace, tmp_path):
    written = exports.export_all_csv(tmp_path / "lists")
    assert [w.path.name for w in written] == [f"{t}.csv" for t in exports.CSV_LISTS.values()]
    for name, result in zip(exports.CSV_LISTS, written, strict=True):
        rows = read_csv(result.path)
        header, data = exports.csv_table(name)
        assert rows[0] == header
        assert len(rows) - 1 == len(data) > 0, name
        # what the message says it wrote is what the file holds
        assert result.count == result.counts[name] == len(data)
    contacts = read_csv(tmp_path / "lists" / "Contacts.csv")
    assert len(contacts) - 1 == len(network.list_contacts(include_archived=True))
    assumptions = read_csv(tmp_path / "lists" / "Assumptions.csv")
    assert {r[4] for r in assumptions[1:]} <= {"Untested", "Supported", "Challenged",
                                               "Contested"}
    skills = read_csv(tmp_path / "lists" / "Skills.csv")
    assert [r[0] for r in skills[1:]] == [str(n) for n in range(1, len(skills))]


def test_formula_cells_are_neutralised(workspace, tmp_path):
    network.create_contact(name="=HYPERLINK(\"http://evil.example\",\"x\")",
                           organization="+1 Corp", role="-leader", notes="@me")
    rows = read_csv(exports.export_csv("contacts", tmp_path / "c.csv").path)
    (row,) = rows[1:]
    assert row[0] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert row[1:3] == ["'+1 Corp", "'-leader"] and row[-1] == "'@me"
    assert row[10] == "0"  # a number stays a number


def test_unknown_list():
    with pytest.raises(ExportError):
        exports.csv_table("nothing")


# --- calendar ----------------------------------------------------------------------------------


def test_calendar_of_the_sample_workspace(demo_workspace, tmp_path):
    result = exports.export_ics(tmp_path / "plan.ics")
    calendar = icalendar.Calendar.from_ical(result.path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    kinds = {str(e["UID"]).split("-")[0] for e in events}
    assert kinds == {"interview", "action", "milestone", "practice"}
    # the count of each kind, as the message says it
    assert result.count == len(events) == sum(result.counts.values())
    by_uid = {kind: sum(str(e["UID"]).startswith(prefix) for e in events) for kind, prefix in (
        ("interviews", "interview-"), ("follow_ups", "action-"), ("milestones", "milestone-"),
        ("practice", "practice-"))}
    assert result.counts == by_uid
    assert not list(calendar.walk("VTODO"))
    uid = exports.workspace_uid()
    assert all(str(e["UID"]).endswith(f"-{uid}@careerpivot") for e in events)
    practice = next(e for e in events if str(e["UID"]).startswith("practice"))
    assert practice["RRULE"]["FREQ"] == ["WEEKLY"] and practice["RRULE"]["BYDAY"] == ["TU"]
    start = practice["DTSTART"].dt
    assert start.tzinfo is None and start.strftime("%H:%M") == "07:00"
    for event in events:
        if str(event["UID"]).startswith(("action", "milestone")):
            assert isinstance(event["DTSTART"].dt, _dt.date)
            assert str(event["TRANSP"]) == "TRANSPARENT"


def test_reexport_keeps_uids_and_raises_sequence(workspace, tmp_path, clock):
    contact = network.create_contact(name="Priya Raman", organization="Northwind")
    from careerpivot.services import interviews

    interview = interviews.create_interview(contact, scheduled_at="2026-04-02 10:00")
    first = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(
        exports.export_ics(tmp_path / "a.ics").path.read_bytes()).walk("VEVENT")}
    later = clock.now().astimezone(_dt.UTC) + _dt.timedelta(minutes=5)
    with db.write():
        m.Interview.update(minutes=60, updated_at=later.strftime("%Y-%m-%dT%H:%M:%SZ")).where(
            m.Interview.id == interview).execute()
    second = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(
        exports.export_ics(tmp_path / "b.ics").path.read_bytes()).walk("VEVENT")}
    assert first.keys() == second.keys() and len(first) == 1
    (uid,) = first
    assert int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])
    assert second[uid]["DTEND"].dt == _dt.datetime(2026, 4, 2, 11, 0)


# --- vCard -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_contacts_as_vcards_read_back(demo_workspace, tmp_path, version):
    result = exports.export_vcf(tmp_path / "network.vcf", version=version)
    path = result.path
    records = vcard.parse_vcards(path.read_bytes())
    people = network.list_contacts(include_archived=True)
    assert result.count == result.counts["contacts"] == len(people) == len(records)
    assert [r.name for r in records] == [c.name for c in people]
    for record, contact in zip(records, people, strict=True):
        assert record.organization == contact.organization
        assert record.emails == ((contact.email,) if contact.email else ())
        assert record.notes == contact.notes.strip()
        assert record.tags == contact.tags
    uids = [c.first("UID") for c in vcard.parse_cards(path.read_bytes())]
    assert len(set(uids)) == len(uids) and all(u.startswith("urn:uuid:") for u in uids)
    again = [c.first("UID") for c in vcard.parse_cards(
        exports.export_vcf(tmp_path / "again.vcf", version=version).path.read_bytes())]
    assert again == uids


# --- the full JSON export ----------------------------------------------------------------------


def test_json_round_trip_is_identical(demo_workspace, tmp_path):
    result = exports.export_json(tmp_path / "export.json")
    path = result.path
    before = exports.dump_tables()
    assert before["setting"]  # the workspace identity travels with the export
    assert result.counts == {table: len(rows) for table, rows in before.items()}
    assert result.count == sum(result.counts.values()) and result.counts["contact"] > 0
    first = json.loads(path.read_bytes())
    ws.close()
    ws.open_workspace(tmp_path / "moved.careerpivot", backups_root=tmp_path / "b")
    assert exports.is_empty()
    result = exports.import_json(path)
    assert result.rows == sum(len(rows) for rows in before.values())
    assert exports.dump_tables() == before  # every table, every row, every id
    assert not exports.is_empty()
    second = json.loads(exports.export_json(tmp_path / "again.json").path.read_bytes())
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second


def test_json_import_refuses_a_workspace_with_data(demo_workspace, tmp_path):
    path = exports.export_json(tmp_path / "export.json").path
    before = exports.dump_tables()
    with pytest.raises(ImportFileError, match="already holds data"):
        exports.import_json(path)
    assert exports.dump_tables() == before


def test_a_new_workspace_stops_being_empty_when_the_user_types(workspace):
    assert exports.is_empty()
    exports.workspace_uid()
    assert exports.is_empty()
    with db.write():
        m.Phase.update(goal="My own goal").where(m.Phase.id == 1).execute()
    assert not exports.is_empty()


def _export_rows(tmp_path: Path) -> tuple[dict, Path]:
    network.create_contact(name="Ada Lovelace", notes="first")
    network.create_contact(name="Grace Hopper")
    path = exports.export_json(tmp_path / "export.json").path
    return json.loads(path.read_bytes()), path


def _import_into_new(tmp_path: Path, data: bytes, name: str = "new.careerpivot"):
    ws.close()
    ws.open_workspace(tmp_path / name, backups_root=tmp_path / "b")
    before = exports.dump_tables()
    try:
        exports.import_json(data)
    finally:
        after = exports.dump_tables()
    return before, after


@pytest.mark.parametrize(("table", "column", "value", "message"), [
    ("contact", "name", None, "name is missing"),
    ("contact", "name", 12, "name must be text"),
    ("contact", "last_contact", "2026-02-30", "not a date on the calendar"),
    ("contact", "cadence_days", "often", "must be a whole number"),
    ("contact", "archived", "maybe", "true or false"),
    ("contact", "introduced_by_id", 999, "refers to a contact row that is not in the export"),
    ("contact", "name", "SURROGATE", "lone surrogate"),
    ("contact", "color", "red", "does not know ('color')"),
    ("contact", "id", 1, "repeats the id 1"),
])
def test_json_rows_are_checked_and_nothing_is_written(workspace, tmp_path, table, column,
                                                      value, message):
    doc, _path = _export_rows(tmp_path)
    doc["tables"][table][1][column] = value
    from careerpivot.formats import jsonbackup

    data = jsonbackup.write_document(doc["tables"], schema=doc["schema"],
                                     exported_at=doc["exported_at"],
                                     application=doc["application"])
    data = data.replace(b'"SURROGATE"', b'"\\ud800"')  # a JSON escape of a lone surrogate
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")
                       ) as info:
        _import_into_new(tmp_path, data)
    assert exports.is_empty()  # the new workspace is as it was: nothing written
    row_line = jsonbackup.locate(data, table, 1)
    assert info.value.line == row_line
    assert f"Line {row_line}:" in info.value.message


def test_json_row_that_breaks_a_unique_rule_is_named(workspace, tmp_path):
    network.create_contact(name="Ada", tags=["mentors"])
    network.create_contact(name="Grace", tags=["navy"])
    doc = json.loads(exports.export_json(tmp_path / "export.json").path.read_bytes())
    doc["tables"]["tag"][1]["key"] = doc["tables"]["tag"][0]["key"]  # two tags, one key
    from careerpivot.formats import jsonbackup

    data = jsonbackup.write_document(doc["tables"], schema=doc["schema"],
                                     exported_at=doc["exported_at"],
                                     application=doc["application"])
    with pytest.raises(ImportFileError, match="breaks a rule") as info:
        _import_into_new(tmp_path, data)
    assert exports.is_empty()
    assert info.value.line == jsonbackup.locate(data, "tag", 1)


def test_json_with_its_header_after_the_tables_is_read_twice(workspace, tmp_path):
    doc, _path = _export_rows(tmp_path)
    header_last = {"tables": doc["tables"], **{k: v for k, v in doc.items() if k != "tables"}}
    _before, after = _import_into_new(tmp_path, json.dumps(header_last).encode())
    assert after["contact"] == doc["tables"]["contact"]
    header_last["schema"] = 99
    with pytest.raises(ImportFileError, match="newer version"):
        _import_into_new(tmp_path, json.dumps(header_last).encode(), "again.careerpivot")
    assert exports.is_empty()


def test_json_from_an_older_schema_fills_new_columns(workspace, tmp_path):
    doc, _path = _export_rows(tmp_path)
    doc["schema"] = 1
    for row in doc["tables"]["contact"]:
        del row["archived"]
    _before, after = _import_into_new(tmp_path, json.dumps(doc).encode())
    assert [r["archived"] for r in after["contact"]] == [0, 0]


def test_json_from_before_held_snapshots_keeps_evidence_with_the_person_of_then(
        workspace, tmp_path):
    from careerpivot.services import interviews, paths

    path = paths.add_path("PM")
    belief = paths.add_assumption(path, "Pay rises fast")
    ana = network.create_contact(name="Ana", organization="Acme", level="mid")
    held = interviews.create_interview(ana, path, "2026-02-01", status="completed")
    planned = interviews.create_interview(ana, path, "2026-04-01")
    interviews.set_evidence(held, belief, "supported", "yes")
    doc = json.loads(exports.export_json(tmp_path / "export.json").path.read_bytes())
    doc["schema"] = 4
    for row in doc["tables"]["interview"]:
        for column in ("held_organization", "held_role", "held_level"):
            del row[column]
    _before, after = _import_into_new(tmp_path, json.dumps(doc).encode())
    by_id = {r["id"]: r for r in after["interview"]}
    assert (by_id[held]["held_organization"], by_id[held]["held_level"]) == ("Acme", "mid")
    assert by_id[planned]["held_organization"] == ""  # not held: nothing recorded
    (row,) = paths.list_assumptions(path)
    assert (row.status, row.supported) == ("supported", 1)


def test_csv_of_interviews_carries_the_person_as_held(workspace, tmp_path):
    from careerpivot.services import interviews

    ana = network.create_contact(name="Ana", organization="Acme", level="mid")
    interviews.create_interview(ana, None, "2026-02-01", status="completed")
    network.update_contact(ana, "organization", "Globex")
    target = exports.export_csv("interviews", tmp_path / "interviews.csv").path
    header, row = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))[:2]
    assert row[header.index("Organization")] == "Globex"
    assert row[header.index("Organization when held")] == "Acme"
    assert row[header.index("Level when held")] == "Mid level"


def test_json_carries_what_guide_questions_target_and_reads_exports_without_it(
        workspace, tmp_path, clock):
    from careerpivot.services import guide_gaps, interviews, paths

    clock.set_today(_dt.date(2026, 3, 10))
    path = paths.add_path("PM")
    paths.set_core_questions(path, [paths.list_questions()[0].id])
    belief = paths.add_assumption(path, "Pay rises fast", "pay")
    ana = network.create_contact(name="Ana", organization="Acme", level="mid")
    interviews.add_mention(interviews.create_interview(ana, path, "2026-02-01",
                                                       status="completed"), "SQL", 3)
    planned = interviews.create_interview(ana, path, "2026-03-20")
    marks = guide_gaps.guide_marks(planned)
    assert sorted((m.kind, m.target) for m in marks.values()) == [
        ("assumption", "Pay rises fast"), ("skill", "SQL")]
    doc = json.loads(exports.export_json(tmp_path / "export.json").path.read_bytes())
    answers = {r["id"]: r for r in doc["tables"]["answer"]}
    assert {(answers[i]["assumption_id"], answers[i]["skill_id"]) for i in marks} == {
        (belief, None), (None, 1)}
    _before, after = _import_into_new(tmp_path, json.dumps(doc).encode())
    assert after["answer"] == doc["tables"]["answer"]
    assert guide_gaps.guide_marks(planned) == marks
    # an export from schema 6 has no such columns: its questions come in unmarked
    doc["schema"] = 6
    for row in doc["tables"]["answer"]:
        del row["assumption_id"], row["skill_id"]
    _before, after = _import_into_new(tmp_path, json.dumps(doc).encode(), "older.careerpivot")
    assert {(r["assumption_id"], r["skill_id"]) for r in after["answer"]} == {(None, None)}
    assert [r["question_text"] for r in after["answer"]] == [
        r["question_text"] for r in doc["tables"]["answer"]]


def test_json_from_a_newer_version_is_refused(workspace, tmp_path):
    doc, _path = _export_rows(tmp_path)
    doc["schema"] = 99
    with pytest.raises(ImportFileError, match="newer version"):
        _import_into_new(tmp_path, json.dumps(doc).encode())


# --- atomic writing ----------------------------------------------------------------------------


def test_a_failed_write_keeps_the_previous_file(workspace, tmp_path, monkeypatch):
    target = tmp_path / "contacts.csv"
    target.write_bytes(b"previous")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match="full"):
        exports.export_csv("contacts", target)
    assert target.read_bytes() == b"previous"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_to_a_missing_folder(workspace, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        exports.export_ics(tmp_path / "missing" / "plan.ics")


def test_large_workspace_json_in_seconds(workspace, tmp_path):
    def many(model, rows):
        for start in range(0, len(rows), 500):
            model.insert_many(rows[start:start + 500]).execute()

    with db.write():
        many(m.Path, [{"title": f"Path {i}"} for i in range(10)])
        many(m.Contact, [{"name": f"Person {i}", "notes": "note " * 60} for i in range(5000)])
        many(m.Interview, [{"contact": 1 + i % 5000, "path": 1 + i % 10,
                            "scheduled_at": "2026-01-05 10:00", "notes": "x" * 1000}
                           for i in range(2000)])
        many(m.Answer, [{"interview": 1 + i % 2000, "question_text": "Q?",
                         "answer": "answer " * 30} for i in range(20000)])
    start = time.perf_counter()
    path = exports.export_json(tmp_path / "big.json").path
    exported = time.perf_counter() - start
    before = exports.dump_tables()
    ws.close()
    ws.open_workspace(tmp_path / "big.careerpivot", backups_root=tmp_path / "b")
    start = time.perf_counter()
    exports.import_json(path)
    imported = time.perf_counter() - start
    assert exports.dump_tables() == before
    assert exported < 10 and imported < 10, (exported, imported)


def test_suggested_names():
    day = _dt.date(2026, 3, 14)
    assert exports.suggested_name("csv", "contacts", day) == "careerpivot-contacts-2026-03-14.csv"
    assert exports.suggested_name("json", today=day) == "careerpivot-export-2026-03-14.json"


# --- fuzzing the full-export importer ----------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2 ** 70), 2 ** 70) | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(["2026-02-30", "2026-03-14", "", "\ud800"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=5)


@st.composite
def mangled_export(draw, doc: dict, data: bytes) -> bytes:
    how = draw(st.sampled_from(["value", "value", "drop", "truncate", "flip", "random"]))
    if how == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if how == "flip":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if how == "random":
        return draw(st.binary(max_size=300))
    tables = [t for t, rows in doc["tables"].items() if rows]
    table = draw(st.sampled_from(tables))
    index = draw(st.integers(0, len(doc["tables"][table]) - 1))
    row = dict(doc["tables"][table][index])
    column = draw(st.sampled_from(sorted(row)))
    if how == "drop":
        del row[column]
    else:
        row[column] = draw(json_values)
    tables_copy = {t: list(rows) for t, rows in doc["tables"].items()}
    tables_copy[table][index] = row
    return json.dumps({**doc, "tables": tables_copy}).encode()


def test_fuzzed_full_exports_import_whole_or_not_at_all(demo_workspace, tmp_path):
    path = exports.export_json(tmp_path / "export.json").path
    data = path.read_bytes()
    doc = json.loads(data)
    counter = iter(range(10_000))
    empty: dict = {}

    def fresh() -> None:
        ws.close()
        ws.open_workspace(tmp_path / f"fuzz{next(counter)}.careerpivot",
                          backups_root=tmp_path / "b")
        empty.clear()
        empty.update(exports.dump_tables())

    fresh()

    @settings(max_examples=40, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(blob=mangled_export(doc, data))
    def run(blob: bytes) -> None:
        try:
            exports.import_json(blob)
        except ImportFileError as exc:
            assert exc.message and (exc.line is None or exc.line >= 1)
            assert exports.dump_tables() == empty  # nothing written
            return
        # accepted: what was stored is exactly what the document says
        stored = exports.dump_tables()
        accepted = json.loads(blob)["tables"]
        for table, rows in accepted.items():
            assert len(stored[table]) == len(rows)
        fresh()

    run()


def test_the_full_export_holds_a_batch_of_rows_not_the_workspace(workspace, tmp_path):
    """Its memory does not grow with the workspace: the peak while exporting stays under
    half the size of the largest table fetched whole as tuples (the floor any export that
    reads a table at once would pay), where building the document whole took twice it."""
    import tracemalloc

    with db.write():
        m.Contact.insert_many(
            [{"name": f"Person {i}", "organization": f"Org {i % 40}", "notes": "x" * 800 + str(i)}
             for i in range(12000)]).execute()
    tracemalloc.start()
    try:
        rows = db.database.execute_sql("SELECT * FROM contact").fetchall()
        floor = tracemalloc.get_traced_memory()[0]
        del rows
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = exports.export_json(tmp_path / "all.json")
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert result.counts["contact"] == 12000
    assert result.path.stat().st_size > 9_000_000
    assert peak < floor / 2, (peak, floor)  # (a batch is a sixth of the table)
    # and the file still reads back whole
    assert len(json.loads(result.path.read_bytes())["tables"]["contact"]) == 12000
