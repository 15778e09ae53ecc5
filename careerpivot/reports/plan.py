"""The transition plan: a timeline of its phases and milestones, then each phase with its
milestones as a table (in date order, undated last), then the contingencies.

Tables are as wide as the text and may run over several pages; their header rows repeat on
each page and a milestone row is never split. Status is printed as a word (a done milestone
gets a tick, an overdue one says by how many days, in bold), never as colour alone, so the plan
reads the same in black and white. Amounts of money come already written in the workspace's
currency.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from careerpivot import fileio
from careerpivot.reports import base, fonts, styles, timeline

if TYPE_CHECKING:
    from careerpivot.reports.data import PlanDocument, PlanMilestone, PlanPhase

P = styles.PALETTE
#: A phase (or the contingencies) no taller than this is kept on one page, not split (pt).
KEEP_WHOLE = 260.0
#: The widths of the milestone tables' Due, Status, Partner and Needs columns (pt).
MILESTONE_COLUMNS = (70.0, 90.0, 86.0, 50.0)


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


def _bold(text: str) -> str:
    return f'<font name="{styles.SANS_BOLD}">{text}</font>'


def _status(m: PlanMilestone) -> str:
    status = fonts.markup(m.status)
    if m.status_key == "done":
        status = "\u2713 " + status + (f"<br/>{_day(m.done_date)}" if m.done_date else "")
    elif m.done_date:
        status += f"<br/>{_day(m.done_date)}"
    if m.days_overdue:
        status += "<br/>" + _bold(overdue_text(m.days_overdue))
    return status


def _table_style(rows: int, *, stripes: bool = True) -> list[tuple]:
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), styles.SANS, 9),  # or the table sets Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, P.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, P.rule),
    ]
    if stripes:
        style += [("BACKGROUND", (0, i), (-1, i), "#f6f8fb") for i in range(2, rows, 2)]
    return style


def _milestone_table(phase: PlanPhase, width: float, st: base.DocStyles,
                     rows: int | None = None):
    """The table of a phase's milestones (of its first ``rows`` only, to measure it)."""
    from reportlab.platypus import Table, TableStyle

    head = [base.para(t.upper(), st.cell_head)
            for t in ("Due", "Milestone", "Status", "Partner", "Needs")]
    table_rows = [head]
    for m in phase.milestones[:rows]:
        detail = [_bold(fonts.markup(m.title))]
        measure = " → ".join(t for t in (m.metric, m.target) if t)
        if measure:
            detail.append(f'<font color="{P.muted}">{fonts.markup(measure)}</font>')
        if m.notes:
            detail.append(f'<font color="{P.muted}">{fonts.markup(m.notes)}</font>')
        needs = [t for t in (f"{_number(m.hours_needed)} h" if m.hours_needed else "",
                             m.money_text) if t]
        due = fonts.markup(_day(m.due_date)) if m.due_date else "—"
        table_rows.append([
            base.para("", st.cell, markup=_bold(due) if m.days_overdue else due),
            base.para("", st.cell, markup="<br/>".join(detail)),
            base.para("", st.cell, markup=_status(m)),
            base.para(m.partner, st.cell),
            base.para("", st.cell_muted, markup="<br/>".join(fonts.markup(t) for t in needs)),
        ])
    # the short columns as wide as what they hold ("30 Sep 2026", "5 days overdue", a
    # name on two lines, "€1,200"), the milestone the rest
    due, status, partner, needs = MILESTONE_COLUMNS
    widths = [due, width - due - status - partner - needs, status, partner, needs]
    table = Table(table_rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=0)
    table.setStyle(TableStyle(_table_style(len(table_rows))))
    return table


def _contingency_table(doc: PlanDocument, width: float, st: base.DocStyles,
                       rows: int | None = None):
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
    table.setStyle(TableStyle(_table_style(len(table_rows), stripes=False)))
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


def _phase(number: int, phase: PlanPhase, width: float, st: base.DocStyles) -> list[object]:
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    heading = [base.para("", st.heading, markup=(
        f'<font color="{P.accent}">{number}</font>\u2002{fonts.markup(phase.name)}'))]
    meta = [t for t in (_dates(phase.start_date, phase.end_date),
                        f"{_number(phase.weekly_hours)} h a week"
                        if phase.weekly_hours else "") if t]
    if meta:
        heading.append(base.para("", st.meta, markup=base.dot().join(
            fonts.markup(t) for t in meta)))
    if phase.goal:
        heading += [Spacer(1, 3), base.para("", st.body, markup=(
            f"{_bold('Goal')}\u2002{fonts.markup(phase.goal)}"))]
    if phase.success_metric:
        heading.append(base.para("", st.body, markup=(
            f"{_bold('Success')}\u2002{fonts.markup(phase.success_metric)}")))
    heading.append(Spacer(1, 6))
    if not phase.milestones:
        return [KeepTogether([*heading, base.para("No milestones yet.", st.muted)])]
    # the heading never stays alone at a page's foot: it needs room for the table's header
    # and first row, else the phase starts on the next page; a long table then runs on
    # over pages with its header row repeated
    table = _milestone_table(phase, width, st)
    if base.height_of([*heading, table], width) <= KEEP_WHOLE:
        return [KeepTogether([*heading, table])]  # a short phase is never split
    first = _milestone_table(phase, width, st, rows=1)
    need = base.height_of([*heading, first], width)
    return [CondPageBreak(need), *heading, table]


def story(doc: PlanDocument, page_size: str) -> list[object]:
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    st = base.doc_styles()
    width = base.frame_width(page_size)
    out: list[object] = [base.kicker("Transition plan", st)]
    out.append(base.para(doc.my_name or "My transition plan", st.title))
    if doc.my_headline:
        out += [Spacer(1, 3), base.para(doc.my_headline, st.lead)]
    out += [Spacer(1, 5), base.para("", st.meta, markup=base.dot().join(
        fonts.markup(t) for t in _counts(doc))), base.rule()]
    if not doc.phases and not doc.contingencies:
        out.append(base.para("The plan is empty. Add phases and milestones in the Plan tab.",
                             st.muted))
    drawings = timeline.drawings(doc, width, base.frame_height(page_size) - 40)
    for drawing in drawings:
        out += [CondPageBreak(drawing.height + 4), drawing, Spacer(1, 4)]
    for number, phase in enumerate(doc.phases, 1):
        out += _phase(number, phase, width, st)
    if doc.contingencies:
        heading = [base.para("Contingencies", st.heading),
                   base.para("If this happens by this date, then I do that instead.",
                             st.muted), Spacer(1, 6)]
        table = _contingency_table(doc, width, st)
        if base.height_of([*heading, table], width) <= KEEP_WHOLE:
            out.append(KeepTogether([*heading, table]))
        else:
            first = _contingency_table(doc, width, st, rows=1)
            out += [CondPageBreak(base.height_of([*heading, first], width)), *heading, table]
    return out


def build_plan(doc: PlanDocument, page_size: str = "A4") -> bytes:
    footer = " · ".join(t for t in ("Transition plan", doc.my_name, _day(doc.generated))
                        if t)
    return base.build_pdf(
        story(doc, page_size), page_size=page_size,
        title=f"Transition plan — {doc.my_name}" if doc.my_name else "Transition plan",
        author=doc.my_name or "CareerPivot",
        subject="Phases, milestones and contingencies of a career change",
        footer=footer).data


def export_plan(doc: PlanDocument, path: str | Path, page_size: str = "A4") -> Path:
    return fileio.write_atomic(path, build_plan(doc, page_size))
