"""The one-page value summary: always one page, the text exactly as typed, fonts embedded,
metadata, links, the fit policy and its report, and the build time."""

from __future__ import annotations

import statistics
import time
import unicodedata

import pytest
from pdf_words import assert_fonts_embedded, norm, reader, text_of

from careerpivot.reports import base, fonts, styles, summary_fit
from careerpivot.reports import summary as report
from careerpivot.services.summary import PortfolioEntry, SummaryDocument

NARRATIVE = (
    "For ten years I have turned messy, cross-team requests into plans that ship on time: "
    "warehouse systems, carrier migrations and a scheduling tool now used at six sites. I am "
    "now adding the data and discovery skills product management demands."
)
ASK = "Introductions to product leaders hiring in B2B software for operations teams."
SKILLS = ("Stakeholder management", "Prioritisation", "SQL", "王小明的技能", "Jira & Confluence")
WORK = (
    PortfolioEntry("Rolled out a scheduling tool across six sites",
                   "Cut weekly planning time by 30%.", "https://example.org/case", "achievement"),
    PortfolioEntry("Shadowed a discovery sprint at Brightline",
                   "Ran two customer interviews.", "", "experiment"),
    PortfolioEntry("Café Ørsted <b>pop-up</b> relaunch", "Ran it for 3 weeks.", "", "achievement"),
)


def full_doc(**changes) -> SummaryDocument:
    doc = SummaryDocument(
        full_name="Zoë Łukasiewicz-Ngô", headline="Project coordinator → product manager",
        current_role="Senior Project Coordinator, Halden Logistics", location="Leeds, UK",
        email="zoe@example.org", phone="+44 7700 900418", website="https://zoe.example",
        linkedin="https://www.linkedin.com/in/zoe-example", narrative=NARRATIVE, ask=ASK,
        skills=SKILLS, portfolio=WORK)
    return doc.replace(**changes) if changes else doc


def page_text(data: bytes) -> str:
    return text_of(data)[1]


# --- always one page --------------------------------------------------------------------------


def test_empty_profile_is_one_deliberate_page():
    pdf = report.build_summary(SummaryDocument(), "A4")
    assert len(reader(pdf.data).pages) == 1
    assert pdf.fit.fits
    assert page_text(pdf.data) == ""  # an export of nothing prints nothing broken
    draft = report.build_summary(SummaryDocument(), "A4", draft=True)
    assert "appears here" in page_text(draft.data)


def test_full_content_is_one_page_with_every_text_exactly_as_typed():
    doc = full_doc()
    pdf = report.build_summary(doc, "A4")
    assert pdf.fit.fits
    assert len(reader(pdf.data).pages) == 1
    text = page_text(pdf.data)
    for expected in (doc.full_name, doc.headline, doc.ask, doc.current_role, doc.email,
                     doc.phone, *doc.skills, *(w.title for w in doc.portfolio),
                     *(w.result for w in doc.portfolio)):
        assert norm(expected) in text, expected
    assert "zoe.example" in text and "linkedin.com/in/zoe-example" in text
    assert norm(NARRATIVE) in text


def test_sample_workspace_is_one_page(demo_workspace):
    from careerpivot.services import summary as service

    doc = service.summary_document_data()
    assert doc.full_name and doc.skills and doc.portfolio and doc.ask
    pdf = report.build_summary(doc, "A4")
    assert pdf.fit.fits
    assert len(reader(pdf.data).pages) == 1
    text = page_text(pdf.data)
    for expected in (doc.full_name, doc.headline, doc.ask, *doc.skills,
                     *(w.title for w in doc.portfolio)):
        assert norm(expected) in text, expected


