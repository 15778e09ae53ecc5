"""The Overview as a person uses it: what is due (open, mark done, snooze, log a check-in),
the charts, the tracking log, Find everywhere and the message composer."""

from __future__ import annotations

import datetime as _dt
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette

from careerpivot.core import due
from careerpivot.services import log, network, overview

FIXED = _dt.date(2026, 3, 11)  # a Wednesday

#: Showing a dialog on the offscreen platform warns about window-manager features it lacks.
offscreen_dialog = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def today(clock):
    """The day the sample workspace was built for (the run's today)."""
    day = clock.today()
    return day


@pytest.fixture
def fixed_today(clock):
    clock.set_today(FIXED)
    return FIXED


def overview_tab(window):
    return window.tab_widgets["overviewTab"]


def first(tab, kind, bucket=None):
    return next(i for i in tab.due_model.items(bucket) if i.kind == kind)


def keys(tab):
    return {i.key: i for i in tab.due_model.items()}


# --- what is due ----------------------------------------------------------------------------


def test_the_sample_workspace_shows_what_is_due_today(today, demo_window, qtbot):
    tab = overview_tab(demo_window)
    assert demo_window.tabs.currentWidget() is tab
    model = tab.due_model
    assert model.buckets()[:3] == [due.OVERDUE, due.TODAY, due.THIS_WEEK]
    assert model.items() == overview.due_items(today)
    milestone = first(tab, overview.MILESTONE, due.OVERDUE)
    index = model.index_of(milestone.key)
    when = model.index(index.row(), 1, index.parent())
    # overdue: its own colour AND its own words and sign
    assert when.data().startswith("⚠") and "overdue" in when.data()
    overdue_color, soon_color = tab.due_model._overdue, tab.due_model._soon
    assert when.data(Qt.ItemDataRole.ForegroundRole) == overdue_color
    soon = model.index_of(first(tab, overview.ACTION, due.TODAY).key)
    soon_when = model.index(soon.row(), 1, soon.parent())
    assert soon_when.data().startswith("● Today")
    assert soon_when.data(Qt.ItemDataRole.ForegroundRole) == soon_color != overdue_color
    header = tab.header.text()
    assert "overdue" in header and "due today" in header and "Marcus Bell" in header
    agenda = [tab.agenda_model.item(r).text() for r in range(tab.agenda_model.rowCount())]
    assert any("Marcus Bell" in text for text in agenda)
    assert any("Ravi Menon" in text for text in agenda)
    # the charts arrive off the GUI thread
    qtbot.waitUntil(lambda: tab.charts is not None and tab.charts.data is not None,
                    timeout=10000)
    data = overview.chart_data(today)
    assert tab.charts.data == data
    pipeline = tab.charts.pipeline.values()
    assert pipeline["Contacts"][0] == dict(data.pipeline)["identified"]
    assert tab.charts.paths.labels() == [p.title for p in data.paths if p.total]
    assert "assumptions tested" in tab.charts.paths.summary.text()


def test_the_when_column_shows_its_words_whole(today, demo_window, qtbot):
    tab = overview_tab(demo_window)
    view, model = tab.due_view, tab.due_model
    bold = QFont(view.font())
    bold.setBold(True)
    widest = 0
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            text = model.index(row, 1, parent).data()
            widest = max(widest, QFontMetrics(bold).horizontalAdvance(text))
    assert widest and view.header().sectionSize(1) >= widest


def test_mark_done_then_undo(today, demo_window, qtbot):
    tab = overview_tab(demo_window)
    action = first(tab, overview.ACTION, due.OVERDUE)
    assert tab.select_item(action.key)
    assert tab.done_button.isEnabled() and tab.done_button.text() == "&Mark Done"
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert action.key not in keys(tab)
    assert log.get_entry(action.item_id).done_date == today
    assert tab.current_item() is not None  # the next row took its place
    demo_window.ctx.undo.undo()
    assert keys(tab)[action.key].bucket == due.OVERDUE
    assert log.get_entry(action.item_id).done_date is None


