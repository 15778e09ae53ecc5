"""What the Plan tab's editor pages build alike: the form, a labelled editor with its message
underneath, date and text boxes, the page's heading, and the lists of their combo boxes.
Nothing here shows a text of its own (``tr()`` stays in the classes that show it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import FormBinder, error_label


def field_row(editor: QWidget, error: QLabel, *extra: QWidget) -> QWidget:
    """An editor with its message underneath."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    for widget in extra:
        layout.addWidget(widget)
    layout.addWidget(error)
    return box


def add_field(form: QFormLayout, binder: FormBinder, field: str, editor: QWidget, title: str,
              *extra: QWidget) -> None:
    """A row of ``form``: ``editor`` bound to ``field``, labelled ``title``, with ``extra``
    and its message underneath."""
    error = error_label()
    binder.bind(field, editor, error, title)
    label = QLabel(title + ":")
    label.setBuddy(editor)
    form.addRow(label, field_row(editor, error, *extra))


def add_fields(form: QFormLayout, binder: FormBinder,
               fields: Iterable[tuple[str, QWidget, str]]) -> None:
    """Rows of ``form``, each ``(field, editor, title)`` as :func:`add_field` makes one."""
    for field, editor, title in fields:
        add_field(form, binder, field, editor, title)


def page_layout(page: QWidget, top: QWidget | QLayout, form: QFormLayout) -> None:
    """``top`` (the page's heading) above ``form``, at the top of ``page``."""
    layout = QVBoxLayout(page)
    if isinstance(top, QLayout):
        layout.addLayout(top)
    else:
        layout.addWidget(top)
    layout.addLayout(form)
    layout.addStretch(1)


def date_edit(name: str) -> DateField:
    edit = DateField()
    edit.setObjectName(name)
    return edit


def text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


def heading(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class ChoiceLists:
    """The lists of the editors' combo boxes ("phases", "contacts", "paths"): a combo is
    filled when its editor is about to be shown, not at each reload (the partners are every
    contact of the network, thousands of them), and read again only after a reload."""

    KEYS = frozenset({"phases", "contacts", "paths"})

    def __init__(self) -> None:
        self._choices: dict[str, list[tuple[int, str]]] = {}
        #: the lists to read again before they are next shown
        self._stale: set[str] = set()

    def mark_stale(self) -> None:
        self._stale = set(self.KEYS)

    def refill(self, combo: QComboBox, key: str, read: Callable[[], list[tuple[int, str]]],
               none: str | None) -> None:
        """Fill ``combo`` with the list ``key`` as ``read()`` gives it now (after ``none``, for
        no choice, with the id 0), keeping its current choice."""
        if key not in self._stale and combo.count():
            return
        self._stale.discard(key)
        choices = read()
        if self._choices.get(key) == choices and combo.count():
            return
        self._choices[key] = choices
        blocker = combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        if none is not None:
            combo.addItem(none, 0)
        for item_id, text in choices:
            combo.addItem(text, item_id)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(blocker)
