"""The network: contacts, their tags and paths, who introduced whom, and check-ins.

Every function returns plain values. :func:`list_contacts` reads any number of contacts with
one query (their introducer's name, tags, paths and interview counts included), never one per
row; :func:`contact_records` gives the same rows as SQLite returns them, for a list that makes
a :class:`ContactRow` only of the contacts it shows in detail. :func:`update_contact` is the
``save`` function of the Network tab's detail editor: one field at a time, validated, with a
message for the field on bad input.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable, Iterable

import peewee as pw

from careerpivot.core import checkins, clock, vocab
from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    clean_bool,
    clean_email,
    clean_line,
    clean_phone,
    clean_text,
    clean_url,
    name_key,
    parse_date,
)
from careerpivot.services import workspace
from careerpivot.services._base import (
    delete_with_snapshot,
    fetch_tuples,
    get_or_fail,
    link_rows,
    utcnow,
    write,
)
from careerpivot.services._base import stored_date as _date
from careerpivot.store.models import (
    Contact,
    ContactPath,
    ContactTag,
    Interview,
    Introduction,
    Milestone,
    Path,
    Tag,
)

Snapshot = workspace.Snapshot

#: Longest tag name.
MAX_TAG = 100
#: Most tags on one contact.
MAX_TAGS = 50
#: Longest "how we met" text.
MAX_HOW_MET = 2000
#: Where a contact came from.
SOURCES = ("manual", "linkedin", "vcard", "csv", "interview", "json", "demo")


# --- rows ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    organization: str
    role: str
    level: str
    email: str
    phone: str
    url: str
    how_met: str
    introduced_by_id: int | None
    introduced_by_name: str
    stage: str
    cadence_days: int
    last_contact: _dt.date | None
    next_checkin: _dt.date | None
    notes: str
    tags: tuple[str, ...]
    path_ids: tuple[int, ...]
    path_titles: tuple[str, ...]
    archived: bool
    interview_count: int


@dataclasses.dataclass(frozen=True)
class ContactChoice:
    """A contact for pickers (introduced by, milestone partner, interviewee)."""

    id: int
    name: str
    organization: str


@dataclasses.dataclass(frozen=True)
class PathChoice:
    id: int
    title: str


@dataclasses.dataclass(frozen=True)
class DeleteImpact:
    """What deleting contacts takes with it (for the confirmation)."""

    contacts: int
    #: Conversations with them, deleted with their answers, evidence and skill mentions.
    interviews: int
    #: People they introduced: those stay, their "introduced by" is cleared.
    introduced: int
    #: Milestones that name them as accountability partner: those stay, the partner is cleared.
    milestones: int
    #: Times they were introduced to the user during someone's interview (those links go).
    introductions: int


# --- validation ------------------------------------------------------------------------------


def _clean_cadence(value: object) -> int:
    try:
        days = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError("cadence_days", "Choose one of the check-in intervals.") from None
    if days not in vocab.CADENCES:
        raise ValidationError("cadence_days", "Choose one of the check-in intervals.")
    return days


def _clean_last_contact(value: object) -> _dt.date | None:
    date = parse_date("last_contact", value)
    if date is not None and date > clock.today():
        raise ValidationError("last_contact",
                              "The last contact cannot be in the future.")
    return date


def _clean_choice(field: str, value: object, choices: dict) -> str:
    return check_choice(field, "" if value is None else str(value).strip(), choices)


#: Plain column validators: value -> cleaned value.
_FIELDS: dict[str, Callable[[object], object]] = {
    "name": lambda v: clean_line("name", v, required=True),
    "organization": lambda v: clean_line("organization", v),
    "role": lambda v: clean_line("role", v),
    "level": lambda v: _clean_choice("level", v, vocab.LEVELS),
    "email": lambda v: clean_email("email", v),
    "phone": lambda v: clean_phone("phone", v),
    "url": lambda v: clean_url("url", v),
    "how_met": lambda v: clean_text("how_met", v, max_len=MAX_HOW_MET),
    "stage": lambda v: _clean_choice("stage", v, vocab.STAGES),
    "cadence_days": _clean_cadence,
    "last_contact": _clean_last_contact,
    "notes": lambda v: clean_text("notes", v),
    "archived": lambda v: clean_bool("archived", v),
    "source": lambda v: _clean_choice("source", v or "manual", dict.fromkeys(SOURCES)),
}

#: Fields of :func:`create_contact` beyond the plain columns.
_LINK_FIELDS = ("introduced_by", "tags", "path_ids")


def _introducer_ref(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError("introduced_by", "Choose a person from your network.")
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("introduced_by", "Choose a person from your network.") from None


def _check_introducer(contact_id: int | None, introducer: int | None) -> None:
    """The introducer exists, is not the contact, and no chain of introductions loops back
    to the contact. Call inside the write transaction."""
    if introducer is None:
        return
    if introducer == contact_id:
        raise ValidationError("introduced_by", "A person cannot have introduced themselves.")
    parents = dict(Contact.select(Contact.id, Contact.introduced_by).tuples())
    if introducer not in parents:
        raise ValidationError("introduced_by", "This person is no longer in your network.")
    if contact_id is None:
        return
    seen: set[int] = set()
    current: int | None = introducer
    while current is not None and current not in seen:
        if current == contact_id:
            raise ValidationError(
                "introduced_by",
                "This would make a circle: this person (or someone they introduced) "
                "introduced them.")
        seen.add(current)
        current = parents.get(current)


def _split_tags(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts: Iterable[object] = value.replace(";", ",").replace("\n", ",").split(",")
    else:
        parts = value  # type: ignore[assignment]
    names: dict[str, str] = {}
    for part in parts:
        name = clean_line("tags", part, max_len=MAX_TAG)
        if name:
            names.setdefault(name_key(name), name)
    if len(names) > MAX_TAGS:
        raise ValidationError("tags", f"A contact can have at most {MAX_TAGS} tags.")
    return list(names.values())


def _path_refs(value: object) -> list[int]:
    if value is None:
        return []
    try:
        ids = list(dict.fromkeys(int(v) for v in value))  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise ValidationError("paths", "Choose paths from the list.") from None
    return ids


def validate_contact(**fields: object) -> dict[str, object]:
    """Clean the fields of a new contact as :func:`create_contact` would; raises
    ValidationError for the first bad field. Used by the Add dialog before it closes.

    The introducer's existence is checked by :func:`create_contact` itself."""
    unknown = set(fields) - set(_FIELDS) - set(_LINK_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "This field cannot be set here.")
    if "name" not in fields:
        raise ValidationError("name", "This field is required.")
    cleaned: dict[str, object] = {}
    for field, value in fields.items():
        if field == "introduced_by":
            cleaned[field] = _introducer_ref(value)
        elif field == "tags":
            cleaned[field] = _split_tags(value)
        elif field == "path_ids":
            cleaned[field] = _path_refs(value)
        else:
            cleaned[field] = _FIELDS[field](value)
    return cleaned


