"""File > Import…, File > Export ▸ and File > Restore From Backup…: :class:`DataActions`, the
controller the main window creates, made of one mixin per menu entry (``importing``,
``exporting``, ``restoring``) over the machinery they share (``base``).

Imports and exports run in workers (``ui.workers``) behind a window-modal QProgressDialog
whose Cancel stops them: an import rolls back as a whole, an export leaves the previous file
whole (every export is written atomically). Folders are remembered per purpose in the
settings. Messages come from the services and say what happened and what to do.

A restore runs on the GUI thread, on purpose: the workspace is closed while its file is
swapped, and nothing else (no tab refresh, no worker) may reach the database in between. It
takes well under a second for a workspace of tens of megabytes (the backup API copies pages).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.data_actions.base import DataActionsBase
from careerpivot.ui.data_actions.exporting import ExportActionsMixin
from careerpivot.ui.data_actions.importing import ImportActionsMixin
from careerpivot.ui.data_actions.restoring import RestoreActionsMixin
from careerpivot.ui.session import Session

__all__ = ["DataActions"]


class DataActions(ImportActionsMixin, ExportActionsMixin, RestoreActionsMixin,
                  DataActionsBase):
    """Builds and runs the import, export and restore actions for one main window."""

    def __init__(self, window: QWidget, ctx: AppContext, session: Session) -> None:
        super().__init__(window, ctx, session)
        self._build_import_action()
        self._build_export_menu()
        self._build_restore_action()

        session.opened.connect(self._on_opened)
        if session.info is not None:
            self._on_opened(session.info)

    def install(self, file_menu: QMenu, before: QAction,
                restore_before: QAction | None = None) -> None:
        """Put Import… and Export ▸ before ``before`` (the main window's export anchor) and
        Restore… before ``restore_before`` (or after the export menu). Call it before the PDF
        documents are installed at the same anchor, so they follow the data exports."""
        file_menu.insertAction(before, self.import_action)
        file_menu.insertMenu(before, self.export_menu)
        file_menu.insertSeparator(before)  # apart from the documents installed after them
        if restore_before is not None:
            file_menu.insertAction(restore_before, self.restore_action)
        else:
            file_menu.insertAction(before, self.restore_action)
