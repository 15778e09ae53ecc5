"""The Follow-ups page of the interview editor: the rounds with this person, introductions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services.interviews import InterviewDetail
from careerpivot.ui.context import AppContext
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.widgets.date_text import shown_datetime
from careerpivot.ui.widgets.form_parts import heading, hint


class FollowUpsPanel(QWidget):
    """The chain of rounds with this person, "Schedule follow-up", and introductions."""

    open_interview = Signal(int)
    follow_up_requested = Signal()  # "Schedule Follow-up" was clicked
    introduction_requested = Signal()  # "Add Introduction…" was clicked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None  # the interview shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading(self.tr("Rounds with this person")))
        layout.addWidget(hint(self.tr("A follow-up conversation is a new round linked to the "
                                      "earlier ones. Click a round to open it.")))
        self.rounds = QListWidget()
        self.rounds.setObjectName("roundsList")
        self.rounds.setAccessibleName(self.tr("Rounds with this person"))
        self.rounds.setToolTip(self.tr("Click a round to open it"))
        self.rounds.itemClicked.connect(self._round_chosen)
        self.rounds.itemActivated.connect(self._round_chosen)
        self.rounds.setSpacing(2)
        layout.addWidget(self.rounds, 2)
        row = QHBoxLayout()
        self.follow_up = QPushButton(self.tr("Schedule Follow-&up"))
        self.follow_up.setObjectName("scheduleFollowUpButton")
        self.follow_up.setToolTip(self.tr("Plan the next round with the same person and path, "
                                          "linked to this one"))
        self.follow_up.clicked.connect(self.follow_up_requested)
        row.addWidget(self.follow_up)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(16)
        layout.addWidget(heading(self.tr("Introductions offered")))
        layout.addWidget(hint(self.tr("People this person offered to introduce you to; they "
                                      "join your network as introduced by them. Double-click "
                                      "one to open it in the Network tab.")))
        self.introductions = QListWidget()
        self.introductions.setObjectName("introductionsList")
        self.introductions.setAccessibleName(self.tr("Introductions offered"))
        self.introductions.setToolTip(self.tr("Double-click to open the contact"))
        self.introductions.itemActivated.connect(self._introduction_chosen)
        self.introductions.setSpacing(2)
        layout.addWidget(self.introductions, 3)
        row = QHBoxLayout()
        self.add_intro = QPushButton(self.tr("Add Introduction…"))
        self.add_intro.setObjectName("addIntroductionButton")
        self.add_intro.clicked.connect(self.introduction_requested)
        row.addWidget(self.add_intro)
        row.addStretch(1)
        layout.addLayout(row)

    def set_detail(self, detail: InterviewDetail | None) -> None:
        self.rounds.clear()
        self.introductions.clear()
        self.interview_id = detail.id if detail is not None else None
        self.setEnabled(detail is not None)
        if detail is None:
            return
        status_names = {k: vocab_name(v) for k, v in vocab.INTERVIEW_STATUSES.items()}

        def add_round(iid: int, number: int, when: str, status: str, current: bool) -> None:
            text = self.tr("Round {0} · {1} · {2}").format(
                number, shown_datetime(when) or self.tr("date not set"),
                status_names.get(status, status))
            if current:
                text += " " + self.tr("(this conversation)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, iid)
            if current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            else:
                item.setToolTip(self.tr("Open round {0}").format(number))
            self.rounds.addItem(item)

        for r in detail.earlier:
            add_round(r.id, r.round, r.scheduled_at, r.status, False)
        row = detail.row
        add_round(row.id, row.round, row.scheduled_at, row.status, True)
        for r in detail.later:
            add_round(r.id, r.round, r.scheduled_at, r.status, False)
        stage_names = {k: vocab_name(v) for k, v in vocab.STAGES.items()}
        for intro in detail.introductions:
            parts = [p for p in (intro.role, intro.organization) if p]
            text = intro.name + (f" — {', '.join(parts)}" if parts else "")
            text += f"  ({stage_names.get(intro.stage, intro.stage)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, intro.contact_id)
            self.introductions.addItem(item)
        if not detail.introductions:
            item = QListWidgetItem(self.tr("None yet. When someone offers to introduce you, "
                                           "add the person here."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.introductions.addItem(item)

    def _round_chosen(self, item: QListWidgetItem) -> None:
        iid = item.data(Qt.ItemDataRole.UserRole)
        if iid is not None and iid != self.interview_id:
            self.open_interview.emit(int(iid))

    def _introduction_chosen(self, item: QListWidgetItem) -> None:
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        if contact_id is not None:
            self.ctx.bus.show_item.emit("contact", int(contact_id))
