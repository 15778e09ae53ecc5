"""A small modal form whose messages appear next to the fields, for the "add…" dialogs.

Subclasses add rows with :meth:`FormDialog.add_row` and implement :meth:`values`, which
returns the cleaned values or raises :class:`~careerpivot.core.errors.ValidationError` naming the
field; the dialog then shows the message under that field and stays open. Each dialog offers a
classmethod ``ask()`` that returns the values (or ``None`` when cancelled), so tests replace
``ask`` instead of clicking through a modal loop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import ValidationError
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import error_label


class FormDialog(QDialog):
    #: put before ``{field}Error`` in the object name of each field's message label
    error_prefix = ""

    def __init__(self, parent: QWidget | None, title: str, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            label.setObjectName("dialogIntro")
            layout.addWidget(label)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._errors: dict[str, QLabel] = {}
        self._editors: dict[str, QWidget] = {}
        self.result_values: dict[str, Any] | None = None
        self.setMinimumWidth(440)

    def add_row(self, label: str, field: str, editor: QWidget,
                buddy: QWidget | None = None) -> QWidget:
        """A labelled editor (``label`` may carry a mnemonic, ``buddy`` is the widget it
        focuses, the editor by default) with its message below it. Without a label the
        editor spans the row."""
        box = QWidget(self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(editor)
        error = error_label(box)
        error.setObjectName(f"{self.error_prefix}{field}Error")
        inner.addWidget(error)
        if label:
            caption = QLabel(label, self)
            caption.setBuddy(buddy or editor)
            if isinstance(editor, QAbstractScrollArea):
                # beside a text box or list: level with its first line
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setContentsMargins(0, 4, 0, 0)
            else:
                # beside a one-line field: level with its text, not with its frame's top
                caption.setAlignment(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
                caption.setFixedHeight(editor.sizeHint().height())
            self.form.addRow(caption, box)
        else:
            self.form.addRow(box)
        editor.setObjectName(editor.objectName() or f"{field}Edit")
        self._errors[field] = error
        self._editors[field] = editor
        if isinstance(editor, DateField):
            # the field as wide as its date, its message as wide as the form
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            inner.setAlignment(editor, Qt.AlignmentFlag.AlignLeft)
            # a typed date refused when the field is left: said at once, under the field
            editor.messageChanged.connect(
                lambda message, f=field: self.show_error(f, message, focus=False))
        return editor

    def set_row_visible(self, field: str, visible: bool) -> None:
        """Show or hide a field's row: its label, editor and message."""
        self.form.setRowVisible(self._editors[field].parentWidget(), visible)

    @property
    def _values(self) -> dict[str, Any] | None:
        """The accepted values (older name of :attr:`result_values`)."""
        return self.result_values

    def show_error(self, field: str, message: str, *, focus: bool = True) -> None:
        error = self._errors.get(field)
        if error is None:  # a field without its own row: show it under the first one
            error = next(iter(self._errors.values()))
        error.setText(message)
        error.setVisible(bool(message))
        self._fit_height()
        editor = self._editors.get(field)
        if editor is not None and message and focus:
            editor.setFocus()

    def _fit_height(self) -> None:
        """Grow to the height the messages shown need: a dialog grows by itself only to its
        layout's minimum, which leaves out wrapped text, so the fields would be squeezed."""
        layout = self.layout()
        if self.isVisible() and layout is not None and layout.hasHeightForWidth():
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.clear()
            error.hide()

    def values(self) -> dict[str, Any]:
        """The cleaned values; raise ValidationError(field, message) when one is wrong."""
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        try:
            self.result_values = self.values()
        except ValidationError as exc:
            self.show_error(exc.field, exc.message)
            return
        super().accept()

    def run(self) -> dict[str, Any] | None:
        """Show the dialog; its values, or None when cancelled. The dialog is deleted
        afterwards (parented to a tab, it would otherwise live as long as the window)."""
        try:
            if self.exec() == QDialog.DialogCode.Accepted:
                return self.result_values
            return None
        finally:
            self.deleteLater()