def test_ten_times_too_long_is_one_page_with_a_report_naming_the_sections():
    doc = full_doc(narrative="\n\n".join([NARRATIVE] * 10), ask=" ".join([ASK] * 10),
                   skills=SKILLS * 10, portfolio=WORK * 10)
    for size in ("A4", "Letter"):
        pdf = report.build_summary(doc, size, draft=True)
        assert len(reader(pdf.data).pages) == 1
        fit = pdf.fit
        assert not fit.fits
        assert fit.scale == pytest.approx(styles.MIN_SCALE)
        assert fit.lines_to_cut > 0 and fit.words_to_cut > 0
        named = {o.section for o in fit.overflow}
        assert {"narrative", "skills", "work"} <= named
        message = fit.message()
        for name in ("Narrative", "Skills", "Selected work"):
            assert name in message
        assert "Cut about" in message
        # the draft says where the text stops; nothing is cut silently
        assert "do not fit" in page_text(pdf.data)


def test_slightly_too_long_shrinks_but_stays_readable():
    doc = full_doc(narrative="\n\n".join([NARRATIVE] * 3), portfolio=WORK * 4)
    fit = report.build_summary(doc, "A4").fit
    assert fit.fits
    assert styles.MIN_SCALE <= fit.scale < 1.0
    assert fit.body_size >= styles.READABLE_FLOOR
    assert "smaller" in fit.message()


def test_short_content_is_set_at_the_roomy_size():
    fit = report.build_summary(full_doc(), "A4").fit
    assert fit.scale == pytest.approx(styles.MAX_SCALE)
    assert fit.message() == "Fits on one page."


def test_no_text_is_set_below_the_readable_floor():
    doc = full_doc(narrative="\n\n".join([NARRATIVE] * 10), portfolio=WORK * 10)
    pdf = report.build_summary(doc, "A4")
    sizes: list[float] = []

    def visitor(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * (tm[0] if tm[0] else 1))

    reader(pdf.data).pages[0].extract_text(visitor_text=visitor)
    assert sizes and min(sizes) >= styles.READABLE_FLOOR - 0.01


@pytest.mark.parametrize(("section", "label"), [
    ("skills", "SKILLS"), ("portfolio", "SELECTED WORK"), ("ask", "HOW YOU CAN HELP"),
    ("narrative", None),
])
def test_an_empty_section_disappears_with_its_label(section, label):
    empty = {"skills": (), "portfolio": (), "narrative": "", "ask": ""}[section]
    pdf = report.build_summary(full_doc(**{section: empty}), "A4")
    text = page_text(pdf.data)
    if label:
        assert label not in text
    else:
        assert "ten years" not in text
    assert len(reader(pdf.data).pages) == 1
    assert pdf.fit.fits


def test_skills_alone_flow_on_one_line_across_the_page():
    text = page_text(report.build_summary(full_doc(portfolio=()), "A4").data)
    assert "Stakeholder management · Prioritisation · SQL" in text


# --- the file itself --------------------------------------------------------------------------


def test_metadata_is_set():
    meta = reader(report.build_summary(full_doc(), "A4").data).metadata
    assert meta.title == "Zoë Łukasiewicz-Ngô — value summary"
    assert meta.author == "Zoë Łukasiewicz-Ngô"
    assert meta.subject == "Project coordinator → product manager"
    assert meta.creator == "CareerPivot"


def test_every_font_is_embedded_and_no_helvetica_remains():
    names = assert_fonts_embedded(report.build_summary(full_doc(), "A4").data)
    assert any("DejaVu" in n for n in names)
    assert any("Droid" in n for n in names)  # the CJK skill took the fallback font


def test_links_are_clickable():
    page = reader(report.build_summary(full_doc(), "A4").data).pages[0]
    uris = {a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])
            if a.get_object().get("/Subtype") == "/Link"}
    assert {"mailto:zoe@example.org", "tel:+447700900418", "https://zoe.example",
            "https://www.linkedin.com/in/zoe-example", "https://example.org/case"} <= uris


