"""What a person sees where there is nothing yet: every tab, page and chart says in one sentence
what belongs there, with the button of the action that adds it (one widget for all of them,
``EmptyState``), and that button does what it says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from careerpivot.ui.widgets.empty_state import EmptyState

# What the offscreen platform cannot do (a real display can): not a problem of the tabs.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))")


def test_the_empty_state_says_what_belongs_here_and_offers_the_action(qtbot):
    state = EmptyState(name="sampleEmpty", title="No items yet", text="Add the first one.",
                       action="Add Item…")
    qtbot.addWidget(state)
    state.show()
    assert state.objectName() == "sampleEmpty"
    assert (state.title(), state.text(), state.button.text()) == (
        "No items yet", "Add the first one.", "Add Item…")
    assert state.button.objectName() == "sampleEmptyButton"
    assert state.button.isVisible() and state.title_label.isVisible()
    # the sentence reads in the normal text colour, not greyed out
    assert state.label.isEnabled()
    with qtbot.waitSignal(state.actionTriggered, timeout=1000):
        qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    # nothing to do (a filter hides everything, say): no title, no button
    state.set_content("", "Nothing matches.", "")
    assert not state.button.isVisible() and not state.title_label.isVisible()
    assert state.text() == "Nothing matches."
    state.set_action("Clear Filters")
    state.set_action_enabled(False)
    assert state.button.isVisible() and not state.button.isEnabled()


def _asked(monkeypatch, cls, name: str = "ask") -> list:
    """Replace ``cls.ask`` by a recorder that answers "cancelled"."""
    calls: list = []

    def ask(*args, **kwargs):
        calls.append(kwargs)
        return None

    monkeypatch.setattr(cls, name, ask)
    return calls


def _state(window, tab_name: str, name: str) -> EmptyState:
    tab = window.show_tab(tab_name)
    tab.reload_now()
    state = tab.findChild(EmptyState, name)
    assert state is not None, name
    assert state.isVisible(), name
    assert state.text() and state.button.text().endswith("…"), (name, state.button.text())
    return state


def test_every_tab_of_a_new_workspace_says_what_to_do_first(main_window, qtbot, monkeypatch):
    from careerpivot.ui.dialogs.add_learning import AddLearningDialog
    from careerpivot.ui.dialogs.add_path import AddPathDialog
    from careerpivot.ui.dialogs.add_skill import AddSkillDialog
    from careerpivot.ui.dialogs.contact_add import AddContactDialog
    from careerpivot.ui.tabs import interview_commands

    paths = _asked(monkeypatch, AddPathDialog)
    contacts = _asked(monkeypatch, AddContactDialog)
    skills = _asked(monkeypatch, AddSkillDialog)
    learning = _asked(monkeypatch, AddLearningDialog)
    planned: list = []
    monkeypatch.setattr(interview_commands, "plan_interview",
                        lambda *a, **k: planned.append(k) or None)

    state = _state(main_window, "pathsTab", "pathsEmptyState")
    assert state.title() == "No paths yet"
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert len(paths) == 1

    state = _state(main_window, "networkTab", "networkEmptyState")
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert len(contacts) == 1

    state = _state(main_window, "interviewsTab", "interviewsEmptyState")
    assert state.title() == "No interviews yet"
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert len(planned) == 1

    state = _state(main_window, "developmentTab", "developmentEmptyState")
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert skills == [{"initial_name": ""}]
    development = main_window.show_tab("developmentTab")
    development.lower_tabs.setCurrentWidget(development.strengths)
    state = _state(main_window, "developmentTab", "strengthsEmptyState")
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert skills[-1]["transferable"] is True  # a strength: "I already bring this" ticked
    development.lower_tabs.setCurrentWidget(development.learning)
    state = _state(main_window, "developmentTab", "learningEmptyState")
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert len(learning) == 1

    # the Overview: nothing due, and empty charts, each with its way to fill it
    overview = main_window.show_tab("overviewTab")
    state = _state(main_window, "overviewTab", "dueEmpty")
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert len(planned) == 2
    main_window.show_tab("overviewTab")
    qtbot.waitUntil(lambda: overview.charts is not None and overview.charts.data is not None,
                    timeout=10000)
    for card in overview.charts.cards():
        assert card.stack.currentWidget() is card.empty
        assert card.empty.text() and card.empty.button.text(), card.objectName()
        # a sentence in the text colour, not the faint grey of a disabled label
        assert card.empty.label.isEnabled()
    qtbot.mouseClick(overview.charts.paths.empty.button, Qt.MouseButton.LeftButton)
    assert len(paths) == 2 and main_window.tabs.currentWidget().objectName() == "pathsTab"
    main_window.show_tab("overviewTab")
    qtbot.mouseClick(overview.charts.pipeline.empty.button, Qt.MouseButton.LeftButton)
    assert len(contacts) == 2 and main_window.tabs.currentWidget().objectName() == "networkTab"
    main_window.show_tab("overviewTab")
    qtbot.mouseClick(overview.charts.plan.empty.button, Qt.MouseButton.LeftButton)
    assert main_window.tabs.currentWidget().objectName() == "planTab"


def test_a_filter_that_hides_everything_offers_to_show_everything(demo_window, qtbot):
    tab = demo_window.show_tab("interviewsTab")
    qtbot.keyClicks(tab.search, "zzzz no such interview")
    state = tab.list_empty
    qtbot.waitUntil(lambda: tab.list_stack.currentWidget() is state)  # (read off the GUI thread)
    assert state.text().startswith("No interview matches")
    assert state.button.text() == "Clear Filters"
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert tab.search.text() == ""
    qtbot.waitUntil(lambda: tab.list_stack.currentWidget() is tab.table)

    dev = demo_window.show_tab("developmentTab")
    qtbot.keyClicks(dev.skill_search, "zzzz no such skill")
    assert dev.ranked_stack.currentWidget() is dev.ranked_empty_label
    assert dev.ranked_empty_label.button.text() == "Clear Filters"
    qtbot.mouseClick(dev.ranked_empty_label.button, Qt.MouseButton.LeftButton)
    assert dev.skill_search.text() == "" and dev.development_list.model().rowCount() > 0


def test_a_path_without_beliefs_offers_to_write_the_first(demo_window, qtbot, monkeypatch):
    from careerpivot.services import paths
    from careerpivot.ui.context import Area
    from careerpivot.ui.dialogs.assumption import AssumptionDialog

    asked = _asked(monkeypatch, AssumptionDialog)
    new = paths.add_path("Data analysis")
    demo_window.ctx.bus.changed.emit(Area.PATHS)
    tab = demo_window.show_tab("pathsTab")
    demo_window.show_item("path", new)
    page = tab.assumptions_page
    assert page.assumptions_stack.currentWidget() is page.assumptions_empty
    assert page.assumptions_empty.button.text() == "New Assumption…"
    qtbot.mouseClick(page.assumptions_empty.button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1


# --- the lists that were empty in their own way ---------------------------------------------


def _shown(state: EmptyState, *, title: str, action: str) -> None:
    """``state`` is in sight with its title, a sentence and the action's button."""
    assert state.isVisible(), state.objectName()
    assert (state.title(), state.button.text()) == (title, action)
    assert state.text() and state.button.isVisible() and state.button.isEnabled()


