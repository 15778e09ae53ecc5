"""Run by tests/gui/test_layouts_fit.py in a child process: opens the main window over a copy
of the sample workspace on the screen the child was started with (``-platform
offscreen:configfile=…``, ``QT_SCALE_FACTOR``), as large as the screen lets it (as a user
maximises it), and prints as JSON what the tests check: the widths of key columns and labels
next to the widths their text needs, how many rows a list shows, and which horizontal
scrollbars show.

    python layout_probe.py WORKSPACE ISO-NOW -platform offscreen:configfile=screen.json
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path


def header_elided(table) -> list[str]:
    """The visible column headers the header cuts short (their text does not fit)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle

    header = table.horizontalHeader()
    model = table.model()
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        room = header.sectionSize(column) - 2 * margin
        if metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) != text:
            cut.append(text)
    return cut


def cut_cells(table, column: int) -> list[str]:
    """The texts of ``column`` (over its first rows) its cells cut: on one line, those that
    do not fit (they end in "…"); on wrapped rows, those with a word wider than the cell."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QStyle

    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    icon = table.iconSize().width() if table.iconSize().isValid() else \
        style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, table)
    width = table.horizontalHeader().sectionSize(column) - 2 * margin
    model = table.model()
    cut = []
    for row in range(min(model.rowCount(), 50)):
        index = model.index(row, column)
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else table.font())
        room = width - (icon + 2 * margin if index.data(Qt.ItemDataRole.DecorationRole)
                        else 0)
        if table.wordWrap():
            if any(metrics.horizontalAdvance(word) > room for word in text.split()):
                cut.append(text)
        elif metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) != text:
            cut.append(text)
    return cut


def whole_rows(table) -> int:
    """How many rows, from the top, the table shows whole."""
    room, shown, bottom = table.viewport().height(), 0, 0
    for row in range(table.model().rowCount()):
        bottom += table.rowHeight(row)
        if bottom > room:
            break
        shown += 1
    return shown


def table_facts(table, fit=None) -> dict:
    facts = {
        "viewport": table.viewport().width(),
        "hscroll": table.horizontalScrollBar().isVisible(),
        "elided_headers": header_elided(table),
        "row_height": table.verticalHeader().defaultSectionSize(),
        "visible_rows": table.viewport().height() // max(
            table.verticalHeader().defaultSectionSize(), 1),
        "whole_rows": whole_rows(table),
        "word_wrap": table.wordWrap(),
    }
    if fit is not None:
        facts["flexible"] = table.horizontalHeader().sectionSize(fit.flexible)
        facts["lines"] = fit.lines
    return facts


def text_width(widget, text: str, bold: bool = False) -> int:
    from PySide6.QtGui import QFont, QFontMetrics

    font = QFont(widget.font())
    font.setBold(bold)
    return QFontMetrics(font).horizontalAdvance(text)


def paths_facts(window, settle) -> dict:
    """The first path's Assumptions page: both lists, the key columns of each."""
    from careerpivot.ui.itemmodels import assumptions as am
    from careerpivot.ui.widgets.column_fit import chars

    tab = window.show_tab("pathsTab")
    settle()
    page = tab.assumptions_page
    assumptions, evidence = page.assumptions_table, page.evidence_table
    header, e_header = assumptions.horizontalHeader(), evidence.horizontalHeader()
    return {
        "assumptions": table_facts(assumptions),
        "evidence": table_facts(evidence),
        "evidence_count": evidence.model().rowCount(),
        "statement": header.sectionSize(am.A_STATEMENT),
        "statement_needed": chars(assumptions, page.assumptions_fit.min_chars),
        "status_cut": cut_cells(assumptions, am.A_STATUS),
        "quote": e_header.sectionSize(am.E_QUOTE),
        "quote_needed": chars(evidence, page.evidence_fit.min_chars),
        "verdicts_cut": cut_cells(evidence, am.E_VERDICT),
        "people_cut": cut_cells(evidence, am.E_PERSON),
        "details_shown": tab.form.details_shown(),
    }


def cut_sideways(area) -> bool:
    """Whether a scroll area's page is wider than the area (it scrolls sideways, or is cut
    where its sideways scrollbar is off)."""
    inner = area.widget()
    return area.horizontalScrollBar().isVisible() or (
        inner is not None and inner.minimumSizeHint().width() > area.viewport().width())


def network_facts(window, settle) -> dict:
    """The Network tab: the contact table (the names whole) and the editor beside it."""
    from careerpivot.ui.itemmodels import contacts as cm

    tab = window.show_tab("networkTab")
    settle()
    return {
        "table": table_facts(tab.table, tab.contacts.column_fit),
        "names_cut": cut_cells(tab.table, cm.NAME),
        "editor_cut": cut_sideways(tab.editor.widget(1)),
    }


def interview_editor_facts(window, settle) -> dict:
    """Every conversation of the sample on every page of the interview editor: where it
    scrolls or is cut sideways; and the list's contacts cut."""
    from PySide6.QtWidgets import QScrollArea, QTableView

    from careerpivot.ui.itemmodels import interviews as im

    tab = window.show_tab("interviewsTab")
    settle()
    editor, wide = tab.editor, []
    for row in range(tab.table.model().rowCount()):
        tab.table.selectRow(row)
        for index in range(editor.pages.count()):
            editor.pages.setCurrentIndex(index)
            settle()
            page = editor.pages.widget(index)
            areas = [page] if isinstance(page, QScrollArea) else []
            areas += page.findChildren(QScrollArea)
            tables = page.findChildren(QTableView)
            if cut_sideways(tab.editor_scroll) or any(cut_sideways(a) for a in areas) \
                    or any(t.horizontalScrollBar().isVisible() for t in tables):
                wide.append(f"row {row}: {editor.pages.tabText(index)}")
    editor.pages.setCurrentIndex(0)
    return {"wide_pages": wide, "contacts_cut": cut_cells(tab.table, im.CONTACT),
            "dates_cut": cut_cells(tab.table, im.DATE)}


