"""Skills, the ranked development list and learning items (services.development)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest

from careerpivot.core.errors import NotFoundError, ValidationError
from careerpivot.services import development, interviews, workspace
from careerpivot.store.models import Contact, SkillMention, database


@pytest.fixture
def ws(tmp_path):
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


def conversation(name, org="", level="", status="completed"):
    c = Contact.insert(name=name, organization=org, level=level).execute()
    return interviews.create_interview(c, None, "2026-02-01", status=status)


# --- skills ----------------------------------------------------------------------------------


def test_skill_crud_unique_by_name_key(ws):
    sql = development.add_skill("  SQL ", kind="tool", current_level=1, target_level=3)
    s = development.get_skill(sql)
    assert (s.name, s.kind, s.current_level, s.target_level, s.transferable) == (
        "SQL", "tool", 1, 3, False)
    for kwargs, field in [
        ({"name": "sql"}, "name"),
        ({"name": "  "}, "name"),
        ({"name": "Excel", "kind": "magic"}, "kind"),
        ({"name": "Excel", "current_level": 5}, "current_level"),
        ({"name": "Excel", "target_level": -1}, "target_level"),
        ({"name": "Excel", "target_level": 2.5}, "target_level"),
    ]:
        with pytest.raises(ValidationError) as err:
            development.add_skill(**kwargs)
        assert err.value.field == field
    excel = development.add_skill("Excel", transferable=True)
    with pytest.raises(ValidationError) as err:
        development.update_skill(excel, "name", "S Q L".replace(" ", ""))
    assert err.value.field == "name"
    development.update_skill(sql, "name", "Sql  (Postgres)")
    development.update_skill(sql, "target_level", "4")
    development.update_skill(excel, "transferable", False)
    rows = {r.id: r for r in development.list_skills()}
    assert rows[sql].name == "Sql (Postgres)" and rows[sql].target_level == 4
    assert not rows[excel].transferable
    assert development.ensure_skill("sql (POSTGRES)") == sql
    with pytest.raises(ValidationError):
        development.update_skill(sql, "key", "x")
    with pytest.raises(NotFoundError):
        development.update_skill(999, "notes", "x")
    snap = development.delete_skill(sql)
    assert [r.id for r in development.list_skills()] == [excel]
    workspace.restore_snapshot(snap)
    assert len(development.list_skills()) == 2


# --- the ranked list -------------------------------------------------------------------------


def test_ranked_skills_order_explanations_and_flags(ws):
    talks = [
        conversation("Ana", "Acme", "mid"),
        conversation("Bo", "acme ", "senior"),
        conversation("Cy", "Beta", "mid"),
        conversation("Di", "Gamma", ""),
        conversation("Ed", "", ""),
        conversation("Fay", "Delta", "lead"),  # completed, mentions nothing
    ]
    interviews.create_interview(  # requested, no mentions: not a conversation held yet
        Contact.insert(name="Gus").execute())
    for t in talks[:4]:
        interviews.add_mention(t, "Stakeholder management", 3)
    interviews.add_mention(talks[4], "Stakeholder management", 2)
    interviews.add_mention(talks[0], "SQL", 1)
    interviews.add_mention(talks[1], "Facilitation", 3)
    interviews.add_mention(talks[2], "Facilitation", 3)

    stakeholder = development.ensure_skill("stakeholder management")
    sql = development.ensure_skill("sql")
    facilitation = development.ensure_skill("facilitation")
    # levels set explicitly: a level never set is "not assessed" (schema 6)
    never = development.add_skill("Public speaking", current_level=0, target_level=1)
    development.update_skill(stakeholder, "current_level", 1)
    development.update_skill(stakeholder, "target_level", 3)
    development.update_skill(sql, "current_level", 0)
    development.update_skill(sql, "target_level", 2)
    development.update_skill(facilitation, "current_level", 3)
    development.update_skill(facilitation, "target_level", 3)
    development.update_skill(facilitation, "transferable", True)
    course = development.add_learning("Negotiation course", skill_ids=[stakeholder])
    dropped = development.add_learning("Dropped book", "book", status="dropped",
                                       skill_ids=[stakeholder])

    rows = development.ranked_skills()
    assert [r.skill_id for r in rows] == [stakeholder, sql, never, facilitation]
    top = rows[0]
    assert top.explanation == (
        "essential in 4 of 6 conversations, important in 1, 3 organizations, "
        "2 experience levels, gap 2")
    assert (top.essential, top.important, top.interviews, top.people, top.organizations,
            top.levels, top.total_conversations) == (4, 1, 5, 5, 3, 2, 6)
    assert top.learning == ("Negotiation course",)
    assert rows[2].explanation == "not mentioned yet, gap 1"
    last = rows[-1]
    assert last.transferable and last.gap == 0
    assert last.explanation.endswith("gap closed, transferable strength")
    assert all(r.score >= 1 for r in rows[:3]) and last.score < 1
    assert [r.skill_id for r in development.ranked_skills(include_transferable=False)] == [
        stakeholder, sql, never]
    assert {r.id for r in development.learning_for_skill(stakeholder)} == {course, dropped}


def test_ranked_skills_query_count_does_not_grow(ws):
    def grow(n, tag):
        for k in range(n):
            t = conversation(f"P{tag}{k}", f"Org {k}", "mid")
            interviews.add_mention(t, f"Skill {tag}{k}", 3)
            interviews.add_mention(t, "Common", 2)
            development.add_learning(f"Course {tag}{k}",
                                     skill_ids=[development.ensure_skill(f"Skill {tag}{k}")])

    grow(2, "a")
    with count_statements() as small:
        assert len(development.ranked_skills()) == 3
    grow(10, "b")
    with count_statements() as large:
        assert len(development.ranked_skills()) == 13
    # the skills, their mentions, who took part in the conversations, the linked learning
    assert len(large) == len(small) <= 4
    with count_statements() as learning:
        assert len(development.list_learning()) == 12
    assert len(learning) <= 2


# --- learning items --------------------------------------------------------------------------


def test_learning_item_validation(ws):
    lid = development.add_learning(
        "Intro to SQL", "course", provider="Evening school", url="www.example.org/sql",
        start_date="2026-03-01", end_date="2026-04-30", hours_planned="20,5", cost=120,
        units_total=10, units_done=2, schedule_day=1, schedule_time="7:30",
        schedule_minutes=45,
    )
    item = development.get_learning(lid)
    assert item.url == "https://www.example.org/sql"
    assert item.start_date == dt.date(2026, 3, 1) and item.end_date == dt.date(2026, 4, 30)
    assert item.hours_planned == 20.5 and item.schedule_time == "07:30"
    assert item.progress == pytest.approx(0.2) and not item.is_experiment

    for kwargs, field in [
        ({"title": " "}, "title"),
        ({"kind": "nap"}, "kind"),
        ({"status": "someday"}, "status"),
        ({"start_date": "2026-05-02", "end_date": "2026-05-01"}, "end_date"),
        ({"start_date": "2026-02-30"}, "start_date"),
        ({"hours_planned": -1}, "hours_planned"),
        ({"hours_spent": "-0.5"}, "hours_spent"),
        ({"cost": -10}, "cost"),
        ({"units_done": 3, "units_total": 2}, "units_done"),
        ({"units_done": 1}, "units_done"),
        ({"units_total": 1.5}, "units_total"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"schedule_day": 7}, "schedule_day"),
        ({"schedule_time": "24:00"}, "schedule_time"),
        ({"colour": "red"}, "colour"),
    ]:
        args = {"title": "x", **kwargs}
        with pytest.raises(ValidationError) as err:
            development.add_learning(**args)
        assert err.value.field == field, kwargs
    assert [r.id for r in development.list_learning()] == [lid]

    with pytest.raises(ValidationError) as err:
        development.update_learning(lid, "start_date", "2026-05-01")
    assert err.value.field == "start_date"
    with pytest.raises(ValidationError) as err:
        development.update_learning(lid, "end_date", "2026-02-01")
    assert err.value.field == "end_date"
    with pytest.raises(ValidationError) as err:
        development.update_learning(lid, "units_total", 1)
    assert err.value.field == "units_total"
    with pytest.raises(ValidationError) as err:
        development.update_learning(lid, "units_done", 11)
    assert err.value.field == "units_done"
    development.update_learning(lid, "units_done", 10)
    development.update_learning(lid, "end_date", "")
    development.update_learning(lid, "start_date", "2026-06-01")
    development.update_learning(lid, "status", "in_progress")
    development.update_learning(lid, "schedule_day", "")
    item = development.get_learning(lid)
    assert item.progress == 1.0 and item.end_date is None and item.schedule_day is None
    assert item.start_date == dt.date(2026, 6, 1) and item.status == "in_progress"
    with pytest.raises(NotFoundError):
        development.update_learning(999, "title", "x")


def test_experiments_links_and_delete(ws):
    sql = development.add_skill("SQL")
    excel = development.add_skill("Excel")
    course = development.add_learning("SQL course", skill_ids=[sql, sql])
    experiment = development.add_learning(
        "Build a dashboard for a charity", "volunteering",
        hypothesis="I enjoy turning data into decisions", skill_ids=[sql, excel])
    with pytest.raises(ValidationError) as err:
        development.add_learning("x", skill_ids=[999])
    assert err.value.field == "skills"
    assert [r.id for r in development.list_learning(experiments=True)] == [experiment]
    assert [r.id for r in development.list_learning(experiments=False)] == [course]
    assert development.get_learning(experiment).is_experiment
    assert {r.id for r in development.learning_for_skill(sql)} == {course, experiment}
    assert [r.id for r in development.learning_for_skill(excel)] == [experiment]
    assert development.get_learning(experiment).skills == ((excel, "Excel"), (sql, "SQL"))

    development.unlink_skill(experiment, sql)
    development.link_skill(course, excel)
    development.link_skill(course, excel)  # twice is once
    assert {s for s, _ in development.get_learning(course).skills} == {sql, excel}
    development.set_learning_skills(course, [excel])
    assert development.get_learning(course).skills == ((excel, "Excel"),)
    development.update_learning(experiment, "result", "Yes — and the charity kept it")

    snap = development.delete_learning(experiment)
    assert development.learning_for_skill(excel) == development.list_learning(skill_id=excel)
    assert [r.id for r in development.learning_for_skill(excel)] == [course]
    workspace.restore_snapshot(snap)
    assert development.get_learning(experiment).result.startswith("Yes")
    assert {r.id for r in development.learning_for_skill(excel)} == {course, experiment}


# --- not assessed, and "of Y conversations" ------------------------------------------------------


def test_a_skill_from_a_mention_is_not_assessed_and_levels_may_be_unset(ws):
    skill = development.ensure_skill("Negotiation")
    row = development.get_skill(skill)
    assert (row.current_level, row.target_level) == (None, None)
    development.update_skill(skill, "current_level", 0)
    development.update_skill(skill, "target_level", 4)
    assert development.get_skill(skill).current_level == 0
    development.update_skill(skill, "current_level", "")
    assert development.get_skill(skill).current_level is None
    development.update_skill(skill, "target_level", None)
    assert development.get_skill(skill).target_level is None
    with pytest.raises(ValidationError):
        development.update_skill(skill, "current_level", 5)
    assert development.validate_skill("Other")["current_level"] is None
    (ranked,) = development.ranked_skills()
    assert ranked.gap is None and ranked.explanation == "not mentioned yet, levels not set"


def test_of_y_counts_the_held_conversations_of_the_paths_it_was_mentioned_for(ws):
    from careerpivot.services import paths

    data, product = paths.add_path("Data"), paths.add_path("Product")

    def talk(name, path, status="completed"):
        c = Contact.insert(name=name).execute()
        return interviews.create_interview(c, path, "2026-02-01", status=status)

    on_data = [talk(f"D{n}", data) for n in range(3)]
    talk("P0", product)  # held on another path: not in Y
    planned = talk("D-planned", data, status="scheduled")  # not held: neither X nor Y
    interviews.add_mention(on_data[0], "SQL", 3)
    interviews.add_mention(on_data[1], "SQL", 3)
    # (the service refuses it now; an older file may hold one)
    SkillMention.insert(interview=planned, skill=development.ensure_skill("SQL"),
                        importance=3).execute()
    (row,) = development.ranked_skills()
    assert (row.essential, row.interviews, row.total_conversations) == (2, 2, 3)
    assert row.explanation == "essential in 2 of 3 conversations, levels not set"


def test_breadth_is_the_person_as_they_were_when_each_conversation_was_held(ws):
    from careerpivot.services import network

    ana = network.create_contact(name="Ana", organization="Acme", level="mid")
    bo = network.create_contact(name="Bo", organization="Beta", level="senior")
    first = interviews.create_interview(ana, None, "2026-01-10", status="completed")
    interviews.create_interview(bo, None, "2026-01-12", status="completed")
    for talk in interviews.list_interviews():
        interviews.add_mention(talk.id, "SQL", 3)

    def breadth():
        (row,) = development.ranked_skills()
        return row.people, row.organizations, row.levels

    assert breadth() == (2, 2, 2)
    # Ana joins Beta as a senior today: what she said at Acme still counts as from Acme
    network.update_contact(ana, "organization", "Beta")
    network.update_contact(ana, "level", "senior")
    assert breadth() == (2, 2, 2)
    (row,) = development.ranked_skills()
    assert "2 organizations, 2 experience levels" in row.explanation
    # a typo fixed in what was recorded when it was held does count
    interviews.update_interview(first, "held_organization", "beta ")
    assert breadth() == (2, 1, 2)
    # a conversation that is no longer held takes its person out of the count
    interviews.update_interview(first, "status", "cancelled")
    assert breadth() == (1, 1, 1)
