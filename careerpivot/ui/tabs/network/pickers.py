"""The two completing pickers of the contact editor: the tags (:class:`TagsCompleter`) and
the person who introduced the contact (:class:`IntroducerPicker`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from careerpivot.core.errors import ValidationError
from careerpivot.core.validation import name_key
from careerpivot.services.network import ContactRow
from careerpivot.ui.widgets.choices import ChoicesModel


class TagsCompleter(QCompleter):
    """Completes the tag being typed after the last comma of a comma-separated list."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rpartition(",")[2].strip()]

    def pathFromIndex(self, index: Any) -> str:
        completion = super().pathFromIndex(index)
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head, sep, _ = text.rpartition(",")
        return f"{head.rstrip()}, {completion}" if sep else completion


class IntroducerPicker(QObject):
    """The choices of the "Introduced by" combo (``introducedByCombo``): the contacts as
    "name — organization" texts and “— nobody —”, and the contact a typed text means."""

    def __init__(self, combo: QComboBox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combo = combo
        self.choices = ChoicesModel(combo)
        self.nobody = self.tr("— nobody —")
        self._ids: dict[str, int] = {}
        self._text: dict[int, str] = {}

    def fill(self, choices: Sequence[tuple[int, str, str]]) -> None:
        """Offer these (id, name, organization) in the picker."""
        texts: list[str] = []
        ids: dict[str, int] = {}
        by_id: dict[int, str] = {}
        for contact_id, name, organization in choices:
            text = f"{name} — {organization}" if organization else name
            if text in ids:  # two people with the same name and organization
                text = f"{text} (#{contact_id})"
            texts.append(text)
            ids[text] = contact_id
            by_id[contact_id] = text
        # Texts shown earlier keep resolving (an undo may replay one after a rename); the
        # current texts win where they collide.
        self._ids = {**self._ids, **ids}
        self._text = by_id
        self.combo.blockSignals(True)
        try:
            self.choices.set_items([(self.nobody, None), *((text, ids[text]) for text in texts)])
        finally:
            self.combo.blockSignals(False)

    def exclude(self, contact_id: int | None) -> None:
        """The contact shown cannot have introduced themselves: hide them from the picker."""
        self.combo.blockSignals(True)
        try:
            self.choices.hide_value(contact_id)
        finally:
            self.combo.blockSignals(False)

    def text_of(self, row: ContactRow) -> str:
        """The picker's text for the person who introduced ``row``."""
        introducer = ""
        if row.introduced_by_id is not None:
            introducer = self._text.get(row.introduced_by_id, "")
            if not introducer:  # an archived introducer is not offered, but still shown
                introducer = row.introduced_by_name
                self._ids.setdefault(introducer, row.introduced_by_id)
        return introducer or self.nobody

    def id_of(self, value: Any) -> int | None:
        """The contact a text of the picker means (None: nobody)."""
        text = "" if value is None else str(value).strip()
        if not text or text == self.nobody:
            return None
        if text in self._ids:
            return self._ids[text]
        matches = [i for t, i in self._ids.items()
                   if name_key(t) == name_key(text) and i in self._text]
        if len(matches) == 1:
            return matches[0]
        raise ValidationError("introduced_by", self.tr(
            "Choose a person from the list, or “— nobody —”."))