@pytest.mark.parametrize(("size", "points"), [("A4", (595.28, 841.89)), ("Letter", (612, 792))])
def test_page_sizes(size, points):
    box = reader(report.build_summary(full_doc(), size).data).pages[0].mediabox
    assert float(box.width) == pytest.approx(points[0], abs=0.05)
    assert float(box.height) == pytest.approx(points[1], abs=0.05)


def test_unknown_page_size_is_refused():
    with pytest.raises(ValueError):
        report.build_summary(full_doc(), "A3")


def test_text_that_looks_like_markup_is_printed_as_typed():
    doc = full_doc(narrative='Use <b>bold</b> & "quotes" <a href="x">not a link</a> &amp;')
    text = page_text(report.build_summary(doc, "A4").data)
    assert norm(doc.narrative) in text


def test_arabic_prints_as_real_joined_glyphs():
    arabic = "مدير المنتجات"
    assert fonts.coverage(arabic) == set()
    pdf = report.build_summary(full_doc(headline=arabic), "A4")
    text = unicodedata.normalize("NFKC", page_text(pdf.data))
    for word in arabic.split():
        assert word in text or word[::-1] in text


def test_emoji_the_font_has_is_kept():
    doc = full_doc(skills=("Coaching 😀",))
    assert fonts.coverage("😀") == set()
    assert "Coaching 😀" in page_text(report.build_summary(doc, "A4").data)


# --- the policy: export refuses what does not fit ---------------------------------------------


def test_export_refuses_a_summary_that_does_not_fit(tmp_path):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"previous")
    doc = full_doc(narrative="\n\n".join([NARRATIVE] * 30))
    with pytest.raises(report.SummaryDoesNotFit) as info:
        report.export_summary(doc, target)
    assert not info.value.report.fits
    assert "Narrative" in info.value.message
    assert target.read_bytes() == b"previous"


def test_export_writes_a_private_one_page_file(tmp_path):
    target = tmp_path / "summary.pdf"
    fit = report.export_summary(full_doc(), target, "Letter")
    assert fit.fits
    assert len(reader(target.read_bytes()).pages) == 1
    assert target.stat().st_mode & 0o777 == 0o600


# --- speed ------------------------------------------------------------------------------------


def _cpu_seconds(doc: SummaryDocument) -> float:
    """CPU time of one build on this thread: the machine's other load does not count."""
    start = time.thread_time()
    report.build_summary(doc, "A4")
    return time.thread_time() - start


def test_build_is_well_under_a_quarter_second():
    report.build_summary(full_doc(), "A4")  # fonts registered once
    assert statistics.median(_cpu_seconds(full_doc()) for _ in range(5)) < 0.25
    long = full_doc(narrative="\n\n".join([NARRATIVE] * 10), portfolio=WORK * 10)
    assert statistics.median(_cpu_seconds(long) for _ in range(3)) < 0.25


# --- pieces -----------------------------------------------------------------------------------


def test_display_url():
    assert report.display_url("https://www.linkedin.com/in/x/") == "linkedin.com/in/x"
    assert report.display_url("https://zoe.example") == "zoe.example"
    assert report.display_url("http://a.org/p?q=1") == "a.org/p?q=1"


def test_contact_items_pack_onto_balanced_lines_without_dangling_separators():
    assert base.balanced([100, 100, 100], 10, 1000) == [3]
    assert base.balanced([100, 100, 100, 100], 10, 250) == [2, 2]
    assert base.balanced([300], 10, 100) == [1]


# --- the name ---------------------------------------------------------------------------------

LONG_NAME = "Maximiliana Alexandrovna Konstantinopolskaya-Wolfeschlegelsteinhausen"


