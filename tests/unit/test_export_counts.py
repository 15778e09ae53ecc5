"""The command line says what each export wrote, as the window does: how many contacts,
events or rows went into which file, and how many pages a document has."""

from __future__ import annotations

import argparse
import io
import shutil
from pathlib import Path

import pypdf
import pytest

from careerpivot import cli_data, cli_export
from careerpivot.formats.pdfpages import page_count
from careerpivot.services import exports, interviews, network
from careerpivot.services import workspace as ws


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A workspace with three people and one planned conversation, closed."""
    path = tmp_path / "counted.careerpivot"
    ws.open_workspace(path, backups_root=tmp_path / "backups")
    ana, _bob, _cy = (network.create_contact(name=name) for name in ("Ana", "Bob", "Cy"))
    interviews.create_interview(ana, None, "2026-03-20 10:00")
    ws.close()
    return path


def export(database: Path, kind: str, target: Path, list_name: str | None = None) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli_data.export_command(kind, str(database), str(target), list_name=list_name,
                                   out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_each_data_export_says_what_it_wrote(database, tmp_path):
    target = tmp_path / "people.csv"
    assert export(database, "csv", target, "contacts") == f"Wrote 3 contacts to {target}\n"
    target = tmp_path / "people.vcf"
    assert export(database, "vcf", target) == f"Wrote 3 contacts to {target}\n"
    target = tmp_path / "plan.ics"
    assert export(database, "ics", target) == (
        f"Wrote 1 calendar event (1 interview) to {target}\n")
    target = tmp_path / "all.json"
    line = export(database, "json", target)
    assert line.startswith("Wrote the whole workspace (3 contacts, 1 interview; ")
    assert line.endswith(f" rows in all) to {target}\n")


def test_every_list_says_its_rows(database, tmp_path):
    lines = export(database, "csv", tmp_path / "lists").splitlines()
    assert len(lines) == len(exports.CSV_LISTS)
    assert lines[0] == f"Wrote 3 contacts to {tmp_path / 'lists' / 'Contacts.csv'}"
    assert lines[1] == f"Wrote 1 interview to {tmp_path / 'lists' / 'Interviews.csv'}"
    assert lines[-1].startswith("Wrote ") and " log item" in lines[-1]


def test_the_description_names_the_kind_of_each_count():
    result = exports.Exported(Path("x.ics"), 5, {"interviews": 2, "follow_ups": 0,
                                                 "milestones": 2, "practice": 1})
    assert cli_data.describe_export("ics", result) == (
        "5 calendar events (2 interviews, 2 milestones, 1 practice series)")
    one = exports.Exported(Path("x.csv"), 1, {"learning": 1})
    assert cli_data.describe_export("csv", one) == "1 learning item"
    many = exports.Exported(Path("x.csv"), 12_500, {"contacts": 12_500})
    assert cli_data.describe_export("csv", many) == "12,500 contacts"


def test_a_document_says_its_pages(demo_file, tmp_path, capsys):
    sample = tmp_path / "sample.careerpivot"
    shutil.copyfile(demo_file, sample)
    parser = argparse.ArgumentParser(prog="careerpivot")
    cli_export.add_export_parser(parser.add_subparsers(dest="command"))
    output = tmp_path / "plan.pdf"
    args = parser.parse_args(["export", "plan", "--database", str(sample), "-o", str(output),
                              "--page-size", "A4"])
    assert cli_export.run_export(args) == 0
    pages = len(pypdf.PdfReader(output).pages)
    unit = "page" if pages == 1 else "pages"
    assert capsys.readouterr().out == f"Wrote {output}: transition plan, {pages} {unit} (A4)\n"


def test_pages_are_counted_as_a_pdf_reader_counts_them(demo_workspace):
    from careerpivot.reports import plan
    from careerpivot.services import documents

    data = plan.build_plan(documents.plan_document_data(), "A4")
    assert page_count(data) == len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1