# --- reading ---------------------------------------------------------------------------------


#: Separators inside a record's tags and paths texts. Both are whitespace, which tag names and
#: path titles never hold (``clean_line`` folds it), so they cannot occur inside a value.
_SEP, _PART = "\x1f", "\x1e"

#: The fields of a contact *record*, in order: one row of the one query that reads contacts
#: (:func:`contact_records`) as SQLite returns it. ``last_contact`` is ISO text or None,
#: ``archived`` 0 or 1, ``tags`` the tag names joined by ``\x1f`` (or None), ``paths`` the linked
#: paths as ``position\x1eid\x1etitle`` joined by ``\x1f`` (or None), ``interview_count`` a number.
#: :func:`contact_row` makes the :class:`ContactRow` of a record.
RECORD_FIELDS = (
    "id", "name", "organization", "role", "level", "email", "phone", "url", "how_met",
    "introduced_by_id", "introduced_by_name", "stage", "cadence_days", "last_contact", "notes",
    "archived", "tags", "paths", "interview_count",
)
(R_ID, R_NAME, R_ORGANIZATION, R_ROLE, R_LEVEL, R_EMAIL, R_PHONE, R_URL, R_HOW_MET,
 R_INTRODUCER, R_INTRODUCER_NAME, R_STAGE, R_CADENCE, R_LAST_CONTACT, R_NOTES, R_ARCHIVED,
 R_TAGS, R_PATHS, R_INTERVIEWS) = range(len(RECORD_FIELDS))


