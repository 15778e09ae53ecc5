"""Paths, assumptions with derived status, criteria and the comparison, core questions and the
question bank (services.paths)."""

from __future__ import annotations

import contextlib
import random

import pytest

from careerpivot.core import evidence
from careerpivot.core.errors import NotFoundError, ValidationError
from careerpivot.services import interviews, paths, workspace
from careerpivot.store.models import Contact, Interview, database


@pytest.fixture
def ws(tmp_path):
    info = workspace.open_workspace(tmp_path / "w.db", backups_root=tmp_path / "backups")
    yield info
    workspace.close()


@contextlib.contextmanager
def count_statements():
    """Every SQL statement the connection runs while inside the block."""
    statements: list[str] = []
    conn = database.connection()
    conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        conn.set_trace_callback(None)


def contact(name, org="", level=""):
    return Contact.insert(name=name, organization=org, level=level).execute()


def talk(contact_id, path_id=None, when="2026-02-01 10:00"):
    return interviews.create_interview(contact_id, path_id, when, status="completed")


# --- paths -----------------------------------------------------------------------------------


def test_path_crud_and_validation(ws):
    pm = paths.add_path("  Product   management ", field="Tech", why="I like users")
    ops = paths.add_path("Operations leadership", status="active")
    rows = paths.list_paths()
    assert [r.title for r in rows] == ["Product management", "Operations leadership"]
    assert rows[0].status == "exploring" and rows[1].status == "active"
    assert rows[0].assumption_count == 0 and rows[0].interview_count == 0

    with pytest.raises(ValidationError) as err:
        paths.add_path("   ")
    assert err.value.field == "title"
    with pytest.raises(ValidationError) as err:
        paths.add_path("PRODUCT management")
    assert err.value.field == "title"
    with pytest.raises(ValidationError) as err:
        paths.add_path("Data", status="dreaming")
    assert err.value.field == "status"

    paths.update_path(pm, "status", "chosen")
    paths.update_path(pm, "title", "Product Management")  # same path, new case: allowed
    assert paths.get_path(pm).title == "Product Management"
    with pytest.raises(ValidationError):
        paths.update_path(ops, "title", "product management")
    with pytest.raises(ValidationError) as err:
        paths.update_path(pm, "position", 3)
    assert err.value.field == "position"
    with pytest.raises(NotFoundError):
        paths.update_path(999, "notes", "x")

    paths.reorder_paths([ops, pm])
    assert [r.id for r in paths.list_paths()] == [ops, pm]


def test_delete_path_keeps_interviews_and_undo_restores(ws):
    pm = paths.add_path("PM")
    a = paths.add_assumption(pm, "PMs write specs")
    c = contact("Ana")
    i = talk(c, pm)
    interviews.set_evidence(i, a, "supported", "we do")
    snap = paths.delete_path(pm)
    assert paths.list_paths() == []
    assert interviews.get_interview(i).row.path_id is None
    assert interviews.get_interview(i).evidence == ()
    workspace.restore_snapshot(snap)
    assert paths.list_assumptions(pm)[0].status == "supported"
    assert interviews.get_interview(i).row.path_id == pm


# --- assumptions -----------------------------------------------------------------------------


def test_assumption_crud_and_validation(ws):
    pm = paths.add_path("PM")
    a = paths.add_assumption(pm, "Pay is higher", "pay", 70)
    row = paths.get_assumption(a)
    assert (row.statement, row.category, row.confidence, row.status) == (
        "Pay is higher", "pay", 70, "untested")
    for args, field in [
        (("",), "statement"),
        (("x", "astrology"), "category"),
        (("x", "pay", 101), "confidence"),
        (("x", "pay", -1), "confidence"),
        (("x", "pay", 5.5), "confidence"),
    ]:
        with pytest.raises(ValidationError) as err:
            paths.add_assumption(pm, *args)
        assert err.value.field == field
    with pytest.raises(NotFoundError):
        paths.add_assumption(999, "x")
    paths.update_assumption(a, "confidence", "40")
    paths.update_assumption(a, "statement", "Pay is a bit higher\r\nat first")
    assert paths.get_assumption(a).confidence == 40
    assert paths.get_assumption(a).statement == "Pay is a bit higher\nat first"
    other = paths.add_path("Ops")
    paths.update_assumption(a, "path", other)
    assert paths.list_assumptions(pm) == [] and paths.list_assumptions(other)[0].id == a
    with pytest.raises(ValidationError):
        paths.update_assumption(a, "path", 999)
    snap = paths.delete_assumption(a)
    assert paths.list_assumptions() == []
    workspace.restore_snapshot(snap)
    assert [r.id for r in paths.list_assumptions()] == [a]


