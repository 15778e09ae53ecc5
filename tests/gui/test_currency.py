"""The workspace's currency in the app: a new workspace takes the locale's, the plan at a
glance says it and changes it, and the milestone editor writes amounts with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from careerpivot.services import currency, plan
from careerpivot.ui.dialogs import currency as currency_ui
from careerpivot.ui.dialogs.currency import CurrencyDialog


@pytest.fixture
def plan_tab(main_window):
    tab = main_window.show_tab("planTab")
    tab.reload_now()
    return tab


def test_the_locale_gives_its_currency():
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    japan = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    assert currency_ui.locale_currency(germany) == "EUR"
    assert currency_ui.locale_currency(japan) == "JPY"
    assert currency_ui.locale_currency(QLocale.c()) == ""


def test_a_new_workspace_counts_money_in_the_locale_currency(main_window):
    # the window kept the locale's currency when the workspace opened
    assert currency.currency_code() == currency_ui.locale_currency()
    # a workspace that has one keeps it, whatever the locale
    currency.set_currency("SEK")
    britain = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert currency_ui.keep_locale_currency(britain) == "SEK"


def test_the_plan_at_a_glance_says_and_changes_the_currency(plan_tab, qtbot, monkeypatch):
    currency.set_currency("EUR")
    phase = plan.plan_overview().phases[0].id
    plan.add_milestone(phase, "Pass PSPO I", money_needed=1200)
    plan_tab.reload_now()
    glance = plan_tab.findChild(QLabel, "planEmptyDetails")
    assert "€1,200" in glance.text() and "Euro (EUR)" in glance.text()
    asked = []

    def ask(cls, parent, current):
        asked.append(current)
        return "GBP"

    monkeypatch.setattr(CurrencyDialog, "ask", classmethod(ask))
    glance.linkActivated.emit(currency_ui.CHANGE_LINK)
    assert asked == ["EUR"]
    assert currency.currency_code() == "GBP"
    qtbot.waitUntil(lambda: "£1,200" in glance.text())
    assert "British pound (GBP)" in glance.text()
    assert glance.focusPolicy() != 0  # the link is reachable with the keyboard


def test_the_milestone_editor_writes_money_with_the_currency(plan_tab):
    phase = plan.plan_overview().phases[0].id
    milestone = plan.add_milestone(phase, "Workshop", money_needed=250)
    currency.set_currency("CHF")
    plan_tab.reload_now()
    plan_tab.select_item("milestone", milestone)
    spin = plan_tab.milestone_money
    assert spin.suffix() == " CHF" and spin.prefix() == ""
    currency.set_currency("EUR")
    plan_tab.select_item("milestone", milestone)
    assert spin.prefix().startswith("€") and spin.suffix() == ""
    assert spin.value() == 250


def test_the_dialog_takes_a_listed_currency_or_a_typed_code(qtbot):
    dialog = CurrencyDialog(None, "EUR")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "currencyDialog"
    assert dialog.combo.currentData() == "EUR"
    assert dialog.combo.currentText() == "Euro (EUR)"
    dialog.combo.setEditText("chf")
    assert dialog.values() == {"currency": "CHF"}
    dialog.combo.setEditText("Ghanaian cedi (GHS)")
    assert dialog.values() == {"currency": "GHS"}
    dialog.combo.setEditText("dollars")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    error = dialog.findChild(QLabel, "currencyError")
    assert error.isVisibleTo(dialog) and "three-letter code" in error.text()
    assert dialog.result_values is None  # it stays open
    # a currency the list lacks is offered as it is kept
    other = CurrencyDialog(None, "GHS")
    qtbot.addWidget(other)
    assert other.combo.currentData() == "GHS"