def record_query() -> pw.ModelSelect:
    """Contacts with everything a :class:`ContactRow` holds, in one statement: the
    introducer's name by a join, the tags, linked paths and number of interviews by
    correlated sub-selects that SQLite answers from the link tables' indexes."""
    introducer = Contact.alias("introducer")
    tags = (ContactTag.select(pw.fn.group_concat(Tag.name, _SEP)).join(Tag)
            .where(ContactTag.contact == Contact.id))
    linked = (ContactPath.select(pw.fn.group_concat(
        pw.fn.printf(f"%d{_PART}%d{_PART}%s", Path.position, Path.id, Path.title), _SEP))
        .join(Path).where(ContactPath.contact == Contact.id))
    interviews = (Interview.select(pw.fn.COUNT(pw.SQL("*")))
                  .where(Interview.contact == Contact.id))
    return (
        Contact.select(  # (the text columns are NOT NULL)
            Contact.id, Contact.name, Contact.organization, Contact.role, Contact.level,
            Contact.email, Contact.phone, Contact.url, Contact.how_met, Contact.introduced_by,
            pw.fn.COALESCE(introducer.name, ""), Contact.stage, Contact.cadence_days,
            Contact.last_contact, Contact.notes, Contact.archived, tags, linked, interviews,
        )
        .join(introducer, pw.JOIN.LEFT_OUTER, on=(Contact.introduced_by == introducer.id))
    )


def contact_records(include_archived: bool = False) -> list[tuple]:
    """Every contact as a record (see :data:`RECORD_FIELDS`), in no particular order: one
    query, and no work per contact in Python. For lists that sort themselves and build a
    :class:`ContactRow` (:func:`contact_row`) only for the contacts they need one of."""
    query = record_query()
    if not include_archived:
        query = query.where(Contact.archived == False)  # noqa: E712
    return fetch_tuples(query)


def tag_names(text: str | None) -> tuple[str, ...]:
    """The tags of a record's ``tags`` text, in alphabetical order (by :func:`name_key`)."""
    if not text:
        return ()
    names = text.split(_SEP)
    return tuple(sorted(names, key=name_key)) if len(names) > 1 else tuple(names)


def linked_paths(text: str | None) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The ids and titles of a record's ``paths`` text, in the user's order of paths."""
    if not text:
        return (), ()
    linked = []
    for part in text.split(_SEP):
        position, path_id, title = part.split(_PART, 2)
        linked.append((int(position), int(path_id), title))
    linked.sort()
    return tuple(p[1] for p in linked), tuple(p[2] for p in linked)


def contact_row(record: tuple) -> ContactRow:
    """The :class:`ContactRow` of a contact record."""
    (cid, name, org, role, level, email, phone, url, how_met, intro_id, intro_name, stage,
     cadence, last, notes, archived, tags, linked, count) = record
    last_date = _date(last)
    cadence = int(cadence or 0)
    path_ids, path_titles = linked_paths(linked)
    return ContactRow(
        id=cid, name=name, organization=org, role=role, level=level, email=email,
        phone=phone, url=url, how_met=how_met, introduced_by_id=intro_id,
        introduced_by_name=intro_name, stage=stage, cadence_days=cadence,
        last_contact=last_date, next_checkin=checkins.next_checkin(last_date, cadence),
        notes=notes, tags=tag_names(tags), path_ids=path_ids, path_titles=path_titles,
        archived=bool(archived), interview_count=int(count or 0),
    )


def contact_record(row: ContactRow) -> tuple:
    """The record of a :class:`ContactRow` (the inverse of :func:`contact_row`; the paths'
    positions are their places in the row)."""
    linked = _SEP.join(f"{i}{_PART}{pid}{_PART}{title}" for i, (pid, title)
                       in enumerate(zip(row.path_ids, row.path_titles, strict=True)))
    return (
        row.id, row.name, row.organization, row.role, row.level, row.email, row.phone,
        row.url, row.how_met, row.introduced_by_id, row.introduced_by_name, row.stage,
        row.cadence_days, row.last_contact.isoformat() if row.last_contact else None,
        row.notes, int(row.archived), _SEP.join(row.tags) or None, linked or None,
        row.interview_count,
    )


def _read(where: pw.Expression | None) -> list[ContactRow]:
    """Contacts matching ``where`` with their links, by name: one query whatever their
    number."""
    query = record_query().order_by(Contact.name, Contact.id)
    if where is not None:
        query = query.where(where)
    return [contact_row(r) for r in fetch_tuples(query)]


def list_contacts(include_archived: bool = False) -> list[ContactRow]:
    """Every contact (archived ones only when asked), ordered by name."""
    return _read(None if include_archived else (Contact.archived == False))  # noqa: E712


def get_contact(contact_id: int) -> ContactRow:
    rows = _read(Contact.id == contact_id)
    if not rows:
        raise NotFoundError("This contact no longer exists (it may have been deleted).")
    return rows[0]


def contact_choices(include_archived: bool = False) -> list[ContactChoice]:
    """(id, name, organization) of every contact, for pickers, ordered by name."""
    query = Contact.select(Contact.id, Contact.name, Contact.organization)
    if not include_archived:
        query = query.where(Contact.archived == False)  # noqa: E712
    rows = [ContactChoice(i, n, o or "") for i, n, o in fetch_tuples(query)]
    org_keys: dict[str, str] = {}  # many contacts share an organization: fold it once

    def key(c: ContactChoice) -> tuple[str, str, int]:
        org = org_keys.get(c.organization)
        if org is None:
            org = org_keys[c.organization] = name_key(c.organization)
        return name_key(c.name), org, c.id

    rows.sort(key=key)
    return rows


def list_tags() -> list[str]:
    """The tags in use on current (not archived) contacts, in alphabetical order."""
    query = (Tag.select(Tag.name).join(ContactTag).join(Contact)
             .where(Contact.archived == False)  # noqa: E712
             .distinct())
    return sorted((r[0] for r in query.tuples()), key=name_key)


def list_path_choices() -> list[PathChoice]:
    """The target paths, in the user's order, for the path filter and the editor."""
    query = Path.select(Path.id, Path.title).order_by(Path.position, Path.id)
    return [PathChoice(i, t) for i, t in query.tuples()]


