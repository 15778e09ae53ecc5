"""The transition plan: a timeline of its phases and milestones, then each phase with its
milestones as a table (in date order, undated last), then the contingencies.

Tables are as wide as the text and may run over several pages; their header rows repeat on
each page and a milestone row is never split. A section's heading never stays alone at a
page's foot: a short section is kept whole, a longer one starts where its heading, the table's
header and first row fit. The plan is set at a tighter spacing when that saves a page, so a
section does not end up alone on a last page that the regular spacing just missed.

Status is printed as a word (a done milestone gets a tick, an overdue one says by how many
days, in bold), never as colour alone, so the plan reads the same in black and white. Amounts
of money come already written in the workspace's currency.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpivot import fileio
from careerpivot.reports import base, fonts, styles, timeline

if TYPE_CHECKING:
    from careerpivot.reports.data import PlanDocument, PlanMilestone, PlanPhase

P = styles.PALETTE
#: A phase (or the contingencies) no taller than this is kept on one page, not split (pt).
KEEP_WHOLE = 260.0
#: The widths of the milestone tables' Due, Status, Partner and Needs columns (pt).
MILESTONE_COLUMNS = (76.0, 96.0, 86.0, 50.0)
#: A phase's dates stand on its heading's line when they take no more of it than this.
META_SHARE = 0.5


class Spacing(NamedTuple):
    """How airy the plan is set: the space above a section's heading, and the padding above
    and below the text of a table's row (pt)."""

    heading: float
    cell_top: float
    cell_bottom: float


#: The plan's spacing; and a tighter one, taken when it saves a page.
REGULAR = Spacing(14.0, 3.5, 4.0)
COMPACT = Spacing(10.0, 2.5, 3.0)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


_day = base.short_date


def _dates(start: str, end: str) -> str:
    if start and end:
        same_year = start[:4] == end[:4]
        return f"{_day(start, year=not same_year)} – {_day(end)}"
    if start:
        return f"from {_day(start)}"
    if end:
        return f"until {_day(end)}"
    return ""


def overdue_text(days: int) -> str:
    """What an overdue milestone says, as the app's plan does: "5 days overdue"."""
    return "1 day overdue" if days == 1 else f"{days} days overdue"


def _status(m: PlanMilestone) -> str:
    status = fonts.markup(m.status)
    if m.status_key == "done":
        status = "\u2713 " + status + (f"<br/>{_day(m.done_date)}" if m.done_date else "")
    elif m.done_date:
        status += f"<br/>{_day(m.done_date)}"
    if m.days_overdue:
        status += "<br/>" + base.bold(overdue_text(m.days_overdue))
    return status


def _table_style(rows: int, spacing: Spacing, *, stripes: bool = True) -> list[tuple]:
    style = [
        *base.cell_style(4, 6, spacing.cell_top, spacing.cell_bottom),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, P.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, P.rule),
    ]
    if stripes:
        style += [("BACKGROUND", (0, i), (-1, i), "#f6f8fb") for i in range(2, rows, 2)]
    return style


def _milestone_table(phase: PlanPhase, width: float, st: base.DocStyles, spacing: Spacing,
                     rows: int | None = None):
    """The table of a phase's milestones (of its first ``rows`` only, to measure it)."""
    from reportlab.platypus import Table, TableStyle

    head = [base.para(t.upper(), st.cell_head)
            for t in ("Due", "Milestone", "Status", "Partner", "Needs")]
    table_rows = [head]
    for m in phase.milestones[:rows]:
        detail = [base.bold(fonts.markup(m.title))]
        # the arrow and the target never break away from the metric's last word
        measure = "\u00a0→\u00a0".join(t for t in (m.metric, m.target) if t)
        if measure:
            detail.append(f'<font color="{P.muted}">{fonts.markup(measure)}</font>')
        if m.notes:
            detail.append(f'<font color="{P.muted}">{fonts.markup(m.notes)}</font>')
        needs = [t for t in (f"{_number(m.hours_needed)} h" if m.hours_needed else "",
                             m.money_text) if t]
        due = fonts.markup(_day(m.due_date)) if m.due_date else "—"
        table_rows.append([
            base.para("", st.cell, markup=base.bold(due) if m.days_overdue else due),
            base.para("", st.cell, markup="<br/>".join(detail)),
            base.para("", st.cell, markup=_status(m)),
            base.para(m.partner, st.cell),
            base.para("", st.cell_muted, markup="<br/>".join(fonts.markup(t) for t in needs)),
        ])
    # the short columns as wide as what they hold ("30 May 2026" in bold, "12 days overdue",
    # a name on two lines, "€1,200"), the milestone the rest
    due, status, partner, needs = MILESTONE_COLUMNS
    widths = [due, width - due - status - partner - needs, status, partner, needs]
    table = Table(table_rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=0)
    table.setStyle(TableStyle(_table_style(len(table_rows), spacing)))
    return table


