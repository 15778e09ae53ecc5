"""The weekly review over a small workspace: what it finds changed since the last review, what
was due and done, and what saving it writes to the log."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.core import review as rules
from careerpivot.core.errors import ValidationError
from careerpivot.services import interviews, log, network, paths, plan, review, standings

TODAY = dt.date(2026, 3, 20)
LAST = TODAY - dt.timedelta(days=7)  # the last review: 2026-03-13


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def held(name: str, organization: str, level: str, path: int, when: str) -> int:
    person = network.create_contact(name=name, organization=organization, level=level)
    return interviews.create_interview(person, path, when, status="completed")


@pytest.fixture
def week(clock, workspace):
    """Two supporters of "Pay rises fast" before the last review, and three of "Shifts are
    rare"; the review a week ago."""
    clock.set_today(TODAY)
    pm = paths.add_path("Product management")
    pay = paths.add_assumption(pm, "Pay rises fast")
    shifts = paths.add_assumption(pm, "Shifts are rare")
    for name, org, level, offset in (("Ana", "Acme", "mid", -12), ("Bob", "Beta", "senior", -9)):
        talk = held(name, org, level, pm, day(offset))
        interviews.set_evidence(talk, pay, "supported")
        interviews.set_evidence(talk, shifts, "supported")
    interviews.set_evidence(held("Cy", "Gamma", "lead", pm, day(-8)), shifts, "supported")
    log.add_entry("review", "Last week's review.", entry_date=LAST)
    return pm, pay, shifts


def test_a_conversation_held_since_the_last_review_that_settles_an_assumption_is_a_change(week):
    pm, pay, _shifts = week
    interviews.set_evidence(held("Dee", "Delta", "lead", pm, day(-2)), pay, "supported")

    data = review.review_data()
    assert data.last_review == LAST and data.since == LAST and not data.overdue
    change, = data.changes  # "Shifts are rare" was settled before the review: no change
    assert (change.assumption_id, change.statement, change.path_title) == (
        pay, "Pay rises fast", "Product management")
    assert change.change == rules.SETTLED
    assert change.before == rules.Mark("supported", False, False)
    assert change.after == rules.Mark("supported", True, False)
    assert change.standing.supporters.people == 3


def test_a_conversation_held_before_the_last_review_is_no_change(week):
    pm, pay, _shifts = week
    # the third supporter spoke on the review's own day: it was there when the review was made
    interviews.set_evidence(held("Dee", "Delta", "lead", pm, LAST.isoformat()), pay,
                            "supported")
    # and a verdict on a conversation after it that was not held does not count
    planned = held("Eve", "Echo", "mid", pm, day(-1))
    interviews.set_evidence(planned, pay, "challenged")
    interviews.update_interview(planned, "status", "scheduled")
    assert review.review_data().changes == ()
    # once it is held, it does: contested now, no longer settled
    interviews.update_interview(planned, "status", "completed")
    change, = review.review_data().changes
    assert change.assumption_id == pay and change.change == rules.UNSETTLED
    assert change.before == rules.Mark("supported", True, False)
    assert change.after.status == "contested"


def test_the_before_side_is_the_evidence_as_standings_judge_it_on_that_day(week):
    pm, pay, shifts = week
    interviews.set_evidence(held("Dee", "Delta", "lead", pm, day(-2)), pay, "supported")
    interviews.set_evidence(held("Fay", "", "", pm, ""), shifts, "challenged")  # undated
    interviews.set_evidence(held("Gus", "Gamma", "mid", pm, f"{LAST.isoformat()} 18:00"),
                            shifts, "nuanced")
    then = {j.assumption_id: rules.mark(j.standing)
            for j in standings.judged(held_through=LAST)}
    now = {j.assumption_id: rules.mark(j.standing) for j in standings.judged()}
    found = {c.assumption_id: (c.before, c.after) for c in review.review_data().changes}
    expected = {a: (then[a], now[a]) for a in now if then[a] != now[a]}
    assert found == expected and set(found) == {pay, shifts}


def test_an_assumption_written_since_the_last_review_is_new(week, clock):
    pm, _pay, _shifts = week
    # written after the review was (the next morning: the review's own time of day is the
    # run's, which may be late in the evening)
    clock.set_now(dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9, 0)))
    fresh = paths.add_assumption(pm, "Remote work is common")
    change, = review.review_data().changes
    assert (change.assumption_id, change.change, change.before) == (fresh, rules.NEW, None)
    assert change.after.status == "untested"


def test_a_skill_is_new_when_a_second_person_mentions_it_since_the_last_review(week):
    pm, _pay, _shifts = week
    ana_talk, bob_talk, cy_talk = (i.id for i in sorted(interviews.list_interviews(),
                                                        key=lambda i: i.scheduled_at))
    interviews.add_mention(ana_talk, "SQL", 3)  # before the review, one person
    interviews.add_mention(ana_talk, "Roadmaps")
    interviews.add_mention(bob_talk, "Roadmaps")  # two people before: recurring already
    interviews.add_mention(cy_talk, "Negotiation")
    dee = held("Dee", "Delta", "lead", pm, day(-1))
    interviews.add_mention(dee, "SQL")
    interviews.add_mention(dee, "Roadmaps")
    interviews.add_mention(dee, "Figma")  # one person only
    again = interviews.create_interview(interviews.get_interview(cy_talk).row.contact_id, pm,
                                        day(-1), status="completed")
    interviews.add_mention(again, "Negotiation")  # the same person twice is one person

    new, = review.review_data().new_skills
    assert (new.name, new.people) == ("SQL", 2)