def test_no_contingency_yet_offers_to_add_the_first(main_window, qtbot):
    from careerpivot.services import plan

    tab = main_window.show_tab("planTab")
    tab.reload_now()
    lists = tab.lists
    _shown(lists.contingency_empty, title="No contingencies yet", action="Add Contingency")
    assert lists.contingency_stack.currentWidget() is lists.contingency_empty
    qtbot.mouseClick(lists.contingency_empty.button, Qt.MouseButton.LeftButton)
    # one contingency, in the list and in the editor, its trigger ready to type over
    [contingency] = plan.plan_overview().contingencies
    assert lists.contingency_stack.currentWidget() is tab.contingency_table
    assert tab.contingency_model.rowCount() == 1
    assert tab.selected() == ("contingency", contingency.id)
    qtbot.waitUntil(tab.contingency_trigger.hasFocus)
    # undone: the empty state again
    main_window.ctx.undo.undo()
    assert lists.contingency_stack.currentWidget() is lists.contingency_empty


def test_a_summary_without_skills_leads_to_them(main_window, qtbot):
    from PySide6.QtWidgets import QMenu

    from careerpivot.services import development
    from careerpivot.services import summary as service
    from careerpivot.ui.context import Area

    tab = main_window.show_tab("summaryTab")
    tab.reload_now()
    page = tab.skills_page
    tab.editor_scroll.ensureWidgetVisible(page)
    # no skill anywhere yet: where they come from
    _shown(page.skills_empty, title="No skills yet", action="Go to Development")
    assert not page.add_row.isVisible() and not page.list_buttons.isVisible()
    qtbot.mouseClick(page.skills_empty.button, Qt.MouseButton.LeftButton)
    assert main_window.tabs.currentWidget().objectName() == "developmentTab"

    development.add_skill("Stakeholder management", "soft", 3, 3, transferable=True)
    development.add_skill("SQL", "technical", 1, 3)
    main_window.ctx.bus.changed.emit(Area.SKILLS)
    main_window.show_tab("summaryTab")
    tab.editor_scroll.ensureWidgetVisible(page)
    _shown(page.skills_empty, title="No skills on the page yet", action="Add Skill")
    qtbot.mouseClick(page.skills_empty.button, Qt.MouseButton.LeftButton)
    menu = page.findChild(QMenu, "summarySkillsMenu")
    qtbot.waitUntil(menu.isVisible)
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names == ["Stakeholder management", "SQL"]  # the strengths first
    next(a for a in menu.actions() if a.text() == "SQL").trigger()
    menu.close()
    assert [s.name for s in service.chosen_skills()] == ["SQL"]
    # the list, its buttons and the choice of the next skill take the empty state's place
    assert page.skills_stack.currentWidget() is page.skills_list
    assert page.skills_list.count() == 1 and page.add_row.isVisible()
    assert page.skill_combo.currentText() == "Stakeholder management"


