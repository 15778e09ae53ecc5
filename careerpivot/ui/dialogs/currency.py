"""The workspace's currency: the locale's for a new workspace, and a small dialog to change it.

Every amount of money in a workspace (what a milestone needs, in the Plan tab and the plan's
PDF) is in one currency, kept in the workspace (``services.currency``). The UI knows the
locale, so it gives a workspace that has none yet the locale's (:func:`keep_locale_currency`,
when a workspace opens); :class:`CurrencyDialog` lets the user choose another, from the plan
at a glance (:func:`glance_html`, :func:`change_currency`). The milestone editor writes its
amount with the currency (:func:`show_on_spin`).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from careerpivot.core import money
from careerpivot.core.errors import CareerPivotError
from careerpivot.core.validation import ValidationError
from careerpivot.services import currency
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.form_dialog import FormDialog

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


def locale_currency(locale: QLocale | None = None) -> str:
    """The ISO code of the locale's currency ("" when the locale has none, as for C)."""
    loc = locale or QLocale()
    return money.clean_code(loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode))


def keep_locale_currency(locale: QLocale | None = None) -> str:
    """Give the open workspace the locale's currency unless it has one; returns its currency
    ("" when neither has one). A workspace that cannot be written is left as it is."""
    try:
        return currency.keep_default(locale_currency(locale))
    except CareerPivotError:
        return currency.currency_code()


def currency_name(code: str) -> str:
    """ "Euro (EUR)", in the UI's language; the code alone for a currency not listed."""
    found = money.CURRENCIES.get(code)
    if found is None:
        return code
    return f"{translate('money', found.name)} ({code})"


class CurrencyDialog(FormDialog):
    def __init__(self, parent: QWidget | None, current: str) -> None:
        super().__init__(parent, self.tr("Currency"), self.tr(
            "Amounts of money in this workspace, such as what a milestone needs, are in this "
            "currency. Choose it from the list, or type its three-letter code."))
        self.setObjectName("currencyDialog")
        self.combo = QComboBox()
        self.combo.setObjectName("currencyCombo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        codes = sorted(money.CURRENCIES, key=lambda c: currency_name(c).casefold())
        if current and current not in money.CURRENCIES:
            codes.insert(0, current)
        for code in codes:
            self.combo.addItem(currency_name(code), code)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(max(0, index))
        self.add_row(self.tr("&Currency:"), "currency", self.combo)

    def values(self) -> dict[str, Any]:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        if index >= 0:
            return {"currency": self.combo.itemData(index)}
        # a typed code, alone or as "Name (CODE)"
        code = money.clean_code(text.rsplit("(", 1)[-1].rstrip(")"))
        if not code:
            raise ValidationError("currency", self.tr(
                "Choose a currency from the list, or type its three-letter code, such as "
                "EUR, GBP or USD."))
        return {"currency": code}

    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The chosen currency code, or None when cancelled."""
        values = cls(parent, current).run()
        return values["currency"] if values else None


# --- where the Plan tab shows it --------------------------------------------------------------

#: The link of the plan at a glance that opens the dialog.
CHANGE_LINK = "#currency"


def show_on_spin(spin: QAbstractSpinBox) -> None:
    """Write amounts in ``spin`` with the workspace's currency ("€ 19.00", "19.00 CHF")."""
    code = currency.currency_code()
    info = money.currency(code) if code else None
    symbol = info.symbol if info else ""
    spin.setPrefix("" if not symbol or symbol.isalpha() else symbol + "\u2009")
    spin.setSuffix(" " + symbol if symbol.isalpha() else "")


def glance_html(total: float) -> str:
    """The plan at a glance's line on money: what the milestones need in all, in the
    workspace's currency, with a link to change the currency."""
    code = currency.currency_code()
    needs = (translate("CurrencyDialog", "The milestones need {0} in all.").format(
        html.escape(money.format_amount(total, code))) if total
             else translate("CurrencyDialog", "No milestone needs money yet."))
    link = (translate("CurrencyDialog", "Currency: {0}…").format(html.escape(currency_name(code)))
            if code else translate("CurrencyDialog", "Choose the currency…"))
    return f"<p>{needs} <a href='{CHANGE_LINK}'>{link}</a></p>"


def change_currency(ctx: AppContext, parent: QWidget | None) -> bool:
    """Ask for the workspace's currency and keep it; True when it changed."""
    current = currency.currency_code()
    chosen = CurrencyDialog.ask(parent, current)
    if chosen is None or chosen == current:
        return False
    try:
        currency.set_currency(chosen)
    except CareerPivotError as exc:
        ctx.bus.status.emit(exc.message)
        return False
    ctx.bus.changed.emit(Area.PLAN)
    ctx.bus.status.emit(translate("CurrencyDialog", "Amounts are now in {0}.").format(
        currency_name(chosen)))
    return True
