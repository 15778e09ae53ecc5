"""The transition plan: phases, their milestones, and contingency options.

Every function returns plain values. :func:`plan_overview` reads the whole plan in five
queries whatever its size: phases, milestones (with the accountability partner's name), the
milestones' skills, their learning items, and the contingencies (with the path's title). It
fetches the rows as SQLite returns them (``fetch_tuples``) and turns the stored dates into
dates itself, once each.

Validation errors name the field and say what to change; a milestone whose due date falls
outside its phase's dates is allowed but carries a warning (:attr:`MilestoneRow.warning`,
and the return value of :func:`update_milestone`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections import defaultdict
from collections.abc import Callable, Iterable

import peewee as pw

from careerpivot.core import clock, vocab
from careerpivot.core import plan as _plan
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    check_range,
    clean_line,
    clean_text,
    parse_date,
)
from careerpivot.services import workspace
from careerpivot.services._base import (
    delete_with_snapshot,
    fetch_tuples,
    get_or_fail,
    link_rows,
    reference,
    utcnow,
    write,
)
from careerpivot.store.models import (
    Contact,
    Contingency,
    LearningItem,
    Milestone,
    MilestoneLearning,
    MilestoneSkill,
    Path,
    Phase,
    Skill,
)

Snapshot = workspace.Snapshot

#: A week has 168 hours.
MAX_WEEKLY_HOURS = 168.0
MAX_HOURS = 100_000.0
MAX_MONEY = 1_000_000_000.0


# --- rows ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MilestoneRow:
    id: int
    phase_id: int
    title: str
    due_date: _dt.date | None
    status: str  # core.vocab.MILESTONE_STATUSES
    done_date: _dt.date | None
    metric: str
    target: str
    hours_needed: float
    money_needed: float
    partner_id: int | None
    partner_name: str
    notes: str
    position: int
    skills: tuple[tuple[int, str], ...] = ()  # (skill id, name)
    learning: tuple[tuple[int, str], ...] = ()  # (learning item id, title)
    overdue: bool = False
    days_overdue: int = 0
    #: A warning for a due date outside the phase's dates ("" when it fits).
    warning: str = ""


@dataclasses.dataclass(frozen=True)
class PhaseRow:
    id: int
    name: str
    goal: str
    weekly_hours: float
    start_date: _dt.date | None
    end_date: _dt.date | None
    success_metric: str
    position: int
    milestones: tuple[MilestoneRow, ...] = ()

    @property
    def progress(self) -> _plan.Progress:
        return _plan.phase_progress(m.status for m in self.milestones)

    @property
    def overdue(self) -> int:
        return sum(m.overdue for m in self.milestones)


@dataclasses.dataclass(frozen=True)
class ContingencyRow:
    id: int
    trigger: str
    response: str
    trigger_date: _dt.date | None
    path_id: int | None
    path_title: str
    position: int


@dataclasses.dataclass(frozen=True)
class PlanOverview:
    today: _dt.date
    phases: tuple[PhaseRow, ...]
    contingencies: tuple[ContingencyRow, ...]

    def milestones(self) -> list[MilestoneRow]:
        return [m for p in self.phases for m in p.milestones]

    def milestone(self, milestone_id: int) -> MilestoneRow | None:
        return next((m for m in self.milestones() if m.id == milestone_id), None)

    def phase(self, phase_id: int) -> PhaseRow | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    def contingency(self, contingency_id: int) -> ContingencyRow | None:
        return next((c for c in self.contingencies if c.id == contingency_id), None)

    @property
    def overdue(self) -> int:
        return sum(p.overdue for p in self.phases)


# --- helpers ---------------------------------------------------------------------------------


def _as_date(value: object) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:  # as the store writes dates: the quick way
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    return parse_date("date", str(value)[:10])


def _amount(field: str, value: object, maximum: float, what: str) -> float:
    """Hours or money: a number, zero or more, below a sane ceiling."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    number = check_range(field, value, float("-inf"), float("inf"))
    _plan.check_not_negative(field, number, what)
    return check_range(field, number, 0, maximum)


def _ids(values: Iterable[object]) -> list[int]:
    return list(dict.fromkeys(int(v) for v in values))  # type: ignore[call-overload]


def _ordered_ids(model: type[pw.Model], *where: pw.Expression) -> list[int]:
    query = model.select(model.id).order_by(model.position, model.id)
    if where:
        query = query.where(*where)
    return [r[0] for r in query.tuples()]


def _write_positions(model: type[pw.Model], ids: list[int]) -> None:
    for position, row_id in enumerate(ids):
        model.update(position=position).where(model.id == row_id).execute()


