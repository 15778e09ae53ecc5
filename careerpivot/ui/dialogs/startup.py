"""What the user sees when the workspace cannot be opened at start: a clear message and a
choice, never a crash and never a silently new, empty workspace in place of their data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careerpivot import paths
from careerpivot.errors import WorkspaceOpenError
from careerpivot.ui.session import Session, WorkspaceLockedError


def tr(text: str) -> str:
    return QCoreApplication.translate("StartupProblemDialog", text)


class StartupProblemDialog(QMessageBox):
    OPEN_OTHER, NEW, REMOVE_LOCK, QUIT = "open", "new", "remove_lock", "quit"

    def __init__(self, error: WorkspaceOpenError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupProblemDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("Cannot open the workspace"))
        self.setText(error.message)
        if error.detail:
            self.setDetailedText(error.detail)
        self._choices = {}
        if isinstance(error, WorkspaceLockedError):
            self.setInformativeText(tr(
                "If no other CareerPivot window is open (for example after a crash), remove "
                "the lock to continue."))
            self._choices[self.addButton(tr("Remove Lock and Open"),
                                         QMessageBox.ButtonRole.AcceptRole)] = self.REMOVE_LOCK
        self._choices[self.addButton(tr("Open Another…"),
                                     QMessageBox.ButtonRole.ActionRole)] = self.OPEN_OTHER
        self._choices[self.addButton(tr("New Workspace…"),
                                     QMessageBox.ButtonRole.ActionRole)] = self.NEW
        self._choices[self.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)] = self.QUIT

    @classmethod
    def ask(cls, error: WorkspaceOpenError, parent: QWidget | None = None) -> str:
        dialog = cls(error, parent)
        dialog.exec()
        return dialog._choices.get(dialog.clickedButton(), cls.QUIT)


def _choose_file(new: bool) -> Path | None:
    start = str(paths.documents_dir())
    filt = tr("CareerPivot workspaces (*.careerpivot *.db);;All files (*)")
    if new:
        name, _ = QFileDialog.getSaveFileName(
            None, tr("New Workspace"), str(Path(start) / ("career" + paths.WORKSPACE_SUFFIX)),
            filt)
    else:
        name, _ = QFileDialog.getOpenFileName(None, tr("Open Workspace"), start, filt)
    return Path(name) if name else None


def open_at_start(session: Session, path: Path) -> bool:
    """Open ``path``; on failure ask the user what to do. False when they chose to quit."""
    create = path == paths.default_workspace() or not path.exists()
    remove_stale = False
    while True:
        try:
            session.open(path, create=create, remove_stale_lock=remove_stale)
            return True
        except WorkspaceOpenError as exc:
            choice = StartupProblemDialog.ask(exc)
        remove_stale = False
        if choice == StartupProblemDialog.QUIT:
            return False
        if choice == StartupProblemDialog.REMOVE_LOCK:
            remove_stale = True
            continue
        chosen = _choose_file(new=choice == StartupProblemDialog.NEW)
        if chosen is not None:
            if choice == StartupProblemDialog.NEW and chosen.exists():
                continue  # never replace an existing file with a new workspace
            path, create = chosen, choice == StartupProblemDialog.NEW
