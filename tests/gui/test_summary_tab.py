"""The Summary tab: editing, the live preview, the fit report, export and printing."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from careerpivot.services import summary as service

ROOT = Path(__file__).resolve().parents[2]


def norm(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return norm(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))


def _host(qtbot, ctx):
    """A window with the parts of the main window the Summary tab and the document actions
    use: a File menu with the export anchor, the tabs, the context. (The real main window
    builds every other tab too; these tests need only this one.)"""
    from PySide6.QtWidgets import QMainWindow, QTabWidget

    from careerpivot.ui.tabs.summary import SummaryTab

    window = QMainWindow()
    window.ctx = ctx
    window.tabs = QTabWidget(window)
    window.setCentralWidget(window.tabs)
    window.file_menu = window.menuBar().addMenu("&File")
    window.file_export_anchor = window.file_menu.addSeparator()
    window.file_menu.addAction("&Quit")
    placeholder = QLineEdit()
    placeholder.setObjectName("planTab")
    window.tabs.addTab(placeholder, "Plan")
    tab = SummaryTab(ctx, window.tabs)
    tab.setObjectName("summaryTab")
    window.tabs.addTab(tab, "Summary")
    window.tab_widgets = {"summaryTab": tab}

    def show_tab(name: str):
        window.tabs.setCurrentWidget(window.tab_widgets[name])
        return window.tab_widgets[name]

    window.show_tab = show_tab
    window.setMinimumSize(720, 480)  # as the main window; else offscreen Qt warns
    window.resize(1300, 850)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def main_window(qtbot, app_ctx, workspace):
    """A window holding the Summary tab over a new, empty workspace."""
    window = _host(qtbot, app_ctx)
    yield window
    window.tab_widgets["summaryTab"].flush_edits()
    window.close()


@pytest.fixture
def demo_window(qtbot, app_ctx, demo_workspace):
    """A window holding the Summary tab over a copy of the sample workspace."""
    window = _host(qtbot, app_ctx)
    yield window
    window.tab_widgets["summaryTab"].flush_edits()
    window.close()


def open_tab(window, qtbot):
    """Show the Summary tab and wait for its first preview."""
    tab = window.tab_widgets["summaryTab"]
    window.show_tab("summaryTab")

    def ready() -> bool:
        assert tab.last_error is None, getattr(tab.last_error, "__traceback_text__", "")
        return tab.preview.pdf is not None and not tab.preview.is_busy()

    qtbot.waitUntil(ready, timeout=20000)
    return tab


def test_typing_the_name_stores_it_and_updates_the_preview(main_window, qtbot):
    tab = open_tab(main_window, qtbot)
    edit = tab.findChild(QLineEdit, "full_nameEdit")
    assert edit is not None
    edit.setFocus()
    name = "Dr Zoë Łukasiewicz-Ngô"
    with qtbot.waitSignal(tab.preview.rendered, timeout=15000):
        qtbot.keyClicks(edit, "Dr ")  # QTest types ASCII only: the rest as an input method
        edit.insert("Zoë Łukasiewicz-Ngô")  # would commit it, through the same signals
    # the preview follows typing before the edit is stored...
    qtbot.waitUntil(lambda: name in pdf_text(tab.preview.pdf), timeout=15000)
    assert tab.preview.image() is not None and not tab.preview.image().isNull()
    assert service.get_profile().full_name == ""
    # ...and leaving the field stores it
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert service.get_profile().full_name == name
    assert main_window.ctx.undo.canUndo()


def test_an_invalid_email_is_shown_next_to_the_field_and_not_stored(main_window, qtbot):
    tab = open_tab(main_window, qtbot)
    edit = tab.findChild(QLineEdit, "emailEdit")
    edit.setFocus()
    qtbot.keyClicks(edit, "not-an-address")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    error = tab.findChild(type(tab.fit_label), "emailError")
    assert error.isVisible() and "e-mail" in error.text()
    assert service.get_profile().email == ""


def test_the_narrative_is_stored_after_a_pause(main_window, qtbot):
    tab = open_tab(main_window, qtbot)
    edit = tab.findChild(QPlainTextEdit, "narrativeEdit")
    edit.setFocus()
    qtbot.keyClicks(edit, "Ten years of turning messy requests into plans.")
    qtbot.waitUntil(lambda: service.get_profile().narrative.startswith("Ten years"),
                    timeout=5000)
    assert "8 word" in tab.narrative_count.text()


def test_too_much_text_is_reported_and_export_waits(main_window, qtbot):
    service.update_profile("narrative", "\n\n".join(["A long sentence about my work. " * 30]
                                                    * 15))
    tab = open_tab(main_window, qtbot)
    with qtbot.waitSignal(tab.preview.rendered, timeout=15000):
        main_window.ctx.bus.changed.emit("summary")
    qtbot.waitUntil(lambda: not tab.preview.is_busy(), timeout=15000)
    assert not tab.last_report.fits
    text = tab.fit_label.text()
    assert "Does not fit on one page" in text and "Narrative" in text and "Cut about" in text
    assert not tab.export_button.isEnabled()
    assert len(pypdf.PdfReader(io.BytesIO(tab.preview.pdf)).pages) == 1


def test_skills_can_be_added_ordered_and_removed(demo_window, qtbot):
    tab = open_tab(demo_window, qtbot)
    before = [s.name for s in service.chosen_skills()]
    assert tab.skills_list.count() == len(before)
    tab.skills_list.setCurrentRow(len(before) - 1)
    qtbot.mouseClick(tab.skill_up, Qt.MouseButton.LeftButton)
    after = [s.name for s in service.chosen_skills()]
    assert after[-2] == before[-1] and after[-1] == before[-2]
    assert tab.skills_list.currentItem().text() == before[-1]
    demo_window.ctx.undo.undo()
    assert [s.name for s in service.chosen_skills()] == before
    qtbot.mouseClick(tab.skill_add, Qt.MouseButton.LeftButton)
    assert len(service.chosen_skills()) == len(before) + 1
    tab.skills_list.setCurrentRow(0)
    qtbot.mouseClick(tab.skill_remove, Qt.MouseButton.LeftButton)
    assert service.chosen_skills()[0].name == before[1]


def test_portfolio_items_are_edited_in_place(main_window, qtbot):
    tab = open_tab(main_window, qtbot)
    qtbot.mouseClick(tab.work_add, Qt.MouseButton.LeftButton)
    assert tab.portfolio_list.count() == 1
    title = tab.item_edits["title"]
    title.selectAll()
    title.insert("Café Ørsted relaunch 王")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert service.portfolio_items()[0].title == "Café Ørsted relaunch 王"
    assert tab.portfolio_list.item(0).text() == "Café Ørsted relaunch 王"
    # a title too long for the list ends in "…"; the whole of it is in the tooltip
    assert "Café Ørsted relaunch 王" in tab.portfolio_list.item(0).toolTip()
    assert tab.portfolio_list.textElideMode() == Qt.TextElideMode.ElideRight
    qtbot.waitUntil(lambda: "Café Ørsted relaunch 王" in pdf_text(tab.preview.pdf),
                    timeout=15000)
    item = tab.portfolio_list.item(0)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert service.summary_document_data().portfolio == ()
    qtbot.mouseClick(tab.work_remove, Qt.MouseButton.LeftButton)
    assert service.portfolio_items() == []
    main_window.ctx.undo.undo()
    assert [r.title for r in service.portfolio_items()] == ["Café Ørsted relaunch 王"]


def test_export_writes_the_pdf_and_remembers_the_folder(demo_window, qtbot, tmp_path,
                                                        monkeypatch):
    from careerpivot.ui.export import DocumentController

    tab = open_tab(demo_window, qtbot)
    target = tmp_path / "out" / "summary"
    target.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(DocumentController, "ask_path",
                        classmethod(lambda cls, parent, title, suggested:
                                    asked.append(suggested) or str(target)))
    monkeypatch.setattr(DocumentController, "ask_open", classmethod(lambda cls, p, path: False))
    controller = tab.documents()
    with qtbot.waitSignal(controller.exported, timeout=15000) as blocker:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    written = Path(blocker.args[0])
    assert written == target.with_name("summary.pdf")
    assert len(pypdf.PdfReader(written).pages) == 1
    assert service.get_profile().full_name in pdf_text(written.read_bytes())
    assert demo_window.ctx.settings.last_folder("export-summary") == str(target.parent)
    assert asked[0].endswith(".pdf")


def test_export_to_a_missing_folder_says_so(demo_window, qtbot, tmp_path, monkeypatch):
    from careerpivot.ui.export import DocumentController

    tab = open_tab(demo_window, qtbot)
    shown: list[str] = []
    monkeypatch.setattr(DocumentController, "ask_path",
                        classmethod(lambda cls, *a: str(tmp_path / "gone" / "s.pdf")))
    monkeypatch.setattr(DocumentController, "show_error",
                        classmethod(lambda cls, parent, title, message, detail="":
                                    shown.append(message)))
    with qtbot.waitSignal(tab.documents().failed, timeout=15000):
        tab.export_pdf()
    assert "does not exist" in shown[0]


def test_plan_and_prep_exports_from_the_menu(demo_window, qtbot, tmp_path, monkeypatch):
    from careerpivot.ui import export

    actions = export.install(demo_window)
    menu_actions = demo_window.file_menu.actions()
    anchor = menu_actions.index(demo_window.file_export_anchor)
    assert menu_actions.index(actions.print) < anchor
    assert actions.print.shortcut().toString() == "Ctrl+P"
    monkeypatch.setattr(export.DocumentController, "ask_path",
                        classmethod(lambda cls, parent, title, suggested:
                                    str(tmp_path / Path(suggested).name)))
    monkeypatch.setattr(export.DocumentController, "ask_open",
                        classmethod(lambda cls, p, path: False))
    monkeypatch.setattr(export.ChooseInterviewDialog, "ask",
                        classmethod(lambda cls, parent, choices, current: choices[-1].id))
    with qtbot.waitSignal(actions.controller.exported, timeout=15000) as plan_done:
        actions.export_plan.trigger()
    assert "Transition plan" in pdf_text(Path(plan_done.args[0]).read_bytes())
    with qtbot.waitSignal(actions.controller.exported, timeout=15000) as prep_done:
        actions.export_prep.trigger()
    assert "Introductions offered" in pdf_text(Path(prep_done.args[0]).read_bytes())


def test_printing_to_a_pdf_printer_gives_the_same_text(demo_window, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from careerpivot.reports.summary import build_summary
    from careerpivot.ui import printing

    data = build_summary(service.summary_document_data(), "A4").data
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printing.prepare_printer(printer, data)
    assert printing.paint_pdf(printer, data) == 1
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 1
    box = printed.pages[0].mediabox
    assert float(box.width) == pytest.approx(595.3, abs=1.5)
    original, copy = pdf_text(data), norm(printed.pages[0].extract_text())
    assert original.split() == copy.split()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, showing a dialog
def test_print_preview_opens_and_paints_the_pages(demo_window, qtbot, monkeypatch):
    from PySide6.QtCore import QTimer

    from careerpivot.ui import printing

    painted: list[int] = []
    real = printing.paint_pdf
    monkeypatch.setattr(printing, "paint_pdf",
                        lambda printer, data: painted.append(real(printer, data)) or 1)
    tab = open_tab(demo_window, qtbot)
    controller = tab.documents()

    def close_when_shown() -> None:
        dialog = controller.printer().dialog
        if dialog is not None and painted:
            dialog.reject()
        else:
            QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    with qtbot.waitSignal(controller.printed, timeout=30000):
        tab.print_pdf()
    assert painted == [1]
    assert controller.printer().printer is not None  # kept alive for the next time


def test_page_size_choice_is_stored(main_window, qtbot):
    tab = open_tab(main_window, qtbot)
    combo = tab.page_size_combo
    index = combo.findData("Letter")
    with qtbot.waitSignal(tab.preview.rendered, timeout=15000):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    assert service.get_profile().page_size == "Letter"
    box = pypdf.PdfReader(io.BytesIO(tab.preview.pdf)).pages[0].mediabox
    assert float(box.height) == pytest.approx(792)


def test_the_main_window_does_not_import_reportlab_or_qtpdf_at_start():
    code = ("import sys; import careerpivot.ui.main_window, careerpivot.ui.export, "
            "careerpivot.ui.tabs.summary; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab' "
            "or m in ('PySide6.QtPdf', 'PySide6.QtCharts', 'PySide6.QtPrintSupport')); "
            "print(bad); sys.exit(1 if bad else 0)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# --- a summary that is not finished -----------------------------------------------------------


def test_placeholders_describe_the_field_and_never_look_like_data(main_window, qtbot):
    from careerpivot.services.demo.people import PROFILE

    tab = open_tab(main_window, qtbot)
    editors = [*tab.profile_edits.values(), tab.narrative_edit, tab.ask_edit,
               tab.item_edits["title"]]
    for editor in editors:
        hint = editor.placeholderText()
        assert hint, editor.objectName()
        # an example says so; the others say what to type
        assert hint.startswith(("e.g. ", "Optional", "Your ", "One line")), hint
    assert tab.profile_edits["full_name"].text() == ""  # the hint is not a value
    # no hint is a value of the sample workspace's profile, with or without its "e.g."
    shown = {editor.placeholderText().removeprefix("e.g. ") for editor in editors}
    assert not shown & set(PROFILE.values())


def _fresh_summary(narrative: str = "") -> None:
    service.update_profile("full_name", "Zoë Łukasiewicz-Ngô")
    if narrative:
        service.update_profile("narrative", narrative)


def test_export_of_an_unfinished_summary_asks_and_go_back_shows_the_first_missing_field(
        main_window, qtbot, monkeypatch):
    from careerpivot.ui.dialogs.summary_incomplete import SummaryIncompleteDialog
    from careerpivot.ui.export import DocumentController

    _fresh_summary(narrative="Ten years of plans that shipped.")
    tab = open_tab(main_window, qtbot)
    said = tab.fit_label.text()  # the tab says it before export asks
    assert "Still to add: skills" in said and "the ask." in said and "narrative" not in said
    asked: list[tuple] = []
    monkeypatch.setattr(SummaryIncompleteDialog, "ask", classmethod(
        lambda cls, parent, missing, printing=False: asked.append((missing, printing))
        or False))
    paths: list[str] = []
    monkeypatch.setattr(DocumentController, "ask_path",
                        classmethod(lambda cls, *a: paths.append(a[-1]) or ""))
    main_window.activateWindow()
    tab.narrative_edit.setFocus()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert asked == [(("skills", "ask"), False)]
    assert paths == []  # nothing asked, nothing written
    # no skill to choose yet: the skills section's way in (to the Development tab)
    qtbot.waitUntil(lambda: tab.skills_page.skills_empty.button.hasFocus())
    assert tab.documents().task is None


def test_export_anyway_writes_the_unfinished_summary(main_window, qtbot, tmp_path,
                                                     monkeypatch):
    from careerpivot.ui.dialogs.summary_incomplete import SummaryIncompleteDialog
    from careerpivot.ui.export import DocumentController

    _fresh_summary()
    tab = open_tab(main_window, qtbot)
    monkeypatch.setattr(SummaryIncompleteDialog, "ask",
                        classmethod(lambda cls, parent, missing, printing=False: True))
    monkeypatch.setattr(DocumentController, "ask_path",
                        classmethod(lambda cls, *a: str(tmp_path / "s.pdf")))
    monkeypatch.setattr(DocumentController, "ask_open", classmethod(lambda cls, p, path: False))
    with qtbot.waitSignal(tab.documents().exported, timeout=15000):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert "Zoë Łukasiewicz-Ngô" in pdf_text((tmp_path / "s.pdf").read_bytes())


def test_printing_an_unfinished_summary_asks_with_the_live_text(main_window, qtbot,
                                                                monkeypatch):
    from careerpivot.ui.dialogs.summary_incomplete import SummaryIncompleteDialog

    tab = open_tab(main_window, qtbot)
    asked: list[tuple] = []
    monkeypatch.setattr(SummaryIncompleteDialog, "ask", classmethod(
        lambda cls, parent, missing, printing=False: asked.append((missing, printing))
        or False))
    main_window.activateWindow()
    ask = tab.ask_edit
    ask.setFocus()
    qtbot.keyClicks(ask, "An introduction to a product team.")  # typed, not yet stored
    tab.profile_edits["full_name"].setFocus()
    qtbot.keyClicks(tab.profile_edits["full_name"], "Ana Li")
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert asked == [(("narrative", "skills"), True)]
    qtbot.waitUntil(lambda: tab.narrative_edit.hasFocus())
    assert tab.documents().task is None and tab.documents()._printer is None  # no preview


def test_the_question_lists_what_is_missing_and_defaults_to_going_back(qtbot):
    from careerpivot.ui.dialogs.summary_incomplete import SummaryIncompleteDialog

    dialog = SummaryIncompleteDialog(("narrative", "ask"), printing=False)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "summaryIncompleteDialog"
    text = dialog.informativeText()
    assert "narrative" in text and "how others can help" in text and "Your name" not in text
    assert dialog.defaultButton() is dialog.back_button
    assert dialog.escapeButton() is dialog.back_button
    assert dialog.anyway_button.text().replace("&", "") == "Export Anyway"
    assert SummaryIncompleteDialog(("skills",), printing=True).anyway_button.text() \
        .replace("&", "") == "Print Anyway"
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.back_button.click()
    assert not dialog.go_ahead()
    dialog.open()
    dialog.anyway_button.click()
    assert dialog.go_ahead()
