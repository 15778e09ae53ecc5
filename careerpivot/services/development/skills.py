"""Skills: the things to learn or already brought, each with its kind, its current and target
level (0 none .. 4 expert, or not assessed) and whether it is a transferable strength.

A skill's name is unique in any case and spacing (:func:`~careerpivot.core.validation.name_key`
is kept in ``skill.key``); the same folding is registered as a SQL function
(:data:`FOLD_SQL`), so lists can group and search by it in the query itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import peewee as pw

from careerpivot.core import vocab
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    check_range,
    clean_bool,
    clean_line,
    clean_text,
    name_key,
)
from careerpivot.services import workspace
from careerpivot.services._base import delete_with_snapshot, get_or_fail, set_fields, utcnow, write
from careerpivot.store import text_index
from careerpivot.store.models import Skill, SkillMention

Snapshot = workspace.Snapshot

#: Skill levels: 0 none .. 4 expert.
MIN_LEVEL, MAX_LEVEL = 0, 4

# --- name_key() in SQL -----------------------------------------------------------------------

#: SQL name of :func:`careerpivot.core.validation.name_key` (its arguments are joined by a
#: space), so lists can group and search by it in the same query; the store registers it on
#: every connection (``store/text_index.py``).
FOLD_SQL = text_index.FOLD_SQL


def fold(*columns: pw.Node) -> pw.Function:
    """``cp_fold(columns...)`` as a peewee expression."""
    return getattr(pw.fn, FOLD_SQL)(*columns)


# --- rows ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class SkillRow:
    id: int
    name: str
    kind: str
    current_level: int | None  # None: not assessed
    target_level: int | None
    transferable: bool
    notes: str
    mention_count: int


# --- reading ---------------------------------------------------------------------------------


def _level(field: str, value: object) -> int | None:
    """A level 0-4, or None (also for "") for a skill not assessed."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return int(check_range(field, value, MIN_LEVEL, MAX_LEVEL, integer=True))


def _clean_skill_name(skill_id: int | None, value: object, field: str = "name") -> tuple[str, str]:
    name = clean_line(field, value, required=True)
    key = name_key(name)
    query = Skill.select(Skill.id).where(Skill.key == key)
    if skill_id is not None:
        query = query.where(Skill.id != skill_id)
    if query.exists():
        raise ValidationError(field, "A skill with this name already exists.")
    return name, key


_SKILL_FIELDS: dict[str, Callable[[object], object]] = {
    "kind": lambda v: check_choice("kind", str(v), vocab.SKILL_KINDS),
    "current_level": lambda v: _level("current_level", v),
    "target_level": lambda v: _level("target_level", v),
    "transferable": lambda v: clean_bool("transferable", v),
    "notes": lambda v: clean_text("notes", v),
}


def _skill_query() -> pw.ModelSelect:
    mentions = SkillMention.select(pw.fn.COUNT(SkillMention.id)).where(
        SkillMention.skill == Skill.id)
    return Skill.select(
        Skill.id, Skill.name, Skill.kind, Skill.current_level, Skill.target_level,
        Skill.transferable, Skill.notes, mentions.alias("n_mentions"),
    )


def list_skills() -> list[SkillRow]:
    """Every skill by name, with how many mentions it has."""
    return [
        SkillRow(i, n, k, c, t, bool(tr), no, m)
        for i, n, k, c, t, tr, no, m in _skill_query().order_by(Skill.key).tuples()
    ]


def get_skill(skill_id: int) -> SkillRow:
    """One skill (one query, not the whole list)."""
    found = _skill_query().where(Skill.id == skill_id).tuples().first()
    if found is None:
        get_or_fail(Skill, skill_id, "skill")
        raise AssertionError("unreachable")  # pragma: no cover
    i, n, k, c, t, tr, no, m = found
    return SkillRow(i, n, k, c, t, bool(tr), no, m)


