"""Held conversations in the interview editor, as a person uses them: the person as they were
when it was held, corrected on Details and shown in the Paths tab's evidence; holding a
conversation as an undo step of its own; and the levels of a skill first named in one."""

from __future__ import annotations

import datetime as dt

from gui_steps import choose, open_interview
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from careerpivot.core import clock as app_clock
from careerpivot.services import development, interviews, log, network, paths
from careerpivot.ui.context import Area
from careerpivot.ui.dialogs.skill_levels import SkillLevelsDialog
from careerpivot.ui.itemmodels import assumptions as am
from careerpivot.ui.widgets.interview_editor.held import HoldQuestion


def retype_and_leave(qtbot, line_edit, text):
    """Replace a line's text by typing, then press Tab to move on (which stores it)."""
    window = line_edit.window()
    if not window.isActiveWindow():  # focus changes only reach an active window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Tab)


def _belief():
    path = paths.add_path("Data analysis")
    return path, paths.add_assumption(path, "SQL is used every day")


def test_the_person_as_they_were_when_held_is_corrected_on_details(main_window, qtbot):
    path, assumption = _belief()
    ana = network.create_contact(name="Ana Souza", organization="Acme", role="Analyst",
                                 level="mid")
    today = app_clock.today()
    held = interviews.create_interview(ana, path, str(today - dt.timedelta(days=3)),
                                       status="completed")
    interviews.set_evidence(held, assumption, "supported", "Every morning.")
    planned = interviews.create_interview(ana, path, f"{today + dt.timedelta(days=2)} 10:00")
    main_window.ctx.bus.changed.emit(Area.ALL)

    # Not held yet: the fields wait, saying when they are filled.
    editor = open_interview(qtbot, main_window, planned)
    editor.show_page(editor.PAGE_DETAILS)
    details = editor.details
    assert details.held_organization.objectName() == "heldOrganizationEdit"
    assert details.held_role.objectName() == "heldRoleEdit"
    assert details.held_level.objectName() == "heldLevelCombo"
    assert not any(e.isEnabled() for e in details.held_editors)
    assert "when the conversation is marked held" in details.held_hint.text()

    # Held: Ana as she was then, corrected by hand, one undo step per edit.
    editor = open_interview(qtbot, main_window, held)
    assert all(e.isEnabled() for e in details.held_editors)
    assert (details.held_organization.text(), details.held_role.text(),
            details.held_level.currentData()) == ("Acme", "Analyst", "mid")
    retype_and_leave(qtbot, details.held_organization, "Acme Retail")
    qtbot.waitUntil(lambda: interviews.get_interview(held).held_organization == "Acme Retail")
    choose(qtbot, details.held_level, "senior")
    qtbot.waitUntil(lambda: interviews.get_interview(held).held_level == "senior")
    assert network.get_contact(ana).organization == "Acme"  # her card is not changed

    # The Paths tab's evidence shows the person as recorded for the conversation.
    paths_tab = main_window.show_tab("pathsTab")
    paths_tab.select_assumption(assumption)
    evidence = paths_tab.evidence_model
    qtbot.waitUntil(lambda: evidence.rowCount() == 1)
    assert evidence.index(0, am.E_ORGANIZATION).data() == "Acme Retail"
    assert evidence.index(0, am.E_LEVEL).data() == "Senior"

    main_window.actions.undo.trigger()
    assert interviews.get_interview(held).held_level == "mid"
    main_window.actions.undo.trigger()
    assert interviews.get_interview(held).held_organization == "Acme"
    editor = open_interview(qtbot, main_window, held)
    assert details.held_organization.text() == "Acme"


