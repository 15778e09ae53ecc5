"""The left side of the Development tab (:class:`ListsPanel`, ``developmentListsSplitter``): the
ranked development list above two pages, what I already bring and the learning items and
experiments (three lists one above the other left each a few rows on a laptop's screen). It
names the pages with their counts and keeps its layout — the split, each list's columns and the
page shown — between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
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
        for key in restore_layout(settings, {SPLIT_KEY: self}, tables):
            panes[key].column_fit.restored()
        page = settings.window_state(PAGE_KEY)
        if page is not None and page.size() == 1 and page.data()[0] < self.lower_tabs.count():
            self.lower_tabs.setCurrentIndex(page.data()[0])
