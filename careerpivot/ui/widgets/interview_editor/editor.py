"""The interview editor: every part of one conversation, each stored when it is made.

The editor is a header (who, when, round) over six pages, each its own small widget that
tells the editor what it did by signals:

* :class:`~.details.DetailsPage` — contact, path, date and time, length, mode, status, the
  person as they were when it was held, my context;
* :class:`~.guide.GuidePanel` — the questions of the guide, an answer box under each;
* :class:`~.notes.NotesPage` — notes, typical week, challenges, metrics, surprises, fit signal;
* :class:`~.evidence.EvidencePanel` — every assumption of the interview's path: supported,
  challenged, nuanced or not discussed, with a quote;
* :class:`~.mentions.MentionsPanel` — the skills, tools and certifications that came up;
* :class:`~.follow_ups.FollowUpsPanel` — the chain of rounds, "Schedule follow-up", and
  introductions.

Scalar fields, answers and quotes go through :class:`~careerpivot.ui.widgets.forms.FormBinder`
(one binder per answer and per assumption), so they share its behaviour: stored after a pause
in typing or when the field is left, a message next to the field when the value is refused, the
text kept when a write fails, and an undo step per stored edit.

The editor reports its own changes to the tab before announcing them on the bus
(:attr:`InterviewEditor.local_change`), so the tab updates one list row instead of re-reading
the whole list after each keystroke pause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development, interviews
from careerpivot.services.interviews import InterviewDetail
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.add_introduction import AddIntroductionDialog
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.undo import push_add
from careerpivot.ui.widgets.date_text import shown_datetime
from careerpivot.ui.widgets.form_parts import hint, refresh_binder
from careerpivot.ui.widgets.forms import FormBinder
from careerpivot.ui.widgets.interview_editor.common import scrolling
from careerpivot.ui.widgets.interview_editor.details import DetailsPage
from careerpivot.ui.widgets.interview_editor.evidence import EvidencePanel
from careerpivot.ui.widgets.interview_editor.follow_ups import FollowUpsPanel
from careerpivot.ui.widgets.interview_editor.guide import GuidePanel
from careerpivot.ui.widgets.interview_editor.held import hold_if_agreed, push_hold
from careerpivot.ui.widgets.interview_editor.mentions import MentionsPanel
from careerpivot.ui.widgets.interview_editor.notes import NotesPage
from careerpivot.ui.widgets.interview_editor.path_cache import PathCache


class InterviewEditor(QWidget):
    """Everything about one interview. ``load(id)`` shows it; every edit is stored as made."""

    #: Open another interview (a round of the chain, a new follow-up).
    open_interview = Signal(int)
    #: The editor is about to announce its own change of an area on the bus (the tab need
    #: not re-read the list; :attr:`row_changed` brings the new list row).
    local_change = Signal(str)
    #: The list row of the shown interview changed.
    row_changed = Signal(object)
    #: Delete the shown interview (the tab asks and does it).
    delete_requested = Signal(int)

    PAGE_DETAILS, PAGE_GUIDE, PAGE_NOTES, PAGE_EVIDENCE, PAGE_SKILLS, PAGE_FOLLOW_UPS = range(6)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("interviewEditor")
        self.detail: InterviewDetail | None = None
        self._completed_now = False
        # the evidence panel is made below: it is asked only once a read is done
        self.path_cache = PathCache(ctx, lambda: self.evidence.waiting(), self)

        self.binder = FormBinder(ctx, self._save, area=Area.INTERVIEWS, what="interview",
                                 parent=self)
        self.binder.stored.connect(self._stored)

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = hint(self.tr("Select an interview in the list to see its guide, "
                                        "answers and evidence — or plan a new one."))
        self.empty_label.setObjectName("interviewEmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(2)
        self.stack.addWidget(self.empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("interviewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # (a long name and organization: two lines)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = hint("")
        self.meta.setObjectName("interviewMeta")
        titles.addWidget(self.title)
        titles.addWidget(self.meta)
        top.addLayout(titles, 1)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteInterviewButton")
        self.delete_button.setToolTip(self.tr("Delete this interview (you can undo)"))
        self.delete_button.clicked.connect(
            lambda: self.interview_id is not None
            and self.delete_requested.emit(self.interview_id))
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.pages = QTabWidget()
        self.pages.setObjectName("interviewPages")
        self.details = DetailsPage(self.binder)
        self.guide = GuidePanel(ctx)
        self.guide.changed.connect(self.guide_changed)
        self.guide.answer_stored.connect(self.part_stored)
        self.notes = NotesPage(self.binder)
        self.evidence = EvidencePanel(ctx)
        self.evidence.hold = self.hold
        self.evidence.stored.connect(self.part_stored)
        self.evidence.counts_changed.connect(self.refresh_counts)
        self.path_cache.assumptions_ready.connect(self.evidence.retry)
        self.mentions = MentionsPanel(ctx)
        self.mentions.hold = self.hold
        self.mentions.changed.connect(self.mentions_changed)
        self.follow_ups = FollowUpsPanel(ctx)
        self.follow_ups.open_interview.connect(self.open_interview)
        self.follow_ups.follow_up_requested.connect(self.schedule_follow_up)
        self.follow_ups.introduction_requested.connect(self.add_introduction)
        self.pages.addTab(scrolling(self.details, "detailsPage"), "")
        self.pages.addTab(self.guide, "")
        self.pages.addTab(scrolling(self.notes, "notesPage"), "")
        self.pages.addTab(self.evidence, "")
        self.pages.addTab(self.mentions, "")
        self.pages.addTab(self.follow_ups, "")
        layout.addWidget(self.pages, 1)
        self.stack.addWidget(page)
        self._set_page_titles()

    # --- public -----------------------------------------------------------------------------
    @property
    def interview_id(self) -> int | None:
        return self.detail.id if self.detail else None

    def set_choices(self, contacts: Callable[[], Sequence[tuple[int, str, str]]],
                    path_choices: Sequence[tuple[int, str]],
                    skills: Callable[[], Sequence[development.SkillRow]]) -> None:
        """The paths to choose from, and where the contacts and skills offered come from
        (read when the contact field or the Skills page is first used)."""
        self.details.set_choices(contacts, path_choices)
        self.mentions.set_skills(skills)
        if self.detail is not None:
            r = self.detail.row
            self.details.ensure_contact(r.contact_id, r.contact_name, r.organization)
            refresh_binder(self.binder, {"contact": r.contact_id, "path": r.path_id or 0})

    def invalidate_assumptions(self) -> None:
        self.path_cache.invalidate_assumptions()

    def prefetch_assumptions(self) -> None:
        """Read every path's assumptions off the GUI thread (when not already known)."""
        self.path_cache.prefetch_assumptions()

    def flush_edits(self) -> bool:
        """Store every pending edit; False when one could not be stored (its message shows)."""
        ok = self.binder.flush()
        ok = self.guide.flush() and ok
        ok = self.evidence.flush() and ok
        return ok

    def load(self, interview_id: int | None) -> bool:
        """Show an interview (None: nothing). False when pending edits of the shown one could
        not be stored, or the interview no longer exists."""
        if not self.flush_edits():
            return False
        if interview_id is None:
            self._clear()
            return True
        try:
            detail = interviews.get_interview(interview_id)
        except CareerPivotError:
            self._clear()
            return False
        same = self.detail is not None and self.detail.id == interview_id
        self._show(detail, same_row=same)
        return True

    def refresh(self) -> None:
        """Re-read the shown interview after a change elsewhere (keeps what is being typed)."""
        if self.detail is None:
            return
        try:
            detail = interviews.get_interview(self.detail.id)
        except CareerPivotError:
            self._clear()
            return
        self._show(detail, same_row=True)

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)

    # --- showing ----------------------------------------------------------------------------
    def _clear(self) -> None:
        self.binder.load(None, {})
        self.guide.set_guide(None, (), set())
        self.guide.interview_id = None
        self.evidence.clear()
        self.mentions.set_mentions(None, ())
        self.follow_ups.set_detail(None)
        self.detail = None
        self.stack.setCurrentWidget(self.empty)

    def _values(self, d: InterviewDetail) -> dict[str, Any]:
        r = d.row
        return {
            "contact": r.contact_id, "path": r.path_id or 0, "scheduled_at": r.scheduled_at,
            "minutes": r.minutes, "mode": r.mode, "status": r.status, "context": d.context,
            "notes": d.notes, "typical_week": d.typical_week, "challenges": d.challenges,
            "success_metrics": d.success_metrics, "surprises": d.surprises,
            "resonated": d.resonated, "fit_signal": d.fit_signal, **self._held_values(d),
        }

    @staticmethod
    def _held_values(d: InterviewDetail) -> dict[str, Any]:
        return {field: getattr(d, field) for field in interviews.HELD_FIELDS}

    def _show_held(self, d: InterviewDetail) -> None:
        """The person as they were when held: fresh values, editable once it is held."""
        refresh_binder(self.binder, self._held_values(d))
        self.details.set_held(d.row.status == interviews.HELD)

    def _show(self, d: InterviewDetail, *, same_row: bool) -> None:
        self.detail = d
        r = d.row
        self.details.ensure_contact(r.contact_id, r.contact_name, r.organization)
        values = self._values(d)
        if same_row:
            refresh_binder(self.binder, values)
        else:
            self.binder.load(d.id, values)
        self.details.set_held(r.status == interviews.HELD)
        self._update_header()
        self.guide.set_guide(d.id, d.answers, self.path_cache.core_ids(r.path_id), r.path_id)
        path_id = r.path_id
        self.evidence.set_evidence(d.id, r.path_title,
                                   lambda: self.path_cache.path_assumptions(path_id),
                                   d.evidence)
        self.mentions.set_mentions(d.id, d.mentions)
        self.follow_ups.set_detail(d)
        self._set_page_titles()
        self.stack.setCurrentIndex(1)

    def _update_header(self) -> None:
        d = self.detail
        if d is None:
            return
        r = d.row
        self.title.setText(f"{r.contact_name} — {r.organization}" if r.organization
                           else r.contact_name)
        parts = []
        if r.round > 1:
            parts.append(self.tr("Round {0}").format(r.round))
        parts.append(r.path_title or self.tr("no path"))
        parts.append(shown_datetime(r.scheduled_at) or self.tr("date not set"))
        parts.append(self.tr("{0} min").format(r.minutes))
        parts.append(vocab_name(vocab.INTERVIEW_STATUSES.get(r.status, r.status)))
        self.meta.setText(" · ".join(parts))

    def _set_page_titles(self) -> None:
        answers = len(self.guide.blocks)
        answered = sum(1 for block in self.guide.blocks if block.answered())
        verdicts, assumptions = self.evidence.counts()
        mentions = self.mentions.model.rowCount()
        self.pages.setTabText(self.PAGE_DETAILS, self.tr("Det&ails"))
        self.pages.setTabText(self.PAGE_GUIDE, self.tr("&Guide ({0}/{1})").format(
            answered, answers) if answers else self.tr("&Guide"))
        self.pages.setTabText(self.PAGE_NOTES, self.tr("No&tes"))
        if assumptions:
            evidence_title = self.tr("Eviden&ce ({0}/{1})").format(verdicts, assumptions)
        elif verdicts:
            evidence_title = self.tr("Eviden&ce ({0})").format(verdicts)
        else:
            evidence_title = self.tr("Eviden&ce")
        self.pages.setTabText(self.PAGE_EVIDENCE, evidence_title)
        self.pages.setTabText(self.PAGE_SKILLS, self.tr("S&kills ({0})").format(mentions)
                              if mentions else self.tr("S&kills"))
        self.pages.setTabText(self.PAGE_FOLLOW_UPS, self.tr("Follo&w-ups"))
        self.pages.setTabToolTip(self.PAGE_GUIDE, self.tr("Questions answered / questions"))
        self.pages.setTabToolTip(self.PAGE_EVIDENCE,
                                 self.tr("Assumptions with a verdict / assumptions"))

    def refresh_counts(self) -> None:
        self._set_page_titles()

    # --- storing ----------------------------------------------------------------------------
    def expect_local_change(self, area: str) -> None:
        """Called just before one of the editor's own stores is announced on the bus."""
        self.local_change.emit(area)

    def _save(self, interview_id: int, field: str, value: Any) -> None:
        self._completed_now = False
        shown = self.detail is not None and self.detail.id == interview_id
        before = self.detail.row.status if shown and self.detail else None
        interviews.update_interview(interview_id, field, value)
        self._completed_now = (shown and field == "status" and value == "completed"
                               and before != "completed")

    def _stored(self, field: str) -> None:
        self.expect_local_change("interviews")
        try:
            detail = interviews.get_interview(self.binder.row_id) if self.binder.row_id \
                else None
        except CareerPivotError:
            detail = None
        if detail is None:
            return
        old = self.detail
        self.detail = detail
        self._update_header()
        self.row_changed.emit(detail.row)
        if field in ("path", "contact") or old is None:
            self._show(detail, same_row=True)
        else:
            self.follow_ups.set_detail(detail)
            self._show_held(detail)
        if field == "status" and self._completed_now:
            self._completed_now = False
            self.ctx.bus.status.emit(self.tr(
                "Completed. A thank-you (due tomorrow) and a report-back (due in two weeks) "
                "were added to your follow-up actions."))
            self._announce("log", "contacts")
        elif field == "status":
            self._announce("contacts")

    def hold(self, interview_id: int) -> bool:
        """Asked by the Evidence and Skills pages before a verdict or a mention on a
        conversation that was not held: mark it held if the user agrees, as an undo step of
        its own (before the verdict's or the mention's). The pages are not rebuilt (one of
        them is storing); the header and the details show the new status."""
        change = hold_if_agreed(self, interview_id)
        if change is None:
            return False
        push_hold(self.ctx, change)
        if self.detail is not None and self.detail.id == interview_id:
            detail = interviews.get_interview(interview_id)
            self.detail = detail
            refresh_binder(self.binder, {"status": detail.row.status,
                                         "scheduled_at": detail.row.scheduled_at})
            self._show_held(detail)
            self._update_header()
            self.follow_ups.set_detail(detail)
            self.row_changed.emit(detail.row)
        self.ctx.bus.status.emit(self.tr(
            "Marked as held. A thank-you (due tomorrow) and a report-back (due in two weeks) "
            "were added to your follow-up actions."))
        self._announce("interviews", "log", "contacts")
        return True

    def _announce(self, *areas: str) -> None:
        for area in areas:
            self.expect_local_change(area)
            self.ctx.bus.changed.emit(area)

    def part_stored(self) -> None:
        """An answer, a verdict or a quote was stored."""
        self.expect_local_change("interviews")
        self._set_page_titles()

    def guide_changed(self) -> None:
        self.refresh()
        self._announce("interviews")

    def mentions_changed(self) -> None:
        self.refresh()
        self._announce("interviews", "skills")

    # --- actions ----------------------------------------------------------------------------
    def schedule_follow_up(self) -> None:
        d = self.detail
        if d is None or not self.flush_edits():
            return
        try:
            new_id = interviews.schedule_follow_up(d.id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Schedule Follow-up"), exc.message)
            return
        push_add(self.ctx, self.tr("scheduling a follow-up"), Area.INTERVIEWS,
                 lambda: interviews.delete_interview(new_id))
        self.ctx.bus.changed.emit(Area.INTERVIEWS)
        self.ctx.bus.status.emit(self.tr(
            "Round {0} with {1} is planned; set its date when you have agreed on one.")
            .format(d.row.round + 1, d.row.contact_name))
        self.open_interview.emit(new_id)
        self.show_page(self.PAGE_DETAILS)
        self.details.when.setFocus()

    def add_introduction(self) -> None:
        d = self.detail
        if d is None:
            return
        values = AddIntroductionDialog.ask(self, d.row.contact_name)
        if not values:
            return
        try:
            interviews.add_introduction(d.id, **values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Introduction"), exc.message)
            return
        self.refresh()
        self._announce("interviews", "contacts")
        self.ctx.bus.status.emit(self.tr("{0} was added to your network, introduced by {1}.")
                                 .format(values["name"], d.row.contact_name))