def _next_position(model: type[pw.Model], *where: pw.Expression) -> int:
    query = model.select(pw.fn.COALESCE(pw.fn.MAX(model.position), -1) + 1)
    if where:
        query = query.where(*where)
    return int(query.scalar())


def _clean_fields(validators: dict[str, Callable[[object], object]],
                  fields: dict[str, object]) -> dict[str, object]:
    values = {}
    for field, value in fields.items():
        validate = validators.get(field)
        if validate is None:
            raise ValidationError(field, "This field cannot be set here.")
        values[field] = validate(value)
    return values


# --- the whole plan --------------------------------------------------------------------------


_PHASE_COLUMNS = (Phase.id, Phase.name, Phase.goal, Phase.weekly_hours, Phase.start_date,
                  Phase.end_date, Phase.success_metric, Phase.position)


def _phase_rows(where: pw.Expression | None = None) -> list[tuple]:
    """(id, name, goal, weekly_hours, start_date, end_date, success_metric, position), the
    dates as dates."""
    query = Phase.select(*_PHASE_COLUMNS).order_by(Phase.position, Phase.id)
    if where is not None:
        query = query.where(where)
    return [(p_id, name, goal, hours, _as_date(start), _as_date(end), metric, position)
            for p_id, name, goal, hours, start, end, metric, position in fetch_tuples(query)]


def _milestone_query() -> pw.ModelSelect:
    return (
        Milestone.select(
            Milestone.id, Milestone.phase, Milestone.title, Milestone.due_date,
            Milestone.status, Milestone.done_date, Milestone.metric, Milestone.target,
            Milestone.hours_needed, Milestone.money_needed, Milestone.partner,
            pw.fn.COALESCE(Contact.name, ""), Milestone.notes, Milestone.position,
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(Milestone.partner == Contact.id))
        # In date order within a phase; undated milestones last, in the order added.
        .order_by(Milestone.due_date.is_null(), Milestone.due_date, Milestone.position,
                  Milestone.id)
    )


def _links(where: pw.Expression | None) -> tuple[dict[int, list[tuple[int, str]]],
                                                  dict[int, list[tuple[int, str]]]]:
    skills: dict[int, list[tuple[int, str]]] = defaultdict(list)
    learning: dict[int, list[tuple[int, str]]] = defaultdict(list)
    skill_query = (MilestoneSkill.select(MilestoneSkill.milestone, Skill.id, Skill.name)
                   .join(Skill).order_by(Skill.key))
    learning_query = (MilestoneLearning.select(MilestoneLearning.milestone, LearningItem.id,
                                               LearningItem.title)
                      .join(LearningItem).order_by(LearningItem.title, LearningItem.id))
    if where is not None:
        skill_query = skill_query.switch(MilestoneSkill).join(Milestone).where(where)
        learning_query = learning_query.switch(MilestoneLearning).join(Milestone).where(where)
    for milestone_id, skill_id, name in fetch_tuples(skill_query):
        skills[milestone_id].append((skill_id, name))
    for milestone_id, learning_id, title in fetch_tuples(learning_query):
        learning[milestone_id].append((learning_id, title))
    return skills, learning


def _milestone_row(row: tuple, phase: tuple | None, skills: dict, learning: dict,
                   today: _dt.date) -> MilestoneRow:
    (m_id, phase_id, title, due, status, done, metric, target, hours, money, partner_id,
     partner_name, notes, position) = row
    due, done = _as_date(due), _as_date(done)
    warning = ""
    if phase is not None:  # a row of _phase_rows(): its dates are dates
        warning = _plan.outside_phase_message(due, phase[1], phase[4], phase[5])
    return MilestoneRow(
        id=m_id, phase_id=phase_id, title=title, due_date=due, status=status, done_date=done,
        metric=metric, target=target, hours_needed=float(hours), money_needed=float(money),
        partner_id=partner_id, partner_name=partner_name, notes=notes, position=position,
        skills=tuple(skills.get(m_id, ())), learning=tuple(learning.get(m_id, ())),
        overdue=_plan.is_overdue(due, status, today),
        days_overdue=_plan.days_overdue(due, status, today),
        warning=warning,
    )


def _phase_row(row: tuple, milestones: Iterable[MilestoneRow] = ()) -> PhaseRow:
    p_id, name, goal, hours, start, end, metric, position = row
    return PhaseRow(p_id, name, goal, float(hours), start, end, metric, position,
                    tuple(milestones))


