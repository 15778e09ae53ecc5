"""The Overview's due list reads a bucket a page at a time: the model over its pages (checked
with qtmodeltester), the counts shown before the rows are read, more rows as the user scrolls
down, and a first paint that takes the same few statements whatever the size."""

from __future__ import annotations

import datetime as _dt
import threading

import pytest
from PySide6.QtCore import QModelIndex

from careerpivot.core import due
from careerpivot.services import due_list, log
from careerpivot.ui.tabs.overview.due_model import DueModel

FIXED = _dt.date(2026, 3, 11)  # a Wednesday


@pytest.fixture
def fixed_today(clock):
    clock.set_today(FIXED)
    return FIXED


def item(n: int, bucket: str) -> due_list.DueItem:
    day = FIXED + _dt.timedelta(days={due.OVERDUE: -3, due.TODAY: 0, due.COMING: 12}[bucket])
    return due_list.DueItem(
        key=f"action:{n}", kind=due_list.ACTION, item_id=n, bucket=bucket, due=day,
        original_due=day, days_late=due.days_late(day, FIXED), text=f"Action {n:04d}",
        contact_id=None, contact_name="", organization="", path_title="", open_kind="log",
        open_id=n, can_done=True, can_snooze=True)


def test_the_model_reads_a_page_at_a_time(qtmodeltester, qapp):
    rows = {due.OVERDUE: [item(n, due.OVERDUE) for n in range(250)],
            due.TODAY: [item(1000 + n, due.TODAY) for n in range(3)],
            due.COMING: [item(2000 + n, due.COMING) for n in range(130)]}
    asked = []

    def fetch(bucket, offset, limit):
        asked.append((bucket, offset, limit))
        return rows[bucket][offset:offset + limit]

    counts = {b: len(rows.get(b, ())) for b in due.BUCKETS}
    first = {b: r[:due_list.PAGE] for b, r in rows.items()}
    data = due_list.DueList(None, counts, first)  # type: ignore[arg-type]
    model = DueModel()
    model.set_list(data, FIXED, qapp.palette(), fetch)
    assert model.buckets() == [due.OVERDUE, due.TODAY, due.COMING]  # empty ones left out
    overdue = model.bucket_index(due.OVERDUE)
    assert model.index(0, 0).data() == "Overdue (250)"  # the count, before the rows
    assert model.rowCount(overdue) == due_list.PAGE and model.can_fetch_more(overdue)
    assert not model.can_fetch_more(model.bucket_index(due.TODAY))
    model.fetch_more(overdue)
    assert asked == [(due.OVERDUE, due_list.PAGE, due_list.PAGE)]
    assert model.rowCount(overdue) == 2 * due_list.PAGE
    qtmodeltester.check(model)
    model.fetch_all()
    assert model.items(due.OVERDUE) == rows[due.OVERDUE]
    assert model.items() == [*rows[due.OVERDUE], *rows[due.TODAY], *rows[due.COMING]]
    assert not any(model.can_fetch_more(model.index(g, 0)) for g in range(3))
    qtmodeltester.check(model)
    assert model.index_of("action:249") == model.index(249, 0, overdue)


def test_rows_come_as_the_user_scrolls_down(fixed_today, main_window, qtbot):
    count = due_list.PAGE * 2 + 30
    for n in range(count):
        log.add_entry("action", f"Call person {n:03d}", entry_date=FIXED - _dt.timedelta(
            days=20), due_date=FIXED - _dt.timedelta(days=1 + n % 9))
    log.add_entry("action", "Today's one", due_date=FIXED)
    main_window.ctx.bus.changed.emit("log")
    tab = main_window.tab_widgets["overviewTab"]
    model, view = tab.due_model, tab.due_view
    overdue = model.bucket_index(due.OVERDUE)
    assert overdue.data() == f"Overdue ({count})"
    assert model.loaded(due.OVERDUE) == due_list.PAGE  # not every row yet
    assert "⚠ " + str(count) + " overdue" in tab.header.text()
    expected = [i for i in due_list.due_items(FIXED) if i.bucket == due.OVERDUE]
    assert model.items(due.OVERDUE) == expected[:due_list.PAGE]
    # the last row read comes into view: the next page is read
    view.scrollTo(model.index(due_list.PAGE - 1, 0, overdue))
    qtbot.waitUntil(lambda: model.loaded(due.OVERDUE) == 2 * due_list.PAGE, timeout=3000)
    qtbot.waitUntil(lambda: not tab.due._fetch_pending, timeout=3000)  # no more than that
    assert model.loaded(due.OVERDUE) == 2 * due_list.PAGE
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded(due.OVERDUE) == count, timeout=3000)
    assert model.items(due.OVERDUE) == expected
    # a change reads as many rows again, so the place in the list is kept
    key = expected[-1].key
    assert tab.select_item(key)
    main_window.ctx.bus.changed.emit("log")
    assert model.loaded(due.OVERDUE) == count and tab.current_item().key == key


def test_the_first_paint_takes_the_same_statements_whatever_the_size(
        fixed_today, main_window, monkeypatch):
    from careerpivot.store.db import database

    tab = main_window.tab_widgets["overviewTab"]
    seen: list[str] = []
    original = database.execute_sql
    gui_thread = threading.current_thread()

    def counting(sql, params=None, *args, **kwargs):
        if threading.current_thread() is gui_thread:
            seen.append(sql)
        return original(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counting)

    def due_list_statements() -> int:
        seen.clear()
        tab._reload_due()
        return len(seen)

    for n in range(3):
        log.add_entry("action", f"Few {n}", due_date=FIXED)
    few = due_list_statements()
    for n in range(400):
        log.add_entry("action", f"Many {n}", entry_date=FIXED - _dt.timedelta(days=30),
                      due_date=FIXED + _dt.timedelta(days=n % 40 - 12))
    many = due_list_statements()
    assert tab.due_model.count(due.OVERDUE) > due_list.PAGE
    assert many == few <= 10
    assert tab.due_view.model().rowCount(QModelIndex()) == 4
