"""Status messages a person reads: what happened, in words, with the file's name at most; its
full path is the tooltip, and a link opens what one looks for next (the backups, the folder)."""

from __future__ import annotations

from pathlib import Path

import pytest


def _notice(window):
    from careerpivot.ui.widgets.status_notice import StatusNotice

    return window.statusBar().findChild(StatusNotice, "statusNotice")


def _shown(window, qtbot):
    qtbot.waitUntil(lambda: _notice(window) is not None and _notice(window).isVisible(),
                    timeout=10000)
    return _notice(window)


def test_a_backup_says_when_and_links_to_the_backups(main_window, qtbot, monkeypatch):
    from careerpivot.ui.dialogs.restore import RestoreDialog

    task = main_window.start_backup("manual")
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    notice = _shown(main_window, qtbot)
    text = notice.text.text()
    assert text.startswith("Backed up at ")
    assert "/" not in text and "\\" not in text
    assert "/" not in main_window.statusBar().currentMessage()
    backup = Path(notice.text.toolTip())  # where it is, for who wants to know
    assert backup.parent == main_window.session.info.backup_dir and backup.exists()
    assert notice.link.text().endswith(">Show Backups</a>")

    offered = []
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(
        lambda cls, parent, backups, name="": offered.extend(b.path for b in backups)))
    notice.link.linkActivated.emit("#")
    assert backup in offered


def test_another_message_takes_the_notice_place(main_window, qtbot):
    task = main_window.start_backup("manual")
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    notice = _shown(main_window, qtbot)
    main_window.ctx.bus.status.emit("Deleted Ada Lovelace.")
    assert not notice.isVisible()
    assert main_window.statusBar().currentMessage() == "Deleted Ada Lovelace."


def test_a_failed_automatic_backup_says_so_and_shows_why_on_demand(main_window, qtbot,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from careerpivot.services import workspace

    why = "The backup could not be written to /media/usb/backups: No space left on device"

    def fail(*_args, **_kwargs):
        raise workspace.BackupError(why)

    monkeypatch.setattr(workspace, "backup_now", fail)
    task = main_window.start_backup("auto")
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    notice = _shown(main_window, qtbot)
    assert notice.text.text() == "The automatic backup failed."
    assert notice.text.toolTip() == why
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    notice.activate()
    assert shown == [why]


@pytest.fixture
def opened_folders(monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(Path(url.toLocalFile())) or True)
    return opened


@pytest.fixture
def some_data(main_window):
    """Three people and one planned conversation (a calendar event)."""
    from careerpivot.services import interviews, network

    ana, _bob, _cy = (network.create_contact(name=name) for name in ("Ana", "Bob", "Cy"))
    interviews.create_interview(ana, None, "2026-03-20 10:00")


def _rows_of_every_list() -> int:
    from careerpivot.services import exports

    return sum(len(exports.csv_table(name)[1]) for name in exports.CSV_LISTS)


@pytest.mark.parametrize(("kind", "name", "says"), [
    ("csv", "contacts.csv", "Exported 3 contacts to contacts.csv."),
    ("ics", "plan.ics", "Exported 1 calendar event to plan.ics."),
    ("vcf", "people.vcf", "Exported 3 contacts to people.vcf."),
    ("json", "all.json", "Exported the whole workspace (3 contacts, 1 interview) to all.json."),
    ("csv-all", "lists", "Exported 7 lists ({rows} rows) to the folder lists."),
])
def test_an_export_says_what_it_wrote_names_the_file_and_opens_its_folder(
        main_window, data_actions, some_data, qtbot, tmp_path, opened_folders, kind, name,
        says):
    task = data_actions.export(kind, "contacts", target=tmp_path / name)
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    notice = _shown(main_window, qtbot)
    assert notice.text.text() == says.format(rows=_rows_of_every_list())
    assert str(tmp_path) not in notice.text.text()  # the name only: the path is the tooltip
    assert notice.text.toolTip() == str(tmp_path / name)
    assert notice.link.text().endswith(">Show in Folder</a>")
    notice.activate()  # Show in Folder
    assert opened_folders == [tmp_path / name if kind == "csv-all" else tmp_path]


def test_an_export_counts_in_the_words_of_its_list(main_window, data_actions, qtbot, tmp_path):
    from careerpivot.services import network

    network.create_contact(name="Ana")
    task = data_actions.export("csv", "contacts", target=tmp_path / "one.csv")
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    assert _shown(main_window, qtbot).text.text() == "Exported 1 contact to one.csv."
    task = data_actions.export("csv", "log", target=tmp_path / "log.csv")
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    assert _shown(main_window, qtbot).text.text() == "Exported 0 log items to log.csv."


def _pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


@pytest.mark.parametrize(("kind", "says"), [
    ("plan", "Saved the transition plan ({0}) to {1}."),
    ("summary", "Saved the summary ({0}) to {1}."),
    ("prep", "Saved the prep sheet ({0}) to {1}."),
])
def test_a_saved_document_says_its_pages_and_its_folder_is_a_click_away(
        demo_window, qtbot, tmp_path, monkeypatch, opened_folders, kind, says):
    from careerpivot.ui.export import DocumentController

    monkeypatch.setattr(DocumentController, "ask_open", classmethod(lambda cls, p, path: False))
    controller = demo_window.document_actions.controller
    monkeypatch.setattr(controller, "_current_interview", lambda: None)
    from careerpivot.ui import export

    monkeypatch.setattr(export.ChooseInterviewDialog, "ask",
                        classmethod(lambda cls, parent, choices, current: choices[0].id))
    target = tmp_path / f"{kind} document.pdf"
    with qtbot.waitSignal(controller.exported, timeout=15000):
        controller.export_to(controller.request(kind), target)
    notice = _shown(demo_window, qtbot)
    pages = _pages(target)
    assert notice.text.text() == says.format(
        "1 page" if pages == 1 else f"{pages} pages", target.name)
    assert notice.text.toolTip() == str(target) and str(tmp_path) not in notice.text.text()
    notice.activate()
    assert opened_folders == [tmp_path]


def test_folders_that_could_not_be_moved_are_explained_once_the_workspace_is_open(
        main_window, qtbot, monkeypatch):
    from careerpivot import app, relocate

    asked = []
    monkeypatch.setattr(main_window, "show_data_location", lambda: asked.append(True))
    outcome = relocate.Outcome(problem="Your data stays in its old folder: CareerPivot "
                                       "cannot write there, so it could not be moved to the "
                                       "new one.", detail="/old cannot be written")
    app.show_relocation_problem(main_window, outcome)
    task = main_window.start_backup("auto")  # (as the start-up's: its notice comes first)
    main_window.workspace_ready.emit()
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    notice = _shown(main_window, qtbot)
    qtbot.waitUntil(lambda: notice.text.text() == outcome.problem, timeout=5000)
    assert notice.text.toolTip() == outcome.detail
    assert notice.link.text().endswith(">Where Is My Data?</a>")
    notice.activate()
    assert asked == [True]
    # a problem that lasts is only covered by a passing message, not taken away
    main_window.ctx.bus.status.emit("Deleted Ada Lovelace.")
    main_window.statusBar().clearMessage()
    assert notice.isVisible() and notice.text.text() == outcome.problem