def name_lines(data: bytes) -> list[tuple[str, float, float]]:
    """The lines of the name (the text set larger than the headline): (text, size, left x)."""
    from careerpivot.reports.display_name import FLOOR_SHARE

    biggest_other = styles.TYPE.lead * styles.MAX_SCALE
    floor = styles.TYPE.display * styles.MIN_SCALE * FLOOR_SHARE
    assert floor > biggest_other  # the name is always told apart by its size
    lines: list[tuple[str, float, float]] = []

    def visitor(text, cm, tm, font_dict, font_size):
        size = font_size * (tm[0] or 1) * (cm[0] or 1)
        if text.strip() and size > biggest_other + 0.01:
            lines.append((text.strip(), size, cm[4] + tm[4]))

    reader(data).pages[0].extract_text(visitor_text=visitor)
    return lines


def assert_inside_the_margins(lines: list[tuple[str, float, float]], page_size: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page_w = styles.PAGE_SIZES[page_size][0]
    for text, size, x in lines:
        assert x >= styles.GRID.margin_x - 0.5
        assert x + stringWidth(text, styles.SANS_BOLD, size) <= page_w - styles.GRID.margin_x + 0.5


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_a_short_name_is_one_line_at_the_design_size(page_size):
    lines = name_lines(report.build_summary(full_doc(full_name="Ana Li"), page_size).data)
    assert [t for t, _s, _x in lines] == ["Ana Li"]
    assert lines[0][1] == pytest.approx(styles.TYPE.display * styles.MAX_SCALE, abs=0.05)


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_a_long_name_takes_two_balanced_lines_of_whole_words_inside_the_margins(page_size):
    pdf = report.build_summary(full_doc(full_name=LONG_NAME), page_size)
    lines = name_lines(pdf.data)
    assert len(lines) == 2, lines  # at the design size it took three, cut inside words
    first, second = (t for t, _s, _x in lines)
    assert f"{first} {second}" == LONG_NAME or f"{first}{second}" == LONG_NAME
    assert first.endswith(("Alexandrovna", "-")), first  # broken at a space or a hyphen
    sizes = {round(s, 2) for _t, s, _x in lines}
    assert len(sizes) == 1 and sizes.pop() < styles.TYPE.display
    assert_inside_the_margins(lines, page_size)
    assert pdf.fit.fits and len(reader(pdf.data).pages) == 1


def test_a_name_a_little_too_long_for_one_line_stays_on_one_line_a_little_smaller():
    from careerpivot.reports.display_name import ONE_LINE_MIN_SHARE, layout

    name = "Alexandra Konstantinopoulou-Smythe"
    design = styles.TYPE.display * styles.MAX_SCALE
    width = summary_fit.Frame(*styles.PAGE_SIZES["A4"]).width
    placed = layout(name, design, width)
    assert placed.lines == (name,) and design * ONE_LINE_MIN_SHARE <= placed.size < design
    lines = name_lines(report.build_summary(full_doc(full_name=name), "A4").data)
    assert [t for t, _s, _x in lines] == [name]
    assert_inside_the_margins(lines, "A4")


def test_a_very_long_name_is_set_at_the_floor_and_nothing_is_lost():
    from careerpivot.reports.display_name import FLOOR_SHARE

    name = " ".join([LONG_NAME, "von Hohenzollern-Sigmaringen und Habsburg-Lothringen"])
    pdf = report.build_summary(full_doc(full_name=name), "A4")
    lines = name_lines(pdf.data)
    assert min(s for _t, s, _x in lines) >= styles.TYPE.display * styles.MIN_SCALE * FLOOR_SHARE
    assert norm(" ".join(t for t, _s, _x in lines)).replace("- ", "-") == name
    assert_inside_the_margins(lines, "A4")
    assert pdf.fit.fits and len(reader(pdf.data).pages) == 1


def test_a_cjk_name_is_measured_in_the_fallback_font():
    from careerpivot.reports.display_name import layout

    # the fallback's ideographs are one em wide (the main font's missing-glyph box is not)
    placed = layout("王小明" * 4, 28.0, 300.0)
    assert placed.lines == ("王小明" * 4,) and placed.size == pytest.approx(25.0)
