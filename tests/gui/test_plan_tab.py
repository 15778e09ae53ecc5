"""The Plan tab as a person uses it: phases, milestones and contingencies in the tree and the
editor, and the timeline that follows the selection both ways."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolButton, QToolTip

from careerpivot.services import development, plan
from careerpivot.ui.itemmodels.plan import (
    IdRole,
    KindRole,
    OverdueRole,
    PlanTreeModel,
)
from careerpivot.ui.tabs import plan as plan_tab
from careerpivot.ui.tabs.plan import commands as plan_commands
from careerpivot.ui.widgets import timeline as timeline_mod
from careerpivot.ui.widgets.dates import DateField

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def fixed_today(clock):
    clock.set_today(TODAY)


@pytest.fixture
def tab(main_window, fixed_today):
    tab = main_window.show_tab("planTab")
    tab.reload_now()
    return tab


@pytest.fixture
def demo_tab(demo_window):
    tab = demo_window.show_tab("planTab")
    return tab


@pytest.fixture
def confirm_yes(monkeypatch):
    asked = []

    def confirm(parent, title, text, action):
        asked.append(text)
        return True

    monkeypatch.setattr(plan_commands, "confirm", confirm)
    return asked


def button(tab, name: str) -> QToolButton:
    found = tab.findChild(QToolButton, name)
    assert found is not None, name
    return found


def click_row(qtbot, tab, kind: str, item_id: int) -> None:
    index = tab.model.index_of(kind, item_id)
    assert index.isValid()
    tab.tree.scrollTo(index)
    rect = tab.tree.visualRect(index)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(qtbot, edit: QLineEdit | DateField, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def error_text(tab, field: str) -> str:
    label = tab.findChild(QLabel, f"{field}Error")
    assert label is not None
    return label.text() if label.isVisible() else ""


def only_point(view, item) -> QPoint:
    """A point of the viewport where ``item`` is the only thing the timeline would answer
    for (a click or a tooltip): which points a marker or a label covers depends on the dates,
    so the test asks the view instead of trusting a fixed offset."""
    view.ensureVisible(item, 10, 10)
    rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    for y in range(rect.bottom() - 1, rect.top(), -2):
        for x in range(rect.left() + 1, rect.right(), 2):
            pos = QPoint(x, y)
            if not view.viewport().rect().contains(pos):
                continue
            answering = [i for i in view.items(pos) if i.toolTip() or i.data(0) is not None]
            if answering == [item]:
                return pos
    raise AssertionError("no point of the item is free of other items")


def tree_selection(tab) -> tuple[str, int] | None:
    rows = tab.tree.selectionModel().selectedRows()
    return (rows[0].data(KindRole), rows[0].data(IdRole)) if rows else None


# --- models ----------------------------------------------------------------------------------


def test_item_models_pass_the_model_tester(demo_tab, qtmodeltester):
    assert demo_tab.model.rowCount() == 4
    qtmodeltester.check(demo_tab.model)
    qtmodeltester.check(demo_tab.contingency_model)


def test_item_models_pass_the_model_tester_when_empty(qtmodeltester):
    from careerpivot.ui.itemmodels.plan import ContingencyModel

    qtmodeltester.check(PlanTreeModel())
    qtmodeltester.check(ContingencyModel())


def test_the_sample_plan_shows_four_phases_with_milestones(demo_tab):
    model = demo_tab.model
    assert [model.index(r, 0).data() for r in range(4)] == [
        "Exploration", "Skill-building", "Hands-on practice", "Formal validation"]
    assert all(model.rowCount(model.index(r, 0)) for r in range(4))
    assert all(demo_tab.tree.isExpanded(model.index(r, 0)) for r in range(4))
    assert demo_tab.contingency_model.rowCount() >= 1
    view = demo_tab.timeline.view
    assert len(view._markers) == sum(len(p.milestones) for p in model.phases())
    assert len(view._bands) == 4


# --- phases ----------------------------------------------------------------------------------


def test_add_a_phase_and_name_it(tab, qtbot):
    qtbot.mouseClick(button(tab, "addPhaseButton"), Qt.MouseButton.LeftButton)
    phases = plan.plan_overview().phases
    assert len(phases) == 5
    new = phases[-1]
    assert tree_selection(tab) == ("phase", new.id)
    assert tab.details.currentWidget() is tab.phase_page
    assert tab.phase_name.selectedText() == "New phase", "ready to be typed over"
    type_into(qtbot, tab.phase_name, "Job search")
    assert plan.get_phase(new.id).name == "Job search"
    assert tab.model.index_of("phase", new.id).data() == "Job search"
    assert new.start_date is not None and new.end_date is not None
    assert tab.timeline.view.band(new.id) is not None


def test_phase_dates_end_before_start_shows_a_message(tab, qtbot):
    phase_id = plan.plan_overview().phases[0].id
    click_row(qtbot, tab, "phase", phase_id)
    type_into(qtbot, tab.phase_start, "2026-03-01")
    type_into(qtbot, tab.phase_end, "2026-02-01")
    assert "cannot be before the start" in error_text(tab, "end_date")
    assert plan.get_phase(phase_id).end_date is None, "nothing stored"
    type_into(qtbot, tab.phase_end, "2026-05-31")
    assert error_text(tab, "end_date") == ""
    assert plan.get_phase(phase_id).end_date == dt.date(2026, 5, 31)


def test_move_phases_with_the_buttons_and_undo(tab, qtbot, main_window):
    ids = [p.id for p in plan.plan_overview().phases]
    up, down = button(tab, "movePhaseUpButton"), button(tab, "movePhaseDownButton")
    click_row(qtbot, tab, "phase", ids[0])
    assert not up.isEnabled() and down.isEnabled()
    qtbot.mouseClick(down, Qt.MouseButton.LeftButton)
    assert [p.id for p in plan.plan_overview().phases] == [ids[1], ids[0], ids[2], ids[3]]
    assert tree_selection(tab) == ("phase", ids[0]), "the moved phase stays selected"
    assert tab.model.index(1, 0).data(IdRole) == ids[0]
    assert up.isEnabled()
    main_window.ctx.undo.undo()
    assert [p.id for p in plan.plan_overview().phases] == ids
    assert tab.model.index(0, 0).data(IdRole) == ids[0]


def test_buttons_have_tooltips_and_shortcuts(tab):
    for name in ("addPhaseButton", "addMilestoneButton", "deletePlanItemButton",
                 "movePhaseUpButton", "movePhaseDownButton", "addContingencyButton",
                 "deleteContingencyButton", "zoomInButton", "zoomOutButton", "fitButton",
                 "todayButton"):
        widget = button(tab, name)
        assert widget.toolTip(), name
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, name
    assert "Ctrl+Shift+P" in tab.add_phase_action.toolTip()
    assert not tab.add_phase_action.shortcut().isEmpty()
    assert not tab.add_milestone_action.shortcut().isEmpty()


def test_keyboard_adds_a_milestone(tab, qtbot):
    phase_id = plan.plan_overview().phases[1].id
    click_row(qtbot, tab, "phase", phase_id)
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    milestones = plan.get_phase(phase_id).milestones
    assert len(milestones) == 1


# --- milestones ------------------------------------------------------------------------------


def test_add_a_milestone_and_edit_its_due_date_by_typing(tab, qtbot):
    phase = plan.plan_overview().phases[0]
    plan.update_phase(phase.id, "start_date", "2026-03-01")
    plan.update_phase(phase.id, "end_date", "2026-05-31")
    tab.reload_now()
    click_row(qtbot, tab, "phase", phase.id)
    qtbot.mouseClick(button(tab, "addMilestoneButton"), Qt.MouseButton.LeftButton)
    milestone = plan.get_phase(phase.id).milestones[0]
    assert milestone.due_date == dt.date(2026, 5, 31), "a new milestone is due at the phase end"
    assert tree_selection(tab) == ("milestone", milestone.id)
    assert tab.details.currentWidget() is tab.milestone_page
    type_into(qtbot, tab.milestone_title, "Hold eight informational interviews")
    assert plan.get_milestone(milestone.id).title == "Hold eight informational interviews"

    # an impossible date: a message next to the field, nothing stored
    type_into(qtbot, tab.milestone_due, "2026-02-30")
    assert "2026-02-30 is not a date on the calendar" in error_text(tab, "due_date")
    assert plan.get_milestone(milestone.id).due_date == dt.date(2026, 5, 31)
    assert tab.milestone_due.value() == "2026-05-31", "the field keeps the stored date"

    # a date outside the phase: stored, with a warning beside it
    type_into(qtbot, tab.milestone_due, "2026-06-15")
    assert error_text(tab, "due_date") == ""
    assert plan.get_milestone(milestone.id).due_date == dt.date(2026, 6, 15)
    assert tab.milestone_warning.isVisible()
    assert "after the phase" in tab.milestone_warning.text()
    due_index = tab.model.index_of("milestone", milestone.id, PlanTreeModel.DUE)
    assert "after the phase" in due_index.data(Qt.ItemDataRole.ToolTipRole)
    assert due_index.data(Qt.ItemDataRole.DecorationRole) is not None

    type_into(qtbot, tab.milestone_due, "2026-04-15")
    assert not tab.milestone_warning.isVisible()


def test_negative_money_cannot_be_entered(tab, qtbot):
    phase_id = plan.plan_overview().phases[0].id
    m_id = plan.add_milestone(phase_id, "Pass PSPO I")
    tab.reload_now()
    tab.select_item("milestone", m_id)
    assert tab.milestone_money.minimum() == 0 and tab.milestone_hours.minimum() == 0
    tab.milestone_money.setFocus()
    tab.milestone_money.selectAll()
    qtbot.keyClicks(tab.milestone_money, "-200")
    qtbot.keyClick(tab.milestone_money, Qt.Key.Key_Return)
    assert plan.get_milestone(m_id).money_needed >= 0


def test_overdue_milestones_stand_out(tab, qtbot):
    phase_id = plan.plan_overview().phases[0].id
    late = plan.add_milestone(phase_id, "Test every pay assumption", due_date="2026-03-01",
                              status="in_progress")
    fine = plan.add_milestone(phase_id, "Decide", due_date="2026-04-01")
    tab.reload_now()
    model = tab.model
    late_index = model.index_of("milestone", late)
    fine_index = model.index_of("milestone", fine)
    assert late_index.data(OverdueRole) and not fine_index.data(OverdueRole)
    # not by colour alone: bold, an icon and the words
    assert late_index.data(Qt.ItemDataRole.FontRole).bold()
    assert late_index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert late_index.data(Qt.ItemDataRole.ForegroundRole) is not None
    status = model.index_of("milestone", late, PlanTreeModel.STATUS).data()
    assert "9 days overdue" in status
    assert fine_index.data(Qt.ItemDataRole.FontRole) is None
    assert tab.overdue_label.isVisible() and "1 milestone overdue" in tab.overdue_label.text()
    tab.select_item("milestone", late)
    assert tab.milestone_overdue.isVisible() and "9 days" in tab.milestone_overdue.text()
    marker = tab.timeline.view.marker(late)
    assert marker.overdue and not tab.timeline.view.marker(fine).overdue
    label = tab.timeline.view.label(late)
    assert label is not None and label.font().bold()
    # marking it done takes it off the list
    tab.milestone_status.setCurrentIndex(tab.milestone_status.findData("done"))
    tab.milestone_status.activated.emit(tab.milestone_status.currentIndex())
    assert not plan.get_milestone(late).overdue
    assert plan.get_milestone(late).done_date == TODAY
    assert not tab.overdue_label.isVisible()


def test_delete_a_milestone_and_undo(tab, qtbot, main_window, confirm_yes):
    phase_id = plan.plan_overview().phases[1].id
    skill = development.add_skill("SQL")
    m_id = plan.add_milestone(phase_id, "Finish the SQL course", skill_ids=[skill],
                              due_date="2026-04-30")
    tab.reload_now()
    before = plan.get_milestone(m_id)
    click_row(qtbot, tab, "milestone", m_id)
    qtbot.mouseClick(button(tab, "deletePlanItemButton"), Qt.MouseButton.LeftButton)
    assert confirm_yes and "Finish the SQL course" in confirm_yes[0]
    assert plan.get_phase(phase_id).milestones == ()
    assert not tab.model.index_of("milestone", m_id).isValid()
    assert tab.timeline.view.marker(m_id) is None
    assert tab.details.currentWidget() is tab.empty_page
    main_window.actions.undo.trigger()
    assert plan.get_milestone(m_id) == before
    assert tab.model.index_of("milestone", m_id).isValid()
    assert tab.timeline.view.marker(m_id) is not None
    main_window.actions.redo.trigger()
    assert plan.get_phase(phase_id).milestones == ()


def test_delete_asks_first_and_cancel_keeps_it(tab, qtbot, monkeypatch):
    monkeypatch.setattr(plan_commands, "confirm", lambda *a: False)
    phase_id = plan.plan_overview().phases[0].id
    click_row(qtbot, tab, "phase", phase_id)
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert len(plan.plan_overview().phases) == 4


def test_delete_a_phase_with_its_milestones_and_undo(tab, qtbot, main_window, confirm_yes):
    phase_id = plan.plan_overview().phases[2].id
    plan.add_milestone(phase_id, "Shadow a discovery sprint")
    plan.add_milestone(phase_id, "Deliver the memo")
    tab.reload_now()
    click_row(qtbot, tab, "phase", phase_id)
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert "its 2 milestones" in confirm_yes[0]
    assert len(plan.plan_overview().phases) == 3
    main_window.ctx.undo.undo()
    assert [m.title for m in plan.get_phase(phase_id).milestones] == [
        "Shadow a discovery sprint", "Deliver the memo"]
    assert tab.model.rowCount() == 4


def test_adding_is_undoable(tab, qtbot, main_window):
    qtbot.mouseClick(button(tab, "addPhaseButton"), Qt.MouseButton.LeftButton)
    assert len(plan.plan_overview().phases) == 5
    main_window.ctx.undo.undo()
    assert len(plan.plan_overview().phases) == 4
    main_window.ctx.undo.redo()
    assert len(plan.plan_overview().phases) == 5


def test_partner_and_links(tab, qtbot, main_window, monkeypatch):
    from careerpivot.store import models

    nadia = models.Contact.create(name="Nadia Haddad", organization="Halden").id
    skill = development.add_skill("Discovery")
    course = development.add_learning("Continuous Discovery Habits", "book")
    phase_id = plan.plan_overview().phases[0].id
    m_id = plan.add_milestone(phase_id, "Decide which path to prioritise")
    tab.reload_now()
    tab.select_item("milestone", m_id)
    combo = tab.milestone_partner
    combo.setCurrentIndex(combo.findData(nadia))
    combo.activated.emit(combo.currentIndex())
    assert plan.get_milestone(m_id).partner_name == "Nadia Haddad"
    assert tab.model.index_of("milestone", m_id, PlanTreeModel.PARTNER).data() == \
        "Nadia Haddad"

    asked = []

    def ask(parent, title, choices, selected):
        asked.append((title, choices, selected))
        return [choices[0][0]]

    monkeypatch.setattr(plan_tab.LinkPicker, "ask", ask)
    qtbot.mouseClick(tab.choose_skills, Qt.MouseButton.LeftButton)
    assert asked[0][1] == [(skill, "Discovery")] and asked[0][2] == set()
    assert plan.get_milestone(m_id).skills == ((skill, "Discovery"),)
    assert tab.milestone_skills.text() == "Discovery"
    qtbot.mouseClick(tab.choose_learning, Qt.MouseButton.LeftButton)
    assert plan.get_milestone(m_id).learning == ((course, "Continuous Discovery Habits"),)
    main_window.ctx.undo.undo()
    assert plan.get_milestone(m_id).learning == ()
    assert plan.get_milestone(m_id).skills == ((skill, "Discovery"),)


def test_the_partner_list_follows_the_network(tab, main_window):
    from careerpivot.services import network

    phase_id = plan.plan_overview().phases[0].id
    m_id = plan.add_milestone(phase_id, "Ask for a referral")
    tab.reload_now()
    tab.select_item("milestone", m_id)
    assert tab.milestone_partner.findText("Omar Lindqvist (Brightwell)") < 0
    omar = network.create_contact(name="Omar Lindqvist", organization="Brightwell")
    main_window.ctx.bus.changed.emit("contacts")  # as the Network tab announces it
    tab.select_item("phase", phase_id)
    tab.select_item("milestone", m_id)
    assert tab.milestone_partner.findData(omar) == \
        tab.milestone_partner.findText("Omar Lindqvist (Brightwell)") > 0


def _column_fits(tree, column: int) -> tuple[int, int]:
    """(the column's width, the width its widest cell and its header ask for)."""
    model = tree.model()
    cells = [model.index(row, column) for row in range(model.rowCount())]
    for phase_row in range(model.rowCount()):
        parent = model.index(phase_row, 0)
        cells += [model.index(row, column, parent) for row in range(model.rowCount(parent))]
    wanted = max([tree.sizeHintForIndex(index).width() for index in cells]
                 + [tree.header().sectionSizeHint(column)])
    return tree.header().sectionSize(column), wanted


def _widen(tab, main_window, width: int = 2000) -> None:
    """Room for every column of the tree."""
    main_window.resize(width, 900)
    tab.top_splitter.setSizes([width - 400, 400])
    assert tab.tree.viewport().width() > tab.tree.wanted_width()


def test_tree_columns_are_as_wide_as_their_widest_text(tab, main_window):
    from careerpivot.store import models

    _widen(tab, main_window)
    columns = (PlanTreeModel.DUE, PlanTreeModel.STATUS, PlanTreeModel.TIME,
               PlanTreeModel.PARTNER)
    for column in columns:
        width, wanted = _column_fits(tab.tree, column)
        assert width == wanted, column
    partner = models.Contact.create(name="Aurelia Montgomery-Castellanos").id
    phases = plan.plan_overview().phases
    plan.add_milestone(phases[0].id, "Rehearse the pitch", due_date="2026-02-01",
                       partner=partner, hours_needed=12.5)  # overdue: in bold, longer
    plan.add_milestone(phases[1].id, "Outside its phase", due_date="2020-01-01",
                       status="done")  # a warning icon beside the date
    before = tab.tree.header().sectionSize(PlanTreeModel.PARTNER)
    main_window.ctx.bus.changed.emit("plan")
    assert tab.tree.header().sectionSize(PlanTreeModel.PARTNER) > before
    for column in columns:
        width, wanted = _column_fits(tab.tree, column)
        assert width == wanted, column
    tab.tree.collapse(tab.model.index(0, 0))
    assert _column_fits(tab.tree, PlanTreeModel.PARTNER)[0] >= \
        tab.tree.sizeHintForIndex(tab.model.index_of(
            "milestone", plan.plan_overview().phases[0].milestones[0].id,
            PlanTreeModel.PARTNER)).width(), "a collapsed phase does not narrow the column"
    font = QFont(tab.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    tab.setFont(font)
    _widen(tab, main_window, 2600)
    for column in columns:
        width, wanted = _column_fits(tab.tree, column)
        assert width >= wanted, column


def test_tree_rows_are_as_tall_as_the_other_lists_rows(demo_tab, demo_window):
    from careerpivot.ui.widgets.tables import list_table

    table = list_table(demo_tab, "probe", demo_tab.contingency_model, {}, "probe")
    assert demo_tab.tree.sizeHintForRow(0) == table.verticalHeader().defaultSectionSize()
    milestone = demo_tab.model.index(0, 0, demo_tab.model.index(0, 0))
    assert demo_tab.tree.visualRect(milestone).height() == \
        demo_tab.tree.fontMetrics().height() + 10
    # a contingency's row: as tall as the tree's, or twice as tall when its trigger or its
    # response needs two lines to be read
    contingency = demo_tab.contingency_table
    lines = 2 if contingency.wordWrap() else 1
    assert contingency.rowHeight(0) == demo_tab.tree.sizeHintForRow(0) \
        + (lines - 1) * contingency.fontMetrics().lineSpacing()


def test_a_narrow_tree_keeps_room_for_titles(demo_tab, demo_window, qtbot):
    """Short of room, the partner, time, status and due columns give way before the titles
    do, and the partner's column is hidden rather than cut to a few letters; a shortened
    cell tells its whole text on hover."""
    tree = demo_tab.tree
    header = tree.header()
    _widen(demo_tab, demo_window)
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    title = demo_tab.model.phases()[0].milestones[0].title
    typical = tree.fontMetrics().horizontalAdvance("Hold eight informational interviews")

    demo_tab.top_splitter.setSizes([560, 2000 - 560])
    qtbot.waitUntil(lambda: tree.viewport().width() < tree.wanted_width() - 150)
    assert header.sectionSize(PlanTreeModel.TITLE) >= tree.title_floor()
    assert tree.title_floor() >= typical + 2 * tree.indentation()
    assert header.isSectionHidden(PlanTreeModel.PARTNER)
    assert not header.isSectionHidden(PlanTreeModel.DUE)
    assert tree.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    index = demo_tab.model.index_of("milestone", demo_tab.model.phases()[0].milestones[0].id)
    assert tree.visualRect(index).width() >= tree.sizeHintForIndex(index).width(), title
    # a milestone's date stays whole; a phase's span, shortened, tells itself on hover
    due = demo_tab.model.index_of("milestone", demo_tab.model.phases()[0].milestones[0].id,
                                  PlanTreeModel.DUE)
    assert header.sectionSize(PlanTreeModel.DUE) >= tree.sizeHintForIndex(due).width()
    span = demo_tab.model.index(0, PlanTreeModel.DUE)
    assert header.sectionSize(PlanTreeModel.DUE) < tree.sizeHintForIndex(span).width()
    QToolTip.hideText()
    pos = tree.visualRect(span).center()
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos,
                                                       tree.viewport().mapToGlobal(pos)))
    assert QToolTip.isVisible() and QToolTip.text().startswith(span.data())
    QToolTip.hideText()

    demo_tab.top_splitter.setSizes([1700, 300])  # room again: everything comes back whole
    qtbot.waitUntil(lambda: not header.isSectionHidden(PlanTreeModel.PARTNER))
    assert header.sectionSize(PlanTreeModel.DUE) >= tree.sizeHintForIndex(span).width()


