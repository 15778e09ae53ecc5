"""What is due, the charts and Find everywhere (services.overview)."""

from __future__ import annotations

import datetime as _dt

import pytest

from careerpivot.core import due
from careerpivot.services import (
    development,
    interviews,
    log,
    network,
    overview,
    paths,
    plan,
    workspace,
)
from careerpivot.store.models import Contact, database

TODAY = _dt.date(2026, 3, 11)  # a Wednesday


def days(n: int) -> _dt.date:
    return TODAY + _dt.timedelta(days=n)


@pytest.fixture
def ws(clock, tmp_path):
    clock.set_today(TODAY)
    info = workspace.open_workspace(tmp_path / "w.careerpivot", backups_root=tmp_path / "b")
    yield info
    workspace.close()



def by_key(items):
    return {i.key: i for i in items}


@pytest.fixture
def scene(ws):
    """A small workspace with something in every bucket."""
    c = {}
    c["priya"] = network.create_contact(name="Priya Raman", organization="Northwind Pay",
                                        stage="ongoing", cadence_days=30,
                                        last_contact=days(-40))
    c["nadia"] = network.create_contact(name="Nadia Haddad", stage="ongoing",
                                        cadence_days=14, last_contact=days(-10))
    c["new"] = network.create_contact(name="Ben Carter", cadence_days=30)
    c["quiet"] = network.create_contact(name="No Cadence", last_contact=days(-400))
    c["fatima"] = network.create_contact(name="Fatima Al-Sayed", organization="Meridian Bank",
                                         stage="contacted")
    c["chloe"] = network.create_contact(name="Chloe Nguyen", organization="meridian  bank",
                                        stage="identified")
    c["oliver"] = network.create_contact(name="Oliver Grant", organization="Meridian Bank",
                                         stage="declined")
    c["isabel"] = network.create_contact(name="Isabel Cruz", organization="Kestrel Health",
                                         stage="contacted", last_contact=days(-20))
    c["hannah"] = network.create_contact(name="Hannah Okoye", organization="Kestrel Health",
                                         stage="thanked")
    c["marcus"] = network.create_contact(name="Marcus Bell", organization="Kestrel Health")
    # Monday 2 March: seven business days before Wednesday 11 March
    c["request"] = log.add_entry("outreach", "Request sent to Fatima",
                                 entry_date=_dt.date(2026, 3, 2), contact_id=c["fatima"])
    pm = paths.add_path("Product management")
    c["i_today"] = interviews.create_interview(c["marcus"], pm, f"{TODAY} 14:00")
    c["i_soon"] = interviews.create_interview(c["hannah"], pm, days(5))
    c["i_missed"] = interviews.create_interview(c["hannah"], pm, days(-3))
    c["i_old"] = interviews.create_interview(c["hannah"], pm, days(-40))
    c["i_done"] = interviews.create_interview(c["hannah"], pm, days(-1), status="completed")
    phase = plan.plan_overview().phases[0].id
    c["m_late"] = plan.add_milestone(phase, "Test every pay assumption", due_date=days(-2))
    c["m_done"] = plan.add_milestone(phase, "Done already", due_date=days(-5), status="done")
    c["m_far"] = plan.add_milestone(phase, "Far away", due_date=days(30))
    c["a_late"] = log.add_entry("action", "Report back to Tomás", entry_date=days(-10),
                                due_date=days(-3))
    c["a_today"] = log.add_entry("action", "Follow up with Fatima", due_date=TODAY)
    c["a_week"] = log.add_entry("action", "Send Marcus an agenda", due_date=days(2))
    c["a_coming"] = log.add_entry("action", "Prepare for Ravi", due_date=days(10))
    c["a_far"] = log.add_entry("action", "Next quarter", due_date=days(40))
    c["a_done"] = log.add_entry("action", "Done", entry_date=days(-2), due_date=days(-1))
    log.mark_done(c["a_done"])
    return c