def test_list_assumptions_derives_status_counts_and_triangulation(ws):
    pm = paths.add_path("PM")
    ops = paths.add_path("Ops")
    untested = paths.add_assumption(pm, "untested")
    nuanced = paths.add_assumption(pm, "only nuanced")
    supported = paths.add_assumption(pm, "supported thrice")
    contested = paths.add_assumption(pm, "contested")
    challenged = paths.add_assumption(ops, "challenged")
    people = [contact("A", "Acme", "mid"), contact("B", "acme ", "mid"),
              contact("C", "ACME", "senior"), contact("D", "Beta", "")]
    talks = [talk(p, pm) for p in people]
    interviews.set_evidence(talks[0], nuanced, "nuanced")
    for t in talks[:3]:
        interviews.set_evidence(t, supported, "supported", "yes")
    interviews.set_evidence(talks[3], supported, "nuanced")
    interviews.set_evidence(talks[0], contested, "supported")
    interviews.set_evidence(talks[1], contested, "challenged")
    interviews.set_evidence(talks[2], challenged, "challenged")

    rows = {r.id: r for r in paths.list_assumptions()}
    assert [r.id for r in paths.list_assumptions()] == [
        untested, nuanced, supported, contested, challenged]
    assert rows[untested].status == "untested" and rows[untested].conversations == 0
    assert rows[nuanced].status == "untested" and rows[nuanced].nuanced == 1
    s = rows[supported]
    assert (s.status, s.supported, s.challenged, s.nuanced) == ("supported", 3, 0, 1)
    assert s.triangulated  # one organization, but two levels
    assert rows[contested].status == "contested" and not rows[contested].triangulated
    assert rows[challenged].status == "challenged" and rows[challenged].path_title == "Ops"
    assert {r.id for r in paths.list_assumptions(ops)} == {challenged}

    # a contact's data of today never rewrites what a held conversation recorded
    Contact.update(level="mid", organization="Globex").execute()
    assert {r.id: r for r in paths.list_assumptions(pm)}[supported].triangulated
    # the same three people with one level and one organization do not triangulate:
    # correcting the level recorded for the third conversation undoes it
    interviews.update_interview(talks[2], "held_level", "mid")
    again = {r.id: r for r in paths.list_assumptions(pm)}[supported]
    assert not again.triangulated
    assert again.lacks() == ("Supported by 3 people, 1 organization, 1 level. Needs someone "
                             "at another organization or level.")

    counts = {c.path_id: c for c in paths.status_by_path()}
    assert (counts[pm].untested, counts[pm].supported, counts[pm].contested) == (2, 1, 1)
    assert counts[ops].challenged == 1


