"""The interviews model on its own, over a real workspace: every sort and every filter and
search shows the rows in the order the list has always shown them (the Python filter and sort
the list used before it was paged is the oracle), in the neutral locale and in one that shows
dates another way; it passes qtmodeltester, and one page costs one statement whatever the
number of interviews."""

from __future__ import annotations

import pytest
from gui_steps import settled, statements
from PySide6.QtCore import Qt

from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services import interviews, network, paths
from careerpivot.store.models import Interview, database
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.widgets.date_text import shown_datetime

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder




@pytest.fixture
def conversations(workspace):
    """Interviews that differ in every column — accents, empty organizations, paths whose
    titles fold alike, undated ones, several on one day — and tie on each; their ids."""
    titles = ["Product management", "Éthique", "ethique", "Zoology"]
    path_ids = [paths.add_path(t) for t in titles]
    names = ["Émile Zola", "emile zola", "Zoë Ångström", "ana lima", "Ana Lima", "Bob",
             "Çetin", "李雷"]
    people = [network.create_contact(name=n, organization=("", "Acme", "Ärzte", "beta")[i % 4])
              for i, n in enumerate(names)]
    statuses, modes = list(vocab.INTERVIEW_STATUSES), list(vocab.INTERVIEW_MODES)
    days = ["", "2026-03-14 14:30", "2026-03-14 09:05", "2026-03-14", "2025-12-01 10:00",
            "2027-01-02 21:15", ""]
    rows = [{"contact": people[(i * 5) % len(people)],
             "path": None if i % 5 == 0 else path_ids[i % len(path_ids)],
             "scheduled_at": days[i % len(days)], "status": statuses[i % len(statuses)],
             "mode": modes[(i // 2) % len(modes)], "round": 1 + i % 3, "minutes": 30}
            for i in range(60)]
    with database.atomic():
        Interview.insert_many(rows).execute()
    return [r.id for r in interviews.list_interviews()]


def _oracle(column: int, order: Qt.SortOrder, *, words=(), text_ids=frozenset(),
            status=None, path=None, contact=None, start="", end="") -> list[int]:
    """The order the list showed before it was paged (its Python filter and stable sort)."""
    rows = sorted(interviews.list_interviews(), key=lambda r: r.id)
    descending = order == DESC
    statuses = {k: fold(vocab_name(v)) for k, v in vocab.INTERVIEW_STATUSES.items()}
    modes = {k: fold(vocab_name(v)) for k, v in vocab.INTERVIEW_MODES.items()}

    def text(r):
        return (f"{fold(r.contact_name)}\n{fold(r.organization)}\n{fold(r.path_title)}\n"
                f"{statuses.get(r.status, '')}\n{modes.get(r.mode, '')}\n{r.scheduled_at}\n"
                f"{fold(shown_datetime(r.scheduled_at))}")

    def shown(r):
        if status is not None and r.status != status:
            return False
        if path is not None and (r.path_id or im.NO_PATH) != path:
            return False
        if contact is not None and r.contact_id != contact:
            return False
        if start or end:
            day = r.scheduled_at[:10]
            if not day or (start and day < start) or (end and day > end):
                return False
        return not words or r.id in text_ids or all(w in text(r) for w in words)

    visible = [r for r in rows if shown(r)]
    dated = sorted((r for r in visible if r.scheduled_at),
                   key=lambda r: (r.scheduled_at, r.id), reverse=descending)
    undated = sorted((r for r in visible if not r.scheduled_at), key=lambda r: r.id,
                     reverse=descending)
    ordered = dated + undated
    status_order = {k: i for i, k in enumerate(vocab.INTERVIEW_STATUSES)}
    mode_order = {k: i for i, k in enumerate(vocab.INTERVIEW_MODES)}
    keys = {im.CONTACT: lambda r: fold(r.contact_name),
            im.STATUS: lambda r: status_order.get(r.status, 99),
            im.PATH: lambda r: fold(r.path_title),
            im.ORGANIZATION: lambda r: fold(r.organization),
            im.MODE: lambda r: mode_order.get(r.mode, 99), im.ROUND: lambda r: r.round}
    if column != im.DATE:
        key = keys[column]
        if column in (im.CONTACT, im.PATH, im.ORGANIZATION):
            present = [r for r in ordered if key(r) != ""]
            missing = [r for r in ordered if key(r) == ""]
        else:
            present, missing = ordered, []
        present.sort(key=key, reverse=descending)
        ordered = present + missing
    return [r.id for r in ordered]


def _listed(model) -> list[int]:
    return [model.interview_id(r) for r in range(model.rowCount())]


def test_every_sort_shows_the_order_the_list_always_had(conversations, qapp):
    model = im.InterviewsModel()
    model.reload()
    for column in range(im.COLUMN_COUNT):
        for order in (ASC, DESC):
            model.sort(column, order)
            assert _listed(settled(model)) == _oracle(column, order), (column, order)
    assert model.total_count() == len(conversations)


SEARCHES = ["acme", "ETHIQUE", "zoe lima", "video", "call", "no-show", "2026-03", "14:3",
            "03-14 09", "ärz", "in person", "nobody-has-this", "2", ":", "-"]


@pytest.mark.parametrize("text", SEARCHES)
@pytest.mark.parametrize("where", ["C", "en_US", "en_GB"])
def test_search_finds_what_the_list_always_found(conversations, qapp, locale, text, where):
    locale(where)
    model = im.InterviewsModel()
    model.reload()
    model.set_search(text)
    model.sort(im.CONTACT, DESC)
    expected = _oracle(im.CONTACT, DESC, words=tuple(fold(text).split()))
    assert _listed(settled(model)) == expected


@pytest.mark.parametrize("text", ["3/14/2026", "2:30", "pm", "1/2/", "9:05 am", "/20"])
def test_the_date_as_shown_can_be_searched(conversations, qapp, locale, text):
    locale("en_US")
    model = im.InterviewsModel()
    model.reload()
    model.set_search(text)
    expected = _oracle(im.DATE, DESC, words=tuple(fold(text).split()))
    assert expected
    assert _listed(settled(model)) == expected


def test_filters_and_text_matches_find_what_the_list_always_found(conversations, qapp):
    model = im.InterviewsModel()
    model.reload()
    rows = interviews.list_interviews()
    person = rows[3].contact_id
    cases = [dict(status="completed"), dict(path=im.NO_PATH), dict(path=rows[1].path_id),
             dict(contact=person), dict(start="2026-03-14"), dict(end="2026-03-14"),
             dict(start="2026-01-01", end="2026-12-31", status="cancelled")]
    for case in cases:
        model.clear_filters()
        model.set_status(case.get("status"))
        model.set_path(case.get("path"))
        model.set_contact(case.get("contact"))
        model.set_date_range(case.get("start"), case.get("end"))
        for column, order in ((im.DATE, DESC), (im.PATH, ASC), (im.MODE, DESC)):
            model.sort(column, order)
            assert _listed(settled(model)) == _oracle(column, order, **case), (case, column)
        assert model.filters_active()
    # notes and answers found by the database: shown besides what the words find
    model.clear_filters()
    model.sort(im.DATE, DESC)
    found = {rows[0].id, rows[7].id, rows[20].id}
    model.set_search("acme video")
    model.set_text_matches("acme video", found)
    expected = _oracle(im.DATE, DESC, words=("acme", "video"), text_ids=found)
    assert _listed(settled(model)) == expected
    model.set_search("acme vide")  # other words: the matches no longer apply
    assert _listed(settled(model)) == _oracle(im.DATE, DESC, words=("acme", "vide"))


def test_people_offered_are_those_interviewed_and_the_current_contacts(conversations, qapp):
    model = im.InterviewsModel()
    rows = interviews.list_interviews()
    interviewed = sorted({(fold(r.contact_name), fold(r.organization), r.contact_id)
                          for r in rows})
    assert [c[0] for c in model.contacts()] == [c[2] for c in interviewed]
    nobody = network.create_contact(name="Aaron Nobody")
    assert model.contact_of(nobody) is None
    assert model.contact_of(rows[0].contact_id) == (rows[0].contact_name, rows[0].organization)
    assert nobody in [c[0] for c in model.contact_choices()]
    assert [c[0] for c in model.contact_choices()] == [
        c.id for c in sorted(network.contact_choices(),
                             key=lambda c: (fold(c.name), fold(c.organization), c.id))]


def test_model_passes_qtmodeltester(conversations, qtmodeltester):
    model = im.InterviewsModel()
    model.reload()
    qtmodeltester.check(settled(model))
    model.set_search("acme")
    assert 0 < settled(model).rowCount() < len(conversations)
    qtmodeltester.check(model)
    model.sort(im.ORGANIZATION, ASC)
    qtmodeltester.check(settled(model))
    first = model.interview(model.interview_id(0))
    changed = interviews.InterviewRow(**{**first.__dict__, "contact_name": "Aaron"})
    model.update_row(changed)
    assert model.index(0, im.CONTACT).data() == "Aaron"
    qtmodeltester.check(model)


def test_a_row_whose_date_changes_moves_and_stays_selected(conversations, qtbot):
    from PySide6.QtWidgets import QTableView

    model = im.InterviewsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.reload()
    settled(model)
    last = model.interview_id(model.rowCount() - 1)
    view.selectRow(model.rowCount() - 1)
    interviews.update_interview(last, "scheduled_at", "2030-01-01 08:00")
    model.update_row(interviews.get_interview(last).row)
    settled(model)
    assert model.interview_id(0) == last  # newest first
    assert [model.interview_id(i.row()) for i in view.selectionModel().selectedRows()] == [last]




@pytest.mark.parametrize("count", [150, 3000])
def test_one_page_costs_one_statement_whatever_the_size(workspace, qapp, count):
    """Listing (with a search) and showing the first page: a bounded number of statements,
    the rows of one page in one, never one per interview, at any size."""
    people = [network.create_contact(name=f"Person {i}") for i in range(20)]
    with database.atomic():
        Interview.insert_many([{"contact": people[i % 20], "scheduled_at":
                                f"2026-{1 + i % 12:02}-{1 + i % 28:02} 10:00" if i % 9 else "",
                                "status": "scheduled"} for i in range(count)]).execute()
    query = interviews.InterviewQuery()
    listed = statements(lambda: interviews.ordered_ids(query))
    searched = statements(lambda: interviews.ordered_ids(
        interviews.InterviewQuery(words=("person", "10:00")),
        [interviews.WordMatches(statuses=("scheduled",), days=("2026-01-01",))] * 2))
    model = im.InterviewsModel()
    model.show_list(interviews.ordered_ids(query))
    shown = statements(lambda: [model.index(r, im.CONTACT).data() for r in range(40)])
    assert len([s for s in listed + searched if "SELECT" in s.upper()]) <= 8
    assert len([s for s in shown if "SELECT" in s.upper()]) == 1  # one page, one statement
    assert model.rowCount() == count

