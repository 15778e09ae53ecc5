"""The Details page of the interview editor: the fields of the interview itself, and the person
as they were when the conversation was held (what its evidence counts), editable to fix a
typo once it is held."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services.interviews import MAX_MINUTES, MIN_MINUTES
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.widgets.choices import ChoicesModel
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.form_parts import GrowingTextEdit, heading, hint
from careerpivot.ui.widgets.forms import FormBinder, error_label

#: The least width of the contact and path boxes, in characters (a narrow editor shortens
#: the choice shown; the list of choices shows them whole).
CHOICE_CHARS = 14


class DetailsPage(QWidget):
    """Who, which path, when, how long, how, the status, the person as they were when it was
    held, and my context and pitch."""

    def __init__(self, binder: FormBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = binder
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # a narrow editor: a field too wide beside its label goes under it
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.contact = QComboBox()
        self.contact.setObjectName("contactCombo")
        # every contact, filled when first needed (see set_choices)
        self.contact_choices = ChoicesModel(self.contact)
        self.contact_choices.attach(self.contact)
        adjust = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.contact.setSizeAdjustPolicy(adjust)
        self.contact.setMinimumContentsLength(CHOICE_CHARS)
        self.path = QComboBox()
        self.path.setObjectName("pathCombo")
        self.path.setSizeAdjustPolicy(adjust)
        self.path.setMinimumContentsLength(CHOICE_CHARS)
        for box in (self.contact, self.path):  # (as wide as the page lets them)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.when = DateField(with_time=True, empty_text=self.tr("Not agreed yet"))
        self.when.setObjectName("scheduledAtEdit")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutesEdit")
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setKeyboardTracking(False)
        self.mode = QComboBox()
        self.mode.setObjectName("modeCombo")
        for key, name in vocab.INTERVIEW_MODES.items():
            self.mode.addItem(vocab_name(name), key)
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        for key, name in vocab.INTERVIEW_STATUSES.items():
            self.status.addItem(vocab_name(name), key)
        self.status.setToolTip(self.tr("Marking it completed adds a thank-you and a report-back "
                                       "to your follow-up actions."))
        self.context = GrowingTextEdit(4, 14)
        self.context.setObjectName("contextEdit")
        self.context.setPlaceholderText(self.tr(
            "Who you are, what you are exploring, and what you hope to learn from this "
            "person — the two or three sentences you open with."))

        def row(label: str, editor: QWidget, field: str) -> None:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            v.addWidget(editor)
            error = error_label(box)
            v.addWidget(error)
            caption = QLabel(label)
            caption.setBuddy(editor)
            form.addRow(caption, box)
            binder.bind(field, editor, error, title=label.replace("&", "").rstrip(":"))

        row(self.tr("Contact:"), self.contact, "contact")
        row(self.tr("Path:"), self.path, "path")
        row(self.tr("Date and ti&me:"), self.when, "scheduled_at")
        row(self.tr("Planned length:"), self.minutes, "minutes")
        row(self.tr("Mode:"), self.mode, "mode")
        row(self.tr("Status:"), self.status, "status")

        # the person as they were when it was held: recorded when it is marked held
        self.held_heading = heading(self.tr("As they were when held"))
        self.held_heading.setObjectName("heldHeading")
        form.addRow(self.held_heading)
        self.held_hint = hint("")
        self.held_hint.setObjectName("heldHint")
        form.addRow(self.held_hint)
        self.held_organization = QLineEdit()
        self.held_organization.setObjectName("heldOrganizationEdit")
        self.held_role = QLineEdit()
        self.held_role.setObjectName("heldRoleEdit")
        self.held_level = QComboBox()
        self.held_level.setObjectName("heldLevelCombo")
        for key, name in vocab.LEVELS.items():
            self.held_level.addItem(vocab_name(name), key)
        row(self.tr("Organization:"), self.held_organization, "held_organization")
        row(self.tr("Role:"), self.held_role, "held_role")
        row(self.tr("Level:"), self.held_level, "held_level")
        self.held_editors = (self.held_organization, self.held_role, self.held_level)
        self.set_held(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        caption = QLabel(self.tr("M&y context and pitch:"))
        caption.setBuddy(self.context)
        layout.addWidget(caption)
        layout.addWidget(self.context)
        context_error = error_label(self)
        layout.addWidget(context_error)
        binder.bind("context", self.context, context_error, title=self.tr("my context"))
        layout.addStretch(1)

    def set_choices(self, contacts: Callable[[], Sequence[tuple[int, str, str]]],
                    path_choices: Sequence[tuple[int, str]]) -> None:
        """The paths to choose from, and where the contacts come from: ``contacts()`` (id,
        name, organization) runs when the contact field is first used or its list completed
        (until then it holds the interview's contact, see :meth:`ensure_contact`)."""
        path = self.path.currentData()

        def everyone() -> list[tuple[str, int]]:
            return [(f"{name} — {organization}" if organization else name, cid)
                    for cid, name, organization in contacts()]

        with QSignalBlocker(self.contact):
            self.contact_choices.set_items([], later=everyone)
        with QSignalBlocker(self.path):
            self.path.clear()
            self.path.addItem(self.tr("(no path)"), 0)
            for pid, title in path_choices:
                self.path.addItem(title, pid)
            self.path.setCurrentIndex(max(self.path.findData(path), 0))

    def set_held(self, held: bool) -> None:
        """The person as they were when held can be corrected once the conversation is held;
        before, the fields wait, saying when they are filled. (Call after the binder has
        loaded the row: loading enables every field.)"""
        for editor in self.held_editors:
            editor.setEnabled(held)
        if held:
            self.held_hint.setText(self.tr(
                "Recorded when the conversation was marked held. The evidence counts the "
                "person as they were then, not as their contact card says today; correct a "
                "mistake here."))
        else:
            self.held_hint.setText(self.tr(
                "Filled in from the contact when the conversation is marked held (status "
                "Completed), so later job changes do not change what it counts for."))

    def ensure_contact(self, contact_id: int, name: str, organization: str) -> None:
        """Make sure the field can show this contact (an archived one is not among the
        choices; the list may not have come yet)."""
        choices = self.contact_choices
        if choices.row_of_value(contact_id) < 0 and choices.pending() and choices.rowCount():
            choices.complete()  # what is there now must keep the order of the whole list
        if choices.row_of_value(contact_id) < 0:
            with QSignalBlocker(self.contact):
                self.contact_choices.add(f"{name} — {organization}" if organization else name,
                                         contact_id)