def test_link_picker_filters_and_returns_the_checked(qtbot):
    dialog = plan_tab.LinkPicker("Skills", [(1, "SQL"), (2, "Storytelling"), (3, "Finance")],
                                 {2})
    qtbot.addWidget(dialog)
    assert dialog.chosen() == [2]
    qtbot.keyClicks(dialog.filter, "sq")
    hidden = [dialog.list.item(r).isHidden() for r in range(3)]
    assert hidden == [False, True, True]
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen() == [1, 2]


# --- contingencies ---------------------------------------------------------------------------


def test_add_edit_and_delete_a_contingency(tab, qtbot, main_window, confirm_yes):
    qtbot.mouseClick(button(tab, "addContingencyButton"), Qt.MouseButton.LeftButton)
    rows = plan.list_contingencies()
    assert len(rows) == 1
    c_id = rows[0].id
    assert tab.details.currentWidget() is tab.contingency_page
    assert tree_selection(tab) is None
    type_into(qtbot, tab.contingency_trigger, "")
    assert "required" in error_text(tab, "trigger")
    type_into(qtbot, tab.contingency_trigger, "No interview offers")
    type_into(qtbot, tab.contingency_date, "2026-06-30")
    assert plan.get_contingency(c_id).trigger == "No interview offers"
    assert tab.contingency_model.index(0, 0).data() == "No interview offers"
    assert tab.timeline.view.flag(c_id) is not None
    assert tab.timeline.view.flag(c_id).selected
    qtbot.mouseClick(button(tab, "deleteContingencyButton"), Qt.MouseButton.LeftButton)
    assert plan.list_contingencies() == []
    main_window.ctx.undo.undo()
    assert [c.trigger for c in plan.list_contingencies()] == ["No interview offers"]


