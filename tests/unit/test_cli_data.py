"""``careerpivot import`` and ``careerpivot export json|csv|ics|vcf`` (the functions app.py
hooks in)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import icalendar

from careerpivot import cli_data
from careerpivot.services import network
from careerpivot.services import workspace as ws

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = cli_data.build_parser().parse_args(list(argv))
    if args.command == "import":
        code = cli_data.import_command(args.file, args.database, skip_invalid=args.skip_invalid,
                                       mapping=args.map, out=out, err=err)
    else:
        code = cli_data.export_command(args.kind, args.database, args.output,
                                       list_name=args.list_name,
                                       vcard_version=args.vcard_version, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def names(database: Path) -> list[str]:
    ws.open_workspace(database, create=False, backups_root=database.parent / "b")
    try:
        return [c.name for c in network.list_contacts()]
    finally:
        ws.close()


def test_import_then_export_every_kind(tmp_path):
    database = tmp_path / "cli.careerpivot"
    code, out, err = run("import", str(FIXTURES / "linkedin_connections_current.csv"),
                         "--database", str(database))
    assert code == 0, err
    assert "6 added" in out
    assert len(names(database)) == 6
    assert not (database.parent / (database.name + ".lock")).exists()

    code, out, _ = run("export", "json", "--database", str(database), "-o",
                       str(tmp_path / "all.json"))
    assert code == 0 and json.loads((tmp_path / "all.json").read_bytes())["format"] == "careerpivot"
    code, _, _ = run("export", "ics", "--database", str(database), "-o", str(tmp_path / "p.ics"))
    assert code == 0 and icalendar.Calendar.from_ical((tmp_path / "p.ics").read_bytes())
    code, _, _ = run("export", "vcf", "--database", str(database), "-o", str(tmp_path / "c.vcf"),
                     "--vcard-version", "4.0")
    assert code == 0 and b"VERSION:4.0" in (tmp_path / "c.vcf").read_bytes()
    code, out, _ = run("export", "csv", "--database", str(database), "-o", str(tmp_path / "lists"))
    assert code == 0 and (tmp_path / "lists" / "Contacts.csv").exists()
    code, _, _ = run("export", "csv", "--database", str(database), "-o",
                     str(tmp_path / "people.csv"), "--list", "contacts")
    assert code == 0 and (tmp_path / "people.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, _, err = run("export", "csv", "--database", str(database), "-o",
                       str(tmp_path / "x.csv"))
    assert code == 1 and "--list" in err

    # the full export goes into a new workspace, and refuses one with data
    moved = tmp_path / "moved.careerpivot"
    code, out, err = run("import", str(tmp_path / "all.json"), "--database", str(moved))
    assert code == 0, err
    assert sorted(names(moved)) == sorted(names(database))
    code, _, err = run("import", str(tmp_path / "all.json"), "--database", str(database))
    assert code == 2 and "already holds data" in err


def test_a_bad_file_exits_with_its_line_and_writes_nothing(tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_text(HEADER + "\nAda,Lovelace,,,Engines,Analyst,1 Jan 2020\n"
                      "Grace,Hopper,,not-an-email,Navy,Admiral,1 Jan 2020\n", encoding="utf-8")
    database = tmp_path / "cli.careerpivot"
    code, out, err = run("import", str(source), "--database", str(database))
    assert code == 2
    assert f"{source}:3:" in err and "Nothing was imported" not in out
    assert names(database) == []
    code, out, err = run("import", str(source), "--database", str(database), "--skip-invalid")
    assert code == 0 and "1 added" in out and f"{source}:3: skipped" in err

    broken = tmp_path / "broken.vcf"
    broken.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n")
    fresh = tmp_path / "fresh.careerpivot"
    code, _, err = run("import", str(broken), "--database", str(fresh))
    assert code == 2 and f"{broken}:1:" in err
    assert not fresh.exists()  # a bad file is refused before any workspace is touched


def test_csv_mapping_on_the_command_line(tmp_path):
    source = tmp_path / "people.csv"
    source.write_text("Who,Where\nAda Lovelace,Engines\n", encoding="utf-8")
    database = tmp_path / "cli.careerpivot"
    code, _, err = run("import", str(source), "--database", str(database))
    assert code == 2 and "name" in err
    code, _, err = run("import", str(source), "--database", str(database), "--map", "name=Who",
                       "--map", "organization=Where")
    assert code == 0, err
    assert names(database) == ["Ada Lovelace"]
    code, _, err = run("import", str(source), "--database", str(database), "--map", "nom=Who")
    assert code == 2 and "FIELD=COLUMN" in err


def test_export_of_a_missing_workspace(tmp_path):
    code, _, err = run("export", "json", "--database", str(tmp_path / "none.careerpivot"), "-o",
                       str(tmp_path / "x.json"))
    assert code == 1 and "There is no workspace" in err


def test_import_into_a_workspace_open_in_the_app_is_refused(tmp_path):
    """The app's lock is held (here by this process, as a window would hold it): the import
    says so and exits with its own code instead of failing on the lock's details."""
    import os

    from PySide6.QtCore import QLockFile

    database = tmp_path / "open.careerpivot"
    window_lock = QLockFile(str(database.with_name(database.name + ".lock")))
    assert window_lock.tryLock(0)
    try:
        code, _out, err = run("import", str(FIXTURES / "linkedin_connections_current.csv"),
                              "--database", str(database))
    finally:
        window_lock.unlock()
    assert code == cli_data.EXIT_LOCKED
    assert f"process {os.getpid()}" in err and "Close it there first" in err
    assert not database.exists()