def skill_named(name: object) -> int | None:
    """The id of the skill called ``name`` in any case and spacing, or None when there is
    none (nor for an empty name)."""
    key = name_key(str(name or ""))
    if not key:
        return None
    found = Skill.select(Skill.id).where(Skill.key == key).tuples().first()
    return int(found[0]) if found else None


# --- changing --------------------------------------------------------------------------------


def validate_skill(name: object, kind: object = "technical", current_level: object = None,
                   target_level: object = None, transferable: object = False,
                   notes: object = "") -> dict[str, object]:
    """Clean the fields of a new skill as :func:`add_skill` would (the name must be new);
    raises ValidationError for the first bad field. Used by the Add dialog before it closes."""
    clean_name, _key = _clean_skill_name(None, name)
    return {
        "name": clean_name,
        "kind": _SKILL_FIELDS["kind"](kind),
        "current_level": _SKILL_FIELDS["current_level"](current_level),
        "target_level": _SKILL_FIELDS["target_level"](target_level),
        "transferable": clean_bool("transferable", transferable),
        "notes": _SKILL_FIELDS["notes"](notes),
    }


def add_skill(name: str, kind: str = "technical", current_level: int | None = None,
              target_level: int | None = None, transferable: bool = False, notes: str = "") -> int:
    values = {
        "kind": _SKILL_FIELDS["kind"](kind),
        "current_level": _SKILL_FIELDS["current_level"](current_level),
        "target_level": _SKILL_FIELDS["target_level"](target_level),
        "transferable": clean_bool("transferable", transferable),
        "notes": _SKILL_FIELDS["notes"](notes),
    }
    with write():
        clean_name, key = _clean_skill_name(None, name)
        row_id = Skill.insert(name=clean_name, key=key, **values).execute()
    workspace.mark_changed()
    return int(row_id)


def ensure_skill(name: str, kind: str | None = None, *, field: str = "skill") -> int:
    """The id of the skill called ``name`` (any case, any spacing), created when new with
    ``kind`` (default technical) and no levels (not assessed). An existing skill keeps its
    kind and levels."""
    clean_name = clean_line(field, name, required=True)
    kind_key = check_choice("kind", kind or "technical", vocab.SKILL_KINDS)
    key = name_key(clean_name)
    with write():
        found = Skill.select(Skill.id).where(Skill.key == key).tuples().first()
        if found:
            return int(found[0])
        row_id = Skill.insert(name=clean_name, key=key, kind=kind_key).execute()
    workspace.mark_changed()
    return int(row_id)


def update_skill(skill_id: int, field: str, value: object) -> None:
    """Change one field: name (unique in any case), kind, current_level, target_level
    (0-4, or None / "" for not assessed), transferable or notes."""
    if field == "name":
        with write():
            get_or_fail(Skill, skill_id, "skill")
            clean_name, key = _clean_skill_name(skill_id, value)
            Skill.update(name=clean_name, key=key, updated_at=utcnow()).where(
                Skill.id == skill_id).execute()
        workspace.mark_changed()
        return
    validate = _SKILL_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    set_fields(Skill, skill_id, {field: validate(value)}, "skill")


def set_skill_levels(skill_id: int, current_level: object,
                     target_level: object) -> tuple[int | None, int | None]:
    """Set both levels at once (0-4, or None for not assessed), in one transaction; returns
    the levels it had before (to undo)."""
    current = _level("current_level", current_level)
    target = _level("target_level", target_level)
    with write():
        skill = get_or_fail(Skill, skill_id, "skill")
        before = (skill.current_level, skill.target_level)
        Skill.update(current_level=current, target_level=target, updated_at=utcnow()).where(
            Skill.id == skill_id).execute()
    workspace.mark_changed()
    return before


def delete_skill(skill_id: int) -> Snapshot:
    """Delete a skill with its mentions and links (undo restores them)."""
    get_or_fail(Skill, skill_id, "skill")
    return delete_with_snapshot(Skill, [skill_id], "skill")
