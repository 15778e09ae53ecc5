"""The weekly review as a person uses it: the Overview reminds them when a week has gone by, the
review walks through the week, and saving it puts the decisions in the tracking log."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt

from careerpivot.services import log, review
from careerpivot.ui.dialogs.weekly_review import DISCARD, KEEP, STAY, WeeklyReviewDialog

#: Showing a dialog on the offscreen platform warns about window-manager features it lacks.
offscreen_dialog = pytest.mark.qt_log_ignore(r"This plugin does not support")


def overview_tab(window):
    return window.tab_widgets["overviewTab"]


@pytest.fixture
def nine_days_on(clock, demo_window):
    """The sample workspace two days after it was built: its last review (a week before the
    build) is 9 days old."""
    clock.set_today(clock.today() + _dt.timedelta(days=2))
    tab = overview_tab(demo_window)
    tab.reload_now()
    return tab


def open_review(window, qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog, = (d for d in window.findChildren(WeeklyReviewDialog) if d.isVisible())
    assert not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10000)
    return dialog


def test_the_reminder_shows_only_when_the_last_review_is_over_a_week_old(clock, demo_window):
    tab = overview_tab(demo_window)
    banner = tab.review_prompt.reminder
    assert banner.objectName() == "weeklyReviewReminder"
    assert not banner.isVisible()  # the sample's last review is exactly a week old
    assert tab.review_prompt.button.isVisible()
    clock.set_today(clock.today() + _dt.timedelta(days=2))
    tab.reload_now()
    assert banner.isVisible()
    assert tab.review_prompt.reminder_text.text() == "Your last weekly review was 9 days ago —"
    assert tab.review_prompt.start_button.text() == "Start Review…"


@offscreen_dialog
def test_the_review_walks_through_the_week_and_saves_to_the_log(nine_days_on, demo_window,
                                                                qtbot, app_ctx, clock):
    tab = nine_days_on
    dialog = open_review(demo_window, qtbot, tab.review_prompt.start_button)
    assert dialog.objectName() == "weeklyReviewDialog"
    assert "9 days ago" in dialog.intro.text()
    titles = [dialog.steps.item(i).text() for i in range(dialog.steps.count())]
    assert titles[0].startswith("1. Done and due") and titles[-1] == "5. Your decisions"
    # the steps, with Next: the follow-ups due, the evidence that moved, what to learn, ...
    assert dialog.stack.currentIndex() == 0 and not dialog.back_button.isEnabled()
    assert dialog.due_list.topLevelItemCount() == len(dialog.data.due) > 0
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    changes = [dialog.changes_list.topLevelItem(i).text(2)
               for i in range(dialog.changes_list.topLevelItemCount())]
    assert "supported → settled" in changes
    assert dialog.skills_list.topLevelItem(0).text(0) == dialog.data.new_skills[0].name
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.learn_list.topLevelItem(0).text(0).startswith("1. ")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "Overdue by 7 days" in dialog.milestones_list.topLevelItem(0).text(3)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 4 and not dialog.next_button.isEnabled()
    assert "Weekly review" in dialog.summary.toPlainText()

    qtbot.keyClicks(dialog.decisions, "Ask Isabel about pay before Friday.")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.decisions, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = log.get_entry(saved.args[0])
    assert entry.kind == "review" and entry.entry_date == clock.today()
    assert entry.text.startswith("Ask Isabel about pay before Friday.\n\nWeekly review ")
    assert "supported → settled" in entry.text
    # the log shows the new entry, and the reminder is gone
    assert tab.inner_tabs.currentWidget() is tab.log_view
    assert tab.log_view.current_entry().id == entry.id
    assert not tab.review_prompt.reminder.isVisible()
    assert review.draft() == ""
    # Edit > Undo takes the entry back out, and the reminder returns
    app_ctx.undo.undo()
    assert review.reminder().overdue and tab.review_prompt.reminder.isVisible()
    assert entry.id not in [e.id for e in log.list_entries(kind="review")]


@offscreen_dialog
def test_a_review_without_decisions_is_not_saved(nine_days_on, demo_window, qtbot):
    dialog = open_review(demo_window, qtbot, nine_days_on.review_prompt.button)
    before = len(log.list_entries(kind="review"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.stack.currentIndex() == 4
    assert not dialog.error.isHidden() and "no change this week" in dialog.error.text()
    assert len(log.list_entries(kind="review")) == before
    qtbot.keyClicks(dialog.decisions, "No")
    assert dialog.error.isHidden()


@offscreen_dialog
def test_cancel_asks_before_the_typed_decisions_go(nine_days_on, demo_window, qtbot,
                                                    monkeypatch):
    answers = [STAY, KEEP, DISCARD]
    asked = []
    monkeypatch.setattr(WeeklyReviewDialog, "confirm_close",
                        classmethod(lambda cls, parent: asked.append(1) or answers.pop(0)))
    dialog = open_review(demo_window, qtbot, nine_days_on.review_prompt.button)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert not asked and not dialog.isVisible()

    dialog = open_review(demo_window, qtbot, nine_days_on.review_prompt.button)
    qtbot.keyClicks(dialog.decisions, "Drop the Lean course")
    # what is typed is kept in the workspace as it is typed, before any question
    qtbot.waitUntil(lambda: review.draft() == "Drop the Lean course")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # stay
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # keep for later
    assert not dialog.isVisible() and review.draft() == "Drop the Lean course"
    dialog = open_review(demo_window, qtbot, nine_days_on.review_prompt.button)
    assert dialog.decisions.toPlainText() == "Drop the Lean course"  # the draft came back
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # discard
    assert not dialog.isVisible() and review.draft() == "" and len(asked) == 3


@offscreen_dialog
def test_an_item_of_the_review_opens_in_its_tab(nine_days_on, demo_window, qtbot, app_ctx):
    dialog = open_review(demo_window, qtbot, nine_days_on.review_prompt.button)
    dialog.go(1)
    first = dialog.changes_list.topLevelItem(0)
    dialog.changes_list.setCurrentItem(first)
    with qtbot.waitSignal(app_ctx.bus.show_item) as shown:
        qtbot.keyClick(dialog.changes_list, Qt.Key.Key_Return)
    assert shown.args == ["assumption", dialog.data.changes[0].assumption_id]
    assert demo_window.tabs.currentWidget() is demo_window.tab_widgets["pathsTab"]
    assert dialog.isVisible()  # the review stays open beside the window


def test_the_menu_and_the_overview_button_open_the_review(demo_window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(WeeklyReviewDialog, "ask",
                        classmethod(lambda cls, ctx, parent: opened.append(parent)))
    action = demo_window.weekly_review_action
    assert action.objectName() == "actionWeeklyReview"
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    tab = overview_tab(demo_window)
    qtbot.mouseClick(tab.review_prompt.button, Qt.MouseButton.LeftButton)
    assert opened == [demo_window, tab]
