"""Columns that fit the table they are in (:class:`ColumnFit`): no horizontal scrollbar at the
usual window sizes, and the one column that says the most (a reason, a title, an organization)
never cut below a readable width.

How the width is shared:

* one *flexible* column takes what the others leave (it stretches with the table);
* the other columns are as wide as their header and their text, measured on the rows loaded
  (the first :data:`SAMPLE_ROWS` of a long list), within a limit per column in characters;
* when the table is too narrow for the flexible column's minimum, the *shrinkable* columns
  give way first, down to their own minimum and never narrower than their longest word (their
  text is elided or, on two lines, wraps; the full text is in the tooltip the models give);
* and then, if allowed, the flexible column's text wraps over two lines (taller rows).

The widths are measured on the first rows shown, and again when the tab calls
:meth:`ColumnFit.fit_contents` after loading its data (not while a filter narrows the list: the
columns stay put while one types). A column the user resized keeps the width they gave it. The
header's context menu shows or hides the optional columns (:func:`offer_column_menu`); on a
narrow screen a list starts with fewer of them shown (:func:`hide_columns`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QTableView, QWidget

from careerpivot.ui.widgets.spacing import row_height

#: A long list's widths are measured on this many rows (those in its current order): about
#: two screens of rows. Measuring costs a data() call and a text measure per cell, on every
#: load: 200 rows of the Development list's 11 columns took 150 ms of its first switch.
SAMPLE_ROWS = 50
#: The largest share of the screen's width a list holds for its columns.
MAX_SCREEN_SHARE = 0.6
#: A screen narrower than this (in logical pixels: 1920 at 200 % is 960) is narrow: the lists
#: start with fewer optional columns shown.
NARROW_SCREEN = 1200


#: Text as the lists show it (words, spaces, digits, punctuation), to measure a width in
#: characters by: a font's "average character" is narrower than such text.
_TYPICAL = "essential in 4 of 6 conversations, important in 2, 3 organizations, gap 2; "


def chars(table: QTableView, count: float) -> int:
    """The width of ``count`` characters of typical text in the table's font."""
    metrics = QFontMetrics(table.font())
    per_char = metrics.horizontalAdvance(_TYPICAL) / len(_TYPICAL)
    return int(per_char * count + 0.5)


def narrow_screen(widget: QWidget) -> bool:
    """Whether ``widget`` is on a narrow screen (see :data:`NARROW_SCREEN`)."""
    return widget.screen().availableGeometry().width() < NARROW_SCREEN


def hide_columns(table: QTableView, hidden: Iterable[int],
                 narrow: Iterable[int] = ()) -> None:
    """Hide the columns a list starts without: ``hidden`` everywhere, and ``narrow`` too on a
    narrow screen (the header's menu shows them again; a layout the user kept wins)."""
    columns = set(hidden) | (set(narrow) if narrow_screen(table) else set())
    for column in sorted(columns):
        table.setColumnHidden(column, True)


def table_height(table: QTableView, rows: int) -> int:
    """The height that shows the table's header and ``rows`` rows of the height they have."""
    return table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() \
        + rows * table.verticalHeader().defaultSectionSize()


