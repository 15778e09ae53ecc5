"""The parts of the weekly review window (``ui.dialogs.weekly_review``): the list each of its
sections shows, what fills those lists, and the review's texts and dates in the user's
language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from careerpivot.core import evidence, vocab
from careerpivot.core import review as rules
from careerpivot.services.review import ReviewData
from careerpivot.ui.i18n import evidence_text, translator, vocab_name
from careerpivot.ui.widgets.log_view import status_colors

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


#: A text of ``core.review.TEXTS`` in the user's language.
review_text = translator("review")


def day_text(day: object) -> str:
    """A date as the review's lists show it."""
    return QLocale().toString(day, "d MMM yyyy")


class ReviewList(QTreeWidget):
    """One section's items; Enter or a double-click opens the item in its tab."""

    opened = Signal(str, int)

    def __init__(self, name: str, headers: Sequence[str], parent: QWidget | None = None, *,
                 stretch: int = 0) -> None:
        super().__init__(parent)
        self._stretch = stretch
        self.setObjectName(name)
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName(headers[0])
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.itemActivated.connect(self._activated)

    def set_rows(self, rows: Sequence[tuple], empty: str) -> None:
        """``rows``: (texts, kind, id, tooltip[, colour of the last column]); ``empty`` is
        shown when there are none."""
        self.clear()
        if not rows:
            item = QTreeWidgetItem([empty])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(0, self.palette().brush(QPalette.ColorGroup.Disabled,
                                                       QPalette.ColorRole.Text))
            self.addTopLevelItem(item)
            return
        for texts, kind, item_id, tip, *colour in rows:
            item = QTreeWidgetItem(list(texts))
            item.setData(0, KindRole, kind)
            item.setData(0, IdRole, item_id)
            for column in range(len(texts)):
                item.setToolTip(column, tip or texts[column])
            if colour and colour[0] is not None:
                item.setForeground(len(texts) - 1, QBrush(colour[0]))
            self.addTopLevelItem(item)
        for column in range(self.columnCount()):
            if column != self._stretch:
                self.resizeColumnToContents(column)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KindRole)
        if kind:
            self.opened.emit(str(kind), int(item.data(0, IdRole)))


class ReviewSections(QObject):
    """Fills the lists of the review's sections (the dialog's ``due_list``, ``done_list``,
    ``changes_list``, ``skills_list``, ``learn_list``, ``milestones_list`` and the labels over
    the first two) from its data, in the user's language."""

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def show(self, data: ReviewData) -> None:
        self._show_due(data)
        self._show_evidence(data)
        self._show_learning(data)
        self._show_milestones(data)

    def _late_color(self) -> object:
        return status_colors(self._dialog.palette())[0]

    def _show_due(self, data: ReviewData) -> None:
        d = self._dialog
        d.due_label.setText(self.tr("Follow-ups due: {0} done, {1} still open.").format(
            data.due_done, data.due_total - data.due_done))
        rows = []
        for action in data.due:
            if action.done is not None:
                status, colour = self.tr("✓ Done {0}").format(day_text(action.done)), None
            elif action.due < data.today:
                status = self.tr("⚠ Overdue by %n day(s)", "", (data.today - action.due).days)
                colour = self._late_color()
            else:
                status, colour = self.tr("Due today"), None
            rows.append(((action.text, day_text(action.due), status), "log", action.entry_id,
                         " · ".join(p for p in (action.text, action.contact_name) if p),
                         colour))
        d.due_list.set_rows(rows, self.tr("Nothing was due."))
        d.done_label.setText(self.tr("Done since {0}:").format(day_text(data.since)))
        kinds = {"log": self.tr("Log entry"), "milestone": self.tr("Milestone"),
                 "interview": self.tr("Conversation held")}
        d.done_list.set_rows(
            [((kinds.get(d.kind, d.kind), d.text, day_text(d.day), d.detail), d.kind, d.item_id,
              "") for d in data.done], self.tr("Nothing recorded as done yet."))

    def _show_evidence(self, data: ReviewData) -> None:
        d = self._dialog
        rows = []
        for change in data.changes:
            words = rules.change_words(change.before, change.after, review_text)
            lacks = evidence.describe(change.standing, evidence_text)
            rows.append(((change.statement, change.path_title, words), "assumption",
                         change.assumption_id, f"{change.statement}\n{words}\n{lacks}"))
        d.changes_list.set_rows(rows, self.tr("No assumption changed since the last review."))
        d.skills_list.set_rows(
            [((s.name, str(s.people)), "skill", s.skill_id, "") for s in data.new_skills],
            self.tr("No skill became recurring."))

    def _show_learning(self, data: ReviewData) -> None:
        d = self._dialog
        from careerpivot.ui.itemmodels.skills import explanation, translated_phrases

        phrases = translated_phrases()
        rows = []
        for rank, skill in enumerate(data.top_skills, start=1):
            why = explanation(skill, phrases)
            tip = why + ("\n" + self.tr("Learning: {0}").format(", ".join(skill.learning))
                         if skill.learning else "")
            rows.append(((f"{rank}. {skill.name}", why), "skill", skill.skill_id, tip))
        d.learn_list.set_rows(rows, self.tr("No skills on the development list yet."))

    def _show_milestones(self, data: ReviewData) -> None:
        d = self._dialog
        rows = []
        for m in data.milestones:
            if m.days_overdue:
                when, colour = self.tr("⚠ Overdue by %n day(s)", "", m.days_overdue), \
                    self._late_color()
            else:
                days = (m.due - data.today).days
                when = self.tr("Due today") if days == 0 else self.tr("In %n day(s)", "", days)
                colour = None
            status = vocab_name(vocab.MILESTONE_STATUSES.get(m.status, m.status))
            rows.append(((m.title, day_text(m.due), m.phase, f"{when} · {status}"), "milestone",
                         m.milestone_id, m.title + (f"\n{m.partner}" if m.partner else ""),
                         colour))
        d.milestones_list.set_rows(rows, self.tr("No milestone is due in the next two "
                                                    "weeks."))
