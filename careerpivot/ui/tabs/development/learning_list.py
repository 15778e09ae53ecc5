"""The learning items and experiments of the Development tab (``learningTable``): the list
with its progress bars, its filter and count, and adding an item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.add_learning import AddLearningDialog
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.tabs.development.common import shortcut, vocab_text
from careerpivot.ui.undo import push_add
from careerpivot.ui.widgets.column_fit import (
    ColumnFit,
    hide_columns,
    offer_column_menu,
    table_height,
)
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.progress_delegate import ProgressDelegate
from careerpivot.ui.widgets.spacing import GAP
from careerpivot.ui.widgets.tables import list_table

#: The columns the header's menu shows or hides (the others always show), and those hidden
#: at first.
LEARNING_OPTIONAL = (lm.KIND, lm.END, lm.HOURS_PLANNED, lm.HOURS_SPENT, lm.COST, lm.PROVIDER,
                     lm.SKILLS)
LEARNING_HIDDEN = (lm.COST, lm.PROVIDER, lm.SKILLS)
#: Hidden at first on a narrow screen too (the progress says how far an item is; the editor
#: says the rest).
LEARNING_NARROW_HIDDEN = (lm.END, lm.HOURS_PLANNED, lm.HOURS_SPENT)
#: The title is read whole up to this many characters (longer ones end in "…": the tooltip
#: and the editor say them whole).
TITLE_CHARS = 28


class LearningPane(QWidget):
    addRequested = Signal()  # Insert in the list, or the Add Learning button
    deleteRequested = Signal()  # Delete in the list, or the Delete Item button
    selectionChanged = Signal()
    editRequested = Signal()  # Enter on a row: go to the item's editor
    filterChanged = Signal(object)  # what lm.LearningModel.set_filter takes

    def __init__(self, ctx: AppContext, model: lm.LearningModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learning_model = model
        column = QVBoxLayout(self)
        column.setContentsMargins(0, GAP, 0, 0)
        column.setSpacing(GAP)
        bar = QHBoxLayout()
        bar.setSpacing(GAP)
        self.learning_count = QLabel(self)
        self.learning_count.setObjectName("learningCount")
        bar.addWidget(self.learning_count, 1)
        self.learning_filter = QComboBox(self)
        self.learning_filter.setObjectName("learningFilter")
        self.learning_filter.setAccessibleName(self.tr("Show learning items"))
        self.learning_filter.addItem(self.tr("All items"), lm.ALL)
        self.learning_filter.addItem(self.tr("Learning only"), lm.LEARNING_ONLY)
        self.learning_filter.addItem(self.tr("Experiments only"), lm.EXPERIMENTS_ONLY)
        self.learning_filter.insertSeparator(self.learning_filter.count())
        for key, name in vocab.LEARNING_STATUSES.items():
            self.learning_filter.addItem(vocab_text(name), key)
        self.learning_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(self.learning_filter)
        self.add_learning_button = QPushButton(self.tr("Add Learning…"), self)
        self.add_learning_button.setObjectName("addLearningButton")
        self.add_learning_button.setToolTip(self.tr(
            "Add a course, book, practice block or experiment (Insert in the list)"))
        bar.addWidget(self.add_learning_button)
        self.delete_learning_button = QPushButton(self.tr("Delete Item…"), self)
        self.delete_learning_button.setObjectName("deleteLearningButton")
        self.delete_learning_button.setToolTip(self.tr("Delete the selected item (Delete)"))
        bar.addWidget(self.delete_learning_button)
        column.addLayout(bar)
        self._bar = bar

        self.learning_stack = QStackedWidget(self)
        self.learning_table = list_table(self, "learningTable", model, {},
                                         self.tr("Learning and experiments"))
        self.column_fit = ColumnFit(
            self.learning_table, lm.TITLE, min_chars=TITLE_CHARS,
            limits={lm.KIND: (8, 22), lm.PROVIDER: (8, 24), lm.SKILLS: (8, 30)},
            shrink=(lm.SKILLS, lm.PROVIDER, lm.KIND), fixed={lm.PROGRESS: 0})
        hide_columns(self.learning_table, LEARNING_HIDDEN, LEARNING_NARROW_HIDDEN)
        offer_column_menu(self.learning_table, LEARNING_OPTIONAL, self.column_fit)
        self.progress_delegate = ProgressDelegate(self.learning_table)
        self.learning_table.setItemDelegateForColumn(lm.PROGRESS, self.progress_delegate)
        self.learning_table.sortByColumn(lm.START, Qt.SortOrder.AscendingOrder)
        self.learning_stack.addWidget(self.learning_table)
        self.learning_empty_label = EmptyState(self, name="learningEmptyState")
        self.learning_stack.addWidget(self.learning_empty_label)
        column.addWidget(self.learning_stack, 1)

        self.learning_filter.currentIndexChanged.connect(self._on_filter)
        self.learning_empty_label.actionTriggered.connect(self._empty_action)
        self.add_learning_button.clicked.connect(lambda: self.addRequested.emit())
        self.delete_learning_button.clicked.connect(lambda: self.deleteRequested.emit())
        self.learning_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.selectionChanged.emit())
        shortcut(Qt.Key.Key_Insert, self.learning_table, self.addRequested.emit)
        shortcut(QKeySequence.StandardKey.Delete, self.learning_table,
                 self.deleteRequested.emit)
        self.learning_table.activated.connect(lambda _index: self.editRequested.emit())

    def wanted_height(self, rows: int) -> int:
        """The height that shows the bar and ``rows`` rows."""
        column = self.layout()
        return column.contentsMargins().top() + self._bar.sizeHint().height() \
            + column.spacing() + table_height(self.learning_table, rows)

    def _on_filter(self, _index: int) -> None:
        value = self.learning_filter.currentData()
        if value is None:  # the separator
            return
        self.filterChanged.emit(value)

    def update_state(self) -> None:
        """Show the list or say why it is empty, and count the items."""
        items_total, items_shown = self.learning_model.total_count(), \
            self.learning_model.rowCount()
        empty = self.learning_empty_label
        if items_total == 0:
            empty.set_content(self.tr("No learning yet"), self.tr(
                "Add a course, a book or a weekly practice block, or a small experiment that "
                "tests the new path, and link it to the skills it builds."),
                self.tr("Add Learning…"))
            empty.set_action_enabled(self.add_learning_button.isEnabled())
            self.learning_count.setText("")
        else:
            empty.set_content("", self.tr("Nothing matches this filter."),
                              self.tr("Show All Items"))
            empty.set_action_enabled(True)
            self.learning_count.setText(
                self.tr("%n item(s)", "", items_total) if items_shown == items_total
                else self.tr("{0} of %n item(s)", "", items_total).format(items_shown))
        self.learning_stack.setCurrentIndex(0 if items_shown else 1)

    def _empty_action(self) -> None:
        if self.learning_model.total_count():
            self.learning_filter.setCurrentIndex(0)  # every item again
        else:
            self.addRequested.emit()

    def ask_new_item(self, skills: list[tuple[int, str]], skill_id: int | None) -> int | None:
        """Ask for a new learning item (linked to ``skill_id`` at first) and store it,
        undoably; then show every item. Its id, or None when nothing was added."""
        values = AddLearningDialog.ask(self, skills=skills,
                                       checked=[skill_id] if skill_id is not None else [])
        if values is None:
            return None
        values = dict(values)
        skill_ids = values.pop("skill_ids", [])
        title = values.pop("title", "")
        kind = values.pop("kind", "course")
        try:
            learning_id = development.add_learning(title, kind, skill_ids=skill_ids, **values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Learning"), exc.message)
            return None
        push_add(self.ctx, self.tr("add {0}").format(title), Area.LEARNING,
                 lambda: development.delete_learning(learning_id))
        if self.learning_filter.currentIndex() != 0:
            self.learning_filter.setCurrentIndex(0)
        return learning_id
