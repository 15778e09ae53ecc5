"""The first-steps guide as a new user meets it: a new workspace opens on five steps, each
button takes them there (with the dialog the step starts with), each step ticks itself once
done, the guide says "All set" and goes; hidden, it stays hidden until Help > Show First Steps
brings it back; the sample never shows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from careerpivot.core.first_steps import STEPS
from careerpivot.services import first_steps, interviews, network, paths
from careerpivot.ui.context import Area
from careerpivot.ui.dialogs.add_interview import AddInterviewDialog
from careerpivot.ui.dialogs.add_path import AddPathDialog
from careerpivot.ui.dialogs.assumption import AssumptionDialog
from careerpivot.ui.dialogs.contact_add import AddContactDialog
from careerpivot.ui.main_window import MainWindow
from careerpivot.ui.tabs.overview import first_steps as guide_module


@pytest.fixture
def window(main_window, qtbot):
    """The main window over a new workspace, large enough for all five steps side by side
    (the offscreen screen of the tests is 800×600: the window opens smaller)."""
    main_window.resize(1280, 800)
    qtbot.waitUntil(lambda: not guide_of(main_window).compact)
    return main_window


def guide_of(window):
    return window.tab_widgets["overviewTab"].first_steps


def button(window, step: str) -> QPushButton:
    found = window.findChild(QPushButton, f"firstStepButton_{step}")
    assert found is not None, step
    return found


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def back_to_overview(window):
    window.show_tab("overviewTab")
    return guide_of(window)


def reopened(qtbot, app_ctx, window) -> MainWindow:
    """Close ``window`` and open its workspace again in a new main window (as a restart)."""
    from careerpivot.ui.session import Session

    path = window.session.info.path
    window.close()
    session = Session()
    session.open(path, create=False)
    again = MainWindow(app_ctx, session)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    return again


def ticks(guide) -> list[str]:
    return [key for key in STEPS if guide.tiles[key].badge.text() == "✓"]


def test_a_new_workspace_opens_on_the_guide_with_five_steps_to_do(window):
    main_window = window
    guide = guide_of(main_window)
    assert main_window.tabs.currentWidget().objectName() == "overviewTab"
    assert guide.objectName() == "firstStepsGuide" and guide.isVisible()
    assert ticks(guide) == []
    assert [guide.tiles[key].badge.text() for key in STEPS] == ["1", "2", "3", "4", "5"]
    for key in STEPS:
        assert button(main_window, key).isVisible() and button(main_window, key).isEnabled()
    assert button(main_window, "path").text() == "Add Path…"  # a dialog follows
    assert button(main_window, "development").text() == "Open Development"  # none does
    assert button(main_window, "path").isDefault()  # the next step stands out
    assert "0 of 5" in guide.intro.text()
    hide = main_window.findChild(QPushButton, "hideFirstStepsButton")
    assert hide is not None and hide.isVisible()
    assert guide.sample_button.isVisible()


def test_each_button_takes_the_user_there_and_each_step_ticks_once_done(
        window, qtbot, monkeypatch):
    main_window = window
    monkeypatch.setattr(guide_module, "ALL_SET_MS", 50)
    monkeypatch.setattr(AddPathDialog, "ask", classmethod(
        lambda cls, parent=None: {"title": "Product management", "field": ""}))
    click(qtbot, button(main_window, "path"))
    assert main_window.tabs.currentWidget().objectName() == "pathsTab"
    pm, = [p.id for p in paths.list_paths()]
    guide = back_to_overview(main_window)
    assert ticks(guide) == []  # a path, but no belief about it yet
    assert button(main_window, "path").text() == "New Assumption…"

    monkeypatch.setattr(AssumptionDialog, "ask", classmethod(
        lambda cls, parent=None, title="", current=None: {
            "statement": "Roadmaps are negotiated", "category": "daily_work",
            "confidence": 60}))
    click(qtbot, button(main_window, "path"))
    paths_tab = main_window.tabs.currentWidget()
    assert paths_tab.objectName() == "pathsTab"
    assert paths_tab.pages.currentWidget() is paths_tab.assumptions_page
    guide = back_to_overview(main_window)
    assert ticks(guide) == ["path"]
    assert button(main_window, "people").isDefault()

    people = iter([{"name": "Ana", "level": "entry"}, {"name": "Bob", "level": "senior"},
                   {"name": "Cy", "level": "senior"}])
    monkeypatch.setattr(AddContactDialog, "ask", classmethod(
        lambda cls, parent=None, initial_name="": next(people)))
    for done_before in range(3):
        click(qtbot, button(main_window, "people"))
        assert main_window.tabs.currentWidget().objectName() == "networkTab"
        guide = back_to_overview(main_window)
        if done_before < 2:
            assert "people" not in ticks(guide)
            assert f"{done_before + 1} of 3 so far" in guide.tiles["people"].detail.text()
    assert ticks(guide) == ["path", "people"]

    ana = next(c.id for c in network.contact_choices() if c.name == "Ana")
    monkeypatch.setattr(AddInterviewDialog, "ask", classmethod(
        lambda cls, parent, contacts, path_choices, path_id=None, contact_id=None: {
            "contact_id": ana, "path_id": pm, "scheduled_at": "2026-03-12 10:00",
            "minutes": 30, "mode": "video"}))
    click(qtbot, button(main_window, "conversation"))
    assert main_window.tabs.currentWidget().objectName() == "interviewsTab"
    talk, = [row.id for row in interviews.list_interviews()]
    guide = back_to_overview(main_window)
    assert "conversation" not in ticks(guide)  # planned is not held
    assert button(main_window, "conversation").text() == "Open the Conversation"
    click(qtbot, button(main_window, "conversation"))
    interviews_tab = main_window.tabs.currentWidget()
    assert interviews_tab.editor.interview_id == talk

    interviews.update_interview(talk, "status", "completed")
    main_window.ctx.bus.changed.emit(Area.INTERVIEWS)
    guide = back_to_overview(main_window)
    assert ticks(guide) == ["path", "people", "conversation"]

    click(qtbot, button(main_window, "evidence"))
    interviews_tab = main_window.tabs.currentWidget()
    assert interviews_tab.objectName() == "interviewsTab"
    assert interviews_tab.editor.interview_id == talk
    assert interviews_tab.editor.pages.currentIndex() == interviews_tab.editor.PAGE_EVIDENCE
    belief, = [a.id for a in paths.list_assumptions(pm)]
    interviews.set_evidence(talk, belief, "supported", "It is all negotiation.")
    main_window.ctx.bus.changed.emit(Area.INTERVIEWS)
    guide = back_to_overview(main_window)
    assert ticks(guide) == ["path", "people", "conversation", "evidence"]

    click(qtbot, button(main_window, "development"))
    assert main_window.tabs.currentWidget().objectName() == "developmentTab"
    guide = back_to_overview(main_window)
    # the "All set" moment, then the guide goes for good
    assert guide.isVisible() and guide.title.text() == "All set"
    assert not guide.steps_row.isVisible()
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5000)
    assert first_steps.state().reason == "finished"


def test_looking_at_the_development_tab_ticks_the_last_step(main_window):
    main_window.show_tab("developmentTab")
    guide = back_to_overview(main_window)
    assert ticks(guide) == ["development"]
    assert guide.isVisible()  # the other steps are still to do


def test_hiding_the_guide_is_for_good(main_window, qtbot, app_ctx):
    click(qtbot, main_window.findChild(QPushButton, "hideFirstStepsButton"))
    assert not guide_of(main_window).isVisible()
    assert main_window.statusBar().currentMessage() == (
        "The first-steps guide is hidden for this workspace; Help > Show First Steps brings "
        "it back.")
    again = reopened(qtbot, app_ctx, main_window)
    assert again.tabs.currentWidget().objectName() == "overviewTab"
    assert not guide_of(again).isVisible()
    again.close()


def test_the_sample_workspace_shows_no_guide(demo_window):
    guide = guide_of(demo_window)
    assert not guide.isVisible()
    assert guide.state is not None and guide.state.reason == "sample"


def test_the_guide_offers_to_look_around_the_sample_first(main_window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(MainWindow, "open_sample", lambda self: opened.append(self))
    click(qtbot, guide_of(main_window).sample_button)
    assert opened == [main_window]


def test_a_step_button_works_from_the_keyboard(window, qtbot):
    main_window = window
    target = button(main_window, "development")
    assert target.focusPolicy() & Qt.FocusPolicy.TabFocus
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert main_window.tabs.currentWidget().objectName() == "developmentTab"


def test_a_small_overview_shows_the_next_step_only(window, qtbot, monkeypatch):
    guide = guide_of(window)
    window.resize(880, 520)
    qtbot.waitUntil(lambda: guide.compact)
    assert guide.next_row.isVisible() and not guide.steps_row.isVisible()
    assert "step 1 of 5" in guide.next_text.text()
    paths.add_assumption(paths.add_path("Operations"), "Shifts are rare")
    window.ctx.bus.changed.emit(Area.PATHS)
    assert "step 2 of 5" in guide.next_text.text()
    assert guide.next_button.text() == "Add Contact…"
    asked = []
    monkeypatch.setattr(AddContactDialog, "ask", classmethod(
        lambda cls, parent=None, initial_name="": asked.append(cls)))
    click(qtbot, guide.next_button)
    assert asked and window.tabs.currentWidget().objectName() == "networkTab"
    guide = back_to_overview(window)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not guide.compact)
    assert guide.steps_row.isVisible() and not guide.next_row.isVisible()


def test_three_people_at_one_level_are_told_what_is_missing(window):
    for name in ("Ana", "Bob", "Cy"):
        network.create_contact(name=name, level="mid")
    window.ctx.bus.changed.emit(Area.CONTACTS)
    guide = guide_of(window)
    assert "people" not in ticks(guide)
    assert guide.tiles["people"].detail.text() == (
        "All at one level so far: add someone more junior or more senior.")


# --- Help > Show First Steps -------------------------------------------------------------------


def help_action(window, qtbot):
    """Show First Steps as the user sees it in the Help menu (opened, then closed)."""
    from PySide6.QtCore import QPoint

    menu = window.help_menu
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    menu.close()
    action = window.findChild(type(menu.actions()[0]), "actionShowFirstSteps")
    assert action is not None and action in menu.actions()
    return action


def do_every_step() -> None:
    pm = paths.add_path("Product management")
    belief = paths.add_assumption(pm, "Roadmaps are negotiated")
    ana, _bob, _cy = (network.create_contact(name=name, level=level)
                      for name, level in (("Ana", "mid"), ("Bob", "lead"), ("Cy", "mid")))
    talk = interviews.create_interview(ana, pm, "2026-03-02 10:00", status="completed")
    interviews.set_evidence(talk, belief, "supported", "It is all negotiation.")
    first_steps.mark_development_seen()


def test_show_first_steps_brings_a_hidden_guide_back_and_it_stays(window, qtbot, app_ctx):
    assert help_action(window, qtbot).isChecked()  # (the guide shows)
    click(qtbot, window.findChild(QPushButton, "hideFirstStepsButton"))
    window.show_tab("networkTab")
    action = help_action(window, qtbot)
    assert action.isEnabled() and not action.isChecked()
    assert action.text() == "Show &First Steps"

    action.trigger()
    assert window.tabs.currentWidget().objectName() == "overviewTab"
    guide = guide_of(window)
    assert guide.isVisible() and guide.steps_row.isVisible() and ticks(guide) == []
    assert help_action(window, qtbot).isChecked()
    assert first_steps.state().shown
    # the keyboard is at the next step (the window's focus: the closed menu may still be the
    # active window of the offscreen platform)
    assert window.focusWidget() is guide.tiles["path"].button

    # kept in the workspace, as the hiding was
    again = reopened(qtbot, app_ctx, window)
    assert guide_of(again).isVisible()
    assert help_action(again, qtbot).isChecked()
    again.close()


def test_unticking_show_first_steps_hides_the_guide(window, qtbot):
    action = help_action(window, qtbot)
    assert action.isChecked()
    action.trigger()
    assert not guide_of(window).isVisible() and first_steps.state().reason == "hidden"
    assert not help_action(window, qtbot).isChecked()


def test_a_finished_guide_comes_back_with_every_step_ticked(window, qtbot, monkeypatch):
    monkeypatch.setattr(guide_module, "ALL_SET_MS", 50)
    do_every_step()
    window.ctx.bus.changed.emit(Area.ALL)
    guide = guide_of(window)
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5000)  # after its "All set"
    assert first_steps.state().reason == "finished"
    assert not help_action(window, qtbot).isChecked()
    help_action(window, qtbot).trigger()
    assert guide.isVisible() and guide.steps_row.isVisible()
    assert ticks(guide) == list(STEPS)
    assert not any(guide.tiles[key].button.isVisible() for key in STEPS)
    assert guide.intro.text().startswith("All five steps are done")
    assert not guide.sample_button.isVisible()
    hide = window.findChild(QPushButton, "hideFirstStepsButton")
    assert hide.isVisible() and hide.text() == "Hide the Guide" and hide.hasFocus()

    window.resize(880, 520)  # the compact card says it in words too: no next step to show
    qtbot.waitUntil(lambda: guide.compact)
    assert guide.intro.isVisible() and not guide.next_row.isVisible()

    click(qtbot, hide)
    assert not guide.isVisible() and first_steps.state().reason == "hidden"


def test_a_guide_asked_for_again_says_all_set_when_its_last_step_is_done(window, qtbot,
                                                                          monkeypatch):
    monkeypatch.setattr(guide_module, "ALL_SET_MS", 50)
    click(qtbot, window.findChild(QPushButton, "hideFirstStepsButton"))
    help_action(window, qtbot).trigger()
    guide = guide_of(window)
    do_every_step()
    window.ctx.bus.changed.emit(Area.ALL)
    assert guide.title.text() == "All set"
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5000)
    assert first_steps.state().reason == "finished"
    help_action(window, qtbot).trigger()  # and back again, from the "All set" card too
    assert guide.isVisible() and guide.title.text().startswith("Welcome to CareerPivot")
    assert ticks(guide) == list(STEPS)


def test_the_sample_workspace_offers_no_first_steps(demo_window, qtbot):
    action = help_action(demo_window, qtbot)
    assert not action.isEnabled() and not action.isChecked()
