"""The conversations coming up in the next two weeks, beside the Overview's due list
(:class:`AgendaPane`, ``agendaList``). Activating one asks the tab to open it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services.overview import AgendaRow
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.tabs.overview.due_model import ItemRole
from careerpivot.ui.widgets.empty_state import EmptyState


class AgendaPane(QWidget):
    """The "Upcoming conversations" list."""

    interviewOpened = Signal(int)  # the id of the interview to show

    def __init__(self, title_font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        agenda_title = QLabel(self.tr("Upcoming conversations"), self)
        agenda_title.setFont(title_font)
        column.addWidget(agenda_title)
        self.agenda_model = QStandardItemModel(self)
        self.agenda_view = QTreeView(self)
        self.agenda_view.setObjectName("agendaList")
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setRootIsDecorated(False)
        self.agenda_view.setWordWrap(True)
        self.agenda_view.setAlternatingRowColors(True)
        self.agenda_view.setHeaderHidden(True)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.setAccessibleName(self.tr("Upcoming conversations"))
        self.agenda_stack = QStackedWidget(self)
        self.agenda_stack.addWidget(self.agenda_view)
        self.agenda_empty = EmptyState(
            self, name="agendaEmpty", compact=True, title=self.tr("Nothing planned"),
            text=self.tr("No conversations scheduled in the next two weeks."),
            action=self.tr("Plan a Conversation…"))
        self.agenda_empty.actionTriggered.connect(self._plan_conversation)
        self.agenda_stack.addWidget(self.agenda_empty)
        column.addWidget(self.agenda_stack, 1)
        self.agenda_view.activated.connect(self._open_agenda)

    def _plan_conversation(self) -> None:
        window = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab("interviewsTab").new_interview()

    def show_agenda(self, agenda: list[AgendaRow]) -> None:
        self.agenda_model.clear()
        locale = QLocale()
        self.agenda_stack.setCurrentWidget(self.agenda_view if agenda else self.agenda_empty)
        for row in agenda:
            if row.days_until == 0:
                day = self.tr("Today")
            elif row.days_until == 1:
                day = self.tr("Tomorrow")
            else:
                day = locale.toString(row.day, "ddd d MMM")
            when = f"{day} {row.time}".strip()
            role = ", ".join(p for p in (row.role, row.organization) if p)
            mode = _vocab(vocab.INTERVIEW_MODES.get(row.mode, row.mode))
            detail = " · ".join(p for p in (row.path_title, self.tr("{0} min").format(
                row.minutes), mode) if p)
            item = QStandardItem(f"{when} — {row.contact_name}\n{role}\n{detail}")
            item.setData(row.id, ItemRole)
            item.setToolTip(self.tr("{0} minutes, {1}; round {2}").format(
                row.minutes, mode.lower(), row.round))
            self.agenda_model.appendRow(item)

    def _open_agenda(self, index: QModelIndex) -> None:
        interview_id = index.data(ItemRole)
        if interview_id is not None:
            self.interviewOpened.emit(int(interview_id))