def _contingency_query() -> pw.ModelSelect:
    return (
        Contingency.select(Contingency.id, Contingency.trigger, Contingency.response,
                           Contingency.trigger_date, Contingency.path,
                           pw.fn.COALESCE(Path.title, ""), Contingency.position)
        .join(Path, pw.JOIN.LEFT_OUTER, on=(Contingency.path == Path.id))
        .order_by(Contingency.position, Contingency.id)
    )


def _contingency_row(row: tuple) -> ContingencyRow:
    c_id, trigger, response, date, path_id, path_title, position = row
    return ContingencyRow(c_id, trigger, response, _as_date(date), path_id, path_title,
                          position)


def plan_overview(today: _dt.date | None = None) -> PlanOverview:
    """Every phase in order with its milestones (by due date) and every contingency, in five
    queries whatever the size of the plan."""
    today = today or clock.today()
    phases = _phase_rows()
    by_id = {p[0]: p for p in phases}
    skills, learning = _links(None)
    milestones: dict[int, list[MilestoneRow]] = defaultdict(list)
    for row in fetch_tuples(_milestone_query()):
        milestones[row[1]].append(
            _milestone_row(row, by_id.get(row[1]), skills, learning, today))
    contingencies = tuple(_contingency_row(r) for r in fetch_tuples(_contingency_query()))
    return PlanOverview(
        today=today,
        phases=tuple(_phase_row(p, milestones.get(p[0], ())) for p in phases),
        contingencies=contingencies,
    )


# --- phases ----------------------------------------------------------------------------------


_PHASE_FIELDS: dict[str, Callable[[object], object]] = {
    "name": lambda v: clean_line("name", v, required=True),
    "goal": lambda v: clean_text("goal", v),
    "weekly_hours": lambda v: _amount("weekly_hours", v, MAX_WEEKLY_HOURS, "Hours"),
    "start_date": lambda v: parse_date("start_date", v),
    "end_date": lambda v: parse_date("end_date", v),
    "success_metric": lambda v: clean_text("success_metric", v),
}


def get_phase(phase_id: int, today: _dt.date | None = None) -> PhaseRow:
    """One phase with its milestones."""
    rows = _phase_rows(Phase.id == phase_id)
    if not rows:
        get_or_fail(Phase, phase_id, "phase")
    today = today or clock.today()
    skills, learning = _links(Milestone.phase == phase_id)
    milestones = [_milestone_row(r, rows[0], skills, learning, today)
                  for r in fetch_tuples(_milestone_query().where(Milestone.phase == phase_id))]
    return _phase_row(rows[0], milestones)


def add_phase(name: str, **fields: object) -> int:
    """A new phase at the end of the plan. ``fields``: goal, weekly_hours, start_date,
    end_date, success_metric."""
    values = {"name": _PHASE_FIELDS["name"](name), **_clean_fields(_PHASE_FIELDS, fields)}
    _plan.check_period(_as_date(values.get("start_date")), _as_date(values.get("end_date")))
    with write():
        row_id = Phase.insert(position=_next_position(Phase), **values).execute()
    workspace.mark_changed()
    return int(row_id)


def update_phase(phase_id: int, field: str, value: object) -> None:
    """Change one field: name, goal, weekly_hours, start_date, end_date or success_metric.
    An end before the start is refused with a message for the edited field."""
    validate = _PHASE_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    with write():
        row = get_or_fail(Phase, phase_id, "phase")
        dates = {"start_date": _as_date(row.start_date), "end_date": _as_date(row.end_date)}
        if field in dates:
            dates[field] = cleaned  # type: ignore[assignment]
            _plan.check_period(dates["start_date"], dates["end_date"], changed=field)
        Phase.update({field: cleaned, "updated_at": utcnow()}).where(
            Phase.id == phase_id).execute()
    workspace.mark_changed()


def move_phase(phase_id: int, offset: int) -> bool:
    """Move a phase ``offset`` places (-1 up, +1 down); positions stay 0..n-1. False when it
    is already at that end."""
    with write():
        get_or_fail(Phase, phase_id, "phase")
        order = _ordered_ids(Phase)
        index = order.index(phase_id)
        target = max(0, min(len(order) - 1, index + int(offset)))
        moved = target != index
        order.insert(target, order.pop(index))
        _write_positions(Phase, order)
    workspace.mark_changed()
    return moved


def reorder_phases(phase_ids: Iterable[int]) -> None:
    """Positions 0..n-1 in the order of ``phase_ids`` (phases not listed follow, in their
    current order)."""
    wanted = _ids(phase_ids)
    with write():
        existing = _ordered_ids(Phase)
        known = set(existing)
        order = [i for i in wanted if i in known] + [i for i in existing if i not in wanted]
        _write_positions(Phase, order)
    workspace.mark_changed()