def find_duplicates(name: str, organization: str = "", *,
                    exclude_id: int | None = None) -> list[ContactChoice]:
    """Contacts with the same name (same :func:`name_key`); those at the same organization
    first. Duplicate names are allowed: this only lets the UI warn."""
    key = name_key(name or "")
    if not key:
        return []
    org_key = name_key(organization or "")
    found = [
        ContactChoice(i, n, o or "")
        for i, n, o in Contact.select(Contact.id, Contact.name, Contact.organization).tuples()
        if i != exclude_id and name_key(n) == key
    ]
    found.sort(key=lambda c: (name_key(c.organization) != org_key, c.id))
    return found


def checkins_due(today: _dt.date | None = None, *, within_days: int = 0) -> list[ContactRow]:
    """Current contacts whose check-in is due or overdue (or, with ``within_days``, falls
    within that many days), most urgent first. People with a cadence who were never
    contacted count as due today (see ``core.checkins``)."""
    today = today or clock.today()
    horizon = today + _dt.timedelta(days=max(0, within_days))
    due = []
    for row in list_contacts():
        if row.cadence_days <= 0:
            continue
        when = row.next_checkin or today
        if when <= horizon:
            due.append((when, name_key(row.name), row.id, row))
    due.sort(key=lambda t: t[:3])
    return [t[3] for t in due]


# --- writing ---------------------------------------------------------------------------------


def _replace_tags(contact_id: int, names: list[str]) -> None:
    """Link exactly ``names`` (cleaned); tags are found or created by name_key."""
    keys = {name_key(n): n for n in names}
    existing: dict[str, int] = {}
    if keys:
        existing = dict(Tag.select(Tag.key, Tag.id).where(Tag.key.in_(list(keys))).tuples())
    for key, name in keys.items():
        if key not in existing:
            existing[key] = Tag.insert(name=name, key=key).execute()
    ContactTag.delete().where(ContactTag.contact == contact_id).execute()
    if keys:
        ContactTag.insert_many(
            [{"contact": contact_id, "tag": existing[k]} for k in keys]
        ).execute()


def _replace_paths(contact_id: int, path_ids: list[int]) -> None:
    link_rows(ContactPath, "contact", contact_id, "path", Path, path_ids, field="paths",
              missing="One of these paths no longer exists.", replace=True)


def create_contact(**fields: object) -> int:
    """A new contact; ``name`` is required. Accepts the columns of :data:`_FIELDS` plus
    ``introduced_by`` (an id or None), ``tags`` (names, or comma-separated text) and
    ``path_ids``. Returns the new id."""
    cleaned = validate_contact(**fields)
    introducer = cleaned.pop("introduced_by", None)
    tags = cleaned.pop("tags", [])
    path_ids = cleaned.pop("path_ids", [])
    with write():
        _check_introducer(None, introducer)  # type: ignore[arg-type]
        now = utcnow()
        contact_id = int(Contact.insert(introduced_by=introducer, created_at=now,
                                        updated_at=now, **cleaned).execute())
        _replace_tags(contact_id, tags)  # type: ignore[arg-type]
        _replace_paths(contact_id, path_ids)  # type: ignore[arg-type]
    workspace.mark_changed()
    return contact_id


