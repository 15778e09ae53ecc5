"""Imports read their files a batch of records at a time: the memory they take is bounded
by a batch, not by the file (each peak compared with a floor measured in the same test)."""

from __future__ import annotations

import csv
import io
import tracemalloc

from careerpivot.services import exports, imports, network
from careerpivot.services import workspace as ws
from careerpivot.store import db
from careerpivot.store import models as m


def test_the_full_import_holds_a_batch_of_rows_not_the_document(workspace, tmp_path):
    """The peak while importing a full export stays under the size of its largest table
    fetched whole as tuples (a batch is a sixth of it); reading the document whole took
    3.7 times that."""
    with db.write():
        m.Contact.insert_many(
            [{"name": f"Person {i}", "organization": f"Org {i % 40}", "notes": "x" * 800 + str(i)}
             for i in range(12000)]).execute()
    path = exports.export_json(tmp_path / "all.json").path
    before = exports.dump_tables()["contact"]
    tracemalloc.start()
    try:
        rows = db.database.execute_sql("SELECT * FROM contact").fetchall()
        floor = tracemalloc.get_traced_memory()[0]
        del rows
        ws.close()
        ws.open_workspace(tmp_path / "new.careerpivot", backups_root=tmp_path / "b")
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = exports.import_json(path)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert result.rows > 12000 and path.stat().st_size > 9_000_000
    assert peak < floor * 0.9, (peak, floor)
    assert exports.dump_tables()["contact"] == before


def test_a_csv_import_holds_what_it_shows_not_the_file(workspace, tmp_path):
    """Importing 3,000 contacts from a CSV file (preview and import) peaks under twice the
    floor of reading the file with the csv module and holding its records once, as lists of
    cells (it measured about that floor); keeping the file's records, the planned records
    and the rows to insert took 2.4 times it."""
    lines = ["Name,Organization,Role,E-mail,Tags,Notes"] + [
        f'Person {i},"Org {i % 300}, Inc.",Role {i % 40},p{i}@example.com,"a{i % 9}; b{i % 4}",'
        + "n" * 120 + str(i) for i in range(3000)]
    path = tmp_path / "contacts.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    warm_up = tmp_path / "first.csv"  # what the first import of a session pays once
    warm_up.write_text(lines[0] + "\r\nSomeone,Else,,,x,\r\n", encoding="utf-8")
    imports.import_file(warm_up)
    tracemalloc.start()
    try:
        data = path.read_bytes()
        records = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        floor = tracemalloc.get_traced_memory()[1]
        del records, data
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = imports.import_file(path)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert (result.added, result.skipped) == (3000, 0)
    assert peak < floor * 2, (peak, floor)
    people = network.list_contacts()
    assert len(people) == 3001 and people[0].tags
