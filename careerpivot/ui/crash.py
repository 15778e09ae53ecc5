"""The excepthook: a bug shows a dialog and is logged instead of ending the app.

Errors the user can act on (``CareerPivotError``) that reach the hook show their own message.
An error whose root is a damaged workspace file (kind ``corrupt``, or SQLite's raw "database
disk image is malformed") goes to the corruption flow instead: a dialog that says the file is
damaged, that it is kept, and offers the main window's File > Restore… (``actionRestore``).
Code that catches such an error itself routes it with :func:`show_corruption`.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError
from careerpivot.ui.i18n import error_title

log = logging.getLogger("careerpivot")

_state: dict[str, object] = {"showing": False, "log_file": None}


def setup_logging(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / "careerpivot.log"
    # Keep the log small: start over when it passes 1 MiB.
    if log_file.exists() and log_file.stat().st_size > 1_048_576:
        log_file.replace(folder / "careerpivot.old.log")
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    _state["log_file"] = log_file
    return log_file


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


#: What SQLite says when the file is damaged (for raw errors that reach the hook).
_DAMAGE_TEXTS = ("database disk image is malformed", "file is not a database")


def is_corruption(exc: BaseException) -> bool:
    """Whether ``exc``, or an error behind it, says the workspace file is damaged."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, CareerPivotError) and getattr(cur, "kind", None) == "corrupt":
            return True
        text = str(cur).lower()
        if any(t in text for t in _DAMAGE_TEXTS):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def restore_action() -> QAction | None:
    """File > Restore… of the active main window (or of the only one shown), if it has one."""
    windows: list[QWidget] = []
    active = QApplication.activeWindow()
    if active is not None:
        windows.append(active.window())
    windows += [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMainWindow) and w.isVisible() and w not in windows
    ]
    for window in windows:
        if isinstance(window, QMainWindow):
            action = window.findChild(QAction, "actionRestore")
            if action is not None and action.isEnabled():
                return action
    return None


def _backup_folder() -> str:
    from careerpivot.services import workspace

    info = workspace.current()
    return str(info.backup_dir) if info is not None else ""


def corruption_dialog(exc: BaseException, parent: QWidget | None = None) -> QMessageBox:
    """The corruption flow's dialog (not yet shown): what happened, that the damaged file is
    kept, and a button for File > Restore… when the main window has it."""
    box = QMessageBox(parent)
    box.setObjectName("corruptionDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("crash", "The workspace file is damaged"))
    box.setText(
        translate(
            "crash",
            "The workspace file is damaged: part of it can no longer be read. "
            "CareerPivot stopped reading it rather than show you incomplete lists.",
        )
    )
    action = restore_action()
    note = translate(
        "crash",
        "The damaged file is kept: restoring a backup puts it aside under a new name, "
        "it is never deleted.",
    )
    if action is not None:
        advice = translate("crash", "Restore a backup to continue.")
    else:
        folder = _backup_folder()
        advice = (
            translate("crash", "Restore a backup to continue: your backups are in {0}.").format(
                folder
            )
            if folder
            else translate("crash", "Restore a backup to continue.")
        )
    box.setInformativeText(f"{advice}\n\n{note}")
    detail = exc.detail if isinstance(exc, CareerPivotError) and exc.detail else str(exc)
    box.setDetailedText(detail)
    close = box.addButton(QMessageBox.StandardButton.Close)
    if action is not None:
        button = box.addButton(
            translate("crash", "Restore a Backup…"), QMessageBox.ButtonRole.AcceptRole
        )
        button.setObjectName("restoreBackupButton")
        # After this dialog has closed, so the restore dialog is not opened inside it.
        button.clicked.connect(lambda: QTimer.singleShot(0, action.trigger))
        box.setDefaultButton(button)
    else:
        box.setDefaultButton(close)
    return box


def show_corruption(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show the corruption dialog (once at a time). For code that catches the error itself."""
    if QApplication.instance() is None or _state["showing"]:
        return
    _state["showing"] = True
    try:
        box = corruption_dialog(exc, parent)
        QTimer.singleShot(0, box.raise_)
        box.exec()
    finally:
        _state["showing"] = False


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Unhandled error at %s\n%s", clock.now().isoformat(), text)
    sys.__stderr__ and sys.__stderr__.write(text)
    if QApplication.instance() is None or _state["showing"]:
        return
    if is_corruption(exc):
        show_corruption(exc)
        return
    _state["showing"] = True
    try:
        box = QMessageBox()
        if isinstance(exc, CareerPivotError):
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(error_title(exc))
            box.setText(exc.message)
            if exc.detail:
                box.setDetailedText(exc.detail)
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(translate("crash", "Something went wrong"))
            box.setText(
                translate(
                    "crash",
                    "CareerPivot ran into a problem it did not expect. Your data is safe: "
                    "every change is saved when you make it. You can keep working.",
                )
            )
            where = _state["log_file"]
            if where:
                box.setInformativeText(
                    translate("crash", "The details were written to {0}.").format(where)
                )
            box.setDetailedText(text)
        box.setObjectName("crashDialog")
        QTimer.singleShot(0, box.raise_)
        box.exec()
    finally:
        _state["showing"] = False


def install() -> None:
    sys.excepthook = report