def delete_phase(phase_id: int) -> Snapshot:
    """Delete a phase with its milestones and their links. Undo with
    ``workspace.restore_snapshot``: the phase comes back at its place (the others keep their
    positions, so the order is exact; the next move closes the gap)."""
    get_or_fail(Phase, phase_id, "phase")
    return delete_with_snapshot(Phase, [phase_id], "phase")


# --- milestones ------------------------------------------------------------------------------


def _phase_ref(value: object) -> int | None:
    return reference("phase", Phase, value, "Choose a phase of the plan.", required=True)


_MILESTONE_FIELDS: dict[str, Callable[[object], object]] = {
    "title": lambda v: clean_line("title", v, required=True),
    "phase": _phase_ref,
    "due_date": lambda v: parse_date("due_date", v),
    "status": lambda v: check_choice("status", str(v), vocab.MILESTONE_STATUSES),
    "done_date": lambda v: parse_date("done_date", v),
    "metric": lambda v: clean_line("metric", v),
    "target": lambda v: clean_line("target", v),
    "hours_needed": lambda v: _amount("hours_needed", v, MAX_HOURS, "Hours"),
    "money_needed": lambda v: _amount("money_needed", v, MAX_MONEY, "Money"),
    "partner": lambda v: reference("partner", Contact, v,
                              "This contact no longer exists; choose another partner."),
    "notes": lambda v: clean_text("notes", v),
}


def get_milestone(milestone_id: int, today: _dt.date | None = None) -> MilestoneRow:
    rows = fetch_tuples(_milestone_query().where(Milestone.id == milestone_id))
    if not rows:
        get_or_fail(Milestone, milestone_id, "milestone")
    phase = _phase_rows(Phase.id == rows[0][1])
    skills, learning = _links(Milestone.id == milestone_id)
    return _milestone_row(rows[0], phase[0] if phase else None, skills, learning,
                          today or clock.today())


def _status_dates(values: dict[str, object], today: _dt.date) -> None:
    """Marking a milestone done records when; moving it back out of done clears that."""
    status = values.get("status")
    if status == _plan.DONE and not values.get("done_date"):
        values["done_date"] = today
    elif status is not None and status != _plan.DONE:
        values["done_date"] = None


def add_milestone(phase_id: int, title: str, *, skill_ids: Iterable[int] = (),
                  learning_ids: Iterable[int] = (), **fields: object) -> int:
    """A new milestone in a phase. ``fields``: due_date, status, done_date, metric, target,
    hours_needed, money_needed, partner (a contact id), notes. Its warning (a due date
    outside the phase) is on :func:`get_milestone`'s row."""
    values = {"title": _MILESTONE_FIELDS["title"](title),
              **_clean_fields(_MILESTONE_FIELDS, fields)}
    values.pop("phase", None)
    if "status" in values and "done_date" not in fields:
        _status_dates(values, clock.today())
    skills, items = _ids(skill_ids), _ids(learning_ids)
    with write():
        get_or_fail(Phase, phase_id, "phase")
        row_id = int(Milestone.insert(
            phase=phase_id, position=_next_position(Milestone, Milestone.phase == phase_id),
            **values).execute())
        _link_skills(row_id, skills)
        _link_learning(row_id, items)
    workspace.mark_changed()
    return row_id


def update_milestone(milestone_id: int, field: str, value: object) -> str:
    """Change one field (see :func:`add_milestone`, plus ``phase`` to move it to another
    phase). Setting the status to done fills an empty done date with today; any other status
    clears it. Returns the warning for a due date outside the phase ("" when it fits)."""
    validate = _MILESTONE_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    values = {field: validate(value)}
    with write():
        row = get_or_fail(Milestone, milestone_id, "milestone")
        if field == "status":
            values["done_date"] = _as_date(row.done_date)
            _status_dates(values, clock.today())
        values["updated_at"] = utcnow()
        if field == "phase" and values["phase"] != row.phase_id:
            values["position"] = _next_position(Milestone, Milestone.phase == values["phase"])
        Milestone.update(values).where(Milestone.id == milestone_id).execute()
        milestone = Milestone.get_by_id(milestone_id)
        phase = Phase.get_by_id(milestone.phase_id)
    workspace.mark_changed()
    return _plan.outside_phase_message(_as_date(milestone.due_date), phase.name,
                                       _as_date(phase.start_date), _as_date(phase.end_date))


def delete_milestone(milestone_id: int) -> Snapshot:
    """Delete a milestone and its links; undo with ``workspace.restore_snapshot``."""
    get_or_fail(Milestone, milestone_id, "milestone")
    return delete_with_snapshot(Milestone, [milestone_id], "milestone")


