"""The plan service: phases, milestones, contingencies, validation, undoable deletes, and the
overview read in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.core import vocab
from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import ValidationError
from careerpivot.services import development, plan
from careerpivot.services import workspace as ws
from careerpivot.store import models
from careerpivot.store.db import write

D = dt.date
TODAY = D(2026, 3, 10)


@pytest.fixture(autouse=True)
def _fixed_today(clock):
    clock.set_today(TODAY)


def _phase_ids() -> list[int]:
    return [p.id for p in plan.plan_overview().phases]


def _positions() -> list[int]:
    return [p.position for p in plan.plan_overview().phases]


def _contact(name: str = "Nadia Haddad", organization: str = "Halden") -> int:
    return models.Contact.create(name=name, organization=organization).id


def _error(fn, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        fn(*args, **kwargs)
    return info.value


# --- phases ----------------------------------------------------------------------------------


def test_a_new_workspace_starts_with_the_four_default_phases(workspace):
    phases = plan.plan_overview().phases
    assert [p.name for p in phases] == [name for name, _goal in vocab.DEFAULT_PHASES]
    assert [p.goal for p in phases] == [goal for _name, goal in vocab.DEFAULT_PHASES]
    assert _positions() == [0, 1, 2, 3]
    assert all(p.milestones == () for p in phases)


def test_add_and_edit_a_phase(workspace):
    phase_id = plan.add_phase("  Networking   sprint ", goal="Meet people\r\nin person",
                              weekly_hours="3,5", start_date="2026-04-01",
                              end_date=D(2026, 6, 30), success_metric="10 coffees")
    phase = plan.get_phase(phase_id)
    assert phase.name == "Networking sprint"
    assert phase.goal == "Meet people\nin person"
    assert phase.weekly_hours == 3.5
    assert (phase.start_date, phase.end_date) == (D(2026, 4, 1), D(2026, 6, 30))
    assert phase.position == 4
    plan.update_phase(phase_id, "success_metric", "Twelve coffees")
    plan.update_phase(phase_id, "weekly_hours", 6)
    phase = plan.get_phase(phase_id)
    assert (phase.success_metric, phase.weekly_hours) == ("Twelve coffees", 6.0)


@pytest.mark.parametrize(("field", "value", "words"), [
    ("name", "   ", "required"),
    ("weekly_hours", -1, "cannot be negative"),
    ("weekly_hours", 200, "between 0 and 168"),
    ("weekly_hours", "lots", "number"),
    ("start_date", "2026-02-30", "not a date on the calendar"),
    ("end_date", "next week", "YYYY-MM-DD"),
    ("position", 3, "cannot be changed"),
])
def test_phase_validation_names_the_field(workspace, field, value, words):
    phase_id = _phase_ids()[0]
    before = plan.get_phase(phase_id)
    error = _error(plan.update_phase, phase_id, field, value)
    assert error.field == field
    assert words in error.message
    assert plan.get_phase(phase_id) == before, "nothing stored"


def test_phase_end_before_start_is_refused_for_the_edited_field(workspace):
    phase_id = _phase_ids()[0]
    plan.update_phase(phase_id, "start_date", "2026-03-01")
    plan.update_phase(phase_id, "end_date", "2026-05-31")
    error = _error(plan.update_phase, phase_id, "end_date", "2026-02-01")
    assert error.field == "end_date" and "cannot be before the start" in error.message
    error = _error(plan.update_phase, phase_id, "start_date", "2026-06-01")
    assert error.field == "start_date"
    phase = plan.get_phase(phase_id)
    assert (phase.start_date, phase.end_date) == (D(2026, 3, 1), D(2026, 5, 31))
    error = _error(plan.add_phase, "Backwards", start_date="2026-05-01", end_date="2026-04-01")
    assert error.field == "end_date"
    assert len(_phase_ids()) == 4, "nothing stored"


def test_move_phases_up_and_down_keeps_positions_contiguous(workspace):
    a, b, c, d = _phase_ids()
    assert plan.move_phase(c, -1) is True
    assert _phase_ids() == [a, c, b, d]
    assert plan.move_phase(a, 1) is True
    assert _phase_ids() == [c, a, b, d]
    assert plan.move_phase(c, -1) is False, "already first"
    assert plan.move_phase(d, 1) is False, "already last"
    assert _positions() == [0, 1, 2, 3]
    plan.reorder_phases([d, c])
    assert _phase_ids() == [d, c, a, b]
    assert _positions() == [0, 1, 2, 3]


def test_move_after_a_delete_closes_the_gap(workspace):
    a, b, c, d = _phase_ids()
    plan.delete_phase(b)
    plan.move_phase(d, -1)
    assert _phase_ids() == [a, d, c]
    assert _positions() == [0, 1, 2]


def test_unknown_rows_say_they_no_longer_exist(workspace):
    with pytest.raises(NotFoundError, match="no longer exists"):
        plan.update_phase(9999, "name", "x")
    with pytest.raises(NotFoundError):
        plan.get_milestone(9999)
    with pytest.raises(NotFoundError):
        plan.delete_contingency(9999)
    with pytest.raises(NotFoundError):
        plan.move_phase(9999, 1)


# --- milestones ------------------------------------------------------------------------------


def test_add_a_milestone_with_everything(workspace):
    phase_id = _phase_ids()[1]
    partner = _contact()
    skill = development.add_skill("SQL")
    course = development.add_learning("SQL course")
    m_id = plan.add_milestone(
        phase_id, "Finish the SQL course", skill_ids=[skill], learning_ids=[course, course],
        due_date="2026-04-30", status="in_progress", metric="Modules", target="12 of 12",
        hours_needed="16", money_needed=49.5, partner=partner, notes="Evenings")
    m = plan.get_milestone(m_id)
    assert (m.phase_id, m.title, m.due_date, m.status) == (
        phase_id, "Finish the SQL course", D(2026, 4, 30), "in_progress")
    assert (m.metric, m.target, m.hours_needed, m.money_needed) == (
        "Modules", "12 of 12", 16.0, 49.5)
    assert (m.partner_id, m.partner_name) == (partner, "Nadia Haddad")
    assert m.skills == ((skill, "SQL"),)
    assert m.learning == ((course, "SQL course"),)
    assert not m.overdue and m.warning == ""


@pytest.mark.parametrize(("field", "value", "words"), [
    ("title", "", "required"),
    ("hours_needed", -2, "Hours cannot be negative"),
    ("money_needed", "-10", "Money cannot be negative"),
    ("money_needed", "ten", "number"),
    ("due_date", "2026-02-30", "not a date on the calendar"),
    ("done_date", "31/12/2026", "YYYY-MM-DD"),
    ("status", "finished", "Unknown value"),
    ("partner", 9999, "no longer exists"),
    ("partner", "somebody", "no longer exists"),
    ("phase", 9999, "Choose a phase"),
    ("phase", None, "Choose a phase"),
])
def test_milestone_validation_names_the_field(workspace, field, value, words):
    m_id = plan.add_milestone(_phase_ids()[0], "Hold eight interviews", due_date="2026-03-20",
                              hours_needed=12)
    before = plan.get_milestone(m_id)
    error = _error(plan.update_milestone, m_id, field, value)
    assert error.field == field
    assert words in error.message
    assert plan.get_milestone(m_id) == before, "nothing stored"


def test_add_milestone_refuses_bad_input_and_stores_nothing(workspace):
    phase_id = _phase_ids()[0]
    assert _error(plan.add_milestone, phase_id, "  ").field == "title"
    assert _error(plan.add_milestone, phase_id, "x", money_needed=-1).field == "money_needed"
    assert _error(plan.add_milestone, phase_id, "x", skill_ids=[424242]).field == "skills"
    assert _error(plan.add_milestone, phase_id, "x", learning_ids=[424242]).field == "learning"
    assert _error(plan.add_milestone, phase_id, "x", position=2).field == "position"
    with pytest.raises(NotFoundError):
        plan.add_milestone(9999, "Orphan")
    assert plan.plan_overview().milestones() == []


def test_partner_can_be_cleared_and_survives_contact_deletion_as_none(workspace):
    partner = _contact()
    m_id = plan.add_milestone(_phase_ids()[0], "Decide", partner=partner)
    plan.update_milestone(m_id, "partner", 0)
    assert plan.get_milestone(m_id).partner_id is None
    plan.update_milestone(m_id, "partner", str(partner))
    assert plan.get_milestone(m_id).partner_name == "Nadia Haddad"
    models.Contact.delete_by_id(partner)
    m = plan.get_milestone(m_id)
    assert (m.partner_id, m.partner_name) == (None, "")


def test_done_records_the_date_and_leaving_done_clears_it(workspace):
    m_id = plan.add_milestone(_phase_ids()[0], "Decide", due_date="2026-03-01")
    assert plan.get_milestone(m_id).overdue
    plan.update_milestone(m_id, "status", "done")
    m = plan.get_milestone(m_id)
    assert (m.done_date, m.overdue) == (TODAY, False)
    plan.update_milestone(m_id, "done_date", "2026-03-02")
    plan.update_milestone(m_id, "status", "done")  # already done: the date is kept
    assert plan.get_milestone(m_id).done_date == D(2026, 3, 2)
    plan.update_milestone(m_id, "status", "in_progress")
    m = plan.get_milestone(m_id)
    assert (m.done_date, m.overdue, m.days_overdue) == (None, True, 9)


def test_overdue_milestones_in_the_overview(workspace):
    phase_id = _phase_ids()[0]
    late = plan.add_milestone(phase_id, "Late", due_date="2026-03-09")
    plan.add_milestone(phase_id, "Due today", due_date=TODAY)
    plan.add_milestone(phase_id, "Done late", due_date="2026-01-01", status="done")
    plan.add_milestone(phase_id, "Undated")
    overview = plan.plan_overview()
    assert [m.id for m in overview.milestones() if m.overdue] == [late]
    assert overview.overdue == 1 and overview.phases[0].overdue == 1
    assert overview.milestone(late).days_overdue == 1
    assert plan.plan_overview(today=D(2026, 1, 1)).overdue == 0


def test_a_milestone_outside_its_phase_is_stored_with_a_warning(workspace):
    phase_id = _phase_ids()[0]
    plan.update_phase(phase_id, "start_date", "2026-03-01")
    plan.update_phase(phase_id, "end_date", "2026-05-31")
    m_id = plan.add_milestone(phase_id, "Decide")
    assert plan.update_milestone(m_id, "due_date", "2026-04-15") == ""
    warning = plan.update_milestone(m_id, "due_date", "2026-06-15")
    assert "after the phase" in warning and "2026-05-31" in warning
    m = plan.get_milestone(m_id)
    assert m.due_date == D(2026, 6, 15), "a warning, not an error: the date is stored"
    assert m.warning == warning
    assert plan.plan_overview().milestone(m_id).warning == warning
    # moving the phase's end makes it fit
    plan.update_phase(phase_id, "end_date", "2026-06-30")
    assert plan.get_milestone(m_id).warning == ""
    warning = plan.update_milestone(m_id, "due_date", "2026-01-15")
    assert "before the phase" in warning


def test_milestones_are_in_date_order_and_move_between_phases(workspace):
    first, second = _phase_ids()[:2]
    later = plan.add_milestone(first, "Later", due_date="2026-05-01")
    undated = plan.add_milestone(first, "Undated")
    sooner = plan.add_milestone(first, "Sooner", due_date="2026-04-01")
    assert [m.id for m in plan.get_phase(first).milestones] == [sooner, later, undated]
    plan.update_milestone(later, "phase", second)
    assert [m.id for m in plan.get_phase(first).milestones] == [sooner, undated]
    assert [m.id for m in plan.get_phase(second).milestones] == [later]


def test_links_to_skills_and_learning(workspace):
    m_id = plan.add_milestone(_phase_ids()[1], "Pass PSPO I")
    sql, pspo = development.add_skill("SQL"), development.add_skill("PSPO I")
    course = development.add_learning("PSPO course", "certification")
    plan.set_milestone_skills(m_id, [pspo, sql, pspo])
    plan.set_milestone_learning(m_id, [course])
    m = plan.get_milestone(m_id)
    assert m.skills == ((pspo, "PSPO I"), (sql, "SQL"))
    assert m.learning == ((course, "PSPO course"),)
    error = _error(plan.set_milestone_skills, m_id, [sql, 424242])
    assert error.field == "skills"
    assert plan.get_milestone(m_id).skills == ((pspo, "PSPO I"), (sql, "SQL")), \
        "a refused change leaves the links as they were"
    plan.set_milestone_skills(m_id, [])
    assert plan.get_milestone(m_id).skills == ()
    development.delete_learning(course)
    assert plan.get_milestone(m_id).learning == ()


# --- deletes and undo ------------------------------------------------------------------------


def test_deleting_a_phase_and_restoring_brings_its_milestones_back(workspace):
    ids = _phase_ids()
    partner = _contact()
    skill = development.add_skill("Discovery")
    course = development.add_learning("Continuous Discovery Habits", "book")
    m1 = plan.add_milestone(ids[1], "Read the book", due_date="2026-04-01",
                            skill_ids=[skill], learning_ids=[course], partner=partner)
    m2 = plan.add_milestone(ids[1], "Write the note", due_date="2026-04-10")
    before = plan.plan_overview()
    snap = plan.delete_phase(ids[1])
    after = plan.plan_overview()
    assert [p.id for p in after.phases] == [ids[0], ids[2], ids[3]]
    assert after.milestones() == []
    assert models.MilestoneSkill.select().count() == 0
    ws.restore_snapshot(snap)
    restored = plan.plan_overview()
    assert restored == before
    assert [m.id for m in restored.phase(ids[1]).milestones] == [m1, m2]
    assert restored.milestone(m1).skills == ((skill, "Discovery"),)
    assert restored.milestone(m1).partner_id == partner


def test_deleting_a_milestone_and_restoring(workspace):
    phase_id = _phase_ids()[0]
    skill = development.add_skill("Interviewing")
    m_id = plan.add_milestone(phase_id, "Hold eight interviews", skill_ids=[skill])
    before = plan.get_milestone(m_id)
    snap = plan.delete_milestone(m_id)
    with pytest.raises(NotFoundError):
        plan.get_milestone(m_id)
    ws.restore_snapshot(snap)
    assert plan.get_milestone(m_id) == before


# --- contingencies ---------------------------------------------------------------------------


def test_contingencies(workspace):
    path = models.Path.create(title="Product management").id
    c_id = plan.add_contingency("No interview offers\nby June", "Lateral move to operations",
                                "2026-06-30", path)
    row = plan.get_contingency(c_id)
    assert (row.trigger, row.response, row.trigger_date, row.path_id, row.path_title) == (
        "No interview offers by June", "Lateral move to operations", D(2026, 6, 30), path,
        "Product management")
    plan.update_contingency(c_id, "path", None)
    plan.update_contingency(c_id, "trigger_date", "")
    row = plan.get_contingency(c_id)
    assert (row.path_id, row.path_title, row.trigger_date) == (None, "", None)
    assert _error(plan.update_contingency, c_id, "trigger", " ").field == "trigger"
    assert _error(plan.update_contingency, c_id, "trigger_date", "2026-13-01").field == \
        "trigger_date"
    assert _error(plan.update_contingency, c_id, "path", 9999).field == "path"
    assert _error(plan.add_contingency, "").field == "trigger"
    second = plan.add_contingency("Savings below three months", trigger_date=D(2026, 9, 1))
    assert [c.id for c in plan.list_contingencies()] == [c_id, second]
    snap = plan.delete_contingency(c_id)
    assert [c.id for c in plan.plan_overview().contingencies] == [second]
    ws.restore_snapshot(snap)
    assert [c.id for c in plan.list_contingencies()] == [c_id, second]


def test_a_deleted_path_leaves_the_contingency(workspace):
    path = models.Path.create(title="Operations leadership").id
    c_id = plan.add_contingency("Ops scores higher", path_id=path)
    models.Path.delete_by_id(path)
    assert plan.get_contingency(c_id).path_id is None


def test_choices(workspace):
    _contact("Zoë Łukasiewicz-Ngô", "")
    _contact("Aisha Rahman", "Brightline")
    development.add_skill("SQL")
    development.add_learning("A book")
    models.Path.create(title="Product management")
    assert [label for _i, label in plan.contact_choices()] == [
        "Aisha Rahman (Brightline)", "Zoë Łukasiewicz-Ngô"]
    assert [label for _i, label in plan.skill_choices()] == ["SQL"]
    assert [label for _i, label in plan.learning_choices()] == ["A book"]
    assert [label for _i, label in plan.path_choices()] == ["Product management"]
    assert [label for _i, label in plan.phase_choices()] == [
        n for n, _g in vocab.DEFAULT_PHASES]


# --- reading the plan ------------------------------------------------------------------------


def _count_queries(monkeypatch, fn) -> int:
    database = models.database
    calls = []
    original = database.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        calls.append(sql)
        return original(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counting)
    try:
        fn()
    finally:
        monkeypatch.setattr(database, "execute_sql", original)
    return len(calls)


def _grow(tag: str, phases: int, milestones_per_phase: int) -> None:
    skills = [development.add_skill(f"Skill {tag}{i}") for i in range(5)]
    items = [development.add_learning(f"Item {tag}{i}") for i in range(5)]
    partner = _contact()
    for p in range(phases):
        phase_id = plan.add_phase(f"Phase {p}", start_date="2026-01-01", end_date="2026-12-31")
        for m in range(milestones_per_phase):
            plan.add_milestone(phase_id, f"Milestone {p}.{m}",
                               due_date=f"2026-{m % 12 + 1:02d}-15", partner=partner,
                               skill_ids=skills[: m % 5 + 1], learning_ids=items[: m % 3 + 1])
        plan.add_contingency(f"Trigger {p}", path_id=None)


def test_plan_overview_takes_a_fixed_number_of_queries(workspace, monkeypatch):
    small = _count_queries(monkeypatch, plan.plan_overview)
    with write():  # one commit for the whole set-up
        _grow("a", phases=2, milestones_per_phase=2)
    medium = _count_queries(monkeypatch, plan.plan_overview)
    with write():
        _grow("b", phases=12, milestones_per_phase=20)
    large_count = _count_queries(monkeypatch, plan.plan_overview)
    overview = plan.plan_overview()
    assert len(overview.milestones()) == 2 * 2 + 12 * 20
    assert small == medium == large_count == 5
    assert overview.milestones()[-1].skills and overview.milestones()[-1].learning


def test_the_sample_plan_is_believable(demo_workspace):
    overview = plan.plan_overview()
    assert len(overview.phases) == 4
    assert all(p.milestones for p in overview.phases)
    assert all(p.start_date and p.end_date for p in overview.phases)
    assert overview.contingencies
    assert any(m.partner_name for m in overview.milestones())