def _contingency_table(doc: PlanDocument, width: float, st: base.DocStyles,
                       spacing: Spacing, rows: int | None = None):
    """The contingencies' table (of its first ``rows`` only, to measure it)."""
    from reportlab.platypus import Table, TableStyle

    table_rows = [[base.para(t.upper(), st.cell_head) for t in ("If", "By", "Then", "Path")]]
    for c in doc.contingencies[:rows]:
        table_rows.append([base.para(c.trigger, st.cell_bold),
                      base.para(_day(c.trigger_date) if c.trigger_date else "—", st.cell),
                      base.para(c.response, st.cell), base.para(c.path, st.cell_muted)])
    by = MILESTONE_COLUMNS[0]  # as wide as the milestones' due dates
    rest = width - by
    widths = [rest * 0.38, by, rest * 0.43, rest * 0.19]
    table = Table(table_rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_table_style(len(table_rows), spacing, stripes=False)))
    return table


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _counts(doc: PlanDocument) -> list[str]:
    milestones = _plural(doc.milestone_count, "milestone", "milestones")
    more = [t for t in (f"{doc.done_count} done" if doc.done_count else "",
                        f"{doc.overdue_count} overdue" if doc.overdue_count else "") if t]
    if more:
        milestones += ", " + ", ".join(more)
    needs = [t for t in (f"{_number(doc.hours_total)} h" if doc.hours_total else "",
                         doc.money_total_text) if t]
    return [t for t in (
        _plural(len(doc.phases), "phase", "phases"), milestones,
        _plural(len(doc.contingencies), "contingency", "contingencies"),
        ("needs " + " and ".join(needs)) if needs else "",
        "as of " + _day(doc.generated).replace(" ", "\u00a0")) if t]


