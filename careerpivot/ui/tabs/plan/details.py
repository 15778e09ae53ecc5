"""The right side of the Plan tab: the editor of what is selected (a phase, a milestone or a
contingency), each editor built when first needed, as the tab's first showing needs none of
them; with nothing selected, the plan at a glance and what is due next."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QWidget

from careerpivot.services import plan
from careerpivot.ui.context import AppContext
from careerpivot.ui.dialogs import currency as currency_ui
from careerpivot.ui.itemmodels.plan import MILESTONE, PHASE
from careerpivot.ui.tabs.plan.contingency_page import ContingencyPage
from careerpivot.ui.tabs.plan.forms import ChoiceLists
from careerpivot.ui.tabs.plan.milestone_page import MilestonePage
from careerpivot.ui.tabs.plan.phase_page import PhasePage
from careerpivot.ui.widgets.date_text import shown_date

EditorPage = PhasePage | MilestonePage | ContingencyPage


class PlanDetails(QStackedWidget):
    #: an editor page was built (a PhasePage, MilestonePage or ContingencyPage)
    pageBuilt = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDetails")
        self.ctx = ctx
        # with nothing selected: the plan at a glance and what is due next
        self.empty_page = QLabel(self)
        self.empty_page.setObjectName("planEmptyDetails")
        self.empty_page.setWordWrap(True)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_page.setMargin(8)
        self.empty_page.setTextFormat(Qt.TextFormat.RichText)
        self.empty_page.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.empty_page.linkActivated.connect(self._link_activated)
        self.addWidget(self.empty_page)
        # the editors by kind (PHASE, MILESTONE, CONTINGENCY), in the order they were built
        self._pages: dict[str, EditorPage] = {}
        self._choices = ChoiceLists()
        self._palette = self.palette()
        self._warning = QColor()

    def page(self, kind: str) -> EditorPage:
        """The editor page of ``kind`` (PHASE, MILESTONE or CONTINGENCY), built the first
        time it is needed."""
        page = self._pages.get(kind)
        if page is None:
            if kind == PHASE:
                page = PhasePage(self.ctx, self)
            elif kind == MILESTONE:
                page = MilestonePage(self.ctx, self._choices, self)
            else:
                page = ContingencyPage(self.ctx, self._choices, self)
            self._pages[kind] = page
            self.pageBuilt.emit(page)
            self.addWidget(page)
            if isinstance(page, MilestonePage):
                page.style_warnings(self._palette, self._warning)
        return page

    def title_edit(self, kind: str) -> QLineEdit:
        """The first field of the editor of ``kind``: where a new item is named."""
        return self.page(kind).title_edit()

    def show_row(self, kind: str | None, row: Any) -> None:
        """Show ``row`` of ``kind`` in its editor (for the row already shown: refresh its
        values, keeping an edit in progress); the other editors let go of their rows. With no
        row: the plan at a glance."""
        for other_kind, page in self._pages.items():
            if other_kind != kind and page.binder.row_id is not None:
                page.binder.load(None, {})
        if kind is None or row is None:
            self.setCurrentWidget(self.empty_page)
            return
        page = self.page(kind)
        page.load(row)
        self.setCurrentWidget(page)

    def choices_changed(self) -> None:
        """The lists of phases, contacts and paths may have changed: read them again before
        an editor is next shown."""
        self._choices.mark_stale()

    def flush(self) -> bool:
        """Store the edits in progress; False when one could not be stored."""
        ok = True
        for page in self._pages.values():
            ok = page.binder.flush() and ok
        return ok

    def set_look(self, palette: QPalette, warning: QColor) -> None:
        """The tab's palette and its warning colour (the tab's own: its children take on a
        new palette only after the tab has been told of the change)."""
        self._palette, self._warning = palette, warning
        page = self._pages.get(MILESTONE)
        if isinstance(page, MilestonePage):
            page.style_warnings(palette, warning)

    def show_glance(self, overview: plan.PlanOverview | None) -> None:
        self.empty_page.setText(self._glance(overview))

    def _glance(self, overview: plan.PlanOverview | None) -> str:
        """The empty editor's text: the plan in numbers and the next open milestones."""
        hint = self.tr("Select a phase, a milestone or a contingency to see and edit it "
                       "here.")
        muted = self._palette.color(QPalette.ColorRole.PlaceholderText).name()
        if overview is None or not overview.phases:
            return (f"<h3>{self.tr('Your plan')}</h3><p>"
                    + self.tr("Add a phase to start the plan, then milestones in it.")
                    + "</p>")
        milestones = overview.milestones()
        done = sum(m.status == "done" for m in milestones)
        lines = [f"<h3>{self.tr('Your plan')}</h3><p>",
                 self.tr("{0} phases · {1} milestones, {2} done").format(
                     len(overview.phases), len(milestones), done)]
        if overview.overdue:
            overdue = self.tr("{0} overdue").format(overview.overdue)
            lines.append(f" · <b style='color:{self._warning.name()}'>{overdue}</b>")
        lines.append("</p>")
        upcoming = sorted((m for m in milestones if m.due_date is not None
                           and m.status in ("planned", "in_progress")),
                          key=lambda m: (not m.overdue, m.due_date))[:5]
        if upcoming:
            lines.append(f"<p><b>{self.tr('Next up')}</b></p><table cellspacing='0' "
                         "cellpadding='2'>")
            for m in upcoming:
                when = _html(shown_date(m.due_date))
                title = _html(m.title)
                if m.overdue:
                    title = f"<b style='color:{self._warning.name()}'>{title}</b>"
                lines.append(f"<tr><td style='padding-right:10px'>{when}</td>"
                             f"<td>{title}</td></tr>")
            lines.append("</table>")
        lines.append(currency_ui.glance_html(sum(m.money_needed for m in milestones)))
        lines.append(f"<p style='color:{muted}'>{_html(hint)}</p>")
        return "".join(lines)

    def _link_activated(self, link: str) -> None:
        if link == currency_ui.CHANGE_LINK:
            currency_ui.change_currency(self.ctx, self)


def _html(text: str) -> str:
    return html.escape(text, quote=False)
