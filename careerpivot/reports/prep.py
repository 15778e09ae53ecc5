"""The interview prep sheet: one conversation, to print and write on.

Who (name, role, organization, level, how we met, contact details), when (date, length, mode,
round), my context and pitch, then the questions, each with ruled space for notes, then the
questions for what is still uncertain (each with what it tests, why, and what others already
said, by person), and a closing box for introductions offered and next steps. A section with
nothing to show is left out.

A sheet fits one page when it can, the page's room shared out as lines under the questions;
a longer one runs over pages with more room under each question, and its closing box stays
with the last question, so no page holds only ruled lines.
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
#: A question's text, the notes under it and the ruled lines for writing all start this far
#: in; the question's number hangs in the margin so made (pt).
INDENT = 20.0


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


class _Room:
    """How many ruled lines go under each kind of question, and the fewest the closing box
    gets; ``spare`` is set by the build: the height left on the last page (points)."""

    def __init__(self, question: int, gap: int, closing: int = 3) -> None:
        self.question, self.gap, self.closing = question, gap, closing
        self.spare = 0.0

    def __repr__(self) -> str:
        return f"_Room({self.question}, {self.gap}, {self.closing})"


def _lines(count: int, *, heading: object = None):
    """``count`` ruled lines for handwritten notes, under an optional heading paragraph."""
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
            return aw, self.head_h + self.count * LINE_GAP + 4

        def draw(self) -> None:
            c = self.canv
            if heading is not None:
                space_after = heading.style.spaceAfter
                top = self.head_h - heading.style.spaceBefore
                heading.drawOn(c, 0, self.count * LINE_GAP + 4 + space_after
                               + (top - space_after - heading.height))
            _rule_lines(c, self.count, self.width)

    return _Lines()


def _rule_lines(c, count: int, width: float) -> None:
    c.saveState()
    c.setStrokeColor(P.rule)
    c.setLineWidth(0.5)
    for i in range(count):
        y = count * LINE_GAP - (i + 1) * LINE_GAP + 4
        c.line(INDENT, y, width, y)
    c.restoreState()


def _stretch(following: list[object], most: int = 6):
    """More ruled lines under the question before it when the flowables of ``following``
    (the next question, kept together) will not fit on this page: the page's foot becomes
    room to write instead of a blank."""
    from reportlab.platypus import Flowable

    class _Stretch(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            need = sum(f.wrapOn(self.canv, aw, ah)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                       for f in following)
            self.count = 0 if need <= ah else max(0, min(most, int(ah // LINE_GAP)))
            return aw, self.count * LINE_GAP

        def draw(self) -> None:
            _rule_lines(self.canv, self.count, self.width)

    return _Stretch()


def _filler(room: _Room, most: int, page_height: float):
    """More ruled lines for the closing box, as many as the rest of the page holds (at most
    ``most``; none at the top of a page of ``page_height``, or when not one fits, so it
    never makes a page of its own). Tells ``room`` how much height it found."""
    from reportlab.platypus import Flowable

    class _Filler(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            room.spare = ah
            at_top = ah >= page_height - 1
            self.count = 0 if at_top else max(0, min(most, int(ah // LINE_GAP)))
            return aw, self.count * LINE_GAP

        def draw(self) -> None:
            _rule_lines(self.canv, self.count, self.width)

    return _Filler()


def _facts_table(rows: list[tuple[str, str]], width: float, st: base.DocStyles):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    data = [[base.para(k.upper(), st.cell_head), base.para("", st.cell, markup=v)]
            for k, v in rows]
    # the labels' column as wide as the longest label (on one line), the values the rest
    label_w = max(stringWidth(k.upper(), styles.SANS_BOLD, st.cell_head.fontSize)
                  for k, _v in rows) + 12
    label_w = min(label_w, width * 0.34)
    table = Table(data, colWidths=[label_w, width - label_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        *base.cell_style(0, 6, 3, 3),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, P.rule),
    ]))
    return table


def _question(n: int, text: str, st: base.DocStyles):
    """A question in bold, its number hanging before it in the accent colour, so that every
    line of a long question starts level with the first."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("question", parent=st.body, leftIndent=INDENT, bulletIndent=0,
                           bulletFontName=styles.SANS_BOLD, bulletFontSize=st.body.fontSize,
                           bulletColor=P.accent)
    return Paragraph(base.bold(fonts.markup(text)), style,
                     bulletText=f"{n}.")


