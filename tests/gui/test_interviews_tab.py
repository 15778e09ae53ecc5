"""The Interviews tab as a person uses it: plan a conversation, record answers, evidence and
skills, complete it, follow up, take introductions, delete and undo, search and filter."""

from __future__ import annotations

import datetime as dt

import pytest
from gui_steps import choose, open_interview, settled
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from careerpivot.core import clock as app_clock
from careerpivot.services import development, interviews, log, network, paths
from careerpivot.ui.dialogs.add_interview import AddInterviewDialog
from careerpivot.ui.dialogs.add_introduction import AddIntroductionDialog
from careerpivot.ui.dialogs.add_path import AddPathDialog
from careerpivot.ui.dialogs.assumption import AssumptionDialog
from careerpivot.ui.itemmodels import assumptions as am
from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.widgets.interview_editor import InterviewEditor
from careerpivot.ui.widgets.interview_editor.held import HoldQuestion


def interviews_tab(window):
    return window.show_tab("interviewsTab")


def type_and_leave(qtbot, editor, text):
    """Type into a text box, then press Tab to move on (which stores it)."""
    window = editor.window()
    if not window.isActiveWindow():  # focus changes only reach an active window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def test_models_pass_the_model_tester(qtmodeltester, demo_window):
    tab = interviews_tab(demo_window)
    qtmodeltester.check(tab.model)
    tab.search.setText("product")
    tab.model.sort(im.CONTACT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(settled(tab).model)
    mentions = tab.editor.mentions.model
    mentions.set_rows(interviews.get_interview(1).mentions)
    qtmodeltester.check(mentions)


def test_opening_the_tab_lists_interviews_without_details(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    assert tab.model.total_count() == 12
    assert tab.table.objectName() == "interviewsTable"
    # The newest comes first and is opened at once.
    first = tab.model.interview_id(0)
    assert tab.editor.interview_id == first
    assert "12 interviews" in tab.findChild(QLabel, "interviewCount").text()


def test_record_an_interview_end_to_end(main_window, qtbot, monkeypatch):
    """A new path and assumption; an interview that supports it (the Paths tab shows it
    supported); a second one that challenges it (contested)."""
    ctx = main_window.ctx
    monkeypatch.setattr(AddPathDialog, "ask", classmethod(
        lambda cls, parent=None: {"title": "Data analysis", "field": "Retail"}))
    monkeypatch.setattr(AssumptionDialog, "ask", classmethod(
        lambda cls, parent=None, path_title="", current=None: {
            "statement": "SQL is used every day", "category": "skills", "confidence": 70}))
    paths_tab = main_window.show_tab("pathsTab")
    qtbot.mouseClick(paths_tab.add_path_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(paths_tab.add_assumption_button, Qt.MouseButton.LeftButton)
    path_id = paths.list_paths()[0].id
    assumption = paths.list_assumptions(path_id)[0]
    assert paths_tab.assumptions_model.index(0, am.A_STATUS).data() == "Untested"
    development.add_skill("SQL")
    ana = network.create_contact(name="Ana Souza", organization="Acme", level="mid")
    ben = network.create_contact(name="Ben Ode", organization="Globex", level="senior")
    ctx.bus.changed.emit("contacts")

    tab = interviews_tab(main_window)
    today = app_clock.today()
    planned_day = today + dt.timedelta(days=2)  # two days ahead, whatever the day
    for contact in (ana, ben):
        values = {"contact_id": contact, "path_id": path_id,
                  "scheduled_at": f"{planned_day} 14:30", "minutes": 30, "mode": "video"}
        monkeypatch.setattr(AddInterviewDialog, "ask", classmethod(
            lambda cls, *args, v=values, **kwargs: v))
        qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda c=contact: tab.editor.detail is not None
                        and tab.editor.detail.row.contact_id == c)
    first, second = sorted(r.id for r in interviews.list_interviews())
    assert settled(tab).model.total_count() == 2
    open_interview(qtbot, tab, first)
    editor: InterviewEditor = tab.editor

    # The guide: a question of my own, and its answer.
    editor.show_page(editor.PAGE_GUIDE)
    editor.guide.free_text.setFocus()
    qtbot.keyClicks(editor.guide.free_text, "How did you learn SQL?")
    qtbot.keyClick(editor.guide.free_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(editor.guide.blocks) == 1)
    block = editor.guide.blocks[0]
    type_and_leave(qtbot, block.editor, "On the job, with a mentor.")
    qtbot.waitUntil(lambda: interviews.get_interview(first).answers[0].answer
                    == "On the job, with a mentor.")
    assert editor.pages.tabText(editor.PAGE_GUIDE) == "&Guide (1/1)"
    # A question from the bank, moved to the top of the guide.
    bank_question = paths.list_questions()[0]
    editor.guide.add_bank_questions([bank_question.id])
    assert len(editor.guide.blocks) == 2
    qtbot.mouseClick(editor.guide.blocks[1].moveUp_button, Qt.MouseButton.LeftButton)
    assert [a.question_text for a in interviews.get_interview(first).answers] == [
        bank_question.text, "How did you learn SQL?"]
    assert not editor.guide.blocks[0].moveUp_button.isEnabled()

    # Evidence: supported, with a quote.
    editor.show_page(editor.PAGE_EVIDENCE)
    qtbot.waitUntil(lambda: editor.evidence.row_for(assumption.id) is not None)
    row = editor.evidence.row_for(assumption.id)
    # Only a held conversation counts: one planned for the 12th asks first; no keeps nothing.
    asked = []
    monkeypatch.setattr(HoldQuestion, "ask", classmethod(
        lambda cls, parent, offer: asked.append(offer) or False))
    choose(qtbot, row.verdict, "supported")
    qtbot.waitUntil(lambda: row.verdict.currentData() == "")
    assert [(o.day, o.moves, o.planned) for o in asked] == [
        (today, True, planned_day)]
    assert interviews.get_interview(first).evidence == ()
    assert "held" in row.error.text()
    assert interviews.get_interview(first).row.status == "scheduled"
    # Yes holds it today, moved from the 12th, and keeps the verdict.
    monkeypatch.setattr(HoldQuestion, "ask", classmethod(lambda cls, parent, offer: True))
    choose(qtbot, row.verdict, "supported")
    qtbot.waitUntil(lambda: interviews.get_interview(first).row.status == "completed")
    held = interviews.get_interview(first)
    assert held.row.scheduled_at == f"{today} 14:30"
    assert (held.held_organization, held.held_level) == ("Acme", "mid")
    assert editor.details.status.currentData() == "completed"
    type_and_leave(qtbot, row.quote, "I write queries every morning.")
    qtbot.waitUntil(lambda: [(e.verdict, e.quote) for e in interviews.get_interview(first)
                             .evidence] == [("supported", "I write queries every morning.")])

    # A skill mention: "sql" reuses the existing skill "SQL".
    editor.show_page(editor.PAGE_SKILLS)
    editor.mentions.name.setFocus()
    qtbot.keyClicks(editor.mentions.name, "  sql ")
    assert not editor.mentions.kind.isEnabled()  # an existing skill keeps its kind
    choose(qtbot, editor.mentions.importance, 3)
    qtbot.keyClick(editor.mentions.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.mentions.model.rowCount() == 1)
    mention = interviews.get_interview(first).mentions[0]
    assert (mention.skill_name, mention.importance) == ("SQL", 3)
    assert [s.name for s in development.list_skills()] == ["SQL"]

    # The Paths tab shows the assumption supported.
    paths_tab = main_window.show_tab("pathsTab")
    assert paths_tab.assumptions_model.index(0, am.A_STATUS).data() == "Supported"
    assert paths_tab.evidence_model.rowCount() == 1

    # The second conversation challenges it: contested.
    tab = interviews_tab(main_window)
    open_interview(qtbot, tab, second)
    editor.show_page(editor.PAGE_EVIDENCE)
    qtbot.waitUntil(lambda: editor.evidence.row_for(assumption.id) is not None)
    choose(qtbot, editor.evidence.row_for(assumption.id).verdict, "challenged")
    qtbot.waitUntil(lambda: bool(interviews.get_interview(second).evidence))
    paths_tab = main_window.show_tab("pathsTab")
    assert paths_tab.assumptions_model.index(0, am.A_STATUS).data() == "Contested"
    assert paths.get_assumption(assumption.id).status == "contested"


def test_completing_an_interview_creates_actions_and_says_so(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    scheduled = next(r for r in interviews.list_interviews() if r.status == "scheduled")
    open_interview(qtbot, tab, scheduled.id)
    editor = tab.editor
    editor.show_page(editor.PAGE_DETAILS)
    before = {a.id for a in log.list_entries(interview_id=scheduled.id, kind="action")}
    with qtbot.waitSignal(demo_window.ctx.bus.status, timeout=2000) as status:
        choose(qtbot, editor.details.status, "completed")
    assert "thank-you" in status.args[0]
    settled(tab)
    new = [a for a in log.list_entries(interview_id=scheduled.id, kind="action")
           if a.id not in before]
    assert sorted(a.text.split(" to ")[0] for a in new) == ["Report back", "Send a thank-you"]
    assert all(a.due_date is not None for a in new)
    assert tab.model.index(tab.model.row_of(scheduled.id), im.STATUS).data() == "Completed"
    assert network.get_contact(scheduled.contact_id).stage == "interviewed"
    assert "thank-you" in demo_window.statusBar().currentMessage()


def test_schedule_follow_up_links_round_two_and_shows_the_chain(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    priya = next(r for r in interviews.list_interviews() if r.contact_name == "Priya Raman")
    open_interview(qtbot, tab, priya.id)
    editor = tab.editor
    editor.show_page(editor.PAGE_FOLLOW_UPS)
    qtbot.mouseClick(editor.follow_ups.follow_up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.row.round == 2)
    new = editor.detail
    assert new.row.follow_up_of == priya.id
    assert [r.id for r in new.earlier] == [priya.id]
    rounds = editor.follow_ups.rounds
    assert rounds.count() == 2 and "Round 2" in rounds.item(1).text()
    assert settled(tab).model.row_of(new.id) >= 0
    assert tab.table.selectionModel().currentIndex().row() == tab.model.row_of(new.id)
    # The earlier round is one click away.
    rect = rounds.visualItemRect(rounds.item(0))
    qtbot.mouseClick(rounds.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: editor.interview_id == priya.id)
    assert "Round 2" in editor.follow_ups.rounds.item(1).text()


def test_add_introduction_creates_a_contact_introduced_by_the_interviewee(
        demo_window, qtbot, monkeypatch):
    tab = interviews_tab(demo_window)
    row = next(r for r in interviews.list_interviews() if r.contact_name == "Sofia Marchetti")
    open_interview(qtbot, tab, row.id)
    monkeypatch.setattr(AddIntroductionDialog, "ask", classmethod(
        lambda cls, parent=None, introducer="": {
            "name": "Lena Fischer", "organization": "Fernhill", "role": "Plant manager",
            "email": "lena@example.org"}))
    editor = tab.editor
    editor.show_page(editor.PAGE_FOLLOW_UPS)
    before = editor.follow_ups.introductions.count()
    qtbot.mouseClick(editor.follow_ups.add_intro, Qt.MouseButton.LeftButton)
    texts = [editor.follow_ups.introductions.item(i).text()
             for i in range(editor.follow_ups.introductions.count())]
    assert any("Lena Fischer" in t for t in texts)
    assert len(texts) >= before
    intro = next(i for i in interviews.get_interview(row.id).introductions
                 if i.name == "Lena Fischer")
    contact = network.get_contact(intro.contact_id)
    assert contact.introduced_by_id == row.contact_id
    assert contact.email == "lena@example.org"


def test_delete_asks_names_what_goes_and_undo_restores_everything(
        demo_window, qtbot, monkeypatch):
    tab = interviews_tab(demo_window)
    priya = next(r for r in interviews.list_interviews() if r.contact_name == "Priya Raman")
    before = interviews.get_interview(priya.id)
    assert before.answers and before.evidence and before.mentions
    open_interview(qtbot, tab, priya.id)
    asked = []

    def answer(box):
        asked.append(box.text() + "\n" + box.informativeText())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    qtbot.mouseClick(tab.editor.findChild(QPushButton, "deleteInterviewButton"),
                     Qt.MouseButton.LeftButton)
    assert "Priya Raman" in asked[0]
    assert "4 questions of its guide" in asked[0]
    assert "3 evidence verdicts" in asked[0] and "5 skill mentions" in asked[0]
    assert "stays in your network" in asked[0]
    assert settled(tab).model.interview(priya.id) is None
    assert tab.editor.interview_id != priya.id
    assert network.get_contact(priya.contact_id).name == "Priya Raman"

    demo_window.actions.undo.trigger()
    after = interviews.get_interview(priya.id)
    assert after.answers == before.answers
    assert after.evidence == before.evidence
    assert after.mentions == before.mentions
    assert tab.model.interview(priya.id) is not None


def test_refused_input_is_shown_next_to_the_field_and_kept(demo_window, qtbot, monkeypatch):
    tab = interviews_tab(demo_window)
    row = tab.model.interview(tab.editor.interview_id)
    editor = tab.editor
    editor.show_page(editor.PAGE_DETAILS)
    when = editor.details.when
    when.setFocus()
    when.selectAll()
    qtbot.keyClicks(when, "2026-02-30 10:00")
    qtbot.keyClick(when, Qt.Key.Key_Return)
    error = editor.details.findChild(QLabel, "scheduled_atError")
    assert error.isVisible() and "not a date" in error.text()
    assert interviews.get_interview(row.id).row.scheduled_at == row.scheduled_at
    # the field keeps the date stored, which nothing changed, and says why
    assert when.value() == row.scheduled_at
    assert not editor.binder.has_pending()
    when.selectAll()
    qtbot.keyClicks(when, "2026-02-27 10:00")
    qtbot.keyClick(when, Qt.Key.Key_Return)
    assert not error.isVisible()
    assert interviews.get_interview(row.id).row.scheduled_at == "2026-02-27 10:00"

    # A quote without a verdict waits for one, with a message; the verdict stores both.
    editor.show_page(editor.PAGE_EVIDENCE)
    qtbot.waitUntil(lambda: bool(editor.evidence.rows) and editor.evidence.rows[-1].isVisible())
    evidence_row = next(r for r in editor.evidence.rows if not r.verdict.currentData())
    type_and_leave(qtbot, evidence_row.quote, "They said it depends.")
    assert evidence_row.error.isVisible()
    assert "Choose supported" in evidence_row.error.text()
    assert evidence_row.quote.toPlainText() == "They said it depends."
    # (the conversation lies ahead: it is marked held first)
    monkeypatch.setattr(HoldQuestion, "ask", classmethod(lambda cls, parent, offer: True))
    choose(qtbot, evidence_row.verdict, "nuanced")
    assert not evidence_row.error.isVisible()
    recorded = {e.assumption_id: (e.verdict, e.quote)
                for e in interviews.get_interview(row.id).evidence}
    assert recorded[evidence_row.assumption_id] == ("nuanced", "They said it depends.")


def test_search_and_filters(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    search = tab.search
    qtbot.keyClicks(search, "northwind")
    settled(tab)
    names = {tab.model.index(r, im.CONTACT).data() for r in range(tab.model.rowCount())}
    assert names == {"Priya Raman", "Tomás Ferreira"}
    # A word found only in an answer arrives from the database after a pause in typing.
    search.clear()
    with qtbot.waitSignal(tab.text_search_done, timeout=5000):
        qtbot.keyClicks(search, "sprint review")
    names = {tab.model.index(r, im.CONTACT).data() for r in range(tab.model.rowCount())}
    assert "Priya Raman" in names
    search.clear()
    assert settled(tab).model.rowCount() == 12

    tab.status_filter.setCurrentIndex(tab.status_filter.findData("scheduled"))
    assert settled(tab).model.rowCount() == 2
    tab.status_filter.setCurrentIndex(0)
    tab.path_filter.setCurrentIndex(tab.path_filter.findData(2))
    settled(tab)
    assert {tab.model.interview(tab.model.interview_id(r)).path_id
            for r in range(tab.model.rowCount())} == {2}
    tab.path_filter.setCurrentIndex(0)
    zoe = next(r.contact_id for r in interviews.list_interviews() if r.round == 2)
    tab.contact_filter.setCurrentIndex(tab.contact_filter.findData(zoe))
    assert settled(tab).model.rowCount() == 2
    tab.contact_filter.setCurrentIndex(0)

    # (the sample's dates follow the day it was made: the bounds are taken from its own)
    listed = interviews.list_interviews()
    days = sorted(r.scheduled_at[:10] for r in listed if r.scheduled_at)
    low, high = days[2], days[-4]
    assert days[0] < low <= high < days[-1]
    for field, day in ((tab.date_from, low), (tab.date_to, high)):
        qtbot.keyClicks(field, day)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert settled(tab).model.rowCount() == sum(low <= d <= high for d in days)
    tab.date_to.clear_action.trigger()
    assert settled(tab).model.rowCount() == sum(d >= low for d in days)
    qtbot.keyClicks(tab.date_to, "2026-13-01")
    qtbot.keyClick(tab.date_to, Qt.Key.Key_Return)
    assert tab.date_error.isVisible()
    # the bad bound is ignored, the good one applies
    assert settled(tab).model.rowCount() == sum(d >= low for d in days)
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert settled(tab).model.rowCount() == 12 and not tab.date_error.isVisible()

    # Sort by date, oldest first: the undated request goes last.
    tab.table.sortByColumn(im.DATE, Qt.SortOrder.AscendingOrder)
    settled(tab)
    dates = [tab.model.index(r, im.DATE).data() for r in range(tab.model.rowCount())]
    earliest = min(r.scheduled_at for r in listed if r.scheduled_at)
    assert dates[0] == earliest and dates[-1] == "not set"
    assert dates[:-1] == sorted(dates[:-1])


def test_every_person_is_offered_when_a_contact_field_is_used(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    listed = interviews.list_interviews()
    interviewed = sorted({(im.fold(r.contact_name), r.contact_id) for r in listed})
    current = [c.id for c in network.contact_choices()]
    # A reload shows the list at once; the people come when a field is reached for.
    demo_window.ctx.bus.changed.emit("contacts")
    qtbot.keyClick(tab.contact_filter.lineEdit(), Qt.Key.Key_End)
    combo = tab.contact_filter
    assert [combo.itemData(i) for i in range(combo.count())] == [
        -1, *(cid for _name, cid in interviewed)]
    assert combo.currentText() == "Anyone"
    field = tab.editor.details.contact
    shown = field.currentData()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert sorted(field.itemData(i) for i in range(field.count())) == sorted(current)
    assert field.currentData() == shown == tab.editor.detail.row.contact_id
    # ... or while the app is idle
    demo_window.ctx.bus.changed.emit("contacts")
    qtbot.waitUntil(lambda: combo.count() == len(interviewed) + 1
                    and field.count() == len(current))


def test_show_item_selects_the_interview_clearing_filters(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    demo_window.show_tab("pathsTab")
    qtbot.keyClicks(tab.search, "nobody matches this")
    assert settled(tab).model.rowCount() == 0
    target = interviews.list_interviews()[3].id
    demo_window.ctx.bus.show_item.emit("interview", target)
    assert demo_window.tabs.currentWidget() is tab
    assert tab.editor.interview_id == target
    assert tab.search.text() == ""
    assert settled(tab).table.selectionModel().currentIndex().row() == tab.model.row_of(target)


def test_mention_importance_changes_in_place_and_remove_undoes(demo_window, qtbot):
    tab = interviews_tab(demo_window)
    priya = next(r for r in interviews.list_interviews() if r.contact_name == "Priya Raman")
    open_interview(qtbot, tab, priya.id)
    panel = tab.editor.mentions
    model = panel.model
    sql = model.row_of(next(m.id for m in interviews.get_interview(priya.id).mentions
                            if m.skill_name == "SQL"))
    assert model.setData(model.index(sql, im.M_IMPORTANCE), 3)
    qtbot.waitUntil(lambda: next(m.importance for m in interviews.get_interview(priya.id)
                                 .mentions if m.skill_name == "SQL") == 3)
    count = model.rowCount()
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert len(interviews.get_interview(priya.id).mentions) == count - 1
    demo_window.actions.undo.trigger()
    assert len(interviews.get_interview(priya.id).mentions) == count


@pytest.mark.parametrize("tab_name", ["pathsTab", "interviewsTab"])
def test_visible_mnemonics_do_not_clash(demo_window, tab_name):
    """Alt+letter reaches one thing only: on every page, no letter is used twice among the
    menus, the main tabs and what the tab shows."""
    from PySide6.QtWidgets import QAbstractButton, QTabBar, QTabWidget

    tab = demo_window.show_tab(tab_name)

    def letter(text: str) -> str | None:
        text = text.replace("&&", "")
        i = text.find("&")
        return text[i + 1].lower() if i >= 0 else None

    def check() -> None:
        seen: dict[str, str] = {}
        bar = demo_window.menuBar()
        texts = [m.title() for m in bar.findChildren(type(demo_window.file_menu))
                 if m.parent() is bar]
        texts += [demo_window.tabs.tabText(i) for i in range(demo_window.tabs.count())]
        for tab_bar in tab.findChildren(QTabBar):
            if tab_bar.isVisible():
                texts += [tab_bar.tabText(i) for i in range(tab_bar.count())]
        texts += [w.text() for w in tab.findChildren(QLabel) if w.isVisible() and w.buddy()]
        texts += [w.text() for w in tab.findChildren(QAbstractButton) if w.isVisible()]
        for text in texts:
            key = letter(text)
            if key is None:
                continue
            assert key not in seen, f"Alt+{key}: {seen[key]!r} and {text!r}"
            seen[key] = text

    for pages in tab.findChildren(QTabWidget):
        for i in range(pages.count()):
            pages.setCurrentIndex(i)
            check()
