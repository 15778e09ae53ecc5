"""The selected path's own fields: its title, status, field and motivation above the pages,
and its notes on a page of their own; one binder stores every one of them when edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services import paths
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.widgets.form_parts import GrowingTextEdit
from careerpivot.ui.widgets.forms import FormBinder, error_label


class PathForm(QWidget):
    """The fields of the path shown; ``binder.stored`` tells which one was just stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.binder = FormBinder(self.ctx, paths.update_path, area=Area.PATHS, what="path",
                                 parent=self,
                                 reload=lambda pid: paths.get_path(pid)._asdict())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("pathTitleEdit")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("pathStatusCombo")
        for key, name in vocab.PATH_STATUSES.items():
            self.status_combo.addItem(vocab_name(name), key)
        self.field_edit = QLineEdit()
        self.field_edit.setObjectName("pathFieldEdit")
        self.field_edit.setPlaceholderText(self.tr("for example B2B software, healthcare"))
        self.why_edit = GrowingTextEdit(2, 6)
        self.why_edit.setObjectName("pathWhyEdit")
        self.why_edit.setPlaceholderText(self.tr("What draws you to this path?"))

        def caption(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(buddy)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return label

        errors = {f: error_label(self) for f in ("title", "status", "field", "why")}
        grid.addWidget(caption(self.tr("&Title:"), self.title_edit), 0, 0)
        grid.addWidget(self.title_edit, 0, 1)
        grid.addWidget(caption(self.tr("Stat&us:"), self.status_combo), 0, 2)
        grid.addWidget(self.status_combo, 0, 3)
        grid.addWidget(errors["title"], 1, 1)
        grid.addWidget(errors["status"], 1, 3)
        grid.addWidget(caption(self.tr("Field or indust&ry:"), self.field_edit), 2, 0)
        grid.addWidget(self.field_edit, 2, 1, 1, 3)
        grid.addWidget(errors["field"], 3, 1, 1, 3)
        why_caption = caption(self.tr("&Why it attracts me:"), self.why_edit)
        why_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(why_caption, 4, 0)
        grid.addWidget(self.why_edit, 4, 1, 1, 3)
        grid.addWidget(errors["why"], 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.binder.bind("title", self.title_edit, errors["title"], self.tr("the title"))
        self.binder.bind("status", self.status_combo, errors["status"], self.tr("the status"))
        self.binder.bind("field", self.field_edit, errors["field"], self.tr("the field"))
        self.binder.bind("why", self.why_edit, errors["why"], self.tr("why it attracts you"))

    def build_notes_page(self) -> QWidget:
        """The Notes page (built when the tab adds it, after the pages before it)."""
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("pathNotesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Anything else about this path: roles to "
                                                   "look at, companies, open questions…"))
        notes_error = error_label(notes_page)
        notes_layout.addWidget(self.notes_edit, 1)
        notes_layout.addWidget(notes_error)
        self.binder.bind("notes", self.notes_edit, notes_error, self.tr("the notes"))
        return notes_page
