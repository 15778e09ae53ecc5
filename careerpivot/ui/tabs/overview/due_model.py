"""The model of the Overview's due list (:class:`DueModel`): the due items in a two-level tree,
a header row per bucket (overdue, today, this week, coming) with its count and its items below,
with the words, colours and glyphs each row is shown with.

A bucket holds only the rows read so far: the first ones come with the counts
(``services.due_list.load``), more a page at a time when the list asks for them
(:meth:`DueModel.can_fetch_more` / :meth:`DueModel.fetch_more`, when a bucket's last row read
comes into view). They are not Qt's ``canFetchMore``/``fetchMore``: a tree view calls those
each time it lays out an expanded bucket, and inserting a page lays it out again, so it would
read every page of a long bucket in one go."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from careerpivot.core import clock, vocab
from careerpivot.core import due as _due
from careerpivot.services import due_list as _list
from careerpivot.services import overview
from careerpivot.services.due_list import DueItem, DueList
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.widgets.log_view import status_colors

#: Reads rows of a bucket: (bucket, offset, limit) -> the items.
Fetch = Callable[[str, int, int], list[DueItem]]

WHAT, WHEN, ABOUT = range(3)
Role = Qt.ItemDataRole
#: The item a row stands for (a DueItem; None on a bucket's header row).
ItemRole = Role.UserRole + 1

#: A glyph per kind, drawn as the row's icon (every one is in DejaVu Sans).
GLYPHS = {"action": "☐", "interview": "☎", "milestone": "⚑", "checkin": "↻",
          "outreach": "✉"}

_icons: dict[tuple[str, str], QIcon] = {}


def glyph_icon(glyph: str, color: QColor, size: int = 16) -> QIcon:
    key = (glyph, color.name())
    icon = _icons.get(key)
    if icon is None:
        icon = QIcon()
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.setDevicePixelRatio(scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            font = QFont("DejaVu Sans")
            font.setPixelSize(size - 3)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(0, 0, size, size, Qt.AlignmentFlag.AlignCenter, glyph)
            painter.end()
            icon.addPixmap(pixmap)
        _icons[key] = icon
    return icon


class _Group:
    """One bucket: its count and the rows read so far."""

    __slots__ = ("bucket", "count", "items")

    def __init__(self, bucket: str, count: int, items: list[DueItem]) -> None:
        self.bucket = bucket
        self.count = max(count, len(items))
        self.items = items


class DueModel(QAbstractItemModel):
    """Due items in a two-level tree: a header row per bucket, its items below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._fetch: Fetch | None = None
        self._today = clock.today()
        self._overdue = QColor("#b3261e")
        self._soon = QColor("#8a5a00")
        self._text = QColor("black")
        self._locale = QLocale()

    def set_list(self, data: DueList, today: _dt.date, palette: QPalette,
                 fetch: Fetch | None = None) -> None:
        """Show the buckets that hold anything, with the rows read so far; ``fetch`` reads
        more of them."""
        self.beginResetModel()
        self._groups = [_Group(b, data.counts.get(b, 0), list(data.rows.get(b, ())))
                        for b in _due.BUCKETS if data.counts.get(b, 0)]
        self._fetch = fetch
        self._today = today
        self._take_palette(palette)
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        self._take_palette(palette)
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 2))
            for g in range(len(self._groups)):
                parent = self.index(g, 0)
                rows = self.rowCount(parent)
                if rows:
                    self.dataChanged.emit(self.index(0, 0, parent),
                                          self.index(rows - 1, 2, parent))

    def _take_palette(self, palette: QPalette) -> None:
        self._overdue, self._soon = status_colors(palette)
        self._text = palette.color(QPalette.ColorRole.Text)

    # --- access ---------------------------------------------------------------------------
    def buckets(self) -> list[str]:
        return [g.bucket for g in self._groups]

    def count(self, bucket: str) -> int:
        """The bucket's count (its rows read or not)."""
        return next((g.count for g in self._groups if g.bucket == bucket), 0)

    def loaded(self, bucket: str) -> int:
        """How many of the bucket's rows have been read."""
        return next((len(g.items) for g in self._groups if g.bucket == bucket), 0)

    def items(self, bucket: str | None = None) -> list[DueItem]:
        """The items read so far (of one bucket, or all)."""
        return [i for g in self._groups if bucket in (None, g.bucket) for i in g.items]

    def fetch_all(self) -> None:
        """Read every row of every bucket (for tools and checks: the view reads a page at a
        time)."""
        for g in range(len(self._groups)):
            parent = self.index(g, 0)
            while self.can_fetch_more(parent):
                self.fetch_more(parent)

    def item(self, index: QModelIndex | QPersistentModelIndex) -> DueItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1].items
        return group[index.row()] if index.row() < len(group) else None

    def index_of(self, key: str) -> QModelIndex:
        """The row of the item with this key, among the rows read."""
        for g, group in enumerate(self._groups):
            for r, item in enumerate(group.items):
                if item.key == key:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def bucket_index(self, bucket: str) -> QModelIndex:
        for g, group in enumerate(self._groups):
            if group.bucket == bucket:
                return self.createIndex(g, 0, 0)
        return QModelIndex()

    # --- reading more ---------------------------------------------------------------------
    def _group_of(self, parent: QModelIndex | QPersistentModelIndex) -> _Group | None:
        if not parent.isValid() or parent.internalId() != 0 or parent.column() != 0:
            return None
        return self._groups[parent.row()] if parent.row() < len(self._groups) else None

    def can_fetch_more(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        group = self._group_of(parent)
        return (group is not None and self._fetch is not None
                and len(group.items) < group.count)

    def fetch_more(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        """Read the bucket's next page."""
        group = self._group_of(parent)
        if group is None or self._fetch is None or len(group.items) >= group.count:
            return
        start = len(group.items)
        wanted = min(_list.PAGE, group.count - start)
        rows = self._fetch(group.bucket, start, wanted)
        if len(rows) < wanted:
            # the workspace changed since the count (a reload follows): stop here
            group.count = start + len(rows)
            header = self.index(parent.row(), 0)
            self.dataChanged.emit(header, header)
        if rows:
            self.beginInsertRows(self.index(parent.row(), 0), start, start + len(rows) - 1)
            group.items.extend(rows)
            self.endInsertRows()

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                    ) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        group = self._group_of(parent)
        return group is not None and group.count > 0

    # --- the model ------------------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not parent.isValid():
            if 0 <= row < len(self._groups) and 0 <= column < 3:
                return self.createIndex(row, column, 0)
            return QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        items = self._groups[parent.row()].items
        if 0 <= row < len(items) and 0 <= column < 3:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()
               ) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        group = self._group_of(parent)
        return len(group.items) if group is not None else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (self.tr("What"), self.tr("When"), self.tr("About"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole
             ) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == ItemRole:
            return item
        if role == Role.DisplayRole:
            return (self.what(item), self.when(item), self.about(item))[column]
        if role == Role.ToolTipRole:
            return self.tooltip(item)
        if role == Role.DecorationRole and column == WHAT:
            return glyph_icon(GLYPHS.get(item.kind, "•"), self._color(item) or self._text)
        if role == Role.ForegroundRole and column == WHEN:
            return self._color(item)
        if role == Role.FontRole and column == WHEN and item.bucket == _due.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.AccessibleTextRole:
            return f"{self.what(item)}, {self.when(item)}, {self.about(item)}"
        return None

    def _color(self, item: DueItem) -> QColor | None:
        if item.bucket == _due.OVERDUE:
            return self._overdue
        if item.bucket in (_due.TODAY, _due.THIS_WEEK):
            return self._soon
        return None

    def _group_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        group = self._groups[index.row()]
        bucket = group.bucket
        if role == Role.DisplayRole and index.column() == WHAT:
            return f"{self.bucket_title(bucket)} ({group.count})"
        if role == Role.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.ForegroundRole:
            if bucket == _due.OVERDUE:
                return self._overdue
            if bucket in (_due.TODAY, _due.THIS_WEEK):
                return self._soon
        if role == Role.DecorationRole and index.column() == WHAT:
            glyph = {"overdue": "⚠", "today": "●", "this_week": "◷"}.get(bucket)
            if glyph:
                return glyph_icon(glyph, self._overdue if bucket == _due.OVERDUE
                                  else self._soon)
        return None

    # --- words ----------------------------------------------------------------------------
    def bucket_title(self, bucket: str) -> str:
        return {_due.OVERDUE: self.tr("Overdue"), _due.TODAY: self.tr("Today"),
                _due.THIS_WEEK: self.tr("This week"),
                _due.COMING: self.tr("Coming up")}[bucket]

    def what(self, item: DueItem) -> str:
        if item.kind == overview.ACTION:
            return item.text.split("\n", 1)[0]
        if item.kind == overview.INTERVIEW:
            if item.bucket == _due.OVERDUE:
                return self.tr("Write up your conversation with {0}").format(item.contact_name)
            return self.tr("Conversation with {0}").format(item.contact_name)
        if item.kind == overview.MILESTONE:
            return item.text
        if item.kind == overview.CHECKIN:
            if item.rule == "never":
                return self.tr("Get in touch with {0} (no contact logged yet)").format(
                    item.contact_name)
            return self.tr("Check in with {0}").format(item.contact_name)
        if item.kind == overview.OUTREACH:
            if item.rule == _due.SECOND_PERSON:
                return self.tr("Ask someone else at {0}").format(item.organization)
            return self.tr("Send {0} one follow-up").format(item.contact_name)
        return item.text

    def _day(self, day: _dt.date) -> str:
        return self._locale.toString(day, "ddd d MMM")

    def when(self, item: DueItem) -> str:
        time = f" {item.time}" if item.time else ""
        if item.bucket == _due.OVERDUE:
            if item.kind == overview.INTERVIEW:
                return self.tr("⚠ was {0}").format(self._day(item.due))
            late = item.days_late
            return self.tr("⚠ %n day(s) overdue", "", late)
        if item.bucket == _due.TODAY:
            text = self.tr("● Today{0}").format(time)
        elif item.bucket == _due.THIS_WEEK:
            text = f"◷ {self._day(item.due)}{time}"
        else:
            text = f"{self._day(item.due)}{time}"
        if item.snoozed:
            text += " " + self.tr("(snoozed)")
        return text

    def about(self, item: DueItem) -> str:
        if item.kind == overview.MILESTONE:
            parts = [self.tr("Milestone · {0}").format(item.phase)]
            if item.partner:
                parts.append(self.tr("with {0}").format(item.partner))
            return " · ".join(p for p in parts if p)
        if item.kind == overview.INTERVIEW:
            mode = _vocab(vocab.INTERVIEW_MODES.get(item.mode, "")) if item.mode else ""
            length = self.tr("{0} min").format(item.minutes) if item.minutes else ""
            return " · ".join(p for p in (item.organization, item.path_title,
                                          " ".join(x for x in (length, mode) if x)) if p)
        if item.kind == overview.OUTREACH:
            text = self.tr("no reply from {0} for %n business days", "", item.waited).format(
                item.contact_name)
            if item.rule == _due.SECOND_PERSON and item.candidates:
                text += " · " + self.tr("try {0}").format(
                    ", ".join(n for _i, n in item.candidates))
            return text
        name = item.contact_name if item.kind == overview.ACTION else ""
        return " · ".join(p for p in (name, item.organization, item.path_title) if p)

    def tooltip(self, item: DueItem) -> str:
        lines = [self.what(item)]
        if item.kind == overview.ACTION and "\n" in item.text:
            lines = [item.text]
        day = self._locale.toString(item.due, QLocale.FormatType.LongFormat)
        if item.snoozed and item.original_due is not None:
            lines.append(self.tr("Due {0}, snoozed until {1}").format(
                self._locale.toString(item.original_due, QLocale.FormatType.LongFormat), day))
        else:
            lines.append(self.tr("Due {0}").format(day))
        if item.kind == overview.OUTREACH:
            lines.insert(1, self.about(item))
            if item.sent is not None:
                lines.insert(2, self.tr("Request sent {0}").format(
                    self._locale.toString(item.sent, QLocale.FormatType.LongFormat)))
            lines.append(self.tr("Requests without a reply: after 3 business days ask a second "
                                 "person at the same organization; after 7, send one "
                                 "follow-up."))
        return "\n".join(lines)