def update_contact(contact_id: int, field: str, value: object) -> None:
    """Change one field of a contact (the detail editor's save function).

    Fields: the columns of :data:`_FIELDS`, ``introduced_by`` (an id or None; not the
    contact itself, no circle of introductions), ``tags`` (names or comma-separated text)
    and ``paths``/``path_ids`` (ids). Raises ValidationError(field, message) on bad input.
    """
    if field == "tags":
        set_tags(contact_id, value)  # type: ignore[arg-type]
        return
    if field in ("paths", "path_ids"):
        set_paths(contact_id, value)  # type: ignore[arg-type]
        return
    if field == "introduced_by":
        introducer = _introducer_ref(value)
        with write():
            get_or_fail(Contact, contact_id, "contact")
            _check_introducer(contact_id, introducer)
            Contact.update(introduced_by=introducer, updated_at=utcnow()).where(
                Contact.id == contact_id).execute()
        workspace.mark_changed()
        return
    validate = _FIELDS.get(field)
    if validate is None or field == "source":
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    with write():
        get_or_fail(Contact, contact_id, "contact")
        Contact.update({field: cleaned, "updated_at": utcnow()}).where(
            Contact.id == contact_id).execute()
    workspace.mark_changed()


def set_tags(contact_id: int, names: Iterable[str] | str | None) -> None:
    """Give a contact exactly these tags. "Fintech" and " fintech " are one tag (the
    spelling used first is kept)."""
    cleaned = _split_tags(names)
    with write():
        get_or_fail(Contact, contact_id, "contact")
        _replace_tags(contact_id, cleaned)
        Contact.update(updated_at=utcnow()).where(Contact.id == contact_id).execute()
    workspace.mark_changed()


def set_paths(contact_id: int, path_ids: Iterable[int] | None) -> None:
    """Link a contact to exactly these target paths."""
    ids = _path_refs(path_ids)
    with write():
        get_or_fail(Contact, contact_id, "contact")
        _replace_paths(contact_id, ids)
        Contact.update(updated_at=utcnow()).where(Contact.id == contact_id).execute()
    workspace.mark_changed()


def record_contact(contact_id: int, when: _dt.date | str | None = None) -> None:
    """Log a conversation on ``when`` (default today): the last contact moves forward, never
    back (``core.checkins.later_contact``)."""
    date = _clean_last_contact(when or clock.today())
    with write():
        row = get_or_fail(Contact, contact_id, "contact")
        new = checkins.later_contact(_date(row.last_contact), date)
        if new != _date(row.last_contact):
            Contact.update(last_contact=new, updated_at=utcnow()).where(
                Contact.id == contact_id).execute()
    workspace.mark_changed()


def delete_impact(ids: Iterable[int]) -> DeleteImpact:
    """What :func:`delete_contacts` would take with it, for the confirmation."""
    id_list = list(dict.fromkeys(int(i) for i in ids))
    if not id_list:
        return DeleteImpact(0, 0, 0, 0, 0)
    id_set = set(id_list)
    contacts = Contact.select().where(Contact.id.in_(id_list)).count()
    interviews = Interview.select().where(Interview.contact.in_(id_list)).count()
    introduced = sum(
        1 for (child_id,) in Contact.select(Contact.id)
        .where(Contact.introduced_by.in_(id_list)).tuples()
        if child_id not in id_set
    )
    milestones = Milestone.select().where(Milestone.partner.in_(id_list)).count()
    introductions = Introduction.select().where(Introduction.contact.in_(id_list)).count()
    return DeleteImpact(contacts, interviews, introduced, milestones, introductions)


def delete_contacts(ids: Iterable[int]) -> Snapshot:
    """Delete contacts with their interviews (and the interviews' answers, evidence and skill
    mentions), tags and path links. People they introduced, milestones they partner and log
    entries stay, unlinked. Undo with ``workspace.restore_snapshot``."""
    id_list = list(dict.fromkeys(int(i) for i in ids))
    existing = [r[0] for r in Contact.select(Contact.id).where(Contact.id.in_(id_list)).tuples()]
    if not existing:
        raise NotFoundError("These contacts no longer exist (they may have been deleted).")
    return delete_with_snapshot(Contact, existing, "contacts")
