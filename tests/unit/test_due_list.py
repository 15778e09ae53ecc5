"""What is due, a bucket at a time (services.due_list): the counts and the pages are the items
the Overview listed when it built every one of them in Python (``due_oracle``), on the sample
workspace and on random small ones, snoozes and dismissals included; and reading them takes
the same few statements whatever the size of the workspace."""

from __future__ import annotations

import datetime as _dt
import random
from collections import Counter

import due_oracle
import pytest

from careerpivot.core import due, vocab
from careerpivot.services import due_list, interviews, log, network, overview, paths, plan
from careerpivot.services import workspace as ws

TODAY = _dt.date(2026, 3, 11)  # a Wednesday


def check_against_oracle(today: _dt.date, page_size: int = 7) -> list[due_list.DueItem]:
    expected = due_oracle.due_items(today)
    assert due_list.due_items(today) == expected
    data = due_list.load(today, {b: page_size for b in due.BUCKETS})
    tally = Counter(i.bucket for i in expected)
    assert data.counts == {b: tally.get(b, 0) for b in due.BUCKETS}
    for bucket in due.BUCKETS:
        rows = [i for i in expected if i.bucket == bucket]
        assert data.rows[bucket] == rows[:page_size]
        pages = []
        for offset in range(0, len(rows) + page_size, page_size):
            pages += due_list.page(data.query, bucket, offset, page_size)
        assert pages == rows
    return expected


# --- the sample workspace ---------------------------------------------------------------------


def test_the_sample_workspace_as_before(clock, demo_workspace):
    items = check_against_oracle(clock.today())
    assert {i.kind for i in items} == set(due_list.KIND_ORDER)
    # and on the days around it, when other things are due
    for shift in (-9, -1, 1, 6, 20):
        check_against_oracle(clock.today() + _dt.timedelta(days=shift))


# --- random small workspaces ------------------------------------------------------------------

ORGS = ["Meridian Bank", "meridian  bank", "MERIDIAN BANK", "Kestrel Health", "Zoë & Co",
        "", "Northwind"]
NAMES = ["Ana", "ana", "Ángel", "Bo", "Zoë", "Émile", "李雷", "Ola Nordmann", "ola  nordmann",
         "Chloé", "O'Brien", "Ørsted"]


@pytest.fixture
def empty(clock, tmp_path):
    clock.set_today(TODAY)
    ws.open_workspace(tmp_path / "w.careerpivot", backups_root=tmp_path / "b")
    yield
    ws.close()


def build(rng: random.Random) -> None:
    day = lambda: TODAY + _dt.timedelta(days=rng.randint(-60, 40))  # noqa: E731
    people = []
    for n in range(rng.randint(5, 40)):
        last = min(day(), TODAY) if rng.random() < 0.7 else None
        people.append(network.create_contact(
            name=f"{rng.choice(NAMES)} {n % 3 or ''}".strip(), organization=rng.choice(ORGS),
            stage=rng.choice(["identified", "to_contact", "contacted", "scheduled",
                              "interviewed", "thanked", "ongoing", "declined"]),
            cadence_days=rng.choice([0, 0, *sorted(c for c in vocab.CADENCES if c)]),
            last_contact=last))
    pm = paths.add_path("Product management")
    for _ in range(rng.randint(0, 12)):
        when = day()
        stamp = f"{when} {rng.randint(8, 18):02d}:{rng.choice(['00', '30'])}"
        interviews.create_interview(rng.choice(people), pm,
                                    stamp if rng.random() < 0.7 else when)
    phase = plan.plan_overview().phases[0].id
    for n in range(rng.randint(0, 8)):
        plan.add_milestone(phase, f"{rng.choice(NAMES)} milestone {n}", due_date=day(),
                           status=rng.choice(["planned", "planned", "in_progress", "done"]))
    for n in range(rng.randint(0, 25)):
        log.add_entry("action", f"{rng.choice(NAMES)} action {n % 4}", due_date=day(),
                      entry_date=TODAY - _dt.timedelta(days=70),
                      contact_id=rng.choice([None, *people]))
    for _ in range(rng.randint(0, 15)):
        log.add_entry("outreach", "Request", contact_id=rng.choice(people),
                      entry_date=TODAY - _dt.timedelta(days=rng.randint(0, 50)))


