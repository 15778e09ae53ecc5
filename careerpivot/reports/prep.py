"""The interview prep sheet: one conversation on one or two pages, to print and write on.

Who (name, role, organization, level, how we know each other, contact details), when (date,
length, mode, round), my context and pitch, then the questions, each with ruled space for
notes, then the questions for what is still uncertain (each with what it tests, why, and what
others already said, by person), and a closing box for introductions offered and next steps.
A section with nothing to show is left out.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from careerpivot import fileio
from careerpivot.reports import base, fonts, styles

if TYPE_CHECKING:
    from careerpivot.reports.data import GapQuestion, PrepSheet

P = styles.PALETTE
LINE_GAP = 19.0  # distance between ruled note lines (handwriting at about 5 mm)


def _when(text: str) -> str:
    """ "2026-03-14 10:00" as "Saturday 14 March 2026, 10:00" (English, like the document)."""
    if not text:
        return ""
    date_part, _, time_part = text.partition(" ")
    try:
        day = _dt.date.fromisoformat(date_part)
    except ValueError:
        return text
    out = f"{day:%A} {day.day} {day:%B %Y}"
    return f"{out}, {time_part}" if time_part else out


def _lines(count: int, *, heading: object = None, fill: bool = False, most: int = 14):
    """Ruled space for handwritten notes, under an optional heading paragraph. ``fill``
    takes the rest of the page (at least ``count`` lines, at most ``most``); with less room
    than ``count`` lines the whole block moves to the next page."""
    from reportlab.platypus import Flowable

    class _Lines(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.count = count
            self.head_h = 0.0

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            if heading is not None:
                _w, h = heading.wrap(aw, ah)
                self.head_h = h + heading.style.spaceBefore + heading.style.spaceAfter
            if fill:
                room = int((ah - self.head_h - 6) // LINE_GAP)
                self.count = max(count, min(most, room))
            return aw, self.head_h + self.count * LINE_GAP + 4

        def draw(self) -> None:
            c = self.canv
            if heading is not None:
                space_after = heading.style.spaceAfter
                top = self.head_h - heading.style.spaceBefore
                heading.drawOn(c, 0, self.count * LINE_GAP + 4 + space_after
                               + (top - space_after - heading.height))
            c.saveState()
            c.setStrokeColor(P.rule)
            c.setLineWidth(0.5)
            for i in range(self.count):
                y = self.count * LINE_GAP - (i + 1) * LINE_GAP + 4
                c.line(18, y, self.width, y)
            c.restoreState()

    return _Lines()


def _facts_table(rows: list[tuple[str, str]], width: float, st: base.DocStyles):
    from reportlab.platypus import Table, TableStyle

    data = [[base.para(k.upper(), st.cell_head), base.para("", st.cell, markup=v)]
            for k, v in rows]
    table = Table(data, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), styles.SANS, 9),  # or the table sets Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, P.rule),
    ]))
    return table


def _number(n: int, text: str) -> str:
    return (f'<font name="{styles.SANS_BOLD}" color="{P.accent}">{n}.</font>\u2002'
            f'<font name="{styles.SANS_BOLD}">{fonts.markup(text)}</font>')


def _gap_question(n: int, gap: GapQuestion, st: base.DocStyles, lines: int
                  ) -> list[object]:
    """One question for what is uncertain: the question, what it tests and why, what others
    said (person, stance, quote), and room for notes."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Spacer

    indent = 14.0
    note = ParagraphStyle("gap_note", parent=st.small, leftIndent=indent, spaceBefore=1)
    said = ParagraphStyle("gap_said", parent=st.small, textColor=P.ink, leftIndent=indent + 8,
                          firstLineIndent=-8, spaceBefore=1.5)
    label = "Tests" if gap.kind == "assumption" else "Skill"
    target = (f"“{gap.target}”" if gap.kind == "assumption" else gap.target)
    parts: list[object] = [
        Spacer(1, 6), base.para("", st.body, markup=_number(n, gap.question)),
        base.para("", note, markup=(
            f'<font name="{styles.SANS_BOLD}">{label}:</font> {fonts.markup(target)}'
            + (base.dot() + fonts.markup(gap.why) if gap.why else ""))),
    ]
    for voice in gap.said:
        quote = f"“{voice.quote}”" if voice.quote else "(no quote noted)"
        parts.append(base.para("", said, markup=(
            f'<font color="{P.accent}">•</font>\u2002'
            f'<font name="{styles.SANS_BOLD}">{fonts.markup(voice.person)}</font>'
            f'<font color="{P.muted}"> — {fonts.markup(voice.stance.lower())}:</font> '
            + fonts.markup(quote))))
    if not gap.said:
        parts.append(base.para("Nobody has spoken to it yet.", note))
    return [*parts, _lines(lines)]