def test_what_was_due_and_what_got_done(week):
    pm, _pay, _shifts = week
    done_in_week = log.add_entry("action", "Thank Ana", entry_date=day(-10), due_date=day(-5))
    log.mark_done(done_in_week, day(-4))
    open_in_week = log.add_entry("action", "Send Bob the memo", entry_date=day(-10),
                                 due_date=day(-1))
    carried = log.add_entry("action", "Ask Cy for an intro", entry_date=day(-20),
                            due_date=day(-15))
    closed_before = log.add_entry("action", "Old thing", entry_date=day(-20), due_date=day(-15))
    log.mark_done(closed_before, day(-14))
    snoozed = log.add_entry("action", "Later", entry_date=day(-10), due_date=day(-3))
    log.snooze(snoozed, day(2))
    log.add_entry("action", "Next week", due_date=day(4))
    phase = plan.plan_overview().phases[0].id
    finished = plan.add_milestone(phase, "Ten conversations", due_date=day(3))
    plan.update_milestone(finished, "status", "done")
    late = plan.add_milestone(phase, "Course module 2", due_date=day(-3))
    soon = plan.add_milestone(phase, "Shadowing day", due_date=day(10))
    plan.add_milestone(phase, "Portfolio", due_date=day(20))
    talk = held("Dee", "Delta", "lead", pm, f"{day(-2)} 10:00")

    data = review.review_data()
    assert [(a.entry_id, a.done) for a in data.due] == [
        (carried, None), (open_in_week, None), (done_in_week, TODAY - dt.timedelta(days=4))]
    assert (data.due_total, data.due_done) == (3, 1)
    assert {(d.kind, d.item_id) for d in data.done} == {
        ("log", done_in_week), ("milestone", finished), ("interview", talk)}
    assert data.done_counts == {"log": 1, "milestone": 1, "interview": 1}
    assert [(m.milestone_id, m.days_overdue) for m in data.milestones] == [(late, 3), (soon, 0)]


def test_with_no_earlier_review_it_looks_back_a_week_once_there_is_something(clock, workspace):
    clock.set_today(TODAY)
    empty = review.review_data()
    assert empty.last_review is None and empty.since == LAST
    assert not empty.overdue and not review.reminder().overdue
    log.add_entry("insight", "Talk to more people in operations.")
    assert review.review_data().overdue
    assert review.reminder() == review.Reminder(None, None, True)
    log.add_entry("review", "First review.", entry_date=TODAY - dt.timedelta(days=9))
    assert review.reminder() == review.Reminder(TODAY - dt.timedelta(days=9), 9, True)


def test_saving_writes_one_review_entry_with_the_decisions_and_a_dated_summary(week):
    pm, pay, _shifts = week
    interviews.set_evidence(held("Dee", "Delta", "lead", pm, day(-2)), pay, "supported")
    data = review.review_data()
    review.keep_draft("Ask about pay")
    assert review.draft() == "Ask about pay"
    before = log.counts_by_kind()["review"]

    entry_id = review.save_review("  Ask two more people about pay.\nKeep the SQL course. ",
                                  data)
    entry = log.get_entry(entry_id)
    assert log.counts_by_kind()["review"] == before + 1
    assert (entry.kind, entry.entry_date) == ("review", TODAY)
    decisions, summary = entry.text.split("\n\n", 1)
    assert decisions == "Ask two more people about pay.\nKeep the SQL course."
    assert summary.startswith("Weekly review 2026-03-20, looking back to 2026-03-13")
    assert ("• Pay rises fast (Product management): supported → settled"
            in summary.splitlines())
    assert "Done: 1 conversation held." in summary.splitlines()
    assert review.draft() == ""  # the draft went with the save
    assert not review.reminder().overdue


def test_the_summary_is_in_the_words_of_the_translator_given(week):
    data = review.review_data()
    text = review.summary_text(data, lambda source, n: rules.english(source, n).upper())
    assert text.splitlines()[0] == "WEEKLY REVIEW 2026-03-20, LOOKING BACK TO 2026-03-13"


@pytest.mark.parametrize("words", ["", "   ", "…", "- -"])
def test_a_review_needs_at_least_a_word(week, words):
    with pytest.raises(ValidationError) as caught:
        review.save_review(words, review.review_data())
    assert caught.value.field == "decisions"
    assert "no change this week" in caught.value.message


def test_the_review_reads_a_fixed_number_of_queries(week, statements):
    pm, pay, _shifts = week

    def week_of(people: range) -> None:
        for n in people:
            talk = held(f"P{n}", f"Org {n}", "mid", pm, day(-1))
            interviews.set_evidence(talk, pay, "challenged")
            interviews.add_mention(talk, f"Skill {n % 2}")
            log.add_entry("action", f"Thank P{n}", entry_date=day(-2), due_date=day(-1))

    week_of(range(1))
    statements.clear()
    review.review_data()
    few = len(statements)
    week_of(range(1, 8))
    statements.clear()
    data = review.review_data()
    assert len(statements) == few
    assert data.changes and data.new_skills and data.due_total == 8
