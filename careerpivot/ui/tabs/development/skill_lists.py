"""The two skill lists of the Development tab: the ranked development list ("What to learn
first", ``developmentList``) with its search, kind filter and headline, and the transferable
strengths ("What I already bring", ``strengthsList``). Levels are edited in place in both."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.add_skill import AddSkillDialog, level_combo
from careerpivot.ui.itemmodels import skills as sm
from careerpivot.ui.tabs.development.common import escape, section_title, shortcut, vocab_text
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

#: The columns the header's menu shows or hides; the others of a list always show.
RANKED_OPTIONAL = (sm.LEARNING, sm.GAP, sm.KIND, sm.IMPORTANCE, sm.MENTIONS, sm.PEOPLE,
                   sm.ORGANIZATIONS, sm.LEVELS)
RANKED_HIDDEN = (sm.GAP, sm.KIND, sm.IMPORTANCE, sm.MENTIONS, sm.PEOPLE, sm.ORGANIZATIONS,
                 sm.LEVELS)
STRENGTHS_OPTIONAL = (sm.KIND, sm.IMPORTANCE, sm.MENTIONS, sm.PEOPLE, sm.ORGANIZATIONS,
                      sm.LEVELS)
STRENGTHS_HIDDEN = (sm.IMPORTANCE, sm.MENTIONS, sm.PEOPLE, sm.ORGANIZATIONS, sm.LEVELS)
#: Hidden at first on a narrow screen too: the reason and the skill keep their room (the
#: learning that serves the selected skill shows beside the list).
RANKED_NARROW_HIDDEN = (sm.LEARNING,)
STRENGTHS_NARROW_HIDDEN = (sm.KIND,)
#: Never shown in the strengths list (a strength has no rank, priority or learning to plan).
_NOT_STRENGTHS = (sm.RANK, sm.PRIORITY, sm.GAP, sm.LEARNING)
#: The reason ("essential in 4 of 6 conversations, 3 organizations, gap 2") is read whole:
#: at least this many characters on a line, or it wraps over two lines.
WHY_CHARS = 60
#: In the strengths list (where the skill itself says the most), this many.
STRENGTH_WHY_CHARS = 44
#: (least, most) characters of the columns sized to their content.
_LIMITS = {sm.SKILL: (14, 34), sm.LEARNING: (14, 28), sm.KIND: (8, 16)}


def fit_skill_columns(table: QTableView, *, strengths: bool) -> ColumnFit:
    """The columns of a skill list: the reason takes the room, the others their content."""
    fit = ColumnFit(table, sm.WHY, min_chars=WHY_CHARS if not strengths else STRENGTH_WHY_CHARS,
                    limits=_LIMITS, shrink=(sm.LEARNING, sm.SKILL, sm.KIND), wrap=True,
                    fixed={sm.RANK: 0, sm.PRIORITY: 0})
    if strengths:
        hide_columns(table, STRENGTHS_HIDDEN + _NOT_STRENGTHS, STRENGTHS_NARROW_HIDDEN)
    else:
        hide_columns(table, RANKED_HIDDEN, RANKED_NARROW_HIDDEN)
    offer_column_menu(table, STRENGTHS_OPTIONAL if strengths else RANKED_OPTIONAL, fit)
    return fit


class LevelDelegate(QStyledItemDelegate):
    """Edits a level column in place with a list of "0 none" … "4 expert". The list opens at
    once; picking a level stores it (Escape leaves it unchanged)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = level_combo(parent)
        combo.setObjectName("levelEditor")
        combo.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal) or ""))
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        QTimer.singleShot(0, combo, lambda: combo.showPopup() if combo.isVisible() else None)
        return combo

    def _commit(self, combo: QComboBox) -> None:
        # the editor is done: its focus-out (as it closes) must not commit a second time
        combo.removeEventFilter(self)
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            level = index.data(sm.LEVEL_ROLE)
            editor.setCurrentIndex(max(editor.findData(level), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setGeometry(option.rect)


class SkillListPane(QWidget):
    """What both skill lists do alike: levels edited in place, ranked order first, and the
    signals the tab listens to. (No texts here: each list's own class shows its own.)"""

    addRequested = Signal()  # Insert in the list, or the Add Skill button
    deleteRequested = Signal()  # Delete in the list, or the Delete Skill button
    selectionChanged = Signal()
    editRequested = Signal()  # Enter on a row outside a level: go to the skill's editor

    def _wire(self, table: QTableView) -> None:
        # one delegate per view: a view takes every commitData of its delegates as its own
        levels = LevelDelegate(table)
        table.setItemDelegateForColumn(sm.CURRENT, levels)
        table.setItemDelegateForColumn(sm.TARGET, levels)
        table.setItemDelegateForColumn(sm.PRIORITY, ProgressDelegate(table, show_text=False))
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.sortByColumn(sm.RANK, Qt.SortOrder.AscendingOrder)
        table.selectionModel().selectionChanged.connect(
            lambda *_a: self.selectionChanged.emit())
        shortcut(Qt.Key.Key_Insert, table, self.addRequested.emit)
        shortcut(QKeySequence.StandardKey.Delete, table, self.deleteRequested.emit)
        table.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.column() not in sm.LEVEL_FIELDS:
            self.editRequested.emit()


class RankedPane(SkillListPane):
    """What to learn first: the ranked development list, the sentence that sums it up, the
    search and kind filter of both lists, and adding a skill."""

    searchChanged = Signal(str)
    kindChanged = Signal(object)  # the kind key, None for all kinds

    def __init__(self, ctx: AppContext, model: sm.SkillsModel,
                 strengths_model: sm.SkillsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.skills_model = model
        self.strengths_model = strengths_model  # narrowed by the same search and kind
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)

        bar = QHBoxLayout()
        bar.setSpacing(GAP)
        self.title = section_title(self.tr("What to learn first"), self)
        bar.addWidget(self.title)
        bar.addStretch(1)
        self.skill_search = QLineEdit(self)
        self.skill_search.setObjectName("skillSearch")
        self.skill_search.setPlaceholderText(self.tr("Find a skill"))
        self.skill_search.setClearButtonEnabled(True)
        self.skill_search.setAccessibleName(self.tr("Find a skill"))
        self.skill_search.setToolTip(self.tr("Narrow both skill lists by name (Ctrl+F)"))
        self.skill_search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.skill_search.setMaximumWidth(self.fontMetrics().averageCharWidth() * 28)
        bar.addWidget(self.skill_search, 1)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("skillKindFilter")
        self.kind_filter.setAccessibleName(self.tr("Filter skills by kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for key, name in vocab.SKILL_KINDS.items():
            self.kind_filter.addItem(vocab_text(name), key)
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(self.kind_filter)
        self.add_skill_button = QPushButton(self.tr("&Add Skill…"), self)
        self.add_skill_button.setObjectName("addSkillButton")
        self.add_skill_button.setToolTip(self.tr("Add a skill to track (Insert in a skill "
                                                 "list)"))
        bar.addWidget(self.add_skill_button)
        self.delete_skill_button = QPushButton(self.tr("Delete Skill…"), self)
        self.delete_skill_button.setObjectName("deleteSkillButton")
        self.delete_skill_button.setToolTip(self.tr("Delete the selected skill (Delete)"))
        bar.addWidget(self.delete_skill_button)
        column.addLayout(bar)
        self._bar = bar
        self._compact = False
        # the answer at a glance: what to learn first, and why
        self.headline = QLabel(self)
        self.headline.setObjectName("developmentHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.headline)

        self.ranked_stack = QStackedWidget(self)
        self.ranked_stack.setObjectName("developmentStack")
        self.development_list = list_table(self, "developmentList", model, {},
                                           self.tr("Development list"))
        self.column_fit = fit_skill_columns(self.development_list, strengths=False)
        self.ranked_stack.addWidget(self.development_list)
        self.ranked_empty_label = EmptyState(self, name="developmentEmptyState")
        self.ranked_stack.addWidget(self.ranked_empty_label)
        column.addWidget(self.ranked_stack, 1)

        self._wire(self.development_list)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.kindChanged.emit(self.kind_filter.currentData()))
        self.skill_search.textChanged.connect(self.searchChanged.emit)
        self.add_skill_button.clicked.connect(lambda: self.addRequested.emit())
        self.delete_skill_button.clicked.connect(lambda: self.deleteRequested.emit())
        self.ranked_empty_label.actionTriggered.connect(self._empty_action)

    def update_state(self) -> None:
        """Show the list or say why it is empty, and the headline."""
        strengths = self.strengths_model.total_count()
        total = self.skills_model.total_count()
        shown = self.skills_model.rowCount()
        empty = self.ranked_empty_label
        if total == 0 and strengths == 0:
            empty.set_content(self.tr("No skills yet"), self.tr(
                "Log the skills, tools and certifications people mention in your interviews, "
                "or add one here: the list ranks them by how often and how strongly they come "
                "up, and by your gap."), self.tr("Add Skill…"))
            self.ranked_stack.setCurrentIndex(1)
        elif total == 0:
            empty.set_content("", self.tr("Every skill is marked as a strength you already "
                                          "bring."), self.tr("Add Skill…"))
            self.ranked_stack.setCurrentIndex(1)
        elif shown == 0:
            empty.set_content("", self.tr("No skill matches the kind and search."),
                              self.tr("Clear Filters"))
            self.ranked_stack.setCurrentIndex(1)
        else:
            self.ranked_stack.setCurrentIndex(0)
        # (clearing the filters is always possible; adding, not in a read-only workspace)
        filtered_out = total > 0 and shown == 0
        empty.set_action_enabled(filtered_out or self.add_skill_button.isEnabled())
        self.headline.setText(self._headline())
        self._show_headline()

    def set_compact(self, compact: bool) -> None:
        """A short window: the headline gives its lines to the list (its sentence is the
        title's tooltip then; the selected skill's reasons show beside the list)."""
        if compact != self._compact:
            self._compact = compact
            self._show_headline()

    def _show_headline(self) -> None:
        text = self.headline.text()
        self.headline.setVisible(bool(text) and not self._compact)
        self.title.setToolTip(text if self._compact else "")

    def wanted_height(self, rows: int, compact: bool) -> int:
        """The height that shows the bar, the headline (unless ``compact``) and ``rows``
        rows."""
        column = self.layout()
        height = self._bar.sizeHint().height() + column.spacing() \
            + table_height(self.development_list, rows)
        if self.headline.text() and not compact:
            height += self.headline.heightForWidth(max(self.width(), 1)) + column.spacing()
        return height

    def _empty_action(self) -> None:
        if self.skills_model.total_count() and not self.skills_model.rowCount():
            # the filters hide every skill: show them all again (the tab hears the change)
            self.kind_filter.setCurrentIndex(0)
            self.skill_search.clear()
        else:
            self.addRequested.emit()

    def _headline(self) -> str:
        """One sentence above the list: the skill to learn first and why, and how many skills
        are not assessed (or that every gap is closed: only when every skill is assessed)."""
        rows = self.skills_model.skills()
        if not rows:
            return ""
        open_gaps = [r for r in rows if sm.to_develop(r)]
        unassessed = sum(r.gap is None for r in rows)
        if not open_gaps:
            return self.tr("Every gap is closed: you are at your target level in every skill "
                           "on the list.")
        first = open_gaps[0]
        why = escape(self.skills_model.explanation_of(first.skill_id))
        text = self.tr("Learn <b>{0}</b> first: {1}.").format(escape(first.name), why)
        if len(open_gaps) > 1:
            text += " " + self.tr("Then {0}.").format(
                ", ".join(escape(r.name) for r in open_gaps[1:3]))
        if unassessed:
            # never "every gap is closed" while a skill's levels are unknown
            text += " " + self.tr("%n skill(s) not assessed yet: set their levels to rank "
                                  "them by your gap.", "", unassessed)
        return text

    def clear_filters(self) -> None:
        """Show every kind and clear the search in both lists (without a signal)."""
        for widget, reset in ((self.kind_filter, lambda: self.kind_filter.setCurrentIndex(0)),
                              (self.skill_search, self.skill_search.clear)):
            widget.blockSignals(True)
            reset()
            widget.blockSignals(False)
        self.skills_model.set_kind(None)
        self.strengths_model.set_kind(None)
        self.skills_model.set_search("")
        self.strengths_model.set_search("")

    def ask_new_skill(self, *, strength: bool = False) -> int | None:
        """Ask for a new skill (a strength already brought, with ``strength``) and store it,
        undoably: its id, or None when nothing was added."""
        extra = {"transferable": True} if strength else {}
        values = AddSkillDialog.ask(self, initial_name=self.skill_search.text().strip()
                                    if not self.skills_model.rowCount() else "", **extra)
        if values is None:
            return None
        try:
            skill_id = development.add_skill(**values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Skill"), exc.message)
            return None
        push_add(self.ctx, self.tr("add skill {0}").format(values.get("name", "")), Area.SKILLS,
                 lambda: development.delete_skill(skill_id))
        return skill_id


class StrengthsPane(SkillListPane):
    """What I already bring: the skills marked as transferable strengths."""

    #: Add a skill that is already a strength (the empty list's action).
    addStrengthRequested = Signal()

    def __init__(self, model: sm.SkillsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strengths_model = model
        column = QVBoxLayout(self)
        column.setContentsMargins(0, GAP, 0, 0)
        column.setSpacing(GAP)
        hint = self.hint = QLabel(self.tr("Transferable strengths from your current career: "
                                          "what the new path can count on."), self)
        hint.setObjectName("strengthsHint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.strengths_stack = QStackedWidget(self)
        self.strengths_list = list_table(self, "strengthsList", model, {},
                                         self.tr("What I already bring"))
        self.column_fit = fit_skill_columns(self.strengths_list, strengths=True)
        self.strengths_stack.addWidget(self.strengths_list)
        self.strengths_empty_label = EmptyState(self, name="strengthsEmptyState",
                                                title=self._none_title(),
                                                text=self._none_marked(),
                                                action=self.tr("Add a Strength…"))
        self.strengths_stack.addWidget(self.strengths_empty_label)
        column.addWidget(self.strengths_stack, 1)
        self._wire(self.strengths_list)
        self.strengths_empty_label.actionTriggered.connect(self.addStrengthRequested.emit)

    def _none_title(self) -> str:
        return self.tr("No strengths marked yet")

    def _none_marked(self) -> str:
        return self.tr("Select a skill you already master and tick “I already bring this”, or "
                       "add one.")

    def update_state(self) -> None:
        strengths = self.strengths_model.total_count()
        if strengths and self.strengths_model.rowCount() == 0:
            self.strengths_empty_label.set_content(
                "", self.tr("No strength matches the kind and search."), "")
        elif not strengths:
            self.strengths_empty_label.set_content(self._none_title(), self._none_marked(),
                                                   self.tr("Add a Strength…"))
        self.strengths_stack.setCurrentIndex(0 if self.strengths_model.rowCount() else 1)

    def set_read_only(self, read_only: bool) -> None:
        self.strengths_empty_label.set_action_enabled(not read_only)

    def set_compact(self, compact: bool) -> None:
        """A short window: the hint gives its line to the list (its page's tooltip says it)."""
        self.hint.setVisible(not compact)

    def wanted_height(self, rows: int, compact: bool) -> int:
        """The height that shows the hint (unless ``compact``) and ``rows`` rows."""
        column = self.layout()
        height = column.contentsMargins().top() + table_height(self.strengths_list, rows)
        if not compact:
            height += self.hint.heightForWidth(max(self.width(), 1)) + column.spacing()
        return height
