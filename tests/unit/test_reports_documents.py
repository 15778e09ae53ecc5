"""The interview prep sheet and the transition plan."""

from __future__ import annotations

import io

import pypdf
import pytest
from pdf_words import assert_fonts_embedded, norm, text_of

from careerpivot.core.errors import NotFoundError
from careerpivot.reports import plan, prep
from careerpivot.services import currency, documents, interviews, network
from careerpivot.services import plan as plan_service


def test_prep_sheets_of_the_sample_workspace(demo_workspace):
    choices = documents.interview_choices()
    assert len(choices) >= 5
    for choice in choices:
        sheet = documents.prep_sheet_data(choice.id)
        data = prep.build_prep(sheet, "A4")
        pages, text = text_of(data)
        # one page, or more with room under each question (tests/unit/test_reports_layout)
        assert 1 <= pages <= 3, (choice.label, pages)
        assert norm(sheet.contact_name) in text
        for question in sheet.questions:
            assert norm(question) in text
        if sheet.my_context:
            assert norm(sheet.my_context)[:60] in text
        if sheet.contact_organization:
            assert norm(sheet.contact_organization) in text
        assert "Introductions offered, and next steps" in text
    assert_fonts_embedded(data)
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta.title.startswith("Interview prep — ")
    assert meta.author and meta.subject


def test_prep_sheet_names_the_introducer_and_the_earlier_round(demo_workspace):
    sheets = [documents.prep_sheet_data(c.id) for c in documents.interview_choices()]
    assert any(s.earlier.startswith("Round 1") for s in sheets)
    follow_up = next(s for s in sheets if s.earlier)
    _pages, text = text_of(prep.build_prep(follow_up, "Letter"))
    assert "Earlier conversation".upper() in text
    # the round was held on a day, written as a date a person reads
    import re

    assert re.fullmatch(r"Round 1 on \d{1,2} [A-Z][a-z]+ \d{4}", follow_up.earlier)
    assert norm(follow_up.earlier) in text


def test_the_introducer_is_named_once(workspace):
    priya = network.create_contact(name="Priya Raman")
    told = network.create_contact(name="Jonas Weber", introduced_by=priya,
                                  how_met="Introduced by Priya Raman at the meetup")
    plain = network.create_contact(name="Li Wei", introduced_by=priya, how_met="Alumni list")
    told_sheet = documents.prep_sheet_data(interviews.create_interview(told))
    plain_sheet = documents.prep_sheet_data(interviews.create_interview(plain))
    assert told_sheet.how_we_know == "Introduced by Priya Raman at the meetup"
    assert plain_sheet.how_we_know == "Alumni list. Introduced by Priya Raman"


def test_prep_sheet_of_an_unknown_interview(workspace):
    with pytest.raises(NotFoundError):
        documents.prep_sheet_data(4242)


def test_plan_of_the_sample_workspace(demo_workspace):
    doc = documents.plan_document_data()
    assert doc.phases and doc.milestone_count and doc.contingencies
    data = plan.build_plan(doc, "A4")
    pages, text = text_of(data)
    assert pages >= 1
    for phase in doc.phases:
        assert norm(phase.name) in text
        for m in phase.milestones:
            assert norm(m.title) in text
            if m.partner:
                assert norm(m.partner) in text
    for c in doc.contingencies:
        assert norm(c.trigger) in text and norm(c.response) in text
    assert_fonts_embedded(data)
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta.title == f"Transition plan — {doc.my_name}"


def test_a_long_plan_runs_over_pages_with_repeated_headers(workspace):
    base = documents.plan_document_data()
    milestone = documents.PlanMilestone(
        title="Milestone", due_date="2026-05-01", status="Planned", status_key="planned",
        done_date="", metric="Units", target="3", hours_needed=4, money_needed=0,
        partner="Grace", notes="A note that takes a line or two of space in the table.")
    phase = documents.PlanPhase("Long phase", "Goal", 5, "2026-01-01", "2026-12-31", "Metric",
                                tuple(milestone for _ in range(60)))
    data = plan.build_plan(documents.PlanDocument("Me", "", (phase,), (), base.generated))
    pages, text = text_of(data)
    assert pages >= 3
    assert text.count("MILESTONE") >= pages  # the header row repeats on every page


