"""Button and menu labels end with "…" exactly where a dialog follows that asks something (a
form to fill, a file to choose, a choice to confirm), and nowhere else: a person can tell a
command that acts at once from one that asks first. Information windows (About, where the data
lives) and menus take no ellipsis.

The commands that ask are listed here by object name and label; every labelled button and
action of the main window, over the sample workspace with every tab and editor built, is
checked against the list (so a new button must be named, and its label follow the rule)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))")

#: (object name, label without the mnemonic and the ellipsis) of every command that opens a
#: dialog which asks something.
ASKS: frozenset[tuple[str, str]] = frozenset({
    # Overview
    ("weeklyReviewButton", "Weekly Review"), ("weeklyReviewStart", "Start Review"),
    ("dueMessageButton", "Write Message"), ("dueEmptyButton", "Plan a Conversation"),
    ("logAddButton", "Add Entry"), ("logAddActionButton", "Add Action"),
    ("logEditButton", "Edit"), ("logEmptyButton", "Add Entry"),
    ("agendaEmptyButton", "Plan a Conversation"), ("overviewReadinessEmptyButton", "Add Path"),
    ("assumptionChartEmptyButton", "Add Path"),
    ("assumptionChartEmptyButton", "New Assumption"),
    *((name, label) for name in ("firstStepButton_path", "firstStepNextButton")
      for label in ("Add Path", "New Assumption")),
    ("firstStepButton_people", "Add Contact"), ("firstStepNextButton", "Add Contact"),
    ("firstStepButton_conversation", "Plan a Conversation"),
    ("firstStepNextButton", "Plan a Conversation"),
    ("pipelineChartEmptyButton", "Add Contact"),
    # Paths
    ("addPathButton", "Add Path"), ("deletePathButton", "Delete"),
    ("pathsEmptyStateButton", "Add Path"),
    ("addAssumptionButton", "New Assumption"), ("editAssumptionButton", "Change"),
    ("deleteAssumptionButton", "Delete"), ("assumptionsEmptyStateButton", "New Assumption"),
    ("newQuestionButton", "New Question"), ("addCriterionButton", "New Criterion"),
    ("askNextWriteButton", "Write Request"), ("askNextPlanButton", "Plan Conversation"),
    ("askNextEmptyButton", "New Assumption"), ("askNextEmptyButton", "Add Contact"),
    ("readinessEmptyButton", "New Assumption"), ("evidenceEmptyButton", "Plan a Conversation"),
    # Network
    ("addContactButton", "Add Contact"), ("deleteContactButton", "Delete"),
    ("mergeContactsButton", "Merge"), ("networkEmptyStateButton", "Add Contact"),
    # Interviews
    ("newInterviewButton", "New Interview"), ("interviewsEmptyStateButton", "New Interview"),
    ("deleteInterviewButton", "Delete"), ("deleteInterviewAction", "Delete Interview"),
    ("addIntroductionButton", "Add Introduction"),
    # Development
    ("addSkillButton", "Add Skill"), ("deleteSkillButton", "Delete Skill"),
    ("developmentEmptyStateButton", "Add Skill"),
    ("strengthsEmptyStateButton", "Add a Strength"),
    ("addLearningButton", "Add Learning"), ("deleteLearningButton", "Delete Item"),
    ("learningEmptyStateButton", "Add Learning"),
    ("addLearningForSkillButton", "Add Learning for This Skill"),
    # Summary
    ("exportSummaryButton", "Export PDF"), ("printSummaryButton", "Print"),
    # the menus
    ("actionNew", "New Workspace"), ("actionOpen", "Open Workspace"),
    ("actionImport", "Import"), ("actionRestore", "Restore From Backup"),
    ("actionFind", "Find"), ("actionWeeklyReview", "Weekly Review"),
    ("actionPrint", "Print"),
    ("actionExportSummaryPdf", "Export Summary as PDF"),
    ("actionExportPrepPdf", "Export Interview Prep Sheet as PDF"),
    ("actionExportPlanPdf", "Export Plan as PDF"),
    ("actionExportAllCsv", "All Lists as CSV"), ("actionExportIcs", "Calendar (.ics)"),
    ("actionExportVcf", "Contacts (.vcf)"), ("actionExportJson", "Full Export (.json)"),
    *((f"actionExportCsv_{table}", f"{title} as CSV") for table, title in (
        ("contacts", "Contacts"), ("interviews", "Interviews"),
        ("assumptions", "Assumptions"), ("skills", "Skills"), ("learning", "Learning"),
        ("milestones", "Milestones"), ("log", "Log"))),
})


def _label(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _commands(window) -> list[tuple[str, str]]:
    """(object name, label) of every labelled button and action of the window."""
    found = []
    for button in window.findChildren(QAbstractButton):
        if button.text() and button.metaObject().className() in ("QPushButton",
                                                                 "QToolButton"):
            found.append((button.objectName(), _label(button.text())))
    for action in window.findChildren(QAction):
        if action.text() and not action.isSeparator() and action.menu() is None:
            found.append((action.objectName(), _label(action.text())))
    return found


def _build_everything(window) -> None:
    """Show every tab, and the editors that are built when first needed."""
    from careerpivot.services import development
    from careerpivot.ui.tabs import specs

    for tab in specs.TABS:
        window.show_tab(tab.name)
    window.show_item("learning", development.list_learning()[0].id)
    window.show_item("skill", development.list_skills()[0].id)


#: Commands a new workspace shows (its empty states) and the sample does not.
NEW_WORKSPACE_ONLY = frozenset({
    ("pathsEmptyStateButton", "Add Path"), ("networkEmptyStateButton", "Add Contact"),
    ("interviewsEmptyStateButton", "New Interview"),
    ("developmentEmptyStateButton", "Add Skill"), ("learningEmptyStateButton", "Add Learning"),
    ("assumptionChartEmptyButton", "Add Path"), ("pipelineChartEmptyButton", "Add Contact"),
    ("firstStepButton_path", "Add Path"), ("firstStepNextButton", "Add Path"),
    ("firstStepButton_people", "Add Contact"),
    ("firstStepButton_conversation", "Plan a Conversation"),
})
#: Commands of states neither workspace is in when the test looks.
ELSEWHERE = frozenset({
    ("assumptionChartEmptyButton", "New Assumption"),  # paths without beliefs
    ("firstStepButton_path", "New Assumption"),  # a path without beliefs
    ("firstStepNextButton", "New Assumption"),
    ("firstStepNextButton", "Add Contact"),  # the steps after the first
    ("firstStepNextButton", "Plan a Conversation"),
    ("askNextEmptyButton", "New Assumption"),  # a path without beliefs
    ("askNextEmptyButton", "Add Contact"),  # beliefs nobody new could test
    ("evidenceEmptyButton", "Plan a Conversation"),  # a belief of a path never discussed
    ("logEmptyButton", "Add Entry"),  # an empty log, once its page is shown
})


def _wrong_labels(window) -> set[tuple[str, str]]:
    seen = set()
    wrong = []
    for name, label in _commands(window):
        assert name, f"the button or action “{label}” has no object name"
        asks = (name, label.removesuffix("…")) in ASKS
        if asks != label.endswith("…"):
            wrong.append((name, label))
        seen.add((name, label.removesuffix("…")))
    assert not wrong, f"labels that break the rule (a dialog follows ⇔ “…”): {wrong}"
    return seen


def test_an_ellipsis_ends_exactly_the_labels_of_commands_that_ask(demo_window):
    _build_everything(demo_window)
    seen = _wrong_labels(demo_window)
    # and the list names real commands
    assert ASKS - NEW_WORKSPACE_ONLY - ELSEWHERE - seen == set()


def test_a_new_workspace_labels_its_first_steps_alike(main_window, qtbot):
    from careerpivot.ui.tabs import specs

    for tab in specs.TABS:
        main_window.show_tab(tab.name).reload_now()
    overview = main_window.show_tab("overviewTab")
    qtbot.waitUntil(lambda: overview.charts is not None and overview.charts.data is not None,
                    timeout=10000)
    seen = _wrong_labels(main_window)
    assert NEW_WORKSPACE_ONLY - seen == set()
