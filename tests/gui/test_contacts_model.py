"""The contacts model on its own, over a real workspace: every sort and filter shows the rows
in the order the list has always shown them (a plain Python sort over folded texts is the
oracle), it passes qtmodeltester, and one page costs a bounded number of statements whatever
the number of contacts."""

from __future__ import annotations

import dataclasses
import datetime as _dt

import pytest
from gui_steps import settled, statements
from PySide6.QtCore import Qt

from careerpivot.core import checkins, vocab
from careerpivot.core.text import fold
from careerpivot.services import contact_list, network, paths
from careerpivot.store.models import database
from careerpivot.ui.itemmodels import contacts as cm
from careerpivot.ui.itemmodels import paged

TODAY = _dt.date(2026, 3, 14)
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder




@pytest.fixture
def people(workspace):
    """Contacts that differ in every column, accents and empty values included; returns
    their ids."""
    pm = paths.add_path("Product management")
    stages, levels = list(vocab.STAGES), list(vocab.LEVELS)
    names = ["Émile Zola", "emile zola", "Zoë Ångström", "ana lima", "Ana Lima", "Bob",
             "Çetin", "Øyvind", "李雷", "Dmitri", "Élodie", "zach"]
    ids = []
    for i in range(36):
        last = TODAY - _dt.timedelta(days=(i * 7) % 120) if i % 4 else None
        ids.append(network.create_contact(
            name=f"{names[i % len(names)]} {i // len(names) or ''}".strip(),
            organization=("", "Acme", "Beta", "Ärzte")[i % 4], role=("", f"Role {i % 5}")[i % 2],
            level=["", *levels][i % (len(levels) + 1)], stage=stages[i % len(stages)],
            cadence_days=(0, 14, 30, 91)[i % 4], last_contact=last,
            notes="met at the café about fintech" if i % 5 == 0 else "",
            tags=("Fintech, mentor", "health", "")[i % 3],
            path_ids=[pm] if i % 2 else [],
            introduced_by=ids[i % 3] if i > 3 and i % 3 == 0 else None))
    return ids


def _oracle(sort: int, order: Qt.SortOrder, *, words=(), stage=None,
            due_only=False) -> list[int]:
    """The order the list showed before it was paged: a stable Python sort of folded keys,
    empty values last in either direction, ties by folded name then id."""
    records = network.contact_records()
    level_order = {k: i for i, k in enumerate(vocab.LEVELS)}
    stage_order = {k: i for i, k in enumerate(vocab.STAGES)}

    def tags(r):
        return ", ".join(network.tag_names(r[network.R_TAGS]))

    def state(r):
        return contact_list.checkin_state(r, TODAY)

    def key(r):
        if sort == cm.NAME:
            return fold(r[network.R_NAME])
        if sort == cm.ORGANIZATION:
            return fold(r[network.R_ORGANIZATION])
        if sort == cm.ROLE:
            return fold(r[network.R_ROLE])
        if sort == cm.LEVEL:
            return level_order.get(r[network.R_LEVEL]) if r[network.R_LEVEL] else ""
        if sort == cm.STAGE:
            return stage_order.get(r[network.R_STAGE], 99)
        if sort == cm.TAGS:
            return fold(tags(r))
        if sort == cm.LAST_CONTACT:
            return r[network.R_LAST_CONTACT] or ""
        if sort == cm.NEXT_CHECKIN:
            when = contact_list.next_checkin(r)
            if when is not None:
                return when.toordinal()
            return TODAY.toordinal() if state(r) == checkins.DUE else ""
        return fold(r[network.R_INTRODUCER_NAME])

    def text(r):
        return "\n".join(fold(t) for t in (r[network.R_NAME], r[network.R_ORGANIZATION],
                                           r[network.R_ROLE], tags(r), r[network.R_NOTES]))

    shown = [r for r in records
             if all(w in text(r) for w in words)
             and (stage is None or r[network.R_STAGE] == stage)
             and (not due_only or state(r) in checkins.DUE_STATUSES)]
    shown.sort(key=lambda r: (fold(r[network.R_NAME]), r[network.R_ID]))
    present = [r for r in shown if key(r) != ""]
    missing = [r for r in shown if key(r) == ""]
    present.sort(key=key, reverse=order == DESC)
    return [r[network.R_ID] for r in present + missing]


def _listed(model) -> list[int]:
    return [model.contact_id(r) for r in range(model.rowCount())]


def test_every_sort_shows_the_order_the_list_always_had(people, qapp):
    model = cm.ContactsModel()
    model.reload(TODAY)
    for column in range(cm.COLUMN_COUNT):
        for order in (ASC, DESC):
            model.sort(column, order)
            assert _listed(settled(model)) == _oracle(column, order), (column, order)


