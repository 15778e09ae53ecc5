"""The list of the main window's tabs: the one place a tab is declared.

Each entry names the module and class of the tab (imported when the tab is first shown), its
stable object name, its title with the mnemonic, and the kinds of items it shows (Find and
``show_item`` ask that tab first). The tab widget, the titles, item navigation, the View menu
(Ctrl+1 … Ctrl+7) and the tests all read this list.

Adding a tab:
1. write a ``TabBase`` subclass in ``careerpivot/ui/tabs/<name>.py`` (or a package of that
   name) and implement ``reload()``; override the other hooks of ``TabBase`` it needs
   (``show_item``, ``flush_edits``, ``focus_search``, ``save_state``/``restore_state``,
   ``attach_documents``) — each has a documented no-op default;
2. add one ``TabSpec`` line below, where the tab should stand.

This module stays light: the window imports it before its first paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["TABS", "TabSpec", "item_tab", "spec"]

#: The translation context of the tab titles.
CONTEXT = "Tabs"


@dataclass(frozen=True)
class TabSpec:
    module: str
    cls: str
    #: the stable ``objectName`` of the tab's widget
    name: str
    #: the title's source text, with its mnemonic (see :meth:`title`)
    source_title: str
    #: kinds of items this tab selects (``show_item`` asks it before the others)
    kinds: tuple[str, ...] = ()

    def title(self) -> str:
        """The title as shown, translated."""
        return QCoreApplication.translate(CONTEXT, self.source_title)


TABS: tuple[TabSpec, ...] = (
    TabSpec("careerpivot.ui.tabs.overview", "OverviewTab", "overviewTab",
            QT_TRANSLATE_NOOP("Tabs", "&Overview"), ("log",)),
    TabSpec("careerpivot.ui.tabs.paths", "PathsTab", "pathsTab",
            QT_TRANSLATE_NOOP("Tabs", "&Paths"), ("path", "assumption")),
    TabSpec("careerpivot.ui.tabs.network", "NetworkTab", "networkTab",
            QT_TRANSLATE_NOOP("Tabs", "&Network"), ("contact",)),
    TabSpec("careerpivot.ui.tabs.interviews", "InterviewsTab", "interviewsTab",
            QT_TRANSLATE_NOOP("Tabs", "&Interviews"), ("interview",)),
    TabSpec("careerpivot.ui.tabs.development", "DevelopmentTab", "developmentTab",
            QT_TRANSLATE_NOOP("Tabs", "&Development"), ("skill", "learning")),
    TabSpec("careerpivot.ui.tabs.plan", "PlanTab", "planTab",
            QT_TRANSLATE_NOOP("Tabs", "P&lan"), ("phase", "milestone", "contingency")),
    TabSpec("careerpivot.ui.tabs.summary", "SummaryTab", "summaryTab",
            QT_TRANSLATE_NOOP("Tabs", "&Summary")),
)

_BY_NAME = {tab.name: tab for tab in TABS}
_BY_KIND = {kind: tab.name for tab in TABS for kind in tab.kinds}


def spec(name: str) -> TabSpec:
    """The tab whose object name is ``name`` (KeyError if there is none)."""
    return _BY_NAME[name]


def item_tab(kind: str) -> str | None:
    """The object name of the tab that shows items of ``kind``, if one does."""
    return _BY_KIND.get(kind)
