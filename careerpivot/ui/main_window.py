"""The main window: a thin shell of menus and tabs. Tabs and dialogs are their own modules;
its menus are built by the mixin of ``ui.window_menus``, its File actions on workspace files
and backups are the mixin of ``ui.window_files``.

The window is painted before the workspace is open (see ``open_at_start``), so this module
and the ones it imports stay light: the store and the services are imported when first used,
and ``Qt`` (whose namespace of enumerations PySide builds on first access, about 16 ms) is
imported inside the functions that need it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot import APP_NAME
from careerpivot.ui import actions as actions_mod
from careerpivot.ui import window_geometry, workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.session import Session
from careerpivot.ui.tabs import specs
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.window_files import WorkspaceFilesMixin
from careerpivot.ui.window_menus import WindowMenusMixin

if TYPE_CHECKING:
    from careerpivot.services import workspace
    from careerpivot.ui.data_actions import DataActions
    from careerpivot.ui.dialogs.startup import StartupOpener
    from careerpivot.ui.export import DocumentActions

#: After the start-up workspace has opened, the modules of the tabs not shown yet are imported
#: one at a time in idle moments (once the start-up's background work has ended): a first
#: click on a tab then only builds it and loads its data. Milliseconds before the first one,
#: and between two (the window handles its events in between).
PRELOAD_DELAY_MS = 400
PRELOAD_GAP_MS = 30

#: Automatic backups while the app is open: this long after the first unsaved-to-backup change.
AUTO_BACKUP_MS = 10 * 60 * 1000


class _LazyTabs(dict):
    """``MainWindow.tab_widgets``: holds the tabs built so far. Indexing a tab not built yet
    builds it; ``get``, ``in``, ``values`` and ``items`` see only built tabs (a tab never
    built has no edits to store and no state to save)."""

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> TabBase:
        return self._build(name)


def forget_source_lines() -> None:
    """Drop the source lines Python keeps of the modules imported so far.

    PySide6's import hook reads the signatures of every module imported after it through
    ``inspect``, which reads and keeps each module's source in ``linecache``: some 3.6 million
    characters once every tab's module is imported, kept for the life of the process. A
    traceback reads the lines it shows from the files again when it needs them."""
    import linecache

    linecache.clearcache()


class MainWindow(WindowMenusMixin, WorkspaceFilesMixin, QMainWindow):
    #: A workspace was opened and the current tab has loaded its data.
    workspace_ready = Signal()

    def __init__(self, ctx: AppContext, session: Session, parent: QWidget | None = None, *,
                 actions_after_paint: bool = False) -> None:
        """``actions_after_paint``: the menus' actions (and their shortcuts) are made just
        after the window's first paint, not before it (the app's start-up); until then the
        menus are there, empty. See :meth:`build_actions`."""
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(*window_geometry.DEFAULT_SIZE)
        self.setMinimumSize(*window_geometry.MINIMUM_SIZE)

        self.actions: actions_mod.Actions | None = None
        self.data_actions: DataActions | None = None
        self.document_actions: DocumentActions | None = None
        self._opening_message = ""
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._build_tabs()
        self._create_menus()
        self._connect()

        self._read_only_label = QLabel(self.tr("Read-only: changes cannot be saved"))
        self._read_only_label.setObjectName("readOnlyIndicator")
        self._read_only_label.setStyleSheet("color: palette(highlighted-text); "
                                            "background: palette(highlight); padding: 2px 8px;")
        self.statusBar().addPermanentWidget(self._read_only_label)
        self._read_only_label.hide()

        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.setInterval(AUTO_BACKUP_MS)
        self._backup_timer.timeout.connect(lambda: self.start_backup("auto"))
        self._backup_task: workers.Task | None = None
        #: The start-up backup waits for the window to be idle (start_backup_when_idle), and
        #: what waits for it to end (after_backup).
        self._backup_waiting = False
        self._after_backup: list[Callable[[], object]] = []
        self._check_task: workers.Task | None = None
        #: A File > Open under way: (the workspace open before it, if any,) else None.
        self._switch: tuple[Path | None] | None = None
        self._closed = False

        self._restore_state()
        self._painted = False
        self._after_paint: list[Callable[[], object]] = []
        #: The tab modules still to import in idle time (None: not asked for; see
        #: PRELOAD_DELAY_MS), and whether that is over.
        self._preload: list[str] | None = None
        self.tab_modules_ready = not actions_after_paint
        if actions_after_paint:
            self.when_painted(self.build_actions)
        else:
            self.build_actions()
        if session.info is not None:
            self._on_opened(session.info)
        else:
            self._set_workspace_open(False)

    def when_painted(self, call: Callable[[], object]) -> None:
        """Call ``call`` once the window has been painted for the first time (at once if it
        has been): what the first frame does not need waits for it. Should no paint come (a
        start minimised), the calls are made a second after the first of them was asked."""
        if self._painted:
            call()
            return
        if not self._after_paint:
            QTimer.singleShot(1000, self._run_after_paint)
        self._after_paint.append(call)

    def _run_after_paint(self) -> None:
        self._painted = True
        if self._closed:
            self._after_paint = []
            return
        calls, self._after_paint = self._after_paint, []
        for call in calls:
            call()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # posted from the paint: runs once the whole frame has been drawn
            QTimer.singleShot(0, self._run_after_paint)

    def start_backup_when_idle(self, reason: str) -> None:
        """The start-up backup (an automatic one: nothing is copied when the file is
        unchanged since the newest backup), started in a worker once the window is idle: the
        tab shown has painted and its data arrived (``ui.idle``). Copying and checking a large
        file would otherwise compete with that first paint. :meth:`after_backup` waits for it;
        should the window close first, the backup at exit takes its place."""
        from careerpivot.ui import idle

        info = self.session.info
        self._backup_waiting = True

        def start() -> None:
            self._backup_waiting = False
            task = None
            if not self._closed and self.session.info is info:  # (not another one since)
                task = self.start_backup(reason)
            task = task or self._backup_task  # (a backup asked for meanwhile)
            if task is None:
                self._backup_ended()
            else:
                task.signals.done.connect(self._backup_ended)

        idle.WhenIdle(self, self.tabs.currentWidget() or self, start)

    def after_backup(self, call: Callable[[], object]) -> None:
        """Call ``call`` once the backup under way, or the start-up backup still waiting for
        the window to be idle, has ended (and its notice shown); at once when there is none."""
        if self._backup_task is not None:
            self._backup_task.signals.done.connect(call)
        elif self._backup_waiting:
            self._after_backup.append(call)
        else:
            call()

    def _backup_ended(self) -> None:
        calls, self._after_backup = self._after_backup, []
        for call in calls:
            call()

    def build_actions(self) -> None:
        """Make the menus' actions, the import and export actions and the documents', and put
        them in the menus (once). Setting the first shortcut makes PySide build the ``Qt``
        namespace (about 16 ms), and the import and export modules take about as long to
        load: the app's start-up does this just after the first paint."""
        if self.actions is not None:
            return
        from careerpivot.ui import export as export_ui
        from careerpivot.ui.data_actions import DataActions

        self.actions = actions_mod.build(self)
        self._fill_menus()
        self.data_actions = DataActions(self, self.ctx, self.session)
        self.data_actions.install(self.file_menu, self.file_export_anchor,
                                  self.actions.check_database)
        self.document_actions = export_ui.install(self)
        self._connect_actions()
        self._set_workspace_open(self.session.info is not None, self._opening_message)

    # --- construction ---------------------------------------------------------------------
    def _build_tabs(self) -> None:
        """Put a light placeholder page per tab in the tab widget; a tab is built only when it
        is first shown (or asked for through ``tab_widgets``), which keeps start-up short."""
        self._placeholders: dict[str, QWidget] = {}
        self._tab_state_restored = False
        self.tab_widgets: dict[str, TabBase] = _LazyTabs(self._build_tab)
        self._opening_label: QLabel | None = None
        for tab_spec in specs.TABS:
            placeholder = QWidget(self.tabs)
            # named as the tab it stands for: lookups by name work
            placeholder.setObjectName(tab_spec.name)
            self._placeholders[tab_spec.name] = placeholder
            self.tabs.addTab(placeholder, tab_spec.title())
        # connected before anything else, so every other listener already sees the real tab
        self.tabs.currentChanged.connect(self._on_current_tab_changed)
        if self.session.info is not None:
            self.tab_widgets[specs.TABS[0].name]  # the tab shown at start-up is built at once

    def _on_current_tab_changed(self, index: int) -> None:
        """Build a tab when it is first shown (tabs show data: only with a workspace open)."""
        widget = self.tabs.widget(index)
        if self.session.info is None or widget is None:
            return
        if self._placeholders.get(widget.objectName()) is widget:
            self._build_tab(widget.objectName())

    def show_opening(self, message: str) -> None:
        """While a workspace is being opened (or could not be): what needs one is disabled
        and ``message`` shows in the status bar and, on a tab not built yet, in its place."""
        self._set_workspace_open(False, message)
        self.statusBar().showMessage(message)

    def _set_workspace_open(self, is_open: bool, message: str = "") -> None:
        """Enable what needs an open workspace (the tabs, Find, backups, imports, exports
        and documents) or disable it, showing ``message`` where the tab would be."""
        self.tabs.setEnabled(is_open)
        self._opening_message = message
        actions = []
        if self.actions is not None:  # (made after the first paint at start-up)
            a, data = self.actions, self.data_actions
            actions = [a.backup_now, a.check_database, a.find, a.find_in_list,
                       data.import_action, data.restore_action, data.export_menu.menuAction()]
            actions += self.document_actions.actions()
        for action in actions:
            action.setEnabled(is_open)
        if actions and is_open and self.session.info is not None and self.session.info.read_only:
            self.data_actions.import_action.setEnabled(False)
        page = self.tabs.currentWidget()
        if message and self._opening_label is None and page is not None \
                and self._placeholders.get(page.objectName()) is page:
            # centred by stretches around it (no alignment flags: see the module's docstring)
            self._opening_label = QLabel(self.tabs)
            self._opening_label.setObjectName("openingMessage")
            # (it goes with its page when the tab is built in the page's place)
            self._opening_label.destroyed.connect(self._forget_opening_label)
            column = QVBoxLayout(page)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self._opening_label)
            row.addStretch(1)
            column.addStretch(1)
            column.addLayout(row)
            column.addStretch(1)
        if self._opening_label is not None:
            self._opening_label.setText(message)
            self._opening_label.setVisible(bool(message))

    def _forget_opening_label(self) -> None:
        self._opening_label = None

    def open_at_start(self, path: Path, *, create: bool, demo: bool = False
                      ) -> StartupOpener:
        """Open the start-up workspace in the background: the window is shown meanwhile,
        saying what it is opening, with what needs the workspace disabled. A file that cannot
        be opened brings the choices of the start-up problem dialog; Quit closes the window.
        """
        from careerpivot.ui.dialogs.startup import StartupOpener

        self.startup = StartupOpener(self, path, create=create, demo=demo)
        self.startup.start()
        return self.startup

    def _build_tab(self, name: str) -> TabBase:
        """Build the tab ``name`` and put it in place of its placeholder (KeyError if unknown)."""
        if name in self.tab_widgets:
            return dict.__getitem__(self.tab_widgets, name)
        tab_spec = specs.spec(name)
        cls = getattr(importlib.import_module(tab_spec.module), tab_spec.cls)
        tab: TabBase = cls(self.ctx, self.tabs)
        tab.setObjectName(name)
        dict.__setitem__(self.tab_widgets, name, tab)
        placeholder = self._placeholders.pop(name)
        index = self.tabs.indexOf(placeholder)
        was_current = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)  # the current tab does not change: no signal
        try:
            self.tabs.insertTab(index, tab, self.tabs.tabText(index))
            if was_current:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        if self._tab_state_restored:
            tab.restore_state(self.ctx.settings)
        document_actions = getattr(self, "document_actions", None)  # (made after the paint)
        if document_actions is not None:
            tab.attach_documents(document_actions.controller)
        if getattr(self, "tab_modules_ready", False):  # (tabs built at start come first)
            forget_source_lines()  # (what building it imported)
        return tab

    def _connect(self) -> None:
        self.ctx.bus.changed.connect(self._on_data_changed)
        self.ctx.bus.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ctx.bus.show_item.connect(self.show_item)
        self.session.opened.connect(self._on_opened)
        self.session.open_failed.connect(self._on_open_failed)

    # --- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        window_geometry.restore(self, self.ctx.settings)  # inside the screen
        state = self.ctx.settings.window_state("state")
        if state is not None:
            self.restoreState(state)

    def _save_state(self) -> None:
        window_geometry.save(self, self.ctx.settings)
        self.ctx.settings.set_window_state("state", self.saveState())
        for tab in self.tab_widgets.values():
            tab.save_state(self.ctx.settings)
        self.ctx.settings.sync()

    def _preload_tab_modules(self) -> None:
        """Start importing the modules of the tabs not built yet, in idle time (once)."""
        if self._preload is not None or self.tab_modules_ready:
            return
        self._preload = [tab.module for tab in specs.TABS if tab.name not in self.tab_widgets]
        QTimer.singleShot(PRELOAD_DELAY_MS, self._preload_step)

    def _preload_step(self) -> None:
        if self._closed or not self._preload:
            self._preload = []
            self.tab_modules_ready = True
            forget_source_lines()
            return
        if QThreadPool.globalInstance().activeThreadCount():  # start-up work still going
            QTimer.singleShot(100, self._preload_step)
            return
        importlib.import_module(self._preload.pop(0))
        QTimer.singleShot(PRELOAD_GAP_MS, self._preload_step)

    def _on_opened(self, info: workspace.WorkspaceInfo) -> None:
        self._switch = None
        self.statusBar().clearMessage()
        self.build_actions()
        self._set_workspace_open(True)
        self.setWindowTitle(f"{info.path.name} — {APP_NAME}")
        self.setWindowFilePath(str(info.path))
        self._read_only_label.setVisible(info.read_only)
        self.ctx.settings.last_workspace = str(info.path)
        self.ctx.settings.add_recent(str(info.path))
        self.ctx.undo.clear()
        if not info.read_only:  # a new workspace counts money in the locale's currency
            from careerpivot.ui.dialogs.currency import keep_locale_currency

            keep_locale_currency()
        self._tab_state_restored = True  # tabs built later restore theirs when built
        for tab in self.tab_widgets.values():
            tab.restore_state(self.ctx.settings)
        self.ctx.bus.changed.emit(Area.ALL)  # the tabs built so far reload
        current = self.tabs.currentWidget()
        if current is not None and self._placeholders.get(current.objectName()) is current:
            self._build_tab(current.objectName())  # loads as it is shown
        self.workspace_ready.emit()
        if not self.tab_modules_ready:
            self._preload_tab_modules()
        if info.migrated_from:
            self.statusBar().showMessage(
                self.tr("The workspace was updated to the current format; a backup of the "
                        "previous version was kept."), 10000)
        elif info.read_only:
            self.statusBar().showMessage(
                self.tr("This workspace is read-only: you can look, but changes cannot be "
                        "saved."), 10000)

    def _on_data_changed(self, area: str) -> None:
        if area != Area.ALL and not self._backup_timer.isActive():
            self._backup_timer.start()

    # --- find and navigation --------------------------------------------------------------
    def find(self) -> None:
        """Find everywhere: one dialog that searches every kind of item as you type."""
        from careerpivot.ui.dialogs.find import FindDialog

        FindDialog.show_for(self.ctx, self)

    def find_in_list(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, TabBase):  # (a placeholder of a tab not built has no list)
            tab.focus_search()

    def show_item(self, kind: str, item_id: int) -> None:
        # the tabs built so far first; then the tab that shows this kind; then the rest
        # in order (building a tab only to ask it)
        order = [tab.name for tab in specs.TABS]
        names = [name for name in order if name in self.tab_widgets]
        showing = specs.item_tab(kind)
        if showing not in (None, *names):
            names.append(showing)
        names += [name for name in order if name not in names]
        for name in names:
            tab = self.tab_widgets[name]
            if tab.show_item(kind, item_id):
                self.tabs.setCurrentWidget(tab)
                return

    def show_tab(self, object_name: str) -> TabBase:
        tab = self.tab_widgets[object_name]
        self.tabs.setCurrentWidget(tab)
        return tab

    # --- closing --------------------------------------------------------------------------
    def ask_discard_unsaved(self) -> bool:
        """True when the user chooses to close and lose a change that could not be saved."""
        answer = QMessageBox.warning(
            self, self.tr("Unsaved change"),
            self.tr("A change could not be saved; its message is shown next to the "
                    "field. Close anyway and lose that change?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if not self.flush_all() and not self.ask_discard_unsaved():
            event.ignore()
            return
        self._closed = True
        self._save_state()
        # What is left (background work ending, the backup at exit: a second or more on a
        # large workspace) goes on with the window already gone, not frozen on the screen.
        self.hide()
        workers.wait_all()
        self.session.abandon_open()  # (a start-up open the close interrupted)
        self.ctx.undo.clear()
        if self._backup_waiting:  # (the start-up backup had not started: made now if needed)
            from careerpivot.services import workspace

            workspace.mark_changed()
        if self.actions is not None:
            self.ctx.undo.undoTextChanged.disconnect(self._undo_text_changed)
            self.ctx.undo.redoTextChanged.disconnect(self._redo_text_changed)
        self.session.close(backup=True)
        event.accept()
