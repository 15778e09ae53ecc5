"""Before an import writes anything: which contacts will be added, updated and skipped (and
why), and, for a CSV file, which column holds which contact field.

Both dialogs return their answer through a classmethod ``ask()``, so tests replace it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.formats.csvfiles import CONTACT_FIELDS
from careerpivot.services.imports import ImportPreview, PlannedContact

_Index = QModelIndex | QPersistentModelIndex


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


def kind_name(kind: str) -> str:
    """The display name of a kind of import (literal strings, so lupdate finds them)."""
    return {
        "linkedin": translate("ImportPreviewDialog", "LinkedIn connections"),
        "vcard": translate("ImportPreviewDialog", "vCard contacts"),
        "csv": translate("ImportPreviewDialog", "CSV contacts"),
        "json": translate("ImportPreviewDialog", "CareerPivot full export"),
    }.get(kind, kind)


def _change_names() -> dict[str, str]:
    return {
        "email": translate("ImportPreviewDialog", "e-mail"),
        "phone": translate("ImportPreviewDialog", "phone"),
        "url": translate("ImportPreviewDialog", "profile address"),
        "how_met": translate("ImportPreviewDialog", "how we met"),
        "notes": translate("ImportPreviewDialog", "notes"),
        "organization": translate("ImportPreviewDialog", "organization"),
        "role": translate("ImportPreviewDialog", "role"),
        "tags": translate("ImportPreviewDialog", "tags"),
    }


def field_names() -> dict[str, str]:
    """Display names of the contact fields a CSV column can be mapped to."""
    names = {
        "name": translate("ImportPreviewDialog", "Full name"),
        "first_name": translate("ImportPreviewDialog", "First name"),
        "last_name": translate("ImportPreviewDialog", "Last name"),
        "organization": translate("ImportPreviewDialog", "Organization"),
        "role": translate("ImportPreviewDialog", "Role / job title"),
        "email": translate("ImportPreviewDialog", "E-mail"),
        "phone": translate("ImportPreviewDialog", "Phone"),
        "url": translate("ImportPreviewDialog", "Profile or web address"),
        "how_met": translate("ImportPreviewDialog", "How we met"),
        "tags": translate("ImportPreviewDialog", "Tags"),
        "notes": translate("ImportPreviewDialog", "Notes"),
    }
    return {field: names.get(field, label) for field, label in CONTACT_FIELDS.items()}


def local_time(utc_iso: str | None) -> str:
    """A stored UTC time (``2026-03-14T09:30:00Z``) in the user's local format."""
    if not utc_iso:
        return ""
    value = QDateTime.fromString(utc_iso, Qt.DateFormat.ISODate)
    if not value.isValid():
        return utc_iso
    return QLocale().toString(value.toLocalTime(), QLocale.FormatType.ShortFormat)


def _details(item: PlannedContact) -> str:
    if item.action == "update":
        parts = []
        names = _change_names()
        for field, old, new in item.changes:
            label = names.get(field, field)
            short = new if len(new) <= 60 else new[:59] + "…"
            if old:
                parts.append(
                    translate("ImportPreviewDialog", "{0}: {1} → {2}").format(label, old, short)
                )
            else:
                parts.append(translate("ImportPreviewDialog", "{0}: {1}").format(label, short))
        text = item.reason + " " + "; ".join(parts)
    else:
        text = item.reason
    if item.warnings:
        text = (text + " " if text else "") + "(" + "; ".join(item.warnings) + ")"
    return text.replace("\n", " ").strip()


