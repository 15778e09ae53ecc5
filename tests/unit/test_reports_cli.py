"""``careerpivot export summary|prep|plan``: files written, and exit codes with clear messages."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from careerpivot import cli_export

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="careerpivot")
    cli_export.add_export_parser(parser.add_subparsers(dest="command"))
    return cli_export.run_export(parser.parse_args(["export", *argv]))


@pytest.fixture
def sample(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sample.careerpivot"
    shutil.copyfile(demo_file, target)
    return target


def test_summary_plan_and_prep_are_written(sample, tmp_path, capsys):
    out = tmp_path / "summary.pdf"
    assert run("summary", "--database", str(sample), "-o", str(out)) == 0
    assert len(pypdf.PdfReader(out).pages) == 1
    assert out.stat().st_mode & 0o777 == 0o600
    assert "Wrote" in capsys.readouterr().out
    assert run("plan", "--database", str(sample), "-o", str(tmp_path / "plan.pdf"),
               "--page-size", "Letter") == 0
    box = pypdf.PdfReader(tmp_path / "plan.pdf").pages[0].mediabox
    assert float(box.width) == pytest.approx(612)
    assert run("prep", "--database", str(sample), "-o", str(tmp_path / "prep.pdf"),
               "--interview", "1") == 0
    assert pypdf.PdfReader(tmp_path / "prep.pdf").pages


def test_page_size_follows_the_locale(sample, tmp_path, monkeypatch):
    for var in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run("summary", "--database", str(sample), "-o", str(tmp_path / "s.pdf")) == 0
    box = pypdf.PdfReader(tmp_path / "s.pdf").pages[0].mediabox
    assert float(box.height) == pytest.approx(792)


def test_a_missing_database_is_a_clear_error(tmp_path, capsys):
    code = run("summary", "--database", str(tmp_path / "nope.careerpivot"), "-o",
               str(tmp_path / "s.pdf"))
    assert code == cli_export.EXIT_FAILED
    err = capsys.readouterr().err
    assert "There is no workspace at" in err
    assert not (tmp_path / "nope.careerpivot").exists()  # never created
    assert not (tmp_path / "s.pdf").exists()


def test_a_file_that_is_not_a_workspace_is_left_untouched(tmp_path, capsys):
    bad = tmp_path / "bad.careerpivot"
    bad.write_bytes(b"this is not a database")
    assert run("plan", "--database", str(bad), "-o", str(tmp_path / "p.pdf")) == 1
    assert "not a CareerPivot workspace" in capsys.readouterr().err
    assert bad.read_bytes() == b"this is not a database"


def test_prep_needs_an_interview(sample, tmp_path, capsys):
    assert run("prep", "--database", str(sample), "-o", str(tmp_path / "p.pdf")) == 2
    err = capsys.readouterr().err
    assert "--interview ID" in err and "1:" in err
    assert run("prep", "--database", str(sample), "-o", str(tmp_path / "p.pdf"),
               "--interview", "4242") == 1
    assert "no longer exists" in capsys.readouterr().err


def test_an_unwritable_target_fails_with_a_message(sample, tmp_path, capsys):
    code = run("plan", "--database", str(sample), "-o", str(tmp_path / "missing" / "p.pdf"))
    assert code == cli_export.EXIT_FAILED
    assert "does not exist" in capsys.readouterr().err
    assert run("plan", "--database", str(sample), "-o", str(tmp_path)) == 2


def test_a_summary_that_does_not_fit_is_refused(sample, tmp_path, capsys):
    from careerpivot.services import summary, workspace

    workspace.open_workspace(sample, create=False)
    try:
        summary.update_profile("narrative", "\n\n".join(["A sentence that goes on. " * 40] * 12))
    finally:
        workspace.close()
    out = tmp_path / "s.pdf"
    out.write_bytes(b"old")
    assert run("summary", "--database", str(sample), "-o", str(out)) == 3
    err = capsys.readouterr().err
    assert "Does not fit on one page" in err and "Narrative" in err
    assert "Nothing was written" in err
    assert out.read_bytes() == b"old"


def test_the_command_runs_in_its_own_process_without_qt(sample, tmp_path):
    code = ("import sys; from careerpivot import cli_export; rc = cli_export.main(sys.argv[1:]);"
            " assert not any(m.startswith('PySide6') for m in sys.modules); sys.exit(rc)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run([sys.executable, "-c", code, "summary", "--database", str(sample),
                         "-o", str(tmp_path / "s.pdf")], env=env, capture_output=True,
                        text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([sys.executable, "-c", code, "summary", "--database",
                          str(tmp_path / "none.db"), "-o", str(tmp_path / "x.pdf")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "There is no workspace" in bad.stderr


def test_more_kinds_can_join_the_command(monkeypatch):
    monkeypatch.setattr(cli_export, "EXPORTERS", dict(cli_export.EXPORTERS))
    monkeypatch.setattr(cli_export, "DELEGATES", [])
    cli_export.register_exporter("txt", "plain text", lambda args, out: "text")
    seen: list[argparse.Namespace] = []

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--list", dest="list_name")

    cli_export.register_delegate(("json", "csv"), lambda args: seen.append(args) or 7,
                                 add_arguments)
    parser = argparse.ArgumentParser()
    cli_export.add_export_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["export", "csv", "--database", "x", "-o", "y", "--list", "log"])
    assert args.kind == "csv" and args.command == "export" and args.list_name == "log"
    assert args.handler(args) == 7 and seen == [args]
    assert parser.parse_args(["export", "txt", "--database", "x", "-o", "y"]).kind == "txt"


def test_the_data_exports_join_the_same_command(sample, tmp_path):
    """The wiring app.py uses: careerpivot.cli_data's kinds behind the same ``export``."""
    cli_data = pytest.importorskip("careerpivot.cli_data")
    saved = list(cli_export.DELEGATES)
    try:
        cli_export.register_delegate(cli_data.EXPORT_KINDS, cli_data.run_export,
                                     cli_data.add_export_arguments)
        parser = argparse.ArgumentParser(prog="careerpivot")
        cli_export.add_export_parser(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["export", "summary", "--database", str(sample), "-o",
                                  str(tmp_path / "s.pdf")])
        assert args.handler(args) == 0
        args = parser.parse_args(["export", "ics", "--database", str(sample), "-o",
                                  str(tmp_path / "plan.ics")])
        assert args.handler is cli_export.run_export and args.kind == "ics"
    finally:
        cli_export.DELEGATES[:] = saved
