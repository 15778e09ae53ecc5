"""A child process for the Plan tab's layout tests (run as
``python tests/gui/plan_screen_child.py WORKDIR``): the main window over the sample workspace,
as large as the screen Qt was given (``QT_QPA_PLATFORM=offscreen:configfile=…`` describes it,
``QT_SCALE_FACTOR`` scales it), showing the Plan tab. Prints one JSON line with what the test
checks: the tree's title column against the milestones' titles, the key columns against their
contents, and every lane of the timeline against the view.

The screen and the scale are read when the QApplication is made, hence a process of its own.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # the repository, for ``careerpivot``


def _settle(app) -> None:
    """Let posted layout requests and resizes run (no waiting: only what is queued)."""
    for _ in range(20):
        app.processEvents()


def main(workdir: Path) -> dict:
    from PySide6.QtCore import QStandardPaths, Qt
    from PySide6.QtGui import QFontMetrics, QUndoStack
    from PySide6.QtWidgets import QApplication, QStyle

    from careerpivot.core import clock
    from careerpivot.services import demo
    from careerpivot.services import workspace as ws
    from careerpivot.settings import Settings
    from careerpivot.ui.context import AppContext, DataBus
    from careerpivot.ui.itemmodels.plan import MILESTONE, PlanTreeModel
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    QStandardPaths.setTestModeEnabled(True)
    now = _dt.datetime.fromisoformat(os.environ.get("CAREERPIVOT_TEST_NOW",
                                                    "2026-03-10T10:30:00"))
    clock.set_now(now)
    app = QApplication([sys.argv[0]])
    path = workdir / "sample.careerpivot"
    demo.create_demo_workspace(path, backups_root=workdir / "backups", today=now.date())
    ws.close()

    ctx = AppContext(settings=Settings(workdir / "settings.ini"), undo=QUndoStack(),
                     bus=DataBus())
    session = Session()
    session.open(path, create=False)
    window = MainWindow(ctx, session)
    room = app.primaryScreen().availableGeometry()
    window.resize(room.size())
    window.show()
    _settle(app)
    tab = window.show_tab("planTab")
    _settle(app)

    tree = tab.tree
    model = tab.model
    header = tree.header()
    style = tree.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    titles = []
    for phase in model.phases():
        for milestone in phase.milestones:
            index = model.index_of(MILESTONE, milestone.id)
            rect = tree.visualRect(index)
            font = index.data(Qt.ItemDataRole.FontRole) or tree.font()
            icon = tree.iconSize().width() + 4 if milestone.overdue else 0
            room_for_text = rect.width() - margin - icon
            whole = QFontMetrics(font).elidedText(
                milestone.title, Qt.TextElideMode.ElideRight, room_for_text) == milestone.title
            cells = {}
            for name, column in (("due", PlanTreeModel.DUE), ("status", PlanTreeModel.STATUS)):
                cell = model.index_of(MILESTONE, milestone.id, column)
                cells[name] = [header.sectionSize(column),
                               tree.sizeHintForIndex(cell).width(), cell.data()]
            titles.append({"title": milestone.title, "overdue": milestone.overdue,
                           "whole": whole, "room": room_for_text, "cells": cells})

    # the tree's rows shown whole, from the top
    tree.scrollToTop()
    _settle(app)
    whole_rows, index = 0, tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid() and tree.visualRect(index).bottom() < tree.viewport().height():
        whole_rows += 1
        index = tree.indexBelow(index)

    view = tab.timeline.view
    layout = view.scene().layout
    viewport = view.viewport().rect()
    lanes = []
    strips = [(lane.phase.name, lane.top, lane.bottom) for lane in layout.lanes]
    if layout.contingency_top is not None:
        strips.append(("contingencies", layout.contingency_top, layout.height))
    at_rest = view.verticalScrollBar().value(), view.horizontalScrollBar().value()
    for name, top, bottom in strips:
        view.ensureVisible(0, top, 1, bottom - top, 0, 0)
        _settle(app)
        shown = view.mapFromScene(0, top).y(), view.mapFromScene(0, bottom).y()
        lanes.append({"name": name, "height": bottom - top,
                      "visible": shown[0] >= 0 and shown[1] <= viewport.height()})
    view.verticalScrollBar().setValue(at_rest[0])
    metrics = tree.fontMetrics()
    return {
        "screen": [room.width(), room.height()],
        "window": [window.width(), window.height()],
        "typical_width": metrics.horizontalAdvance("Hold eight informational interviews"),
        "title_column": header.sectionSize(PlanTreeModel.TITLE),
        "indentation": tree.indentation(),
        "hidden": [c for c in range(header.count()) if header.isSectionHidden(c)],
        "horizontal_scroll": tree.horizontalScrollBar().maximum(),
        "titles": titles,
        "row_height": tree.sizeHintForRow(0),
        "tree_whole_rows": whole_rows,
        "font_height": metrics.height(),
        "scene_height": layout.height,
        "viewport_height": viewport.height(),
        "vertical_scroll": view.verticalScrollBar().maximum(),
        "lanes": lanes,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
    sys.stdout.flush()
    os._exit(0)  # the window and the workspace need no orderly goodbye here