def test_snooze_moves_an_item_but_never_earlier(today, demo_window, qtbot):
    tab = overview_tab(demo_window)
    action = first(tab, overview.ACTION, due.OVERDUE)
    tab.select_item(action.key)
    tab.snooze_actions[3].trigger()
    snoozed = keys(tab)[action.key]
    assert snoozed.bucket == due.THIS_WEEK and snoozed.due == today + _dt.timedelta(days=3)
    index = tab.due_model.index_of(action.key)
    assert "(snoozed)" in tab.due_model.index(index.row(), 1, index.parent()).data()
    tab.select_item(action.key)
    tab.snooze_actions[1].trigger()  # a shorter snooze keeps the later date
    assert keys(tab)[action.key].due == today + _dt.timedelta(days=3)
    demo_window.ctx.undo.undo()
    demo_window.ctx.undo.undo()
    assert keys(tab)[action.key].bucket == due.OVERDUE
    # a conversation cannot be snoozed
    interview = first(tab, overview.INTERVIEW)
    tab.select_item(interview.key)
    assert not tab.snooze_button.isEnabled() and not tab.done_button.isEnabled()


def test_logging_a_checkin_restarts_the_cadence(today, demo_window, qtbot):
    tab = overview_tab(demo_window)
    checkin = first(tab, overview.CHECKIN, due.OVERDUE)
    tab.select_item(checkin.key)
    assert tab.done_button.text() == "Log &Check-in"
    tab.done_current()
    assert network.get_contact(checkin.contact_id).last_contact == today
    assert checkin.key not in keys(tab)
    entries = log.list_entries(contact_id=checkin.contact_id, kind="outreach")
    assert entries[0].text.startswith("Checked in with")


def test_enter_opens_the_item_in_its_tab(today, demo_window, qtbot):
    tab = overview_tab(demo_window)
    checkin = first(tab, overview.CHECKIN)
    tab.select_item(checkin.key)
    tab.due_view.setFocus()
    qtbot.keyClick(tab.due_view, Qt.Key.Key_Return)
    network_tab = demo_window.tab_widgets["networkTab"]
    assert demo_window.tabs.currentWidget() is network_tab
    qtbot.waitUntil(lambda: network_tab.selected_ids() == [checkin.contact_id])

    demo_window.tabs.setCurrentWidget(tab)
    interview = first(tab, overview.INTERVIEW)
    tab.select_item(interview.key)
    with qtbot.waitSignal(demo_window.ctx.bus.show_item,
                          check_params_cb=lambda k, i: (k, i) == ("interview",
                                                                  interview.item_id)):
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)

    # an action opens in the tracking log, inside the Overview
    demo_window.tabs.setCurrentWidget(tab)
    action = first(tab, overview.ACTION)
    tab.select_item(action.key)
    tab.open_current()
    assert tab.inner_tabs.currentWidget() is tab.log_view
    assert tab.log_view.current_entry().id == action.item_id


def test_write_message_picks_the_template_for_the_row(today, demo_window, monkeypatch):
    from careerpivot.ui.dialogs.outreach import OutreachDialog

    calls = []
    monkeypatch.setattr(OutreachDialog, "compose",
                        classmethod(lambda cls, ctx, parent, **kw: calls.append(kw)))
    tab = overview_tab(demo_window)
    follow_up = next(i for i in tab.due_model.items() if i.rule == due.FOLLOW_UP)
    tab.select_item(follow_up.key)
    tab.message_current()
    assert calls[-1] == {"contact_id": follow_up.contact_id, "template_key": "follow_up",
                         "interview_id": None}
    second = next(i for i in tab.due_model.items() if i.rule == due.SECOND_PERSON
                  and i.candidates)
    tab.select_item(second.key)
    tab.message_current()
    assert calls[-1]["contact_id"] == second.candidates[0][0]
    assert calls[-1]["template_key"] == "request"


