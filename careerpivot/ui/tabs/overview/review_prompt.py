"""The Overview's ways into the weekly review: the "Weekly Review…" button beside the day's
header, and the one-line reminder shown under it while a review is due
(``services.review.reminder``: the last one is more than a week old, or there never was one
and there is something to review)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import review
from careerpivot.ui.context import AppContext

_BANNER_STYLE = ("QFrame#weeklyReviewReminder { background: palette(alternate-base); "
                 "border: 1px solid palette(mid); border-radius: 4px; }")


class ReviewPrompt(QObject):
    """``button`` (for the header row, see :meth:`header_row`) and ``reminder`` (a banner,
    hidden unless a review is due); :meth:`refresh` reads whether one is."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self.button = QPushButton(self.tr("Weekly Review…"), parent)
        self.button.setObjectName("weeklyReviewButton")
        self.button.setToolTip(self.tr("What was due and done, what changed in the evidence, "
                                       "what to learn next and the week's decisions "
                                       "(Ctrl+Shift+R)"))
        self.button.clicked.connect(self.start)

        self.reminder = QFrame(parent)
        self.reminder.setObjectName("weeklyReviewReminder")
        self.reminder.setStyleSheet(_BANNER_STYLE)
        row = QHBoxLayout(self.reminder)
        row.setContentsMargins(8, 3, 4, 3)
        self.reminder_text = QLabel(self.reminder)
        self.reminder_text.setObjectName("weeklyReviewReminderText")
        row.addWidget(self.reminder_text)
        self.start_button = QPushButton(self.tr("Start Review…"), self.reminder)
        self.start_button.setObjectName("weeklyReviewStart")
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        row.addStretch(1)
        self.reminder.hide()

    def header_row(self, header: QWidget) -> QHBoxLayout:
        """``header`` with the button at its right."""
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(header, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def refresh(self, today: _dt.date) -> None:
        try:
            due = review.reminder(today)
        except CareerPivotError:
            self.reminder.hide()
            return
        if not due.overdue:
            self.reminder.hide()
            return
        if due.days is None:
            text = self.tr("You have not written a weekly review yet — a few minutes to look "
                           "back on the week and decide the next steps.")
        else:
            text = self.tr("Your last weekly review was %n day(s) ago —", "", due.days)
        self.reminder_text.setText(text)
        self.reminder.show()

    def start(self) -> None:
        from careerpivot.ui.dialogs.weekly_review import WeeklyReviewDialog

        WeeklyReviewDialog.ask(self.ctx, self._parent)
