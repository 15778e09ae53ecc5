"""The form of the Development tab's learning item editor (``learningEditor``): every field of
a course, book, practice block or experiment, bound to a :class:`FormBinder`. Built the first
time an item is opened (:class:`~careerpivot.ui.tabs.development.learning_page.LearningEditor`)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services import development
from careerpivot.ui.dialogs.add_learning import SkillPicker
from careerpivot.ui.tabs.development.common import form_row, new_form, vocab_text
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.time_field import TimeField


class LearningForm(QScrollArea):
    #: The editors the Development tab keeps a reference to, by these names.
    TAB_ATTRIBUTES = ("title_edit", "kind_combo", "status_combo", "start_edit", "end_edit",
                      "hours_planned_spin", "hours_spent_spin", "units_done_spin",
                      "units_total_spin", "cost_spin", "provider_edit", "url_edit",
                      "open_url_button", "hypothesis_edit", "result_edit", "day_combo",
                      "time_edit", "minutes_spin", "outcome_edit", "skill_picker",
                      "skills_error")

    def __init__(self, binder: FormBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learningEditor")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self)
        form = new_form(page)
        b = binder

        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("learningTitleEdit")
        form_row(form, b, self.tr("&Title:"), "title", self.title_edit, self.tr("title"))
        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("learningKindCombo")
        for key, name in vocab.LEARNING_KINDS.items():
            self.kind_combo.addItem(vocab_text(name), key)
        form_row(form, b, self.tr("&Kind:"), "kind", self.kind_combo, self.tr("kind"))
        self.status_combo = QComboBox(page)
        self.status_combo.setObjectName("learningStatusCombo")
        for key, name in vocab.LEARNING_STATUSES.items():
            self.status_combo.addItem(vocab_text(name), key)
        form_row(form, b, self.tr("Stat&us:"), "status", self.status_combo, self.tr("status"))

        self.start_edit = DateField(page)
        self.start_edit.setObjectName("learningStartEdit")
        form_row(form, b, self.tr("Sta&rt:"), "start_date", self.start_edit,
                 self.tr("start date"))
        self.end_edit = DateField(page)
        self.end_edit.setObjectName("learningEndEdit")
        form_row(form, b, self.tr("End:"), "end_date", self.end_edit, self.tr("end date"))

        self.hours_planned_spin = self._double_spin(page, development.MAX_HOURS, 1,
                                                    self.tr(" h"), "hoursPlannedSpin")
        form_row(form, b, self.tr("Hours planned:"), "hours_planned", self.hours_planned_spin,
                 self.tr("hours planned"))
        self.hours_spent_spin = self._double_spin(page, development.MAX_HOURS, 1,
                                                  self.tr(" h"), "hoursSpentSpin")
        form_row(form, b, self.tr("Hours spent:"), "hours_spent", self.hours_spent_spin,
                 self.tr("hours spent"))

        # progress: "[5] of [12] units", each with its own message
        self.units_done_spin = QSpinBox(page)
        self.units_done_spin.setObjectName("unitsDoneSpin")
        self.units_total_spin = QSpinBox(page)
        self.units_total_spin.setObjectName("unitsTotalSpin")
        for spin in (self.units_done_spin, self.units_total_spin):
            spin.setRange(0, development.MAX_UNITS)
            spin.setKeyboardTracking(False)
            spin.setAccelerated(True)
        for spin in (self.units_done_spin, self.units_total_spin):
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("00000") + 30)
        self.units_done_spin.setAccessibleName(self.tr("Units done"))
        self.units_total_spin.setAccessibleName(self.tr("Units in total"))
        self.units_total_spin.setToolTip(self.tr(
            "Chapters, modules, sessions… 0 when progress is not measured"))
        progress_box = QWidget(page)
        pcol = QVBoxLayout(progress_box)
        pcol.setContentsMargins(0, 0, 0, 0)
        pcol.setSpacing(2)
        pline = QHBoxLayout()
        pline.setContentsMargins(0, 0, 0, 0)
        pline.addWidget(self.units_done_spin, 1)
        of_label = QLabel(self.tr("of"), progress_box)
        of_label.setBuddy(self.units_total_spin)
        pline.addWidget(of_label)
        pline.addWidget(self.units_total_spin, 1)
        pline.addWidget(QLabel(self.tr("units"), progress_box))
        pcol.addLayout(pline)
        done_error = error_label(progress_box)
        total_error = error_label(progress_box)
        pcol.addWidget(done_error)
        pcol.addWidget(total_error)
        b.bind("units_done", self.units_done_spin, done_error, self.tr("units done"))
        b.bind("units_total", self.units_total_spin, total_error, self.tr("units in total"))
        progress_label = QLabel(self.tr("Pro&gress:"), page)
        progress_label.setBuddy(self.units_done_spin)
        form.addRow(progress_label, progress_box)

        self.cost_spin = self._double_spin(page, development.MAX_COST, 2, "", "costSpin")
        self.cost_spin.setSpecialValueText(self.tr("free"))
        form_row(form, b, self.tr("&Cost:"), "cost", self.cost_spin, self.tr("cost"))
        self.provider_edit = QLineEdit(page)
        self.provider_edit.setObjectName("providerEdit")
        self.provider_edit.setPlaceholderText(self.tr("School, platform, publisher or host"))
        form_row(form, b, self.tr("Provider:"), "provider", self.provider_edit,
                 self.tr("provider"))
        self.url_edit = QLineEdit(page)
        self.url_edit.setObjectName("urlEdit")
        self.url_edit.setPlaceholderText(self.tr("example.org/course"))
        self.open_url_button = QToolButton(page)
        self.open_url_button.setObjectName("openUrlButton")
        self.open_url_button.setText(self.tr("Open"))
        self.open_url_button.setToolTip(self.tr("Open the link in your web browser"))
        form_row(form, b, self.tr("Link:"), "url", self.url_edit, self.tr("link"),
                 extra=self.open_url_button)

        # experiments
        self.hypothesis_edit = self._text_edit(page, "hypothesisEdit", self.tr(
            "The belief this experiment tests, e.g. “I enjoy discovery work more than "
            "delivery”"))
        self.experiment_rows = [
            form_row(form, b, self.tr("&What it tests:"), "hypothesis", self.hypothesis_edit,
                     self.tr("what it tests")),
        ]
        self.result_edit = self._text_edit(page, "resultEdit", self.tr(
            "What happened, and whether the belief held"))
        self.experiment_rows.append(
            form_row(form, b, self.tr("Result:"), "result", self.result_edit,
                     self.tr("result")))

        # practice blocks: the weekly schedule
        self.day_combo = QComboBox(page)
        self.day_combo.setObjectName("scheduleDayCombo")
        self.day_combo.addItem(self.tr("No fixed day"), -1)
        self.day_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.day_combo.setMinimumContentsLength(7)
        locale = QLocale()
        for number in range(7):  # 0 Monday .. 6 Sunday, named in the user's language
            self.day_combo.addItem(locale.dayName(number + 1, QLocale.FormatType.LongFormat),
                                   number)
        self.time_edit = TimeField(page)
        self.time_edit.setObjectName("scheduleTimeEdit")
        self.minutes_spin = QSpinBox(page)
        self.minutes_spin.setObjectName("scheduleMinutesSpin")
        self.minutes_spin.setRange(0, 1440)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setKeyboardTracking(False)
        self.schedule_rows = [
            form_row(form, b, self.tr("Every &week on:"), "schedule_day", self.day_combo,
                     self.tr("day of the week")),
            form_row(form, b, self.tr("At:"), "schedule_time", self.time_edit,
                     self.tr("time")),
            form_row(form, b, self.tr("For:"), "schedule_minutes", self.minutes_spin,
                     self.tr("minutes")),
        ]

        self.outcome_edit = self._text_edit(page, "outcomeEdit", self.tr(
            "What you learned, feedback you received, a certificate earned…"))
        form_row(form, b, self.tr("Outco&me:"), "outcome", self.outcome_edit,
                 self.tr("outcome or feedback"))

        self.skill_picker = SkillPicker(page)
        self.skill_picker.setObjectName("learningSkills")
        self.skill_picker.list.setMinimumHeight(self.fontMetrics().height() * 6)
        self.skill_picker.list.setMaximumHeight(self.fontMetrics().height() * 10)
        self.skills_error = error_label(page)
        self.skills_error.setObjectName("learningSkillsError")
        skills_box = QWidget(page)
        kcol = QVBoxLayout(skills_box)
        kcol.setContentsMargins(0, 0, 0, 0)
        kcol.addWidget(self.skill_picker)
        kcol.addWidget(self.skills_error)
        skills_label = QLabel(self.tr("Skills:"), page)
        skills_label.setBuddy(self.skill_picker.filter)
        skills_label.setWordWrap(True)
        form.addRow(skills_label, skills_box)

        self.setWidget(page)
        self.url_edit.textChanged.connect(
            lambda text: self.open_url_button.setEnabled(bool(text.strip())))

    def _double_spin(self, parent: QWidget, maximum: float, decimals: int, suffix: str,
                     name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(parent)
        spin.setObjectName(name)
        spin.setRange(0, maximum)
        spin.setDecimals(decimals)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        return spin

    def _text_edit(self, parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return edit
