"""The Paths tab as a person uses it: paths, assumptions and their evidence, core questions,
and the comparison of paths."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QMessageBox

from careerpivot.services import paths
from careerpivot.ui.dialogs.add_criterion import AddCriterionDialog
from careerpivot.ui.dialogs.add_path import AddPathDialog
from careerpivot.ui.dialogs.add_question import AddQuestionDialog
from careerpivot.ui.dialogs.assumption import AssumptionDialog
from careerpivot.ui.itemmodels import assumptions as am
from careerpivot.ui.itemmodels.status_icons import STATUS_COLORS
from careerpivot.ui.tabs.paths import PAGE_COMPARE, PAGE_QUESTIONS


def paths_tab(window):
    return window.show_tab("pathsTab")


def answer_yes(monkeypatch, asked: list[str]):
    def exec_(box):
        asked.append(box.text() + "\n" + box.informativeText())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_models_pass_the_model_tester(qtmodeltester, demo_window):
    tab = paths_tab(demo_window)
    qtmodeltester.check(tab.assumptions_model)
    qtmodeltester.check(tab.evidence_model)
    tab.pages.setCurrentIndex(PAGE_COMPARE)
    qtmodeltester.check(tab.comparison_model)


def test_add_rename_and_delete_a_path_with_undo(main_window, qtbot, monkeypatch):
    tab = paths_tab(main_window)
    assert tab.stack.currentWidget() is tab.empty  # an empty workspace says what to do
    monkeypatch.setattr(AddPathDialog, "ask", classmethod(
        lambda cls, parent=None: {"title": "UX research", "field": "Software"}))
    qtbot.mouseClick(tab.add_path_button, Qt.MouseButton.LeftButton)
    assert tab.paths_list.count() == 1
    assert tab.paths_list.currentItem().text().startswith("UX research")
    pid = tab.current_path_id()

    title = tab.title_edit
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "User research")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert paths.get_path(pid).title == "User research"
    assert tab.paths_list.currentItem().text().startswith("User research")
    tab.status_combo.setFocus()
    qtbot.keyClick(tab.status_combo, Qt.Key.Key_Down)
    assert paths.get_path(pid).status == "active"
    assert "Active" in tab.paths_list.currentItem().text()
    # A duplicate title is refused next to the field; nothing is stored.
    paths.add_path("Sales")
    title.selectAll()
    qtbot.keyClicks(title, "sales")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    error = tab.findChild(QLabel, "titleError")
    assert error.isVisible() and "already exists" in error.text()
    assert paths.get_path(pid).title == "User research"
    title.selectAll()
    qtbot.keyClicks(title, "User research")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert not error.isVisible()

    paths.add_assumption(pid, "Research roles are mostly in large companies")
    main_window.ctx.bus.changed.emit("paths")
    tab.select_path(pid)
    asked: list[str] = []
    answer_yes(monkeypatch, asked)
    qtbot.mouseClick(tab.delete_path_button, Qt.MouseButton.LeftButton)
    assert "User research" in asked[0] and "1 assumption with their evidence" in asked[0]
    assert pid not in [p.id for p in paths.list_paths()]
    assert tab.current_path_id() != pid
    main_window.actions.undo.trigger()
    assert [a.statement for a in paths.list_assumptions(pid)] == [
        "Research roles are mostly in large companies"]
    assert tab.select_path(pid)


def test_assumptions_show_derived_status_and_evidence_opens_the_interview(demo_window, qtbot):
    tab = paths_tab(demo_window)
    model = tab.assumptions_model
    rows = paths.list_assumptions(tab.current_path_id())
    assert model.rowCount() == len(rows)
    first = model.index(0, am.A_STATUS)
    assert first.data() == "Supported"
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()  # an icon, not colour alone
    assert model.index(0, am.A_TRIANGULATED).data() == "Yes"
    assert model.index(0, am.A_EVIDENCE).data() == "4 supported, 0 challenged, 1 nuanced"
    statuses = {model.index(r, am.A_STATUS).data() for r in range(model.rowCount())}
    assert statuses == {"Supported", "Challenged", "Contested", "Untested"}

    # each assumption says in words where it stands and what it still lacks
    tab.select_assumption(rows[0].id)
    standing = tab.findChild(QLabel, "assumptionStanding")
    assert standing.text() == "Settled: supported by 4 people, 4 organizations, 3 levels."
    assert standing.text() in model.index(0, am.A_TRIANGULATED).data(Qt.ItemDataRole.ToolTipRole)
    contested = next(r for r in rows if r.status == "contested")
    tab.select_assumption(contested.id)
    assert standing.text().startswith("Contested: supported by 1 person, challenged by 1 person.")
    evidence = tab.evidence_model
    assert evidence.rowCount() == contested.conversations
    verdicts = {evidence.index(r, am.E_VERDICT).data() for r in range(evidence.rowCount())}
    assert {"Supported", "Challenged"} <= verdicts
    row = evidence.evidence(0)
    assert evidence.index(0, am.E_QUOTE).data() == f"“{row.quote}”"
    assert evidence.index(0, am.E_PERSON).data().startswith(row.contact_name)
    assert evidence.index(0, am.E_ORGANIZATION).data() == row.organization
    assert evidence.index(0, am.E_DATE).data() == row.scheduled_at[:10]
    assert evidence.index(0, am.E_LEVEL).data()

    # Double-click a conversation: the Interviews tab opens it.
    view = tab.evidence_table
    view.selectRow(0)
    rect = view.visualRect(evidence.index(0, am.E_PERSON))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    interviews_tab = demo_window.tab_widgets["interviewsTab"]
    assert demo_window.tabs.currentWidget() is interviews_tab
    assert interviews_tab.editor.interview_id == row.interview_id


def test_the_conversations_column_shows_each_count_with_its_icon(demo_window, qtbot):
    tab = paths_tab(demo_window)
    view = tab.assumptions_table
    qtbot.waitUntil(lambda: view.isVisible())
    model = tab.assumptions_model

    def cell_colours(row: int) -> set[tuple[int, int, int]]:
        image = view.viewport().grab(view.visualRect(model.index(row, am.A_EVIDENCE))).toImage()
        return {image.pixelColor(x, y).getRgb()[:3]
                for x in range(image.width()) for y in range(image.height())}

    def near(colours, colour) -> bool:
        return any(sum(abs(a - b) for a, b in zip(c, colour.getRgb()[:3], strict=True)) < 30
                   for c in colours)

    green, red = STATUS_COLORS["supported"], STATUS_COLORS["challenged"]
    supported = next(r for r in range(model.rowCount())
                     if model.assumption(r).supported and model.assumption(r).challenged)
    view.selectRow(supported)
    colours = cell_colours(supported)
    assert near(colours, green) and near(colours, red)
    # the cell is drawn as selected, under its counts
    highlights = [view.palette().color(group, QPalette.ColorRole.Highlight)
                  for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)]
    assert any(near(colours, h) for h in highlights)


def test_add_change_and_delete_an_assumption(demo_window, qtbot, monkeypatch):
    tab = paths_tab(demo_window)
    pid = tab.current_path_id()
    count = tab.assumptions_model.rowCount()
    monkeypatch.setattr(AssumptionDialog, "ask", classmethod(
        lambda cls, parent=None, path_title="", current=None: {
            "statement": "Product managers rarely code", "category": "daily_work",
            "confidence": 80}))
    tab.assumptions_table.setFocus()
    qtbot.keyClick(tab.assumptions_table, Qt.Key.Key_Insert)
    assert tab.assumptions_model.rowCount() == count + 1
    new = tab.current_assumption()
    assert (new.statement, new.status) == ("Product managers rarely code", "untested")

    monkeypatch.setattr(AssumptionDialog, "ask", classmethod(
        lambda cls, parent=None, path_title="", current=None: {**current, "confidence": 40}))
    qtbot.keyClick(tab.assumptions_table, Qt.Key.Key_F2)
    assert paths.get_assumption(new.id).confidence == 40
    assert tab.current_assumption().id == new.id

    asked: list[str] = []
    answer_yes(monkeypatch, asked)
    qtbot.keyClick(tab.assumptions_table, Qt.Key.Key_Delete)
    assert "Product managers rarely code" in asked[0]
    assert tab.assumptions_model.rowCount() == count
    demo_window.actions.undo.trigger()
    assert paths.get_assumption(new.id).confidence == 40
    assert len(paths.list_assumptions(pid)) == count + 1


def test_core_questions_pick_reorder_and_warn(main_window, qtbot, monkeypatch):
    pid = paths.add_path("Nursing")
    tab = paths_tab(main_window)
    tab.pages.setCurrentIndex(PAGE_QUESTIONS)
    warning = tab.core_warning
    # none yet: the list says what belongs there (the warning would say it twice)
    assert tab.questions_page.core_stack.currentWidget() is tab.questions_page.core_empty
    assert "Pick 3 to 5" in tab.questions_page.core_empty.text() and not warning.isVisible()
    bank = tab.bank_list
    assert not bank.item(0).flags() & Qt.ItemFlag.ItemIsSelectable  # a category heading
    texts = [bank.item(i).text() for i in (1, 2)]
    for i in (1, 2):
        bank.setCurrentRow(i)
        qtbot.mouseClick(tab.add_core_button, Qt.MouseButton.LeftButton)
    assert [q.text for q in paths.core_questions(pid)] == texts
    assert bank.item(1).text().startswith("✓")
    assert "Only 2 core questions" in warning.text()
    bank.setFocus()
    for _ in range(4):
        qtbot.keyClick(bank, Qt.Key.Key_Down)
        qtbot.keyClick(bank, Qt.Key.Key_Return)
    assert len(paths.core_questions(pid)) == 6
    assert "6 core questions may not fit" in warning.text()
    tab.core_list.setCurrentRow(5)
    tab.core_list.setFocus()
    qtbot.keyClick(tab.core_list, Qt.Key.Key_Delete)
    assert len(paths.core_questions(pid)) == 5 and not warning.isVisible()
    second = paths.core_questions(pid)[1].id
    tab.core_list.setCurrentRow(1)
    qtbot.mouseClick(tab.core_up_button, Qt.MouseButton.LeftButton)
    assert paths.core_questions(pid)[0].id == second
    main_window.actions.undo.trigger()
    assert paths.core_questions(pid)[1].id == second

    monkeypatch.setattr(AddQuestionDialog, "ask", classmethod(
        lambda cls, parent=None, path_title="": {
            "text": "What would you tell your younger self?", "category": "advice",
            "add_to_path": True}))
    qtbot.mouseClick(tab.new_question_button, Qt.MouseButton.LeftButton)
    assert "What would you tell your younger self?" in [q.text for q in paths.list_questions()]
    assert paths.core_questions(pid)[-1].text == "What would you tell your younger self?"
    assert "may not fit" in warning.text()


def test_comparison_scores_weights_and_evidence_criteria(demo_window, qtbot, monkeypatch):
    tab = paths_tab(demo_window)
    tab.pages.setCurrentIndex(PAGE_COMPARE)
    model = tab.comparison_model
    data = model.comparison()
    assert model.columnCount() == am.C_FIXED + len(data.paths)
    evidence_row = next(i for i, c in enumerate(data.criteria) if c.from_evidence)
    hand_row = next(i for i, c in enumerate(data.criteria) if not c.from_evidence)
    first_path = am.C_FIXED
    evidence_cell = model.index(evidence_row, first_path)
    assert not model.flags(evidence_cell) & Qt.ItemFlag.ItemIsEditable
    assert "evidence" in evidence_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tab.findChild(QLabel, "evidenceStrengthNote").isVisible()

    total_row = model.total_row()
    before = data.paths[0].total
    assert model.setData(model.index(hand_row, first_path), 0.0)
    qtbot.waitUntil(lambda: model.comparison().paths[0].total < before)
    assert model.comparison().paths[0].scores[hand_row] == 0.0
    assert model.index(total_row, first_path).data().startswith(
        f"{model.comparison().paths[0].total:.0f}")
    assert model.setData(model.index(hand_row, am.C_WEIGHT), 0.0)
    qtbot.waitUntil(lambda: model.comparison().criteria[hand_row].weight == 0.0)
    demo_window.actions.undo.trigger()  # the weight comes back
    assert paths.list_criteria()[hand_row].weight == data.criteria[hand_row].weight

    monkeypatch.setattr(AddCriterionDialog, "ask", classmethod(
        lambda cls, parent=None: {"name": "Stability", "weight": 2.0, "from_evidence": False}))
    qtbot.mouseClick(tab.add_criterion_button, Qt.MouseButton.LeftButton)
    assert model.index(model.total_row() - 1, am.C_NAME).data() == "Stability"
    unscored = model.index(model.total_row() - 1, first_path)
    assert unscored.data() == "—"
    tab.comparison_table.setCurrentIndex(unscored)
    qtbot.mouseClick(tab.delete_criterion_button, Qt.MouseButton.LeftButton)
    assert "Stability" not in [c.name for c in paths.list_criteria()]
    demo_window.actions.undo.trigger()
    assert "Stability" in [c.name for c in paths.list_criteria()]


def test_a_criterion_is_renamed_in_the_comparison_table(demo_window, qtbot):
    """The name column is edited as text: the score delegate's spin box is only for numbers
    (it used to open on the name too and fail on float("Pay"))."""
    from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QLineEdit

    tab = paths_tab(demo_window)
    tab.pages.setCurrentIndex(PAGE_COMPARE)
    model = tab.comparison_model
    hand_row = next(i for i, c in enumerate(model.comparison().criteria)
                    if not c.from_evidence)
    cell = model.index(hand_row, am.C_NAME)
    tab.comparison_table.setCurrentIndex(cell)
    tab.comparison_table.edit(cell)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == cell.data()
    editor.setText("Room to grow")
    tab.comparison_table.commitData(editor)
    tab.comparison_table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    qtbot.waitUntil(lambda: model.index(hand_row, am.C_NAME).data() == "Room to grow")
    assert "Room to grow" in [c.name for c in paths.list_criteria()]


def test_an_add_dialog_is_deleted_after_use(main_window, qtbot, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    tab = paths_tab(main_window)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    for _ in range(3):
        assert AddPathDialog.ask(tab) is None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert tab.findChildren(AddPathDialog) == []
