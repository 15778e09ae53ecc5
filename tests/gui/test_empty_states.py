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
    assert tab.list_stack.currentWidget() is state
    assert state.text().startswith("No interview matches")
    assert state.button.text() == "Clear Filters"
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert tab.search.text() == "" and tab.list_stack.currentWidget() is tab.table

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
