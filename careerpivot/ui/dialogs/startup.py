"""What the user sees when the workspace cannot be opened at start: a clear message and a
choice, never a crash and never a silently new, empty workspace in place of their data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careerpivot import paths
from careerpivot.core.errors import WorkspaceOpenError
from careerpivot.ui.session import Session, WorkspaceLockedError

if TYPE_CHECKING:
    from careerpivot.services.workspace import WorkspaceInfo


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class StartupProblemDialog(QMessageBox):
    OPEN_OTHER, NEW, REMOVE_LOCK, QUIT = "open", "new", "remove_lock", "quit"

    def __init__(self, error: WorkspaceOpenError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupProblemDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("StartupProblemDialog", "Cannot open the workspace"))
        self.setText(error.message)
        if error.detail:
            self.setDetailedText(error.detail)
        self._choices = {}
        if isinstance(error, WorkspaceLockedError):
            self.setInformativeText(
                translate(
                    "StartupProblemDialog",
                    "If no other CareerPivot window is open (for example after a crash), remove "
                    "the lock to continue.",
                )
            )
            self._choices[
                self.addButton(
                    translate("StartupProblemDialog", "Remove Lock and Open"),
                    QMessageBox.ButtonRole.AcceptRole,
                )
            ] = self.REMOVE_LOCK
        self._choices[
            self.addButton(
                translate("StartupProblemDialog", "Open Another…"),
                QMessageBox.ButtonRole.ActionRole,
            )
        ] = self.OPEN_OTHER
        self._choices[
            self.addButton(
                translate("StartupProblemDialog", "New Workspace…"),
                QMessageBox.ButtonRole.ActionRole,
            )
        ] = self.NEW
        self._choices[
            self.addButton(
                translate("StartupProblemDialog", "Quit"), QMessageBox.ButtonRole.RejectRole
            )
        ] = self.QUIT

    @classmethod
    def ask(cls, error: WorkspaceOpenError, parent: QWidget | None = None) -> str:
        dialog = cls(error, parent)
        dialog.exec()
        return dialog._choices.get(dialog.clickedButton(), cls.QUIT)


def _choose_file(new: bool) -> Path | None:
    start = str(paths.documents_dir())
    filt = translate(
        "StartupProblemDialog", "CareerPivot workspaces (*.careerpivot *.db);;All files (*)"
    )
    if new:
        name, _ = QFileDialog.getSaveFileName(
            None,
            translate("StartupProblemDialog", "New Workspace"),
            str(Path(start) / ("career" + paths.WORKSPACE_SUFFIX)),
            filt,
        )
    else:
        name, _ = QFileDialog.getOpenFileName(
            None, translate("StartupProblemDialog", "Open Workspace"), start, filt
        )
    return Path(name) if name else None


class StartupWindow(Protocol):
    """What :class:`StartupOpener` needs of the window it opens the workspace for (the main
    window, a QWidget: the opener's parent and its dialog's). Typed here, so this module does
    not import the main window's."""

    session: Session

    def show_opening(self, message: str) -> None: ...

    def when_painted(self, call: Callable[[], object]) -> None: ...

    def start_backup_when_idle(self, reason: str) -> None: ...

    def close(self) -> bool: ...


class StartupOpener(QObject):
    """Opens the start-up workspace of a shown window in the background, and on failure asks
    the user what to do (:class:`StartupProblemDialog`) until a workspace is open or they
    quit. ``finished`` says which: True when a workspace is open."""

    finished = Signal(bool)

    def __init__(
        self, window: StartupWindow, path: Path, *, create: bool, demo: bool = False
    ) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.create = create
        self.demo = demo
        #: The user chose Quit at a problem (the app then ends with a failure status).
        self.quit_chosen = False
        window.session.opened.connect(self._opened)
        window.session.open_failed.connect(self._failed)

    def _stop_listening(self) -> None:
        self.window.session.opened.disconnect(self._opened)
        self.window.session.open_failed.disconnect(self._failed)

    def start(self, *, remove_stale_lock: bool = False) -> None:
        message = translate("StartupProblemDialog", "Opening {0}…").format(self.path.name)
        self.window.show_opening(message)
        # the window paints first: the open's imports would compete with it for the GIL
        self.window.when_painted(lambda: self._begin(remove_stale_lock))

    def _begin(self, remove_stale_lock: bool) -> None:
        try:
            self.window.session.open_in_background(
                self.path, create=self.create, remove_stale_lock=remove_stale_lock, demo=self.demo
            )
        except WorkspaceOpenError as exc:  # its lock is held by another window
            self._failed(exc)

    def _opened(self, info: WorkspaceInfo) -> None:
        # (the window has replaced "Opening…" with what the user should know: read-only, or
        # updated to this version's format, with a backup of the old one just made)
        self._stop_listening()
        if not info.created and not info.migrated_from:
            self.window.start_backup_when_idle("auto")  # (not before the tab's data paints)
        self.finished.emit(True)

    def _failed(self, exc: WorkspaceOpenError) -> None:
        self.window.show_opening(exc.message)
        choice = StartupProblemDialog.ask(exc, self.window)
        if choice == StartupProblemDialog.QUIT:
            self._stop_listening()
            self.quit_chosen = True
            self.finished.emit(False)
            self.window.close()
            return
        if choice == StartupProblemDialog.REMOVE_LOCK:
            self.start(remove_stale_lock=True)
            return
        new = choice == StartupProblemDialog.NEW
        chosen = _choose_file(new=new)
        if chosen is not None and not (new and chosen.exists()):
            # (never replace an existing file with a new workspace)
            self.path, self.create, self.demo = chosen, new, False
        self.start()