def snooze_and_dismiss(rng: random.Random) -> None:
    items = due_oracle.due_items(TODAY)
    for item in rng.sample(items, min(len(items), 6)):
        if item.can_snooze and rng.random() < 0.7:
            overview.snooze_item(item.key, rng.choice((*due.SNOOZE_CHOICES, 20)))
        elif item.kind == due_list.OUTREACH:
            overview.mark_done(item.key)


@pytest.mark.parametrize("seed", range(8))
def test_random_workspaces_as_before(empty, seed):
    rng = random.Random(seed)
    build(rng)
    check_against_oracle(TODAY, page_size=rng.choice([1, 2, 5]))
    snooze_and_dismiss(rng)
    items = check_against_oracle(TODAY, page_size=3)
    check_against_oracle(TODAY + _dt.timedelta(days=rng.randint(1, 9)))
    assert items  # every seed has something due


def test_snoozed_items_move_bucket_in_the_counts(empty):
    c = network.create_contact(name="Priya", cadence_days=30,
                               last_contact=TODAY - _dt.timedelta(days=40))
    entry = log.add_entry("action", "Write to Priya", due_date=TODAY)
    before = due_list.load(TODAY).counts
    assert (before[due.OVERDUE], before[due.TODAY]) == (1, 1)
    overview.snooze_item(f"checkin:{c}", 3)
    overview.snooze_item(f"action:{entry}", 7)
    after = due_list.load(TODAY)
    assert after.counts == {due.OVERDUE: 0, due.TODAY: 0, due.THIS_WEEK: 2, due.COMING: 0}
    assert [(i.key, i.due, i.snoozed) for i in after.rows[due.THIS_WEEK]] == [
        (f"checkin:{c}", TODAY + _dt.timedelta(days=3), True),
        (f"action:{entry}", TODAY + _dt.timedelta(days=7), True)]
    # a snooze that ended is no snooze: the check-in is overdue again
    assert due_list.load(TODAY + _dt.timedelta(days=5)).counts[due.OVERDUE] == 1


# --- statements -------------------------------------------------------------------------------


def fill(n: int) -> None:
    phase = plan.plan_overview().phases[0].id
    pm = paths.add_path(f"Path {n}")
    for k in range(n):
        cid = network.create_contact(name=f"Person {k}", organization=ORGS[k % len(ORGS)],
                                     stage="contacted" if k % 3 else "identified",
                                     cadence_days=14, last_contact=TODAY - _dt.timedelta(
                                         days=k % 40))
        log.add_entry("action", f"Action {k}", due_date=TODAY + _dt.timedelta(days=k % 30 - 9),
                      entry_date=TODAY - _dt.timedelta(days=30), contact_id=cid)
        log.add_entry("outreach", f"Request {k}", contact_id=cid,
                      entry_date=TODAY - _dt.timedelta(days=k % 20))
        if k % 5 == 0:
            plan.add_milestone(phase, f"Milestone {k}", due_date=TODAY)
            interviews.create_interview(cid, pm, TODAY + _dt.timedelta(days=k % 7))


def test_the_first_read_takes_the_same_few_statements_whatever_the_size(empty, statements):
    fill(5)
    statements.clear()
    small = due_list.load(TODAY)
    few = len(statements)
    fill(150)
    statements.clear()
    large = due_list.load(TODAY)
    assert large.total > 4 * small.total and large.total > 400
    # the snoozes, the recent requests (up to five), the counts with the first rows
    assert few <= 8 and len(statements) <= 8
    # each page of a bucket is one statement
    statements.clear()
    rows = due_list.page(large.query, due.OVERDUE, due_list.PAGE, due_list.PAGE)
    assert rows and len(statements) == 1