class ColumnFit(QObject):
    """Keeps ``table``'s columns inside its width (see the module's description).

    ``flexible`` is the column that stretches, at least ``min_chars`` characters wide (plus
    its padding); ``limits`` gives the content-sized columns their (min, max) width in
    characters (a column not named is sized to its content, unlimited); ``shrink`` lists the
    columns that give way when the table is narrow, in that order; ``wrap`` lets the flexible
    column's text run over two lines once they have."""

    def __init__(self, table: QTableView, flexible: int, *, min_chars: int,
                 limits: dict[int, tuple[float, float]] | None = None,
                 shrink: Iterable[int] = (), wrap: bool = False,
                 fixed: dict[int, int] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.flexible = flexible
        self.min_chars = min_chars
        self.limits = dict(limits or {})
        self.shrink = tuple(shrink)
        self.wrap_allowed = wrap
        #: columns of a set width in pixels (a bar, a rank); 0: as wide as the header
        self.fixed = dict(fixed or {})
        self.preferred: dict[int, int] = {}  # the width each column would like
        self.whole: dict[int, int] = {}  # the width that shows all of a column's texts
        self.longest_word: dict[int, int] = {}  # a shrinkable column's longest word
        self.user_sized: set[int] = set()
        self.lines = 1
        self._fitting = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refit)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(max(header.minimumSectionSize(), chars(table, 3)))
        header.setSectionResizeMode(flexible, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._section_resized)
        self._dragging = False
        self._flexible_whole_width: int | None = None
        self._header = header.viewport()  # (where a header's mouse events go)
        self._viewport = table.viewport()
        self._header.installEventFilter(self)  # a drag of a column's edge (see eventFilter)
        self._viewport.installEventFilter(self)
        model = table.model()
        # (a filter resets the model too: the columns keep their widths while one types;
        # the tab calls fit_contents after each load)
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._pending.start)

    # --- measuring -------------------------------------------------------------------------
    def padding(self) -> int:
        """What a cell adds around its text (the style's text margins, and a little air)."""
        style = self.table.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table)
        return 2 * (margin + 1) + 8

    def minimum_flexible(self) -> int:
        """The least width of the flexible column on one line."""
        return chars(self.table, self.min_chars) + self.padding()

    def header_width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        text = str(self.table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        return header.fontMetrics().horizontalAdvance(text) + 2 * margin + mark + 8

    def content_width(self, column: int) -> int:
        """The widest text of the column over the rows loaded (a sample of a long list), in
        the font of its row (some are bold or italic), with the cell's padding. (For a
        shrinkable column, its longest word too, in :attr:`longest_word`.)"""
        model = self.table.model()
        plain = QFontMetrics(self.table.font())
        styled: dict[tuple[bool, bool], QFontMetrics] = {}
        widest = word = 0
        words = column in self.shrink
        for row in range(min(model.rowCount(), SAMPLE_ROWS)):
            index = model.index(row, column)
            text = index.data()
            if not text:
                continue
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = plain
            if isinstance(font, QFont) and (font.bold() or font.italic()):
                key = (font.bold(), font.italic())
                if key not in styled:
                    shown = QFont(self.table.font())
                    shown.setBold(key[0])
                    shown.setItalic(key[1])
                    styled[key] = QFontMetrics(shown)
                metrics = styled[key]
            widest = max(widest, metrics.horizontalAdvance(str(text)))
            if words:
                word = max(word, *(metrics.horizontalAdvance(w) for w in str(text).split()))
        if words:
            self.longest_word[column] = word + self.padding() if word else 0
        return widest + self.padding() if widest else 0

    def _reset(self) -> None:
        if not self.preferred and self.table.model().rowCount():
            self.fit_contents()  # the first rows: size the columns to them
        else:
            self._pending.start()

    def fit_contents(self) -> None:
        """Size the content columns to their header and text (not those the user sized)."""
        header = self.table.horizontalHeader()
        for column in range(self.table.model().columnCount()):
            if column == self.flexible or column in self.user_sized:
                continue
            if column in self.fixed:
                width = self.fixed[column] or self.header_width(column)
            else:
                width = max(self.header_width(column), self.content_width(column))
                self.whole[column] = width
                low, high = self.limits.get(column, (0, 0))
                if high:
                    width = min(width, chars(self.table, high) + self.padding())
                width = max(width, chars(self.table, low) + self.padding() if low else 0)
            self.preferred[column] = width
            if header.sectionSize(column) != width:
                self._resize(column, width)
        # never more than a share of the screen: the panes beside the list must still fit
        # (past that, the list scrolls sideways rather than being cut)
        screen = self.table.screen().availableGeometry().width()
        self.table.setMinimumWidth(min(self.minimum_width(), int(screen * MAX_SCREEN_SHARE)))
        self._flexible_whole_width = None
        self.refit()

    def _least(self, column: int) -> int:
        """The narrowest a shrinkable column gets: its least characters, and never less
        than its header (a header cut short is a label the user cannot read) or its longest
        word (up to the width it would like)."""
        low = self.limits.get(column, (6, 0))[0] or 6
        return max(chars(self.table, low) + self.padding(), self.header_width(column),
                   min(self.longest_word.get(column, 0), self.preferred.get(column, 0)))

    def minimum_width(self) -> int:
        """The narrowest the table may get: every column at its least width (the flexible
        one on two lines when it may wrap), so a narrow window never cuts a key column; the
        pane beside it gives way instead."""
        header = self.table.horizontalHeader()
        total = 0
        for column in self._visible():
            if column == self.flexible:
                total += self._two_line_width() if self.wrap_allowed \
                    else self.minimum_flexible()
            elif column in self.shrink and column not in self.user_sized:
                total += min(self._least(column), header.sectionSize(column))
            else:
                total += header.sectionSize(column)
        scrollbar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return total + scrollbar + 2 * self.table.frameWidth()

    # --- sharing the width -----------------------------------------------------------------
    def _visible(self) -> list[int]:
        header = self.table.horizontalHeader()
        return [c for c in range(header.count()) if not header.isSectionHidden(c)]

    def refit(self) -> None:
        """Share the table's width again: the shrinkable columns give way to (or take back
        from) the flexible one; then one line or two."""
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        if available <= 0 or self._fitting:
            return
        visible = self._visible()
        need = self.minimum_flexible()
        others = sum(header.sectionSize(c) for c in visible if c != self.flexible)
        free = available - others
        shrinkable = [c for c in self.shrink if c in visible and c not in self.user_sized]
        if free < need:
            deficit = need - free
            for column in shrinkable:
                low = self._least(column)
                size = header.sectionSize(column)
                give = min(deficit, max(size - low, 0))
                if give:
                    self._resize(column, size - give)
                    deficit -= give
                if deficit <= 0:
                    break
        elif free > need:
            surplus = free - need
            for column in reversed(shrinkable):  # the last to give way takes back first
                size, wanted = header.sectionSize(column), self.preferred.get(column, 0)
                take = min(surplus, max(wanted - size, 0))
                if take:
                    self._resize(column, size + take)
                    surplus -= take
                if surplus <= 0:
                    break
            # a wide screen: once the flexible column shows its longest text, the columns
            # cut at their limit show theirs whole too
            spare = need + surplus - self._flexible_whole() if surplus > 0 else 0
            for column in reversed(shrinkable):  # (the first to give way comes last)
                if spare <= 0:
                    break
                size = header.sectionSize(column)
                take = min(spare, max(self.whole.get(column, 0) - size, 0))
                if take:
                    self._resize(column, size + take)
                    spare -= take
        others = sum(header.sectionSize(c) for c in visible if c != self.flexible)
        free = available - others
        two_lines = self._two_line_width()
        if free >= need:
            self._set_lines(1)
            self._stretch(True)
        elif self.wrap_allowed and free >= two_lines:
            self._set_lines(2)
            self._stretch(True)
        else:
            # too narrow even so: the flexible column keeps its least width and the list
            # scrolls sideways, rather than squeezing the one column that says the most
            self._set_lines(2 if self.wrap_allowed else 1)
            self._stretch(False)
            self._resize(self.flexible, two_lines if self.wrap_allowed else need)

    def _flexible_whole(self) -> int:
        """The width that shows the flexible column's longest text (measured on a load)."""
        if self._flexible_whole_width is None:
            self._flexible_whole_width = self.content_width(self.flexible)
        return self._flexible_whole_width

    def _two_line_width(self) -> int:
        """The least width of the flexible column on two lines."""
        return (self.minimum_flexible() + self.padding()) // 2

    def _stretch(self, stretch: bool) -> None:
        header = self.table.horizontalHeader()
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(self.flexible) != mode:
            self._fitting = True
            try:
                header.setSectionResizeMode(self.flexible, mode)
            finally:
                self._fitting = False

    def flexible_width(self) -> int:
        """The flexible column's width as laid out now."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in self._visible() if c != self.flexible)
        return max(self.table.viewport().width() - others, header.minimumSectionSize())

    def _set_lines(self, lines: int) -> None:
        if lines == self.lines:
            return
        self.lines = lines
        self.table.setWordWrap(lines > 1)
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table, lines))

    def _resize(self, column: int, width: int) -> None:
        self._fitting = True
        try:
            self.table.horizontalHeader().resizeSection(column, width)
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == self.flexible or not self._dragging:
            return  # (Qt sizes sections too: a new model, a restored state)
        # the user dragged a column's edge: keep their width, share the rest again
        self.user_sized.add(column)
        self.preferred[column] = new
        self._pending.start()

    def restored(self) -> None:
        """The header's state was restored: the widths it holds are the user's; the
        flexible column stretches again."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.flexible, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in self._visible():
            if column != self.flexible and column not in self.fixed:
                self.user_sized.add(column)
                self.preferred[column] = header.sectionSize(column)
        self._pending.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and watched is self._header:
            self._dragging = True
        elif kind == QEvent.Type.MouseButtonRelease and watched is self._header:
            self._dragging = False
        elif kind == QEvent.Type.Resize and watched is self._viewport:
            self._pending.start()
        return False


def offer_column_menu(table: QTableView, optional: Iterable[int],
                      fit: ColumnFit | None = None) -> None:
    """Right-click on the header: show or hide the ``optional`` columns (the others always
    show)."""
    header = table.horizontalHeader()
    columns = tuple(optional)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(pos: QPoint) -> None:
        # a pop-up, not a modal loop: it goes when an entry is chosen or the click is
        # elsewhere (a test finds it as the header's "columnsMenu")
        menu = QMenu(header)
        menu.setObjectName("columnsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        model = table.model()
        for column in columns:
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: _toggle(c, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def _toggle(column: int, shown: bool) -> None:
        header.setSectionHidden(column, not shown)
        if fit is not None:
            fit.fit_contents()

    header.customContextMenuRequested.connect(show_menu)