def test_charts_follow_the_palette(today, demo_window, qtbot):
    from careerpivot.ui.widgets import charts

    tab = overview_tab(demo_window)
    qtbot.waitUntil(lambda: tab.charts is not None and tab.charts.data is not None,
                    timeout=10000)
    card = tab.charts.paths
    supported = next(s for s in card.series.barSets() if s.property("colorKey") == "supported")
    assert supported.color() == QColor(charts.COLORS["supported"][0])
    dark = QPalette(tab.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#181818"))
    tab.setPalette(dark)
    assert supported.color() == QColor(charts.COLORS["supported"][1])
    assert card._labels[0].brush().color() == QColor("#eeeeee")
    # and they follow the data
    with qtbot.waitSignal(tab.charts_updated, timeout=10000):
        network.create_contact(name="Someone New")
        demo_window.ctx.bus.changed.emit("contacts")
    assert sum(tab.charts.pipeline.values()["Contacts"]) == sum(
        n for s, n in tab.charts.data.pipeline if s != "declined")


def test_qtcharts_is_not_imported_at_start_up():
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtGui import QUndoStack\n"
        "app = QApplication([])\n"
        "from careerpivot.settings import Settings\n"
        "from careerpivot.ui.context import AppContext, DataBus\n"
        "from careerpivot.ui.main_window import MainWindow\n"
        "from careerpivot.ui.tabs.overview import OverviewTab\n"
        "tab = OverviewTab(AppContext(Settings(os.devnull), QUndoStack(), DataBus()))\n"
        "print('PySide6.QtCharts' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "False", result.stderr


# --- an empty workspace on a fixed day --------------------------------------------------------


def test_an_empty_workspace_says_nothing_is_due(fixed_today, main_window, qtbot):
    tab = overview_tab(main_window)
    assert tab.due_stack.currentWidget() is tab.due_empty
    assert "Wednesday" in tab.header.text() and "nothing due" in tab.header.text()
    qtbot.waitUntil(lambda: tab.charts is not None and tab.charts.data is not None,
                    timeout=10000)
    assert tab.charts.paths.stack.currentWidget() is tab.charts.paths.empty
    # an action added in the tracking log appears in the due list
    tab.inner_tabs.setCurrentWidget(tab.log_view)
    entry = tab.log_view.create({"kind": "action", "text": "Write to Priya",
                                 "entry_date": "2026-03-11", "due_date": "2026-03-11",
                                 "contact": None, "path": None})
    assert keys(tab)[f"action:{entry}"].bucket == due.TODAY
    assert tab.log_view.current_entry().id == entry
    tab.log_view.toggle_done()
    assert f"action:{entry}" not in keys(tab)
    main_window.ctx.undo.undo()
    assert f"action:{entry}" in keys(tab)


def test_the_tracking_log_is_read_when_its_tab_is_first_shown(today, demo_window):
    tab = overview_tab(demo_window)
    assert tab.inner_tabs.currentWidget() is not tab.log_view
    assert tab.log_view.model.rowCount() == 0  # not read at start-up: it is not shown
    tab.inner_tabs.setCurrentWidget(tab.log_view)
    assert tab.log_view.model.rowCount() > 0


def test_the_tracking_log_searches_and_filters(fixed_today, main_window, qtbot):
    tab = overview_tab(main_window)
    view = tab.log_view
    tab.inner_tabs.setCurrentWidget(view)
    for kind, text in (("insight", "SQL before any certificate"),
                       ("decision", "Aim for product roles"),
                       ("insight", "Zoë: discovery matters")):
        view.create({"kind": kind, "text": text, "entry_date": "2026-03-10",
                     "due_date": "", "contact": None, "path": None})
    assert view.model.rowCount() == 3
    view.search.setText("zoë")  # QTest types ASCII only
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.search.clear()
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("decision"))
    assert [view.model.entry(r).text for r in range(view.model.rowCount())] == [
        "Aim for product roles"]
    view.clear_filters()
    view.select_entry(view.model.entry(0).id)
    view.delete_current()
    assert view.model.rowCount() == 2
    main_window.ctx.undo.undo()
    assert view.model.rowCount() == 3


# --- find everywhere --------------------------------------------------------------------------


@offscreen_dialog
def test_find_returns_results_while_typing_and_opens_one(today, demo_window, qtbot):
    from careerpivot.ui.dialogs.find import FindDialog

    dialog = FindDialog(demo_window.ctx, demo_window)
    qtbot.addWidget(dialog)
    dialog.start()
    with qtbot.waitSignal(dialog.results_ready, timeout=5000):
        qtbot.keyClicks(dialog.text, "priya")
    assert dialog.results[0].kind == "contact" and dialog.results[0].title == "Priya Raman"
    assert dialog.model.item(0).text().startswith("People")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    network_tab = demo_window.tab_widgets["networkTab"]
    assert demo_window.tabs.currentWidget() is network_tab
    qtbot.waitUntil(lambda: bool(network_tab.selected_ids()))
    assert network.get_contact(network_tab.selected_ids()[0]).name == "Priya Raman"
    assert not dialog.isVisible()

    # a log entry opens in the Overview's tracking log
    dialog.start()
    dialog.text.clear()
    with qtbot.waitSignal(dialog.results_ready, timeout=5000):
        qtbot.keyClicks(dialog.text, "kaizen workshop")
    kinds = [r.kind for r in dialog.results]
    assert "log" in kinds
    while dialog.current_result()[0] != "log":
        qtbot.keyClick(dialog.text, Qt.Key.Key_Down)
    entry_id = dialog.current_result()[1]
    qtbot.keyClick(dialog.text, Qt.Key.Key_Enter)
    tab = overview_tab(demo_window)
    assert demo_window.tabs.currentWidget() is tab
    assert tab.log_view.current_entry().id == entry_id


