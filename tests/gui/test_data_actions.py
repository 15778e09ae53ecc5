"""Import and export through the window: workers, the preview, the mapping, the full export
into a new workspace, and the File menu."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def test_menu_entries(main_window, data_actions):
    names = [a.objectName() for a in main_window.file_menu.actions()]
    anchor = names.index(main_window.file_export_anchor.objectName()) \
        if main_window.file_export_anchor.objectName() else None
    assert "actionImport" in names and "actionRestore" in names
    assert names.index("actionRestore") < names.index("actionCheckDatabase")
    assert data_actions.export_menu.menuAction() in main_window.file_menu.actions()
    exported = [a.objectName() for a in data_actions.export_menu.actions() if a.objectName()]
    assert exported[:7] == [f"actionExportCsv_{n}" for n in (
        "contacts", "interviews", "assumptions", "skills", "learning", "milestones", "log")]
    assert {"actionExportIcs", "actionExportVcf", "actionExportJson"} <= set(exported)
    assert anchor is None or names.index("actionImport") < anchor


def test_linkedin_import_with_preview(qtbot, main_window, data_actions, monkeypatch):
    from careerpivot.services import network
    from careerpivot.ui.dialogs.import_preview import ImportPreviewDialog

    shown = []

    def ask(parent, preview):
        dialog = ImportPreviewDialog(preview, parent)  # the real dialog, built and checked
        qtbot.addWidget(dialog)
        shown.append((preview, dialog.import_button.isEnabled(),
                       dialog.model.rowCount(), dialog.summary_label.text()))
        dialog.filter.setCurrentIndex(dialog.filter.findData("skip"))
        shown.append(dialog.model.rowCount())
        return True

    monkeypatch.setattr(ImportPreviewDialog, "ask", ask)
    changed = []
    main_window.ctx.bus.changed.connect(changed.append)
    data_actions.import_file(FIXTURES / "linkedin_connections_current.csv")
    qtbot.waitUntil(lambda: bool(data_actions.messages) and not data_actions.busy(), timeout=10000)
    (_preview, enabled, rows, summary), skipped_rows = shown
    assert enabled and rows == 7 and skipped_rows == 1
    assert "6 to add" in summary
    assert "6 added" in data_actions.messages[-1]
    assert "contacts" in changed
    assert len(network.list_contacts()) == 6
    assert main_window.ctx.settings.last_folder("import") == str(FIXTURES)


def test_a_cancelled_preview_writes_nothing(qtbot, main_window, data_actions, monkeypatch):
    from careerpivot.services import exports
    from careerpivot.ui.dialogs.import_preview import ImportPreviewDialog

    before = exports.dump_tables()
    asked = []
    monkeypatch.setattr(ImportPreviewDialog, "ask",
                        lambda parent, preview: asked.append(preview) or False)
    data_actions.import_file(FIXTURES / "iphone.vcf")
    qtbot.waitUntil(lambda: bool(asked) and not data_actions.busy(), timeout=10000)
    assert exports.dump_tables() == before
    assert data_actions.messages == []


def test_csv_import_asks_for_the_columns(qtbot, main_window, data_actions, monkeypatch):
    from careerpivot.services import network
    from careerpivot.ui.dialogs.import_preview import ColumnMappingDialog, ImportPreviewDialog

    def mapping(parent, header, sample, guessed):
        dialog = ColumnMappingDialog(header, sample, guessed, parent)
        qtbot.addWidget(dialog)
        assert dialog.mapping() == guessed
        dialog.combos["tags"].setCurrentIndex(0)  # (not imported)
        return dialog.mapping()

    monkeypatch.setattr(ColumnMappingDialog, "ask", mapping)
    monkeypatch.setattr(ImportPreviewDialog, "ask", lambda parent, preview: True)
    data_actions.import_file(FIXTURES / "contacts_semicolon.csv")
    qtbot.waitUntil(lambda: bool(data_actions.messages) and not data_actions.busy(), timeout=10000)
    people = {c.name: c for c in network.list_contacts()}
    assert set(people) == {"Priya Raman", "Ngozi Okafor"}
    assert people["Priya Raman"].tags == ()


def test_a_bad_file_gets_a_message_with_its_line(qtbot, main_window, data_actions, tmp_path):
    bad = tmp_path / "broken.vcf"
    bad.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n")
    data_actions.import_file(bad)
    qtbot.waitUntil(lambda: bool(data_actions.messages) and not data_actions.busy(), timeout=10000)
    assert "line 1" in data_actions.messages[-1]


def test_exports_write_files(qtbot, main_window, data_actions, tmp_path):
    from careerpivot.services import network

    network.create_contact(name="Ada Lovelace")
    for kind, name in (("csv", "contacts.csv"), ("ics", "plan.ics"), ("vcf", "people.vcf"),
                       ("json", "all.json")):
        task = data_actions.export(kind, "contacts", target=tmp_path / name)
        with qtbot.waitSignal(task.signals.done, timeout=10000):
            pass
        assert (tmp_path / name).stat().st_size > 0
    task = data_actions.export("csv-all", target=tmp_path / "lists")
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    assert (tmp_path / "lists" / "Milestones.csv").exists()
    # (what the status bar says: tests/gui/test_status_notice.py)
    assert main_window.ctx.settings.last_folder("export") == str(tmp_path / "lists")
    assert data_actions.messages == []


def test_full_export_imports_into_a_new_workspace(qtbot, main_window, data_actions, tmp_path,
                                                  monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from careerpivot.services import exports, network

    network.create_contact(name="Ada Lovelace", notes="moves with me", tags=["mentors"])
    source_path = exports.export_json(tmp_path / "moving.json").path
    before = exports.dump_tables()
    target = tmp_path / "new home.careerpivot"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    data_actions.import_file(source_path)  # a full export is told apart by its content
    qtbot.waitUntil(lambda: bool(data_actions.messages) and not data_actions.busy(),
                    timeout=15000)
    assert main_window.session.info.path == target.absolute()
    assert exports.dump_tables() == before
    assert "rows" in data_actions.messages[-1]


def test_a_failed_full_import_goes_back_to_the_workspace_before(qtbot, main_window,
                                                               data_actions, tmp_path,
                                                               monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from careerpivot.core.errors import ImportFileError
    from careerpivot.services import exports, network

    network.create_contact(name="Stays Here")
    source_path = exports.export_json(tmp_path / "moving.json").path
    before = main_window.session.info.path
    target = tmp_path / "new.careerpivot"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def broken(data, progress=None):
        raise ImportFileError("Line 3 is not a full export.", line=3)

    monkeypatch.setattr(exports, "import_json", broken)
    data_actions.import_file(source_path)
    qtbot.waitUntil(lambda: bool(data_actions.messages) and main_window.session.info is not None
                    and main_window.session.info.path == before, timeout=15000)
    assert "was left empty" in data_actions.messages[-1]
    assert [c.name for c in network.list_contacts()] == ["Stays Here"]
    assert main_window.tabs.isEnabled()


def test_full_export_never_replaces_a_file(qtbot, main_window, data_actions, tmp_path,
                                           monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from careerpivot.services import exports, imports

    source = exports.export_json(tmp_path / "x.json").path
    existing = tmp_path / "existing.careerpivot"
    shutil.copyfile(main_window.session.info.path, existing)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    info = main_window.session.info
    data_actions.import_full_export(imports.read_source(source))
    assert "already exists" in data_actions.messages[-1]
    assert main_window.session.info is info