def test_what_is_due(scene):
    c = scene
    items = overview.due_items()
    keys = by_key(items)
    thank_you = [k for k in keys if k.startswith("action:") and "thank" in keys[k].text]
    assert thank_you  # completing a conversation created its thank-you
    expected = {
        f"action:{c['a_late']}": (due.OVERDUE, days(-3)),
        f"action:{c['a_today']}": (due.TODAY, TODAY),
        f"action:{c['a_week']}": (due.THIS_WEEK, days(2)),
        f"action:{c['a_coming']}": (due.COMING, days(10)),
        f"interview:{c['i_today']}": (due.TODAY, TODAY),
        f"interview:{c['i_soon']}": (due.THIS_WEEK, days(5)),
        f"interview:{c['i_missed']}": (due.OVERDUE, days(-3)),
        f"milestone:{c['m_late']}": (due.OVERDUE, days(-2)),
        f"checkin:{c['priya']}": (due.OVERDUE, days(-10)),
        f"checkin:{c['nadia']}": (due.THIS_WEEK, days(4)),
        f"checkin:{c['new']}": (due.TODAY, TODAY),
    }
    for key, (bucket, day) in expected.items():
        assert (keys[key].bucket, keys[key].due) == (bucket, day), key
    for gone in (f"action:{c['a_far']}", f"action:{c['a_done']}", f"interview:{c['i_old']}",
                 f"interview:{c['i_done']}", f"milestone:{c['m_done']}",
                 f"milestone:{c['m_far']}", f"checkin:{c['quiet']}"):
        assert gone not in keys
    # ordered by bucket, then date
    order = [due.BUCKETS.index(i.bucket) for i in items]
    assert order == sorted(order)
    assert keys[f"checkin:{c['new']}"].rule == "never"
    assert keys[f"interview:{c['i_today']}"].time == "14:00"
    assert keys[f"checkin:{c['priya']}"].days_late == 10
    assert keys[f"milestone:{c['m_late']}"].phase
    # each row says what to open
    assert (keys[f"action:{c['a_late']}"].open_kind, keys[f"action:{c['a_late']}"].open_id) \
        == ("log", c["a_late"])
    assert keys[f"checkin:{c['priya']}"].open_kind == "contact"
    assert not keys[f"interview:{c['i_today']}"].can_done


def test_outreach_without_a_reply(scene):
    c = scene
    outreach = [i for i in overview.due_items() if i.kind == overview.OUTREACH]
    fatima = {i.rule: i for i in outreach if i.contact_id == c["fatima"]}
    # three business days: ask a second person at the same organization (Oliver declined,
    # Chloe's "meridian  bank" is the same organization); seven: one follow-up
    assert set(fatima) == {due.SECOND_PERSON, due.FOLLOW_UP}
    second = fatima[due.SECOND_PERSON]
    assert second.candidates == ((c["chloe"], "Chloe Nguyen"),)
    assert second.due == _dt.date(2026, 3, 5) and second.bucket == due.OVERDUE
    assert (second.open_kind, second.open_id) == ("contact", c["fatima"])
    assert fatima[due.FOLLOW_UP].due == TODAY and fatima[due.FOLLOW_UP].waited == 7
    # Isabel: marked contacted 20 days ago with nothing in the log; Hannah at Kestrel is
    # already in conversation, so only the follow-up
    isabel = [i.rule for i in outreach if i.contact_id == c["isabel"]]
    assert isabel == [due.FOLLOW_UP]

    # a follow-up sent: no second one suggested
    log.add_entry("outreach", "Follow-up to Fatima", entry_date=days(-1),
                  contact_id=c["fatima"])
    rules = {i.rule for i in overview.due_items() if i.contact_id == c["fatima"]
             and i.kind == overview.OUTREACH}
    assert rules == {due.SECOND_PERSON}
    # a reply (the conversation moves on): nothing more
    network.update_contact(c["fatima"], "stage", "scheduled")
    assert not [i for i in overview.due_items() if i.contact_id == c["fatima"]
                and i.kind == overview.OUTREACH]