def _link_skills(milestone_id: int, skill_ids: list[int], *, replace: bool = False) -> None:
    link_rows(MilestoneSkill, "milestone", milestone_id, "skill", Skill, skill_ids,
              field="skills", missing="A chosen skill no longer exists.", replace=replace)


def _link_learning(milestone_id: int, learning_ids: list[int], *,
                   replace: bool = False) -> None:
    link_rows(MilestoneLearning, "milestone", milestone_id, "learning", LearningItem,
              learning_ids, field="learning",
              missing="A chosen learning item no longer exists.", replace=replace)


def set_milestone_skills(milestone_id: int, skill_ids: Iterable[int]) -> None:
    """Link the milestone to exactly these skills."""
    wanted = _ids(skill_ids)
    with write():
        get_or_fail(Milestone, milestone_id, "milestone")
        _link_skills(milestone_id, wanted, replace=True)
    workspace.mark_changed()


def set_milestone_learning(milestone_id: int, learning_ids: Iterable[int]) -> None:
    """Link the milestone to exactly these learning items and experiments."""
    wanted = _ids(learning_ids)
    with write():
        get_or_fail(Milestone, milestone_id, "milestone")
        _link_learning(milestone_id, wanted, replace=True)
    workspace.mark_changed()


# --- contingencies ---------------------------------------------------------------------------


_CONTINGENCY_FIELDS: dict[str, Callable[[object], object]] = {
    "trigger": lambda v: clean_line("trigger", v, required=True),
    "response": lambda v: clean_text("response", v, max_len=10_000),
    "trigger_date": lambda v: parse_date("trigger_date", v),
    "path": lambda v: reference("path", Path, v, "This path no longer exists; choose another."),
}


def list_contingencies() -> list[ContingencyRow]:
    return [_contingency_row(r) for r in fetch_tuples(_contingency_query())]


def get_contingency(contingency_id: int) -> ContingencyRow:
    rows = fetch_tuples(_contingency_query().where(Contingency.id == contingency_id))
    if not rows:
        get_or_fail(Contingency, contingency_id, "contingency")
    return _contingency_row(rows[0])


def add_contingency(trigger: str, response: str = "", trigger_date: object = None,
                    path_id: int | None = None) -> int:
    """"If ``trigger`` (by ``trigger_date``), then ``response``", optionally about a path."""
    values = {
        "trigger": _CONTINGENCY_FIELDS["trigger"](trigger),
        "response": _CONTINGENCY_FIELDS["response"](response),
        "trigger_date": _CONTINGENCY_FIELDS["trigger_date"](trigger_date),
    }
    with write():
        values["path"] = _CONTINGENCY_FIELDS["path"](path_id)
        row_id = Contingency.insert(position=_next_position(Contingency), **values).execute()
    workspace.mark_changed()
    return int(row_id)


def update_contingency(contingency_id: int, field: str, value: object) -> None:
    """Change one field: trigger, response, trigger_date or path (an id, or None)."""
    validate = _CONTINGENCY_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    with write():
        cleaned = validate(value)
        get_or_fail(Contingency, contingency_id, "contingency")
        Contingency.update({field: cleaned, "updated_at": utcnow()}).where(
            Contingency.id == contingency_id).execute()
    workspace.mark_changed()


def delete_contingency(contingency_id: int) -> Snapshot:
    get_or_fail(Contingency, contingency_id, "contingency")
    return delete_with_snapshot(Contingency, [contingency_id], "contingency")


# --- small pickers ---------------------------------------------------------------------------


def contact_choices() -> list[tuple[int, str]]:
    """(id, label) of every contact by name; the label adds the organization."""
    query = (Contact.select(Contact.id, Contact.name, Contact.organization)
             .order_by(Contact.name, Contact.id))
    return [(i, f"{name} ({org})" if org else name) for i, name, org in fetch_tuples(query)]


def skill_choices() -> list[tuple[int, str]]:
    return list(Skill.select(Skill.id, Skill.name).order_by(Skill.key, Skill.id).tuples())


def learning_choices() -> list[tuple[int, str]]:
    return list(LearningItem.select(LearningItem.id, LearningItem.title)
                .order_by(LearningItem.title, LearningItem.id).tuples())


def path_choices() -> list[tuple[int, str]]:
    return list(Path.select(Path.id, Path.title).order_by(Path.position, Path.id).tuples())


def phase_choices() -> list[tuple[int, str]]:
    return list(Phase.select(Phase.id, Phase.name).order_by(Phase.position, Phase.id).tuples())
