"""The Overview's first-steps guide (:class:`FirstStepsGuide`): a welcome card over the
Overview of a new workspace with the five steps of ``core.first_steps`` side by side, each
with a button that takes the user there (and opens the dialog the step starts with), ticking
itself as the step gets done; an offer to look around the sample workspace first, and "Hide
the Guide".

:meth:`FirstStepsGuide.refresh` reads ``services.first_steps.state`` (the tab calls it when
it reloads, that is after each change of its areas on the bus). The last step, the
development list, ticks when the Development tab is shown: the guide watches the window's
tabs for it. Once every step is done the card says so for a moment (:data:`ALL_SET_MS`) and
goes; hidden, it goes too (both kept in the workspace). Help > Show First Steps brings it
back (:meth:`FirstStepsGuide.show_again`): every step, ticked where done — all of them, with
a sentence saying so, once the loop was gone round — until it is hidden again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import first_steps as rule
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import first_steps
from careerpivot.services.first_steps import FirstSteps
from careerpivot.ui.context import AppContext

#: How long the card says "All set" before it goes (milliseconds).
ALL_SET_MS = 5000
#: Below this height or width of the Overview (logical pixels: a small screen, or 200 %) the
#: card shows only the next step, on one line, so that what is due keeps its room.
COMPACT_HEIGHT = 560
COMPACT_WIDTH = 900

_CARD_STYLE = """
QFrame#firstStepsGuide {{ background: palette(base); border: 1px solid palette(mid);
                          border-radius: 6px; }}
QFrame#firstStepsGuide QFrame[step="true"] {{ background: palette(alternate-base);
                                              border: 1px solid palette(midlight);
                                              border-radius: 4px; }}
QFrame#firstStepsGuide QFrame[step="true"][next="true"] {{
    border: 1px solid palette(highlight); }}
QLabel[badge="pending"] {{ border: 1px solid palette(mid); border-radius: {r}px;
                           color: palette(text); font-weight: 600; }}
QLabel[badge="next"] {{ border: 2px solid palette(highlight); border-radius: {r}px;
                        color: palette(text); font-weight: 600; }}
QLabel[badge="done"] {{ background: palette(highlight); border-radius: {r}px;
                        color: palette(highlighted-text); font-weight: 600; }}
