"""The ranked development list (and the transferable strengths shown apart) as a table model.

One model class serves both lists: :class:`SkillsModel` with ``strengths=False`` holds the
skills to develop, ranked by priority; with ``strengths=True`` it holds the transferable
strengths ("what I already bring"). Rows come from one call to
:func:`careerpivot.services.development.ranked_skills` (plain dataclasses); a sort key per
column and a folded search key are computed once per load, so sorting, the kind filter and the
search work in Python over those keys and never reach the database or call ``data()``.

The current and target levels are edited in place: :meth:`SkillsModel.setData` hands the new
level to a save function given by the tab, and shows the row re-scored at once (with
:mod:`careerpivot.core.priority`); the tab then reloads the ranking from the service.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from careerpivot.core import priority as _priority
from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services.development import RankedSkill
from careerpivot.ui.itemmodels.base import FilteredTableModel
from careerpivot.ui.widgets.progress_delegate import PROGRESS_ROLE

(RANK, SKILL, WHY, CURRENT, TARGET, LEARNING, PRIORITY, GAP, KIND, IMPORTANCE, MENTIONS,
 PEOPLE, ORGANIZATIONS, LEVELS) = range(14)
COLUMN_COUNT = 14

#: The columns a person edits in place, and the skill field each one stores.
LEVEL_FIELDS = {CURRENT: "current_level", TARGET: "target_level"}

#: The role that gives a row's skill id (any column).
SKILL_ID_ROLE = Qt.ItemDataRole.UserRole
#: The role that gives a level column's number (0-4, None: not assessed), for the level
#: editor.
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2

Role = Qt.ItemDataRole

#: English names of the skill levels 0-4 (translated in the ``levels`` context).
LEVEL_NAMES = (
    QT_TRANSLATE_NOOP("levels", "none"),
    QT_TRANSLATE_NOOP("levels", "beginner"),
    QT_TRANSLATE_NOOP("levels", "working"),
    QT_TRANSLATE_NOOP("levels", "advanced"),
    QT_TRANSLATE_NOOP("levels", "expert"),
)

#: The text of a level never set (translated in the ``levels`` context).
NOT_ASSESSED = QT_TRANSLATE_NOOP("levels", "not assessed")

SaveLevel = Callable[[int, str, int | None], bool]

#: Roles the lists never answer, asked for every cell painted: answered before any look-up.
NO_DATA_ROLES = frozenset(int(r) for r in (
    Role.DecorationRole, Role.BackgroundRole, Role.CheckStateRole, Role.SizeHintRole))

#: A cell's flags (combined once: combining Qt flags in Python is slow, and a paint asks for
#: the flags of every cell).
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable




def vocab_name(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


def level_name(level: int | None) -> str:
    """"2 working": the number first, so the scale reads at a glance and sorts; "not
    assessed" for None."""
    if level is None:
        return QCoreApplication.translate("levels", NOT_ASSESSED)
    name = LEVEL_NAMES[level] if 0 <= level < len(LEVEL_NAMES) else ""
    return f"{level} {QCoreApplication.translate('levels', name)}".strip()


def to_develop(row: RankedSkill) -> bool:
    """An open gap, or levels not set (a skill not assessed is never taken as closed)."""
    return row.gap is None or row.gap > 0


def _sortable(level: int | None) -> int:
    """A level or gap as a sort key: not assessed (None) before 0."""
    return -1 if level is None else level


def translated_phrases() -> dict[str, str]:
    return {key: QCoreApplication.translate("priority", text)
            for key, text in _priority.PHRASES.items()}


def evidence_of(row: RankedSkill) -> _priority.SkillEvidence:
    return _priority.SkillEvidence(
        mentions=row.mentions, essential=row.essential, important=row.important,
        nice=row.nice, interviews=row.interviews, people=row.people,
        organizations=row.organizations, levels=row.levels,
        total_conversations=row.total_conversations,
    )


def explanation(row: RankedSkill, phrases: dict[str, str] | None = None) -> str:
    """The row's plain-words explanation in the user's language."""
    return _priority.explain(evidence_of(row), row.gap, row.transferable,
                             phrases if phrases is not None else translated_phrases())


