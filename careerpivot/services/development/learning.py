"""Learning items and experiments: courses, certifications, workshops, books, practice time
blocks and practical experiments (a small project, shadowing, a freelance task), each with its
status, dates, hours planned and spent, progress (units done of total), cost and outcome, an
experiment with what it tests and its result, and the skills it serves.

:func:`list_learning` reads the items and their linked skills in two queries whatever their
number.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

import peewee as pw

from careerpivot.core import vocab
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    check_range,
    clean_line,
    clean_text,
    clean_url,
    parse_date,
)
from careerpivot.services import workspace
from careerpivot.services._base import (
    delete_with_snapshot,
    get_or_fail,
    link_rows,
    utcnow,
    write,
)
from careerpivot.store.models import LearningItem, LearningSkill, Skill, database

Snapshot = workspace.Snapshot

MAX_HOURS = 100_000.0
MAX_COST = 1_000_000_000.0
MAX_UNITS = 1_000_000


@dataclasses.dataclass(frozen=True, slots=True)
class LearningRow:
    id: int
    title: str
    kind: str
    status: str
    start_date: _dt.date | None
    end_date: _dt.date | None
    hours_planned: float
    hours_spent: float
    units_done: int
    units_total: int
    cost: float
    provider: str
    url: str
    outcome: str
    hypothesis: str
    result: str
    schedule_day: int | None
    schedule_time: str
    schedule_minutes: int
    skills: tuple[tuple[int, str], ...]  # (skill id, name) of linked skills

    @property
    def is_experiment(self) -> bool:
        return self.kind in vocab.EXPERIMENT_KINDS

    @property
    def progress(self) -> float | None:
        """Units done of total (0-1), or None when no total is set."""
        if self.units_total > 0:
            return min(self.units_done / self.units_total, 1.0)
        return None


# --- validation ------------------------------------------------------------------------------


def _as_date(value: object) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    text = str(value)[:10]
    if len(text) == 10 and text[4] == text[7] == "-":  # as stored: read it in C
        try:
            date = _dt.date.fromisoformat(text)
        except ValueError:
            pass
        else:
            if 1900 <= date.year <= 2200:
                return date
    return parse_date("date", text)


_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


def _clean_time(value: object) -> str:
    text = clean_line("schedule_time", value, max_len=10)
    if not text:
        return ""
    m = _HHMM.fullmatch(text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError("schedule_time", "Write the time as HH:MM, for example 18:30.")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _clean_day(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return int(check_range("schedule_day", value, 0, 6, integer=True))


_LEARNING_FIELDS: dict[str, Callable[[object], object]] = {
    "title": lambda v: clean_line("title", v, required=True),
    "kind": lambda v: check_choice("kind", str(v), vocab.LEARNING_KINDS),
    "status": lambda v: check_choice("status", str(v), vocab.LEARNING_STATUSES),
    "start_date": lambda v: parse_date("start_date", v),
    "end_date": lambda v: parse_date("end_date", v),
    "hours_planned": lambda v: check_range("hours_planned", v, 0, MAX_HOURS),
    "hours_spent": lambda v: check_range("hours_spent", v, 0, MAX_HOURS),
    "units_done": lambda v: check_range("units_done", v, 0, MAX_UNITS, integer=True),
    "units_total": lambda v: check_range("units_total", v, 0, MAX_UNITS, integer=True),
    "cost": lambda v: check_range("cost", v, 0, MAX_COST),
    "provider": lambda v: clean_line("provider", v),
    "url": lambda v: clean_url("url", v),
    "outcome": lambda v: clean_text("outcome", v),
    "hypothesis": lambda v: clean_text("hypothesis", v),
    "result": lambda v: clean_text("result", v),
    "schedule_day": _clean_day,
    "schedule_time": _clean_time,
    "schedule_minutes": lambda v: check_range("schedule_minutes", v, 0, 1440, integer=True),
}


def _check_pairs(values: dict, changed: str | None = None) -> None:
    """Cross-field rules over a learning item's complete values. ``changed`` names the field
    just edited, so the message appears next to it."""
    start, end = _as_date(values.get("start_date")), _as_date(values.get("end_date"))
    if start and end and end < start:
        field = "start_date" if changed == "start_date" else "end_date"
        raise ValidationError(
            field, f"The end ({end.isoformat()}) cannot be before the start "
                   f"({start.isoformat()}).")
    done, total = int(values.get("units_done") or 0), int(values.get("units_total") or 0)
    if done > total:
        field = "units_total" if changed == "units_total" else "units_done"
        raise ValidationError(
            field, f"Units done ({done}) cannot be more than the total ({total}).")


_LEARNING_COLUMNS = (
    LearningItem.id, LearningItem.title, LearningItem.kind, LearningItem.status,
    LearningItem.start_date, LearningItem.end_date, LearningItem.hours_planned,
    LearningItem.hours_spent, LearningItem.units_done, LearningItem.units_total,
    LearningItem.cost, LearningItem.provider, LearningItem.url, LearningItem.outcome,
    LearningItem.hypothesis, LearningItem.result, LearningItem.schedule_day,
    LearningItem.schedule_time, LearningItem.schedule_minutes,
)


def _learning_rows(query: pw.ModelSelect) -> list[LearningRow]:
    # the rows as SQLite gives them (dates as text, read by _as_date): Peewee's conversion of
    # every value took two thirds of the time on a list of 2,000 items
    items = database.execute_sql(*query.sql()).fetchall()
    skills: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if items:
        links = (
            LearningSkill.select(LearningSkill.learning, Skill.id, Skill.name)
            .join(Skill)
            .order_by(Skill.key)
        )
        if len(items) <= 500:
            links = links.where(LearningSkill.learning.in_([row[0] for row in items]))
        for learning_id, skill_id, skill_name in database.execute_sql(*links.sql()):
            skills[learning_id].append((skill_id, skill_name))
    return [
        LearningRow(item_id, title, kind, status, _as_date(start), _as_date(end),
                    float(planned), float(spent), int(done), int(total), float(cost),
                    provider, url, outcome, hypothesis, result,
                    None if day is None else int(day), schedule_time, int(minutes),
                    skills=tuple(skills.get(item_id, ())))
        for (item_id, title, kind, status, start, end, planned, spent, done, total, cost,
             provider, url, outcome, hypothesis, result, day, schedule_time, minutes) in items
    ]


def list_learning(*, skill_id: int | None = None, experiments: bool | None = None,
                  status: str | None = None) -> list[LearningRow]:
    """Learning items (optionally only those linked to a skill, only experiments or only
    non-experiments, one status), by start date then title. Two queries."""
    query = LearningItem.select(*_LEARNING_COLUMNS).order_by(
        LearningItem.start_date.is_null(), LearningItem.start_date, LearningItem.title,
        LearningItem.id)
    if skill_id is not None:
        query = query.where(LearningItem.id.in_(
            LearningSkill.select(LearningSkill.learning).where(LearningSkill.skill == skill_id)))
    if experiments is not None:
        kinds = sorted(vocab.EXPERIMENT_KINDS)
        query = query.where(LearningItem.kind.in_(kinds) if experiments
                            else LearningItem.kind.not_in(kinds))
    if status:
        query = query.where(LearningItem.status == status)
    return _learning_rows(query)


def learning_for_skill(skill_id: int) -> list[LearningRow]:
    return list_learning(skill_id=skill_id)


def get_learning(learning_id: int) -> LearningRow:
    rows = _learning_rows(
        LearningItem.select(*_LEARNING_COLUMNS).where(LearningItem.id == learning_id))
    if not rows:
        get_or_fail(LearningItem, learning_id, "learning item")
    return rows[0]


def validate_learning(title: object, kind: object = "course",
                      **fields: object) -> dict[str, object]:
    """Clean the fields of a new learning item as :func:`add_learning` would (cross-field
    rules included); raises ValidationError for the first bad field. Used by the Add dialog
    before it closes."""
    values: dict[str, object] = {"title": _LEARNING_FIELDS["title"](title),
                                 "kind": _LEARNING_FIELDS["kind"](str(kind))}
    for field, value in fields.items():
        validate = _LEARNING_FIELDS.get(field)
        if validate is None:
            raise ValidationError(field, "This field cannot be set here.")
        values[field] = validate(value)
    _check_pairs(values)
    return values


def add_learning(title: str, kind: str = "course", *, skill_ids: Iterable[int] = (),
                 **fields: object) -> int:
    """A new learning item or experiment. ``fields`` may hold any column of
    :class:`LearningRow` (status, start_date, end_date, hours_planned, hours_spent,
    units_done, units_total, cost, provider, url, outcome, hypothesis, result,
    schedule_day, schedule_time, schedule_minutes)."""
    values = validate_learning(title, kind, **fields)
    skill_list = list(dict.fromkeys(int(s) for s in skill_ids))
    with write():
        row_id = LearningItem.insert(**values).execute()
        _link(int(row_id), skill_list)
    workspace.mark_changed()
    return int(row_id)


def update_learning(learning_id: int, field: str, value: object) -> None:
    """Change one field (see :func:`add_learning`); an end before the start, or more units
    done than the total, is refused with a message for the edited field."""
    validate = _LEARNING_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    with write():
        row = get_or_fail(LearningItem, learning_id, "learning item")
        current = {
            "start_date": row.start_date, "end_date": row.end_date,
            "units_done": row.units_done, "units_total": row.units_total,
        }
        current[field] = cleaned
        _check_pairs(current, field)
        LearningItem.update({field: cleaned, "updated_at": utcnow()}).where(
            LearningItem.id == learning_id).execute()
    workspace.mark_changed()


def delete_learning(learning_id: int) -> Snapshot:
    get_or_fail(LearningItem, learning_id, "learning item")
    return delete_with_snapshot(LearningItem, [learning_id], "learning item")


def _link(learning_id: int, skill_ids: list[int], *, replace: bool = False) -> None:
    link_rows(LearningSkill, "learning", learning_id, "skill", Skill, skill_ids,
              field="skills", missing="A chosen skill no longer exists.", replace=replace)


def link_skill(learning_id: int, skill_id: int) -> None:
    with write():
        get_or_fail(LearningItem, learning_id, "learning item")
        _link(learning_id, [int(skill_id)])
    workspace.mark_changed()


def unlink_skill(learning_id: int, skill_id: int) -> None:
    with write():
        LearningSkill.delete().where(
            (LearningSkill.learning == learning_id) & (LearningSkill.skill == skill_id)
        ).execute()
    workspace.mark_changed()


def set_learning_skills(learning_id: int, skill_ids: Iterable[int]) -> None:
    """Link the item to exactly these skills."""
    wanted = list(dict.fromkeys(int(s) for s in skill_ids))
    with write():
        get_or_fail(LearningItem, learning_id, "learning item")
        _link(learning_id, wanted, replace=True)
    workspace.mark_changed()
