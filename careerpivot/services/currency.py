"""The workspace's currency: the ISO 4217 code every amount of money in it is counted in.

Kept in the workspace (one ``Setting`` row, :data:`CURRENCY_KEY`), so it travels with the
file and its full export. A new workspace takes the currency of the user's locale: the UI
knows the locale and passes its code to :func:`keep_default` when a workspace opens without
one (a workspace made before currencies were kept takes it at its first opening). The user
changes it with :func:`set_currency`. The documents get their amounts already written
(:func:`format_money`): the reports know no locale.
"""

from __future__ import annotations

from careerpivot.core import money
from careerpivot.core.validation import ValidationError
from careerpivot.services import workspace
from careerpivot.services._base import write
from careerpivot.store.models import Setting

#: The Setting that holds the workspace's currency code.
CURRENCY_KEY = "currency"


def currency_code() -> str:
    """The workspace's currency code ("" when none was kept yet)."""
    row = (Setting.select(Setting.value).where(Setting.key == CURRENCY_KEY).tuples().first())
    return money.clean_code(row[0]) if row else ""


def set_currency(code: object) -> str:
    """Keep ``code`` ("eur" is "EUR") as the workspace's currency; returns it."""
    cleaned = money.clean_code(code)
    if not cleaned:
        raise ValidationError("currency", "A currency is written as its three-letter code, "
                                          "such as EUR, GBP or USD.")
    with write():
        Setting.replace(key=CURRENCY_KEY, value=cleaned).execute()
    workspace.mark_changed()
    return cleaned


def keep_default(code: object) -> str:
    """The workspace's currency; when it has none yet, ``code`` (the locale's) is kept as it.
    Nothing is written to a read-only workspace or for a code that is not one."""
    current = currency_code()
    cleaned = money.clean_code(code)
    if current or not cleaned or workspace.is_read_only():
        return current or cleaned
    with write():
        Setting.insert(key=CURRENCY_KEY, value=cleaned).on_conflict_ignore().execute()
    return currency_code()


def format_money(amount: float, code: str | None = None) -> str:
    """``amount`` in the workspace's currency (or ``code``), as the documents print it."""
    return money.format_amount(amount, currency_code() if code is None else code)