# --- the timeline ----------------------------------------------------------------------------


def _viewport_point(view, item) -> QPoint:
    view.ensureVisible(item, 10, 10)
    return view.mapFromScene(item.scenePos())


def test_clicking_a_milestone_on_the_timeline_selects_it_in_the_table(demo_tab, qtbot):
    view = demo_tab.timeline.view
    target = demo_tab.model.phases()[1].milestones[1]
    marker = view.marker(target.id)
    assert marker is not None
    with qtbot.waitSignal(demo_tab.timeline.milestoneClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_viewport_point(view, marker))
    assert blocker.args == [target.id]
    assert tree_selection(demo_tab) == ("milestone", target.id)
    assert demo_tab.details.currentWidget() is demo_tab.milestone_page
    assert demo_tab.milestone_title.text() == target.title
    assert marker.selected


def test_clicking_a_phase_band_selects_the_phase(demo_tab, qtbot):
    view = demo_tab.timeline.view
    phase = demo_tab.model.phases()[3]
    band = view.band(phase.id)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=only_point(view, band))
    assert tree_selection(demo_tab) == ("phase", phase.id)


def test_hovering_the_timeline_tells_what_is_there(demo_tab, qtbot):
    view = demo_tab.timeline.view
    phase = demo_tab.model.phases()[1]
    target = phase.milestones[1]

    def tip_at(item, pos=None) -> str:
        view.ensureVisible(item, 10, 10)
        pos = pos if pos is not None else view.mapFromScene(item.scenePos())
        QToolTip.hideText()
        QApplication.sendEvent(view.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
        return QToolTip.text() if QToolTip.isVisible() else ""

    tip = tip_at(view.marker(target.id))
    assert target.title in tip and target.due_date.isoformat() in tip
    band = view.band(phase.id)
    tip = tip_at(band, only_point(view, band))
    assert tip.startswith(phase.name)
    QToolTip.hideText()


def test_a_plan_taller_than_the_timeline_is_fitted_to_its_width(tab, qtbot):
    for n in range(6):
        plan.add_phase(f"Extra phase {n}", start_date=f"2026-{n + 3:02d}-01",
                       end_date=f"2026-{n + 4:02d}-28")
    tab.reload_now()
    view = tab.timeline.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())
    assert view.verticalScrollBar().maximum() > 0, "ten lanes need scrolling"
    assert view.sceneRect().width() <= view.viewport().width()
    assert view.sceneRect().width() >= view.viewport().width() - 2, "the whole width is used"
    assert not view.horizontalScrollBar().isVisible()