def _phase_heading(number: int, phase: PlanPhase, width: float, st: base.DocStyles):
    """The phase's number and name, with its dates and weekly hours ranged right on the same
    line (under the name when they would leave it too little room)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    name = f'<font color="{P.accent}">{number}</font>\u2002{fonts.markup(phase.name)}'
    title = base.para("", st.heading, markup=name)
    meta = [t for t in (_dates(phase.start_date, phase.end_date),
                        f"{_number(phase.weekly_hours)} h a week"
                        if phase.weekly_hours else "") if t]
    if not meta:
        return [title]
    markup = base.dot().join(fonts.markup(t) for t in meta)
    meta_w = stringWidth("\u2002\u00b7\u2002".join(meta), styles.SANS, st.meta.fontSize) + 2
    if meta_w > width * META_SHARE:
        return [title, base.para("", st.meta, markup=markup)]
    right = ParagraphStyle("meta_right", parent=st.meta, alignment=TA_RIGHT)
    heading = st.heading
    table = Table([[base.para("", heading, markup=name), base.para("", right, markup=markup)]],
                  colWidths=[width - meta_w, meta_w], hAlign="LEFT",
                  spaceBefore=heading.spaceBefore, spaceAfter=heading.spaceAfter)
    table.setStyle(TableStyle([
        *base.cell_style(0, 0, 0, 0),
        # the dates stand on the name's first baseline
        ("TOPPADDING", (1, 0), (1, 0), heading.fontSize - st.meta.fontSize),
    ]))
    return [table]


def _section(heading: list[object], table, first, width: float) -> list[object]:
    """A section's heading over its table. The heading never stays alone at a page's foot:
    a short section is kept whole on one page; a longer one starts where its heading, the
    table's header and its first row (``first``, the table of that row only) fit, and its
    table runs on over pages with the header row repeated."""
    from reportlab.platypus import CondPageBreak, KeepTogether

    if base.height_of([*heading, table], width) <= KEEP_WHOLE:
        return [KeepTogether([*heading, table])]
    return [CondPageBreak(base.height_of([*heading, first], width)), *heading, table]


def _phase(number: int, phase: PlanPhase, width: float, st: base.DocStyles,
           spacing: Spacing) -> list[object]:
    from reportlab.platypus import KeepTogether, Spacer

    heading = _phase_heading(number, phase, width, st)
    if phase.goal:
        heading += [Spacer(1, 1), base.para("", st.body, markup=(
            f"{base.bold('Goal')}\u2002{fonts.markup(phase.goal)}"))]
    if phase.success_metric:
        heading.append(base.para("", st.body, markup=(
            f"{base.bold('Success')}\u2002{fonts.markup(phase.success_metric)}")))
    heading.append(Spacer(1, 6))
    if not phase.milestones:
        return [KeepTogether([*heading, base.para("No milestones yet.", st.muted)])]
    return _section(heading, _milestone_table(phase, width, st, spacing),
                    _milestone_table(phase, width, st, spacing, rows=1), width)


def _contingencies(doc: PlanDocument, width: float, st: base.DocStyles,
                   spacing: Spacing) -> list[object]:
    from reportlab.platypus import Spacer

    heading = [base.para("Contingencies", st.heading),
               base.para("If this happens by this date, then I do that instead.", st.muted),
               Spacer(1, 6)]
    return _section(heading, _contingency_table(doc, width, st, spacing),
                    _contingency_table(doc, width, st, spacing, rows=1), width)


def story(doc: PlanDocument, page_size: str, spacing: Spacing = REGULAR) -> list[object]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, Spacer

    st = base.doc_styles()
    st = dataclasses.replace(st, heading=ParagraphStyle(
        "heading", parent=st.heading, spaceBefore=spacing.heading))
    width = base.frame_width(page_size)
    out: list[object] = [base.kicker("Transition plan", st)]
    out.append(base.para(doc.my_name or "My transition plan", st.title))
    if doc.my_headline:
        out += [Spacer(1, 3), base.para(doc.my_headline, st.lead)]
    counts = [(fonts.markup(t), t) for t in _counts(doc)]
    out += [Spacer(1, 5), base.para("", st.meta, markup=base.packed(counts, st.meta.fontSize,
                                                                     width)), base.rule()]
    if not doc.phases and not doc.contingencies:
        out.append(base.para("The plan is empty. Add phases and milestones in the Plan tab.",
                             st.muted))
    drawings = timeline.drawings(doc, width, base.frame_height(page_size) - 40)
    for drawing in drawings:
        out += [CondPageBreak(drawing.height + 4), drawing, Spacer(1, 4)]
    for number, phase in enumerate(doc.phases, 1):
        out += _phase(number, phase, width, st, spacing)
    if doc.contingencies:
        out += _contingencies(doc, width, st, spacing)
    return out


def build_plan(doc: PlanDocument, page_size: str = "A4") -> bytes:
    """The plan as a PDF of as many pages as it takes: set at the regular spacing, or at the
    compact one when that takes fewer pages."""
    footer = " · ".join(t for t in ("Transition plan", doc.my_name, _day(doc.generated))
                        if t)

    def build(spacing: Spacing) -> base.Built:
        return base.build_pdf(
            story(doc, page_size, spacing), page_size=page_size,
            title=f"Transition plan — {doc.my_name}" if doc.my_name else "Transition plan",
            author=doc.my_name or "CareerPivot",
            subject="Phases, milestones and contingencies of a career change",
            footer=footer)

    built = build(REGULAR)
    if built.pages > 1:
        compact = build(COMPACT)
        if compact.pages < built.pages:
            return compact.data
    return built.data


def export_plan(doc: PlanDocument, path: str | Path, page_size: str = "A4") -> Path:
    return fileio.write_atomic(path, build_plan(doc, page_size))
