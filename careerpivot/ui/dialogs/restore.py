"""Choosing a backup to restore: every automatic and manual backup of the workspace with its
date, kind and size, newest first. ``RestoreDialog.ask()`` returns the chosen backup's path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerpivot.services.workspace import BackupInfo

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


def reason_name(reason: str) -> str:
    return {
        "auto": translate("RestoreDialog", "Automatic"),
        "manual": translate("RestoreDialog", "Manual"),
        "pre-migration": translate("RestoreDialog", "Before an update"),
        "pre-restore": translate("RestoreDialog", "Before a restore"),
    }.get(reason, reason)


def format_when(info: BackupInfo) -> str:
    t = info.taken_at
    locale = QLocale()
    return translate("RestoreDialog", "{0}, {1}").format(
        locale.toString(QDate(t.year, t.month, t.day), QLocale.FormatType.LongFormat),
        locale.toString(QTime(t.hour, t.minute, t.second), QLocale.FormatType.ShortFormat),
    )


class RestoreDialog(QDialog):
    def __init__(
        self, backups: Sequence[BackupInfo], workspace_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(translate("RestoreDialog", "Restore From Backup"))
        self.resize(680, 420)
        self.backups = list(backups)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "RestoreDialog",
                "Choose the backup to restore. Changes made to {0} after that backup will be gone "
                "from the workspace, but nothing is deleted: the workspace as it is now is kept "
                "beside it, renamed with “before-restore” and today's date.",
            ).format(workspace_name),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backupList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(
            [
                translate("RestoreDialog", "Taken"),
                translate("RestoreDialog", "Kind"),
                translate("RestoreDialog", "Size"),
                translate("RestoreDialog", "File"),
            ]
        )
        locale = QLocale()
        for info in self.backups:
            item = QTreeWidgetItem(
                [
                    format_when(info),
                    reason_name(info.reason),
                    locale.formattedDataSize(info.size),
                    info.path.name,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(3, str(info.path))
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        if self.backups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            translate("RestoreDialog", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.tree.currentItemChanged.connect(
            lambda current, _previous: self.restore_button.setEnabled(current is not None)
        )
        layout.addWidget(self.buttons)

    def chosen(self) -> Path | None:
        item = self.tree.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, backups: Sequence[BackupInfo], workspace_name: str = ""
    ) -> Path | None:
        """The path of the backup to restore, or None when the user cancelled."""
        dialog = cls(backups, workspace_name, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        finally:
            dialog.deleteLater()