QLabel[role="detail"] {{ color: palette(placeholder-text); }}
"""


class _StepTile(QFrame):
    """One step: its number (a tick once done), its title, a line of detail and its button."""

    def __init__(self, key: str, number: int, title: str, tip: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key, self.number = key, number
        self.setObjectName(f"firstStep_{key}")
        self.setProperty("step", True)
        self.setToolTip(tip)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.badge = QLabel(str(number), self)
        self.badge.setObjectName(f"firstStepBadge_{key}")
        side = self.fontMetrics().height() + 8
        self.badge.setFixedSize(side, side)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(title, self)
        self.title.setObjectName(f"firstStepTitle_{key}")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        grid.addWidget(self.title, 0, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName(f"firstStepDetail_{key}")
        self.detail.setProperty("role", "detail")
        self.detail.setWordWrap(True)
        grid.addWidget(self.detail, 1, 1)
        grid.setRowStretch(2, 1)
        self.button = QPushButton(self)
        self.button.setObjectName(f"firstStepButton_{key}")
        self.button.setToolTip(tip)
        grid.addWidget(self.button, 3, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)

    def show_state(self, *, done: bool, is_next: bool, detail: str, action: str) -> None:
        self.badge.setText("✓" if done else str(self.number))
        self.badge.setProperty("badge", "done" if done else "next" if is_next else "pending")
        self.setProperty("next", is_next)
        self.detail.setText(detail)
        self.button.setText(action)
        self.button.setAccessibleName(f"{self.title.text()}: {action}")
        self.button.setDefault(is_next)
        self.button.setVisible(not done)  # (a done step needs no way there)
        for widget in (self, self.badge):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class FirstStepsGuide(QFrame):
    """The welcome card (``firstStepsGuide``); hidden when the guide is not to be shown."""

    #: The card was hidden by the user or went after its "All set" moment.
    dismissed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstStepsGuide")
        self.state: FirstSteps | None = None
        self.all_set = False
        self.compact = False
        self._next_key = rule.STEPS[0]
        self._watching: QTabWidget | None = None
        self._all_set_timer = QTimer(self)
        self._all_set_timer.setSingleShot(True)
        self._all_set_timer.timeout.connect(self._after_all_set)
        self._build()
        self.hide()
        if parent is not None:
            parent.installEventFilter(self)  # its size decides between all steps and one

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        side = self.fontMetrics().height() + 8
        self.setStyleSheet(_CARD_STYLE.format(r=side // 2))
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 12)
        column.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(8)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        self.title = QLabel(self._welcome(), self)
        self.title.setObjectName("firstStepsTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        heading.addWidget(self.title)
        self.intro = QLabel(self)
        self.intro.setObjectName("firstStepsIntro")
        self.intro.setWordWrap(True)
        heading.addWidget(self.intro)
        top.addLayout(heading, 1)
        self.sample_button = QPushButton(self.tr("Explore the Sample First"), self)
        self.sample_button.setObjectName("firstStepsSampleButton")
        self.sample_button.setToolTip(self.tr(
            "Opens a sample workspace full of example conversations, evidence and a plan. "
            "Your own workspace stays as it is: come back to it with File > Open Recent."))
        self.sample_button.clicked.connect(self.open_sample)
        top.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide_button = QPushButton(self.tr("Hide the Guide"), self)
        self.hide_button.setObjectName("hideFirstStepsButton")
        self.hide_button.setToolTip(self.tr("Hide these steps in this workspace (Help > Show "
                                            "First Steps brings them back)"))
        self.hide_button.clicked.connect(self.dismiss)
        top.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)

        self.steps_row = QWidget(self)
        self.steps_row.setObjectName("firstStepsRow")
        row = QHBoxLayout(self.steps_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        texts = self._step_texts()
        self.tiles: dict[str, _StepTile] = {}
        for number, key in enumerate(rule.STEPS, start=1):
            title, tip = texts[key]
            tile = _StepTile(key, number, title, tip, self.steps_row)
            tile.button.clicked.connect(lambda _c=False, k=key: self.go(k))
            self.tiles[key] = tile
            row.addWidget(tile, 1)
        column.addWidget(self.steps_row)

        # the compact card: the next step only
        self.next_row = QWidget(self)
        self.next_row.setObjectName("firstStepsNext")
        line = QHBoxLayout(self.next_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(8)
        self.next_badge = QLabel(self.next_row)
        self.next_badge.setObjectName("firstStepNextBadge")
        self.next_badge.setFixedSize(side, side)
        self.next_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_badge.setProperty("badge", "next")
        line.addWidget(self.next_badge)
        self.next_text = QLabel(self.next_row)
        self.next_text.setObjectName("firstStepNextText")
        self.next_text.setWordWrap(True)
        line.addWidget(self.next_text, 1)
        self.next_button = QPushButton(self.next_row)
        self.next_button.setObjectName("firstStepNextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(lambda: self.go(self._next_key))
        line.addWidget(self.next_button)
        column.addWidget(self.next_row)
        self.next_row.hide()

    def _welcome(self) -> str:
        return self.tr("Welcome to CareerPivot — your first steps")

    def _step_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "path": (self.tr("Name a path and write what you believe about it"),
                     self.tr("A career you are considering, and the beliefs about it you "
                             "want to test: the skills it takes, the daily work, the pay.")),
            "people": (self.tr("Add three practitioners at different levels"),
                       self.tr("People who do that work now, at two experience levels or "
                               "more: a newcomer and a manager see the work differently.")),
            "conversation": (self.tr("Plan and hold a conversation"),
                             self.tr("Ask for 20–30 minutes, take the path's core questions "
                                     "along, and mark the conversation Completed once it "
                                     "was held.")),
            "evidence": (self.tr("Record what it said about your beliefs"),
                         self.tr("On the conversation's Evidence page: supported, challenged "
                                 "or nuanced, with what they said in their words.")),
            "development": (self.tr("Look at the development list"),
                            self.tr("The skills your conversations point to, ranked by how "
                                    "often and how strongly they came up and by your gap.")),
        }

    # --- showing --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the steps again and show them (or the "All set" moment, or nothing)."""
        try:
            state = first_steps.state()
        except CareerPivotError:
            self.state = None
            self.setVisible(False)
            return
        before = self.state
        was_shown = before is not None and before.shown
        self.state = state
        # every step done just now (on a guide asked for again too: the last of its steps
        # pending was done while it showed): the guide goes
        finished_now = state.reason == "done" or (
            state.asked and state.all_done and was_shown and not before.all_done)
        if finished_now:
            try:
                first_steps.hide(finished=True)
            except CareerPivotError:
                pass
            if was_shown:
                self._show_all_set()
                return
        if self.all_set:
            return
        self.setVisible(state.shown)
        if state.shown:
            self._show_steps(state)

    def _show_steps(self, state: FirstSteps) -> None:
        done = state.done
        count = sum(done.values())
        if state.all_done:
            self.intro.setText(self.tr(
                "All five steps are done: you have gone round the loop once, from a belief "
                "to the people to test it with, a conversation, its evidence and what to "
                "learn next. Hide the guide when you no longer need it."))
        else:
            self.intro.setText(self.tr(
                "Five steps take you from a hunch to evidence. Each button takes you there; "
                "a step ticks itself once it is done — {0} of {1} so far.").format(
                    count, len(rule.STEPS)))
        self.sample_button.setVisible(not state.all_done)
        pending = [key for key in rule.STEPS if not done[key]]
        for key, tile in self.tiles.items():
            tile.show_state(done=done[key], is_next=bool(pending) and key == pending[0],
                            detail=self._detail(key, state), action=self._action(key, state))
        if pending:
            key = self._next_key = pending[0]
            tile = self.tiles[key]
            self.next_badge.setText(str(tile.number))
            self.next_text.setText(self.tr("<b>Next, step {0} of {1}:</b> {2}").format(
                tile.number, len(rule.STEPS), _html(tile.title.text())))
            self.next_text.setToolTip(tile.detail.text() + "\n" + tile.toolTip())
            self.next_button.setText(tile.button.text())
            self.next_button.setToolTip(tile.toolTip())
        self._apply_mode()

    def _detail(self, key: str, state: FirstSteps) -> str:
        p = state.progress
        if state.done[key]:
            return self.tr("Done")
        if key == "path":
            return (self.tr("Your path has no beliefs written down yet.") if p.paths
                    else self.tr("A career you are weighing, and one belief to test."))
        if key == "people":
            if not p.contacts:
                return self.tr("People doing that work now, at two levels or more.")
            if p.contacts >= rule.PEOPLE_MIN:  # enough people, too few levels
                return (self.tr("All at one level so far: add someone more junior or more "
                                "senior.") if p.levels else
                        self.tr("Set each person's experience level on the Network tab."))
            return self.tr("%n of {0} so far", "", p.contacts).format(rule.PEOPLE_MIN) \
                + ", " + self.tr("%n known level(s)", "", p.levels)
        if key == "conversation":
            return (self.tr("One is planned: mark it Completed once it was held.")
                    if state.planned_id is not None
                    else self.tr("Ask for 20–30 minutes of their time."))
        if key == "evidence":
            return self.tr("Supported, challenged or nuanced, in their words.")
        return self.tr("Skills ranked by what your conversations said.")

    def _action(self, key: str, state: FirstSteps) -> str:
        if key == "path":
            return self.tr("New Assumption…") if state.progress.paths else self.tr(
                "Add Path…")
        if key == "people":
            return self.tr("Add Contact…")
        if key == "conversation":
            return (self.tr("Open the Conversation") if state.planned_id is not None
                    else self.tr("Plan a Conversation…"))
        if key == "evidence":
            return self.tr("Record Evidence") if state.held_id is not None else self.tr(
                "Open Interviews")
        return self.tr("Open Development")

    def _show_all_set(self) -> None:
        self.all_set = True
        self.title.setText(self.tr("All set"))
        self.intro.setText(self.tr(
            "You have gone round the loop once: a belief, the people to test it with, a "
            "conversation, its evidence and what to learn next. From here the Overview shows "
            "what is due."))
        self.steps_row.hide()
        self.next_row.hide()
        self.intro.show()
        self.sample_button.hide()
        self.hide_button.setText(self.tr("Close"))
        self.setVisible(True)
        if self.isVisible():
            self._all_set_timer.start(ALL_SET_MS)

    def _apply_mode(self) -> None:
        if self.all_set:
            return
        # with every step done there is no next step: the compact card says so in words
        all_done = self.state is not None and self.state.all_done
        self.steps_row.setVisible(not self.compact)
        self.intro.setVisible(not self.compact or all_done)
        self.next_row.setVisible(self.compact and not all_done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            size = self.parentWidget().size()
            compact = size.height() < COMPACT_HEIGHT or size.width() < COMPACT_WIDTH
            if compact != self.compact:
                self.compact = compact
                self._apply_mode()
        return False

    def _after_all_set(self) -> None:
        self.hide()
        self.dismissed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch_tabs()
        if self.all_set and not self._all_set_timer.isActive():
            self._all_set_timer.start(ALL_SET_MS)

    # --- acting ---------------------------------------------------------------------------
    def dismiss(self) -> None:
        """Hide the Guide (or Close, once all set): it goes, until asked for again."""
        self._all_set_timer.stop()
        if not self.all_set:
            try:
                first_steps.hide()
            except CareerPivotError as exc:
                self.ctx.bus.status.emit(exc.message)
            else:
                self.ctx.bus.status.emit(self.tr(
                    "The first-steps guide is hidden for this workspace; Help > Show First "
                    "Steps brings it back."))
        self.hide()
        self.dismissed.emit()

    def show_again(self) -> None:
        """Help > Show First Steps: the guide comes back (kept in the workspace) and shows
        every step, ticked where done; the keyboard focus goes to its next step's button
        (Hide the Guide once all are done)."""
        try:
            first_steps.show_again()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._all_set_timer.stop()
        if self.all_set:  # the "All set" moment: back to the steps
            self.all_set = False
            self.title.setText(self._welcome())
            self.hide_button.setText(self.tr("Hide the Guide"))
            self.sample_button.show()
        self.refresh()
        if self.state is None or not self.state.shown:
            return
        if self.state.all_done:
            self.hide_button.setFocus()
        elif self.compact:
            self.next_button.setFocus()
        else:
            self.tiles[self._next_key].button.setFocus()

    def open_sample(self) -> None:
        opener = getattr(self.window(), "open_sample", None)
        if opener is not None:
            opener()

    def go(self, key: str) -> None:
        """Take the user to the step ``key``, with the dialog it starts with."""
        window: Any = self.window()
        state = self.state
        if state is None or not hasattr(window, "show_tab"):
            return
        bus = self.ctx.bus
        if key == "path":
            if state.path_id is None:
                window.show_tab("pathsTab").add_path()
                return
            bus.show_item.emit("path", state.path_id)
            tab = window.show_tab("pathsTab")
            tab.pages.setCurrentWidget(tab.assumptions_page)
            tab.assumptions_page.add_assumption()
        elif key == "people":
            window.show_tab("networkTab").add_contact()
        elif key == "conversation":
            if state.planned_id is None:
                window.show_tab("interviewsTab").new_interview()
                return
            bus.show_item.emit("interview", state.planned_id)
            tab = window.show_tab("interviewsTab")
            tab.editor.show_page(tab.editor.PAGE_DETAILS)
        elif key == "evidence":
            tab = window.show_tab("interviewsTab")
            if state.held_id is not None:
                bus.show_item.emit("interview", state.held_id)
                tab.editor.show_page(tab.editor.PAGE_EVIDENCE)
        else:
            window.show_tab("developmentTab")

    # --- the last step: the development list was looked at --------------------------------
    def _watch_tabs(self) -> None:
        if self._watching is not None:
            return
        tabs = self.window().findChild(QTabWidget, "mainTabs")
        if tabs is None:
            return
        self._watching = tabs
        tabs.currentChanged.connect(self._tab_shown)

    def _tab_shown(self, index: int) -> None:
        widget = self._watching.widget(index) if self._watching is not None else None
        state = self.state
        if (widget is None or widget.objectName() != "developmentTab" or state is None
                or not state.shown or state.done["development"]):
            return
        try:
            first_steps.mark_development_seen()
        except CareerPivotError:
            return
        self.refresh()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
