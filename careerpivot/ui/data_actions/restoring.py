"""File > Restore From Backup…: :class:`RestoreActionsMixin`, the restore action of
:class:`careerpivot.ui.data_actions.DataActions`. The chosen backup is checked, the workspace
closed, its file swapped and the restored workspace opened, each slow step in a worker; a
restored backup that cannot be opened is undone.

Its texts are translated under the controller's context, "DataActions".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from careerpivot.core.errors import WorkspaceOpenError
from careerpivot.ui import workers

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class RestoreActionsMixin:
    """Restore From Backup… (``restore_action``). A mixin of ``DataActions`` (it uses
    :class:`.base.DataActionsBase`)."""

    def _build_restore_action(self) -> None:
        self.restore_action = self._action(
            "actionRestore", translate("DataActions", "&Restore From Backup…"),
            translate("DataActions", "Replace the workspace with one of its backups"))
        self.restore_action.triggered.connect(self.restore)

    def restore(self) -> bool:
        """Ask for a backup and restore it, behind the window: the backup is checked, the
        workspace closed, the file swapped and the restored workspace opened, each slow step
        in a worker. True when the restore has started; it ends with a message either way."""
        from careerpivot.services import restore, workspace
        from careerpivot.ui.dialogs.restore import RestoreDialog, format_when

        title = translate("DataActions", "Restore From Backup")
        info = self.session.info
        if info is None:
            return False
        if self.task is not None or self.session.opening is not None:
            self._message(title, translate("DataActions",
                                           "Wait for the running import or export to finish."))
            return False
        backups = workspace.list_backups()
        if not backups:
            self._message(title, translate("DataActions",
                                           "There are no backups of this workspace yet. Make "
                                           "one with File > Back Up Now."), warning=False)
            return False
        chosen = RestoreDialog.ask(self.window, backups, info.path.name)
        if chosen is None:
            return False
        when = next((format_when(b) for b in backups if b.path == chosen), chosen.name)
        # Pending edits are saved first (into the workspace the backup will replace).
        if not self._flush_window():
            return False
        path = info.path

        def check(_job: workers.Job, backup: Path) -> None:
            restore.check_backup(backup)  # reads the whole backup: never swap in a damaged one

        def checked(_result: None) -> None:
            # background work ends, then the file is swapped
            workers.wait_all()
            self.session.close(backup=False)
            self.window.show_opening(translate("DataActions", "Restoring {0}…")
                                     .format(path.name))
            self._run(title, swap, chosen, path, finished=swapped, failed=swap_failed,
                      label=translate("DataActions", "Restoring the backup taken {0}…")
                      .format(when),
                      cancellable=False)

        def swap(_job: workers.Job, backup: Path, target: Path) -> restore.RestoreResult:
            return restore.restore_backup(backup, target)

        def swap_failed(exc: BaseException) -> None:
            self._reopen_quietly(path)
            self._fail(title, exc)

        def swapped(result: restore.RestoreResult) -> None:
            def opened(_info: workspace.WorkspaceInfo) -> None:
                # (the window shows the restored data: bus "all", undo cleared)
                kept = result.kept_aside
                self._message(title, translate("DataActions",
                                               "The backup taken {0} was restored.")
                              .format(when)
                              + ("\n\n" + translate("DataActions",
                                                    "The workspace as it was before is kept "
                                                    "as {0}.").format(kept) if kept else ""),
                              warning=False)

            def failed(exc: WorkspaceOpenError) -> None:
                restore.undo(result)
                self._reopen_quietly(path)
                self._message(title, translate(
                    "DataActions",
                    "The restored backup could not be opened, so the workspace was put back "
                    "as it was.") + "\n\n" + exc.message, detail=exc.detail)

            self._open_then(path, opened, failed)

        self._run(title, check, chosen, finished=checked,
                  label=translate("DataActions", "Checking the backup taken {0}…")
                  .format(when))
        return True

    def _reopen_quietly(self, path: Path) -> None:
        """Open ``path`` again in the background after a failed restore; should that fail
        too, the window says no workspace is open (File > Open is there)."""
        def failed(_exc: WorkspaceOpenError) -> None:
            self.window.show_opening(translate(
                "DataActions", "No workspace is open. Open one from the File menu."))

        self._open_then(path, lambda _info: None, failed)
