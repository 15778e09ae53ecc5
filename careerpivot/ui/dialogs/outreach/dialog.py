"""The outreach dialog itself: the list of templates beside two pages, the composer
("Message") and the template editor ("Edit Template"), kept in step with the template chosen;
and :meth:`OutreachDialog.compose`, which shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.services import outreach
from careerpivot.ui.context import AppContext
from careerpivot.ui.dialogs.outreach.composer import Composer
from careerpivot.ui.dialogs.outreach.template_editor import TemplateEditor


class OutreachDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 contact_id: int | None = None, template_key: str = outreach.REQUEST,
                 interview_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outreachDialog")
        self.setWindowTitle(self.tr("Write a Message"))
        self._build(outreach.list_templates())
        self._select_template(template_key)
        self.composer.set_recipient(contact_id, interview_id)
        self.resize(860, 600)

    # --- construction ---------------------------------------------------------------------
    def _build(self, templates: list[outreach.TemplateRow]) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.template_list = QListWidget(splitter)
        self.template_list.setObjectName("templateList")
        self.template_list.setMaximumWidth(220)
        self.template_list.setMinimumWidth(140)
        self.template_list.setAccessibleName(self.tr("Templates"))
        for row in templates:
            item = QListWidgetItem(row.name, self.template_list)
            item.setData(Qt.ItemDataRole.UserRole, row.key)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("outreachTabs")
        self.composer = Composer(self.ctx, self)
        self.tabs.addTab(self.composer, self.tr("Message"))
        self.editor = TemplateEditor(self.ctx, templates, self)
        self.tabs.addTab(self.editor, self.tr("Edit Template"))
        # the pages' widgets and commands, by the names they had before the dialog was split
        for page in (self.composer, self.editor):
            for name in page.DIALOG_ATTRIBUTES:
                setattr(self, name, getattr(page, name))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 690])
        layout.addWidget(splitter, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.template_list.currentItemChanged.connect(lambda _c, _p: self._template_changed())
        self.editor.stored.connect(self._template_stored)

    # --- the template chosen --------------------------------------------------------------
    def template_key(self) -> str:
        item = self.template_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else outreach.REQUEST

    def _select_template(self, key: str) -> None:
        for row in range(self.template_list.count()):
            if self.template_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.template_list.setCurrentRow(row)
                return
        if self.template_list.count():
            self.template_list.setCurrentRow(0)

    def _template_changed(self) -> None:
        key = self.template_key()
        self.editor.show_template(key)
        self.composer.set_template(key)

    def _template_stored(self, name: str) -> None:
        item = self.template_list.currentItem()
        if item is not None:
            item.setText(name)
        self.composer.set_template(self.template_key())

    def done(self, result: int) -> None:
        self.editor.flush()
        super().done(result)

    # --- opening --------------------------------------------------------------------------
    @classmethod
    def compose(cls, ctx: AppContext, parent: QWidget | None = None, *,
                contact_id: int | None = None, template_key: str = outreach.REQUEST,
                interview_id: int | None = None) -> None:
        """Show the composer (modal) for a contact and template."""
        dialog = cls(ctx, parent, contact_id=contact_id, template_key=template_key,
                     interview_id=interview_id)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
