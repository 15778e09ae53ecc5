"""The editor of a milestone: its title, phase, due date (with a warning when it falls outside
its phase), status, metric and target, the hours and money it needs, the partner who holds the
user to it, the skills it builds and the learning it relies on, and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services import plan
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs import currency as currency_ui
from careerpivot.ui.tabs.plan.forms import (
    ChoiceLists,
    add_field,
    date_edit,
    field_row,
    form_layout,
    heading,
    page_layout,
    text_box,
)
from careerpivot.ui.widgets.forms import FormBinder, error_label, make_spin


class MilestonePage(QWidget):
    #: the user asked to choose the skills, or the learning, the milestone is linked to
    skillsRequested = Signal()
    learningRequested = Signal()

    #: the page and the widgets the tab keeps as its own attributes
    TAB_NAME = "milestone_page"
    TAB_ATTRIBUTES = ("milestone_binder", "milestone_title", "milestone_phase", "milestone_due",
                      "milestone_warning", "milestone_status", "milestone_done",
                      "milestone_metric", "milestone_target", "milestone_hours",
                      "milestone_money", "milestone_partner", "milestone_notes",
                      "milestone_skills", "choose_skills", "milestone_learning",
                      "choose_learning", "milestone_overdue")

    def __init__(self, ctx: AppContext, choices: ChoiceLists,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("milestonePage")
        self._choices = choices
        self.binder = self.milestone_binder = FormBinder(
            ctx, plan.update_milestone, area=Area.PLAN, what="milestone", parent=self,
            reload=lambda i: self.values(plan.get_milestone(i)))
        b = self.binder
        form = form_layout()
        self.milestone_title = QLineEdit()
        self.milestone_title.setObjectName("milestoneTitleEdit")
        self.milestone_phase = QComboBox()
        self.milestone_phase.setObjectName("milestonePhaseEdit")
        self.milestone_due = date_edit("milestoneDueEdit")
        self.milestone_warning = QLabel()
        self.milestone_warning.setObjectName("milestoneWarning")
        self.milestone_warning.setWordWrap(True)
        self.milestone_warning.hide()
        self.milestone_status = QComboBox()
        self.milestone_status.setObjectName("milestoneStatusEdit")
        for key, name in vocab.MILESTONE_STATUSES.items():
            self.milestone_status.addItem(QCoreApplication.translate("vocab", name), key)
        self.milestone_done = date_edit("milestoneDoneEdit")
        self.milestone_metric = QLineEdit()
        self.milestone_metric.setObjectName("milestoneMetricEdit")
        self.milestone_target = QLineEdit()
        self.milestone_target.setObjectName("milestoneTargetEdit")
        self.milestone_hours = make_spin(0, plan.MAX_HOURS, decimals=1, suffix=self.tr(" h"))
        self.milestone_hours.setObjectName("milestoneHoursEdit")
        self.milestone_money = make_spin(0, plan.MAX_MONEY, decimals=2)
        self.milestone_money.setObjectName("milestoneMoneyEdit")
        self.milestone_partner = QComboBox()
        self.milestone_partner.setObjectName("milestonePartnerEdit")
        self.milestone_notes = text_box("milestoneNotesEdit", 4)

        def add(field: str, editor: QWidget, title: str, *extra: QWidget) -> None:
            add_field(form, b, field, editor, title, *extra)

        def pair(first: tuple[str, QWidget, str], second: tuple[str, QWidget, str]) -> None:
            """Two short fields on one line, each with its message underneath."""
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            for index, (field, editor, title) in enumerate((first, second)):
                error = error_label()
                b.bind(field, editor, error, title)
                if index:
                    label = QLabel(title + ":")
                    label.setBuddy(editor)
                    # level with the editor's text, like the form's own labels
                    label.setMinimumHeight(editor.sizeHint().height())
                    label.setAlignment(Qt.AlignmentFlag.AlignRight
                                       | Qt.AlignmentFlag.AlignVCenter)
                    line.addSpacing(6)
                    line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
                else:
                    caption = QLabel(title + ":")
                    caption.setBuddy(editor)
                line.addWidget(field_row(editor, error), 3 if index == 0 else 2)
            form.addRow(caption, row)

        add("title", self.milestone_title, self.tr("Title"))
        add("phase", self.milestone_phase, self.tr("Phase"))
        add("due_date", self.milestone_due, self.tr("Due"), self.milestone_warning)
        pair(("status", self.milestone_status, self.tr("Status")),
             ("done_date", self.milestone_done, self.tr("Done on")))
        pair(("metric", self.milestone_metric, self.tr("Metric")),
             ("target", self.milestone_target, self.tr("Target")))
        pair(("hours_needed", self.milestone_hours, self.tr("Hours")),
             ("money_needed", self.milestone_money, self.tr("Money")))
        add("partner", self.milestone_partner, self.tr("Partner"))
        self.milestone_partner.setToolTip(
            self.tr("Someone from your network who holds you to this milestone"))

        self.milestone_skills = QLabel()
        self.milestone_skills.setObjectName("milestoneSkills")
        self.milestone_skills.setWordWrap(True)
        self.choose_skills = QPushButton(self.tr("Choose…"))
        self.choose_skills.setObjectName("chooseSkillsButton")
        self.choose_skills.setToolTip(self.tr("Choose the skills this milestone builds"))
        self.choose_skills.clicked.connect(lambda: self.skillsRequested.emit())
        self.milestone_learning = QLabel()
        self.milestone_learning.setObjectName("milestoneLearning")
        self.milestone_learning.setWordWrap(True)
        self.choose_learning = QPushButton(self.tr("Choose…"))
        self.choose_learning.setObjectName("chooseLearningButton")
        self.choose_learning.setToolTip(
            self.tr("Choose the learning items and experiments this milestone relies on"))
        self.choose_learning.clicked.connect(lambda: self.learningRequested.emit())
        for title, label, button in ((self.tr("Skills"), self.milestone_skills,
                                      self.choose_skills),
                                     (self.tr("Learning"), self.milestone_learning,
                                      self.choose_learning)):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(label, 1)
            row_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            caption = QLabel(title + ":")
            caption.setBuddy(button)
            form.addRow(caption, row)
        add("notes", self.milestone_notes, self.tr("Notes"))

        self.milestone_overdue = QLabel()
        self.milestone_overdue.setObjectName("milestoneOverdue")
        self.milestone_overdue.hide()
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Milestone"), "milestoneHeading"))
        top.addStretch(1)
        top.addWidget(self.milestone_overdue)
        page_layout(self, top, form)

    @staticmethod
    def values(row: plan.MilestoneRow) -> dict[str, Any]:
        return {"title": row.title, "phase": row.phase_id, "due_date": row.due_date,
                "status": row.status, "done_date": row.done_date, "metric": row.metric,
                "target": row.target, "hours_needed": row.hours_needed,
                "money_needed": row.money_needed, "partner": row.partner_id or 0,
                "notes": row.notes}

    def title_edit(self) -> QLineEdit:
        return self.milestone_title

    def load(self, m: plan.MilestoneRow) -> None:
        """Show ``m`` (for the milestone already shown: refresh its values, keeping an edit in
        progress), with the phases and contacts as they are now."""
        self._choices.refill(self.milestone_phase, "phases", plan.phase_choices, None)
        self._choices.refill(self.milestone_partner, "contacts", plan.contact_choices,
                             self.tr("— nobody yet —"))
        currency_ui.show_on_spin(self.milestone_money)
        self.binder.load(m.id, self.values(m))
        self.milestone_warning.setText("⚠ " + m.warning if m.warning else "")
        self.milestone_warning.setVisible(bool(m.warning))
        self.milestone_warning.setAccessibleDescription(m.warning)
        if m.overdue:
            self.milestone_overdue.setText(self.tr("⚠ Overdue by {0} days").format(
                m.days_overdue) if m.days_overdue != 1 else self.tr("⚠ Overdue by 1 day"))
        self.milestone_overdue.setVisible(m.overdue)
        none = self.tr("none yet")
        self.milestone_skills.setText(", ".join(name for _i, name in m.skills) or none)
        self.milestone_learning.setText(
            "\n".join(f"• {title}" for _i, title in m.learning) or none)
        self.milestone_skills.setEnabled(bool(m.skills))
        self.milestone_learning.setEnabled(bool(m.learning))

    def style_warnings(self, palette: QPalette, warning: QColor) -> None:
        """The overdue and date warnings, in the ``warning`` colour."""
        self.milestone_overdue.setStyleSheet(f"color: {warning.name()}; font-weight: bold;")
        self.milestone_warning.setStyleSheet(
            f"color: {palette.color(QPalette.ColorRole.Text).name()};"
            f"background: {_tint(palette, warning).name()};"
            f"border-left: 3px solid {warning.name()}; padding: 4px 6px;")


def _tint(palette: QPalette, color: QColor) -> QColor:
    """``color`` faintly over the palette's base: a background for a warning."""
    base = palette.color(QPalette.ColorRole.Base)
    t = 0.16
    return QColor.fromRgbF(base.redF() + (color.redF() - base.redF()) * t,
                           base.greenF() + (color.greenF() - base.greenF()) * t,
                           base.blueF() + (color.blueF() - base.blueF()) * t)
