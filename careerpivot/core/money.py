"""Amounts of money in the workspace's currency, written as the documents print them.

A currency is its ISO 4217 code ("EUR", "GBP", "USD"). :func:`format_amount` writes an amount
the English way the documents are written in: the symbol before the number where English has
one ("€1,200", "£19.50", "$40"), else the code ("CHF 250", "SEK 1,200"); whole amounts without
decimals, others with two (none for currencies without minor units, like the yen). Without a
currency the number stands alone.

Pure functions: no Qt, no database. The names in :data:`CURRENCIES` are display names for
the UI's list (context ``money``).
"""

from __future__ import annotations

import dataclasses
import math


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (see :mod:`careerpivot.core.vocab`)."""
    return text


@dataclasses.dataclass(frozen=True)
class Currency:
    code: str
    symbol: str  # as English writes it before an amount; the code when it has none
    name: str  # English display name (translated by the UI, context "money")
    decimals: int = 2


def _c(code: str, symbol: str, name: str, decimals: int = 2) -> tuple[str, Currency]:
    return code, Currency(code, symbol, name, decimals)


#: Currencies offered by name; any other well-formed code is accepted too.
CURRENCIES: dict[str, Currency] = dict((
    _c("EUR", "€", QT_TRANSLATE_NOOP("money", "Euro")),
    _c("USD", "$", QT_TRANSLATE_NOOP("money", "US dollar")),
    _c("GBP", "£", QT_TRANSLATE_NOOP("money", "British pound")),
    _c("CHF", "CHF", QT_TRANSLATE_NOOP("money", "Swiss franc")),
    _c("CAD", "CA$", QT_TRANSLATE_NOOP("money", "Canadian dollar")),
    _c("AUD", "A$", QT_TRANSLATE_NOOP("money", "Australian dollar")),
    _c("NZD", "NZ$", QT_TRANSLATE_NOOP("money", "New Zealand dollar")),
    _c("JPY", "¥", QT_TRANSLATE_NOOP("money", "Japanese yen"), 0),
    _c("CNY", "CN¥", QT_TRANSLATE_NOOP("money", "Chinese yuan")),
    _c("KRW", "₩", QT_TRANSLATE_NOOP("money", "South Korean won"), 0),
    _c("INR", "₹", QT_TRANSLATE_NOOP("money", "Indian rupee")),
    _c("SGD", "S$", QT_TRANSLATE_NOOP("money", "Singapore dollar")),
    _c("HKD", "HK$", QT_TRANSLATE_NOOP("money", "Hong Kong dollar")),
    _c("SEK", "SEK", QT_TRANSLATE_NOOP("money", "Swedish krona")),
    _c("NOK", "NOK", QT_TRANSLATE_NOOP("money", "Norwegian krone")),
    _c("DKK", "DKK", QT_TRANSLATE_NOOP("money", "Danish krone")),
    _c("PLN", "PLN", QT_TRANSLATE_NOOP("money", "Polish złoty")),
    _c("CZK", "CZK", QT_TRANSLATE_NOOP("money", "Czech koruna")),
    _c("HUF", "HUF", QT_TRANSLATE_NOOP("money", "Hungarian forint")),
    _c("BRL", "R$", QT_TRANSLATE_NOOP("money", "Brazilian real")),
    _c("MXN", "MX$", QT_TRANSLATE_NOOP("money", "Mexican peso")),
    _c("ZAR", "ZAR", QT_TRANSLATE_NOOP("money", "South African rand")),
    _c("ILS", "₪", QT_TRANSLATE_NOOP("money", "Israeli new shekel")),
    _c("TRY", "TRY", QT_TRANSLATE_NOOP("money", "Turkish lira")),
    _c("AED", "AED", QT_TRANSLATE_NOOP("money", "UAE dirham")),
    _c("NGN", "₦", QT_TRANSLATE_NOOP("money", "Nigerian naira")),
    _c("KES", "KES", QT_TRANSLATE_NOOP("money", "Kenyan shilling")),
    _c("PHP", "₱", QT_TRANSLATE_NOOP("money", "Philippine peso")),
    _c("TWD", "NT$", QT_TRANSLATE_NOOP("money", "New Taiwan dollar")),
    _c("UAH", "UAH", QT_TRANSLATE_NOOP("money", "Ukrainian hryvnia")),
))


def clean_code(value: object) -> str:
    """``value`` as a currency code ("eur " → "EUR"), or "" when it is not three letters."""
    code = str(value or "").strip().upper()
    return code if len(code) == 3 and code.isascii() and code.isalpha() else ""


def currency(code: str) -> Currency:
    """What is known of ``code``: a listed currency, or one written by its code."""
    found = CURRENCIES.get(code)
    return found if found is not None else Currency(code, code, code)


def format_amount(amount: float, code: str = "") -> str:
    """``amount`` written with ``code``'s symbol (see the module's docstring)."""
    if not math.isfinite(amount):
        return ""
    code = clean_code(code)
    info = currency(code) if code else Currency("", "", "")
    decimals = 0 if amount == int(amount) or info.decimals == 0 else info.decimals
    number = f"{abs(amount):,.{decimals}f}"
    sign = "−" if amount < 0 else ""
    if not code:
        return sign + number
    if info.symbol.isalpha():  # a code or a letter symbol: set apart by a no-break space
        return f"{sign}{info.symbol}\u00a0{number}"
    return f"{sign}{info.symbol}{number}"
