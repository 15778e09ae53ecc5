"""Detail editors that store every edit when it is made.

A :class:`FormBinder` binds editors to the fields of one row. When the user finishes an edit
(leaves a line, pauses typing in a text box, picks from a list) the value goes to the service's
save function. A validation error is shown next to the field and nothing is stored; a failed
write (disk full, file busy) keeps the text in the editor, says what happened and is retried.
Each stored edit is undoable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError, StoreWriteError, ValidationError
from careerpivot.ui import crash
from careerpivot.ui.context import AppContext
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.time_field import TimeField

#: Pause in typing after which a multi-line text is stored.
TEXT_DEBOUNCE_MS = 700
#: Retry interval for a write that failed for a reason that may pass (file busy, disk full).
RETRY_MS = 5000

SaveFn = Callable[[int, str, Any], None]


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class FieldBinding(QObject):
    def __init__(self, binder: FormBinder, field: str, editor: QWidget, error: QLabel,
                 title: str) -> None:
        super().__init__(binder)
        self.binder, self.field, self.editor, self.error = binder, field, editor, error
        self.title = title
        self.stored: Any = None
        self.pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.commit)
        self._wire()

    # editors ------------------------------------------------------------------------------
    def _wire(self) -> None:
        e = self.editor
        if isinstance(e, DateField | TimeField):
            # stored when the user has finished (left the field, picked from the calendar);
            # a typed date or time the field refused is shown like any other message
            e.edited.connect(self._date_edited)
            e.dateTimeChanged.connect(lambda _v: self._text_changed())
            e.messageChanged.connect(self.show_error)
        elif isinstance(e, QLineEdit):
            e.editingFinished.connect(self.commit)
            e.textEdited.connect(lambda _t: self._mark_editing())
        elif isinstance(e, QPlainTextEdit | QTextEdit):
            e.textChanged.connect(self._text_changed)
            e.installEventFilter(self)
        elif isinstance(e, QComboBox):
            e.activated.connect(lambda _i: self.commit())
            if e.isEditable():
                e.lineEdit().editingFinished.connect(self.commit)
        elif isinstance(e, QSpinBox | QDoubleSpinBox):
            e.valueChanged.connect(lambda _v: self._text_changed())
            e.editingFinished.connect(self.commit)
        elif isinstance(e, QCheckBox):
            e.toggled.connect(lambda _v: self.commit())
        else:
            raise TypeError(f"unsupported editor {type(e).__name__}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut and self.pending:
            self.commit()
        return False

    def _date_edited(self) -> None:
        if self.pending or not _same(self.value(), self.stored):
            self.commit()

    def _mark_editing(self) -> None:
        if not self.binder.loading:
            self.pending = True

    def _text_changed(self) -> None:
        if self.binder.loading:
            return
        self.pending = True
        self._timer.start()

    def value(self) -> Any:
        e = self.editor
        if isinstance(e, DateField | TimeField):
            return e.value()
        if isinstance(e, QLineEdit):
            return e.text()
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText()
        if isinstance(e, QTextEdit):
            return e.toPlainText()
        if isinstance(e, QComboBox):
            if e.isEditable():
                return e.currentText()
            return e.currentData()
        if isinstance(e, QSpinBox | QDoubleSpinBox):
            return e.value()
        if isinstance(e, QCheckBox):
            return e.isChecked()
        raise TypeError(type(e).__name__)

    def set_value(self, value: Any) -> None:
        e = self.editor
        blocker = e.blockSignals(True)
        try:
            if isinstance(e, DateField | TimeField):
                e.set_value(value)
            elif isinstance(e, QLineEdit):
                e.setText("" if value is None else str(value))
                e.setCursorPosition(0)
            elif isinstance(e, QPlainTextEdit | QTextEdit):
                text = "" if value is None else str(value)
                if e.toPlainText() != text:
                    e.setPlainText(text)
            elif isinstance(e, QComboBox):
                if e.isEditable():
                    e.setCurrentText("" if value is None else str(value))
                else:
                    index = e.findData(value)
                    e.setCurrentIndex(index if index >= 0 else 0)
            elif isinstance(e, QSpinBox):
                e.setValue(int(value or 0))
            elif isinstance(e, QDoubleSpinBox):
                e.setValue(float(value or 0))
            elif isinstance(e, QCheckBox):
                e.setChecked(bool(value))
        finally:
            e.blockSignals(blocker)
        self.stored = value
        self.pending = False
        self.show_error("")

    def set_text(self, value: Any) -> None:
        """Put ``value`` in the editor without taking it as the stored value."""
        stored = self.stored
        self.set_value(value)
        self.stored = stored

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.setToolTip(message)
        self.editor.setAccessibleDescription(message)

    # storing ------------------------------------------------------------------------------
    def commit(self) -> bool:
        """Store the editor's value if it changed. True when stored or nothing to store."""
        self._timer.stop()
        binder = self.binder
        if binder.loading or binder.row_id is None:
            return True
        value = self.value()
        if not self.pending and _same(value, self.stored):
            return True
        if _same(value, self.stored) and not self.error.isVisible():
            self.pending = False
            return True
        return binder.store(self, value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return ("" if a is None else str(a)) == ("" if b is None else str(b))
    return a == b


class FormBinder(QObject):
    """Binds editors to one row's fields and stores each edit through ``save``."""

    stored = Signal(str)  # the field that was stored
    failed = Signal(str, str)  # field, message

    def __init__(self, ctx: AppContext, save: SaveFn, *, area: str, what: str,
                 parent: QObject | None = None,
                 reload: Callable[[int], dict] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self._save, self.area, self.what = ctx, save, area, what
        self._reload = reload
        self.row_id: int | None = None
        self.loading = False
        self.fields: dict[str, FieldBinding] = {}
        #: {row id: {field: (value, message)}}: edits of rows no longer shown that could not
        #: be stored yet.
        self._parked: dict[int, dict[str, tuple[Any, str]]] = {}
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)

    def bind(self, field: str, editor: QWidget, error: QLabel | None = None,
             title: str = "") -> FieldBinding:
        editor.setObjectName(editor.objectName() or f"{field}Edit")
        label = error or error_label(editor.parentWidget())
        label.setObjectName(f"{field}Error")
        binding = FieldBinding(self, field, editor, label, title or field)
        self.fields[field] = binding
        return binding

    def load(self, row_id: int | None, values: dict[str, Any]) -> None:
        """Show a row, storing pending edits of the previous one first. Edits that cannot be
        stored now (invalid, or the file busy) are kept with their row: they are retried, and
        shown again with their message when that row is shown again."""
        if self.row_id is not None and row_id != self.row_id and not self.flush():
            self._park()
        same_row = row_id is not None and row_id == self.row_id
        self.loading = True
        try:
            self.row_id = row_id
            for field, binding in self.fields.items():
                if same_row and binding.pending:
                    # Reloading the row shown (after a change elsewhere) must not throw away
                    # what the user typed and could not store yet, nor its message.
                    binding.editor.setEnabled(True)
                    continue
                binding.set_value(values.get(field))
                binding.editor.setEnabled(row_id is not None)
            for field, (value, message) in self._parked.pop(row_id, {}).items():
                binding = self.fields[field]
                binding.set_value(values.get(field))  # what is stored, for undo
                binding.set_text(value)
                binding.pending = True
                binding.show_error(message)
        finally:
            self.loading = False

    def _park(self) -> None:
        """Keep the current row's edits that could not be stored, with their messages."""
        assert self.row_id is not None
        parked = self._parked.setdefault(self.row_id, {})
        for field, binding in self.fields.items():
            if binding.pending:
                parked[field] = (binding.value(), binding.error.text())
                binding.pending = False
        self._retry.start()

    def _store_parked(self) -> bool:
        """Try again to store edits kept for rows not shown; True when none are left."""
        for row_id in list(self._parked):
            fields = self._parked[row_id]
            for field in list(fields):
                value, _message = fields[field]
                try:
                    self._save(row_id, field, value)
                except CareerPivotError as exc:
                    message = exc.message
                    fields[field] = (value, message)
                    continue
                del fields[field]
                self.stored.emit(field)
                self.ctx.bus.changed.emit(self.area)
            if not fields:
                del self._parked[row_id]
        return not self._parked

    def has_pending(self) -> bool:
        return bool(self._parked) or any(b.pending for b in self.fields.values())

    def flush(self) -> bool:
        """Store every pending edit (also those kept for rows not shown); False if some could
        not be stored."""
        ok = self._store_parked()
        for binding in self.fields.values():
            if binding.pending:
                ok = binding.commit() and ok
        if ok:
            self._retry.stop()
        return ok

    def store(self, binding: FieldBinding, value: Any) -> bool:
        row_id, field = self.row_id, binding.field
        assert row_id is not None
        old = binding.stored
        try:
            self._save(row_id, field, value)
        except ValidationError as exc:
            binding.show_error(exc.message)
            binding.pending = True
            self.failed.emit(field, exc.message)
            return False
        except StoreWriteError as exc:
            binding.show_error(exc.message)
            binding.pending = True
            self.failed.emit(field, exc.message)
            if exc.kind in ("busy", "disk_full", "io"):
                self._retry.start()
            self._route_damage(exc)
            return False
        except CareerPivotError as exc:
            binding.show_error(exc.message)
            binding.pending = True
            self.failed.emit(field, exc.message)
            self._route_damage(exc)
            return False
        binding.pending = False
        binding.show_error("")
        # Show the stored, cleaned value (e.g. trimmed text, https:// added to a link).
        if self._reload is not None:
            fresh = self._reload(row_id)
            if field in fresh and not isinstance(binding.editor, QPlainTextEdit | QTextEdit):
                self.loading = True
                try:
                    binding.set_value(fresh[field])
                finally:
                    self.loading = False
                value = fresh[field]
        binding.stored = value
        self._push_undo(row_id, binding, old, value)
        self.stored.emit(field)
        self.ctx.bus.changed.emit(self.area)
        return True

    @staticmethod
    def _route_damage(exc: CareerPivotError) -> None:
        """A damaged workspace file is more than a field's problem: open the corruption flow
        (after this save's event has been handled; the text stays in the editor)."""
        if crash.is_corruption(exc):
            QTimer.singleShot(0, lambda: crash.show_corruption(exc))

    def _push_undo(self, row_id: int, binding: FieldBinding, old: Any, new: Any) -> None:
        save, field = self._save, binding.field

        def apply(value: Any) -> None:
            save(row_id, field, value)
            if self.row_id == row_id:
                self.loading = True
                try:
                    binding.set_value(value)
                finally:
                    self.loading = False

        push_change(self.ctx, self.tr("edit of {0}").format(binding.title), self.area,
                    lambda: apply(old), lambda: apply(new))


def make_spin(minimum: float, maximum: float, *, decimals: int = 0,
              suffix: str = "") -> QAbstractSpinBox:
    spin: QAbstractSpinBox
    if decimals:
        spin = QDoubleSpinBox()
        spin.setDecimals(decimals)
    else:
        spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)
    return spin
