"""The left side of the Development tab (:class:`ListsPanel`, ``developmentListsSplitter``): the
ranked development list above two pages, what I already bring and the learning items and
experiments (three lists one above the other left each a few rows on a laptop's screen). It
names the pages with their counts and keeps its layout — the split, each list's columns and the
page shown — between sessions.

Until the user moves the split (or a kept one is put back), the split gives each list at least
:data:`ROWS` rows, the ranked list first, and shares what is left 3 : 2; a window too short for
that drops the ranked list's headline and the strengths' hint (they become tooltips)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.itemmodels import skills as sm
from careerpivot.ui.tabs.development.common import restore_layout, save_layout
from careerpivot.ui.tabs.development.learning_list import LearningPane
from careerpivot.ui.tabs.development.skill_lists import RankedPane, StrengthsPane

#: Where the layout is kept. (The columns under names of their own since the lists fit their
#: columns: a layout kept by an earlier version, with every column shown, is not put back.)
SPLIT_KEY, PAGE_KEY = "development/listsSplitter", "development/lowerPage"
RANKED_KEY, STRENGTHS_KEY = "development/rankedColumns", "development/strengthsColumns"
LEARNING_KEY = "development/learningColumns"
#: Rows each list shows at least, where the window's height allows.
ROWS = 5
#: The ranked list's share of the height beyond those rows (the pages below get the rest).
RANKED_SHARE = 0.6


class ListsPanel(QSplitter):
    """The ranked list (``ranked``) above the pages ``lower_tabs``: ``strengths``, ``learning``."""

    def __init__(self, ctx: AppContext, skills: sm.SkillsModel, strengths: sm.SkillsModel,
                 learning: lm.LearningModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("developmentListsSplitter")
        self.setChildrenCollapsible(False)
        self.skills_model, self.strengths_model, self.learning_model = \
            skills, strengths, learning
        self.ranked = RankedPane(ctx, skills, strengths, self)
        self.addWidget(self.ranked)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setObjectName("developmentLowerTabs")
        self.lower_tabs.setDocumentMode(True)
        self.strengths = StrengthsPane(strengths, self)
        self.lower_tabs.addTab(self.strengths, "")
        self.learning = LearningPane(ctx, learning, self)
        self.lower_tabs.addTab(self.learning, "")
        self.addWidget(self.lower_tabs)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([420, 280])
        self.lower_tabs.setTabToolTip(0, self.strengths.hint.text())
        self._user_split = False  # the user moved the split, or a kept one was put back
        self._fitting = False  # the split is being set here (not moved by the user)
        self.splitterMoved.connect(self._split_moved)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_height)
        self.name_pages()

    def name_pages(self) -> None:
        """The lower pages' titles, with how many each holds."""
        strengths = self.strengths_model.total_count()
        items = self.learning_model.total_count()
        self.lower_tabs.setTabText(0, self.tr("What I alread&y bring ({0})").format(strengths)
                                   if strengths else self.tr("What I alread&y bring"))
        self.lower_tabs.setTabText(1, self.tr("Learning and e&xperiments ({0})").format(items)
                                   if items else self.tr("Learning and e&xperiments"))

    def fit_columns(self) -> None:
        """Size the lists' columns to the rows just loaded."""
        for pane in (self.ranked, self.strengths, self.learning):
            pane.column_fit.fit_contents()
        self._fit_timer.start()  # (two lines a row, or one: the heights change)

    # --- the split ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def _split_moved(self, _position: int, _index: int) -> None:
        if not self._fitting:
            self._user_split = True

    def _wanted(self, compact: bool) -> tuple[int, int]:
        """The heights of the ranked list and of the pages below that show :data:`ROWS` rows
        each (without the headline and the hint when ``compact``)."""
        tabs = self.lower_tabs.tabBar().sizeHint().height()
        lower = tabs + max(self.strengths.wanted_height(ROWS, compact),
                           self.learning.wanted_height(ROWS))
        return self.ranked.wanted_height(ROWS, compact), lower

    def fit_height(self) -> None:
        """Give each list :data:`ROWS` rows at least where the height allows (see the module's
        description)."""
        height = self.height() - self.handleWidth()
        if height <= 0 or not self.isVisible():
            return
        compact = height < sum(self._wanted(False))
        for part in (self.ranked, self.strengths):
            part.set_compact(compact)
        if self._user_split:
            return
        ranked, lower = self._wanted(compact)
        spare = height - ranked - lower
        if spare > 0:
            ranked += round(spare * RANKED_SHARE)
        ranked = max(min(ranked, height - self.lower_tabs.minimumSizeHint().height()),
                     self.ranked.minimumSizeHint().height())
        self._fitting = True
        try:
            self.setSizes([ranked, height - ranked])
        finally:
            self._fitting = False

    def _tables(self) -> dict[str, RankedPane | StrengthsPane | LearningPane]:
        return {RANKED_KEY: self.ranked, STRENGTHS_KEY: self.strengths,
                LEARNING_KEY: self.learning}

    def save_state(self, settings: Settings) -> None:
        save_layout(settings, {SPLIT_KEY: self},
                    {key: pane.column_fit.table for key, pane in self._tables().items()})
        settings.set_window_state(PAGE_KEY, QByteArray(bytes([self.lower_tabs.currentIndex()])))

    def restore_state(self, settings: Settings) -> None:
        panes = self._tables()
        tables = {key: pane.column_fit.table for key, pane in panes.items()}
        if settings.window_state(SPLIT_KEY) is not None:
            self._user_split = True  # the split the user left
        for key in restore_layout(settings, {SPLIT_KEY: self}, tables):
            panes[key].column_fit.restored()
        page = settings.window_state(PAGE_KEY)
        if page is not None and page.size() == 1 and page.data()[0] < self.lower_tabs.count():
            self.lower_tabs.setCurrentIndex(page.data()[0])
