"""The weekly review: a guided window that walks through the week — what was due and what got
done, the evidence that changed, what to learn next, the milestones coming due — and ends with
the week's decisions, saved to the tracking log with a dated summary (``services.review``).

It is not modal: an item opens in its tab (Enter or a double-click, through
``DataBus.show_item``) while the review stays open beside the window, and it reads the week
again when the data changes. The decisions typed are kept in the workspace as a draft while
typing (``services.review.keep_draft``), so closing the window or the app never loses them;
Cancel asks whether to keep them, discard them or go on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import clock
from careerpivot.core import review as rules
from careerpivot.core.errors import CareerPivotError, ValidationError
from careerpivot.services import log, review
from careerpivot.services.review import ReviewData
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.weekly_review_parts import (
    ReviewList,
    ReviewSections,
    day_text,
    review_text,
)
from careerpivot.ui.undo import push_add

#: Typing pauses this long before the draft is kept.
DRAFT_MS = 400
#: Changes elsewhere are read again after this pause (several come together).
RELOAD_MS = 300

#: The answers of :meth:`WeeklyReviewDialog.confirm_close`.
KEEP, DISCARD, STAY = "keep", "discard", "stay"

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class WeeklyReviewDialog(QDialog):
    #: The week was read and shown (tests wait for it).
    loaded = Signal()
    #: The review was saved: the log entry's id.
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("weeklyReviewDialog")
        self.setWindowTitle(self.tr("Weekly Review"))
        self.setModal(False)
        self.data: ReviewData | None = None
        self.entry_id: int | None = None
        self._sequence = 0
        self._draft_failed = False
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload_timer.timeout.connect(self.load)
        self._build()
        self._connect()
        self._show_step(0)
        self._fit_to_screen()
        try:
            self.decisions.setPlainText(review.draft())
        except CareerPivotError:
            pass  # no draft to show: the review starts empty
        self._draft_timer.stop()
        self.load()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self._titles: list[str] = []
        self.intro = QLabel(self.tr("Reading your week…"), self)
        self.intro.setObjectName("weeklyReviewIntro")
        self.intro.setWordWrap(True)
        self.steps = QListWidget(self)
        self.steps.setObjectName("weeklyReviewSteps")
        self.steps.setAccessibleName(self.tr("Steps of the review"))
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("weeklyReviewPages")

        self.due_list = ReviewList("weeklyReviewDue", (
            self.tr("Follow-up"), self.tr("Due"), self.tr("Status")), self)
        self.done_list = ReviewList("weeklyReviewDone", (
            self.tr("Done"), self.tr("What"), self.tr("When"), self.tr("About")), self,
            stretch=1)
        self.due_label, self.done_label = QLabel(self), QLabel(self)
        self._page(self.tr("Done and due"),
                   self.tr("The follow-ups that were due, and what got done since."),
                   (self.due_label, self.due_list, self.done_label, self.done_list))
        self.changes_list = ReviewList("weeklyReviewChanges", (
            self.tr("Assumption"), self.tr("Path"), self.tr("Change")), self)
        self.skills_list = ReviewList("weeklyReviewNewSkills", (
            self.tr("Skill"), self.tr("People")), self)
        self.skills_label = QLabel(self.tr("Skills that became recurring (two or more people "
                                           "mentioned them):"), self)
        self._page(self.tr("Evidence that changed"),
                   self.tr("Assumptions whose status or settlement moved since the last "
                           "review, and new ones. Hover an assumption for what it still lacks."),
                   (self.changes_list, self.skills_label, self.skills_list))
        self.learn_list = ReviewList("weeklyReviewLearn", (
            self.tr("Skill"), self.tr("Why")), self, stretch=1)
        self._page(self.tr("What to learn next"),
                   self.tr("The top of your development list, with its reasons."),
                   (self.learn_list,))
        self.milestones_list = ReviewList("weeklyReviewMilestones", (
            self.tr("Milestone"), self.tr("Due"), self.tr("Phase"), self.tr("Status")), self)
        self._page(self.tr("Milestones due"),
                   self.tr("Milestones overdue or due in the next %n day(s).", "",
                           rules.MILESTONE_DAYS), (self.milestones_list,))
        self._build_decisions()
        self._build_buttons()
        self.sections = ReviewSections(self)

        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addLayout(self.button_row)
        self.steps.setCurrentRow(0)

    def _page(self, title: str, intro: str, widgets: Sequence[QWidget]) -> QWidget:
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 0, 0)
        heading = QLabel(title, page)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        text = QLabel(intro, page)
        text.setWordWrap(True)
        layout.addWidget(text)
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, ReviewList) else 0)
        self.stack.addWidget(page)
        self._titles.append(title)
        self.steps.addItem(self._step_text(len(self._titles) - 1, 0))
        return page

    def _step_text(self, index: int, count: int) -> str:
        title = f"{index + 1}. {self._titles[index]}"
        return f"{title} ({count})" if count else title

    def _build_decisions(self) -> None:
        self.decisions = QPlainTextEdit(self)
        self.decisions.setObjectName("weeklyReviewDecisions")
        self.decisions.setAccessibleName(self.tr("The week's decisions"))
        self.decisions.setTabChangesFocus(True)
        self.decisions.setPlaceholderText(self.tr(
            "What to keep doing, what to change, whom to ask next…"))
        self.error = QLabel(self)
        self.error.setObjectName("weeklyReviewError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.summary_label = QLabel(self.tr("Saved with them, this summary of the week:"), self)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("weeklyReviewSummary")
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary saved with the decisions"))
        self.summary.setTabChangesFocus(True)
        page = self._page(self.tr("Your decisions"),
                          self.tr("What did you decide this week? Your words go into the "
                                  "tracking log."),
                          (self.decisions, self.error, self.summary_label, self.summary))
        page.layout().setStretchFactor(self.decisions, 3)
        page.layout().setStretchFactor(self.summary, 2)

    def _build_buttons(self) -> None:
        self.hint = QLabel(self.tr("Enter or a double-click opens an item in its tab."), self)
        self.hint.setEnabled(False)
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.back_button.setObjectName("weeklyReviewBack")
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.setObjectName("weeklyReviewNext")
        self.save_button = QPushButton(self.tr("&Save to Log"), self)
        self.save_button.setObjectName("weeklyReviewSave")
        self.save_button.setToolTip(self.tr("Save the decisions and the summary (Ctrl+Enter)"))
        self.save_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("weeklyReviewCancel")
        for button in (self.back_button, self.next_button, self.save_button,
                       self.cancel_button):
            button.setAutoDefault(False)
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(self.hint, 1)
        for button in (self.back_button, self.next_button, self.save_button,
                       self.cancel_button):
            self.button_row.addWidget(button)

    def _connect(self) -> None:
        self.steps.currentRowChanged.connect(self._show_step)
        self.back_button.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)
        for view in (self.due_list, self.done_list, self.changes_list, self.skills_list,
                     self.learn_list, self.milestones_list):
            view.opened.connect(self.ctx.bus.show_item)
        self.decisions.textChanged.connect(self._decisions_changed)
        self.ctx.bus.changed.connect(self._data_changed)
        window = self.parent()
        if isinstance(window, QWidget):
            window.installEventFilter(self)

    def _fit_steps(self) -> None:
        self.steps.setFixedWidth(self.steps.sizeHintForColumn(0) + 8
                                 + 2 * self.steps.frameWidth())

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self._fit_steps()
        self.resize(min(960, int(screen.width() * 0.9)), min(620, int(screen.height() * 0.88)))

    # --- steps ----------------------------------------------------------------------------
    def go(self, index: int) -> None:
        if 0 <= index < self.stack.count():
            self.steps.setCurrentRow(index)

    def _show_step(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        last = index == self.stack.count() - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(not last)
        if last:
            self.decisions.setFocus()

    # --- loading --------------------------------------------------------------------------
    def load(self) -> None:
        """Read the week off the GUI thread (over 50 ms on a large workspace)."""
        self._sequence += 1
        sequence = self._sequence

        def job(_job: workers.Job, today: object) -> ReviewData:
            return review.review_data(today)  # type: ignore[arg-type]

        task = workers.submit(job, clock.today())

        def finished(data: ReviewData) -> None:
            if sequence == self._sequence:
                self.show_data(data)

        def failed(exc: BaseException) -> None:
            if sequence == self._sequence:
                message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
                self.intro.setText(self.tr("The week could not be read: {0}").format(message))
                self.loaded.emit()

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)

    def _data_changed(self, area: str) -> None:
        if self.entry_id is not None:
            return
        if area == Area.ALL:  # another workspace (or a restored one): not this review's
            self._draft_timer.stop()
            self.done(QDialog.DialogCode.Rejected)
            return
        self._reload_timer.start()

    def show_data(self, data: ReviewData) -> None:
        self.data = data
        if data.last_review is None:
            self.intro.setText(self.tr(
                "This is your first weekly review: it looks back over the last %n day(s), "
                "since {0}.", "", rules.REMINDER_DAYS).format(day_text(data.since)))
        else:
            self.intro.setText(self.tr(
                "Your last review was on {0}, %n day(s) ago. This one looks at what happened "
                "since.", "", data.days_since_review or 0).format(day_text(data.last_review)))
        self.sections.show(data)
        counts = (len(data.due) + len(data.done), len(data.changes) + len(data.new_skills),
                  len(data.top_skills), len(data.milestones))
        for index, count in enumerate(counts):
            self.steps.item(index).setText(self._step_text(index, count))
        self._fit_steps()
        self.summary.setPlainText(review.summary_text(data, review_text))
        self.save_button.setEnabled(True)
        self.loaded.emit()

    # --- the decisions --------------------------------------------------------------------
    def _decisions_changed(self) -> None:
        self.error.hide()
        self._draft_timer.start()

    def keep_draft(self) -> None:
        self._draft_timer.stop()
        if self.entry_id is not None:
            return
        try:
            review.keep_draft(self.decisions.toPlainText())
        except CareerPivotError as exc:
            if not self._draft_failed:  # said once, not after every pause in typing
                self.ctx.bus.status.emit(exc.message)
            self._draft_failed = True
        else:
            self._draft_failed = False

    def save(self) -> bool:
        """Save the decisions and the summary to the log; False (and why, under the editor)
        when they cannot be."""
        if self.data is None or self.entry_id is not None:
            return False
        text = self.decisions.toPlainText()
        try:
            entry_id = review.save_review(text, self.data, translate=review_text)
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.go(self.stack.count() - 1)
            self.decisions.setFocus()
            return False
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Save Weekly Review"), exc.message)
            return False
        self.entry_id = entry_id
        self._draft_timer.stop()
        push_add(self.ctx, self.tr("save weekly review"), Area.LOG,
                 lambda: log.delete_entry(entry_id))
        self.ctx.bus.changed.emit(Area.LOG)
        self.ctx.bus.show_item.emit("log", entry_id)
        self.ctx.bus.status.emit(self.tr("Weekly review saved to the tracking log."))
        self.saved.emit(entry_id)
        self.accept()
        return True

    # --- closing --------------------------------------------------------------------------
    @classmethod
    def confirm_close(cls, parent: QWidget) -> str:
        """Closing with decisions typed: KEEP them as a draft, DISCARD them, or STAY."""
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("WeeklyReviewDialog", "Weekly Review"),
                          translate("WeeklyReviewDialog",
                                    "Keep the decisions you typed for the next time you open "
                                    "the review?"),
                          QMessageBox.StandardButton.NoButton, parent)
        keep = box.addButton(translate("WeeklyReviewDialog", "Keep for Later"),
                             QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("WeeklyReviewDialog", "Discard"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return KEEP if clicked is keep else DISCARD if clicked is discard else STAY

    def reject(self) -> None:
        if self.entry_id is None and self.decisions.toPlainText().strip():
            answer = self.confirm_close(self)
            if answer == STAY:
                return
            if answer == DISCARD:
                self.decisions.clear()
        self.keep_draft()
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self._draft_timer.isActive():
            self.keep_draft()  # the window is closing: keep what was typed a moment ago
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget) -> WeeklyReviewDialog:
        """Open the review beside ``parent``'s window (or bring the open one forward)."""
        window = parent.window()
        dialog = window.findChild(cls, "weeklyReviewDialog",
                                  Qt.FindChildOption.FindDirectChildrenOnly)
        if dialog is None or not dialog.isVisible():
            dialog = cls(ctx, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