def test_snooze_and_dismiss(scene):
    c = scene
    key = f"checkin:{c['priya']}"
    previous = overview.snooze_item(key, 3)
    item = by_key(overview.due_items())[key]
    assert (item.bucket, item.due, item.original_due) == (due.THIS_WEEK, days(3), days(-10))
    assert item.snoozed
    overview.snooze_item(key, 1)  # never brings it back sooner
    assert by_key(overview.due_items())[key].due == days(3)
    overview.restore_snooze(key, previous)
    assert by_key(overview.due_items())[key].due == days(-10)

    # an action snoozes on its own row
    action = f"action:{c['a_late']}"
    before = overview.snooze_item(action, 7)
    assert by_key(overview.due_items())[action].due == days(7)
    overview.restore_snooze(action, before)
    assert by_key(overview.due_items())[action].due == days(-3)

    # dismissing a suggestion, and taking it back
    suggestion = next(i for i in overview.due_items() if i.rule == due.SECOND_PERSON)
    record = overview.mark_done(suggestion.key)
    assert suggestion.key not in by_key(overview.due_items())
    overview.undo_done(record)
    assert suggestion.key in by_key(overview.due_items())
    # conversations cannot be snoozed
    with pytest.raises(Exception):  # noqa: B017 - a ValidationError with a message
        overview.snooze_item(f"interview:{c['i_today']}", 1)


def test_mark_done_and_undo_each_kind(scene):
    c = scene
    # an action
    record = overview.mark_done(f"action:{c['a_late']}")
    assert log.get_entry(c["a_late"]).done_date == TODAY
    overview.undo_done(record)
    assert log.get_entry(c["a_late"]).done_date is None
    # a milestone
    record = overview.mark_done(f"milestone:{c['m_late']}")
    assert plan.get_milestone(c["m_late"]).status == "done"
    assert f"milestone:{c['m_late']}" not in by_key(overview.due_items())
    overview.undo_done(record)
    assert plan.get_milestone(c["m_late"]).status == "planned"
    # a check-in: the last contact becomes today, which restarts the cadence
    record = overview.mark_done(f"checkin:{c['priya']}")
    assert network.get_contact(c["priya"]).last_contact == TODAY
    assert f"checkin:{c['priya']}" not in by_key(overview.due_items())
    entry = log.get_entry(record.entry_id)
    assert entry.kind == "outreach" and entry.done_date == TODAY
    assert "Priya Raman" in entry.text
    overview.undo_done(record)
    assert network.get_contact(c["priya"]).last_contact == days(-40)
    assert by_key(overview.due_items())[f"checkin:{c['priya']}"].bucket == due.OVERDUE
    with pytest.raises(Exception):  # noqa: B017
        log.get_entry(record.entry_id)


def test_a_handful_of_queries_whatever_the_size(scene, statements):
    statements.clear()
    overview.due_items()
    few = len(statements)
    for n in range(30):
        cid = network.create_contact(name=f"Person {n}", organization="Globex",
                                     stage="contacted", cadence_days=14,
                                     last_contact=days(-30))
        log.add_entry("action", f"Action {n}", entry_date=days(-5), due_date=days(n % 9 - 4),
                      contact_id=cid)
        log.add_entry("outreach", f"Request {n}", entry_date=days(-8), contact_id=cid)
    statements.clear()
    items = overview.due_items()
    assert len(items) > 60
    assert len(statements) == few <= 10


def test_upcoming_interviews(scene):
    c = scene
    rows = overview.upcoming_interviews()
    assert [r.id for r in rows] == [c["i_today"], c["i_soon"]]
    assert rows[0].time == "14:00" and rows[0].days_until == 0
    assert rows[1].days_until == 5 and rows[1].contact_name == "Hannah Okoye"


# --- the sample workspace ---------------------------------------------------------------------


@pytest.fixture
def demo(clock, demo_workspace):
    # the day the sample was built for: the run's today
    today = clock.today()
    return today


def test_the_sample_workspace_on_its_day(demo):
    items = overview.due_items()
    kinds = {(i.bucket, i.kind) for i in items}
    assert (due.OVERDUE, overview.MILESTONE) in kinds
    assert (due.OVERDUE, overview.ACTION) in kinds
    assert any(i.kind == overview.INTERVIEW for i in items)
    # Fatima (Meridian Bank) has not answered: ask Chloe, who works there too
    fatima = next(i for i in items if i.kind == overview.OUTREACH
                  and i.contact_name == "Fatima Al-Sayed")
    assert fatima.rule == due.SECOND_PERSON
    assert [n for _i, n in fatima.candidates] == ["Chloe Nguyen"]
    agenda = overview.upcoming_interviews()
    assert {r.contact_name for r in agenda} == {"Marcus Bell", "Ravi Menon"}