def test_holding_a_conversation_is_an_undo_step_of_its_own(main_window, qtbot, monkeypatch):
    path, assumption = _belief()
    ana = network.create_contact(name="Ana Souza", organization="Acme", level="mid")
    planned_day = app_clock.today() + dt.timedelta(days=2)  # ahead, whatever the day
    talk = interviews.create_interview(ana, path, f"{planned_day} 14:30")
    stage = network.get_contact(ana).stage
    main_window.ctx.bus.changed.emit(Area.ALL)
    editor = open_interview(qtbot, main_window, talk)
    editor.show_page(editor.PAGE_EVIDENCE)
    qtbot.waitUntil(lambda: editor.evidence.row_for(assumption) is not None)

    monkeypatch.setattr(HoldQuestion, "ask", classmethod(lambda cls, parent, offer: True))
    choose(qtbot, editor.evidence.row_for(assumption).verdict, "supported")
    qtbot.waitUntil(lambda: bool(interviews.get_interview(talk).evidence))
    assert interviews.get_interview(talk).row.status == "completed"
    assert len(log.list_entries(interview_id=talk, kind="action")) == 2

    undo, redo = main_window.actions.undo, main_window.actions.redo
    # Undoing the verdict leaves the conversation held.
    undo.trigger()
    detail = interviews.get_interview(talk)
    assert detail.evidence == () and detail.row.status == "completed"
    assert detail.held_organization == "Acme"
    assert main_window.ctx.undo.undoText() == "marking a conversation as held"
    # Undoing again puts back the status, the date, the person and the follow-up actions.
    undo.trigger()
    detail = interviews.get_interview(talk)
    assert (detail.row.status, detail.row.scheduled_at) == ("scheduled", f"{planned_day} 14:30")
    assert (detail.held_organization, detail.held_role, detail.held_level) == ("", "", "")
    assert log.list_entries(interview_id=talk, kind="action") == []
    assert network.get_contact(ana).stage == stage
    qtbot.waitUntil(lambda: editor.details.status.currentData() == "scheduled")
    assert not editor.details.held_organization.isEnabled()

    redo.trigger()
    redo.trigger()
    detail = interviews.get_interview(talk)
    assert detail.row.status == "completed" and detail.row.scheduled_at[:10] == str(
        app_clock.today())
    assert [(e.assumption_id, e.verdict) for e in detail.evidence] == [(assumption,
                                                                        "supported")]


def test_the_first_mention_of_a_new_skill_asks_for_its_levels(main_window, qtbot,
                                                              monkeypatch):
    development.add_skill("SQL", current_level=1, target_level=2)
    ana = network.create_contact(name="Ana Souza", organization="Acme")
    talk = interviews.create_interview(ana, None, str(app_clock.today()), status="completed")
    main_window.ctx.bus.changed.emit(Area.ALL)
    editor = open_interview(qtbot, main_window, talk)
    editor.show_page(editor.PAGE_SKILLS)
    mentions = editor.mentions

    def mention(name: str, count: int) -> None:
        mentions.name.setFocus()
        qtbot.keyClicks(mentions.name, name)
        qtbot.keyClick(mentions.name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: mentions.model.rowCount() == count)

    asked: list[str] = []
    monkeypatch.setattr(SkillLevelsDialog, "ask", classmethod(
        lambda cls, parent, name: asked.append(name) or (1, 3)))
    mention("  Negotiation ", 1)
    assert asked == ["Negotiation"]
    negotiation = development.get_skill(development.skill_named("negotiation"))
    assert (negotiation.current_level, negotiation.target_level) == (1, 3)

    # Skipped: the skill is not assessed.
    monkeypatch.setattr(SkillLevelsDialog, "ask", classmethod(
        lambda cls, parent, name: asked.append(name) or None))
    mention("Figma", 2)
    assert asked == ["Negotiation", "Figma"]
    figma = development.get_skill(development.skill_named("figma"))
    assert (figma.current_level, figma.target_level) == (None, None)
    ranked = {r.name: r for r in development.ranked_skills()}
    assert ranked["Figma"].explanation.endswith("levels not set")

    # An existing skill, in any spelling, never asks.
    def fail(cls, parent, name):
        raise AssertionError(f"asked for the levels of {name!r}")

    monkeypatch.setattr(SkillLevelsDialog, "ask", classmethod(fail))
    mention("sql", 3)
    sql = development.get_skill(development.skill_named("SQL"))
    assert (sql.current_level, sql.target_level) == (1, 2)

    # The levels are an undo step of their own, after the mention's.
    undo = main_window.actions.undo
    undo.trigger()  # the SQL mention
    undo.trigger()  # the Figma mention
    undo.trigger()  # Negotiation's levels
    negotiation = development.get_skill(negotiation.id)
    assert (negotiation.current_level, negotiation.target_level) == (None, None)
    assert len(interviews.get_interview(talk).mentions) == 1


def test_the_levels_dialog_offers_the_levels_and_a_skip(qtbot):
    dialog = SkillLevelsDialog(None, "Negotiation")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "skillLevelsDialog"
    assert "Negotiation" in dialog.findChild(QLabel, "skillLevelsIntro").text()
    names = [dialog.current.itemText(i) for i in range(dialog.current.count())]
    assert names == ["0 none", "1 beginner", "2 working", "3 advanced", "4 expert"]
    assert dialog.levels() == (0, 3)
    choose(qtbot, dialog.target, 4)
    assert dialog.levels() == (0, 4)
    dialog.show()
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    skipping = SkillLevelsDialog(None, "Figma")
    qtbot.addWidget(skipping)
    assert "set later" in skipping.skip_button.text()
    skipping.show()
    qtbot.keyClick(skipping, Qt.Key.Key_Escape)  # Escape skips too
    assert skipping.result() == QDialog.DialogCode.Rejected
