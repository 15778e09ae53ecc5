"""The Interviews tab's filters: status, path, contact and a date range, applied to the list's
model as they change (the search field stays with the tab: it also starts the database search
of notes and answers)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.validation import ValidationError, parse_date
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.widgets.choices import ChoicesModel
from careerpivot.ui.widgets.forms import error_label

#: "Any" in the filter combos (path 0 means "no path").
ANY = -1


class InterviewFilters(QWidget):
    """The filter grid under the search field; ``changed`` after the model was refiltered."""

    changed = Signal()

    def __init__(self, model: im.InterviewsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Any status"), None)
        for key, name in vocab.INTERVIEW_STATUSES.items():
            self.status_filter.addItem(vocab_name(name), key)
        self.status_filter.currentIndexChanged.connect(self._apply)
        self.path_filter = QComboBox()
        self.path_filter.setObjectName("pathFilter")
        self.path_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.path_filter.setMinimumContentsLength(12)
        self.path_filter.currentIndexChanged.connect(self._apply)
        self.contact_filter = QComboBox()
        self.contact_filter.setObjectName("contactFilter")
        self.contact_filter.setEditable(True)
        # thousands of people: the list is filled when first needed (see _fill_filter_choices)
        self._contact_choices = ChoicesModel(self.contact_filter)
        self._contact_choices.attach(self.contact_filter)
        self.contact_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contact_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.contact_filter.setMinimumContentsLength(12)
        completer = QCompleter(self.contact_filter.model(), self.contact_filter)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.contact_filter.setCompleter(completer)
        self.contact_filter.currentIndexChanged.connect(self._apply)
        self.contact_filter.lineEdit().editingFinished.connect(self._contact_text_finished)
        self.date_from = QLineEdit()
        self.date_from.setObjectName("dateFromFilter")
        self.date_to = QLineEdit()
        self.date_to.setObjectName("dateToFilter")
        for edit, tip in ((self.date_from, self.tr("Only interviews on or after this date")),
                          (self.date_to, self.tr("Only interviews on or before this date"))):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setToolTip(tip)
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._dates_changed)

        def caption(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(buddy)
            return label

        grid.addWidget(caption(self.tr("Status:"), self.status_filter), 0, 0)
        grid.addWidget(self.status_filter, 0, 1)
        grid.addWidget(caption(self.tr("Path:"), self.path_filter), 0, 2)
        grid.addWidget(self.path_filter, 0, 3)
        grid.addWidget(caption(self.tr("Contact:"), self.contact_filter), 1, 0)
        grid.addWidget(self.contact_filter, 1, 1, 1, 3)
        grid.addWidget(caption(self.tr("From:"), self.date_from), 2, 0)
        grid.addWidget(self.date_from, 2, 1)
        grid.addWidget(caption(self.tr("To:"), self.date_to), 2, 2)
        grid.addWidget(self.date_to, 2, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.date_error = error_label(self)
        self.date_error.setObjectName("dateFilterError")
        layout.addWidget(self.date_error)

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

    def _dates_changed(self) -> None:
        bounds: list[str | None] = []
        messages = []
        for edit, label in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            try:
                day = parse_date("date", edit.text())
            except ValidationError as exc:
                messages.append(f"{label}: {exc.message}")
                edit.setProperty("invalid", True)
                bounds.append(None)
                continue
            edit.setProperty("invalid", False)
            bounds.append(day.isoformat() if day else None)
        if not messages and bounds[0] and bounds[1] and bounds[0] > bounds[1]:
            messages.append(self.tr("The “from” date is after the “to” date."))
        self.date_error.setText("\n".join(messages))
        self.date_error.setVisible(bool(messages))
        self.model.set_date_range(bounds[0], bounds[1])
        self.changed.emit()

    def clear(self) -> None:
        """Every filter back to "any", without refiltering (the caller clears the model's)."""
        for widget in (self.date_from, self.date_to):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.status_filter, self.path_filter, self.contact_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.date_error.hide()

    def complete_choices(self, deadline: float) -> bool:
        """Idle work: every person interviewed, for the contact filter."""
        return self._contact_choices.complete(deadline)