def _gap_question(n: int, gap: GapQuestion, st: base.DocStyles) -> list[object]:
    """One question for what is uncertain: the question, what it tests and why, and what
    others said (person, stance, quote); its ruled lines are added by the caller."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Spacer

    note = ParagraphStyle("gap_note", parent=st.small, leftIndent=INDENT, spaceBefore=1)
    said = ParagraphStyle("gap_said", parent=st.small, textColor=P.ink, leftIndent=INDENT + 8,
                          firstLineIndent=-8, spaceBefore=1.5)
    label = "Tests" if gap.kind == "assumption" else "Skill"
    target = (f"“{gap.target}”" if gap.kind == "assumption" else gap.target)
    parts: list[object] = [
        Spacer(1, 6), _question(n, gap.question, st),
        base.para("", note, markup=(
            f"{base.bold(label + ':')} {fonts.markup(target)}"
            + (base.dot() + fonts.markup(gap.why) if gap.why else ""))),
    ]
    for voice in gap.said:
        quote = f"“{voice.quote}”" if voice.quote else "(no quote noted)"
        parts.append(base.para("", said, markup=(
            f'<font color="{P.accent}">•</font>\u2002{base.bold(fonts.markup(voice.person))}'
            f'<font color="{P.muted}"> — {fonts.markup(voice.stance.lower())}:</font> '
            + fonts.markup(quote))))
    if not gap.said:
        parts.append(base.para("Nobody has spoken to it yet.", note))
    return parts


def _header(sheet: PrepSheet, width: float, st: base.DocStyles) -> list[object]:
    """Who and when, the facts table, what was discussed last time and my context."""
    from reportlab.platypus import Spacer

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
        facts.append(("How we met", fonts.markup(sheet.how_we_know)))
    if sheet.contact_level:
        facts.append(("Level", fonts.markup(sheet.contact_level)))
    contact_bits = []
    if sheet.contact_email:
        contact_bits.append(base.link("mailto:" + sheet.contact_email, sheet.contact_email))
    if sheet.contact_phone:
        contact_bits.append(base.link(base.tel_href(sheet.contact_phone), sheet.contact_phone))
    if sheet.contact_url:
        contact_bits.append(base.link(sheet.contact_url, base.display_url(sheet.contact_url)))
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
    return out


def story(sheet: PrepSheet, page_size: str, room: _Room | None = None) -> list[object]:
    """The flowables of the sheet, with ``room`` lines under each question. Each question
    stays with its lines; the closing box stays with the last question (so no page holds
    only ruled lines) and takes the rest of its page."""
    from reportlab.platypus import KeepTogether, Spacer

    room = room or _Room(FEWEST_LINES.question, FEWEST_LINES.gap, FEWEST_LINES.closing)
    st = base.doc_styles()
    out = _header(sheet, base.frame_width(page_size), st)
    # each question as a block of flowables kept together
    blocks: list[list[object]] = []
    if sheet.questions or not sheet.uncertain:
        out.append(base.para("Questions", st.heading))
    if not sheet.questions and not sheet.uncertain:
        out.append(base.para("No questions yet: add the guide in the Interviews tab. The "
                             "space below is for notes.", st.muted))
        blocks.append([_lines(10)])
    for n, question in enumerate(sheet.questions, 1):
        q = _question(n, question, st)
        blocks.append([Spacer(1, 6), q, _lines(room.question)])
    if sheet.uncertain:
        head = [base.para("Questions for what is still uncertain", st.heading),
                base.para("Each targets what the conversations have not settled yet; below "
                          "it, what others already said, to hear where this person agrees and "
                          "where not.", st.small)]
        for n, gap in enumerate(sheet.uncertain, len(sheet.questions) + 1):
            # the section's heading never stays alone at the foot of a page
            blocks.append(head + _gap_question(n, gap, st) + [_lines(room.gap)])
            head = []
    closing = _lines(room.closing, heading=base.para("Introductions offered, and next steps",
                                                     st.heading))
    blocks[-1].append(closing)
    for index, block in enumerate(blocks):
        if index:
            out.append(_stretch(block))
        out.append(KeepTogether(block))
    out.append(_filler(room, MOST_CLOSING_LINES - room.closing, base.frame_height(page_size)))
    return out


#: Ruled lines under a question, a question for what is uncertain, and the fewest in the
#: closing box: at the least on a sheet that fits one page; then, for a sheet of several
#: pages, the roomiest that takes no more pages than the last.
FEWEST_LINES = _Room(3, 2, 2)
SEVERAL_PAGES = (_Room(5, 4, 3), _Room(4, 3, 3), _Room(3, 3, 3))
#: A sheet of this many questions or fewer may take a line less under each to fit one page.
SHORT_SHEET = 6
#: What the spare room of a one-page sheet goes to, stage by stage: lines under each question
#: up to these counts (a comfortable minimum, then the closing box, then the most).
SPREAD_STAGES = (_Room(3, 2, 0), _Room(0, 0, 5), _Room(6, 4, 0))
MOST_CLOSING_LINES = 12


def _spread(sheet: PrepSheet, room: _Room, spare: float) -> _Room:
    """The lines of a one-page sheet: ``room``, with the page's ``spare`` height shared out
    round by round (a line more under each question, or in the closing box)."""
    lines = int(spare // LINE_GAP)
    question, gap, closing = room.question, room.gap, room.closing
    n_question, n_gap = len(sheet.questions), len(sheet.uncertain)
    for stage in SPREAD_STAGES:
        while True:
            grow = (question < stage.question, gap < stage.gap, closing < stage.closing)
            cost = grow[0] * n_question + grow[1] * n_gap + grow[2]
            if not cost or lines < cost:
                break
            lines -= cost
            question, gap, closing = question + grow[0], gap + grow[1], closing + grow[2]
    return _Room(question, gap, closing)


def build_prep(sheet: PrepSheet, page_size: str = "A4") -> bytes:
    """The sheet as a PDF: on one page when it fits with a few lines under each question
    (the rest of the page shared out among them), else over as many pages as it takes with
    more room under each question — as long as that takes no more pages."""
    who = sheet.contact_name
    footer = " · ".join(t for t in (
        f"Prep sheet: {who}", f"prepared by {sheet.my_name}" if sheet.my_name else "",
        base.short_date(sheet.generated)) if t)

    def build(room: _Room) -> base.Built:
        return base.build_pdf(
            story(sheet, page_size, room), page_size=page_size,
            title=f"Interview prep — {who}", author=sheet.my_name or "CareerPivot",
            subject=f"Informational interview with {who}" + (
                f", {sheet.contact_organization}" if sheet.contact_organization else ""),
            footer=footer)

    tries = [FEWEST_LINES]
    if len(sheet.questions) + len(sheet.uncertain) <= SHORT_SHEET:
        tries.append(_Room(FEWEST_LINES.question - 1, FEWEST_LINES.gap, FEWEST_LINES.closing))
    for fewest in tries:
        room = _Room(fewest.question, fewest.gap, fewest.closing)
        built = build(room)
        if built.pages == 1:
            spread = build(_spread(sheet, room, room.spare))
            return spread.data if spread.pages == 1 else built.data
    fewest = SEVERAL_PAGES[-1]
    least = build(_Room(fewest.question, fewest.gap, fewest.closing))
    for room in SEVERAL_PAGES[:-1]:
        built = build(_Room(room.question, room.gap, room.closing))
        if built.pages == least.pages:
            return built.data
    return least.data


def export_prep(sheet: PrepSheet, path: str | Path, page_size: str = "A4") -> Path:
    return fileio.write_atomic(path, build_prep(sheet, page_size))
