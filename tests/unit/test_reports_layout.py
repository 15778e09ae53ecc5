"""How the prep sheet and the plan sit on the page: page counts, no page of only ruled lines,
no section heading left at a page's foot, "Page X of Y" in every footer, and no word outside
the margins (word positions as tests/unit/pdf_words.py reads them)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pdf_words import Run, assert_numbered, norm, outside_margins, pages_text, runs

from careerpivot.reports import base, plan, prep, styles
from careerpivot.reports.data import (
    GapQuestion,
    PlanContingency,
    PlanDocument,
    PlanMilestone,
    PlanPhase,
    PrepSheet,
    SaidBefore,
)
from careerpivot.services import documents


def lines_only(data: bytes) -> list[int]:
    """Pages with nothing but the footer and ruled lines (no words above the footer)."""
    found = runs(data)
    return [number for number in sorted({r.page for r in found})
            if not any(r.page == number and r.y > base.MARGIN_BOTTOM and r.text.strip()
                       for r in found)]


# --- documents to test with ------------------------------------------------------------------


LONG_WORD = "Supercalifragilisticexpialidocious" * 4


def sheet(questions: int = 4, uncertain: int = 0, **changes: object) -> PrepSheet:
    said = (SaidBefore("Priya Raman, Northwind Pay", "Supported",
                       "About 70% of my week is meetings, and the rest is discovery."),
            SaidBefore("Jonas Weber, Northwind Pay", "Challenged", "Half, at most."))
    base_sheet = PrepSheet(
        interview_id=1, my_name="Amara Lindqvist", my_headline="", contact_name="Marcus Bell",
        contact_role="VP Product", contact_organization="Kestrel Health",
        contact_level="Executive", contact_email="marcus.bell@kestrel.example",
        contact_phone="+44 113 496 0000", contact_url="https://example.org/" + "x" * 120,
        how_we_know="Introduced by Hannah Okoye", path="Product management",
        scheduled_at="2026-12-11 16:00", minutes=30, mode="Video call", status="Scheduled",
        round=1, my_context="Goal: what Kestrel's VP of Product looks for. " + LONG_WORD,
        questions=tuple(f"Question {n}: how do you decide what not to build, and how do you "
                        f"say no to stakeholders when the roadmap is full?"
                        for n in range(1, questions + 1)),
        earlier="", earlier_notes="", generated="2026-12-08",
        uncertain=tuple(GapQuestion(f"Gap {n}: is your time split between meetings and "
                                    f"focused work?", "Most of a week is meetings", "assumption",
                                    "Contested: supported by 1 person, challenged by 1.", said)
                        for n in range(1, uncertain + 1)))
    return dataclasses.replace(base_sheet, **changes)


def milestone(title: str, due: str, status: str = "planned", days_overdue: int = 0,
              money: str = "") -> PlanMilestone:
    return PlanMilestone(title=title, due_date=due, status=status.replace("_", " ").title(),
                         status_key=status, done_date="", metric="Units", target="3",
                         hours_needed=4, money_needed=0, partner="Zoë Łukasiewicz-Ngô",
                         notes="A note " + LONG_WORD, days_overdue=days_overdue,
                         money_text=money)


def plan_doc(milestones_per_phase: int = 3, phases: int = 4) -> PlanDocument:
    made = tuple(
        PlanPhase(f"Phase {p} with a long name that goes on " + LONG_WORD, "Goal " + LONG_WORD,
                  5, f"2026-{p * 2:02d}-01", f"2026-{p * 2 + 2:02d}-28", "Metric",
                  tuple(milestone(f"Milestone {p}.{m} " + LONG_WORD,
                                  f"2026-{p * 2 + 1:02d}-{m + 1:02d}", "in_progress",
                                  days_overdue=3 if m == 0 else 0, money="€1,200")
                        for m in range(milestones_per_phase)))
        for p in range(1, phases + 1))
    contingency = PlanContingency("If " + LONG_WORD, "Then " + LONG_WORD, "2026-06-30",
                                  "Product management")
    return PlanDocument("Amara Lindqvist", "Moving into product", made, (contingency,) * 3,
                        "2026-07-15", money_total_text="€14,400")


def short_plan() -> PlanDocument:
    """A plan of one short phase, to fit one page."""
    phase = PlanPhase("Exploration", "Test my assumptions.", 5, "2026-02-01", "2026-04-28",
                      "Twelve conversations", (milestone("Hold eight interviews", "2026-03-01"),))
    return PlanDocument("Amara Lindqvist", "", (phase,), (), "2026-03-10")


# --- the prep sheet -------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_a_four_question_sheet_fits_one_page_with_room_to_write(page_size):
    data = prep.build_prep(sheet(4), page_size)
    assert assert_numbered(data) == 1
    assert "Page 1 of 1" in pages_text(data)[0]
    assert "Introductions offered, and next steps" in pages_text(data)[0]


@pytest.mark.parametrize("questions,uncertain", [(8, 0), (12, 0), (4, 6), (10, 8), (25, 0)])
def test_a_long_sheet_never_ends_with_a_page_of_only_lines(questions, uncertain):
    data = prep.build_prep(sheet(questions, uncertain), "A4")
    pages = assert_numbered(data)
    assert pages >= 2
    assert lines_only(data) == []
    last = pages_text(data)[-1]
    assert "Introductions offered, and next steps" in last
    assert re.search(r"\b\d+\. (Question|Gap) \d+", last), last[:200]  # with a question


def test_no_length_of_sheet_ends_with_a_page_of_only_lines():
    # every length from one page to three, so that some sheet's last question ends at a
    # page's very foot
    for questions in range(3, 19):
        data = prep.build_prep(sheet(questions, questions % 3), "A4")
        assert lines_only(data) == [], questions


def test_a_sheet_without_questions_is_one_page_of_notes():
    data = prep.build_prep(sheet(0), "A4")
    assert assert_numbered(data) == 1
    assert "No questions yet" in pages_text(data)[0]


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_no_word_of_a_sheet_is_outside_the_margins(page_size):
    for made in (sheet(4), sheet(10, 8)):
        data = prep.build_prep(made, page_size)
        assert outside_margins(data, page_size) == []
        # the reading is sound: the body starts at the left margin, the page number ends
        # at the right one
        found = runs(data)
        width = styles.PAGE_SIZES[page_size][0]
        assert min(r.x0 for r in found) == pytest.approx(base.MARGIN_X, abs=0.5)
        label = next(r for r in found if r.text.startswith("Page 1 of"))
        assert label.x1 == pytest.approx(width - base.MARGIN_X, abs=0.5)


def test_every_prep_sheet_of_the_sample_workspace(demo_workspace):
    for choice in documents.interview_choices():
        data = prep.build_prep(documents.prep_sheet_data(choice.id), "A4")
        pages = assert_numbered(data)
        assert pages <= 3, choice.label
        assert lines_only(data) == [], choice.label
        assert outside_margins(data, "A4") == [], choice.label


def test_my_context_does_not_repeat_how_we_met(workspace):
    from careerpivot.services import interviews, network

    hannah = network.create_contact(name="Hannah Okoye")
    marcus = network.create_contact(name="Marcus Bell", introduced_by=hannah)
    talk = interviews.create_interview(marcus)
    interviews.update_interview(talk, "context", "Introduced by Hannah.\nGoal: how PMs are hired.")
    made = documents.prep_sheet_data(talk)
    assert made.how_we_know == "Introduced by Hannah Okoye"
    assert made.my_context == "Goal: how PMs are hired."
    text = " ".join(pages_text(prep.build_prep(made, "A4")))
    assert text.count("Introduced by Hannah") == 1
    # a context that says more than how we met is kept whole
    interviews.update_interview(talk, "context", "Introduced by Hannah Okoye at the meetup.")
    assert documents.prep_sheet_data(talk).my_context == (
        "Introduced by Hannah Okoye at the meetup.")


# --- the plan --------------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_no_word_of_the_plan_is_outside_the_margins(page_size):
    for made in (plan_doc(), plan_doc(12, 3), plan_doc(2, 12)):
        data = plan.build_plan(made, page_size)
        assert_numbered(data)
        assert outside_margins(data, page_size) == []


def test_the_plan_of_the_sample_workspace_sits_within_its_margins(demo_workspace):
    data = plan.build_plan(documents.plan_document_data(), "A4")
    assert_numbered(data)
    assert outside_margins(data, "A4") == []


def test_the_timeline_shows_phases_milestones_and_today():
    made = plan_doc(2, 2)
    found = runs(plan.build_plan(made, "A4"))
    first_page = [r.text for r in found if r.page == 1]
    assert "Today, 15 Jul" in first_page
    assert "3 days overdue" in first_page  # beside the overdue milestone's marker
    # the months above the rows, the year once
    months = [t for t in first_page if re.fullmatch(r"[A-Z][a-z]{2}( 2026)?", t)]
    assert len(months) >= 4 and sum(t.endswith("2026") for t in months) == 1, months
    legend = {"done", "in progress", "planned", "overdue", "missed", "contingency", "today"}
    assert legend <= set(first_page)


def test_a_long_plan_keeps_its_timeline_on_the_first_page():
    made = plan_doc(20, 3)  # 60 milestones: drawn on their phases' rows
    found = runs(plan.build_plan(made, "A4"))
    today = [r for r in found if r.text.startswith("Today, ")]
    assert [r.page for r in today] == [1]


def test_a_plan_without_dates_has_no_timeline():
    phase = PlanPhase("Exploration", "", 0, "", "", "",
                      (dataclasses.replace(milestone("Undated", ""), days_overdue=0),))
    made = PlanDocument("Me", "", (phase,), (), "2026-07-15")
    texts = [r.text for r in runs(plan.build_plan(made, "A4"))]
    assert not any(t.startswith("Today") for t in texts)
    assert "Undated" in " ".join(texts)


# --- the plan's sections on its pages --------------------------------------------------------


def sections(data: bytes) -> list[tuple[str, int, bool]]:
    """Each section heading of a plan (a phase's number and name, "Contingencies"): its text,
    its page, and whether a row of its section stands below it on that page (a row under the
    table's header row, or "No milestones yet."), above the next heading."""
    st = base.doc_styles()
    found = [r for r in runs(data) if r.y > base.MARGIN_BOTTOM and r.text.strip()]

    def is_heading(r: Run) -> bool:
        return "Bold" in r.font and r.size == pytest.approx(st.heading.fontSize, abs=0.05)

    out = []
    for page in sorted({r.page for r in found}):
        on_page = sorted((r for r in found if r.page == page), key=lambda r: (-r.y, r.x0))
        groups: list[list[Run]] = []  # the lines of each heading (a long name wraps)
        for r in (r for r in on_page if is_heading(r)):
            if groups and groups[-1][-1].y - r.y <= 1.2 * st.heading.leading:
                groups[-1].append(r)
            else:
                groups.append([r])
        for index, group in enumerate(groups):
            bottom = min(r.y for r in group)
            end = max(r.y for r in groups[index + 1]) if index + 1 < len(groups) else 0.0
            below = [r for r in on_page if end < r.y < bottom - 1 and not is_heading(r)]
            label = next((r for r in below if r.text in ("DUE", "IF")), None)
            has_row = (any(r.text.startswith("No milestones yet") for r in below)
                       or (label is not None and any(r.y < label.y - 2 for r in below)))
            out.append(("".join(r.text for r in group), page, has_row))
    return out


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_the_sample_plan_takes_two_pages_and_strands_no_heading(demo_workspace, page_size):
    made = documents.plan_document_data()
    data = plan.build_plan(made, page_size)
    assert assert_numbered(data) == 2
    found = sections(data)
    assert len(found) == len(made.phases) + 1  # and the contingencies
    assert found[-1][0] == "Contingencies"
    assert [f for f in found if not f[2]] == []
    assert outside_margins(data, page_size) == []


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_no_section_heading_is_left_at_the_foot_of_a_page(page_size):
    # plans of many lengths, so that some heading falls near some page's foot; each
    # section's heading starts a page or has its table's header and a row below it
    for phases, milestones in ((2, 1), (3, 2), (4, 2), (5, 1), (3, 4), (6, 2), (2, 7), (4, 5)):
        made = plan_doc(milestones, phases)
        data = plan.build_plan(made, page_size)
        found = sections(data)
        assert len(found) == phases + 1, (phases, milestones)
        assert [f for f in found if not f[2]] == [], (phases, milestones)
        assert outside_margins(data, page_size) == []


def test_a_phase_without_milestones_keeps_its_heading_with_its_note():
    empty = PlanPhase("Waiting", "Goal", 2, "2026-09-01", "2026-10-01", "", ())
    made = dataclasses.replace(plan_doc(3, 4), phases=(*plan_doc(3, 4).phases, empty))
    found = sections(plan.build_plan(made, "A4"))
    assert found[-2][0].endswith("Waiting") and found[-2][2]


def _built_at(made: PlanDocument, page_size: str, spacing: plan.Spacing) -> base.Built:
    return base.build_pdf(plan.story(made, page_size, spacing), page_size=page_size, title="",
                          author="", subject="", footer="")


def _header_to_first_row(data: bytes) -> float:
    """How far the first milestone table's first row stands below its header row (pt)."""
    found = runs(data)
    due = next(r for r in found if r.text == "DUE")
    return due.y - max(r.y for r in found if r.page == due.page and r.y < due.y - 1
                       and r.x0 == pytest.approx(due.x0, abs=0.5))


def test_the_plan_is_set_tighter_only_when_that_saves_a_page(demo_workspace):
    sample = documents.plan_document_data()
    regular, compact = (_built_at(sample, "Letter", s) for s in (plan.REGULAR, plan.COMPACT))
    assert (regular.pages, compact.pages) == (3, 2)  # on Letter, the tighter one saves a page
    data = plan.build_plan(sample, "Letter")
    assert assert_numbered(data) == 2
    assert _header_to_first_row(data) == pytest.approx(_header_to_first_row(compact.data))
    assert _header_to_first_row(data) < _header_to_first_row(regular.data) - 1
    # where it saves none (a short plan, a long one), the plan keeps its regular spacing
    for made in (short_plan(), plan_doc(12, 4)):
        regular, compact = (_built_at(made, "A4", s) for s in (plan.REGULAR, plan.COMPACT))
        assert regular.pages == compact.pages
        assert _header_to_first_row(plan.build_plan(made, "A4")) == pytest.approx(
            _header_to_first_row(regular.data))


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_a_phase_heading_carries_its_dates_ranged_right_on_its_line(page_size):
    found = runs(plan.build_plan(short_plan(), page_size))
    width = styles.PAGE_SIZES[page_size][0]
    name = next(r for r in found if r.text.strip() == "Exploration")
    line = [r for r in found if r.page == name.page and r.y == pytest.approx(name.y, abs=0.5)]
    # on the name's baseline
    assert norm(" ".join(r.text for r in line)) == "1 Exploration 1 Feb – 28 Apr 2026 · 5 h a week"
    assert line[-1].x1 == pytest.approx(width - base.MARGIN_X, abs=1.5)
    # a long name wraps beside them, never into them
    long = dataclasses.replace(short_plan().phases[0], name="Exploration " * 12,
                               start_date="2026-12-01", end_date="2027-12-31",
                               weekly_hours=12.5)
    data = plan.build_plan(dataclasses.replace(short_plan(), phases=(long,)), page_size)
    found = runs(data)
    dates = next(r for r in found if r.text.startswith("1 Dec 2026"))
    name = [r for r in found if "Exploration" in r.text and r.size == pytest.approx(12)]
    assert len({r.y for r in name}) >= 2 and max(r.x1 for r in name) < dates.x0
    assert outside_margins(data, page_size) == []
