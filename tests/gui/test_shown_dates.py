"""Dates in the lists and details are shown the way the user's locale writes them (with a
four-digit year), while the lists still sort by date, not by the text shown, and the store
keeps ISO. The tests run in the neutral "C" locale, where the text shown is ISO: these set
another one."""

from __future__ import annotations

import datetime as dt

import pytest
from gui_steps import settled
from PySide6.QtCore import QLocale, Qt

from careerpivot.services import development, interviews, log, network
from careerpivot.ui.context import Area
from careerpivot.ui.itemmodels import contacts as cm
from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.widgets.date_text import shown_date, shown_datetime
from careerpivot.ui.widgets.log_view import model as log_model

Language, Country = QLocale.Language, QLocale.Country
EARLIER, LATER = dt.date(2026, 3, 14), dt.date(2027, 1, 2)


@pytest.fixture
def window(main_window, clock, qtbot):
    """The main window over a workspace with two of everything: one on 14 March 2026, one on
    2 January 2027 (both past)."""
    clock.set_today(dt.date(2027, 2, 1))
    ana = network.create_contact(name="Ana Souza", last_contact=EARLIER.isoformat(),
                                 cadence_days=91)
    ben = network.create_contact(name="Ben Ode", last_contact=LATER.isoformat(),
                                 cadence_days=91)
    interviews.create_interview(ana, scheduled_at=f"{EARLIER} 14:30")
    interviews.create_interview(ben, scheduled_at=f"{LATER} 09:00")
    development.add_learning("Statistics", start_date=EARLIER, end_date=LATER)
    development.add_learning("SQL", start_date=LATER)
    log.add_entry("insight", "Metrics matter", entry_date=EARLIER)
    done = log.add_entry("action", "Thank Ben", entry_date=LATER, due_date=LATER)
    log.mark_done(done, LATER)
    main_window.ctx.bus.changed.emit(Area.ALL)
    return main_window


def texts(model, column: int) -> list[str]:
    """The texts of a column, once the list shows the newest rows asked for."""
    settled(model.parent())
    return [model.index(row, column).data() for row in range(model.rowCount())]


def interview_list(qtbot, window):
    tab = window.show_tab("interviewsTab")
    qtbot.waitUntil(lambda: settled(tab).model.total_count() == 2)
    return tab.model


def contact_list(qtbot, window):
    tab = window.show_tab("networkTab")
    qtbot.waitUntil(lambda: tab.model.total_count() == 2)
    return tab


def test_the_lists_show_dates_the_british_way_and_sort_them_by_date(window, qtbot, locale):
    locale(Language.English, Country.UnitedKingdom)
    model = interview_list(qtbot, window)
    model.sort(im.DATE, Qt.SortOrder.AscendingOrder)
    assert texts(model, im.DATE) == ["14/03/2026 14:30", "02/01/2027 09:00"]
    model.sort(im.DATE, Qt.SortOrder.DescendingOrder)
    assert texts(model, im.DATE) == ["02/01/2027 09:00", "14/03/2026 14:30"]
    model.set_search("02/01/2027")  # what is shown can be searched for
    assert texts(model, im.CONTACT) == ["Ben Ode"]
    model.set_search("")
    model.set_date_range(LATER.isoformat(), "")  # the filter's bounds stay ISO
    assert texts(model, im.DATE) == ["02/01/2027 09:00"]

    tab = contact_list(qtbot, window)
    contacts = tab.model
    contacts.sort(cm.LAST_CONTACT, Qt.SortOrder.AscendingOrder)
    settled(tab)
    assert texts(contacts, cm.LAST_CONTACT) == ["14/03/2026", "02/01/2027"]
    assert texts(contacts, cm.NEXT_CHECKIN) == ["13/06/2026", "03/04/2027"]
    contacts.sort(cm.NEXT_CHECKIN, Qt.SortOrder.DescendingOrder)
    settled(tab)
    assert texts(contacts, cm.NAME) == ["Ben Ode", "Ana Souza"]
    assert contacts.index(0, cm.NEXT_CHECKIN).data(Qt.ItemDataRole.ToolTipRole) == \
        "Next check-in on 03/04/2027."

    development_tab = window.show_tab("developmentTab")
    learning = development_tab.learning_model
    qtbot.waitUntil(lambda: learning.total_count() == 2)
    learning.sort(lm.START, Qt.SortOrder.AscendingOrder)
    assert texts(learning, lm.START) == ["14/03/2026", "02/01/2027"]
    assert texts(learning, lm.END) == ["02/01/2027", ""]
    assert learning.index(0, lm.START).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "14/03/2026"

    overview = window.show_tab("overviewTab")
    entries = overview.log_view
    entries.reload()
    assert texts(entries.model, log_model.DATE) == ["02/01/2027", "14/03/2026"]  # newest first
    assert texts(entries.model, log_model.STATUS)[0] == "✓ Done 02/01/2027"


def test_the_store_keeps_iso_whatever_the_locale(window, qtbot, locale):
    locale(Language.English, Country.UnitedKingdom)
    tab = contact_list(qtbot, window)
    ben = next(r for r in network.list_contacts() if r.name == "Ben Ode")
    tab.show_item("contact", ben.id)
    qtbot.waitUntil(lambda: tab.editor.contact_id == ben.id)
    assert tab.editor.next_checkin_label.text() == "03/04/2027 — in 61 days"
    assert network.get_contact(ben.id).last_contact == LATER
    assert interviews.list_interviews(contact_id=ben.id)[0].scheduled_at == f"{LATER} 09:00"


def test_american_dates_put_the_month_first(window, qtbot, locale):
    locale(Language.English, Country.UnitedStates)
    model = interview_list(qtbot, window)
    model.sort(im.DATE, Qt.SortOrder.AscendingOrder)
    assert texts(model, im.DATE) == ["3/14/2026 2:30\u202fPM", "1/2/2027 9:00\u202fAM"]
    tab = contact_list(qtbot, window)
    contacts = tab.model
    contacts.sort(cm.LAST_CONTACT, Qt.SortOrder.AscendingOrder)
    settled(tab)
    assert texts(contacts, cm.LAST_CONTACT) == ["3/14/2026", "1/2/2027"]


def test_the_neutral_locale_shows_iso_and_nothing_shows_as_nothing(qapp):
    assert QLocale().language() == Language.C
    assert shown_date(EARLIER) == "2026-03-14" == shown_date("2026-03-14 14:30")
    assert shown_datetime(dt.datetime(2026, 3, 14, 14, 30)) == "2026-03-14 14:30"
    assert shown_datetime("2026-03-14") == "2026-03-14"  # no time of day stored
    assert shown_date(None) == shown_date("") == shown_datetime(None) == ""
    assert shown_date("next week") == "next week"  # written by hand into the file: as it is
