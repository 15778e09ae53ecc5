"""What the Development tab's inspector shows while nothing is chosen: on a new workspace an
empty state that says where skills come from and offers to add one, which gives way to the
skill's page once a skill is chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from careerpivot.ui.dialogs.add_skill import AddSkillDialog
from careerpivot.ui.widgets.empty_state import EmptyState

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))")


@pytest.fixture
def tab(main_window):
    tab = main_window.show_tab("developmentTab")
    tab.reload_now()
    return tab


def _inspector_empty(tab) -> EmptyState:
    state = tab.inspector.findChild(EmptyState, "developmentInspectorEmpty")
    assert state is not None
    return state


def _answer(monkeypatch, name: str) -> list:
    asked: list = []

    def ask(parent, *, initial_name="", **extra):
        asked.append(extra)
        return {"name": name, "kind": "technical", "current_level": 1, "target_level": 3,
                "transferable": False}

    monkeypatch.setattr(AddSkillDialog, "ask", ask)
    return asked


def test_a_new_workspace_says_where_skills_come_from(tab):
    state = _inspector_empty(tab)
    assert state.isVisible()
    assert tab.inspector.currentWidget() is tab.skill_page
    assert state.title() == "No skill chosen"
    assert "conversations" in state.text() and "by hand" in state.text()
    # one Add Skill… beside it is enough: the empty list's
    assert not state.button.isVisible()
    listed = tab.findChild(EmptyState, "developmentEmptyState")
    assert listed is not None and listed.button.isVisible()
    assert listed.button.text() == "Add Skill…"
    # the learning page says what belongs there too
    learning = tab.inspector.findChild(EmptyState, "learningInspectorEmpty")
    assert learning is not None and learning.text() and not learning.button.isVisible()


def test_a_skill_added_from_the_empty_list_takes_the_inspectors_place(tab, qtbot, monkeypatch):
    asked = _answer(monkeypatch, "SQL")
    state = _inspector_empty(tab)
    listed = tab.findChild(EmptyState, "developmentEmptyState")
    qtbot.mouseClick(listed.button, Qt.MouseButton.LeftButton)
    assert asked == [{}]  # a skill to learn, not a strength
    assert tab.development_list.model().rowCount() == 1
    # the new skill is chosen: its page replaces the empty state
    assert not state.isVisible()
    assert tab.skill_page.skill_id is not None
    assert tab.skill_heading.isVisible() and tab.skill_heading.text() == "SQL"


def test_with_skills_but_none_chosen_it_asks_to_pick_one_then_gives_way(tab, qtbot,
                                                                       monkeypatch):
    _answer(monkeypatch, "SQL")
    qtbot.mouseClick(tab.add_skill_button, Qt.MouseButton.LeftButton)
    tab.skill_page.show_skill(None)
    state = _inspector_empty(tab)
    assert state.isVisible()
    assert "Pick a skill in the list" in state.text()
    assert not state.button.isVisible()  # nothing to add: the list is there
    # choosing the skill in the list shows its page
    tab.development_list.selectionModel().clearSelection()
    tab.development_list.selectRow(0)
    assert not state.isVisible()
    assert tab.skill_heading.isVisible() and tab.skill_heading.text() == "SQL"
