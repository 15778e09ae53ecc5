"""Interviews: list and search, detail, guide, evidence, mentions, follow-ups, introductions,
completion and delete (services.interviews)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest

from careerpivot.core.errors import NotFoundError, ValidationError
from careerpivot.services import development, interviews, paths, workspace
from careerpivot.store.models import Answer, Contact, Evidence, LogEntry, SkillMention, database

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def ws(clock, tmp_path):
    clock.set_today(TODAY)
    info = workspace.open_workspace(tmp_path / "w.db", backups_root=tmp_path / "backups")
    yield info
    workspace.close()


@contextlib.contextmanager
def count_statements():
    statements: list[str] = []
    conn = database.connection()
    conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        conn.set_trace_callback(None)


def contact(name, org="", level="", stage="identified", last_contact=None):
    return Contact.insert(name=name, organization=org, level=level, stage=stage,
                          last_contact=last_contact).execute()


@pytest.fixture
def pm(ws):
    """A path with three core questions."""
    path_id = paths.add_path("Product management")
    qs = [paths.add_question(f"Core question {k}?") for k in range(3)]
    paths.set_core_questions(path_id, qs)
    return path_id


# --- create and update -----------------------------------------------------------------------


def test_create_fills_guide_with_core_questions(pm):
    ana = contact("Ana", "Acme", "mid")
    i = interviews.create_interview(ana, pm, "2026-03-12 14:30")
    d = interviews.get_interview(i)
    assert [a.question_text for a in d.answers] == [f"Core question {k}?" for k in range(3)]
    assert [a.position for a in d.answers] == [0, 1, 2]
    assert all(a.question_id for a in d.answers)
    row = d.row
    assert (row.contact_name, row.organization, row.path_title) == ("Ana", "Acme",
                                                                    "Product management")
    assert (row.minutes, row.mode, row.status, row.round) == (30, "video", "scheduled", 1)
    assert row.scheduled_at == "2026-03-12 14:30"
    assert Contact.get_by_id(ana).stage == "scheduled"
    undated = interviews.create_interview(ana)
    assert interviews.get_interview(undated).row.status == "requested"
    assert interviews.get_interview(undated).answers == ()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"contact_id": None}, "contact"),
        ({"contact_id": 999}, "contact"),
        ({"path_id": 999}, "path"),
        ({"scheduled_at": "2026-02-30"}, "scheduled_at"),
        ({"scheduled_at": "2026-02-03 25:00"}, "scheduled_at"),
        ({"minutes": 4}, "minutes"),
        ({"minutes": 481}, "minutes"),
        ({"mode": "telepathy"}, "mode"),
        ({"status": "maybe"}, "status"),
    ],
)
def test_create_refuses_bad_input(ws, kwargs, field):
    args = {"contact_id": contact("Ana"), **kwargs}
    with pytest.raises(ValidationError) as err:
        interviews.create_interview(**args)
    assert err.value.field == field
    assert interviews.list_interviews() == []


def test_update_one_field_at_a_time(pm):
    ana = contact("Ana")
    i = interviews.create_interview(ana, pm)
    interviews.update_interview(i, "scheduled_at", "2026-04-01T09:05")
    interviews.update_interview(i, "minutes", "20")
    interviews.update_interview(i, "mode", "phone")
    interviews.update_interview(i, "notes", "Line one\r\nLine two  ")
    interviews.update_interview(i, "fit_signal", -2)
    interviews.update_interview(i, "path", None)
    d = interviews.get_interview(i)
    assert d.row.scheduled_at == "2026-04-01 09:05" and d.row.minutes == 20
    assert d.row.mode == "phone" and d.notes == "Line one\nLine two" and d.fit_signal == -2
    assert d.row.path_id is None and d.row.path_title == ""
    for field, value in [("minutes", 500), ("fit_signal", 3), ("mode", "x"),
                         ("scheduled_at", "yesterday"), ("contact", 999), ("round", 4)]:
        with pytest.raises(ValidationError) as err:
            interviews.update_interview(i, field, value)
        assert err.value.field == field
    interviews.update_interview(i, "status", "scheduled")
    assert Contact.get_by_id(ana).stage == "scheduled"
    with pytest.raises(NotFoundError):
        interviews.update_interview(999, "notes", "x")


# --- the list --------------------------------------------------------------------------------


def test_list_filters_search_and_sort(pm):
    ops = paths.add_path("Operations")
    zoe = contact("Zoë Ödegaard", "Nordisk Ölfabrik", "senior")
    ana = contact("Ana", "Acme", "mid")
    late = interviews.create_interview(zoe, pm, "2026-05-01 10:00")
    early = interviews.create_interview(ana, ops, "2026-01-15")
    undated = interviews.create_interview(ana, pm)
    middle = interviews.create_interview(zoe, None, "2026-03-01 08:00", status="completed")
    interviews.update_interview(early, "notes", "Talked about the 東京 office")
    interviews.set_answer(interviews.get_interview(undated).answers[0].id,
                          "Most weeks are Roadmap   Planning")

    ids = lambda **kw: [r.id for r in interviews.list_interviews(**kw)]  # noqa: E731
    assert ids() == [early, middle, late, undated]
    assert ids(newest_first=True) == [late, middle, early, undated]
    assert ids(status="completed") == [middle]
    assert ids(status=["requested", "completed"]) == [middle, undated]
    assert ids(path_id=pm) == [late, undated]
    assert ids(contact_id=ana) == [early, undated]
    assert ids(date_from="2026-02-01") == [middle, late]
    assert ids(date_to=dt.date(2026, 3, 1)) == [early, middle]
    assert ids(date_from="2026-01-15", date_to="2026-01-15") == [early]
    with pytest.raises(ValidationError) as err:
        interviews.list_interviews(date_from="2026-13-01")
    assert err.value.field == "date_from"

    assert ids(search="ZOË") == [middle, late]  # any case, accents kept
    assert ids(search="ölfabrik") == [middle, late]
    assert ids(search="acme") == [early, undated]
    assert ids(search="operations") == [early]  # the path's title
    assert ids(search="東京") == [early]  # notes
    assert ids(search="roadmap planning") == [undated]  # answers, spacing folded
    assert ids(search="ana roadmap") == [undated]  # every word, anywhere
    assert ids(search="zoë roadmap") == []
    assert ids(search="'; DROP TABLE interview; --") == []
    assert ids(search="%") == [] and ids(search="_") == []
    assert ids(search="   ") == ids()


def test_the_list_for_the_tab_is_three_reads_of_which_one_index(pm, statements):
    ana, zoe = contact("Ana", "Acme", "mid"), contact("Zoë", "Nordisk")
    undated = interviews.create_interview(ana, pm)
    late = interviews.create_interview(zoe, pm, "2026-05-01 10:00")
    early = interviews.create_interview(ana, None, "2026-01-15")
    Contact.update(archived=True).where(Contact.id == zoe).execute()
    statements.clear()
    listed = interviews.interview_list()
    assert len(statements) == 3  # interviews, contacts, paths: whatever their number
    assert [r[interviews.R_ID] for r in listed.records] == [early, late, undated]
    assert listed.rows() == interviews.list_interviews()
    assert listed.contacts[zoe] == ("Zoë", "Nordisk", "", True)
    row = listed.row(listed.records[0])
    assert (row.id, row.contact_name, row.path_id, row.path_title) == (early, "Ana", None, "")
    # the interviews are read from an index that holds every column the list needs
    query = next(sql for sql in statements if '"interview"' in sql)
    plan = " ".join(r[3] for r in database.execute_sql("EXPLAIN QUERY PLAN " + query))
    assert "COVERING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_list_query_count_does_not_grow(pm):
    def grow(n):
        for k in range(n):
            c = contact(f"Person {k}", f"Org {k}")
            i = interviews.create_interview(c, pm, f"2026-02-{k + 1:02d}")
            interviews.set_answer(interviews.get_interview(i).answers[0].id, f"answer {k}")

    grow(2)
    with count_statements() as small:
        interviews.list_interviews(search="answer org")
    grow(10)
    with count_statements() as large:
        assert len(interviews.list_interviews(search="answer org")) == 12
    # (the statements SQLite runs inside one, "-- ...", are the text index reading itself)
    ours = [[s for s in run if not s.startswith("--")] for run in (small, large)]
    assert len(ours[1]) == len(ours[0]) == 1
    with count_statements() as detail:
        interviews.get_interview(1)
    assert len(detail) <= 6


# --- the guide -------------------------------------------------------------------------------


def test_guide_questions_answers_and_order(pm):
    i = interviews.create_interview(contact("Ana"), pm)
    bank = paths.add_question("What metrics do leaders watch?", "success")
    a_bank = interviews.add_guide_question(i, bank)
    a_free = interviews.add_guide_question(i, "  How did you get your first role?  ")
    with pytest.raises(ValidationError) as err:
        interviews.add_guide_question(i, bank)
    assert err.value.field == "question"
    with pytest.raises(ValidationError):
        interviews.add_guide_question(i, "   ")
    with pytest.raises(NotFoundError):
        interviews.add_guide_question(i, 999_999)

    d = interviews.get_interview(i)
    assert [a.id for a in d.answers][-2:] == [a_bank, a_free]
    assert d.answers[-1].question_text == "How did you get your first role?"
    assert d.answers[-1].question_id is None

    interviews.set_answer(a_free, "Through a referral ✨\r\nand luck")
    interviews.set_question_text(a_bank, "Which metrics matter?")
    first = d.answers[0].id
    interviews.reorder_guide(i, [a_free, a_bank])
    d = interviews.get_interview(i)
    assert [a.id for a in d.answers][:3] == [a_free, a_bank, first]
    assert d.answers[0].answer == "Through a referral ✨\nand luck"
    assert d.answers[1].question_text == "Which metrics matter?"

    snap = interviews.remove_guide_question(a_free)
    assert a_free not in [a.id for a in interviews.get_interview(i).answers]
    workspace.restore_snapshot(snap)
    assert interviews.get_interview(i).answers[0].answer.startswith("Through a referral")


# --- evidence and mentions -------------------------------------------------------------------


def test_evidence_upsert_and_clear(pm):
    i = interviews.create_interview(contact("Ana"), pm, status="completed")
    a = paths.add_assumption(pm, "PMs code")
    interviews.set_evidence(i, a, "supported", "Some do")
    interviews.set_evidence(i, a, "nuanced", "Depends on the company")
    d = interviews.get_interview(i)
    assert [(e.assumption_id, e.verdict, e.quote) for e in d.evidence] == [
        (a, "nuanced", "Depends on the company")]
    assert Evidence.select().count() == 1
    with pytest.raises(ValidationError) as err:
        interviews.set_evidence(i, a, "maybe")
    assert err.value.field == "verdict"
    with pytest.raises(NotFoundError):
        interviews.set_evidence(i, 999, "supported")
    snap = interviews.clear_evidence(i, a)
    assert interviews.get_interview(i).evidence == ()
    assert interviews.clear_evidence(i, a) is None
    workspace.restore_snapshot(snap)
    assert interviews.get_interview(i).evidence[0].verdict == "nuanced"


def test_mentions_reuse_skills_by_name_key(pm):
    i1 = interviews.create_interview(contact("Ana"), pm, status="completed")
    i2 = interviews.create_interview(contact("Bo"), pm, status="completed")
    existing = development.add_skill("Stakeholder Management", kind="soft")
    m1 = interviews.add_mention(i1, "  stakeholder   MANAGEMENT ", 3, "key", kind="tool")
    m2 = interviews.add_mention(i2, "Stakeholder management", 2)
    new = interviews.add_mention(i1, "SQL", 1, kind="tool")
    mentions = {m.id: m for m in interviews.get_interview(i1).mentions}
    assert mentions[m1].skill_id == existing and mentions[m1].skill_kind == "soft"
    assert mentions[new].skill_name == "SQL" and mentions[new].skill_kind == "tool"
    assert interviews.get_interview(i2).mentions[0].skill_id == existing
    assert [m.id for m in interviews.get_interview(i2).mentions] == [m2]
    assert len(development.list_skills()) == 2
    with pytest.raises(ValidationError) as err:
        interviews.add_mention(i1, "sql")
    assert err.value.field == "skill"
    with pytest.raises(ValidationError) as err:
        interviews.add_mention(i1, "Excel", 4)
    assert err.value.field == "importance"
    with pytest.raises(ValidationError) as err:
        interviews.add_mention(i1, "  ")
    assert err.value.field == "skill"
    with pytest.raises(ValidationError) as err:
        interviews.add_mention(i1, "Excel", kind="magic")
    assert err.value.field == "kind"
    assert len(development.list_skills()) == 2  # nothing half-created

    interviews.update_mention(m1, "importance", 1)
    interviews.update_mention(m1, "note", "less than I thought")
    m = next(x for x in interviews.get_interview(i1).mentions if x.id == m1)
    assert (m.importance, m.note) == (1, "less than I thought")
    snap = interviews.remove_mention(m1)
    assert SkillMention.select().count() == 2
    assert len(development.list_skills()) == 2  # the skill stays
    workspace.restore_snapshot(snap)
    assert SkillMention.select().count() == 3


# --- follow-ups and introductions ------------------------------------------------------------


def test_follow_up_rounds_form_a_chain(pm):
    ana = contact("Ana")
    first = interviews.create_interview(ana, pm, "2026-01-10", mode="phone", minutes=20)
    second = interviews.schedule_follow_up(first)
    third = interviews.schedule_follow_up(second)
    d2 = interviews.get_interview(second)
    assert (d2.row.round, d2.row.status, d2.row.contact_id, d2.row.path_id) == (
        2, "requested", ana, pm)
    assert (d2.row.mode, d2.row.minutes, d2.row.follow_up_of) == ("phone", 20, first)
    assert len(d2.answers) == 3
    assert [r.id for r in d2.earlier] == [first] and [r.id for r in d2.later] == [third]
    d3 = interviews.get_interview(third)
    assert d3.row.round == 3 and [r.id for r in d3.earlier] == [first, second]
    assert [r.id for r in interviews.get_interview(first).later] == [second, third]
    # a conversation with someone else is not part of the chain
    interviews.create_interview(contact("Bo"), pm)
    assert interviews.get_interview(first).earlier == ()


def test_introduction_creates_linked_contact(pm):
    ana = contact("Ana", "Acme")
    i = interviews.create_interview(ana, pm)
    new = interviews.add_introduction(i, " Bo  Li ", "Beta Corp", "VP Product",
                                      email="bo@beta.example", level="executive")
    c = Contact.get_by_id(new)
    assert (c.name, c.organization, c.role, c.level) == ("Bo Li", "Beta Corp", "VP Product",
                                                         "executive")
    assert c.introduced_by_id == ana and c.source == "interview"
    assert [r.contact_id for r in interviews.get_interview(i).introductions] == [new]
    assert [p.path_id for p in c.path_links] == [pm]
    with pytest.raises(ValidationError) as err:
        interviews.add_introduction(i, "")
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        interviews.add_introduction(i, "Cy", email="not an address")
    assert err.value.field == "email"
    interviews.remove_introduction(i, new)
    assert interviews.get_interview(i).introductions == ()
    assert Contact.get_or_none(Contact.id == new) is not None


# --- completion ------------------------------------------------------------------------------


def _actions(interview_id):
    return list(LogEntry.select().where((LogEntry.interview == interview_id)
                                        & (LogEntry.kind == "action")).order_by(LogEntry.id))


def test_complete_creates_actions_once_and_moves_the_contact(pm):
    ana = contact("Ana", stage="contacted")
    i = interviews.create_interview(ana, pm, "2026-03-05 10:00")
    created = interviews.complete_interview(i)
    assert len(created) == 2
    thanks, report = _actions(i)
    assert thanks.text == "Send a thank-you to Ana"
    assert thanks.due_date == TODAY + dt.timedelta(days=1)
    assert report.text == "Report back to Ana on what you did with their advice"
    assert report.due_date == TODAY + dt.timedelta(days=14)
    assert thanks.contact_id == ana and report.interview_id == i
    c = Contact.get_by_id(ana)
    assert c.stage == "interviewed" and c.last_contact == dt.date(2026, 3, 5)
    assert interviews.get_interview(i).row.status == "completed"

    Contact.update(name="Ana María").execute()
    assert interviews.complete_interview(i, today=TODAY + dt.timedelta(days=3)) == ()
    assert len(_actions(i)) == 2


def test_complete_keeps_later_stages_and_uses_today_for_future_or_missing_dates(pm):
    friend = contact("Cy", stage="ongoing", last_contact=dt.date(2026, 1, 1))
    future = interviews.create_interview(friend, pm, "2026-06-01")
    interviews.complete_interview(future, today=TODAY)
    c = Contact.get_by_id(friend)
    assert c.stage == "ongoing" and c.last_contact == TODAY

    thanked = contact("Di", stage="thanked", last_contact=dt.date(2026, 3, 9))
    old = interviews.create_interview(thanked, pm, "2026-02-01")
    interviews.complete_interview(old, today=TODAY)
    c = Contact.get_by_id(thanked)
    assert c.stage == "thanked" and c.last_contact == dt.date(2026, 3, 9)  # never moved back

    declined = contact("Ed", stage="declined")
    undated = interviews.create_interview(declined)
    interviews.update_interview(undated, "status", "completed")  # through the editor
    c = Contact.get_by_id(declined)
    assert c.stage == "interviewed" and c.last_contact == TODAY
    assert len(_actions(undated)) == 2


# --- delete ----------------------------------------------------------------------------------


def test_delete_interview_keeps_the_contact_and_undo_restores(pm):
    ana = contact("Ana")
    i = interviews.create_interview(ana, pm, "2026-03-01", status="completed")
    a = paths.add_assumption(pm, "PMs code")
    interviews.set_evidence(i, a, "challenged", "No")
    interviews.add_mention(i, "SQL", 3)
    interviews.set_answer(interviews.get_interview(i).answers[0].id, "Meetings, mostly")
    intro = interviews.add_introduction(i, "Bo")
    follow = interviews.schedule_follow_up(i)
    interviews.complete_interview(i)
    before = interviews.get_interview(i)

    snap = interviews.delete_interview(i)
    with pytest.raises(NotFoundError):
        interviews.get_interview(i)
    assert Answer.select().where(Answer.interview == i).count() == 0
    assert Evidence.select().count() == 0 and SkillMention.select().count() == 0
    assert Contact.get_or_none(Contact.id == ana) is not None
    assert Contact.get_or_none(Contact.id == intro) is not None
    assert interviews.get_interview(follow).row.follow_up_of is None
    assert all(e.interview_id is None for e in LogEntry.select())

    workspace.restore_snapshot(snap)
    assert interviews.get_interview(i) == before
    assert interviews.get_interview(follow).row.follow_up_of == i
    assert len(_actions(i)) == 2
    assert paths.list_assumptions(pm)[0].status == "challenged"