class PlanModel(QAbstractTableModel):
    """The planned records, filtered by action inside the model (no proxy)."""

    def __init__(self, items: Sequence[PlannedContact], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all = list(items)
        self._rows = [
            (str(i.line), self._action(i), i.name, i.organization, _details(i), i)
            for i in self._all
        ]
        self._shown = list(range(len(self._rows)))

    @staticmethod
    def _action(item: PlannedContact) -> str:
        if item.problem:
            return translate("ImportPreviewDialog", "Skip: problem")
        return {
            "add": translate("ImportPreviewDialog", "Add"),
            "update": translate("ImportPreviewDialog", "Update"),
            "skip": translate("ImportPreviewDialog", "Skip"),
        }[item.action]

    def set_filter(self, action: str) -> None:
        self.beginResetModel()
        if action == "all":
            self._shown = list(range(len(self._rows)))
        elif action == "problem":
            self._shown = [n for n, r in enumerate(self._rows) if r[5].problem]
        else:
            self._shown = [n for n, r in enumerate(self._rows) if r[5].action == action]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[self._shown[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("ImportPreviewDialog", "Line"),
                translate("ImportPreviewDialog", "Action"),
                translate("ImportPreviewDialog", "Name"),
                translate("ImportPreviewDialog", "Organization"),
                translate("ImportPreviewDialog", "Details"),
            )[section]
        return None


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(translate("ImportPreviewDialog", "Import Preview"))
        self.resize(860, 520)
        self.preview = preview
        layout = QVBoxLayout(self)

        problems = len(preview.problems)
        summary = translate("ImportPreviewDialog", "<b>{0}</b> — {1}").format(
            preview.path.name, kind_name(preview.kind)
        )
        counts = translate("ImportPreviewDialog", "{0} to add, {1} to update, {2} to skip").format(
            preview.added, preview.updated, preview.skipped
        )
        if problems:
            counts += translate("ImportPreviewDialog", " ({0} of them with problems)").format(
                problems
            )
        self.summary_label = QLabel(summary + "<br>" + counts, self)
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        last = local_time(preview.last_import)
        self.last_label = QLabel(
            translate("ImportPreviewDialog", "Last {0} import: {1}").format(
                kind_name(preview.kind), last
            )
            if last
            else translate(
                "ImportPreviewDialog", "This is the first import of this kind into this workspace."
            ),
            self,
        )
        self.last_label.setObjectName("lastImport")
        layout.addWidget(self.last_label)
        note = QLabel(
            translate(
                "ImportPreviewDialog",
                "Nothing has been written yet. Existing contacts are updated only in "
                "empty fields, organization and role; names and notes you typed are "
                "kept.",
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ImportPreviewDialog", "Show:"), self))
        self.filter = QComboBox(self)
        self.filter.setObjectName("importFilter")
        for key, label in (
            ("all", translate("ImportPreviewDialog", "All records")),
            ("add", translate("ImportPreviewDialog", "To add")),
            ("update", translate("ImportPreviewDialog", "To update")),
            ("skip", translate("ImportPreviewDialog", "Skipped")),
            ("problem", translate("ImportPreviewDialog", "Problems")),
        ):
            self.filter.addItem(label, key)
        row.addWidget(self.filter)
        row.addStretch(1)
        layout.addLayout(row)

        self.model = PlanModel(preview.items, self)
        self.table = QTableView(self)
        self.table.setObjectName("importTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 110, 200, 200)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(self.filter.currentData())
        )
        if problems and not (preview.added or preview.updated):
            self.filter.setCurrentIndex(self.filter.findData("problem"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        writes = preview.added + preview.updated
        self.import_button = self.buttons.addButton(
            translate("ImportPreviewDialog", "Import {0} Contacts").format(writes)
            if writes != 1
            else translate("ImportPreviewDialog", "Import 1 Contact"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(writes > 0)
        self.import_button.setDefault(writes > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, preview: ImportPreview) -> bool:
        """True when the user chose to import."""
        dialog = cls(preview, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class ColumnMappingDialog(QDialog):
    """Which CSV column holds which contact field: guessed from the header, one combo box per
    field."""

    def __init__(
        self,
        header: Sequence[str],
        sample: Sequence[Sequence[str]],
        mapping: dict[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.setWindowTitle(translate("ImportPreviewDialog", "Match the Columns"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ImportPreviewDialog",
                "Choose the column of the file that holds each contact field. "
                "The guesses come from the column names.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field, label in field_names().items():
            combo = QComboBox(self)
            combo.setObjectName(f"map_{field}")
            combo.addItem(translate("ImportPreviewDialog", "(not imported)"), -1)
            for column, name in enumerate(header):
                example = next(
                    (row[column] for row in sample if column < len(row) and row[column].strip()), ""
                )
                text = name or translate("ImportPreviewDialog", "Column {0}").format(column + 1)
                if example:
                    example = example if len(example) <= 30 else example[:29] + "…"
                    text = translate("ImportPreviewDialog", "{0} (e.g. {1})").format(text, example)
                combo.addItem(text, column)
            combo.setCurrentIndex(combo.findData(mapping.get(field, -1)))
            combo.currentIndexChanged.connect(self._update)
            form.addRow(label, combo)
            self.combos[field] = combo
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setObjectName("mappingWarning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("ImportPreviewDialog", "Continue")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def mapping(self) -> dict[str, int]:
        return {
            field: combo.currentData()
            for field, combo in self.combos.items()
            if combo.currentData() is not None and combo.currentData() >= 0
        }

    def _update(self) -> None:
        mapping = self.mapping()
        has_name = bool({"name", "first_name", "last_name"} & mapping.keys())
        self.warning.setText(
            ""
            if has_name
            else translate(
                "ImportPreviewDialog",
                "Choose the column with the full name, or the first and last name.",
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_name)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        header: Sequence[str],
        sample: Sequence[Sequence[str]],
        mapping: dict[str, int],
    ) -> dict[str, int] | None:
        """The chosen mapping, or None when the user cancelled."""
        dialog = cls(header, sample, mapping, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.mapping()
        finally:
            dialog.deleteLater()