def test_an_empty_plan_says_so(workspace):
    from careerpivot.store.models import Phase

    Phase.delete().execute()
    pages, text = text_of(plan.build_plan(documents.plan_document_data(), "A4"))
    assert pages == 1
    assert "The plan is empty" in text


def test_exports_are_written_atomically(demo_workspace, tmp_path):
    target = tmp_path / "plan.pdf"
    plan.export_plan(documents.plan_document_data(), target)
    assert pypdf.PdfReader(target).pages
    assert target.stat().st_mode & 0o777 == 0o600
    sheet = documents.prep_sheet_data(documents.interview_choices()[0].id)
    prep.export_prep(sheet, tmp_path / "prep.pdf", "Letter")
    assert pypdf.PdfReader(tmp_path / "prep.pdf").pages


# --- what the plan says about its milestones -------------------------------------------------


def _milestones(doc: documents.PlanDocument) -> list[documents.PlanMilestone]:
    return [m for p in doc.phases for m in p.milestones]


def test_overdue_milestones_are_flagged_as_the_app_flags_them(workspace, clock):
    import datetime as dt

    today = clock.today()
    phase = plan_service.add_phase("Exploration")
    late = plan_service.add_milestone(phase, "Hold eight interviews", status="in_progress",
                                      due_date=today - dt.timedelta(days=5))
    plan_service.add_milestone(phase, "Read a book", status="done",
                               due_date=today - dt.timedelta(days=9))
    plan_service.add_milestone(phase, "Pass an exam", status="missed",
                               due_date=today - dt.timedelta(days=2))
    plan_service.add_milestone(phase, "Yesterday", due_date=today - dt.timedelta(days=1))
    plan_service.add_milestone(phase, "Today", due_date=today)
    doc = documents.plan_document_data()
    by_title = {m.title: m for m in _milestones(doc)}
    # the app's own reading of the plan says the same (one rule: core.plan.days_overdue)
    app = {m.title: m.days_overdue for m in plan_service.plan_overview().milestones()}
    assert {t: m.days_overdue for t, m in by_title.items()} == app
    assert by_title["Hold eight interviews"].days_overdue == 5
    assert plan_service.get_milestone(late).overdue
    assert doc.overdue_count == 2
    _pages, text = text_of(plan.build_plan(doc, "A4"))
    assert text.count("5 days overdue") == 2  # in the table, and beside its marker
    assert text.count("1 day overdue") == 2
    assert "9 days overdue" not in text and "2 days overdue" not in text
    assert "2 overdue" in text  # in the plan's counts


def test_milestones_are_listed_by_date_undated_last(workspace, clock):
    import datetime as dt

    today = clock.today()
    phase = plan_service.add_phase("Skill-building")
    for title, days in (("Undated", None), ("Third", 30), ("First", 2), ("Second", 9)):
        plan_service.add_milestone(phase, title, due_date=(
            today + dt.timedelta(days=days) if days is not None else None))
    doc = documents.plan_document_data()
    titles = [m.title for m in doc.phases[-1].milestones]
    assert titles == ["First", "Second", "Third", "Undated"]
    _pages, text = text_of(plan.build_plan(doc, "A4"))
    table = text[text.rindex("Skill-building"):]  # the phase's table, after the timeline
    assert [table.index(t) for t in titles] == sorted(table.index(t) for t in titles)


@pytest.mark.parametrize("code,amount,written", [
    ("EUR", 1200, "€1,200"), ("GBP", 19.5, "£19.50"), ("USD", 40, "$40"),
    ("CHF", 250, "CHF\u00a0250"), ("JPY", 3000.4, "¥3,000"), ("", 19, "19"),
])
def test_money_is_written_in_the_workspace_currency(workspace, code, amount, written):
    if code:
        currency.set_currency(code)
    phase = plan_service.add_phase("Formal validation")
    plan_service.add_milestone(phase, "Pass PSPO I", money_needed=amount)
    plan_service.add_milestone(phase, "Workshop", money_needed=0)
    doc = documents.plan_document_data()
    assert [m.money_text for m in doc.phases[-1].milestones] == [written, ""]
    assert doc.money_total_text == written
    _pages, text = text_of(plan.build_plan(doc, "A4"))
    assert norm(written) in text
    assert "cost" not in text