@offscreen_dialog
def test_find_says_when_nothing_matches(today, demo_window, qtbot):
    from careerpivot.ui.dialogs.find import FindDialog

    dialog = FindDialog.show_for(demo_window.ctx, demo_window)
    assert FindDialog.show_for(demo_window.ctx, demo_window) is dialog  # one per window
    with qtbot.waitSignal(dialog.results_ready, timeout=5000):
        dialog.text.setText("zzqx nothing")
    assert dialog.results == [] and "Nothing found" in dialog.status.text()
    dialog.close()


# --- the message composer ---------------------------------------------------------------------


@pytest.fixture
def composer(fixed_today, main_window, qtbot):
    from careerpivot.ui.dialogs.outreach import OutreachDialog

    cid = network.create_contact(name="Fatima Al-Sayed", organization="Meridian Bank",
                                 email="fatima@meridian.example")
    dialog = OutreachDialog(main_window.ctx, main_window, contact_id=cid)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, cid


@offscreen_dialog
def test_the_composer_fills_and_checks_a_request(composer, qtbot):
    dialog, _cid = composer
    body = dialog.body.toPlainText()
    assert body.startswith("Hi Fatima,") and "Meridian Bank" in body
    warnings = dialog.warnings()
    assert any("your name" in w for w in warnings)  # the profile has no name yet
    assert not any("question" in w for w in warnings)
    dialog.body.setPlainText(" ".join(["word"] * 120) + ".")
    warnings = dialog.warnings()
    assert any("120 words" in w for w in warnings)
    assert any("does not end with a question" in w for w in warnings)
    assert "120 words" in dialog.checks_label.text()
    dialog.body.setPlainText("Would you have 20 minutes for a call?")
    assert dialog.warnings() == []
    assert dialog.refill_button.isHidden()
    dialog.goal.setText("how banks run product")
    dialog.goal.editingFinished.emit()
    assert dialog.refill_button.isVisible()  # the user's own words are not overwritten
    dialog.refill(force=True)
    assert "how banks run product" in dialog.body.toPlainText()


@offscreen_dialog
def test_copy_mail_and_mark_as_sent(composer, monkeypatch, main_window):
    from careerpivot.ui.dialogs import outreach as dialog_module

    dialog, cid = composer
    opened = []
    monkeypatch.setattr(dialog_module, "open_url", lambda url: opened.append(url) or True)
    dialog.copy()
    assert QGuiApplication.clipboard().text() == dialog.body.toPlainText()
    dialog.open_in_mail()
    url = bytes(opened[0].toEncoded()).decode()
    assert url.startswith("mailto:fatima@meridian.example?subject=")
    assert "%0D%0A" in url and " " not in url
    assert dialog.sent_button.isDefault()
    sent = dialog.mark_sent()
    assert network.get_contact(cid).stage == "contacted"
    assert log.get_entry(sent.entry_id).kind == "outreach"
    assert "Contacted" in dialog.sent_note.text()
    main_window.ctx.undo.undo()
    assert network.get_contact(cid).stage == "identified"


@offscreen_dialog
def test_the_template_editor_stores_edits_and_warns(composer, qtbot):
    from careerpivot.services import outreach

    dialog, _cid = composer
    dialog.tabs.setCurrentIndex(1)
    long_body = "Hi {contact_first_name}, " + " ".join(["please"] * 110) + "."
    dialog.body_template.setPlainText(long_body)
    assert "words —" in dialog.template_checks.text()
    assert dialog.binder.flush()
    assert outreach.get_template("request").body == long_body
    assert dialog.body.toPlainText().startswith("Hi Fatima, please")  # refilled
    dialog.restore_template()
    assert outreach.get_template("request").body == outreach.default_template("request").body
