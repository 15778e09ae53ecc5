"""The Compare Paths page of the Paths tab: every path scored on the user's criteria, with
the weights that say how much each counts, and the criteria filled from the evidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import paths
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.itemmodels import assumptions as am
from careerpivot.ui.tabs.paths.common import make_table, shortcut
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.form_parts import hint
from careerpivot.ui.widgets.forms import error_label


class ScoreDelegate(QStyledItemDelegate):
    """A spin box for weights (0-100) and scores (0-5) in the comparison table; the criterion's
    name keeps the default text editor. (An exception in ``setEditorData`` -- ``float("Pay")``
    -- ends the process with a segmentation fault under PySide6 6.11, not in the excepthook.)"""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        if index.column() == am.C_NAME:
            return super().createEditor(parent, option, index)
        spin = QDoubleSpinBox(parent)
        spin.setDecimals(1)
        if index.column() == am.C_WEIGHT:
            spin.setRange(0, paths.MAX_WEIGHT)
            spin.setSingleStep(0.5)
        else:
            spin.setRange(0, am.MAX_SCORE)
            spin.setSingleStep(0.5)
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if not isinstance(editor, QDoubleSpinBox):
            super().setEditorData(editor, index)
            return
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(float(value) if isinstance(value, int | float) else 0.0)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if not isinstance(editor, QDoubleSpinBox):
            super().setModelData(editor, model, index)
            return
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class ComparePage(QWidget):
    """The comparison of every path; read when shown while :attr:`stale` (:meth:`load`)."""

    #: A change was stored in this area and is shown already: the tab need not read it again.
    changeShown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The comparison shown may be out of date (paths changed since it was read).
        self.stale = True
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "Score every path from 0 (poor) to 5 (excellent) on what matters to you; the "
            "weights say how much each criterion counts. Double-click a cell (or press F2) to "
            "change it.")))
        self.comparison_model = am.ComparisonModel(self)
        self.comparison_model.set_editor(self._comparison_edit)
        self.comparison_table = make_table("comparisonTable")
        self.comparison_table.setModel(self.comparison_model)
        self.comparison_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectItems)
        self.comparison_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                              | QAbstractItemView.EditTrigger.EditKeyPressed
                                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.comparison_table.setWordWrap(False)
        self.comparison_table.setAccessibleName(self.tr("Comparison of paths"))
        delegate = ScoreDelegate(self.comparison_table)
        self._score_delegate = delegate
        self.comparison_table.setItemDelegate(delegate)
        self.comparison_table.selectionModel().currentChanged.connect(
            lambda *_: self.update_buttons())
        shortcut(self.comparison_table, QKeySequence.StandardKey.Delete,
                 self._clear_score)
        layout.addWidget(self.comparison_table, 1)
        self.comparison_error = error_label(self)
        self.comparison_error.setObjectName("comparisonError")
        layout.addWidget(self.comparison_error)
        row = QHBoxLayout()
        self.add_criterion_button = QPushButton(self.tr("New Criterion…"))
        self.add_criterion_button.setObjectName("addCriterionButton")
        self.add_criterion_button.clicked.connect(self.add_criterion)
        self.delete_criterion_button = QPushButton(self.tr("Delete Criterion"))
        self.delete_criterion_button.setObjectName("deleteCriterionButton")
        self.delete_criterion_button.clicked.connect(self.delete_criterion)
        row.addWidget(self.add_criterion_button)
        row.addWidget(self.delete_criterion_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.evidence_note = hint(self.tr(
            "Criteria filled from the evidence (in italics) are not scored by hand: they "
            "measure how well each path is known from your conversations. An assumption that "
            "no conversation has tested counts 0, a tested one half, a triangulated one in "
            "full; 5 means every assumption of the path is triangulated."))
        self.evidence_note.setObjectName("evidenceStrengthNote")
        layout.addWidget(self.evidence_note)

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        try:
            data = paths.comparison()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        index = self.comparison_table.currentIndex()
        self.comparison_model.set_comparison(data)
        self.stale = False
        header = self.comparison_table.horizontalHeader()
        header.setSectionResizeMode(am.C_NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(am.C_NAME, 220)
        header.resizeSection(am.C_WEIGHT, 70)
        header.resizeSection(am.C_EVIDENCE, 110)
        for i in range(len(data.paths)):
            column = am.C_FIXED + i
            header.resizeSection(column, max(130, min(220, header.sectionSizeHint(column))))
        if index.isValid():
            self.comparison_table.setCurrentIndex(self.comparison_model.index(
                min(index.row(), self.comparison_model.rowCount() - 1),
                min(index.column(), self.comparison_model.columnCount() - 1)))
        self.update_buttons()

    # --- editing ----------------------------------------------------------------------------
    def _comparison_edit(self, kind: str, criterion_id: int, path_id: int | None,
                         value: Any) -> bool:
        data = self.comparison_model.comparison()
        if data is None:
            return False
        c_index = next(i for i, c in enumerate(data.criteria) if c.id == criterion_id)
        criterion = data.criteria[c_index]
        try:
            if kind == "score":
                assert path_id is not None
                p = next(p for p in data.paths if p.path_id == path_id)
                old = p.scores[c_index]
                if old is not None and value is not None and abs(float(value) - old) < 1e-9:
                    return False
                paths.set_score(path_id, criterion_id, value)

                def apply(v: Any, pid: int = path_id) -> None:
                    paths.set_score(pid, criterion_id, v)

                push_change(self.ctx, self.tr("a score"), Area.PATHS,
                            lambda: apply(old), lambda: apply(value))
            else:
                old = getattr(criterion, kind)
                if old == value or (kind == "name" and str(value).strip() == old):
                    return False
                paths.update_criterion(criterion_id, kind, value)

                def apply_c(v: Any) -> None:
                    paths.update_criterion(criterion_id, kind, v)

                push_change(self.ctx, self.tr("a comparison criterion"), Area.PATHS,
                            lambda: apply_c(old), lambda: apply_c(value))
        except CareerPivotError as exc:
            self.comparison_error.setText(exc.message)
            self.comparison_error.show()
            return False
        self.comparison_error.hide()
        self.changeShown.emit(Area.PATHS)
        # Not inside setData: the view is still closing its editor.
        QTimer.singleShot(0, self.load)
        return True

    def _clear_score(self) -> None:
        index = self.comparison_table.currentIndex()
        data = self.comparison_model.comparison()
        if (not index.isValid() or data is None or index.column() < am.C_FIXED
                or index.row() >= len(data.criteria)
                or data.criteria[index.row()].from_evidence):
            return
        path = data.paths[index.column() - am.C_FIXED]
        if path.scores[index.row()] is None:
            return
        self._comparison_edit("score", data.criteria[index.row()].id, path.path_id, None)

    def add_criterion(self) -> None:
        from careerpivot.ui.dialogs.add_criterion import AddCriterionDialog

        values = AddCriterionDialog.ask(self)
        if not values:
            return
        try:
            cid = paths.add_criterion(values["name"], values["weight"], values["from_evidence"])
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("New Criterion"), exc.message)
            return
        push_add(self.ctx, self.tr("new criterion"), Area.PATHS,
                 lambda: paths.delete_criterion(cid))
        self.changeShown.emit(Area.PATHS)
        self.load()

    def delete_criterion(self) -> None:
        index = self.comparison_table.currentIndex()
        cid = self.comparison_model.criterion_id(index.row()) if index.isValid() else None
        if cid is None:
            return
        name = self.comparison_model.index(index.row(), am.C_NAME).data()
        try:
            snap = paths.delete_criterion(cid)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Criterion"), exc.message)
            return
        push_delete(self.ctx, self.tr("deletion of the criterion “{0}”").format(name),
                    Area.PATHS, snap, lambda: paths.delete_criterion(cid))
        self.changeShown.emit(Area.PATHS)
        self.load()
        self.ctx.bus.status.emit(self.tr("Criterion deleted. Edit > Undo brings it back."))

    # --- chrome -----------------------------------------------------------------------------
    def update_buttons(self) -> None:
        cmp_index = self.comparison_table.currentIndex()
        self.delete_criterion_button.setEnabled(
            cmp_index.isValid()
            and self.comparison_model.criterion_id(cmp_index.row()) is not None)