def test_triangulation_follows_the_rule_for_every_assumption(ws):
    """Over varied conversations (spellings of levels and organizations that are one, unknown
    values, conversations about another path's assumptions, people met several times), each
    assumption's counts, status and triangulation are what the rules give for the verdicts
    recorded against it."""
    rnd = random.Random(7)
    pm, ops = paths.add_path("PM"), paths.add_path("Ops")
    assumptions = [paths.add_assumption(rnd.choice((pm, ops)), f"belief {k}") for k in range(16)]
    # most people share one level and one organization, in different spellings
    same_level = ["", "mid", "Mid ", "MID"]
    same_org = ["", "Acme", "acme  ", "ACME"]
    alike = [contact(f"P{k}", rnd.choice(same_org), rnd.choice(same_level)) for k in range(10)]
    apart = [contact("Lead", "acme", "lead"), contact("Zoë", "Zoë", ""),
             contact("Zoe", "Zoe", ""), contact("Tokyo", "東京 ", "")]
    talks = [talk(rnd.choice(alike if rnd.random() < 0.7 else apart),
                  rnd.choice((pm, ops, None))) for _ in range(40)]
    recorded: dict[int, list[tuple[int, str]]] = {a: [] for a in assumptions}
    for a in assumptions:
        for t in rnd.sample(talks, rnd.randint(0, 9)):
            verdict = rnd.choice(("supported", "supported", "challenged", "nuanced"))
            interviews.set_evidence(t, a, verdict)
            recorded[a].append((t, verdict))
    # each conversation's person, as recorded when it was held
    who = {i.id: (i.contact_id, i.held_level, i.held_organization)
           for i in Interview.select().where(Interview.id.in_(talks))}

    rows = {r.id: r for r in paths.list_assumptions()}
    assert rows.keys() == set(assumptions)
    for a, given in recorded.items():
        verdicts = [v for _t, v in given]
        counts = evidence.count_verdicts(verdicts)
        r = rows[a]
        assert (r.supported, r.challenged, r.nuanced) == (
            counts.supported, counts.challenged, counts.nuanced)
        assert r.status == evidence.assumption_status(verdicts)
        # each person once, with their first conversation (same day: the lowest id)
        supporting = [who[t] for t, v in sorted(given) if v == "supported"]
        assert r.triangulated is (r.status != "contested"
                                  and evidence.is_triangulated(supporting)), (a, supporting)
    # the data holds both outcomes for assumptions with enough support
    assert {r.triangulated for r in rows.values() if r.supported >= 3} == {True, False}
    for path_id in (pm, ops):
        assert paths.list_assumptions(path_id) == [
            r for r in paths.list_assumptions() if r.path_id == path_id]


def test_assumption_evidence_lists_the_conversations(ws):
    pm = paths.add_path("PM")
    a = paths.add_assumption(pm, "PMs code")
    later = talk(contact("Zoë", "Ünïcode GmbH", "lead"), pm, "2026-03-01")
    earlier = talk(contact("Ana", "Acme", "mid"), pm, "2026-01-05 09:00")
    undated = talk(contact("Bo"), pm, "")
    for i, verdict in [(later, "challenged"), (earlier, "supported"), (undated, "nuanced")]:
        interviews.set_evidence(i, a, verdict, f"quote {verdict} 🙂")
    rows = paths.assumption_evidence(a)
    assert [r.interview_id for r in rows] == [earlier, later, undated]
    assert rows[1].contact_name == "Zoë" and rows[1].organization == "Ünïcode GmbH"
    assert rows[1].level == "lead" and rows[1].verdict == "challenged"
    assert rows[0].quote == "quote supported 🙂"
    with pytest.raises(NotFoundError):
        paths.assumption_evidence(999)


def test_list_assumptions_query_count_does_not_grow(ws):
    pm = paths.add_path("PM")

    def grow(n):
        for k in range(n):
            a = paths.add_assumption(pm, f"assumption {k} {n}")
            c = contact(f"P{k}{n}", f"Org {k}", "mid")
            i = talk(c, pm)
            interviews.set_evidence(i, a, "supported")

    grow(2)
    with count_statements() as small:
        assert len(paths.list_assumptions()) == 2
    grow(10)
    with count_statements() as large:
        assert len(paths.list_assumptions()) == 12
    assert len(large) == len(small) <= 2
    with count_statements() as filtered:
        paths.list_assumptions(pm)
    assert len(filtered) <= 2
    # enough support to be triangulated: who took part is read too, still in a fixed number
    a = paths.add_assumption(pm, "widely supported")
    for k in range(30):
        i = talk(contact(f"Q{k}", f"Org {k % 4}", ("mid", "lead")[k % 2]), pm)
        interviews.set_evidence(i, a, "supported")
    with count_statements() as supported:
        rows = paths.list_assumptions(pm)
    assert {r.id: r for r in rows}[a].triangulated
    assert len(supported) <= 2
    with count_statements() as comp:
        paths.comparison()
    assert len(comp) <= 5


# --- criteria and comparison -----------------------------------------------------------------


