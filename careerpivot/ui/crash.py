"""The excepthook: a bug shows a dialog and is logged instead of ending the app.

Errors the user can act on (``CareerPivotError``) that reach the hook show their own message.
"""

from __future__ import annotations

import datetime as _dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from careerpivot.errors import CareerPivotError

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


def tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Unhandled error at %s\n%s", _dt.datetime.now().isoformat(), text)
    sys.__stderr__ and sys.__stderr__.write(text)
    if QApplication.instance() is None or _state["showing"]:
        return
    _state["showing"] = True
    try:
        box = QMessageBox()
        if isinstance(exc, CareerPivotError):
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(tr(exc.title))
            box.setText(exc.message)
            if exc.detail:
                box.setDetailedText(exc.detail)
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(tr("Something went wrong"))
            box.setText(tr("CareerPivot ran into a problem it did not expect. Your data is safe: "
                           "every change is saved when you make it. You can keep working."))
            where = _state["log_file"]
            if where:
                box.setInformativeText(tr("The details were written to {0}.").format(where))
            box.setDetailedText(text)
        box.setObjectName("crashDialog")
        QTimer.singleShot(0, box.raise_)
        box.exec()
    finally:
        _state["showing"] = False


def install() -> None:
    sys.excepthook = report