def test_a_summary_without_work_offers_the_first_achievement(main_window, qtbot):
    from careerpivot.services import summary as service

    tab = main_window.show_tab("summaryTab")
    tab.reload_now()
    page = tab.portfolio_page
    tab.editor_scroll.ensureWidgetVisible(page)
    _shown(page.portfolio_empty, title="No work on the page yet", action="Add Achievement")
    # nothing to edit, move or delete yet
    assert not page.portfolio_editor.isVisible() and not page.work_remove.isVisible()
    qtbot.mouseClick(page.portfolio_empty.button, Qt.MouseButton.LeftButton)
    assert [r.title for r in service.portfolio_items()] == ["New achievement"]
    assert page.portfolio_stack.currentWidget() is page.portfolio_list
    assert page.portfolio_editor.isVisible() and page.work_remove.isVisible()
    qtbot.waitUntil(page.item_edits["title"].hasFocus)


def _path_with_belief(window):
    from careerpivot.services import paths
    from careerpivot.ui.context import Area

    path = paths.add_path("Data analysis")
    belief = paths.add_assumption(path, "Analysts spend most of their week on SQL")
    window.ctx.bus.changed.emit(Area.PATHS)
    tab = window.show_tab("pathsTab")
    tab.reload_now()
    return tab, path, belief


def test_a_belief_without_evidence_says_how_it_gets_some(main_window, qtbot, monkeypatch):
    import datetime as dt

    from careerpivot.core import clock
    from careerpivot.services import interviews, network
    from careerpivot.ui.context import Area
    from careerpivot.ui.tabs import interview_commands

    planned: list = []
    monkeypatch.setattr(interview_commands, "plan_interview",
                        lambda *a, **k: planned.append(k) or None)
    tab, path, belief = _path_with_belief(main_window)
    page = tab.assumptions_page
    # never discussed yet: plan a conversation about this path
    _shown(page.evidence_empty, title="No evidence yet", action="Plan a Conversation…")
    assert not page.open_interview_button.isVisible()
    qtbot.mouseClick(page.evidence_empty.button, Qt.MouseButton.LeftButton)
    assert planned == [{"path_id": path, "contact_id": None}]

    # a conversation about it: record what it said, on the Interviews tab
    ana = network.create_contact(name="Ana Souza", organization="Acme", level="mid")
    held = interviews.create_interview(ana, path, str(clock.today() - dt.timedelta(days=2)),
                                       status="completed")
    main_window.ctx.bus.changed.emit(Area.INTERVIEWS)
    _shown(page.evidence_empty, title="No evidence yet", action="Open Interviews")
    qtbot.mouseClick(page.evidence_empty.button, Qt.MouseButton.LeftButton)
    assert main_window.tabs.currentWidget().objectName() == "interviewsTab"

    interviews.set_evidence(held, belief, "supported", "Every single morning.")
    main_window.ctx.bus.changed.emit(Area.INTERVIEWS)
    main_window.show_tab("pathsTab")
    assert page.evidence_stack.currentWidget() is page.evidence_table
    assert tab.evidence_model.rowCount() == 1 and page.open_interview_button.isVisible()