def test_selecting_in_the_table_highlights_on_the_timeline(demo_tab, qtbot):
    view = demo_tab.timeline.view
    phase = demo_tab.model.phases()[2]
    milestone = phase.milestones[0]
    click_row(qtbot, demo_tab, "milestone", milestone.id)
    assert view.selected() == ("milestone", milestone.id)
    assert view.marker(milestone.id).selected
    assert sum(m.selected for m in view._markers.values()) == 1
    click_row(qtbot, demo_tab, "phase", phase.id)
    assert view.selected() == ("phase", phase.id)
    assert not view.marker(milestone.id).selected
    assert view.band(phase.id).pen().widthF() > view.band(
        demo_tab.model.phases()[0].id).pen().widthF()


def test_zoom_changes_the_scale(demo_tab, qtbot):
    view = demo_tab.timeline.view
    fitted = view.px_per_day
    width = view.sceneRect().width()
    with qtbot.waitSignal(view.scaleChanged):
        qtbot.mouseClick(button(demo_tab, "zoomInButton"), Qt.MouseButton.LeftButton)
    assert view.px_per_day == pytest.approx(fitted * timeline_mod.ZOOM_STEP)
    assert view.sceneRect().width() > width
    qtbot.mouseClick(button(demo_tab, "zoomOutButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(demo_tab, "zoomOutButton"), Qt.MouseButton.LeftButton)
    assert view.px_per_day < fitted
    qtbot.mouseClick(button(demo_tab, "fitButton"), Qt.MouseButton.LeftButton)
    assert view.px_per_day == pytest.approx(fitted)
    assert view.sceneRect().width() <= view.viewport().width()
    # markers keep their size: the layout changes, not a transform
    assert view.transform().isIdentity()


def test_ctrl_wheel_zooms_around_the_mouse(demo_tab, qtbot):
    view = demo_tab.timeline.view
    view.set_scale(3.0)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    pos = QPointF(view.viewport().width() / 3, 30)
    day = view.date_at(view.mapToScene(pos.toPoint()).x())
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.px_per_day == pytest.approx(3.0 * timeline_mod.ZOOM_STEP ** 2)
    after = view.date_at(view.mapToScene(pos.toPoint()).x())
    assert abs((after - day).days) <= 1, "the date under the mouse stays put"


def test_zoom_stays_within_limits(demo_tab):
    view = demo_tab.timeline.view
    for _ in range(40):
        view.zoom_in()
    assert view.px_per_day == timeline_mod.MAX_PX_PER_DAY
    for _ in range(80):
        view.zoom_out()
    assert view.px_per_day == timeline_mod.MIN_PX_PER_DAY


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#232629"),
                        (QPalette.ColorRole.WindowText, "#eff0f1"),
                        (QPalette.ColorRole.Base, "#1b1e20"),
                        (QPalette.ColorRole.AlternateBase, "#232629"),
                        (QPalette.ColorRole.Text, "#eff0f1"),
                        (QPalette.ColorRole.Button, "#31363b"),
                        (QPalette.ColorRole.ButtonText, "#eff0f1"),
                        (QPalette.ColorRole.Highlight, "#3daee9"),
                        (QPalette.ColorRole.HighlightedText, "#eff0f1")):
        palette.setColor(role, QColor(color))
    return palette


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + \
            0.0722 * channel(c.blueF())
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_the_timeline_is_readable_in_light_and_dark_palettes(demo_tab, qtbot, tmp_path, dark):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    timeline = demo_tab.timeline
    if dark:
        timeline.setPalette(_dark_palette())
    view = timeline.view
    base = view.palette().color(QPalette.ColorRole.Base)
    assert view.scene().backgroundBrush().color() == base
    colors = timeline_mod.timeline_colors(view.palette())
    assert (colors.background.lightnessF() < 0.5) is dark
    for color in (colors.text, colors.warning, colors.today):
        assert _contrast(color, base) >= 3.0, color.name()
    texts = [i for i in view.scene().items() if isinstance(i, QGraphicsSimpleTextItem)
             and i.isVisible()]
    assert texts
    assert all(_contrast(i.brush().color(), base) >= 3.0 for i in texts
               if i.zValue() < 7), "every label reads on the background"
    # crisp: cosmetic pens, no pixmap caches
    assert view.cacheMode() == view.CacheModeFlag.CacheNone
    for item in view.scene().items():
        assert item.cacheMode() == item.CacheMode.NoCache
        pen = getattr(item, "pen", None)
        if pen is not None and item.pen().style() != Qt.PenStyle.NoPen:
            assert item.pen().isCosmetic()
    image = timeline.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / f"timeline-{'dark' if dark else 'light'}.png"))


def test_an_empty_plan_says_what_to_do(tab, qtbot, confirm_yes):
    for phase in plan.plan_overview().phases:
        tab.select_item("phase", phase.id)
        tab.delete_selected()
    assert tab.model.rowCount() == 0
    assert not tab.add_milestone_action.isEnabled()
    texts = [i.text() for i in tab.timeline.view.scene().items() if hasattr(i, "text")]
    assert any("Add a phase" in t for t in texts)


def test_splitter_state_is_kept(tab, app_ctx):
    tab.splitter.setSizes([300, 200])
    tab.save_state(app_ctx.settings)
    assert app_ctx.settings.window_state("plan/splitter") is not None
    tab.splitter.setSizes([100, 400])
    tab.restore_state(app_ctx.settings)
    assert tab.splitter.sizes()[0] > tab.splitter.sizes()[1]
