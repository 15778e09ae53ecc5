"""The detail editors' promise: an edit is stored when made, and text that could not be stored
is never lost, not even when the user selects another row meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from careerpivot.core.errors import StoreWriteError, ValidationError
from careerpivot.ui.widgets.forms import FormBinder


class FakeStore:
    """A save function over a dict; it can refuse values or be 'busy'."""

    def __init__(self) -> None:
        self.rows = {1: {"email": "a@example.org"}, 2: {"email": "b@example.org"}}
        self.busy = False

    def save(self, row_id: int, field: str, value: str) -> None:
        if self.busy:
            raise StoreWriteError("busy", "Another program is using the workspace.")
        if "@" not in value:
            raise ValidationError(field, "This is not an e-mail address.")
        self.rows[row_id][field] = value


@pytest.fixture
def form(qtbot, app_ctx):
    store = FakeStore()
    parent = QWidget()
    qtbot.addWidget(parent)
    edit = QLineEdit(parent)
    binder = FormBinder(app_ctx, store.save, area="contacts", what="contact", parent=parent)
    binding = binder.bind("email", edit)
    binder.load(1, store.rows[1])
    yield store, binder, binding, edit
    del parent  # kept alive for the test: the editors are its children


def type_into(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)
    edit.editingFinished.emit()


def test_an_invalid_edit_survives_selecting_another_row(form):
    store, binder, binding, edit = form
    type_into(edit, "not an address")
    assert binding.error.text() == "This is not an e-mail address."
    binder.load(2, store.rows[2])
    assert edit.text() == "b@example.org" and not binding.error.text()
    binder.load(1, store.rows[1])
    assert edit.text() == "not an address"
    assert binding.error.text() == "This is not an e-mail address."
    assert store.rows[1]["email"] == "a@example.org"
    assert binder.has_pending()


def test_a_busy_save_is_retried_into_its_own_row(form):
    store, binder, _binding, edit = form
    store.busy = True
    type_into(edit, "new@example.org")
    binder.load(2, store.rows[2])
    assert store.rows[1]["email"] == "a@example.org"
    assert binder.has_pending() and binder.flush() is False
    store.busy = False
    assert binder.flush() is True
    assert store.rows[1]["email"] == "new@example.org"
    assert store.rows[2]["email"] == "b@example.org"
    assert not binder.has_pending()
