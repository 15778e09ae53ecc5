"""The editor column of the Summary tab: the introduction, the profile and the narrative, the
sections the tab puts in between (:meth:`ProfileForm.add_section`), then the ask
(:meth:`ProfileForm.build_ask`). Every field is stored by the profile's form binder."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerpivot.services import summary as service
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.spacing import MARGIN

#: The profile's single-line fields in the order of the form.
PROFILE_LINES = ("full_name", "headline", "current_role", "location", "email", "phone",
                 "website", "linkedin")


class ProfileForm(QWidget):
    """The profile, narrative and ask of the summary, in the editor's column."""

    #: What an editor shows changed (the preview should follow).
    edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profile_binder = FormBinder(ctx, service.save_profile_field, area=Area.SUMMARY,
                                         what="profile", parent=self,
                                         reload=service.profile_values)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._column.setSpacing(12)
        self._build()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        column = self._column
        intro = QLabel(self.tr(
            "<b>Your one-page value summary.</b> What you type here is saved at once and "
            "appears in the preview: the page people in your new field will read."))
        intro.setWordWrap(True)
        intro.setObjectName("summaryIntro")
        column.addWidget(intro)

        # profile
        profile = QGroupBox(self.tr("Profile"))
        form = QFormLayout(profile)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Placeholders say what goes in a field ("e.g. …"), never a value that could pass
        # for someone's real name, employer or number.
        labels = {
            "full_name": (self.tr("Full &name"), self.tr("Your name as it should be printed")),
            "headline": (self.tr("&Headline"),
                         self.tr("e.g. Teacher moving into instructional design")),
            "current_role": (self.tr("Current &role"),
                             self.tr("e.g. Project coordinator at a logistics company")),
            "location": (self.tr("&Location"), self.tr("e.g. City, country")),
            "email": (self.tr("&E-mail"), self.tr("e.g. you@example.org")),
            "phone": (self.tr("P&hone"), self.tr("Optional: with the country code")),
            "website": (self.tr("&Website"), self.tr("Optional: e.g. your-site.example")),
            "linkedin": (self.tr("Lin&kedIn"), self.tr("Optional: e.g. linkedin.com/in/…")),
        }
        self.profile_edits: dict[str, QWidget] = {}
        for field in PROFILE_LINES:
            text, placeholder = labels[field]
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            error = error_label(profile)
            self.profile_binder.bind(field, edit, error, title=text.replace("&", ""))
            edit.textEdited.connect(lambda _t: self.edited.emit())
            self.profile_edits[field] = edit
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(edit)
            lay.addWidget(error)
            form.addRow(text, holder)
            form.labelForField(holder).setBuddy(edit)
        column.addWidget(profile)

        # narrative
        narrative_box = QGroupBox(self.tr("Narrative"))
        lay = QVBoxLayout(narrative_box)
        hint = QLabel(self.tr("Connect the strengths you have with the role you want, in three "
                              "to five sentences."))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        lay.addWidget(hint)
        self.narrative_edit = QPlainTextEdit()
        self.narrative_edit.setTabChangesFocus(True)
        self.narrative_edit.setPlaceholderText(self.tr(
            "e.g. What you have done for years, what of it the new role needs, and what you "
            "are adding to it now."))
        self.narrative_edit.setMinimumHeight(120)
        self.narrative_edit.setMaximumHeight(200)
        self.narrative_edit.setAccessibleName(self.tr("Narrative"))
        error = error_label(narrative_box)
        self.profile_binder.bind("narrative", self.narrative_edit, error,
                                 title=self.tr("narrative"))
        self.narrative_edit.textChanged.connect(self._narrative_changed)
        lay.addWidget(self.narrative_edit)
        self.narrative_count = QLabel()
        self.narrative_count.setObjectName("narrativeCount")
        lay.addWidget(self.narrative_count)
        lay.addWidget(error)
        column.addWidget(narrative_box)

    def add_section(self, section: QWidget) -> None:
        """Put a section (skills, selected work) below the narrative, above the ask."""
        self._column.addWidget(section)

    def build_ask(self) -> None:
        """The ask, last in the column: call it once the sections are in."""
        column = self._column
        ask_box = QGroupBox(self.tr("How others can help (the ask)"))
        lay = QVBoxLayout(ask_box)
        hint = QLabel(self.tr("Be specific: informational interviews, a project to collaborate "
                              "on, an internship, an introduction."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.ask_edit = QPlainTextEdit()
        self.ask_edit.setTabChangesFocus(True)
        self.ask_edit.setPlaceholderText(self.tr(
            "e.g. A 20-minute call with someone who does this work, or an introduction to "
            "a team that is hiring."))
        self.ask_edit.setMinimumHeight(70)
        self.ask_edit.setMaximumHeight(120)
        self.ask_edit.setAccessibleName(self.tr("The ask"))
        error = error_label(ask_box)
        self.profile_binder.bind("ask", self.ask_edit, error, title=self.tr("ask"))
        self.ask_edit.textChanged.connect(self.edited)
        lay.addWidget(self.ask_edit)
        lay.addWidget(error)
        column.addWidget(ask_box)
        column.addStretch(1)

    # --- data -----------------------------------------------------------------------------
    def load(self, values: dict[str, Any]) -> None:
        binder = self.profile_binder
        if binder.row_id is None:
            binder.load(service.PROFILE_ID, values)
        else:
            # never overwrite what is being typed: only fields without a pending edit
            binder.loading = True
            try:
                for field, binding in binder.fields.items():
                    if binding.pending or binding.editor.hasFocus():
                        continue
                    binding.set_value(values.get(field))
            finally:
                binder.loading = False

    def update_narrative_count(self) -> None:
        words = len(self.narrative_edit.toPlainText().split())
        self.narrative_count.setText(self.tr("%n word(s)", "", words))

    def _narrative_changed(self) -> None:
        self.update_narrative_count()
        self.edited.emit()
