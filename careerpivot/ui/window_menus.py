"""The main window's menu bar: its File, Edit, View and Help menus, filled with the actions of
``ui.actions`` and connected to what they do, the Undo and Redo texts that follow the undo
stack, the Help menu's Show First Steps (which brings the Overview's first-steps guide back)
and its About and Where Is My Data? boxes.

A mixin of :class:`careerpivot.ui.main_window.MainWindow`, kept apart so the window stays a
thin shell. Its texts are translated under the window's context, "MainWindow" (``self.tr``
would look them up under the runtime class, but lupdate files them under this one).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from careerpivot import __version__, paths

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class WindowMenusMixin:
    """The menus (``file_menu``, ``edit_menu``, ``view_menu``, ``help_menu``, ``recent_menu``
    and the ``file_export_anchor``), their actions' connections and the Help boxes."""

    # --- menus ----------------------------------------------------------------------------
    def _create_menus(self) -> None:
        """The menu bar's menus, empty (filled by :meth:`_fill_menus`)."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.file_menu.setObjectName("menuFile")
        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.setObjectName("menuEdit")
        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.view_menu.setObjectName("menuView")
        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.help_menu.setObjectName("menuHelp")

    def _fill_menus(self) -> None:
        a = self.actions
        file_menu = self.file_menu
        file_menu.addAction(a.new)
        file_menu.addAction(a.open)
        self.recent_menu = QMenu(translate("MainWindow", "Open &Recent"), self)
        self.recent_menu.setObjectName("menuRecent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(a.open_sample)
        file_menu.addSeparator()
        self.file_export_anchor = file_menu.addSeparator()
        file_menu.addAction(a.backup_now)
        file_menu.addAction(a.check_database)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)

        edit_menu = self.edit_menu
        edit_menu.addAction(a.undo)
        edit_menu.addAction(a.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(a.find)
        edit_menu.addAction(a.find_in_list)

        view_menu = self.view_menu
        for index in range(self.tabs.count()):
            title = self.tabs.tabText(index).replace("&", "")
            action = view_menu.addAction(title)
            action.setObjectName(f"actionShowTab{index + 1}")
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
        view_menu.addSeparator()
        view_menu.addAction(a.next_tab)
        view_menu.addAction(a.previous_tab)
        view_menu.addSeparator()
        self.weekly_review_action = view_menu.addAction(
            translate("MainWindow", "&Weekly Review…"))
        self.weekly_review_action.setObjectName("actionWeeklyReview")
        self.weekly_review_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.weekly_review_action.setStatusTip(translate(
            "MainWindow", "Look back on the week and write down its decisions"))
        self.weekly_review_action.triggered.connect(self.weekly_review)

        help_menu = self.help_menu
        # checked while the guide shows: choosing it then hides the guide, as its own Hide
        # button does; disabled where there is none (no workspace, the sample, read-only)
        self.first_steps_action = help_menu.addAction(
            translate("MainWindow", "Show &First Steps"))
        self.first_steps_action.setObjectName("actionShowFirstSteps")
        self.first_steps_action.setCheckable(True)
        self.first_steps_action.setStatusTip(translate(
            "MainWindow", "Show the five first steps on the Overview again"))
        self.first_steps_action.triggered.connect(self.show_first_steps)
        help_menu.aboutToShow.connect(self.sync_first_steps_action)
        help_menu.addSeparator()
        help_menu.addAction(a.data_location)
        help_menu.addSeparator()
        help_menu.addAction(a.about)
        help_menu.addAction(a.about_qt)

    def _connect_actions(self) -> None:
        a = self.actions
        a.new.triggered.connect(self.new_workspace)
        a.open.triggered.connect(self.open_workspace_dialog)
        a.open_sample.triggered.connect(self.open_sample)
        a.backup_now.triggered.connect(lambda: self.start_backup("manual"))
        a.check_database.triggered.connect(self.check_database)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.find)
        a.find_in_list.triggered.connect(self.find_in_list)
        a.next_tab.triggered.connect(
            lambda: self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count()))
        a.previous_tab.triggered.connect(
            lambda: self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count()))
        a.about.triggered.connect(self.about)
        a.about_qt.triggered.connect(QApplication.aboutQt)
        a.data_location.triggered.connect(self.show_data_location)

        undo = self.ctx.undo
        a.undo.triggered.connect(undo.undo)
        a.redo.triggered.connect(undo.redo)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        undo.canUndoChanged.connect(a.undo.setEnabled)
        undo.canRedoChanged.connect(a.redo.setEnabled)
        undo.undoTextChanged.connect(self._undo_text_changed)
        undo.redoTextChanged.connect(self._redo_text_changed)

    def _undo_text_changed(self, text: str) -> None:
        self.actions.undo.setText(translate("MainWindow", "&Undo {0}").format(text) if text
                                  else translate("MainWindow", "&Undo"))

    def _redo_text_changed(self, text: str) -> None:
        self.actions.redo.setText(translate("MainWindow", "&Redo {0}").format(text) if text
                                  else translate("MainWindow", "&Redo"))

    def weekly_review(self) -> None:
        """Open the weekly review (there is none to open without a workspace)."""
        from careerpivot.ui.dialogs.weekly_review import WeeklyReviewDialog

        if self.session.info is not None:
            WeeklyReviewDialog.ask(self.ctx, self)

    # --- help -----------------------------------------------------------------------------
    def show_first_steps(self, show: bool = True) -> None:
        """Help > Show First Steps: bring the first-steps guide back and show it on the
        Overview (``show``), or hide it (the action was checked: the guide was showing)."""
        if self.session.info is None or self.session.opening is not None:
            self.sync_first_steps_action()
            return
        guide = self.tab_widgets["overviewTab"].first_steps  # (built if it was not)
        if show:
            self.show_tab("overviewTab")
            guide.show_again()
        else:
            guide.dismiss()
        self.sync_first_steps_action()

    def sync_first_steps_action(self) -> None:
        """Check Show First Steps while the guide shows; disable it where it cannot show."""
        action = getattr(self, "first_steps_action", None)
        if action is None:
            return
        state = None
        if self.session.info is not None and self.session.opening is None:
            from careerpivot.core.errors import CareerPivotError
            from careerpivot.services import first_steps

            try:
                state = first_steps.state()
            except CareerPivotError:
                state = None
        action.setEnabled(state is not None and state.reason not in ("sample", "read_only"))
        action.setChecked(state is not None and state.shown)

    def about(self) -> None:
        QMessageBox.about(
            self, translate("MainWindow", "About CareerPivot"),
            translate("MainWindow",
                      "<h3>CareerPivot {0}</h3><p>Turn informational interviews into evidence "
                      "and a plan for changing careers.</p><p>Everything stays on this "
                      "computer: CareerPivot makes no network connection of its own.</p>")
            .format(__version__))

    def data_location_text(self) -> str:
        info = self.session.info
        lines = [translate("MainWindow", "Workspace: {0}")
                 .format(info.path if info else translate("MainWindow", "none open"))]
        if info is not None:
            lines.append(translate("MainWindow", "Backups: {0}").format(info.backup_dir))
        lines.append(translate("MainWindow", "Application data: {0}").format(paths.data_dir()))
        lines.append(translate("MainWindow", "Settings: {0}").format(paths.config_file()))
        return "\n".join(lines)

    def show_data_location(self) -> None:
        from PySide6.QtCore import Qt, QUrl
        from PySide6.QtGui import QDesktopServices

        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("MainWindow", "Where Is My Data?"),
                          translate("MainWindow", "Everything you enter is stored on this "
                                                  "computer, in these places. Every change is "
                                                  "saved when you make it."),
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("dataLocationDialog")
        box.setInformativeText(self.data_location_text())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = box.addButton(translate("MainWindow", "Open Folder"),
                                    QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_button:
            folder = self.session.info.path.parent if self.session.info else paths.data_dir()
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
