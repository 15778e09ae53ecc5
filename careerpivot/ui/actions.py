"""Every menu action, built in one place with standard shortcuts."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

SK = QKeySequence.StandardKey


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


@dataclasses.dataclass
class Actions:
    new: QAction
    open: QAction
    open_sample: QAction
    backup_now: QAction
    check_database: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    find_in_list: QAction
    next_tab: QAction
    previous_tab: QAction
    about: QAction
    data_location: QAction
    about_qt: QAction


def _action(
    parent: QWidget, name: str, text: str, shortcut: object = None, tip: str = ""
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    return action


def build(parent: QWidget) -> Actions:
    quit_action = _action(parent, "actionQuit", translate("Actions", "&Quit"), SK.Quit)
    if quit_action.shortcuts() == []:  # some platforms define no standard Quit key
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    about = _action(parent, "actionAbout", translate("Actions", "&About CareerPivot"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about_qt = _action(parent, "actionAboutQt", translate("Actions", "About &Qt"))
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    return Actions(
        new=_action(
            parent,
            "actionNew",
            translate("Actions", "&New Workspace…"),
            SK.New,
            translate("Actions", "Create a new, empty workspace file"),
        ),
        open=_action(
            parent,
            "actionOpen",
            translate("Actions", "&Open Workspace…"),
            SK.Open,
            translate("Actions", "Open another workspace file"),
        ),
        open_sample=_action(
            parent,
            "actionOpenSample",
            translate("Actions", "Open &Sample Workspace"),
            tip=translate("Actions", "Open a workspace filled with realistic example data"),
        ),
        backup_now=_action(
            parent,
            "actionBackupNow",
            translate("Actions", "&Back Up Now"),
            tip=translate("Actions", "Make a verified backup of this workspace"),
        ),
        check_database=_action(
            parent,
            "actionCheckDatabase",
            translate("Actions", "&Check Workspace"),
            tip=translate("Actions", "Run the database integrity checks"),
        ),
        quit=quit_action,
        undo=_action(parent, "actionUndo", translate("Actions", "&Undo"), SK.Undo),
        redo=_action(parent, "actionRedo", translate("Actions", "&Redo"), SK.Redo),
        find=_action(
            parent,
            "actionFind",
            translate("Actions", "&Find…"),
            SK.Find,
            translate(
                "Actions",
                "Search contacts, interviews, assumptions, skills, the log and milestones",
            ),
        ),
        find_in_list=_action(
            parent,
            "actionFindInList",
            translate("Actions", "Find in &List"),
            "Ctrl+Shift+F",
            translate("Actions", "Search the list of the current tab"),
        ),
        next_tab=_action(parent, "actionNextTab", translate("Actions", "&Next Tab"), SK.NextChild),
        previous_tab=_action(
            parent, "actionPreviousTab", translate("Actions", "&Previous Tab"), SK.PreviousChild
        ),
        about=about,
        data_location=_action(
            parent, "actionDataLocation", translate("Actions", "Where Is My &Data?")
        ),
        about_qt=about_qt,
    )
