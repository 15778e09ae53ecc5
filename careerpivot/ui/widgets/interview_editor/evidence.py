"""The Evidence page of the interview editor: a verdict and a quote per assumption."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError, ValidationError
from careerpivot.services import interviews
from careerpivot.services.interviews import InterviewEvidence, NotHeldError
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.status_icons import status_icon
from careerpivot.ui.widgets.form_parts import GrowingTextEdit, hint, refresh_binder
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.interview_editor.common import AssumptionInfo, scrolling
from careerpivot.ui.widgets.interview_editor.held import Hold


class EvidenceRowWidget(QFrame):
    """One assumption: the verdict of this conversation on it, and a quote."""

    stored = Signal()  # its verdict or quote was stored

    def __init__(self, ctx: AppContext, interview_id: int | None, assumption: AssumptionInfo,
                 note: str = "", parent: QWidget | None = None, *,
                 hold: Hold | None = None) -> None:
        super().__init__(parent)
        # Kept in Python: an undo step may run after this row's widgets are gone.
        self.interview_id = interview_id
        self.hold = hold
        self.quote_text = ""
        self.assumption_id, _path_id, statement, category = assumption
        self.setObjectName(f"assumption_{self.assumption_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.statement = QLabel(statement)
        self.statement.setWordWrap(True)
        self.statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.statement.font()
        font.setBold(True)
        self.statement.setFont(font)
        meta = vocab_name(vocab.ASSUMPTION_CATEGORIES.get(category, category))
        if note:
            meta = f"{meta} · {note}"
        grid.addWidget(self.statement, 0, 0)
        grid.addWidget(hint(meta), 1, 0)
        self.verdict = QComboBox()
        self.verdict.setObjectName(f"verdict_{self.assumption_id}")
        self.verdict.addItem(self.tr("— not discussed"), "")
        for key, name in vocab.VERDICTS.items():
            self.verdict.addItem(status_icon(key), vocab_name(name), key)
        self.verdict.setAccessibleName(self.tr("Verdict on: {0}").format(statement))
        self.verdict.setToolTip(self.tr("What this conversation said about the assumption"))
        grid.addWidget(self.verdict, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.quote = GrowingTextEdit(2, 10)
        self.quote.setObjectName(f"quote_{self.assumption_id}")
        self.quote.setAccessibleName(self.tr("Quote for: {0}").format(statement))
        self.quote.textChanged.connect(self._quote_changed)
        grid.addWidget(self.quote, 2, 0, 1, 2)
        self.error = error_label(self)
        grid.addWidget(self.error, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        self.binder = FormBinder(ctx, self._save, area=Area.INTERVIEWS, what="evidence",
                                 parent=self)
        self.verdict_binding = self.binder.bind("verdict", self.verdict, self.error,
                                                title=self.tr("a verdict"))
        self.quote_binding = self.binder.bind("quote", self.quote, self.error,
                                              title=self.tr("a quote"))
        self.binder.stored.connect(self._stored)

    def load(self, evidence: InterviewEvidence | None) -> None:
        values = {"verdict": evidence.verdict if evidence else "",
                  "quote": evidence.quote if evidence else ""}
        if self.binder.row_id == self.assumption_id:
            refresh_binder(self.binder, values)
        else:
            self.binder.load(self.assumption_id, values)
        self.quote_text = self.quote.toPlainText()
        self._update_placeholder()

    def _quote_changed(self) -> None:
        self.quote_text = self.quote.toPlainText()

    def _update_placeholder(self) -> None:
        if self.verdict.currentData():
            self.quote.setPlaceholderText(self.tr("What they said, in their words"))
        else:
            self.quote.setPlaceholderText(self.tr("Choose a verdict, then quote what they "
                                                  "said"))

    def _save(self, assumption_id: int, field: str, value: Any) -> None:
        iid = self.interview_id
        if iid is None:
            raise ValidationError(field, QCoreApplication.translate(
                "EvidenceRowWidget", "No interview is open."))
        if field == "verdict":
            if value:
                self._set_evidence(iid, assumption_id, str(value), self.quote_text)
            else:
                interviews.clear_evidence(iid, assumption_id)
            return
        verdict = self.verdict_binding.stored
        if not verdict:
            # Not self.tr(): an undo step may call this after the row's widgets are gone.
            raise ValidationError("quote", QCoreApplication.translate(
                "EvidenceRowWidget",
                "Choose supported, challenged or nuanced to keep this quote."))
        self._set_evidence(iid, assumption_id, str(verdict), str(value))

    def _set_evidence(self, iid: int, assumption_id: int, verdict: str, quote: str) -> None:
        """Store a verdict; on a conversation not held yet, ask to hold it first. A no keeps
        nothing: the verdict goes back to what is stored, with the reason shown."""
        try:
            interviews.set_evidence(iid, assumption_id, verdict, quote)
            return
        except NotHeldError as exc:
            if self.hold is None or not self.hold(iid):
                # (after the binder has handled the refusal)
                reason = exc.message  # (the name exc is gone when the timer fires)
                QTimer.singleShot(0, self, lambda: self._keep_stored_verdict(reason))
                raise
        interviews.set_evidence(iid, assumption_id, verdict, quote)

    def _keep_stored_verdict(self, reason: str) -> None:
        binding = self.verdict_binding
        self.binder.loading = True
        try:
            binding.set_value(binding.stored)
        finally:
            self.binder.loading = False
        binding.pending = False
        binding.show_error(reason)

    def _stored(self, field: str) -> None:
        self._update_placeholder()
        if field == "verdict" and self.verdict_binding.stored:
            # The quote went with the verdict: a quote waiting for one is stored now.
            self.quote_binding.stored = self.quote_text
            self.quote_binding.pending = False
            self.quote_binding.show_error("")
        self.stored.emit()

    def release(self) -> None:
        self.binder.load(None, {})


class EvidencePanel(QWidget):
    """Every assumption of the interview's path, each with a verdict and a quote."""

    stored = Signal()  # a verdict or a quote was stored
    counts_changed = Signal()  # the assumptions shown, or their verdicts, changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        #: set by the editor: asks to hold a conversation that was not held
        self.hold: Hold | None = None
        self.rows: list[EvidenceRowWidget] = []
        self._pending: tuple[str, Callable[[], Sequence[AssumptionInfo] | None],
                             tuple[InterviewEvidence, ...]] | None = None
        self._verdicts = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        self.intro = hint("")
        outer.addWidget(self.intro)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.addStretch(1)
        outer.addWidget(scrolling(self.list_widget, "evidencePanel"), 1)

    def set_evidence(self, interview_id: int | None, path_title: str,
                     assumptions: Callable[[], Sequence[AssumptionInfo] | None],
                     evidence: Sequence[InterviewEvidence]) -> None:
        """Show an interview's verdicts. The path's assumptions are asked for
        (``assumptions()``, None while they are read in the background) only when the page
        is shown: opening an interview never waits for them."""
        if interview_id != self.interview_id:
            self.release()
            self.interview_id = interview_id
        self._pending = (path_title, assumptions, tuple(evidence))
        self._verdicts = len(evidence)
        if self.isVisible():
            self._apply()

    def retry(self) -> None:
        """The path's assumptions are ready: show them if the page is waiting for them."""
        if self._pending is not None and self.isVisible():
            self._apply()

    def clear(self) -> None:
        self.release()
        self.interview_id = None
        self._pending = None
        self._verdicts = 0

    def waiting(self) -> bool:
        return self._pending is not None

    def counts(self) -> tuple[int, int | None]:
        """(verdicts recorded, assumptions shown — None until the page was shown)."""
        if self._pending is not None or self.interview_id is None:
            return self._verdicts, None
        return sum(1 for r in self.rows if r.verdict.currentData()), len(self.rows)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self._apply()

    def _apply(self) -> None:
        assert self._pending is not None
        path_title, read_assumptions, evidence = self._pending
        self._pending = None
        interview_id = self.interview_id
        try:
            found = read_assumptions()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            found = []
        if found is None:  # still being read in the background: retry() shows them
            self._pending = (path_title, read_assumptions, evidence)
            self.intro.setText(self.tr("Reading the assumptions of “{0}”…").format(path_title))
            return
        assumptions = list(found)
        by_assumption = {e.assumption_id: e for e in evidence}
        shown = list(assumptions)
        notes = {a[0]: "" for a in shown}
        known = {a[0] for a in shown}
        for e in evidence:  # verdicts on assumptions of another path (the path was changed)
            if e.assumption_id not in known:
                shown.append((e.assumption_id, e.path_id, e.statement, ""))
                notes[e.assumption_id] = self.tr("recorded for another path")
        if interview_id is None:
            self.intro.setText("")
        elif not path_title:
            self.intro.setText(self.tr("Choose the interview's path (on Details) to weigh "
                                       "this conversation against that path's assumptions."))
        elif not assumptions:
            self.intro.setText(self.tr("“{0}” has no assumptions yet: write them on the "
                                       "Paths tab.").format(path_title))
        else:
            self.intro.setText(self.tr("For each assumption about “{0}”: did this "
                                       "conversation support it, challenge it, or add nuance? "
                                       "Quote what was said.").format(path_title))
        if [a[0] for a in shown] != [r.assumption_id for r in self.rows]:
            self.release()
            for assumption in shown:
                row = EvidenceRowWidget(self.ctx, self.interview_id, assumption,
                                        notes.get(assumption[0], ""), self.list_widget,
                                        hold=self.hold)
                row.stored.connect(self.stored)
                self.list_layout.insertWidget(self.list_layout.count() - 1, row)
                self.rows.append(row)
        for row in self.rows:
            row.load(by_assumption.get(row.assumption_id))
        self.counts_changed.emit()

    def release(self) -> None:
        for row in self.rows:
            row.release()
            row.hide()
            row.deleteLater()
        self.rows = []

    def flush(self) -> bool:
        ok = True
        for row in self.rows:
            ok = row.binder.flush() and ok
        return ok

    def row_for(self, assumption_id: int) -> EvidenceRowWidget | None:
        return next((r for r in self.rows if r.assumption_id == assumption_id), None)