def story(sheet: PrepSheet, page_size: str, *, compact: bool = False) -> list[object]:
    """The flowables of the sheet; ``compact``: one ruled line less under each question."""
    from reportlab.platypus import KeepTogether, Spacer

    st = base.doc_styles()
    width = styles.PAGE_SIZES[page_size][0] - 2 * base.MARGIN_X
    out: list[object] = [base.kicker("Interview prep" + (f" · round {sheet.round}"
                                                         if sheet.round > 1 else ""), st)]
    out.append(base.para(sheet.contact_name, st.title))
    role = ", ".join(t for t in (sheet.contact_role, sheet.contact_organization) if t)
    if role:
        out += [Spacer(1, 3), base.para(role, st.lead)]
    when = [t for t in (_when(sheet.scheduled_at),
                        f"{sheet.minutes} minutes" if sheet.minutes else "",
                        sheet.mode, sheet.path) if t]
    if when:
        out += [Spacer(1, 5), base.para("", st.meta,
                                        markup=base.dot().join(fonts.markup(t) for t in when))]
    out.append(base.rule())

    facts: list[tuple[str, str]] = []
    if sheet.how_we_know:
        facts.append(("How we know each other", fonts.markup(sheet.how_we_know)))
    if sheet.contact_level:
        facts.append(("Level", fonts.markup(sheet.contact_level)))
    contact_bits = []
    if sheet.contact_email:
        contact_bits.append(base.link("mailto:" + sheet.contact_email, sheet.contact_email))
    if sheet.contact_phone:
        digits = "".join(ch for ch in sheet.contact_phone if ch.isdigit() or ch == "+")
        contact_bits.append(base.link("tel:" + digits, sheet.contact_phone))
    if sheet.contact_url:
        contact_bits.append(base.link(sheet.contact_url, sheet.contact_url))
    if contact_bits:
        facts.append(("Contact", base.dot().join(contact_bits)))
    if sheet.earlier:
        facts.append(("Earlier conversation", fonts.markup(sheet.earlier)))
    if sheet.status:
        facts.append(("Status", fonts.markup(sheet.status)))
    if facts:
        out.append(_facts_table(facts, width, st))

    if sheet.earlier_notes:
        out += [base.para("What we discussed last time", st.heading),
                base.para(sheet.earlier_notes, st.muted)]
    if sheet.my_context:
        out += [base.para("My context", st.heading), base.para(sheet.my_context, st.body)]

    if sheet.questions or not sheet.uncertain:
        out.append(base.para("Questions", st.heading))
    if not sheet.questions and not sheet.uncertain:
        out.append(base.para("No questions yet: add the guide in the Interviews tab. The "
                             "space below is for notes.", st.muted))
        out.append(_lines(12))
    count = len(sheet.questions) + len(sheet.uncertain)
    note_lines = (4 if count <= 3 else 3 if count <= 6 else 2) - compact
    for n, question in enumerate(sheet.questions, 1):
        q = base.para("", st.body, markup=_number(n, question))
        out.append(KeepTogether([Spacer(1, 6), q, _lines(note_lines)]))
    if sheet.uncertain:
        head = [base.para("Questions for what is still uncertain", st.heading),
                base.para("Each targets what the conversations have not settled yet; below "
                          "it, what others already said, to hear where this person agrees and "
                          "where not.", st.small)]
        for n, gap in enumerate(sheet.uncertain, len(sheet.questions) + 1):
            # the section's heading never stays alone at the foot of a page
            out.append(KeepTogether(head + _gap_question(n, gap, st, 2 - compact)))
            head = []
    out.append(_lines(3 - compact, fill=True, heading=base.para(
        "Introductions offered, and next steps", st.heading)))
    return out


#: The pages a sheet should take; a longer one is built again with less room for notes.
PAGES = 2


def build_prep(sheet: PrepSheet, page_size: str = "A4") -> bytes:
    """The sheet as a PDF. One that would run past :data:`PAGES` pages (many questions, and
    what others said about the uncertain ones) is built again with fewer ruled lines under
    each question, so the closing box does not end up alone on a page of its own."""
    who = sheet.contact_name
    footer = " · ".join(t for t in (
        f"Prep sheet: {who}", f"prepared by {sheet.my_name}" if sheet.my_name else "",
        sheet.generated) if t)

    def build(compact: bool) -> tuple[bytes, int]:
        pages: list[int] = []
        data = base.build_pdf(
            story(sheet, page_size, compact=compact), page_size=page_size,
            title=f"Interview prep — {who}", author=sheet.my_name or "CareerPivot",
            subject=f"Informational interview with {who}" + (
                f", {sheet.contact_organization}" if sheet.contact_organization else ""),
            footer=footer, on_page=lambda _canvas, doc: pages.append(doc.page))
        return data, len(pages)

    data, pages = build(False)
    if pages > PAGES and sheet.uncertain:
        data = build(True)[0]
    return data


def export_prep(sheet: PrepSheet, path: str | Path, page_size: str = "A4") -> Path:
    return fileio.write_atomic(path, build_prep(sheet, page_size))