def rescored(row: RankedSkill, **changes: Any) -> RankedSkill:
    """The row with new values (levels, transferable, name, kind) and its gap, priority and
    explanation computed again. The evidence does not depend on them, so this is what
    :func:`~careerpivot.services.development.ranked_skills` would return for the row."""
    row = dataclasses.replace(row, **changes)
    p = _priority.priority(evidence_of(row), row.current_level, row.target_level,
                           row.transferable)
    return dataclasses.replace(row, gap=p.gap, score=p.score, evidence=p.evidence,
                               explanation=p.explanation)


def ranked(rows: Iterable[RankedSkill]) -> list[RankedSkill]:
    """Rows in the development list's order (the service's): priority, then name."""
    return _priority.rank(rows)


class _Entry:
    __slots__ = ("display", "rank", "row", "search", "sort", "why")

    def __init__(self, row: RankedSkill, rank: int, display: tuple[str, ...], why: str,
                 sort: tuple[Any, ...], search: str) -> None:
        self.row, self.rank, self.display, self.why = row, rank, display, why
        self.sort, self.search = sort, search


class SkillsModel(FilteredTableModel):
    """Skills with their evidence, highest priority first; sorted by any column, filtered by
    kind and search words. Current and target levels are editable."""

    #: A level was stored from the table: (skill id, field, new level).
    levelEdited = Signal(int, str, object)  # skill id, field, level (None: not assessed)

    COLUMN_COUNT = COLUMN_COUNT

    def __init__(self, parent=None, *, strengths: bool = False,
                 save: SaveLevel | None = None) -> None:
        super().__init__(parent, sort_column=RANK)
        self.strengths = strengths
        self._save = save
        self._editable = save is not None
        self._kind: str | None = None
        self._words: tuple[str, ...] = ()
        self._max_score = 1.0
        self._prepare_texts()
        self._nothing_planned = self.tr("nothing planned yet")
        headers = {
            RANK: (self.tr("#"), self.tr("Rank: what to learn first")),
            SKILL: (self.tr("Skill"),
                    self.tr("The skill, tool, certification or domain knowledge")),
            WHY: (self.tr("Why"), self.tr("Why it ranks where it does, in plain words")),
            CURRENT: (self.tr("Now"), self.tr(
                "Your current level, 0 none to 4 expert (double-click or F2 to change)")),
            TARGET: (self.tr("Target"), self.tr(
                "The level you aim for, 0 none to 4 expert (double-click or F2 to change)")),
            LEARNING: (self.tr("Learning"), self.tr(
                "Learning items and experiments that serve this skill (not dropped)")),
            PRIORITY: (self.tr("Priority"), self.tr(
                "Priority: the evidence from your conversations times the gap between your "
                "current and target level")),
            GAP: (self.tr("Gap"), self.tr("Target level minus current level")),
            KIND: (self.tr("Kind"), self.tr("Kind of skill")),
            IMPORTANCE: (self.tr("Importance"), self.tr("How the conversations rated it")),
            MENTIONS: (self.tr("Mentions"), self.tr("Times it was mentioned")),
            PEOPLE: (self.tr("People"), self.tr("Distinct people who mentioned it")),
            ORGANIZATIONS: (self.tr("Organizations"),
                            self.tr("Distinct organizations of those people")),
            LEVELS: (self.tr("Exp. levels"),
                     self.tr("Distinct experience levels of those people")),
        }
        self._headers = tuple(headers[c][0] for c in range(COLUMN_COUNT))
        self._header_tips = tuple(headers[c][1] for c in range(COLUMN_COUNT))
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[RankedSkill]) -> None:
        """Show these skills (those of this list: transferable or not), keeping the given
        priority order as the rank."""
        self._prepare_texts()
        mine = [r for r in rows if r.transferable == self.strengths]
        self._max_score = max((r.score for r in mine), default=1.0) or 1.0
        self._set_entries([self._entry(r, rank) for rank, r in enumerate(mine, start=1)])

    def _prepare_texts(self) -> None:
        """The texts every row shares, looked up once per load rather than once per row."""
        self._phrases = translated_phrases()
        # untranslated phrases: the service's explanation is the one to show
        self._english = self._phrases == _priority.PHRASES
        self._kind_names = {k: vocab_name(v) for k, v in vocab.SKILL_KINDS.items()}
        self._level_names = [level_name(level) for level in range(len(LEVEL_NAMES))]
        self._not_assessed = level_name(None)
        self._not_set = self.tr("not set")
        self._counted: dict[tuple[int, int], str] = {}

    def _id_of(self, row: RankedSkill) -> int:
        return row.skill_id

    def _level_text(self, level: int | None) -> str:
        names = self._level_names
        if level is None:
            return self._not_assessed
        return names[level] if 0 <= level < len(names) else level_name(level)

    def _entry(self, row: RankedSkill, rank: int) -> _Entry:
        kind = self._kind_names.get(row.kind, row.kind)
        importance = self._importance_text(row)
        learning = "; ".join(row.learning)
        why = row.explanation if self._english else explanation(row, self._phrases)
        name_fold = fold(row.name)
        display = (
            str(rank), row.name, why, self._level_text(row.current_level),
            self._level_text(row.target_level),
            learning or (self._nothing_planned if to_develop(row) else ""),
            self._score_text(row.score),
            self._not_set if row.gap is None else str(row.gap) if row.gap else "–", kind,
            importance,
            str(row.mentions), str(row.people), str(row.organizations), str(row.levels),
        )
        sort = (
            rank, name_fold, -row.score, _sortable(row.current_level),
            _sortable(row.target_level), (not learning, fold(learning)), -row.score,
            _sortable(row.gap), (fold(kind), name_fold),
            (row.essential, row.important, row.nice), row.mentions, row.people,
            row.organizations, row.levels,
        )
        return _Entry(row, rank, display, why, sort, name_fold)

    def _importance_text(self, row: RankedSkill) -> str:
        parts = []
        for which, count in ((0, row.essential), (1, row.important), (2, row.nice)):
            if count:
                parts.append(self._counted_text(which, count))
        return ", ".join(parts)

    def _counted_text(self, which: int, count: int) -> str:
        """"3 essential", "1 important", "2 nice to have", in the user's language (each
        distinct one translated once per load)."""
        text = self._counted.get((which, count))
        if text is None:
            if which == 0:
                text = self.tr("%n essential", "", count)
            elif which == 1:
                text = self.tr("%n important", "", count)
            else:
                text = self.tr("%n nice to have", "", count)
            self._counted[(which, count)] = text
        return text

    @staticmethod
    def _score_text(score: float) -> str:
        return f"{score:.1f}" if score < 100 else f"{score:.0f}"

    def set_editable(self, editable: bool) -> None:
        """Levels can be edited in place (not in a read-only workspace)."""
        editable = editable and self._save is not None
        if editable != self._editable:
            self._editable = editable
            if self._visible:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._visible) - 1, COLUMN_COUNT - 1))

    # --- filtering -------------------------------------------------------------------------
    def set_kind(self, kind: str | None) -> None:
        if kind != self._kind:
            self._kind = kind
            self._refilter()

    def set_search(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._words = words
            self._refilter()

    def filters_active(self) -> bool:
        return self._kind is not None or bool(self._words)

    def _filtered(self, entries: Sequence[_Entry]) -> list[int]:
        kind, words = self._kind, self._words
        if kind is None and not words:
            return list(range(len(entries)))
        return [i for i, e in enumerate(entries)
                if (kind is None or e.row.kind == kind)
                and all(w in e.search for w in words)]

    # --- lookups ---------------------------------------------------------------------------
    def skill_id(self, row: int) -> int | None:
        return self._id_at(row)

    def skill(self, skill_id: int) -> RankedSkill | None:
        return self._row_by_id(skill_id)

    def skills(self) -> list[RankedSkill]:
        return self._all_rows()

    def visible_skills(self) -> list[RankedSkill]:
        return [self._entries[i].row for i in self._visible]

    def rank_of(self, skill_id: int) -> int | None:
        """The skill's place in this list's priority order (1 = first), whatever the sort."""
        index = self._by_id.get(skill_id)
        return self._entries[index].rank if index is not None else None

    def explanation_of(self, skill_id: int) -> str:
        index = self._by_id.get(skill_id)
        return self._entries[index].why if index is not None else ""

    # --- QAbstractItemModel ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Role.DisplayRole:
            return self._headers[section]
        if role == Role.ToolTipRole:
            return self._header_tips[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() in LEVEL_FIELDS and self._editable:
            return _EDITABLE
        return _SELECTABLE

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if role in NO_DATA_ROLES:
            return None
        entry = self._entry_at(index)
        if entry is None:
            return None
        row, column = entry.row, index.column()
        if role == Role.DisplayRole:
            return entry.display[column]
        if role == SKILL_ID_ROLE:
            return row.skill_id
        if role == Role.EditRole:
            if column == CURRENT:
                return row.current_level
            if column == TARGET:
                return row.target_level
            return entry.display[column]
        if role == LEVEL_ROLE and column in LEVEL_FIELDS:
            return row.current_level if column == CURRENT else row.target_level
        if role == PROGRESS_ROLE and column == PRIORITY:
            return (max(row.score, 0.0) / self._max_score, entry.display[PRIORITY])
        if role == Role.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Role.TextAlignmentRole:
            if column in (RANK, GAP, MENTIONS, PEOPLE, ORGANIZATIONS, LEVELS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Role.FontRole:
            if column == SKILL and not self.strengths and to_develop(row) and entry.rank <= 3:
                return self._bold
            if column == LEARNING and not row.learning and to_develop(row):
                return self._italic
            return None
        if role == Role.ForegroundRole:
            muted = (column == LEARNING and not row.learning) or (
                not self.strengths and row.gap == 0 and column != SKILL)
            if muted:
                return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.Text)
            return None
        if role == Role.AccessibleTextRole:
            return entry.display[column]
        return None

    def _tooltip(self, entry: _Entry, column: int) -> str | None:
        row = entry.row
        if column in (SKILL, WHY):
            return f"{row.name}: {entry.why}"
        if column == PRIORITY and row.gap is None:
            return self.tr("Priority {0}: levels not set, ranked by evidence {1:.1f} as if the "
                           "gap were {2}").format(entry.display[PRIORITY], row.evidence,
                                                  _priority.DEFAULT_GAP)
        if column == PRIORITY:
            return self.tr("Priority {0}: evidence {1:.1f} × gap {2}").format(
                entry.display[PRIORITY], row.evidence, row.gap) if row.gap else self.tr(
                "Priority {0}: the gap is closed, so it ranks below every open gap").format(
                entry.display[PRIORITY])
        if column == LEARNING:
            if row.learning:
                return "\n".join(row.learning)
            return self.tr("No learning planned for this skill yet")
        if column in LEVEL_FIELDS:
            return self.tr("Double-click or press F2 to change")
        if column == IMPORTANCE:
            return entry.display[IMPORTANCE] or None
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Role.EditRole) -> bool:
        if (role != Role.EditRole or not index.isValid() or self._save is None
                or not self._editable
                or index.column() not in LEVEL_FIELDS or index.row() >= len(self._visible)):
            return False
        level: int | None = None
        if value is not None and value != "":  # None: not assessed
            try:
                level = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= level < len(LEVEL_NAMES):
                return False
        position = self._visible[index.row()]
        entry = self._entries[position]
        field = LEVEL_FIELDS[index.column()]
        old = entry.row.current_level if field == "current_level" else entry.row.target_level
        if level == old:
            return True
        if not self._save(entry.row.skill_id, field, level):
            return False
        # Show the new level, gap and priority at once; the tab re-ranks from the service.
        self._entries[position] = self._entry(rescored(entry.row, **{field: level}), entry.rank)
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), COLUMN_COUNT - 1))
        self.levelEdited.emit(entry.row.skill_id, field, level)
        return True