def test_a_path_without_beliefs_has_nothing_to_measure_yet(main_window, qtbot, monkeypatch):
    from careerpivot.services import paths
    from careerpivot.ui.context import Area
    from careerpivot.ui.dialogs.assumption import AssumptionDialog
    from careerpivot.ui.tabs.paths.tab import PAGE_ASSUMPTIONS, PAGE_READINESS

    asked = _asked(monkeypatch, AssumptionDialog)
    path = paths.add_path("Data analysis")
    main_window.ctx.bus.changed.emit(Area.PATHS)
    tab = main_window.show_tab("pathsTab")
    tab.reload_now()
    tab.pages.setCurrentIndex(PAGE_READINESS)
    page = tab.readiness_page
    _shown(page.empty, title="Nothing to measure yet", action="New Assumption…")
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    # the belief is written on the Assumptions page
    assert len(asked) == 1 and tab.pages.currentIndex() == PAGE_ASSUMPTIONS

    paths.add_assumption(path, "Analysts spend most of their week on SQL")
    main_window.ctx.bus.changed.emit(Area.PATHS)
    tab.pages.setCurrentIndex(PAGE_READINESS)
    assert page.stack.currentWidget() is not page.empty and page.table.isVisible()
    assert page.model.rowCount() == 1


def test_no_core_question_yet_adds_the_one_selected_in_the_bank(main_window, qtbot):
    from careerpivot.services import paths
    from careerpivot.ui.tabs.paths.tab import PAGE_QUESTIONS

    tab, path, _belief = _path_with_belief(main_window)
    tab.pages.setCurrentIndex(PAGE_QUESTIONS)
    page = tab.questions_page
    _shown(page.core_empty, title="No core questions yet", action="Add to Core Questions")
    assert not page.core_warning.isVisible() and not page.core_remove_button.isVisible()
    # the bank's first question is selected, ready to add
    first = tab.bank_list.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(page.core_empty.button, Qt.MouseButton.LeftButton)
    assert [q.id for q in paths.core_questions(path)] == [first]
    assert page.core_stack.currentWidget() is page.core_list
    assert page.core_list.count() == 1 and page.core_remove_button.isVisible()
    assert "Only 1 core question" in page.core_warning.text()


def test_the_overview_lists_say_what_comes_there(main_window, qtbot, monkeypatch):
    from careerpivot.services import log
    from careerpivot.ui.dialogs.add_path import AddPathDialog
    from careerpivot.ui.tabs import interview_commands
    from careerpivot.ui.widgets.log_view import LogEntryDialog

    paths_asked = _asked(monkeypatch, AddPathDialog)
    planned: list = []
    monkeypatch.setattr(interview_commands, "plan_interview",
                        lambda *a, **k: planned.append(k) or None)
    overview = main_window.show_tab("overviewTab")
    overview.reload_now()
    agenda = overview.agenda
    _shown(agenda.agenda_empty, title="Nothing planned", action="Plan a Conversation…")
    qtbot.mouseClick(agenda.agenda_empty.button, Qt.MouseButton.LeftButton)
    assert len(planned) == 1

    main_window.show_tab("overviewTab")
    readiness = overview.readiness_page
    overview.inner_tabs.setCurrentWidget(readiness)
    qtbot.waitUntil(lambda: readiness.stack.currentWidget() is readiness.empty)
    _shown(readiness.empty, title="No paths yet", action="Add Path…")
    qtbot.mouseClick(readiness.empty.button, Qt.MouseButton.LeftButton)
    assert len(paths_asked) == 1

    main_window.show_tab("overviewTab")
    view = overview.log_view
    overview.inner_tabs.setCurrentWidget(view)
    _shown(view.empty, title="Nothing logged yet", action="Add Entry…")
    entries = _asked(monkeypatch, LogEntryDialog)
    qtbot.mouseClick(view.empty.button, Qt.MouseButton.LeftButton)
    assert len(entries) == 1
    log.add_entry("insight", "Analysts live in spreadsheets")
    view.reload()
    assert view.stack.currentWidget() is view.table and view.model.rowCount() == 1
