"""The selected path's own fields: its title, status, field and motivation above the pages,
and its notes on a page of their own; one binder stores every one of them when edited. On a
short window the field and the motivation fold away behind a button on the title's line (the
height decides, :meth:`PathForm.fit_in`, until the user does: ``details_choice``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services import paths
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.widgets.form_parts import GrowingTextEdit
from careerpivot.ui.widgets.forms import FormBinder, error_label


class PathForm(QWidget):
    """The fields of the path shown; ``binder.stored`` tells which one was just stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: Whether the user showed (True) or hid the field and the motivation; None: the
        #: height decides (:meth:`fit_height`).
        self.details_choice: bool | None = None
        self._page: QWidget | None = None  # what the form is fitted in (fit_in)
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
        self.details_button = QToolButton()
        self.details_button.setObjectName("pathDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details_button.toggled.connect(self._details_clicked)
        grid.addWidget(self.details_button, 0, 4)
        grid.addWidget(errors["title"], 1, 1)
        grid.addWidget(errors["status"], 1, 3)
        grid.addWidget(caption(self.tr("Field or indust&ry:"), self.field_edit), 2, 0)
        grid.addWidget(self.field_edit, 2, 1, 1, 4)
        grid.addWidget(errors["field"], 3, 1, 1, 4)
        why_caption = caption(self.tr("&Why it attracts me:"), self.why_edit)
        why_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(why_caption, 4, 0)
        grid.addWidget(self.why_edit, 4, 1, 1, 4)
        grid.addWidget(errors["why"], 5, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        # what folds away on a short window (an error below a field shows it again)
        self._details = (grid.itemAtPosition(2, 0).widget(), self.field_edit, why_caption,
                         self.why_edit)
        self._details_errors = (errors["field"], errors["why"])
        self.set_details_shown(True)
        self.binder.bind("title", self.title_edit, errors["title"], self.tr("the title"))
        self.binder.bind("status", self.status_combo, errors["status"], self.tr("the status"))
        self.binder.bind("field", self.field_edit, errors["field"], self.tr("the field"))
        self.binder.bind("why", self.why_edit, errors["why"], self.tr("why it attracts you"))

    def details_shown(self) -> bool:
        return self.details_button.isChecked()

    def set_details_shown(self, shown: bool) -> None:
        """Show or fold away the field and the motivation (not told as the user's choice)."""
        self.details_button.blockSignals(True)
        self.details_button.setChecked(shown)
        self.details_button.blockSignals(False)
        self._show_details(shown)

    def fit_in(self, page: QWidget, below: Callable[[], int]) -> None:
        """Fit the form to ``page`` (the form and what is below it) as it is resized: what
        is below needs ``below()``."""
        self._page, self._below = page, below
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(
            lambda: self.fit_height(page.height(), below()) if page.isVisible() else None)
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._page:
            self._fit_timer.start()
        return False

    def save_state(self, settings: Settings) -> None:
        if self.details_choice is not None:
            settings.set_window_state("paths/details",
                                      QByteArray(bytes([int(self.details_choice)])))

    def restore_state(self, settings: Settings) -> None:
        state = settings.window_state("paths/details")
        if state is not None and state.size() == 1:
            self.details_choice = bool(state.data()[0])
            self.set_details_shown(self.details_choice)

    def fit_height(self, height: int, below: int) -> None:
        """Fold the field and the motivation away when ``height`` leaves less than ``below``
        under the whole form (unless the user chose)."""
        if self.details_choice is not None:
            return
        form = self.sizeHint().height()
        if not self.details_shown():
            form += sum(w.sizeHint().height() for w in (self.field_edit, self.why_edit)) \
                + 2 * self.layout().verticalSpacing()
        self.set_details_shown(height - form >= below)

    def _details_clicked(self, shown: bool) -> None:
        self._show_details(shown)
        self.details_choice = shown  # kept, and no longer decided by the height
        if shown:
            self.field_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_details(self, shown: bool) -> None:
        for widget in self._details:
            widget.setVisible(shown)
        if not shown and any(error.text() for error in self._details_errors):
            self.set_details_shown(True)  # a message about a field keeps the field in sight
            return
        self.details_button.setArrowType(Qt.ArrowType.UpArrow if shown
                                         else Qt.ArrowType.DownArrow)
        tip = self.tr("Hide the field and why it attracts you") if shown else \
            self.tr("Show the field and why it attracts you")
        self.details_button.setToolTip(tip)
        self.details_button.setAccessibleName(tip)

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