@pytest.mark.parametrize("text, stage, due_only", [
    ("CAFÉ fintech", None, False), ("ärz", None, False), ("emile", None, False),
    ("", list(vocab.STAGES)[1], False),
    ("", None, True), ("mentor a", None, True), ("nobody-has-this", None, False)])
def test_search_and_filters_find_what_the_list_always_found(people, qapp, text, stage,
                                                            due_only):
    model = cm.ContactsModel()
    model.reload(TODAY)
    model.set_search(text)
    model.set_stage(stage)
    model.set_due_only(due_only)
    model.sort(cm.ORGANIZATION, DESC)
    expected = _oracle(cm.ORGANIZATION, DESC, words=tuple(fold(text).split()), stage=stage,
                       due_only=due_only)
    assert _listed(settled(model)) == expected
    assert model.total_count() == len(people)
    assert model.due_count() == len(_oracle(cm.NAME, ASC, due_only=True))


def test_model_passes_qtmodeltester(people, qtmodeltester):
    model = settled(cm.ContactsModel())
    model.reload(TODAY)
    settled(model)
    qtmodeltester.check(model)
    model.set_search("cafe")
    assert 0 < settled(model).rowCount() < len(people)
    qtmodeltester.check(model)
    model.sort(cm.NEXT_CHECKIN, DESC)
    qtmodeltester.check(settled(model))
    first = model.contact_id(0)
    row = model.contact(first)
    model.update_row(dataclasses.replace(row, name="Aaron"))
    assert model.index(0, cm.NAME).data() == "Aaron"
    qtmodeltester.check(model)


def test_the_same_rows_in_a_new_order_keep_the_selection(people, qtbot):
    from PySide6.QtWidgets import QTableView

    model = cm.ContactsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.reload(TODAY)
    settled(model)
    chosen = people[7]
    view.selectRow(model.row_of(chosen))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.sort(cm.ORGANIZATION, DESC)
    settled(model)
    assert not resets  # a layout change: the view keeps its selection
    assert [model.contact_id(i.row()) for i in view.selectionModel().selectedRows()] == [chosen]




@pytest.mark.parametrize("count", [150, 1500])
def test_one_page_costs_the_same_statements_whatever_the_size(workspace, qapp, count):
    """Listing and showing the first page: a bounded number of statements (the records of
    one page in one), never one per contact, at any size."""
    from careerpivot.store.models import Contact

    with database.atomic():
        Contact.insert_many([{"name": f"Person {i}", "stage": "identified",
                              "cadence_days": 14 * (i % 2)} for i in range(count)]).execute()
    listed = statements(lambda: contact_list.ordered_ids(contact_list.ContactQuery(), TODAY))
    model = cm.ContactsModel()
    model.show_list(contact_list.ordered_ids(contact_list.ContactQuery(), TODAY))
    shown = statements(lambda: [model.index(r, cm.NAME).data() for r in range(40)])
    reads = [s for s in listed + shown if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 6
    assert len([s for s in shown if "SELECT" in s.upper()]) == 1  # one page, one statement
    assert model.rowCount() == count


def test_a_list_asked_for_replaces_the_one_being_read(people, qapp):
    """Typing fast: only the newest list shows (the lists asked for in between are
    dropped)."""
    model = cm.ContactsModel()
    shown: list[int] = []
    model.listed.connect(lambda: shown.append(model.rowCount()))
    model.reload(TODAY)
    for text in ("a", "an", "ana", "ana l"):
        model.set_search(text)
    settled(model)
    assert shown and shown[-1] == len(_oracle(cm.NAME, ASC, words=("ana", "l")))
    assert len(shown) <= 2  # the first asked for, then the newest


def test_pages_are_read_as_the_view_needs_them(workspace, qapp):
    from careerpivot.store.models import Contact

    with database.atomic():
        Contact.insert_many([{"name": f"Person {i:05}"} for i in range(3 * paged.PAGE)]
                            ).execute()
    model = cm.ContactsModel()
    model.show_list(contact_list.ordered_ids(contact_list.ContactQuery(), TODAY))
    fetched: list[int] = []
    original = model._fetch
    model._fetch = lambda ids: (fetched.append(len(ids)), original(ids))[1]
    assert model.index(0, cm.NAME).data() == "Person 00000"
    assert model.index(2 * paged.PAGE + 5, cm.NAME).data() == f"Person {2 * paged.PAGE + 5:05}"
    assert model.index(3, cm.NAME).data() == "Person 00003"
    assert fetched == [paged.PAGE, paged.PAGE]  # two pages, the first kept
