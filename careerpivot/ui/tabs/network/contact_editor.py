"""The detail editor of the Network tab (``contactDetailStack``): one contact's fields, stored
when edited, the paths they can speak to, who they introduced, and what is derived from them
(the next check-in, the interviews)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import checkins, clock, vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import network
from careerpivot.services.network import ContactRow
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.itemmodels import contacts as cm
from careerpivot.ui.tabs.network.pickers import IntroducerPicker, TagsCompleter
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.date_text import shown_date
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import FormBinder, error_label

#: The least width of the editor beside the list (logical pixels): its fields shrink to it.
EDITOR_MIN_WIDTH = 250
#: The least width of a choice's box, in characters (its list shows the choices whole).
CHOICE_MIN_CHARS = 10


def _shrinkable(combo: QComboBox) -> QComboBox:
    """A choice's box that may be narrower than its longest choice."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(CHOICE_MIN_CHARS)
    return combo


def _choice_text(name: str, organization: str) -> str:
    return f"{name} — {organization}" if organization else name


class ContactEditor(QStackedWidget):
    """A placeholder (nobody or several selected) or the editor of the selected contact."""

    contactOpened = Signal(int)  # a person this one introduced was double-clicked
    pathsStored = Signal(int)  # the paths of this contact were stored

    def __init__(self, ctx: AppContext, model: cm.ContactsModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.contact_id: int | None = None
        self.contact_row: ContactRow | None = None
        self.fetched: ContactRow | None = None  # the row read back after the last store
        self._path_choices: list[network.PathChoice] = []
        self._build()
        self.today_button.clicked.connect(self._contact_today)
        self.paths_list.itemChanged.connect(self._on_path_toggled)
        self.introduced_list.itemActivated.connect(self._go_to_introduced)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("contactDetailStack")
        # (a narrow screen: the editor gives way to the list and its fields shrink; it
        # scrolls up and down, never sideways)
        self.setMinimumWidth(EDITOR_MIN_WIDTH)

        self.detail_placeholder = QLabel(self)
        self.detail_placeholder.setObjectName("contactDetailPlaceholder")
        self.detail_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_placeholder.setWordWrap(True)
        self.detail_placeholder.setEnabled(False)
        self.addWidget(self.detail_placeholder)

        scroll = QScrollArea(self)
        scroll.setObjectName("contactDetail")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the table to the name
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor = QWidget(scroll)
        form = QFormLayout(editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        scroll.setWidget(editor)
        self.addWidget(scroll)
        self.binder = FormBinder(self.ctx, self._save, area=Area.CONTACTS, what="contact",
                                 parent=self, reload=self._editor_values)

        def row(label_text: str, field: str | None, editor_widget: QWidget,
                title: str = "", extra: QWidget | None = None) -> QWidget:
            label = QLabel(label_text, editor)
            label.setBuddy(editor_widget)
            box = QWidget(editor)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(editor_widget, 1)
            if extra is not None:
                line.addWidget(extra)
            col.addLayout(line)
            if field is not None:
                error = error_label(box)
                col.addWidget(error)
                self.binder.bind(field, editor_widget, error, title or field)
            form.addRow(label, box)
            return box

        self.name_edit = QLineEdit(editor)
        self.name_edit.setObjectName("nameEdit")
        name_box = row(self.tr("Na&me:"), "name", self.name_edit, self.tr("name"))
        self.duplicate_note = QLabel(name_box)
        self.duplicate_note.setObjectName("duplicateNote")
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.setEnabled(False)  # the muted look: a hint, not an error
        name_box.layout().addWidget(self.duplicate_note)

        self.organization_edit = QLineEdit(editor)
        self.organization_edit.setObjectName("organizationEdit")
        row(self.tr("Organi&zation:"), "organization", self.organization_edit,
            self.tr("organization"))
        self.role_edit = QLineEdit(editor)
        self.role_edit.setObjectName("roleEdit")
        row(self.tr("&Role:"), "role", self.role_edit, self.tr("role"))

        self.level_combo = _shrinkable(QComboBox(editor))
        self.level_combo.setObjectName("levelCombo")
        for key, name in vocab.LEVELS.items():
            self.level_combo.addItem(_vocab(name), key)
        row(self.tr("Level:"), "level", self.level_combo, self.tr("level"))
        self.stage_combo = _shrinkable(QComboBox(editor))
        self.stage_combo.setObjectName("stageCombo")
        for key, name in vocab.STAGES.items():
            self.stage_combo.addItem(_vocab(name), key)
        row(self.tr("S&tage:"), "stage", self.stage_combo, self.tr("stage"))

        self.email_edit = QLineEdit(editor)
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText(self.tr("name@example.org"))
        row(self.tr("E-mail:"), "email", self.email_edit, self.tr("e-mail"))
        self.phone_edit = QLineEdit(editor)
        self.phone_edit.setObjectName("phoneEdit")
        row(self.tr("Phone:"), "phone", self.phone_edit, self.tr("phone"))
        self.url_edit = QLineEdit(editor)
        self.url_edit.setObjectName("urlEdit")
        self.url_edit.setPlaceholderText(self.tr("linkedin.com/in/…"))
        row(self.tr("Profile &URL:"), "url", self.url_edit, self.tr("profile URL"))
        self.how_met_edit = QLineEdit(editor)
        self.how_met_edit.setObjectName("howMetEdit")
        self.how_met_edit.setPlaceholderText(self.tr("Where you met, or who suggested them"))
        row(self.tr("Ho&w met:"), "how_met", self.how_met_edit, self.tr("how met"))

        self.introducer_combo = QComboBox(editor)
        self.introducer_combo.setObjectName("introducedByCombo")
        self._introducers = IntroducerPicker(self.introducer_combo, self)
        self.introducer_combo.setModel(self._introducers.choices)
        self.introducer_combo.setEditable(True)
        self.introducer_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.introducer_combo.setMaxVisibleItems(15)
        self.introducer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.introducer_combo.setMinimumContentsLength(12)
        completer = self.introducer_combo.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.introducer_combo.lineEdit().setPlaceholderText(self.tr("Type a name…"))
        row(self.tr("Introduced &by:"), "introduced_by", self.introducer_combo,
            self.tr("introduced by"))

        self.cadence_combo = _shrinkable(QComboBox(editor))
        self.cadence_combo.setObjectName("cadenceCombo")
        for days, name in vocab.CADENCES.items():
            self.cadence_combo.addItem(_vocab(name), days)
        row(self.tr("Chec&k-in:"), "cadence_days", self.cadence_combo,
            self.tr("check-in cadence"))

        self.last_contact_edit = DateField(editor, empty_text=self.tr("Never"))
        self.last_contact_edit.setObjectName("lastContactEdit")
        self.today_button = QPushButton(self.tr("Toda&y"), editor)
        self.today_button.setObjectName("lastContactTodayButton")
        self.today_button.setToolTip(self.tr("You talked to this person today"))
        row(self.tr("Last &contact:"), "last_contact", self.last_contact_edit,
            self.tr("last contact"), extra=self.today_button)

        self.next_checkin_label = QLabel(editor)
        self.next_checkin_label.setObjectName("nextCheckinLabel")
        self.next_checkin_label.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.tr("Next check-in:"), self.next_checkin_label)

        self.tags_edit = QLineEdit(editor)
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. fintech, mentor"))
        self._tag_names = QStringListModel(self)
        tag_completer = TagsCompleter(self._tag_names, self.tags_edit)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tags_edit.setCompleter(tag_completer)
        row(self.tr("Ta&gs:"), "tags", self.tags_edit, self.tr("tags"))

        self.paths_list = QListWidget(editor)
        self.paths_list.setObjectName("pathsList")
        self.paths_list.setAccessibleName(self.tr("Target paths this person can speak to"))
        # as tall as its items (see show_derived): a tall window gives its room to the notes
        self.paths_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.paths_error = error_label(editor)
        self.paths_error.setObjectName("pathsError")
        paths_box = row(self.tr("Paths:"), None, self.paths_list)
        paths_box.layout().addWidget(self.paths_error)

        self.interviews_label = QLabel(editor)
        self.interviews_label.setObjectName("interviewCountLabel")
        form.addRow(self.tr("Interviews:"), self.interviews_label)

        self.introduced_list = QListWidget(editor)
        self.introduced_list.setObjectName("introducedList")
        self.introduced_list.setAccessibleName(self.tr("People this person introduced"))
        self.introduced_list.setToolTip(self.tr("Double-click to go to that person"))
        self.introduced_empty = QLabel(self.tr("Nobody yet"), editor)
        self.introduced_empty.setObjectName("introducedEmpty")
        self.introduced_empty.setEnabled(False)
        intro_box = QWidget(editor)
        intro_col = QVBoxLayout(intro_box)
        intro_col.setContentsMargins(0, 0, 0, 0)
        intro_col.addWidget(self.introduced_list)
        intro_col.addWidget(self.introduced_empty)
        intro_label = QLabel(self.tr("Introduced:"), editor)
        intro_label.setBuddy(self.introduced_list)
        form.addRow(intro_label, intro_box)

        self.notes_edit = QPlainTextEdit(editor)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(110)
        row(self.tr("Notes:"), "notes", self.notes_edit, self.tr("notes"))

        QWidget.setTabOrder(self.last_contact_edit, self.today_button)
        QWidget.setTabOrder(self.today_button, self.tags_edit)

    # --- the choices offered --------------------------------------------------------------
    def set_path_choices(self, choices: Sequence[network.PathChoice]) -> None:
        self._path_choices = list(choices)

    def set_tag_names(self, tags: Sequence[str]) -> None:
        self._tag_names.setStringList(list(tags))

    def fill_introducers(self, choices: Sequence[tuple[int, str, str]]) -> None:
        """Offer these (id, name, organization) in the "Introduced by" picker."""
        self._introducers.fill(choices)

    # --- showing a contact ----------------------------------------------------------------
    def show_contact(self, contact_id: int | None, message: str = "") -> None:
        """Edit this contact; None shows ``message`` (or, with contacts, how to pick one)."""
        row = self.model.contact(contact_id) if contact_id is not None else None
        if row is None:
            self.binder.load(None, {})
            self.contact_id, self.contact_row = None, None
            self._introducers.exclude(None)
            if not message:
                message = (self.tr("Select a contact to see and edit the details.")
                           if self.model.total_count() else "")
            self.detail_placeholder.setText(message)
            self.setCurrentIndex(0)
            return
        if contact_id != self.contact_id:
            self.binder.flush()
        self.contact_id, self.contact_row = row.id, row
        self._introducers.exclude(row.id)
        self.binder.load(row.id, self._values_of(row))
        self.show_derived(row)
        self.setCurrentIndex(1)

    def refresh(self, row: ContactRow) -> None:
        """The row of a contact was read again: if it is the one shown, show what changed."""
        if row.id == self.contact_id:
            self.contact_row = row
            self.show_derived(row)

    def focus_name(self) -> None:
        if self.contact_id is not None:
            self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _values_of(self, row: ContactRow) -> dict[str, Any]:
        return {
            "name": row.name, "organization": row.organization, "role": row.role,
            "level": row.level, "stage": row.stage, "email": row.email, "phone": row.phone,
            "url": row.url, "how_met": row.how_met,
            "introduced_by": self._introducers.text_of(row),
            "cadence_days": self._cadence_item(row.cadence_days),
            "last_contact": row.last_contact.isoformat() if row.last_contact else "",
            "tags": ", ".join(row.tags), "notes": row.notes,
        }

    def _cadence_item(self, days: int) -> int:
        """Make sure the cadence combo offers ``days`` (a value written by an older version
        or an import may not be one of the usual intervals)."""
        if self.cadence_combo.findData(days) < 0:
            text = self.tr("Every %n day(s)", "", days)
            self.cadence_combo.addItem(text, days)
        return days

    def _editor_values(self, contact_id: int) -> dict[str, Any]:
        """FormBinder's reload: the stored, cleaned values after a save."""
        row = network.get_contact(contact_id)
        self.fetched = row
        return self._values_of(row)

    def show_derived(self, row: ContactRow) -> None:
        """The parts of the editor that are not edited directly."""
        self.next_checkin_label.setText(self._checkin_text(row))
        count = row.interview_count
        if count == 0:
            self.interviews_label.setText(self.tr("None yet"))
        elif count == 1:
            self.interviews_label.setText(self.tr("%n interview", "", count))
        else:
            self.interviews_label.setText(self.tr("%n interviews", "", count))
        self._show_paths(row)
        self.paths_error.hide()
        self.introduced_list.clear()
        for other_id, name, organization in self.model.introduced_by(row.id):
            item = QListWidgetItem(_choice_text(name, organization), self.introduced_list)
            item.setData(Qt.ItemDataRole.UserRole, other_id)
        has_introduced = self.introduced_list.count() > 0
        if has_introduced:
            shown = min(self.introduced_list.count(), 4)
            self.introduced_list.setFixedHeight(
                shown * max(self.introduced_list.sizeHintForRow(0), 1)
                + 2 * self.introduced_list.frameWidth() + 6)
        self.introduced_list.setVisible(has_introduced)
        self.introduced_empty.setVisible(not has_introduced)
        others = self.model.same_name(row.id)
        if others:
            names = ", ".join(_choice_text(name, org) for _id, name, org in others[:3])
            self.duplicate_note.setText(self.tr("Also in your network: {0}").format(names))
        self.duplicate_note.setVisible(bool(others))

    def _show_paths(self, row: ContactRow) -> None:
        self.paths_list.blockSignals(True)
        try:
            listed = [self.paths_list.item(i).data(Qt.ItemDataRole.UserRole)
                      for i in range(self.paths_list.count())]
            if listed and listed == [c.id for c in self._path_choices]:
                # the same paths: only the checks change (this may run inside the list's own
                # itemChanged signal, so its items must not be deleted here)
                for i, choice in enumerate(self._path_choices):
                    self.paths_list.item(i).setCheckState(
                        Qt.CheckState.Checked if choice.id in row.path_ids
                        else Qt.CheckState.Unchecked)
                return
            self.paths_list.clear()
            for choice in self._path_choices:
                item = QListWidgetItem(choice.title, self.paths_list)
                item.setData(Qt.ItemDataRole.UserRole, choice.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if choice.id in row.path_ids
                                   else Qt.CheckState.Unchecked)
            if not self.paths_list.count():
                item = QListWidgetItem(self.tr("No target paths yet (add them in the Paths "
                                               "tab)"), self.paths_list)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            # as tall as its items (up to five), not a fixed box with empty space
            shown = min(max(self.paths_list.count(), 1), 5)
            self.paths_list.setFixedHeight(shown * max(self.paths_list.sizeHintForRow(0), 1)
                                           + 2 * self.paths_list.frameWidth() + 6)
        finally:
            self.paths_list.blockSignals(False)

    def _checkin_text(self, row: ContactRow) -> str:
        today = clock.today()
        state = checkins.status(row.last_contact, row.cadence_days, today)
        if state == checkins.NONE:
            return self.tr("No periodic check-in")
        if row.next_checkin is None:
            return self.tr("<b>Now</b> — you have not talked yet")
        date = shown_date(row.next_checkin)
        if state == checkins.OVERDUE:
            late = checkins.days_overdue(row.next_checkin, today)
            text = self.tr("<b style='color:{0}'>{1} — overdue by %n day(s)</b>", "", late)
            return text.format(cm.OVERDUE_COLOR.name(), date)
        if state == checkins.DUE:
            return self.tr("<b>{0} — today</b>").format(date)
        days = (row.next_checkin - today).days
        text = self.tr("{0} — in %n day(s)", "", days)
        return text.format(date)

    def _go_to_introduced(self, item: QListWidgetItem) -> None:
        contact_id = int(item.data(Qt.ItemDataRole.UserRole))
        # after the signal: selecting the person rebuilds this list and deletes the item
        QTimer.singleShot(0, lambda: self.contactOpened.emit(contact_id))

    # --- storing --------------------------------------------------------------------------
    def _save(self, contact_id: int, field: str, value: Any) -> None:
        if field == "introduced_by":
            value = self._introducers.id_of(value)
        network.update_contact(contact_id, field, value)

    def _contact_today(self) -> None:
        if self.contact_id is None:
            return
        self.last_contact_edit.set_value(clock.today())
        self.binder.fields["last_contact"].commit()

    def _on_path_toggled(self, _item: QListWidgetItem) -> None:
        contact_id, row = self.contact_id, self.contact_row
        if contact_id is None or row is None:
            return
        old = list(row.path_ids)
        new = []
        for i in range(self.paths_list.count()):
            item = self.paths_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                new.append(int(item.data(Qt.ItemDataRole.UserRole)))
        try:
            network.set_paths(contact_id, new)
        except CareerPivotError as exc:
            self.paths_error.setText(exc.message)
            self.paths_error.show()
            return
        self.paths_error.hide()
        push_change(self.ctx, self.tr("edit of paths"), Area.CONTACTS,
                    lambda: network.set_paths(contact_id, old),
                    lambda: network.set_paths(contact_id, new))
        self.fetched = None
        self.pathsStored.emit(contact_id)
