"""LinkedIn's ``Connections.csv``, from its "Get a copy of your data" export.

The header is ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``. Current
exports put a few lines before it (a ``Notes:`` line, a quoted sentence about missing e-mail
addresses, a blank line); older ones do not, so the header is searched for instead of skipping
a fixed number of lines. Expect a byte-order mark, quoted commas, mostly empty e-mails, blank
rows, and dates such as ``15 Jan 2024`` or, after a spreadsheet re-saved the file, ``7-Feb-22``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from careerpivot.core.errors import ImportFileError
from careerpivot.formats.common import ContactRecord, decode_text, split_lines
from careerpivot.formats.csvfiles import header_key, read_rows, sniff_delimiter, unneutralise

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
          "Connected On")
_KEYS = {header_key(h): h for h in HEADER}
#: Records searched for the header before the file is declared not to be a LinkedIn export.
_HEADER_SEARCH = 30

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    start=1)}


def parse_connected_on(text: str) -> _dt.date | None:
    """``15 Jan 2024``, ``7-Feb-22``, ``07 Feb 2022``, ``2024-01-15``; None when not a date.

    Month names are matched in English by hand: ``strptime("%b")`` follows the process locale,
    which Qt sets from the user's environment.
    """
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})[\s\-/.]+([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{2}|\d{4})", text)
    if m:
        day, month_name, year_text = m.groups()
        month = _MONTHS.get(month_name[:3].casefold())
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year < 70 else 1900
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not m:
            m2 = re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", text)
            if not m2:
                return None
            month = _MONTHS.get(m2.group(1)[:3].casefold())
            day, year = m2.group(2), int(m2.group(3))
        else:
            year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    if month is None:
        return None
    try:
        return _dt.date(year, month, int(day))
    except ValueError:
        return None


def _is_header(cells: list[str]) -> bool:
    keys = {header_key(c) for c in cells}
    return {"firstname", "lastname"} <= keys and bool({"url", "company", "position"} & keys)


def looks_like_connections(text: str) -> bool:
    """True when the LinkedIn header is among the first lines of ``text``."""
    for raw in split_lines(text)[:_HEADER_SEARCH]:
        keys = {header_key(c) for c in re.split(r"[,;\t]", raw.strip().lstrip("\ufeff"))}
        if {"firstname", "lastname", "url", "connectedon"} <= keys:
            return True
    return False


def _getter(columns: dict[str, int], cells: list[str]) -> Callable[[str], str]:
    def get(name: str) -> str:
        i = columns.get(name)
        return unneutralise(cells[i].strip()) if i is not None and i < len(cells) else ""
    return get


def parse_connections(data: bytes | str,
                      progress: Callable[[int, int], None] | None = None
                      ) -> list[ContactRecord]:
    """Every connection of the file as a contact record (blank rows left out). Raises
    ImportFileError when the file is not text, not CSV or has no LinkedIn header."""
    text = decode_text(data, what="This LinkedIn file") if isinstance(data, bytes) else data
    header_text = next((ln for ln in split_lines(text)
                        if {"firstname", "lastname"} <= {header_key(c) for c in
                                                         re.split(r"[,;\t]", ln)}), "")
    delimiter = sniff_delimiter(header_text) if header_text else ","
    columns: dict[str, int] | None = None
    width = 0
    records: list[ContactRecord] = []
    total = max(text.count("\n"), 1)
    for line, cells in read_rows(text, delimiter):
        if columns is None:
            if _is_header([c.strip().lstrip("\ufeff") for c in cells]):
                keys = [header_key(c.strip().lstrip("\ufeff")) for c in cells]
                columns = {_KEYS[k]: i for i, k in enumerate(keys) if k in _KEYS}
                width = len(cells)
            elif line > _HEADER_SEARCH * 4:
                break
            continue
        if progress is not None and len(records) % 500 == 499:
            progress(line, total)
        if not any(c.strip() for c in cells):
            continue
        get = _getter(columns, cells)
        first, last = get("First Name"), get("Last Name")
        name = " ".join(p for p in (first, last) if p)
        raw_date = get("Connected On")
        connected = parse_connected_on(raw_date) if raw_date else None
        warnings: tuple[str, ...] = ()
        if raw_date and connected is None:
            warnings = (f"the date {raw_date!r} was not recognised and was left out",)
        problem = skip = ""
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            problem = (f"this row has {len(cells)} cells but the header has {width}: a comma "
                       "inside a cell may be missing its quotes")
        elif not name:
            skip = "no name (LinkedIn leaves it out for members who hide it)"
        records.append(ContactRecord(
            line=line,
            name=name,
            organization=get("Company"),
            role=get("Position"),
            emails=(get("Email Address"),) if get("Email Address") else (),
            urls=(get("URL"),) if get("URL") else (),
            how_met="LinkedIn",
            connected_on=connected,
            warnings=warnings,
            problem=problem,
            skip=skip,
        ))
    if columns is None:
        raise ImportFileError(
            "This is not LinkedIn's Connections.csv: its header (First Name, Last Name, URL, "
            "Email Address, Company, Position, Connected On) was not found. To import another "
            "CSV file, choose it with the column mapping.")
    return records