def fresh_overview_facts(workspace: Path, settle) -> dict:
    """A new user's new, empty workspace (no settings saved yet): the Overview's note that
    nothing is due against the height it asks for, and whether the tab fits."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from careerpivot.settings import Settings
    from careerpivot.ui.context import AppContext, DataBus
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    fresh = workspace.with_name("fresh.careerpivot")
    ctx = AppContext(settings=Settings(fresh.with_suffix(".ini")), undo=QUndoStack(),
                     bus=DataBus())
    session = Session()
    session.open(fresh, create=True)
    window = MainWindow(ctx, session)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    window.show()
    settle()
    tab = window.show_tab("overviewTab")
    settle()
    empty = tab.due_empty
    facts = {
        "due_empty_shown": tab.due_stack.currentWidget() is empty and empty.isVisible(),
        "due_empty_height": empty.height(),
        "due_empty_wanted": empty.sizeHint().height(),
        "first_steps_shown": tab.first_steps.isVisible(),
        "tab_height": tab.height(),
        "tab_least_height": tab.minimumSizeHint().height(),
        "lower_height": tab.inner_tabs.height(),
    }
    window.close()
    session.close(backup=False)
    return facts


def main() -> int:
    workspace, now = Path(sys.argv[1]), dt.datetime.fromisoformat(sys.argv[2])
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1] + sys.argv[3:])
    from PySide6.QtGui import QUndoStack

    from careerpivot.core import clock
    from careerpivot.settings import Settings
    from careerpivot.ui.context import AppContext, DataBus
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session
    from careerpivot.ui.widgets.column_fit import chars

    clock.set_now(now)
    ctx = AppContext(settings=Settings(workspace.with_suffix(".ini")), undo=QUndoStack(),
                     bus=DataBus())
    session = Session()
    session.open(workspace, create=False)
    window = MainWindow(ctx, session)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        # the lists that read their rows off the GUI thread show them
        from PySide6.QtCore import QObject, QThreadPool

        from careerpivot.ui.itemmodels.paged import PagedTableModel

        lists = [m for m in window.findChildren(QObject) if isinstance(m, PagedTableModel)]
        while any(m.busy for m in lists):
            QThreadPool.globalInstance().waitForDone(5)
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    out: dict = {"screen": [app.primaryScreen().size().width(),
                            app.primaryScreen().size().height()]}
    settle()

    dev = window.show_tab("developmentTab")
    settle()
    ranked = dev.development_list
    from careerpivot.ui.itemmodels import skills as sm

    why = [ranked.model().index(r, sm.WHY).data() for r in range(ranked.model().rowCount())]
    out["development"] = {
        "ranked": table_facts(ranked, dev.ranked.column_fit),
        "why_60": chars(ranked, 60),
        "why_longest": max(text_width(ranked, t) for t in why),
        "strengths": table_facts(dev.strengths_list, dev.strengths.column_fit),
    }
    out["development"]["ranked_skills_cut"] = cut_cells(ranked, sm.SKILL)
    out["development"]["strength_skills_cut"] = cut_cells(dev.strengths_list, sm.SKILL)
    dev.lower_tabs.setCurrentWidget(dev.learning)
    settle()
    from careerpivot.ui.itemmodels import learning as lm
    from careerpivot.ui.tabs.development.learning_list import TITLE_CHARS

    learning = dev.learning_table
    out["development"]["learning"] = table_facts(learning, dev.learning.column_fit)
    out["development"]["learning_title"] = learning.horizontalHeader().sectionSize(lm.TITLE)
    out["development"]["learning_title_needed"] = chars(learning, TITLE_CHARS) \
        + dev.learning.column_fit.padding()
    out["development"]["learning_titles_cut"] = cut_cells(learning, lm.TITLE)

    out["paths"] = paths_facts(window, settle)
    out["network"] = network_facts(window, settle)
    out["interview_editor"] = interview_editor_facts(window, settle)

    tab = window.show_tab("interviewsTab")
    settle()
    from careerpivot.ui.itemmodels import interviews as im

    model = tab.table.model()
    organizations = {model.index(r, im.ORGANIZATION).data() for r in range(model.rowCount())}
    header = tab.table.horizontalHeader()
    out["interviews"] = {
        "table": table_facts(tab.table, tab.column_fit),
        "organization": header.sectionSize(im.ORGANIZATION),
        "organization_needed": max(text_width(tab.table, o) for o in organizations if o)
        + tab.column_fit.padding(),
        "organization_typical": text_width(tab.table, "Brightline Software")
        + tab.column_fit.padding(),
        "contact": header.sectionSize(im.CONTACT),
        "date": header.sectionSize(im.DATE),
        "date_needed": text_width(tab.table, "2026-12-31 23:59") + tab.column_fit.padding(),
        "filter_rows": tab.filters.rows(),
    }

    overview = window.show_tab("overviewTab")
    settle()
    view = overview.due_view
    row = view.sizeHintForRow(1) if view.model().rowCount() else 0
    out["overview"] = {
        "due_viewport": view.viewport().height(),
        "due_row": row,
        "due_rows_shown": view.viewport().height() // max(row, 1),
    }
    window.close()
    session.close(backup=False)
    out["fresh_overview"] = fresh_overview_facts(workspace, settle)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