def test_chart_data_agrees_with_the_other_services(demo):
    data = overview.chart_data()
    assert [(p.path_id, p.untested, p.supported, p.challenged, p.contested, p.triangulated)
            for p in data.paths] == [
        (p.path_id, p.untested, p.supported, p.challenged, p.contested, p.triangulated)
        for p in paths.status_by_path()]
    ranked = sorted((r for r in development.ranked_skills() if r.evidence > 0),
                    key=lambda r: (-r.evidence, r.skill_id))[:8]
    assert {(s.skill_id, s.essential, s.important, s.nice, round(s.evidence, 6))
            for s in data.skills} == {
        (r.skill_id, r.essential, r.important, r.nice, round(r.evidence, 6)) for r in ranked}
    assert [s.evidence for s in data.skills] == sorted((s.evidence for s in data.skills),
                                                      reverse=True)
    contacts = network.list_contacts()
    assert data.people == len(contacts)
    assert dict(data.pipeline) == {
        stage: sum(1 for r in contacts if r.stage == stage) for stage, _n in data.pipeline}
    overview_plan = plan.plan_overview()
    assert [(b.phase_id, b.done, b.total, b.overdue) for b in data.phases] == [
        (p.id, p.progress.done, p.progress.total, p.overdue) for p in overview_plan.phases]
    assert data.tested == sum(p.total - p.untested for p in data.paths)


def test_chart_data_of_an_empty_workspace(ws):
    data = overview.chart_data()
    assert data.paths == () and data.skills == () and data.people == 0
    assert [b.total for b in data.phases] == [0, 0, 0, 0]


# --- find everywhere --------------------------------------------------------------------------


def kinds_found(text):
    return {(r.kind, r.item_id) for r in overview.find_everywhere(text)}


def test_find_everywhere_on_the_sample(demo):
    assert overview.has_search_index()
    assert overview.find_everywhere("") == [] and overview.find_everywhere("a") == []
    found = overview.find_everywhere("priya")
    assert found[0].kind == "contact" and found[0].title == "Priya Raman"
    assert [r.kind for r in found] == sorted(
        (r.kind for r in found), key=overview.FIND_KINDS.index)
    # an answer inside a conversation
    answer = overview.find_everywhere("pull their own numbers")
    assert [r.kind for r in answer] == ["interview"]
    assert "numbers" in answer[0].snippet
    # another script's capital letters: LIKE alone would miss them
    assert any(r.title.startswith("Zoë") for r in overview.find_everywhere("ŁUKASIEWICZ"))
    sql = {r.kind for r in overview.find_everywhere("sql")}
    assert {"contact", "interview", "assumption", "skill", "milestone", "log"} <= sql
    assert len([r for r in overview.find_everywhere("the") if r.kind == "interview"]) <= 8
    assert overview.find_everywhere("%") == [] or all(
        "%" in (r.title + r.snippet + r.detail) for r in overview.find_everywhere("%"))
    assert overview.find_everywhere("'; DROP TABLE contact; --") == []
    assert Contact.select().count() > 0


def test_find_everywhere_with_the_full_text_index(ws):
    assert overview.has_search_index()  # every workspace has it (schema 3)
    zoe = network.create_contact(name="Zoë Łukasiewicz-Ngô", organization="Brightline")
    assert kinds_found("zoe") == {("contact", zoe)}  # accents and case folded
    assert kinds_found("ŁUKA") == {("contact", zoe)}  # word prefixes, any case
    network.update_contact(zoe, "name", "Zoë Ngô")
    assert kinds_found("lukasiewicz") == set()
    assert kinds_found("ngo") == {("contact", zoe)}
    pm = paths.add_path("Product management")
    interview = interviews.create_interview(zoe, pm, days(-2))
    detail = interviews.get_interview(interview)
    if not detail.answers:
        interviews.add_guide_question(interview, "What does a typical week look like?")
        detail = interviews.get_interview(interview)
    interviews.set_answer(detail.answers[0].id, "Roadmaps, discovery and “Cafés” with users")
    found = overview.find_everywhere("cafe")
    assert [(r.kind, r.item_id) for r in found] == [("interview", interview)]
    assert "Cafés" in found[0].snippet
    assert kinds_found('"unbalanced AND OR NEAR(') == set()  # never FTS syntax
    network.delete_contacts([zoe])
    assert kinds_found("ngo") == set()
    integrity = database.execute_sql(
        "INSERT INTO fts_contact(fts_contact) VALUES ('integrity-check')")
    assert integrity is not None
