"""File > Open Recent lists workspaces by name, as desktop apps list recent files: numbered,
the folder only where two share a name, the full path (home as ~) in the tooltip; a
workspace that is not there any more stays, and choosing it offers to take it off the list
without closing the one that is open."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from careerpivot.ui import recent_menu
from careerpivot.ui.recent_menu import MissingWorkspaceQuestion


def made(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


# --- the names ---------------------------------------------------------------------------------


def test_a_workspace_goes_by_its_name_without_the_extension():
    home = Path("/home/ana")
    assert recent_menu.labels([home / "Documents" / "career.careerpivot",
                               Path("/data/Coaching 2026.careerpivot"),
                               Path("/data/old.db")], home) == [
        "career", "Coaching 2026", "old.db"]


def test_two_of_one_name_get_the_shortest_folder_that_tells_them_apart():
    home = Path("/home/ana")
    items = [home / "Dropbox" / "career.careerpivot", home / "Documents" / "career.careerpivot",
             home / "a" / "work" / "Career.careerpivot", home / "b" / "work" / "career.careerpivot",
             home / "career.careerpivot", Path("/srv/plans.careerpivot")]
    assert recent_menu.labels(items, home) == [
        "career — Dropbox", "career — Documents", "Career — a/work", "career — b/work",
        "career — ~", "plans"]


def test_the_home_folder_is_written_as_a_tilde():
    home = Path("/home/ana")
    assert recent_menu.display_path(home / "Documents" / "career.careerpivot", home) == (
        "~/Documents/career.careerpivot")
    assert recent_menu.display_path(Path("/srv/plans.careerpivot"), home) == (
        "/srv/plans.careerpivot")


def test_entries_are_numbered_for_the_keyboard_and_keep_an_ampersand(tmp_path):
    (entry,) = recent_menu.entries([str(made(tmp_path / "R&D.careerpivot"))], tmp_path)
    assert recent_menu.menu_text(1, entry) == "&1 R&&D"
    assert recent_menu.tip(entry) == "~/R&D.careerpivot"
    (gone,) = recent_menu.entries([str(tmp_path / "gone.careerpivot")], tmp_path)
    assert not gone.exists
    assert recent_menu.menu_text(2, gone) == "&2 gone (not found)"
    assert recent_menu.tip(gone) == "Not found: ~/gone.careerpivot"


# --- the menu ----------------------------------------------------------------------------------


@pytest.fixture
def recent(main_window, tmp_path, demo_file):
    """Three recent workspaces: two called "career" in two folders (one of them real: a copy of
    the sample), and one whose file is gone; the open workspace first, as the app keeps it."""
    home = Path.home()
    folder = Path(tempfile.mkdtemp(prefix="recent-", dir=home))
    dropbox = folder / "Dropbox" / "career.careerpivot"
    dropbox.parent.mkdir()
    shutil.copyfile(demo_file, dropbox)
    documents = made(folder / "Documents" / "career.careerpivot")
    gone = folder / "USB" / "plans.careerpivot"
    settings = main_window.ctx.settings
    for path in (gone, documents, dropbox):
        settings.add_recent(str(path))
    settings.add_recent(str(main_window.session.info.path))
    yield {"dropbox": dropbox, "documents": documents, "gone": gone,
           "folder": folder.relative_to(home)}
    shutil.rmtree(folder)


def opened_menu(window, qtbot):
    from PySide6.QtCore import QPoint

    menu = window.recent_menu
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    return menu


def entries_of(menu):
    return [a for a in menu.actions() if a.objectName().startswith("actionRecent")]


def test_the_menu_names_each_workspace_and_tells_twins_apart(main_window, qtbot, recent,
                                                             tmp_path):
    menu = opened_menu(main_window, qtbot)
    try:
        assert menu.toolTipsVisible()
        actions = entries_of(menu)
        assert [a.text() for a in actions] == [
            f"&1 {tmp_path.name}", "&2 career — Dropbox", "&3 career — Documents",
            "&4 plans (not found)"]
        where = f"~/{recent['folder']}"
        assert actions[1].toolTip() == f"{where}/Dropbox/career.careerpivot"
        assert actions[1].statusTip() == actions[1].toolTip()
        assert actions[3].toolTip() == f"Not found: {where}/USB/plans.careerpivot"
        assert all(a.isEnabled() for a in actions)  # (the missing one offers its removal)
        clear = next(a for a in menu.actions() if a.objectName() == "actionClearRecent")
        assert clear.text() == "&Clear Recent" and clear.isEnabled()
    finally:
        menu.close()


def test_a_workspace_not_found_is_offered_for_removal_and_the_open_one_stays(
        main_window, qtbot, recent, monkeypatch):
    asked = []
    answer = [False]
    monkeypatch.setattr(MissingWorkspaceQuestion, "ask", classmethod(
        lambda cls, parent, entry: asked.append(entry.path) or answer[0]))
    current = main_window.session.info.path
    menu = opened_menu(main_window, qtbot)
    entries_of(menu)[3].trigger()
    menu.close()
    assert asked == [recent["gone"]]
    assert main_window.session.info.path == current and main_window.session.opening is None
    assert str(recent["gone"]) in main_window.ctx.settings.recent_workspaces  # kept

    answer[0] = True
    menu = opened_menu(main_window, qtbot)
    entries_of(menu)[3].trigger()
    menu.close()
    assert str(recent["gone"]) not in main_window.ctx.settings.recent_workspaces
    assert main_window.statusBar().currentMessage() == (
        "“plans” was removed from the recent workspaces.")
    assert main_window.session.info.path == current


def test_choosing_a_recent_workspace_opens_it(main_window, qtbot, recent):
    menu = opened_menu(main_window, qtbot)
    with qtbot.waitSignal(main_window.workspace_ready, timeout=15000):
        entries_of(menu)[1].trigger()
    menu.close()
    assert main_window.session.info.path == recent["dropbox"]
    assert main_window.ctx.settings.recent_workspaces[0] == str(recent["dropbox"])


def test_clear_recent_empties_the_list_and_touches_no_file(main_window, qtbot, recent):
    menu = opened_menu(main_window, qtbot)
    next(a for a in menu.actions() if a.objectName() == "actionClearRecent").trigger()
    menu.close()
    assert main_window.ctx.settings.recent_workspaces == []
    assert recent["dropbox"].exists() and recent["documents"].exists()
    menu = opened_menu(main_window, qtbot)
    try:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert texts == ["No recent workspaces", "&Clear Recent"]
        assert not any(a.isEnabled() for a in menu.actions() if not a.isSeparator())
    finally:
        menu.close()


def test_the_question_names_the_workspace_and_keeps_it_by_default(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def answer(box):
        seen["text"], seen["more"] = box.text(), box.informativeText()
        seen["default"] = box.defaultButton().text()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    entry = recent_menu.RecentEntry(Path("/media/usb/plans.careerpivot"), "plans",
                                    "/media/usb/plans.careerpivot", False)
    assert MissingWorkspaceQuestion.ask(None, entry) is False
    assert seen["text"] == "“plans” is not where it was."
    assert "/media/usb/plans.careerpivot" in seen["more"] and "stays open" in seen["more"]
    assert seen["default"] == "Keep in List"
