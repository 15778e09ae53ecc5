"""The transition plan: phases with their milestones as tables, then the contingencies.

Tables may run over several pages; their header rows repeat on each page and a milestone row
is never split. Status is printed as a word (and done milestones get a tick), never as colour
alone, so the plan reads the same in black and white.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from careerpivot import fileio
from careerpivot.reports import base, fonts, styles

if TYPE_CHECKING:
    from careerpivot.reports.data import PlanDocument, PlanPhase

P = styles.PALETTE


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _dates(start: str, end: str) -> str:
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def _milestone_table(phase: PlanPhase, width: float, st: base.DocStyles):
    from reportlab.platypus import Table, TableStyle

    head = [base.para(t.upper(), st.cell_head)
            for t in ("Due", "Milestone", "Status", "Partner", "Needs")]
    rows = [head]
    for m in phase.milestones:
        detail = [f'<font name="{styles.SANS_BOLD}">{fonts.markup(m.title)}</font>']
        measure = " → ".join(t for t in (m.metric, m.target) if t)
        if measure:
            detail.append(f'<font color="{P.muted}">{fonts.markup(measure)}</font>')
        if m.notes:
            detail.append(f'<font color="{P.muted}">{fonts.markup(m.notes)}</font>')
        status = m.status + (f"<br/>{m.done_date}" if m.done_date else "")
        if m.status_key == "done":
            status = "\u2713 " + status
        needs = [t for t in (f"{_number(m.hours_needed)} h" if m.hours_needed else "",
                             f"cost {_number(m.money_needed)}" if m.money_needed else "") if t]
        rows.append([
            base.para(m.due_date or "—", st.cell),
            base.para("", st.cell, markup="<br/>".join(detail)),
            base.para("", st.cell, markup=status),
            base.para(m.partner, st.cell),
            base.para("", st.cell_muted, markup="<br/>".join(needs)),
        ])
    shares = (0.13, 0.43, 0.14, 0.19, 0.11)
    table = Table(rows, colWidths=[width * s for s in shares], repeatRows=1, hAlign="LEFT",
                  splitInRow=0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), styles.SANS, 9),  # or the table sets Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, P.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, P.rule),
    ]
    for i in range(2, len(rows), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), "#f6f8fb"))
    table.setStyle(TableStyle(style))
    return table


def _contingency_table(doc: PlanDocument, width: float, st: base.DocStyles):
    from reportlab.platypus import Table, TableStyle

    rows = [[base.para(t.upper(), st.cell_head) for t in ("If", "By", "Then", "Path")]]
    for c in doc.contingencies:
        rows.append([base.para(c.trigger, st.cell_bold), base.para(c.trigger_date or "—",
                                                                   st.cell),
                     base.para(c.response, st.cell), base.para(c.path, st.cell_muted)])
    shares = (0.34, 0.13, 0.37, 0.16)
    table = Table(rows, colWidths=[width * s for s in shares], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), styles.SANS, 9),  # or the table sets Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, P.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, P.rule),
    ]))
    return table


def story(doc: PlanDocument, page_size: str) -> list[object]:
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    st = base.doc_styles()
    width = styles.PAGE_SIZES[page_size][0] - 2 * base.MARGIN_X
    out: list[object] = [base.kicker("Transition plan", st)]
    out.append(base.para(doc.my_name or "My transition plan", st.title))
    if doc.my_headline:
        out += [Spacer(1, 3), base.para(doc.my_headline, st.lead)]
    counts = [f"{len(doc.phases)} phase{'s' if len(doc.phases) != 1 else ''}",
              f"{doc.milestone_count} milestone{'s' if doc.milestone_count != 1 else ''}"
              + (f", {doc.done_count} done" if doc.done_count else ""),
              f"{len(doc.contingencies)} contingenc{'ies' if len(doc.contingencies) != 1 else 'y'}",
              f"as of {doc.generated}"]
    out += [Spacer(1, 5), base.para("", st.meta, markup=base.dot().join(counts)), base.rule()]
    if not doc.phases and not doc.contingencies:
        out.append(base.para("The plan is empty. Add phases and milestones in the Plan tab.",
                             st.muted))
    for number, phase in enumerate(doc.phases, 1):
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
                f'<font name="{styles.SANS_BOLD}">Goal</font>\u2002{fonts.markup(phase.goal)}'))]
        if phase.success_metric:
            heading.append(base.para("", st.body, markup=(
                f'<font name="{styles.SANS_BOLD}">Success</font>\u2002'
                f"{fonts.markup(phase.success_metric)}")))
        heading.append(Spacer(1, 6))
        if phase.milestones:
            # the heading never stays alone at a page's foot: it needs room for the table's
            # header and first rows, else the phase starts on the next page; a long table
            # then runs on over pages with its header row repeated
            out.append(CondPageBreak(150))
            out += heading
            out.append(_milestone_table(phase, width, st))
        else:
            out.append(KeepTogether([*heading, base.para("No milestones yet.", st.muted)]))
    if doc.contingencies:
        out += [CondPageBreak(130), base.para("Contingencies", st.heading),
                base.para("If this happens by this date, then I do that instead.", st.muted),
                Spacer(1, 6), _contingency_table(doc, width, st)]
    return out


def build_plan(doc: PlanDocument, page_size: str = "A4") -> bytes:
    footer = " · ".join(t for t in ("Transition plan", doc.my_name, doc.generated) if t)
    return base.build_pdf(
        story(doc, page_size), page_size=page_size,
        title=f"Transition plan — {doc.my_name}" if doc.my_name else "Transition plan",
        author=doc.my_name or "CareerPivot",
        subject="Phases, milestones and contingencies of a career change", footer=footer)


def export_plan(doc: PlanDocument, path: str | Path, page_size: str = "A4") -> Path:
    return fileio.write_atomic(path, build_plan(doc, page_size))
