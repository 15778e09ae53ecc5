"""The Development tab as a person uses it: the ranked list and its reasons, levels edited in
place, strengths shown apart, the kind filter, learning items and experiments with their
editor, validation next to the field, delete and undo."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from careerpivot.core import vocab
from careerpivot.services import development, interviews
from careerpivot.ui.dialogs.add_learning import AddLearningDialog
from careerpivot.ui.dialogs.add_skill import AddSkillDialog
from careerpivot.ui.dialogs.development_delete import ConfirmDevelopmentDelete
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.itemmodels import skills as sm

# What the offscreen platform cannot do (a real display can): not a problem of the tab.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))")


@pytest.fixture
def tab(qtbot, app_ctx, demo_workspace):
    """The Development tab alone over a copy of the sample workspace."""
    from careerpivot.ui.tabs.development import DevelopmentTab

    widget = DevelopmentTab(app_ctx)
    widget.setObjectName("developmentTab")
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.flush_edits()


@pytest.fixture
def empty_tab(qtbot, app_ctx, workspace):
    from careerpivot.ui.tabs.development import DevelopmentTab

    widget = DevelopmentTab(app_ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(model) -> list[str]:
    return [model.index(r, sm.SKILL).data() for r in range(model.rowCount())]


def skill_id(name: str) -> int:
    return next(r.id for r in development.list_skills() if r.name == name)


def learning_id(title: str) -> int:
    return next(r.id for r in development.list_learning() if r.title.startswith(title))


def edit_level_in_place(qtbot, table, row: int, column: int, level: int) -> None:
    """Select the cell, press F2, pick the level from the list that opens, press Enter."""
    index = table.model().index(row, column)
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(index)
    assert isinstance(editor, QComboBox)
    qtbot.waitUntil(lambda: editor.view().isVisible())
    view = editor.view()
    view.setCurrentIndex(view.model().index(editor.findData(level), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)


def type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


# --- the ranked list -----------------------------------------------------------------------


def test_the_list_says_what_to_learn_first_and_why(tab):
    table = tab.findChild(type(tab.development_list), "developmentList")
    model = table.model()
    ranked = [r for r in development.ranked_skills() if not r.transferable]
    assert names(model) == [r.name for r in ranked]
    first = ranked[0]
    assert model.index(0, sm.RANK).data() == "1"
    assert model.index(0, sm.WHY).data() == first.explanation
    assert "essential in" in first.explanation and "gap" in first.explanation
    assert first.name in tab.headline.text() and "first" in tab.headline.text()
    # the learning that serves a skill is on its row
    sql = model.row_of(skill_id("SQL"))
    assert "SQL for Data Analysis" in model.index(sql, sm.LEARNING).data()
    power_bi = model.row_of(skill_id("Power BI"))
    assert model.index(power_bi, sm.LEARNING).data() == "nothing planned yet"
    # with nothing chosen, the inspector explains the first skill
    assert tab.skill_heading.text() == first.name
    assert tab.skill_why.text().lower().startswith(first.explanation.lower())
    assert all(model.index(r, sm.CURRENT).data()[0].isdigit() for r in range(model.rowCount()))


def test_transferable_strengths_are_listed_apart(tab, qtbot):
    ranked, strengths = tab.development_list.model(), tab.strengths_list.model()
    assert tab.strengths_list.objectName() == "strengthsList"
    assert "Stakeholder management" in names(strengths)
    assert "Stakeholder management" not in names(ranked)
    # ticking "I already bring this" moves a skill from one list to the other
    sql = skill_id("SQL")
    tab.show_item("skill", sql)
    assert tab.skill_heading.text() == "SQL"
    qtbot.mouseClick(tab.transferable_check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SQL" in names(strengths))
    assert "SQL" not in names(ranked)
    assert development.get_skill(sql).transferable
    tab.ctx.undo.undo()
    qtbot.waitUntil(lambda: "SQL" in names(ranked))
    assert "SQL" not in names(strengths)


def test_editing_a_target_level_in_place_reranks_the_list(tab, qtbot):
    table, model = tab.development_list, tab.development_list.model()
    payments = skill_id("Payments domain knowledge")
    before = model.row_of(payments)
    assert before == model.rowCount() - 1  # last: important in 1 conversation, gap 1
    edit_level_in_place(qtbot, table, before, sm.TARGET, 4)
    assert development.get_skill(payments).target_level == 4
    qtbot.waitUntil(lambda: model.row_of(payments) < before)
    row = model.row_of(payments)
    assert model.index(row, sm.TARGET).data() == "4 expert"
    assert model.index(row, sm.GAP).data() == "3"
    assert model.index(row, sm.RANK).data() == str(row + 1)
    # ranked again from the rows already loaded: the same order the service gives
    assert names(model) == [r.name for r in development.ranked_skills() if not r.transferable]
    assert [model.index(r, sm.WHY).data() for r in range(model.rowCount())] == [
        r.explanation for r in development.ranked_skills() if not r.transferable]
    # the edited skill stays selected and shown
    assert tab.skill_heading.text() == "Payments domain knowledge"
    assert table.selectionModel().selectedRows()[0].row() == row
    tab.ctx.undo.undo()
    qtbot.waitUntil(lambda: model.row_of(payments) == before)
    assert development.get_skill(payments).target_level == 2


def test_a_closed_gap_moves_a_skill_down(tab, qtbot):
    table, model = tab.development_list, tab.development_list.model()
    first = model.skill_id(0)
    first_name = model.index(0, sm.SKILL).data()
    target = model.skill(first).target_level
    edit_level_in_place(qtbot, table, 0, sm.CURRENT, target)
    qtbot.waitUntil(lambda: model.row_of(first) == model.rowCount() - 1)
    row = model.row_of(first)
    assert model.index(row, sm.WHY).data().endswith("gap closed")
    assert model.index(0, sm.SKILL).data() != first_name
    assert first_name not in tab.headline.text()
    assert tab.skill_rank.text().find("Gap closed") >= 0


def test_filter_by_kind_and_sort_by_column(tab, qtbot):
    combo = tab.findChild(QComboBox, "skillKindFilter")
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("certification"))
    model = tab.development_list.model()
    assert sorted(names(model)) == ["Lean Six Sigma Green Belt", "PSPO I certification"]
    assert tab.strengths_list.model().rowCount() == 0
    assert tab.strengths_stack.currentIndex() == 1  # "no strength matches"
    combo.setCurrentIndex(combo.findData("tool"))
    assert set(names(model)) == {"Product analytics (Amplitude)", "Power BI"}
    assert names(tab.strengths_list.model()) == ["Jira"]
    combo.setCurrentIndex(0)
    assert model.rowCount() == 11
    # sort by any column, inside the model: by name, then back to the ranking
    header = tab.development_list.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_center(header, sm.SKILL))
    assert names(model) == sorted(names(model), key=str.casefold)
    tab.development_list.sortByColumn(sm.RANK, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, sm.RANK).data() for r in range(3)] == ["1", "2", "3"]
    # the search narrows both lists
    qtbot.keyClicks(tab.skill_search, "sql")
    assert names(model) == ["SQL"]


def _section_center(header, section):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_the_list_follows_interview_edits_made_elsewhere(tab, qtbot):
    model = tab.development_list.model()
    lean = skill_id("Lean Six Sigma Green Belt")
    before = model.row_of(lean)
    talk = next(i.id for i in interviews.list_interviews() if i.status == "completed"
                and not any(m.skill_id == lean
                            for m in interviews.get_interview(i.id).mentions))
    interviews.add_mention(talk, "lean six sigma green belt", 3)
    tab.ctx.bus.changed.emit("interviews")
    row = model.row_of(lean)
    assert row < before
    assert model.index(row, sm.WHY).data().startswith("essential in 2 of")


def test_add_and_delete_a_skill_with_undo(tab, qtbot, monkeypatch):
    asked = []

    def ask(parent, *, initial_name=""):
        asked.append(initial_name)
        return {"name": "Stakeholder mapping", "kind": "soft", "current_level": 0,
                "target_level": 3, "transferable": False}

    monkeypatch.setattr(AddSkillDialog, "ask", ask)
    qtbot.mouseClick(tab.add_skill_button, Qt.MouseButton.LeftButton)
    model = tab.development_list.model()
    new = skill_id("Stakeholder mapping")
    assert model.row_of(new) >= 0
    assert tab.skill_heading.text() == "Stakeholder mapping"
    assert model.index(model.row_of(new), sm.WHY).data() == "not mentioned yet, gap 3"

    confirmations = []
    monkeypatch.setattr(ConfirmDevelopmentDelete, "ask",
                        lambda parent, title, text, info: confirmations.append(text) or True)
    tab.development_list.setFocus()
    qtbot.keyClick(tab.development_list, Qt.Key.Key_Delete)
    assert confirmations and "Stakeholder mapping" in confirmations[0]
    assert model.row_of(new) < 0
    assert all(r.name != "Stakeholder mapping" for r in development.list_skills())
    tab.ctx.undo.undo()
    assert model.row_of(new) >= 0
    tab.ctx.undo.undo()  # the add
    assert model.row_of(new) < 0


def test_deleting_a_mentioned_skill_says_what_goes_and_undo_brings_it_all_back(
        tab, qtbot, monkeypatch):
    sql = skill_id("SQL")
    mentions = development.get_skill(sql).mention_count
    texts = []
    monkeypatch.setattr(ConfirmDevelopmentDelete, "ask",
                        lambda parent, title, text, info: texts.append(info) or True)
    tab.show_item("skill", sql)
    qtbot.mouseClick(tab.delete_skill_button, Qt.MouseButton.LeftButton)
    assert f"{mentions} mention" in texts[0] and "learning item" in texts[0]
    assert tab.development_list.model().row_of(sql) < 0
    tab.ctx.undo.undo()
    assert development.get_skill(sql).mention_count == mentions
    row = tab.development_list.model().row_of(sql)
    assert "SQL for Data Analysis" in tab.development_list.model().index(
        row, sm.LEARNING).data()


def test_an_empty_workspace_explains_the_lists(empty_tab):
    assert empty_tab.ranked_stack.currentIndex() == 1
    assert empty_tab.ranked_empty_label.title() == "No skills yet"
    assert "interviews" in empty_tab.ranked_empty_label.text()
    assert empty_tab.ranked_empty_label.button.text() == "Add Skill…"
    assert empty_tab.learning_stack.currentIndex() == 1
    assert empty_tab.learning_empty_label.title() == "No learning yet"
    assert empty_tab.learning_empty_label.button.text() == "Add Learning…"
    assert not empty_tab.delete_skill_button.isEnabled()
    assert not empty_tab.delete_learning_button.isEnabled()


def test_the_headline_shows_names_as_written(empty_tab):
    development.add_skill("R&D <lab> skills", target_level=2)
    empty_tab.reload_now()
    assert "R&amp;D &lt;lab&gt; skills" in empty_tab.headline.text()
    assert empty_tab.headline.isVisible()


# --- learning items and experiments --------------------------------------------------------


def test_learning_table_shows_progress_and_filters(tab, qtbot):
    table = tab.findChild(type(tab.learning_table), "learningTable")
    model = table.model()
    assert model.rowCount() == 8
    row = model.row_of(learning_id("SQL for Data Analysis"))
    assert model.index(row, lm.PROGRESS).data() == "5 / 12"
    fraction, text = model.index(row, lm.PROGRESS).data(lm.PROGRESS_ROLE)
    assert fraction == pytest.approx(5 / 12) and text == "5 / 12"
    assert model.index(row, lm.COST).data() in ("25.00", "25,00")
    box = tab.learning_filter
    box.setCurrentIndex(box.findData(lm.EXPERIMENTS_ONLY))
    assert model.rowCount() == 2
    assert all(model.item(model.learning_id(r)).is_experiment for r in range(2))
    box.setCurrentIndex(box.findData(lm.LEARNING_ONLY))
    assert model.rowCount() == 6
    box.setCurrentIndex(box.findData("planned"))
    assert {model.index(r, lm.STATUS).data() for r in range(model.rowCount())} == {"Planned"}
    assert "of 8" in tab.learning_count.text()
    box.setCurrentIndex(box.findData(lm.ALL))
    assert model.rowCount() == 8


def test_add_a_learning_item_linked_to_a_skill_shows_on_the_skills_row(tab, qtbot, monkeypatch):
    power_bi = skill_id("Power BI")
    calls = []

    def ask(parent, *, skills=(), checked=(), kind="course"):
        calls.append(list(checked))
        assert (power_bi, "Power BI") in list(skills)
        values = development.validate_learning("Power BI in a Day", "workshop",
                                               start_date="2026-05-02", units_total=1)
        return {**values, "skill_ids": list(checked)}

    monkeypatch.setattr(AddLearningDialog, "ask", ask)
    tab.show_item("skill", power_bi)
    qtbot.mouseClick(tab.add_for_skill_button, Qt.MouseButton.LeftButton)
    assert calls == [[power_bi]]
    model = tab.development_list.model()
    row = model.row_of(power_bi)
    assert model.index(row, sm.LEARNING).data() == "Power BI in a Day"
    # the new item is selected in its table and open in the editor
    new = learning_id("Power BI in a Day")
    assert tab.learning_model.row_of(new) >= 0
    assert tab.title_edit.text() == "Power BI in a Day"
    assert tab.inspector.currentIndex() == 1
    # and the skill's own panel lists it
    tab.show_item("skill", power_bi)
    texts = [tab.skill_learning_list.item(i).text()
             for i in range(tab.skill_learning_list.count())]
    assert texts and texts[0].startswith("Power BI in a Day")
    tab.ctx.undo.undo()
    assert model.index(model.row_of(power_bi), sm.LEARNING).data() == "nothing planned yet"


def test_the_add_dialog_refuses_bad_input_next_to_the_field(qtbot):
    dialog = AddLearningDialog(None, skills=[(1, "SQL"), (2, "Excel")], checked=[1])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, "Evening course")
    qtbot.keyClicks(dialog.start, "2026-05-10")
    qtbot.keyClicks(dialog.end, "2026-05-01")
    dialog.accept()
    error = dialog.findChild(QLabel, "newLearning_end_dateError")
    assert error.isVisible() and "cannot be before" in error.text()
    assert dialog.result() == 0 and dialog._values is None
    dialog.end.lineEdit().selectAll()
    qtbot.keyClicks(dialog.end, "2026-06-01")
    qtbot.keyClicks(dialog.skills.filter, "exc")
    qtbot.keyClick(dialog.skills.filter, Qt.Key.Key_Return)  # ticks Excel, not OK
    assert dialog.isVisible()
    dialog.accept()
    assert dialog._values["skill_ids"] == [1, 2]
    assert dialog._values["end_date"] == dt.date(2026, 6, 1)


def test_the_add_skill_dialog_refuses_a_name_already_listed(qtbot, demo_workspace):
    dialog = AddSkillDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "  sql ")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "newSkill_nameError")
    assert error.isVisible() and "already exists" in error.text()
    assert dialog.isVisible() and dialog._values is None
    dialog.name.setText("SQL window functions")
    dialog.current.setCurrentIndex(dialog.current.findData(1))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog._values == {"name": "SQL window functions", "kind": "technical",
                              "current_level": 1, "target_level": 3, "transferable": False}


def test_the_explanation_is_assembled_from_translated_phrases(demo_workspace):
    row = next(r for r in development.ranked_skills() if r.name == "SQL")
    assert sm.explanation(row) == row.explanation  # no translator installed: English
    phrases = {**sm.translated_phrases(), "essential": "unverzichtbar", "gap": "Lücke {gap}",
               "lead_many": "{importance} in {count} von {total} Gesprächen"}
    text = sm.explanation(row, phrases)
    assert text.startswith("unverzichtbar in 2 von 6 Gesprächen") and text.endswith("Lücke 2")


def test_end_before_start_is_refused_next_to_the_field_and_nothing_stored(tab, qtbot):
    item = learning_id("SQL for Data Analysis")
    stored = development.get_learning(item)
    tab.show_item("learning", item)
    assert tab.inspector.currentIndex() == 1
    assert tab.findChild(type(tab.learning_editor_scroll), "learningEditor").isVisible()
    too_early = (stored.start_date - dt.timedelta(days=1)).isoformat()
    type_into(qtbot, tab.end_edit, too_early)
    error = tab.findChild(QLabel, "end_dateError")
    assert error.isVisible() and "cannot be before the start" in error.text()
    assert development.get_learning(item).end_date == stored.end_date
    assert tab.end_edit.text() == too_early  # what was typed is kept to be corrected
    good = (stored.start_date + dt.timedelta(days=3)).isoformat()
    type_into(qtbot, tab.end_edit, good)
    assert not error.isVisible()
    assert development.get_learning(item).end_date.isoformat() == good
    row = tab.learning_model.row_of(item)
    assert tab.learning_model.index(row, lm.END).data() == good


def test_a_practice_blocks_time_is_typed_stored_and_undone(tab, qtbot):
    item = learning_id("Weekly SQL practice")
    tab.show_item("learning", item)
    assert tab.time_edit.objectName() == "scheduleTimeEdit"
    type_into(qtbot, tab.time_edit, "6:30 pm")
    assert development.get_learning(item).schedule_time == "18:30"
    assert tab.time_edit.text() == "18:30"
    type_into(qtbot, tab.time_edit, "0:00")  # midnight is a time, not "no time"
    assert development.get_learning(item).schedule_time == "00:00"
    assert tab.time_edit.text() == "00:00" and tab.time_edit.value() == "00:00"
    tab.ctx.undo.undo()
    assert development.get_learning(item).schedule_time == "18:30"
    assert tab.time_edit.text() == "18:30"
    tab.ctx.undo.undo()
    assert development.get_learning(item).schedule_time == "07:00"
    assert tab.time_edit.text() == "07:00"


def test_a_practice_blocks_time_is_cleared_and_the_clear_undone(tab, qtbot):
    item = learning_id("Weekly SQL practice")
    tab.show_item("learning", item)
    assert tab.time_edit.clear_action.isVisible()
    tab.time_edit.clear_action.trigger()
    assert development.get_learning(item).schedule_time == ""
    assert tab.time_edit.text() == "No time" and tab.time_edit.value() == ""
    assert not tab.time_edit.clear_action.isVisible()
    tab.ctx.undo.undo()
    assert development.get_learning(item).schedule_time == "07:00"
    assert tab.time_edit.text() == "07:00"
    # deleting the text empties it too
    tab.time_edit.setFocus()
    tab.time_edit.selectAll()
    qtbot.keyClick(tab.time_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(tab.time_edit, Qt.Key.Key_Return)
    assert development.get_learning(item).schedule_time == ""
    assert tab.time_edit.text() == "No time"


def test_progress_above_its_total_is_refused(tab, qtbot):
    item = learning_id("SQL for Data Analysis")
    tab.show_item("learning", item)
    type_into(qtbot, tab.units_done_spin, "13")
    error = tab.findChild(QLabel, "units_doneError")
    assert error.isVisible() and "more than the total (12)" in error.text()
    assert development.get_learning(item).units_done == 5
    type_into(qtbot, tab.units_done_spin, "12")
    assert not error.isVisible()
    assert development.get_learning(item).units_done == 12
    row = tab.learning_model.row_of(item)
    assert tab.learning_model.index(row, lm.PROGRESS).data() == "12 / 12"
    # negative hours cannot even be typed: the box holds 0 at least
    type_into(qtbot, tab.hours_spent_spin, "-4")
    assert development.get_learning(item).hours_spent >= 0


def test_experiments_and_practice_blocks_show_their_own_fields(tab, qtbot):
    tab.show_item("learning", learning_id("A/B test analysis"))
    assert tab.hypothesis_edit.isVisible() and tab.result_edit.isVisible()
    assert not tab.day_combo.isVisible()
    assert tab.hypothesis_edit.toPlainText().startswith("I can design")
    tab.show_item("learning", learning_id("Weekly SQL practice"))
    assert tab.day_combo.isVisible() and not tab.hypothesis_edit.isVisible()
    assert tab.day_combo.currentText() == "Tuesday" and tab.time_edit.text() == "07:00"
    item = learning_id("Weekly SQL practice")
    type_into(qtbot, tab.time_edit, "25:10")
    error = tab.findChild(QLabel, "schedule_timeError")
    assert error.isVisible() and error.text() == "Write the time like 14:30."
    assert development.get_learning(item).schedule_time == "07:00"
    assert tab.time_edit.text() == "07:00"  # the last valid time is kept
    type_into(qtbot, tab.time_edit, "6:45")
    assert not error.isVisible()
    assert development.get_learning(item).schedule_time == "06:45"
    assert tab.time_edit.text() == "06:45"
    tab.day_combo.setFocus()
    tab.day_combo.setCurrentIndex(tab.day_combo.findData(5))
    tab.day_combo.activated.emit(tab.day_combo.currentIndex())
    assert development.get_learning(item).schedule_day == 5
    tab.day_combo.setCurrentIndex(0)
    tab.day_combo.activated.emit(0)
    assert development.get_learning(item).schedule_day is None
    # the link is validated too
    type_into(qtbot, tab.url_edit, "javascript:alert(1)")
    assert tab.findChild(QLabel, "urlError").isVisible()
    type_into(qtbot, tab.url_edit, "example.org/sql")
    assert development.get_learning(item).url == "https://example.org/sql"


def test_linking_skills_in_the_editor_updates_the_ranked_rows(tab, qtbot):
    item = learning_id("Finance for Non-Financial Managers")
    payments = skill_id("Payments domain knowledge")
    tab.show_item("learning", item)
    picker = tab.skill_picker
    qtbot.keyClicks(picker.filter, "payments")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert payments in {s for s, _ in development.get_learning(item).skills}
    model = tab.development_list.model()
    qtbot.waitUntil(lambda: "Finance for Non-Financial Managers" in model.index(
        model.row_of(payments), sm.LEARNING).data())
    tab.ctx.undo.undo()
    assert payments not in {s for s, _ in development.get_learning(item).skills}
    qtbot.waitUntil(lambda: model.index(model.row_of(payments), sm.LEARNING).data()
                    == "nothing planned yet")


def test_delete_a_learning_item_and_undo(tab, qtbot, monkeypatch):
    monkeypatch.setattr(ConfirmDevelopmentDelete, "ask", lambda *a: True)
    item = learning_id("Shadow a discovery sprint")
    skills_before = development.get_learning(item).skills
    tab.show_item("learning", item)
    tab.learning_table.setFocus()
    qtbot.keyClick(tab.learning_table, Qt.Key.Key_Delete)
    assert tab.learning_model.row_of(item) < 0
    assert tab.learning_model.rowCount() == 7
    assert all(r.id != item for r in development.list_learning())
    tab.ctx.undo.undo()
    assert tab.learning_model.row_of(item) >= 0
    assert development.get_learning(item).skills == skills_before
    tab.ctx.undo.redo()
    assert tab.learning_model.row_of(item) < 0


def test_cancelling_the_confirmation_deletes_nothing(tab, qtbot, monkeypatch):
    monkeypatch.setattr(ConfirmDevelopmentDelete, "ask", lambda *a: False)
    item = learning_id("Inspired")
    tab.show_item("learning", item)
    qtbot.mouseClick(tab.delete_learning_button, Qt.MouseButton.LeftButton)
    assert tab.learning_model.row_of(item) >= 0
    assert not tab.ctx.undo.canUndo()


def test_editor_edits_are_stored_when_made_and_undoable(tab, qtbot):
    item = learning_id("Continuous Discovery Habits")
    tab.show_item("learning", item)
    type_into(qtbot, tab.provider_edit, "  Product   Talk LLC ")
    assert development.get_learning(item).provider == "Product Talk LLC"
    assert tab.provider_edit.text() == "Product Talk LLC"
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("done"))
    tab.status_combo.activated.emit(tab.status_combo.currentIndex())
    assert development.get_learning(item).status == "done"
    row = tab.learning_model.row_of(item)
    assert tab.learning_model.index(row, lm.STATUS).data() == "Done"
    tab.ctx.undo.undo()
    assert development.get_learning(item).status == "in_progress"
    assert tab.status_combo.currentData() == "in_progress"


# --- models --------------------------------------------------------------------------------


def test_models_pass_qt_model_tester(qtmodeltester, demo_workspace):
    ranked = development.ranked_skills()
    skills = sm.SkillsModel(save=lambda *a: True)
    skills.set_rows(ranked)
    qtmodeltester.check(skills)
    strengths = sm.SkillsModel(strengths=True)
    strengths.set_rows(ranked)
    qtmodeltester.check(strengths)
    learning = lm.LearningModel()
    learning.set_rows(development.list_learning())
    qtmodeltester.check(learning)
    skills.sort(sm.MENTIONS, Qt.SortOrder.DescendingOrder)
    learning.set_filter(lm.EXPERIMENTS_ONLY)
    learning.sort(lm.PROGRESS)
    qtmodeltester.check(skills)
    qtmodeltester.check(learning)


@given(st.text())
def test_search_and_sort_keys_ignore_case_and_accents(text):
    """The lists' search and sort form of a text (core.text.fold, the one rule of every
    list): casefolded and compatibility-decomposed (folded again after it), without combining
    or enclosing marks, whatever the text."""
    decomposed = unicodedata.normalize(
        "NFKD", unicodedata.normalize("NFKD", text.casefold()).casefold())
    assert sm.fold(text) == "".join(c for c in decomposed if not (
        unicodedata.combining(c) or unicodedata.category(c) == "Me"))


def test_folded_examples():
    assert sm.fold("Café Théâtre") == sm.fold("CAFE THEATRE") == "cafe theatre"
    assert sm.fold("Straße ﬁ") == "strasse fi"
    assert sm.fold("数据 مقابلة") == "数据 مقابلة"


def test_a_translated_app_shows_translated_reasons(demo_workspace, monkeypatch):
    german = {**sm.translated_phrases(), "essential": "unverzichtbar", "gap": "Lücke {gap}",
              "lead_many": "{importance} in {count} von {total} Gesprächen"}
    monkeypatch.setattr(sm, "translated_phrases", lambda: german)
    ranked = development.ranked_skills()
    model = sm.SkillsModel()
    model.set_rows(ranked)
    row = model.row_of(next(r.skill_id for r in ranked if r.name == "SQL"))
    assert model.index(row, sm.WHY).data().startswith("unverzichtbar in 2 von 6 Gesprächen")
    assert model.explanation_of(model.skill_id(row)).endswith("Lücke 2")


def test_the_learning_table_sorts_by_any_column(demo_workspace):
    model = lm.LearningModel()
    model.set_rows(development.list_learning())

    def column(col: int) -> list[str]:
        return [model.index(r, col).data() for r in range(model.rowCount())]

    starts = column(lm.START)  # the first order: by start, undated last
    assert starts == sorted(starts, key=lambda d: (d == "", d))
    model.sort(lm.TITLE)
    assert column(lm.TITLE) == sorted(column(lm.TITLE), key=sm.fold)
    model.sort(lm.COST, Qt.SortOrder.DescendingOrder)
    costs = [model.item(model.learning_id(r)).cost for r in range(model.rowCount())]
    assert costs == sorted(costs, reverse=True) and costs[0] > 0
    model.sort(lm.STATUS)
    order = list(vocab.LEARNING_STATUSES)
    statuses = [model.item(model.learning_id(r)).status for r in range(model.rowCount())]
    assert statuses == sorted(statuses, key=order.index)


def test_the_editors_skill_list_follows_the_skills(tab, qtbot):
    """The editor's list of skills is filled when an item is opened in it, with the skills
    as they are then: a skill added or renamed since the tab loaded is there."""
    item = learning_id("SQL for Data Analysis")
    tab.show_item("learning", item)
    picker = tab.skill_picker
    listed = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert len(listed) == len(development.list_skills())
    assert [picker.list.item(i).text() for i in range(picker.list.count())
            if picker.list.item(i).checkState() == Qt.CheckState.Checked] == [
        name for _id, name in development.get_learning(item).skills]
    sql = skill_id("SQL")
    tab.show_item("skill", sql)
    type_into(qtbot, tab.skill_name_edit, "SQL (Postgres)")
    qtbot.waitUntil(lambda: "SQL (Postgres)" in names(tab.development_list.model()))
    tab.show_item("learning", learning_id("Shadow a discovery sprint"))
    listed = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert "SQL (Postgres)" in listed and "SQL" not in listed


def test_levels_edited_through_the_model_are_rescored_at_once(demo_workspace):
    stored = []
    model = sm.SkillsModel(save=lambda *a: stored.append(a) or True)
    model.set_rows(development.ranked_skills())
    row = model.rowCount() - 1
    index = model.index(row, sm.TARGET)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, sm.WHY)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, 7)
    assert model.setData(index, 4)
    assert stored[-1][1:] == ("target_level", 4)
    assert model.index(row, sm.GAP).data() == "3"
    assert model.index(row, sm.WHY).data().endswith("gap 3")


def test_ctrl_5_opens_the_tab_and_find_in_list_goes_to_the_search(demo_window, qtbot):
    from PySide6.QtGui import QKeySequence

    qtbot.keySequence(demo_window, QKeySequence("Ctrl+5"))
    tab = demo_window.tabs.currentWidget()
    assert tab.objectName() == "developmentTab"
    assert tab.findChild(type(tab.development_list), "developmentList").model().rowCount() == 11
    assert tab.findChild(type(tab.learning_table), "learningTable").model().rowCount() == 8
    demo_window.actions.find_in_list.trigger()
    assert tab.skill_search.hasFocus()
