"""Planning an import of contacts, without writing anything: each record validated and
matched against the network (and the records before it in the same file).

A record matches an existing contact by profile address, then e-mail, then name and
organization together (each compared after normalising: case, spacing, ``www.``, trailing
slashes). A match fills the contact's empty fields and takes the file's organization and role
when they differ (the file is the newer source); the name, notes and anything the user typed
are never overwritten. Records that match one already seen in the same file are skipped.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

from careerpivot.core.validation import ValidationError, name_key
from careerpivot.formats.common import ContactRecord
from careerpivot.services import network
from careerpivot.services.export_common import Progress
from careerpivot.store.models import Contact, ContactTag, Tag

_FIELD_LABELS = {
    "name": "name", "organization": "organization", "role": "role", "email": "e-mail",
    "phone": "phone", "url": "profile address", "how_met": "how we met", "notes": "notes",
    "tags": "tags",
}
#: Fields a match may fill when empty, and those the file's value replaces.
_FILL = ("email", "phone", "url", "how_met", "notes")
_REPLACE = ("organization", "role")
#: The values of a preview's item (a preview is shown, not written: one shared empty map).
_NO_VALUES: Mapping[str, object] = types.MappingProxyType({})


@dataclasses.dataclass(frozen=True, slots=True)
class PlannedContact:
    line: int
    action: str  # "add", "update" or "skip"
    name: str
    organization: str
    contact_id: int | None = None  # the contact updated, or the one a skip refers to
    #: For an update: (field, old value, new value).
    changes: tuple[tuple[str, str, str], ...] = ()
    reason: str = ""  # why it matched, or why it is skipped
    problem: bool = False  # skipped because the record is not valid
    warnings: tuple[str, ...] = ()
    values: Mapping[str, object] = dataclasses.field(default_factory=dict, compare=False,
                                                     repr=False)
    tags: tuple[str, ...] = ()



def normalise_url(url: str) -> str:
    """A profile address reduced for comparison: no scheme, ``www.`` or country prefix of
    LinkedIn, query, fragment or trailing slash; lower case."""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text.casefold()
    host = (parts.hostname or "").casefold()
    host = host.removeprefix("www.")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    return (host + parts.path.rstrip("/")).casefold()


def _first_valid(field: str, values: Iterable[str]) -> tuple[str, list[str], str]:
    """The first value of a multi-valued field that validates, the other valid ones, and the
    message of the first invalid one when none validate."""
    chosen, others, error = "", [], ""
    for value in values:
        try:
            cleaned = str(network.validate_contact(name="x", **{field: value})[field])
        except ValidationError as exc:
            error = error or f"{_FIELD_LABELS[field]} {value[:80]!r}: {exc.message}"
            continue
        if not cleaned:
            continue
        if not chosen:
            chosen = cleaned
        elif cleaned not in others and cleaned != chosen:
            others.append(cleaned)
    return chosen, others, error if not chosen else ""


def _validate(record: ContactRecord, kind: str) -> tuple[dict, list[str]]:
    """The cleaned column values (and tags) of a record; raises ValidationError."""
    email, other_emails, email_error = _first_valid("email", record.emails)
    phone, other_phones, phone_error = _first_valid("phone", record.phones)
    url, other_urls, url_error = _first_valid("url", record.urls)
    for error in (email_error, phone_error, url_error):
        if error:
            raise ValidationError("", error)
    how_met = record.how_met
    if kind == "linkedin" and record.connected_on is not None:
        how_met = f"LinkedIn (connected {record.connected_on.isoformat()})"
    notes = record.notes
    extra = [f"Other e-mail: {e}" for e in other_emails]
    extra += [f"Other phone: {p}" for p in other_phones]
    extra += [f"Other address: {u}" for u in other_urls]
    if extra:
        notes = (notes + "\n\n" if notes else "") + "\n".join(extra)
    cleaned = network.validate_contact(
        name=record.name, organization=record.organization, role=record.role, email=email,
        phone=phone, url=url, how_met=how_met, notes=notes, tags=list(record.tags),
        source=kind,
    )
    tags = list(cleaned.pop("tags", []))  # type: ignore[arg-type]
    return cleaned, tags


def _name_org(name: str, organization: str) -> str:
    """The key of a name and organization together, as one string (one object a contact).
    ``name_key`` splits at whitespace, U+001F included, so no key holds the separator."""
    return name_key(name) + "\x1f" + name_key(organization)


class _Index:
    """The match keys of every contact (existing, and planned in this import)."""

    def __init__(self) -> None:
        self.rows: dict[int, dict] = {}
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        #: existing contact id -> the line of the file that matched it (a contact planned
        #: in this import has for key minus its line)
        self.claimed: dict[int, int] = {}

    def add(self, key: int, row: dict, *, keep: bool = True) -> None:
        if keep:
            self.rows[key] = row
        url = normalise_url(row.get("url", ""))
        if url:
            self.by_url.setdefault(url, key)
        email = row.get("email", "").casefold()
        if email:
            self.by_email.setdefault(email, key)
        self.by_name.setdefault(_name_org(row["name"], row.get("organization", "")), key)

    def claimed_line(self, key: int) -> int | None:
        """The line of this file that matched (or planned) the contact ``key``, if any."""
        return -key if key < 0 else self.claimed.get(key)

    def match(self, values: dict) -> tuple[int | None, str]:
        url = normalise_url(str(values.get("url", "")))
        if url and url in self.by_url:
            return self.by_url[url], "same profile address"
        email = str(values.get("email", "")).casefold()
        if email and email in self.by_email:
            return self.by_email[email], "same e-mail"
        key = _name_org(str(values["name"]), str(values.get("organization", "")))
        if key in self.by_name:
            return self.by_name[key], "same name and organization"
        return None, ""


_CONTACT_COLUMNS = ("id", "name", "organization", "role", "email", "phone", "url", "how_met",
                    "notes")
#: The columns a record is matched by.
_MATCH_COLUMNS = ("name", "organization", "email", "url")


def _existing_index() -> _Index:
    index = _Index()
    fields = [getattr(Contact, c) for c in _CONTACT_COLUMNS]
    for row in Contact.select(*fields).order_by(Contact.id).tuples():
        data = {c: (v if v is not None else "") for c, v in zip(_CONTACT_COLUMNS, row,
                                                                 strict=True)}
        index.add(data["id"], data)
    return index


def _existing_tags() -> dict[int, set[str]]:
    tags: dict[int, set[str]] = {}
    for contact_id, key in ContactTag.select(ContactTag.contact, Tag.key).join(Tag).tuples():
        tags.setdefault(contact_id, set()).add(key)
    return tags


def plan_records(records: Iterable[ContactRecord], kind: str, progress: Progress | None,
          base: int, total: int, *, keep_values: bool = True) -> Iterator[PlannedContact]:
    """The planned action of each record, one at a time (each record is read once, as it
    comes). ``keep_values``: False for a preview, whose items are shown and not written
    (what apply writes it plans again)."""
    index = _existing_index()
    tag_keys = _existing_tags()
    for n, record in enumerate(records, start=1):
        if progress is not None and n % 250 == 0:
            progress(base + n, base + total, "Comparing with your network…")
        name = record.name.strip()
        organization = record.organization.strip()
        if record.problem or record.skip:
            reason = record.problem or record.skip
            yield PlannedContact(record.line, "skip", name[:200], organization[:200],
                                 reason=reason[:1].upper() + reason[1:],
                                 problem=bool(record.problem), warnings=record.warnings)
            continue
        try:
            values, tags = _validate(record, kind)
        except ValidationError as exc:
            label = _FIELD_LABELS.get(exc.field, exc.field)
            reason = f"{label.capitalize()}: {exc.message}" if label else exc.message
            yield PlannedContact(record.line, "skip", name[:200], organization[:200],
                                 reason=reason[:1].upper() + reason[1:], problem=True,
                                 warnings=record.warnings)
            continue
        name, organization = str(values["name"]), str(values["organization"])
        found, why = index.match(values)
        if found is not None and (seen := index.claimed_line(found)) is not None:
            yield PlannedContact(
                record.line, "skip", name, organization,
                contact_id=found if found > 0 else None,
                reason=f"The same person as line {seen} of this file ({why}).",
                warnings=record.warnings)
            continue
        if found is None:
            # Only its keys: a later record that matches it is skipped, never merged.
            index.add(-record.line, {k: str(values.get(k, "")) for k in _MATCH_COLUMNS},
                      keep=False)
            yield PlannedContact(record.line, "add", name, organization,
                                 warnings=record.warnings,
                                 values=values if keep_values else _NO_VALUES,
                                 tags=tuple(tags) if keep_values else ())
            continue
        index.claimed[found] = record.line
        old = index.rows[found]
        changes: list[tuple[str, str, str]] = []
        for field in _FILL:
            new = str(values.get(field, ""))
            if new and not old.get(field):
                changes.append((field, "", new))
        for field in _REPLACE:
            new = str(values.get(field, ""))
            if new and new != old.get(field, ""):
                changes.append((field, str(old.get(field, "")), new))
        known = tag_keys.get(found, set())
        new_tags = tuple(t for t in tags if name_key(t) not in known)
        if new_tags:
            changes.append(("tags", "", ", ".join(new_tags)))
        if not changes:
            yield PlannedContact(record.line, "skip", name, organization,
                                 contact_id=found,
                                 reason=f"Already in your network, up to date ({why}).",
                                 warnings=record.warnings)
            continue
        yield PlannedContact(record.line, "update", str(old["name"]),
                             str(old.get("organization", "")), contact_id=found,
                             changes=tuple(changes), reason=why.capitalize() + ".",
                             warnings=record.warnings,
                             values={f: new for f, _o, new in changes if f != "tags"},
                             tags=new_tags)
