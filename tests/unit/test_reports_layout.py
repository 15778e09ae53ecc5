"""How the prep sheet and the plan sit on the page: page counts, no page of only ruled lines,
"Page X of Y" in every footer, and no word outside the margins.

Word positions are read from the PDF's content streams: a small interpreter of the operators
ReportLab writes (Tm, Td, TD, T*, Tf, TL, Tc, Tj, TJ, cm, q, Q, and Do for the forms that hold
the page labels) gives each shown string's start and end on the page, its width from the
font's own /Widths."""

from __future__ import annotations

import dataclasses
import io
import re

import pypdf
import pytest
from pypdf.generic import ContentStream

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

# --- reading where the words are ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Run:
    page: int
    text: str
    x0: float
    x1: float
    y: float


def _mul(a: tuple, b: tuple) -> tuple:
    """The product of two PDF matrices (a, b, c, d, e, f)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>")


def _font(font) -> tuple[int, list[float], dict[int, str]]:
    """A font's first code, its widths, and the text of each code (its ToUnicode map)."""
    font = font.get_object()
    text: dict[int, str] = {}
    if "/ToUnicode" in font:
        cmap = font["/ToUnicode"].get_object().get_data()
        for code, hexa in _BFCHAR.findall(cmap):
            text[int(code, 16)] = bytes.fromhex(hexa.decode()).decode("utf-16-be", "replace")
    return (int(font.get("/FirstChar", 0)), [float(w) for w in font.get("/Widths", [])],
            text)


def _show(stream, resources, reader, page: int, ctm: tuple, found: list[Run],
          clip: tuple[float, float, float, float] | None = None) -> None:
    """The strings ``stream`` shows, followed into the forms it draws (``Do``); a string
    outside a form's box (``clip``, on the page) is not seen, so it is not reported."""
    fonts = resources.get("/Font", {})
    forms = resources.get("/XObject", {})
    stack: list[tuple] = []
    tm = tlm = (1, 0, 0, 1, 0, 0)
    font, size, leading, char_space = None, 0.0, 0.0, 0.0
    for operands, op in ContentStream(stream, reader).operations:
        if op == b"q":
            stack.append((ctm, font, size, leading, char_space))
        elif op == b"Q":
            ctm, font, size, leading, char_space = stack.pop()
        elif op == b"cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)
        elif op == b"Do":
            form = forms[operands[0]].get_object()
            matrix = _mul(tuple(float(v) for v in form.get("/Matrix", (1, 0, 0, 1, 0, 0))),
                          ctm)
            x0, y0, x1, y1 = (float(v) for v in form["/BBox"])
            box = (x0 + matrix[4], y0 + matrix[5], x1 + matrix[4], y1 + matrix[5])
            _show(form, form.get("/Resources", resources), reader, page, matrix, found, box)
        elif op == b"BT":
            tm = tlm = (1, 0, 0, 1, 0, 0)
        elif op == b"Tf":
            font, size = _font(fonts[operands[0]]), float(operands[1])
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"Tc":
            char_space = float(operands[0])
        elif op == b"Tm":
            tm = tlm = tuple(float(v) for v in operands)
        elif op in (b"Td", b"TD"):
            if op == b"TD":
                leading = -float(operands[1])
            tm = tlm = _mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), tlm)
        elif op == b"T*":
            tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            if op in (b"'", b'"'):
                tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
            parts = operands[0] if op == b"TJ" else [operands[-1]]
            start = _mul(tm, ctm)
            advance = 0.0
            text = []
            first, widths, chars = font
            for part in parts:
                if not isinstance(part, (bytes, str)):  # a TJ adjustment
                    advance -= float(part) / 1000 * size
                    continue
                raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part)
                for code in raw:
                    index = code - first
                    w = widths[index] if 0 <= index < len(widths) else 0.0
                    advance += w / 1000 * size + char_space
                    text.append(chars.get(code, chr(code)))
            tm = _mul((1, 0, 0, 1, advance, 0), tm)
            end = _mul(tm, ctm)
            if clip is None or (clip[0] <= start[4] and end[4] <= clip[2]
                                and clip[1] <= start[5] <= clip[3]):
                found.append(Run(page, "".join(text), start[4], end[4], start[5]))


def runs(data: bytes) -> list[Run]:
    """Every string shown on every page, with where it starts and ends (points)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[Run] = []
    for number, page in enumerate(reader.pages, 1):
        _show(page.get_contents(), page["/Resources"], reader, number, (1, 0, 0, 1, 0, 0),
              found)
    return found


def outside_margins(data: bytes, page_size: str) -> list[Run]:
    """The strings that run into the side margins, or above the top margin, or below the
    footer's line."""
    width, height = styles.PAGE_SIZES[page_size]
    tolerance = 0.5
    return [r for r in runs(data)
            if r.x0 < base.MARGIN_X - tolerance or r.x1 > width - base.MARGIN_X + tolerance
            or r.y > height - base.MARGIN_TOP + tolerance or r.y < 10 * styles.MM]


def pages_text(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def assert_numbered(data: bytes) -> int:
    texts = pages_text(data)
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text, (number, text[:80])
    return len(texts)


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
