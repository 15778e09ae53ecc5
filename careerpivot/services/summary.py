"""The value summary: the profile, the chosen skills, the portfolio, and the document's data.

Every edit is validated and stored in one write transaction. :func:`summary_document_data`
returns one plain, frozen dataclass holding everything the one-page PDF needs, so the PDF can
be built in a worker thread without touching the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import NamedTuple

import peewee as pw

from careerpivot.core import priority as _priority
from careerpivot.core import vocab
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    clean_email,
    clean_line,
    clean_phone,
    clean_text,
    clean_url,
)
from careerpivot.reports.data import PortfolioEntry, SummaryDocument
from careerpivot.services import workspace
from careerpivot.services._base import (
    delete_with_snapshot,
    fetch_tuples,
    get_or_fail,
    set_fields,
    write,
)
from careerpivot.store.models import (
    LearningItem,
    LearningSkill,
    PortfolioItem,
    Profile,
    Skill,
    SummarySkill,
)

Snapshot = workspace.Snapshot

#: The id of the single profile row.
PROFILE_ID = 1
PAGE_SIZES = ("", "A4", "Letter")
PORTFOLIO_KINDS = {"achievement": "Achievement", "experiment": "Experiment"}


def _url(field: str) -> Callable[[object], str]:
    return lambda v: clean_url(field, v)


#: Each profile field with the function that validates and cleans it.
PROFILE_FIELDS: dict[str, Callable[[object], object]] = {
    "full_name": lambda v: clean_line("full_name", v, max_len=200),
    "headline": lambda v: clean_line("headline", v, max_len=300),
    "current_role": lambda v: clean_line("current_role", v, max_len=300),
    "location": lambda v: clean_line("location", v, max_len=200),
    "email": lambda v: clean_email("email", v),
    "phone": lambda v: clean_phone("phone", v),
    "website": _url("website"),
    "linkedin": _url("linkedin"),
    "narrative": lambda v: clean_text("narrative", v),
    "ask": lambda v: clean_text("ask", v),
    "page_size": lambda v: check_choice("page_size", "" if v is None else str(v), PAGE_SIZES),
}


# --- plain values -----------------------------------------------------------------------------
#
# The rows of lists are named tuples: plain values like frozen dataclasses, but about a fifth
# of the cost to define (this module is loaded when the Summary tab is first shown) and to
# make. The profile and the document, with their defaults, stay dataclasses.


@dataclasses.dataclass(frozen=True)
class ProfileData:
    full_name: str = ""
    headline: str = ""
    current_role: str = ""
    location: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    linkedin: str = ""
    narrative: str = ""
    ask: str = ""
    page_size: str = ""

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


class ChosenSkill(NamedTuple):
    skill_id: int
    name: str
    kind: str
    transferable: bool
    gap: int | None  # target level less current level (0 when none, None: not assessed)
    position: int


class SkillChoice(NamedTuple):
    """A skill that can be added to the summary. ``group``: strength (transferable),
    developing (a gap to close) or other."""

    skill_id: int
    name: str
    group: str


class PortfolioRow(NamedTuple):
    id: int
    title: str
    result: str
    url: str
    kind: str
    learning_id: int | None
    learning_title: str
    included: bool
    position: int


class ExperimentChoice(NamedTuple):
    learning_id: int
    title: str
    kind: str
    status: str
    result: str


# --- the profile ------------------------------------------------------------------------------


def _ensure_profile_row() -> None:
    """A workspace that lost its profile row gets it again before a write (reads never
    write: a read-only workspace must still show its summary)."""
    if Profile.get_or_none(Profile.id == PROFILE_ID) is None:
        with write():
            Profile.insert(id=PROFILE_ID).on_conflict_ignore().execute()


def get_profile() -> ProfileData:
    fields = [f.name for f in dataclasses.fields(ProfileData)]
    rows = fetch_tuples(Profile.select(*(getattr(Profile, name) for name in fields))
                        .where(Profile.id == PROFILE_ID))
    return ProfileData(*(value or "" for value in rows[0])) if rows else ProfileData()


def profile_values(_row_id: int = PROFILE_ID) -> dict[str, str]:
    """The stored profile as a dict (for the form binder's reload)."""
    return get_profile().as_dict()


def clean_profile_field(field: str, value: object) -> object:
    """Validate one profile field without storing it. Raises ValidationError."""
    cleaner = PROFILE_FIELDS.get(field)
    if cleaner is None:
        raise ValidationError(field, f"Unknown profile field {field!r}.")
    return cleaner(value)


def update_profile(field: str, value: object) -> object:
    """Validate and store one profile field; returns the stored (cleaned) value."""
    cleaned = clean_profile_field(field, value)
    _ensure_profile_row()
    set_fields(Profile, PROFILE_ID, {field: cleaned}, "profile")
    return cleaned


def save_profile_field(_row_id: int, field: str, value: object) -> None:
    """The form binder's save function (the profile has one row)."""
    update_profile(field, value)


# --- chosen skills ----------------------------------------------------------------------------


def chosen_skills() -> list[ChosenSkill]:
    rows = fetch_tuples(
        SummarySkill
        .select(SummarySkill.position, Skill.id, Skill.name, Skill.kind, Skill.transferable,
                Skill.current_level, Skill.target_level)
        .join(Skill)
        .order_by(SummarySkill.position, SummarySkill.id))
    return [ChosenSkill(skill_id=sid, name=name, kind=kind, transferable=bool(tr),
                        gap=_priority.gap_of(current, target), position=pos)
            for pos, sid, name, kind, tr, current, target in rows]


def available_skills() -> list[SkillChoice]:
    """Skills not yet chosen: transferable strengths first, then skills in development (a gap
    to close or learning linked to them), then the others; each group by name."""
    chosen = SummarySkill.select(SummarySkill.skill)
    rows = fetch_tuples(Skill.select(Skill.id, Skill.name, Skill.transferable,
                                     Skill.current_level, Skill.target_level)
                        .where(Skill.id.not_in(chosen)))
    learning = {sid for (sid,) in fetch_tuples(
        LearningSkill.select(LearningSkill.skill).distinct())}
    order = {"strength": 0, "developing": 1, "other": 2}
    result = []
    for sid, name, transferable, current, target in rows:
        if transferable:
            group = "strength"
        elif (_priority.gap_of(current, target) or 0) > 0 or sid in learning:
            group = "developing"
        else:
            group = "other"
        result.append(SkillChoice(sid, name, group))
    result.sort(key=lambda c: (order[c.group], c.name.casefold()))
    return result


def _renumber_skills(skill_ids: list[int]) -> None:
    for position, sid in enumerate(skill_ids):
        SummarySkill.update(position=position).where(SummarySkill.skill == sid).execute()


def _chosen_ids() -> list[int]:
    return [sid for (sid,) in SummarySkill.select(SummarySkill.skill)
            .order_by(SummarySkill.position, SummarySkill.id).tuples()]


def add_skill(skill_id: int, position: int | None = None) -> None:
    """Add a skill to the summary (at the end, or at ``position``)."""
    with write():
        get_or_fail(Skill, skill_id, "skill")
        ids = _chosen_ids()
        if skill_id in ids:
            raise ValidationError("skills", "This skill is already on the summary.")
        SummarySkill.create(skill=skill_id, position=len(ids))
        ids.insert(len(ids) if position is None else max(0, min(position, len(ids))), skill_id)
        _renumber_skills(ids)
    workspace.mark_changed()


def remove_skill(skill_id: int) -> int | None:
    """Take a skill off the summary (the skill itself stays); returns its former position."""
    with write():
        ids = _chosen_ids()
        if skill_id not in ids:
            return None
        position = ids.index(skill_id)
        SummarySkill.delete().where(SummarySkill.skill == skill_id).execute()
        ids.remove(skill_id)
        _renumber_skills(ids)
    workspace.mark_changed()
    return position


def _move(ordered_ids, renumber, item_id: int, delta: int) -> bool:
    """Move one item of an ordered list up (negative) or down; False when it cannot move."""
    with write():
        ids = ordered_ids()
        if item_id not in ids:
            return False
        old = ids.index(item_id)
        new = max(0, min(old + delta, len(ids) - 1))
        if new == old:
            return False
        ids.insert(new, ids.pop(old))
        renumber(ids)
    workspace.mark_changed()
    return True


def _set_order(ordered_ids, renumber, wanted: list[int]) -> None:
    """Put an ordered list in the wanted order (unknown ids ignored; missing ones follow)."""
    with write():
        current = ordered_ids()
        order = [i for i in dict.fromkeys(wanted) if i in current]
        order += [i for i in current if i not in order]
        renumber(order)
    workspace.mark_changed()


def move_skill(skill_id: int, delta: int) -> bool:
    """Move a chosen skill up (negative) or down; False when it cannot move."""
    return _move(_chosen_ids, _renumber_skills, skill_id, delta)


def set_skill_order(skill_ids: list[int]) -> None:
    """Put the chosen skills in this order (ids not chosen are ignored; missing ones follow)."""
    _set_order(_chosen_ids, _renumber_skills, skill_ids)


# --- the portfolio ----------------------------------------------------------------------------


def _clean_learning(value: object) -> int | None:
    if value in (None, "", 0):
        return None
    try:
        learning_id = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("learning", "Choose an experiment from the list.") from None
    get_or_fail(LearningItem, learning_id, "learning item")
    return learning_id


_PORTFOLIO_FIELDS: dict[str, Callable[[object], object]] = {
    "title": lambda v: clean_line("title", v, required=True),
    "result": lambda v: clean_line("result", v, max_len=2000),
    "url": _url("url"),
    "kind": lambda v: check_choice("kind", str(v), PORTFOLIO_KINDS),
    "learning": _clean_learning,
    "included": lambda v: bool(v) if not isinstance(v, str)
    else v.strip().casefold() in ("1", "true", "yes"),
}


def portfolio_items() -> list[PortfolioRow]:
    rows = fetch_tuples(
        PortfolioItem
        .select(PortfolioItem.id, PortfolioItem.title, PortfolioItem.result,
                PortfolioItem.url, PortfolioItem.kind, PortfolioItem.learning,
                pw.fn.COALESCE(LearningItem.title, ""), PortfolioItem.included,
                PortfolioItem.position)
        .join(LearningItem, pw.JOIN.LEFT_OUTER)
        .order_by(PortfolioItem.position, PortfolioItem.id))
    return [PortfolioRow(id=i, title=t, result=r or "", url=u or "", kind=k,
                         learning_id=lid, learning_title=lt or "", included=bool(inc),
                         position=pos)
            for i, t, r, u, k, lid, lt, inc, pos in rows]


def get_portfolio_item(item_id: int) -> PortfolioRow:
    for row in portfolio_items():
        if row.id == item_id:
            return row
    get_or_fail(PortfolioItem, item_id, "portfolio item")
    raise AssertionError("unreachable")


def portfolio_values(item_id: int) -> dict[str, object]:
    """One item as a dict (for the form binder's reload)."""
    row = get_portfolio_item(item_id)
    return {"title": row.title, "result": row.result, "url": row.url, "kind": row.kind,
            "learning": row.learning_id, "included": row.included}


def _portfolio_ids() -> list[int]:
    return [i for (i,) in PortfolioItem.select(PortfolioItem.id)
            .order_by(PortfolioItem.position, PortfolioItem.id).tuples()]


def _renumber_portfolio(ids: list[int]) -> None:
    for position, item_id in enumerate(ids):
        PortfolioItem.update(position=position).where(PortfolioItem.id == item_id).execute()


def add_portfolio_item(title: str, result: str = "", url: str = "", kind: str = "achievement",
                       learning_id: int | None = None, included: bool = True) -> int:
    values = {
        "title": _PORTFOLIO_FIELDS["title"](title),
        "result": _PORTFOLIO_FIELDS["result"](result),
        "url": _PORTFOLIO_FIELDS["url"](url),
        "kind": _PORTFOLIO_FIELDS["kind"](kind),
        "included": bool(included),
    }
    with write():
        values["learning"] = _clean_learning(learning_id)
        position = PortfolioItem.select().count()
        item = PortfolioItem.create(position=position, **values)
    workspace.mark_changed()
    return item.id


def experiment_choices() -> list[ExperimentChoice]:
    """Learning items that are practical experiments (for "add from an experiment")."""
    rows = fetch_tuples(
        LearningItem.select(LearningItem.id, LearningItem.title, LearningItem.kind,
                            LearningItem.status, LearningItem.result, LearningItem.outcome)
        .where(LearningItem.kind.in_(sorted(vocab.EXPERIMENT_KINDS)))
        .order_by(LearningItem.title))
    return [ExperimentChoice(i, t, k, s, (r or o or "").strip())
            for i, t, k, s, r, o in rows]


def add_experiment(learning_id: int) -> int:
    """A portfolio item made from an experiment: its title and its result (or outcome)."""
    item = get_or_fail(LearningItem, learning_id, "experiment")
    result = " ".join((item.result or item.outcome or "").split())
    return add_portfolio_item(item.title, result[:2000], item.url or "", "experiment",
                              learning_id)


def update_portfolio_item(item_id: int, field: str, value: object) -> object:
    cleaner = _PORTFOLIO_FIELDS.get(field)
    if cleaner is None:
        raise ValidationError(field, f"Unknown portfolio field {field!r}.")
    cleaned = cleaner(value)
    set_fields(PortfolioItem, item_id, {field: cleaned}, "portfolio item")
    return cleaned


def save_portfolio_field(item_id: int, field: str, value: object) -> None:
    """The form binder's save function."""
    update_portfolio_item(item_id, field, value)


def delete_portfolio_item(item_id: int) -> Snapshot:
    return delete_with_snapshot(PortfolioItem, [item_id], "portfolio item")


def move_portfolio_item(item_id: int, delta: int) -> bool:
    return _move(_portfolio_ids, _renumber_portfolio, item_id, delta)


def set_portfolio_order(item_ids: list[int]) -> None:
    _set_order(_portfolio_ids, _renumber_portfolio, item_ids)


# --- the document -----------------------------------------------------------------------------


def summary_document_data() -> SummaryDocument:
    """Everything the one-page PDF shows: the profile, the chosen skills in order, and the
    included portfolio items in order (two queries and the profile row)."""
    profile = get_profile()
    skills = tuple(s.name for s in chosen_skills())
    portfolio = tuple(
        PortfolioEntry(title=row.title, result=row.result, url=row.url, kind=row.kind)
        for row in portfolio_items() if row.included
    )
    values = profile.as_dict()
    return SummaryDocument(skills=skills, portfolio=portfolio, **values)


#: The parts a summary needs before it goes to anyone, in the order of the form: a page
#: without them reads as unfinished.
ESSENTIAL_PARTS = ("full_name", "narrative", "skills", "ask")


def missing_parts(doc: SummaryDocument) -> tuple[str, ...]:
    """The :data:`ESSENTIAL_PARTS` ``doc`` lacks (text that is only blank counts as none)."""
    present = {
        "full_name": bool(doc.full_name.strip()),
        "narrative": bool(doc.narrative.strip()),
        "skills": any(s.strip() for s in doc.skills),
        "ask": bool(doc.ask.strip()),
    }
    return tuple(part for part in ESSENTIAL_PARTS if not present[part])
