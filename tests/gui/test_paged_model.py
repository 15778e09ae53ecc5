"""The paged list engine over 100,000 rows: a view reads only the pages it shows, the model
passes qtmodeltester, a list asked for while another is read replaces it, and a page that
cannot be read is reported once, never raised inside data()."""

from __future__ import annotations

from array import array
from types import SimpleNamespace

from gui_steps import settled
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from careerpivot.core.errors import CareerPivotError
from careerpivot.ui.itemmodels import paged

ROWS = 100_000


class Numbers(paged.PagedTableModel):
    """Rows 1..n, shown as text; ``descending`` reverses them. (One column: the model tester
    asks every role of every cell, 100,000 cells is enough.)"""

    COLUMN_COUNT = 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fetched: list[int] = []
        self.broken = False

    def _list(self, count: int, descending: bool):
        ids = range(count, 0, -1) if descending else range(1, count + 1)
        return SimpleNamespace(ids=array("q", ids))

    def _fetch(self, ids):
        if self.broken:
            raise CareerPivotError("the file is damaged")
        self.fetched.append(len(ids))
        return {i: f"row {i}" for i in ids}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        record = self.record_at(index.row())
        return None if record is None else f"{record} / {index.column()}"




def test_a_hundred_thousand_rows_pass_qtmodeltester(qtmodeltester):
    model = Numbers()
    model.request(ROWS, True)
    settled(model)
    assert model.rowCount() == ROWS
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == f"row {ROWS} / 0"
    assert model.row_of(1) == ROWS - 1


def test_a_view_reads_only_the_pages_it_shows(qtbot):
    model = Numbers()
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    model.request(ROWS, False)
    settled(model)
    qtbot.waitUntil(lambda: bool(model.fetched))
    view.scrollToBottom()
    qtbot.waitUntil(lambda: len(model.fetched) >= 2)
    assert sum(model.fetched) <= 3 * paged.PAGE  # the top page, the bottom one: not 100,000
    assert model.index(ROWS - 1, 0).data() == f"row {ROWS} / 0"


def test_only_the_newest_list_asked_for_shows(qapp):
    model = Numbers()
    shown: list[int] = []
    model.listed.connect(lambda: shown.append(model.rowCount()))
    for count in (10, 20, 30, 40):
        model.request(count, False)
    settled(model)
    assert shown[-1] == 40 and len(shown) <= 2


def test_a_page_that_cannot_be_read_is_reported_once(qtbot):
    model = Numbers()
    model.request(500, False)
    settled(model)
    model.broken = True
    failures: list[BaseException] = []
    model.listFailed.connect(failures.append)
    assert model.index(0, 0).data() is None and model.index(1, 0).data() is None
    qtbot.waitUntil(lambda: bool(failures))
    assert len(failures) == 1 and "damaged" in str(failures[0])
    model.broken = False
    assert model.index(0, 0).data() == "row 1 / 0"  # read again once it can be


def test_a_list_read_for_a_model_that_is_gone_reports_nothing(qtbot, monkeypatch):
    """A window closed while its list is being read: the read's failure (the workspace is
    closed under it) is nobody's business, never a crash report."""
    import shiboken6
    from PySide6.QtCore import QThreadPool

    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda *info: reported.append(info[1]))

    class Failing(Numbers):
        def _list(self, count, descending):
            raise CareerPivotError("the workspace is closed")

    model = Failing()
    model.request(10, False)
    shiboken6.delete(model)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0
                    and not workers_running())
    assert reported == []


def workers_running() -> bool:
    from careerpivot.ui import workers

    return bool(workers._running)