def test_criteria_scores_and_comparison(ws):
    for c in paths.list_criteria():  # start from a known set, whatever the seed holds
        paths.delete_criterion(c.id)
    fit = paths.add_criterion("Fit", 3)
    pay = paths.add_criterion("Pay", 1)
    ev = paths.add_criterion("Evidence", 2, from_evidence=True)
    with pytest.raises(ValidationError) as err:
        paths.add_criterion("fit")
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        paths.add_criterion("Cost", -1)
    assert err.value.field == "weight"

    pm = paths.add_path("PM")
    ops = paths.add_path("Ops")
    paths.set_score(pm, fit, 4)
    paths.set_score(pm, pay, "2")
    paths.set_score(pm, pay, 3)  # upsert
    paths.set_score(ops, fit, 5)
    with pytest.raises(ValidationError) as err:
        paths.set_score(pm, fit, 6)
    assert err.value.field == "score"
    with pytest.raises(NotFoundError):
        paths.set_score(999, fit, 1)

    a1 = paths.add_assumption(pm, "tested")
    paths.add_assumption(pm, "untested")
    interviews.set_evidence(talk(contact("A"), pm), a1, "challenged")

    comp = paths.comparison()
    assert [c.id for c in comp.criteria] == [fit, pay, ev]
    by_path = {p.path_id: p for p in comp.paths}
    # PM: evidence strength = 5 * (0.5 + 0) / 2 = 1.25
    assert by_path[pm].evidence_strength == pytest.approx(1.25)
    assert by_path[pm].scores == (4.0, 3.0, pytest.approx(1.25))
    assert by_path[pm].total == pytest.approx(100 * (3 * 4 + 1 * 3 + 2 * 1.25) / (5 * 6))
    assert by_path[ops].scores == (5.0, None, 0.0)
    assert by_path[ops].total == pytest.approx(100 * 15 / 30)

    paths.set_score(pm, pay, None)
    paths.update_criterion(pay, "weight", 0)
    paths.update_criterion(fit, "from_evidence", False)
    comp = paths.comparison()
    pm_row = next(p for p in comp.paths if p.path_id == pm)
    assert pm_row.scores[1] is None
    assert pm_row.total == pytest.approx(100 * (3 * 4 + 2 * 1.25) / (5 * 5))

    paths.reorder_criteria([ev, fit, pay])
    assert [c.id for c in paths.list_criteria()] == [ev, fit, pay]
    snap = paths.delete_criterion(fit)
    assert len(paths.comparison().criteria) == 2
    workspace.restore_snapshot(snap)
    assert next(p for p in paths.comparison().paths if p.path_id == pm).scores[1] == 4.0


# --- questions -------------------------------------------------------------------------------


def test_question_bank_and_core_questions(ws):
    seeded = len(paths.list_questions())
    q1 = paths.add_question("What surprised you most in your first year?", "insights")
    q2 = paths.add_question("Which tool would you miss most?", "software")
    q3 = paths.add_question("Who should I talk to next?")
    assert len(paths.list_questions()) == seeded + 3
    assert [q.id for q in paths.list_questions("software")][-1] == q2
    with pytest.raises(ValidationError) as err:
        paths.add_question("who should I  talk to NEXT?")
    assert err.value.field == "text"
    with pytest.raises(ValidationError) as err:
        paths.add_question("x", "gossip")
    assert err.value.field == "category"
    with pytest.raises(ValidationError):
        paths.add_question(" \n ")

    pm = paths.add_path("PM")
    paths.set_core_questions(pm, [q3, q1, q3, q2])
    assert [q.id for q in paths.core_questions(pm)] == [q3, q1, q2]
    assert [q.position for q in paths.core_questions(pm)] == [0, 1, 2]
    paths.set_core_questions(pm, [q2])
    assert [q.id for q in paths.core_questions(pm)] == [q2]
    with pytest.raises(ValidationError):
        paths.set_core_questions(pm, [q1, 999_999])
    assert [q.id for q in paths.core_questions(pm)] == [q2]  # unchanged
    with pytest.raises(NotFoundError):
        paths.set_core_questions(999, [q1])

    paths.update_question(q2, "text", "Which tool would you miss most, and why?")
    assert paths.core_questions(pm)[0].text.endswith("and why?")
    snap = paths.delete_question(q2)
    assert paths.core_questions(pm) == []
    workspace.restore_snapshot(snap)
    assert [q.id for q in paths.core_questions(pm)] == [q2]


@pytest.mark.parametrize(("count", "warns"), [(0, True), (1, True), (2, True), (3, False),
                                              (5, False), (6, True), (12, True)])
def test_core_question_warning(count, warns):
    message = paths.core_question_warning(count)
    assert (message is not None) is warns
    if warns:
        assert "3 to 5" in message
