"""The workspace's currency: kept in the workspace, the locale's for a new one, changed by
the user, and used for every amount the plan prints."""

from __future__ import annotations

import pytest

from careerpivot.core import money
from careerpivot.core.validation import ValidationError
from careerpivot.services import currency, exports
from careerpivot.services import workspace as ws


def test_a_new_workspace_takes_the_currency_it_is_given_once(workspace):
    assert currency.currency_code() == ""
    assert currency.keep_default("eur") == "EUR"
    # opened again on a computer set to another locale: the workspace keeps its own
    assert currency.keep_default("USD") == "EUR"
    assert currency.currency_code() == "EUR"
    # nor does it take what is not a currency
    assert currency.keep_default("") == "EUR"


def test_a_workspace_with_its_currency_still_counts_as_empty(workspace):
    currency.keep_default("GBP")
    assert exports.is_empty()  # a full export may still be imported into it


def test_the_user_changes_the_currency(workspace):
    currency.keep_default("EUR")
    assert currency.set_currency(" chf ") == "CHF"
    assert currency.currency_code() == "CHF"
    assert currency.format_money(250) == "CHF\u00a0250"
    for bad in ("", "euro", "E1R", "€", None):
        with pytest.raises(ValidationError) as caught:
            currency.set_currency(bad)
        assert caught.value.field == "currency" and "three-letter code" in caught.value.message
    assert currency.currency_code() == "CHF"


def test_the_currency_travels_with_the_full_export(workspace, tmp_path):
    currency.set_currency("SEK")
    target = exports.export_json(tmp_path / "all.json").path
    ws.close()
    ws.open_workspace(tmp_path / "other.careerpivot", backups_root=tmp_path / "backups")
    currency.keep_default("EUR")  # the new workspace's own, from the locale
    exports.import_json(target)
    assert currency.currency_code() == "SEK"


def test_a_read_only_workspace_is_left_as_it_is(workspace, monkeypatch):
    monkeypatch.setattr(ws, "is_read_only", lambda: True)
    assert currency.keep_default("EUR") == "EUR"  # what it would count in, not written
    assert currency.currency_code() == ""


@pytest.mark.parametrize("amount,code,written", [
    (1200, "EUR", "€1,200"), (1234.5, "EUR", "€1,234.50"), (0.5, "GBP", "£0.50"),
    (40, "CAD", "CA$40"), (99.99, "XYZ", "XYZ\u00a099.99"), (7, "", "7"),
    (1500000, "INR", "₹1,500,000"), (1000, "KRW", "₩1,000"), (float("nan"), "EUR", ""),
])
def test_amounts_are_written_the_english_way(amount, code, written):
    assert money.format_amount(amount, code) == written


def test_every_listed_currency_prints_in_the_document_fonts():
    from careerpivot.reports import fonts

    symbols = "".join(c.symbol for c in money.CURRENCIES.values())
    assert fonts.coverage(symbols) == set()
