"""The Interviews tab's filters: status, path, contact and a date range, applied to the list's
model as they change (the search field stays with the tab: it also starts the database search
of notes and answers)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.widgets.choices import ChoicesModel
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import error_label
from careerpivot.ui.widgets.spacing import GAP

#: "Any" in the filter combos (path 0 means "no path").
ANY = -1


class InterviewFilters(QWidget):
    """The filters under the search field, on one line (two on a narrow pane); ``changed``
    after the model was refiltered."""

    changed = Signal()

    def __init__(self, model: im.InterviewsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        # the combos say what they filter ("Any status", "Any path", "Anyone"): no captions,
        # so the filters take one line beside each other (two on a narrow pane)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.setToolTip(self.tr("Only interviews with this status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for key, name in vocab.INTERVIEW_STATUSES.items():
            self.status_filter.addItem(vocab_name(name), key)
        self.status_filter.currentIndexChanged.connect(self._apply)
        self.path_filter = QComboBox()
        self.path_filter.setObjectName("pathFilter")
        self.path_filter.setAccessibleName(self.tr("Path"))
        self.path_filter.setToolTip(self.tr("Only interviews about this path"))
        self.path_filter.currentIndexChanged.connect(self._apply)
        self.contact_filter = QComboBox()
        self.contact_filter.setObjectName("contactFilter")
        self.contact_filter.setAccessibleName(self.tr("Contact"))
        self.contact_filter.setToolTip(self.tr("Only interviews with this person (type to find "
                                               "them)"))
        self.contact_filter.setEditable(True)
        # thousands of people: the list is filled when first needed (see _fill_filter_choices)
        self._contact_choices = ChoicesModel(self.contact_filter)
        self._contact_choices.attach(self.contact_filter)
        self.contact_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.contact_filter.model(), self.contact_filter)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.contact_filter.setCompleter(completer)
        self.contact_filter.currentIndexChanged.connect(self._apply)
        self.contact_filter.lineEdit().editingFinished.connect(self._contact_text_finished)
        for combo, length in ((self.status_filter, 8), (self.path_filter, 8),
                              (self.contact_filter, 8)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # an empty bound reads "From" or "To": no caption needed beside the fields
        self.date_from = DateField(self, empty_text=self.tr("From"))
        self.date_from.setObjectName("dateFromFilter")
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = DateField(self, empty_text=self.tr("To"))
        self.date_to.setObjectName("dateToFilter")
        self.date_to.setAccessibleName(self.tr("To"))
        self._date_messages: dict[DateField, str] = {self.date_from: "", self.date_to: ""}
        for edit, tip in ((self.date_from, self.tr("Only interviews on or after this date")),
                          (self.date_to, self.tr("Only interviews on or before this date"))):
            edit.setToolTip(tip)
            edit.edited.connect(self._dates_changed)
            edit.messageChanged.connect(lambda message, e=edit: self._date_refused(e, message))
        self.dates = QWidget()
        self.dates.setObjectName("dateFilters")
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.setSpacing(4)
        dates.addWidget(self.date_from)
        dash = QLabel("–")
        dash.setBuddy(self.date_to)
        dates.addWidget(dash)
        dates.addWidget(self.date_to)

        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(GAP)
        self.grid.setVerticalSpacing(GAP)
        self._one_line: bool | None = None
        self._arrange(True)
        layout.addLayout(self.grid)
        # the layout would hold the filters as wide as one line: their own least width (two
        # lines) stands instead
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        self.date_error = error_label(self)
        self.date_error.setObjectName("dateFilterError")
        layout.addWidget(self.date_error)

    def _arrange(self, one_line: bool) -> None:
        """The filters on one line, or the dates on a line of their own."""
        if one_line == self._one_line:
            return
        self._one_line = one_line
        for widget in (self.status_filter, self.path_filter, self.contact_filter, self.dates):
            self.grid.removeWidget(widget)
        self.grid.addWidget(self.status_filter, 0, 0)
        self.grid.addWidget(self.path_filter, 0, 1)
        self.grid.addWidget(self.contact_filter, 0, 2)
        if one_line:
            self.grid.addWidget(self.dates, 0, 3)
        else:
            self.grid.addWidget(self.dates, 1, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)

    def rows(self) -> int:
        """How many lines the filters take (one, or two on a narrow pane)."""
        return 1 if self._one_line else 2

    def _widths(self) -> tuple[int, int]:
        """The least width of the filters on one line, and on two."""
        combos = sum(c.minimumSizeHint().width()
                     for c in (self.status_filter, self.path_filter, self.contact_filter))
        dates = self.dates.minimumSizeHint().width()
        return combos + dates + 3 * GAP, max(combos + 2 * GAP, dates)

    def minimumSizeHint(self) -> QSize:
        # as narrow as two lines allow (one line needs more: see resizeEvent)
        return QSize(self._widths()[1], super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width() >= self._widths()[0])

    def fill_choices(self, path_choices: list[tuple[int, str]]) -> None:
        current_path = self.path_filter.currentData()
        self.path_filter.blockSignals(True)
        self.path_filter.clear()
        self.path_filter.addItem(self.tr("Any path"), ANY)
        for pid, title in path_choices:
            self.path_filter.addItem(title, pid)
        self.path_filter.addItem(self.tr("(no path)"), im.NO_PATH)
        self.path_filter.setCurrentIndex(max(self.path_filter.findData(current_path), 0))
        self.path_filter.blockSignals(False)

        current_contact = self.contact_filter.currentData()
        anyone = (self.tr("Anyone"), ANY)

        def label(name: str, organization: str) -> str:
            return f"{name} — {organization}" if organization else name

        def everyone() -> list[tuple[str, int]]:
            return [anyone, *((label(name, organization), cid)
                              for cid, name, organization in self.model.contacts())]

        # Now only what the filter shows; the people interviewed (sorting them by name takes
        # a moment with thousands) once the list has painted, or when the filter is used.
        now = [anyone]
        chosen = self.model.contact_of(current_contact) if current_contact != ANY else None
        if chosen is not None:
            now.append((label(*chosen), current_contact))
        self.contact_filter.blockSignals(True)
        self._contact_choices.set_items(now, later=everyone)
        self.contact_filter.setCurrentIndex(
            max(self._contact_choices.row_of_value(current_contact), 0))
        self.contact_filter.blockSignals(False)
        self._apply()

    def _contact_text_finished(self) -> None:
        combo = self.contact_filter
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        if index < 0:  # not a name in the list: go back to what is chosen
            index = combo.currentIndex()
        if index != combo.currentIndex():
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(combo.itemText(index))

    def _apply(self) -> None:
        status = self.status_filter.currentData()
        path = self.path_filter.currentData()
        contact = self.contact_filter.currentData()
        self.model.set_status(status)
        self.model.set_path(None if path in (None, ANY) else int(path))
        self.model.set_contact(None if contact in (None, ANY) else int(contact))
        self.changed.emit()

    def _date_refused(self, edit: DateField, message: str) -> None:
        self._date_messages[edit] = message
        self._dates_changed()

    def _dates_changed(self) -> None:
        bounds: list[str | None] = []
        messages = []
        for edit, label in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            message = self._date_messages[edit]
            if message:
                messages.append(f"{label}: {message}")
            edit.setProperty("invalid", bool(message))
            bounds.append(edit.value() or None)
        if not messages and bounds[0] and bounds[1] and bounds[0] > bounds[1]:
            messages.append(self.tr("The “from” date is after the “to” date."))
        self.date_error.setText("\n".join(messages))
        self.date_error.setVisible(bool(messages))
        self.model.set_date_range(bounds[0], bounds[1])
        self.changed.emit()

    def clear(self) -> None:
        """Every filter back to "any", without refiltering (the caller clears the model's)."""
        for widget in (self.date_from, self.date_to):
            widget.set_value(None)
            self._date_messages[widget] = ""
        for combo in (self.status_filter, self.path_filter, self.contact_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.date_error.hide()

    def complete_choices(self, deadline: float) -> bool:
        """Idle work: every person interviewed, for the contact filter."""
        return self._contact_choices.complete(deadline)
