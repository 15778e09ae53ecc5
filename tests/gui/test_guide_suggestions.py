"""The guide built from the gaps, as a person uses it: "Suggest questions from the gaps" adds
the questions for what is still uncertain, each says what it targets, and one undo takes them
all back."""

from __future__ import annotations

import datetime as dt

from gui_steps import open_interview
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from careerpivot.core import clock as app_clock
from careerpivot.services import guide_gaps, interviews, network, paths
from careerpivot.ui.context import Area


def _workspace():
    """A path with two core questions and two beliefs, one held conversation that supports
    one of them and mentions a skill, and a conversation entered after it happened (its
    guide has the core questions only)."""
    today = app_clock.today()
    path = paths.add_path("Product management")
    paths.set_core_questions(path, [q.id for q in paths.list_questions()[:2]])
    pay = paths.add_assumption(path, "Pay rises fast in the first two years", "pay")
    paths.add_assumption(path, "Most of the week is meetings", "daily_work")
    ana = network.create_contact(name="Ana Souza", organization="Acme", level="mid")
    bob = network.create_contact(name="Bob Ode", organization="Globex", level="senior")
    earlier = (today - dt.timedelta(days=20)).isoformat()
    talk = interviews.create_interview(ana, path, earlier, status="completed")
    interviews.set_evidence(talk, pay, "supported", "It did for me")
    interviews.add_mention(talk, "Roadmapping", 3)
    recorded = interviews.create_interview(bob, path, (today - dt.timedelta(days=2))
                                           .isoformat())
    return path, recorded, interviews.create_interview(bob, None, "")


def test_suggest_adds_marked_questions_in_one_undo_step(main_window, qtbot):
    _path, recorded, pathless = _workspace()
    main_window.ctx.bus.changed.emit(Area.ALL)
    tab = main_window.show_tab("interviewsTab")
    open_interview(qtbot, tab, recorded)
    editor = tab.editor
    editor.show_page(editor.PAGE_GUIDE)
    guide = editor.guide
    button = guide.findChild(QPushButton, "suggestGapQuestionsButton")
    assert button is guide.suggest and button.isEnabled()
    assert len(guide.blocks) == 2 and not guide.findChildren(QLabel, "gapTarget")

    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # keyboard-reachable, as a click is
    qtbot.waitUntil(lambda: len(guide.blocks) == 5)
    targets = [b.target.text() if b.target else None for b in guide.blocks]
    assert targets == [
        None, None, "Targets the assumption “Most of the week is meetings”",
        "Targets the assumption “Pay rises fast in the first two years”",
        "Targets the skill Roadmapping"]
    assert guide.blocks[4].question.text() == (
        "How much does Roadmapping matter in your work, and how did you learn it?")
    assert "Pay rises fast" in guide.blocks[3].target.toolTip()
    assert editor.pages.tabText(editor.PAGE_GUIDE) == "&Guide (0/5)"

    # asking again adds nothing and says why
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(guide.blocks) == 5
    assert guide.error.isVisible() and "already in this guide" in guide.error.text()

    # one undo takes the three back, redo brings them again, still marked
    main_window.actions.undo.trigger()
    qtbot.waitUntil(lambda: len(guide.blocks) == 2)
    assert len(interviews.get_interview(recorded).answers) == 2
    main_window.actions.redo.trigger()
    qtbot.waitUntil(lambda: len(guide.blocks) == 5)
    assert sorted(m.target for m in guide_gaps.guide_marks(recorded).values()) == [
        "Most of the week is meetings", "Pay rises fast in the first two years",
        "Roadmapping"]
    assert [b.target.objectName() for b in guide.blocks if b.target] == ["gapTarget"] * 3

    # a conversation without a path has no gaps to ask about
    open_interview(qtbot, tab, pathless)
    assert not guide.suggest.isEnabled()
    assert "Choose a path" in guide.suggest.toolTip()


def test_a_planned_conversation_shows_its_proposals_marked(main_window, qtbot):
    path, _recorded, _pathless = _workspace()
    ahead = (app_clock.today() + dt.timedelta(days=3)).isoformat() + " 10:00"
    newcomer = network.create_contact(name="Noor Haddad", organization="Gamma")
    planned = interviews.create_interview(newcomer, path, ahead)
    main_window.ctx.bus.changed.emit(Area.ALL)
    tab = main_window.show_tab("interviewsTab")
    open_interview(qtbot, tab, planned)
    guide = tab.editor.guide
    assert [b.target is not None for b in guide.blocks] == [False, False, True, True, True]
    # removing a proposed question is an ordinary removal; suggesting brings it back
    qtbot.mouseClick(guide.blocks[2].remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(guide.blocks) == 4)
    qtbot.mouseClick(guide.suggest, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(guide.blocks) == 5)
    assert guide.blocks[4].target.text() == (
        "Targets the assumption “Most of the week is meetings”")
