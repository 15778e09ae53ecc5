"""A guide built from the gaps: the questions proposed for a path's open assumptions and its
skills mentioned only once, marked in the guide, and shown on the prep sheet with what others
already said (services.guide_gaps, services.documents, reports.prep)."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from careerpivot.core import gap_questions
from careerpivot.reports import prep
from careerpivot.services import documents, guide_gaps, interviews, network, paths, workspace
from careerpivot.store.models import Answer

TODAY = dt.date(2026, 3, 10)
AHEAD = "2026-03-20 10:00"  # a conversation still being planned


@pytest.fixture
def pm(clock, workspace):
    """A path with three core questions (one per category the assumptions below map to
    appears in the bank more than once) and four assumptions."""
    clock.set_today(TODAY)
    path = paths.add_path("Product management")
    bank = {q.text: q for q in paths.list_questions()}
    week = next(q for q in bank.values() if q.category == "typical_week")
    gaps = next(q for q in bank.values() if q.category == "skill_gaps")
    success = next(q for q in bank.values() if q.category == "success")
    paths.set_core_questions(path, [week.id, gaps.id, success.id])
    ids = {
        "pay": paths.add_assumption(path, "Pay rises fast in the first two years.", "pay"),
        "sql": paths.add_assumption(path, "I think that PMs write SQL every day", "skills"),
        "week": paths.add_assumption(path, "Most of the week is meetings", "daily_work"),
        "cert": paths.add_assumption(path, "A certificate is needed", "credentials"),
    }
    return path, ids, {"week": week.id, "gaps": gaps.id, "success": success.id}


def person(name, organization, level):
    return network.create_contact(name=name, organization=organization, level=level)


def held(contact, path, day="2026-02-01"):
    return interviews.create_interview(contact, path, day, status="completed")


def texts(interview_id):
    return [a.question_text for a in interviews.get_interview(interview_id).answers]


# --- what is proposed, in which order ---------------------------------------------------------


def test_untested_first_then_contested_then_closest_to_settled(pm):
    path, a, _core = pm
    ana, bob, cy = (person("Ana", "Acme", "mid"), person("Bob", "Globex", "senior"),
                    person("Cy", "Initech", "lead"))
    for contact in (ana, bob, cy):
        talk = held(contact, path)
        interviews.set_evidence(talk, a["pay"], "supported", "yes")  # settled: 3 people
    first, second = held(ana, path), held(bob, path)
    interviews.set_evidence(first, a["sql"], "supported", "Every day")
    interviews.set_evidence(second, a["sql"], "challenged", "Never")  # contested
    interviews.set_evidence(first, a["cert"], "challenged", "No")  # open, needs 2 more
    proposals = guide_gaps.proposed_questions(path)
    assert [(p.kind, p.target_id) for p in proposals] == [
        ("assumption", a["week"]), ("assumption", a["sql"]), ("assumption", a["cert"])]
    assert proposals[0].why == ("No held conversation has tested it yet. Needs 3 people "
                                "from at least two organizations or levels.")
    assert proposals[1].why.startswith("Contested: supported by 1 person, challenged by 1")
    assert all(p.standing is not None and not p.standing.settled for p in proposals)


def test_a_bank_question_of_the_matching_category_else_one_written_for_it(pm):
    path, a, core = pm
    proposals = {p.target_id: p for p in guide_gaps.proposed_questions(path)}
    bank = {q.id: q for q in paths.list_questions()}
    # daily work: a typical-week question of the bank, not the core one already in guides
    week = proposals[a["week"]]
    assert bank[week.question_id].category == "typical_week"
    assert week.question_id != core["week"] and week.text == bank[week.question_id].text
    sql = proposals[a["sql"]]
    assert bank[sql.question_id].category == "skill_gaps" and sql.question_id != core["gaps"]
    cert = proposals[a["cert"]]
    assert bank[cert.question_id].category == "certifications"
    # pay: the bank has no question for it, so one is written from the statement
    pay = proposals[a["pay"]]
    assert pay.question_id is None
    assert pay.text == gap_questions.for_assumption("Pay rises fast in the first two years.")
    assert len({p.question_id for p in proposals.values() if p.question_id}) == 3


def test_skills_mentioned_once_on_the_path(pm):
    path, _a, _core = pm
    other_path = paths.add_path("Operations")
    ana, bob = person("Ana", "Acme", "mid"), person("Bob", "Globex", "senior")
    first, second = held(ana, path), held(bob, path)
    interviews.add_mention(first, "Roadmapping", 3)
    interviews.add_mention(second, "Roadmapping", 2)  # twice on the path: not a gap
    interviews.add_mention(first, "SQL", 2)
    interviews.add_mention(second, "Negotiation", 3)  # once, essential: first
    interviews.add_mention(first, "Budgeting", 1)
    pathless = held(bob, None)
    interviews.add_mention(pathless, "Budgeting", 2)  # a second view, filed under no path
    interviews.add_mention(pathless, "Writing", 3)  # never mentioned on the path
    interviews.add_mention(held(ana, other_path), "SQL", 3)  # another path: not counted
    skills = [p for p in guide_gaps.proposed_questions(path) if p.kind == "skill"]
    assert [p.target for p in skills] == ["Negotiation"]  # the one place kept for skills
    for assumption in paths.list_assumptions(path):
        paths.delete_assumption(assumption.id)
    skills = guide_gaps.proposed_questions(path)
    assert [p.target for p in skills] == ["Negotiation", "SQL"]
    assert skills[1].text == ("How much does SQL matter in your work, and how did you "
                              "learn it?")
    assert skills[1].why == "Mentioned in 1 held conversation so far."


def test_at_most_five_with_a_place_kept_for_a_skill(pm):
    path, _a, _core = pm
    for k in range(6):
        paths.add_assumption(path, f"Belief number {k}", "other")
    assert [p.kind for p in guide_gaps.proposed_questions(path)] == ["assumption"] * 5
    interviews.add_mention(held(person("Ana", "Acme", "mid"), path), "SQL", 2)
    assert [p.kind for p in guide_gaps.proposed_questions(path)] == (
        ["assumption"] * 4 + ["skill"])


# --- in the guide -----------------------------------------------------------------------------


def test_a_planned_conversation_gets_the_proposals_after_its_core_questions(pm):
    path, _a, _core = pm
    ana = person("Ana", "Acme", "mid")
    planned = interviews.create_interview(ana, path, AHEAD)
    guide = interviews.get_interview(planned).answers
    core = [q.text for q in paths.core_questions(path)]
    assert [g.question_text for g in guide[:3]] == core
    proposals = guide_gaps.proposed_questions(path)
    assert [g.question_text for g in guide[3:]] == [p.text for p in proposals]
    marks = guide_gaps.guide_marks(planned)
    assert [marks[g.id].target_id for g in guide[3:]] == [p.target_id for p in proposals]
    assert all(g.id not in marks for g in guide[:3])
    assert marks[guide[3].id].target == "Pay rises fast in the first two years."
    # a next round is planned too
    follow_up = interviews.schedule_follow_up(planned)
    assert len(guide_gaps.guide_marks(follow_up)) == len(proposals)


def test_a_next_round_skips_what_that_person_already_said(pm):
    path, a, _core = pm
    ana = person("Ana", "Acme", "mid")
    first = held(ana, path)
    interviews.set_evidence(first, a["pay"], "supported", "Yes, fast")
    targets = {p.target_id for p in guide_gaps.proposed_questions(path)}
    assert a["pay"] in targets  # still open: one person is not enough
    again = interviews.schedule_follow_up(first)
    asked = {m.target_id for m in guide_gaps.guide_marks(again).values()}
    assert a["pay"] not in asked  # Ana's second answer would not be a new voice
    assert asked  # the others are still proposed
    bob = interviews.create_interview(person("Bob", "Beta", "lead"), path, AHEAD)
    assert a["pay"] in {m.target_id for m in guide_gaps.guide_marks(bob).values()}


@pytest.mark.parametrize(("when", "status"), [
    ("2026-03-02 09:00", None),  # entered after it happened
    ("2026-03-02", "completed"),
    ("", "cancelled"),
])
def test_a_conversation_not_ahead_gets_only_the_core_questions(pm, when, status):
    path, _a, _core = pm
    talk = interviews.create_interview(person("Ana", "Acme", "mid"), path, when,
                                       status=status)
    assert len(texts(talk)) == 3 and guide_gaps.guide_marks(talk) == {}


def test_a_path_without_core_questions_gets_an_empty_guide(pm):
    path, _a, _core = pm
    paths.set_core_questions(path, [])
    assert texts(interviews.create_interview(person("Ana", "Acme", "mid"), path, AHEAD)) == []


def test_suggesting_adds_what_the_guide_lacks_once(pm):
    path, a, _core = pm
    ana = person("Ana", "Acme", "mid")
    talk = interviews.create_interview(ana, path, "2026-03-02")  # no proposals: past date
    result = guide_gaps.add_proposals(talk)
    assert result.proposed == 4 and len(result.answer_ids) == 4
    assert len(texts(talk)) == 7
    again = guide_gaps.add_proposals(talk)
    assert again == guide_gaps.Added((), 4)  # every proposal already in the guide
    # one removed by hand comes back, and only that one
    week = next(i for i, m in guide_gaps.guide_marks(talk).items()
                if m.target_id == a["week"])
    interviews.remove_guide_question(week)
    back = guide_gaps.add_proposals(talk)
    assert len(back.answer_ids) == 1
    assert guide_gaps.guide_marks(talk)[back.answer_ids[0]].target_id == a["week"]
    pathless = interviews.create_interview(ana, None, AHEAD)
    assert guide_gaps.add_proposals(pathless) == guide_gaps.Added((), 0)


def test_a_deleted_target_leaves_the_question_unmarked_and_undo_marks_it_again(pm):
    path, a, _core = pm
    talk = interviews.create_interview(person("Ana", "Acme", "mid"), path, AHEAD)
    interviews.set_answer(next(i for i, m in guide_gaps.guide_marks(talk).items()
                               if m.target_id == a["pay"]), "It depends")
    snap = paths.delete_assumption(a["pay"])
    answer = Answer.get(Answer.answer == "It depends")
    assert answer.assumption_id is None  # the question and its answer stay
    assert answer.id not in guide_gaps.guide_marks(talk)
    workspace.restore_snapshot(snap)
    assert guide_gaps.guide_marks(talk)[answer.id].target_id == a["pay"]


def test_proposals_come_from_a_fixed_number_of_queries(pm, statements):
    path, a, _core = pm

    def count() -> int:
        statements.clear()
        guide_gaps.proposed_questions(path, talk)
        return len(statements)

    talk = interviews.create_interview(person("Ana", "Acme", "mid"), path, AHEAD)
    interviews.set_evidence(held(person("Bo", "Beta", "mid"), path), a["pay"], "supported")
    few = count()
    for k in range(30):
        contact = person(f"P{k}", f"Org {k % 4}", "mid")
        conversation = held(contact, path)
        interviews.set_evidence(conversation, a["sql"], "supported", f"quote {k}")
        interviews.add_mention(conversation, f"Skill {k}", 2)
        paths.add_assumption(path, f"Belief {k}")
    assert count() == few <= 6


# --- what others already said, and the prep sheet ---------------------------------------------


def test_what_others_said_by_person_held_and_in_turn(pm):
    path, a, _core = pm
    ana, bob, cy, di = (person("Ana Souza", "Acme", "mid"), person("Bob Ode", "Globex", "lead"),
                        person("Cy", "", "senior"), person("Di", "Initech", "mid"))
    first = held(ana, path, "2026-01-05")
    interviews.set_evidence(first, a["sql"], "supported", "Every day. " * 40)
    again = interviews.schedule_follow_up(first)  # a second round with Ana
    interviews.update_interview(again, "scheduled_at", "2026-02-01")
    interviews.update_interview(again, "status", "completed")
    interviews.set_evidence(again, a["sql"], "supported", "Still every day")
    interviews.set_evidence(held(bob, path, "2026-01-10"), a["sql"], "supported", "Mostly")
    interviews.set_evidence(held(cy, path, "2026-01-20"), a["sql"], "challenged", "Never")
    interviews.set_evidence(held(di, path, "2026-01-25"), a["sql"], "nuanced", "")
    planned = interviews.create_interview(di, path, AHEAD)
    said = guide_gaps.said_before([("assumption", a["sql"])], planned)
    voices = said[("assumption", a["sql"])]
    # quoted first: the newest supporter, the challenger, the other supporter (Ana's two
    # rounds count once; Di's nuance without a quote comes after three people)
    assert [(v.person, v.stance) for v in voices] == [
        ("Ana Souza", "Supported"), ("Cy", "Challenged"), ("Bob Ode", "Supported")]
    assert voices[0].quote == "Still every day" and voices[1].organization == ""
    # the conversation's own verdict is not "what others said": Ana's earlier round speaks
    ana_before = next(v for v in guide_gaps.said_before([("assumption", a["sql"])], again)[
        ("assumption", a["sql"])] if v.person == "Ana Souza")
    assert ana_before.person == "Ana Souza" and ana_before.quote.startswith("Every day.")
    assert len(ana_before.quote) <= guide_gaps.QUOTE_LENGTH and ana_before.quote.endswith("…")


def _text(sheet) -> str:
    reader = pypdf.PdfReader(io.BytesIO(prep.build_prep(sheet, "A4")))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_the_prep_sheet_asks_about_what_is_uncertain_with_what_others_said(pm):
    path, a, _core = pm
    ana, bob = person("Ana Souza", "Acme", "mid"), person("Bob Ode", "Globex", "senior")
    first, second = held(ana, path), held(bob, path)
    interviews.set_evidence(first, a["sql"], "supported", "SQL daily, to check the numbers")
    interviews.set_evidence(second, a["sql"], "challenged", "Never touched it")
    interviews.add_mention(second, "Negotiation", 3, "Every contract")
    cy = person("Cy Lee", "Initech", "lead")
    planned = interviews.create_interview(cy, path, AHEAD)
    sheet = documents.prep_sheet_data(planned)
    assert len(sheet.questions) == 3  # the core questions; the proposals are apart
    by_target = {g.target: g for g in sheet.uncertain}
    assert list(by_target) == [  # the untested ones in the path's order, then the contested
        "Pay rises fast in the first two years.", "Most of the week is meetings",
        "A certificate is needed", "I think that PMs write SQL every day", "Negotiation"]
    sql = by_target["I think that PMs write SQL every day"]
    # what both said, by person, for Cy to be asked about
    assert [(s.person, s.stance) for s in sql.said] == [("Ana Souza, Acme", "Supported"),
                                                        ("Bob Ode, Globex", "Challenged")]
    assert sql.why.startswith("Contested")
    assert by_target["Negotiation"].said[0].quote == "Every contract"
    text = _text(sheet)
    assert "Questions for what is still uncertain" in text
    assert "Bob Ode, Globex — challenged: “Never touched it”" in text
    assert "Skill: Negotiation" in text
    # the section disappears when nothing in the guide targets a gap
    for answer_id in guide_gaps.guide_marks(planned):
        interviews.remove_guide_question(answer_id)
    plain = documents.prep_sheet_data(planned)
    assert plain.uncertain == () and "still uncertain" not in _text(plain)


def test_a_gap_closed_since_is_an_ordinary_question_on_the_sheet(pm):
    path, a, _core = pm
    planned = interviews.create_interview(person("Ana", "Acme", "mid"), path, AHEAD)
    for name, org in (("B", "Beta"), ("C", "Gamma"), ("D", "Delta")):
        interviews.set_evidence(held(person(name, org, "mid"), path), a["week"], "supported")
    week = next(answer.question_text for answer_id, mark in guide_gaps.guide_marks(
        planned).items() for answer in interviews.get_interview(planned).answers
        if answer.id == answer_id and mark.target_id == a["week"])
    sheet = documents.prep_sheet_data(planned)
    assert "Most of the week is meetings" not in [g.target for g in sheet.uncertain]
    assert len(sheet.uncertain) == 3
    assert sheet.questions[3:] == (week,)  # in the guide's order, after the core questions


def test_an_empty_guide_of_a_planned_conversation_prints_the_proposals(pm):
    path, _a, _core = pm
    talk = interviews.create_interview(person("Ana", "Acme", "mid"), path, AHEAD)
    for answer in interviews.get_interview(talk).answers:
        interviews.remove_guide_question(answer.id)
    sheet = documents.prep_sheet_data(talk)
    assert len(sheet.questions) == 3 and len(sheet.uncertain) == 4
    assert "Questions for what is still uncertain" in _text(sheet)
