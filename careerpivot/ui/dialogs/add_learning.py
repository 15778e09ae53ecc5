"""The form that adds a learning item or an experiment, and the skill picker it shares with the
Development tab's editor (a checkable list narrowed by typing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services import development
from careerpivot.ui.dialogs.form_dialog import FormDialog
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.widgets.dates import DateField


class SkillPicker(QWidget):
    """The skills a learning item serves: a checkable list and a box that narrows it.

    Typing narrows the list; Enter in the box checks the first match (or unchecks it when it
    is the only match and already checked); Down moves into the list, where Space toggles.
    ``toggled`` carries every checked id after a change made by the user."""

    toggled = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("skillPickerFilter")
        self.filter.setPlaceholderText(self.tr("Type to find a skill, Enter to tick it"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Find a skill"))
        self.list = QListWidget(self)
        self.list.setObjectName("skillPickerList")
        self.list.setAccessibleName(self.tr("Skills this serves"))
        self.list.setUniformItemSizes(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("skillPickerSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # skill names are the user's
        self.summary.setWordWrap(True)
        self.summary.setEnabled(False)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self._updating = False
        self._skills: list[tuple[int, str]] = []
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.list.itemChanged.connect(self._on_item_changed)

    def set_skills(self, skills: Sequence[tuple[int, str]], checked: Iterable[int] = ()) -> None:
        skills = list(skills)
        if skills == self._skills:  # the same choices: keep the list and its scroll position
            self.set_checked(checked)
            return
        self._skills = skills
        wanted = set(checked)
        self._updating = True
        try:
            self.list.clear()
            for skill_id, name in skills:
                item = QListWidgetItem(name, self.list)
                item.setData(Qt.ItemDataRole.UserRole, skill_id)
                item.setData(Qt.ItemDataRole.UserRole + 1, fold(name))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if skill_id in wanted
                                   else Qt.CheckState.Unchecked)
        finally:
            self._updating = False
        self._narrow(self.filter.text())
        self._update_summary()

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self._updating = True
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                state = (Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                         else Qt.CheckState.Unchecked)
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._updating = False
        self._update_summary()

    def checked_ids(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def checked_names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _narrow(self, text: str) -> None:
        words = fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole + 1) or ""
            item.setHidden(not all(w in key for w in words))

    def _visible_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _tick_first(self) -> None:
        items = self._visible_items()
        if not items or not self.filter.text().strip():
            return
        item = items[0]
        if len(items) == 1 and item.checkState() == Qt.CheckState.Checked:
            item.setCheckState(Qt.CheckState.Unchecked)
        else:
            item.setCheckState(Qt.CheckState.Checked)
        self.list.setCurrentItem(item)
        self.filter.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.filter and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            key = event.key()
            if key == Qt.Key.Key_Down:
                items = self._visible_items()
                if items:
                    self.list.setFocus(Qt.FocusReason.TabFocusReason)
                    self.list.setCurrentItem(items[0])
                    return True
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.filter.text().strip():
                # ticks the first match; kept from a dialog's default button
                self._tick_first()
                return True
        return False

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        self._update_summary()
        self.toggled.emit(self.checked_ids())

    def _update_summary(self) -> None:
        names = self.checked_names()
        if not self.list.count():
            self.summary.setText(self.tr("No skills yet: add them in the development list."))
        elif names:
            self.summary.setText(self.tr("Serves: {0}").format(", ".join(names)))
        else:
            self.summary.setText(self.tr("Not linked to a skill yet."))


class AddLearningDialog(FormDialog):
    """Asks for a new learning item or experiment; :meth:`ask` returns its validated fields
    (with ``skill_ids``) or None."""

    error_prefix = "newLearning_"

    def __init__(self, parent: QWidget | None = None, *,
                 skills: Sequence[tuple[int, str]] = (), checked: Iterable[int] = (),
                 kind: str = "course",
                 validate: Callable[..., dict] = development.validate_learning) -> None:
        super().__init__(parent, self.tr("Add Learning or Experiment"), self.tr(
            "A course, certification, workshop, book or practice block — or a practical "
            "experiment that tests the new path. Only the title is required; the rest can be "
            "filled in later."))
        self.setObjectName("addLearningDialog")
        self._validate = validate

        self.title = self.add_row(self.tr("&Title:"), "title", QLineEdit())
        self.title.setObjectName("newLearningTitle")
        self.kind = self.add_row(self.tr("&Kind:"), "kind", QComboBox())
        self.kind.setObjectName("newLearningKind")
        for key, name in vocab.LEARNING_KINDS.items():
            self.kind.addItem(_vocab(name), key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.status = self.add_row(self.tr("Stat&us:"), "status", QComboBox())
        self.status.setObjectName("newLearningStatus")
        for key, name in vocab.LEARNING_STATUSES.items():
            self.status.addItem(_vocab(name), key)
        self.start = self.add_row(self.tr("Sta&rt:"), "start_date", DateField())
        self.start.setObjectName("newLearningStart")
        self.end = self.add_row(self.tr("&End:"), "end_date", DateField())
        self.end.setObjectName("newLearningEnd")
        self.hours = self.add_row(self.tr("&Hours planned:"), "hours_planned", QDoubleSpinBox())
        self.hours.setObjectName("newLearningHours")
        self.hours.setRange(0, development.MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSuffix(self.tr(" h"))
        self.units = self.add_row(self.tr("U&nits in total:"), "units_total", QSpinBox())
        self.units.setObjectName("newLearningUnits")
        self.units.setRange(0, development.MAX_UNITS)
        self.units.setSpecialValueText(self.tr("not measured"))
        self.units.setToolTip(self.tr("Chapters, modules, sessions… progress is counted in "
                                      "these units"))
        self.cost = self.add_row(self.tr("&Cost:"), "cost", QDoubleSpinBox())
        self.cost.setObjectName("newLearningCost")
        self.cost.setRange(0, development.MAX_COST)
        self.cost.setDecimals(2)
        self.cost.setSpecialValueText(self.tr("free"))
        self.provider = self.add_row(self.tr("&Provider:"), "provider", QLineEdit())
        self.provider.setObjectName("newLearningProvider")
        self.url = self.add_row(self.tr("&Link:"), "url", QLineEdit())
        self.url.setObjectName("newLearningUrl")
        self.url.setPlaceholderText(self.tr("example.org/course"))
        self.hypothesis = self.add_row(self.tr("What it te&sts:"), "hypothesis",
                                       QPlainTextEdit())
        self.hypothesis.setObjectName("newLearningHypothesis")
        self.hypothesis.setTabChangesFocus(True)
        self.hypothesis.setPlaceholderText(self.tr(
            "What this experiment tests, e.g. “I enjoy discovery work more than delivery”"))
        self.hypothesis.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        picker = SkillPicker()
        self.skills = self.add_row(self.tr("Sk&ills:"), "skills", picker, buddy=picker.filter)
        self.skills.setObjectName("newLearningSkills")
        self.skills.list.setMinimumHeight(self.fontMetrics().height() * 6)
        self.skills.set_skills(skills, checked)

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add"))
        ok.setObjectName("addLearningOk")
        self.setMinimumWidth(500)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.set_row_visible("hypothesis", self.kind.currentData() in vocab.EXPERIMENT_KINDS)

    def values(self) -> dict[str, Any]:
        """The cleaned fields and the checked ``skill_ids``."""
        values: dict[str, Any] = {
            "title": self.title.text(), "kind": self.kind.currentData(),
            "status": self.status.currentData(),
            "start_date": self.start.checked_value("start_date"),
            "end_date": self.end.checked_value("end_date"), "hours_planned": self.hours.value(),
            "units_total": self.units.value(), "cost": self.cost.value(),
            "provider": self.provider.text(), "url": self.url.text(),
        }
        if self.kind.currentData() in vocab.EXPERIMENT_KINDS:
            values["hypothesis"] = self.hypothesis.toPlainText()
        cleaned = self._validate(**values)
        cleaned["skill_ids"] = self.skills.checked_ids()
        return cleaned

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, skills: Sequence[tuple[int, str]] = (),
            checked: Iterable[int] = (), kind: str = "course") -> dict[str, Any] | None:
        """The new item's cleaned fields and ``skill_ids``, or None when cancelled."""
        return cls(parent, skills=skills, checked=checked, kind=kind).run()
