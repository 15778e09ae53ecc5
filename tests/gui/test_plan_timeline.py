"""The Plan timeline's layout as a person reads it: every milestone's title beside its
diamond, none over another or over a diamond, inside the lanes; a shortened title tells its
whole text on hover; the Today line never runs through a text; every lane can be seen."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QLineF, QPoint, QRectF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsSimpleTextItem,
    QToolTip,
)

from careerpivot.services import plan
from careerpivot.ui.widgets import timeline as timeline_mod
from careerpivot.ui.widgets.timeline import DIAMOND, MAX_ROWS, MIN_LABEL, title_start

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def demo_tab(demo_window):
    return demo_window.show_tab("planTab")


@pytest.fixture
def tab(main_window, clock):
    clock.set_today(TODAY)
    tab = main_window.show_tab("planTab")
    tab.reload_now()
    return tab


def crowd(tab, count: int = 14) -> None:
    """A phase with many milestones a few days apart."""
    phase = plan.plan_overview().phases[0]
    plan.update_phase(phase.id, "start_date", "2026-03-01")
    plan.update_phase(phase.id, "end_date", "2026-05-31")
    for n in range(count):
        plan.add_milestone(phase.id, f"Step {n} of the job search",
                           due_date=(dt.date(2026, 3, 2) + dt.timedelta(days=3 * n)).isoformat())
    tab.reload_now()


def tooltip_at(view, pos: QPoint) -> str:
    QToolTip.hideText()
    QApplication.sendEvent(view.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


def check_labels(tab) -> int:
    """Every title of the timeline beside its diamond, inside its lane and the scene, over
    no other title and no diamond; a shortened one tells the whole title on hover. Returns
    how many titles were shortened."""
    view = tab.timeline.view
    scene = view.scene()
    layout = scene.layout
    milestones = {m.id: m for m in tab.overview().milestones()}
    lane_of = {m.id: lane for lane in layout.lanes for m in lane.milestones}
    diamonds = {i: QRectF(mk.pos().x() - DIAMOND, mk.pos().y() - DIAMOND, 2 * DIAMOND,
                          2 * DIAMOND) for i, mk in view._markers.items()}
    labels = {i: label.sceneBoundingRect() for i, label in view._labels.items()}
    assert labels, "some titles are shown"
    for a, b in itertools.combinations(labels.values(), 2):
        assert not a.intersects(b), (a, b)
    shortened = 0
    for milestone_id, rect in labels.items():
        for other_id, diamond in diamonds.items():
            assert not rect.intersects(diamond), (milestones[milestone_id].title,
                                                  milestones[other_id].title)
        lane = lane_of[milestone_id]
        assert lane.top <= rect.top() and rect.bottom() <= lane.bottom
        assert scene.sceneRect().contains(rect)
        marker = diamonds[milestone_id]
        beside = abs(rect.left() - marker.right()) < 8 or abs(rect.right() - marker.left()) < 8
        assert beside, milestones[milestone_id].title
        label = view._labels[milestone_id]
        title = milestones[milestone_id].title
        if label.text() != title:
            shortened += 1
            assert label.text().endswith("…")
            view.ensureVisible(label, 0, 0)
            tip = tooltip_at(view, view.mapFromScene(rect.center()))
            assert tip.splitlines()[0] == title, "the whole title on hover"
    return shortened


# --- where titles go -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 2000), st.floats(0, 300)), max_size=30),
       st.floats(0, 1000), st.floats(0, 1000), st.sampled_from([0.0, 50.0, 400.0]))
def test_titles_never_overlap_titles_or_diamonds(items, band_a, band_b, extra):
    items = sorted(items)
    xs = [x for x, _w in items]
    widths = [w for _x, w in items]
    right = 2000.0 + extra
    band = (min(band_a, band_b), max(band_a, band_b) + 1000)
    places, rows = timeline_mod.pack_milestones(xs, widths, band, 0.0, right)
    assert len(places) == len(xs)
    assert rows <= MAX_ROWS and (rows >= 1 or not xs)
    for index, place in enumerate(places):
        assert 0 <= place.row < max(rows, 1)
        if place.width > 0:
            assert place.width <= widths[index] + 1e-9
            assert place.width >= min(MIN_LABEL, widths[index]) - 1e-9
            assert place.start == pytest.approx(title_start(xs[index], place.width,
                                                            place.left))
            assert place.start >= -1e-9 and place.start + place.width <= right + 1e-9
    for row in range(rows):
        titles = [(p.start, p.start + p.width) for p in places if p.row == row and p.width]
        diamonds = [(xs[i] - DIAMOND, xs[i] + DIAMOND) for i, p in enumerate(places)
                    if p.row == row]
        for (a0, a1), (b0, b1) in itertools.combinations(titles, 2):
            assert a1 <= b0 or b1 <= a0
        for (a0, a1), (d0, d1) in itertools.product(titles, diamonds):
            assert a1 <= d0 or d1 <= a0


def test_titles_take_another_row_before_being_shortened():
    xs = [100.0, 110.0, 150.0]
    places, rows = timeline_mod.pack_milestones(xs, [230.0, 220.0, 200.0], (0, 500),
                                                0.0, 1300.0)
    assert rows == 3
    assert [p.width for p in places] == [230.0, 220.0, 200.0]


def test_a_title_goes_left_when_that_keeps_the_row_for_the_next_one():
    # the first title to the right would cover the next diamond; to the left it fits
    places, rows = timeline_mod.pack_milestones([400.0, 450.0], [200.0, 100.0], (100, 700),
                                                0.0, 1000.0)
    assert rows == 1
    assert places[0].left and not places[1].left
    assert places[0].width == 200.0 and places[1].width == 100.0


class _Measured:
    """Title widths that count which ones were read."""

    def __init__(self, widths: list[float]) -> None:
        self.widths = widths
        self.read: set[int] = set()

    def __len__(self) -> int:
        return len(self.widths)

    def __getitem__(self, index: int) -> float:
        self.read.add(index)
        return self.widths[index]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 800), st.floats(0, 300)), max_size=40),
       st.floats(0, 900))
def test_titles_measured_on_demand_are_placed_alike(items, right):
    items = sorted(items)
    xs = [x for x, _w in items]
    widths = [w for _x, w in items]
    band = (0.0, right)
    assert timeline_mod.pack_milestones(xs, _Measured(widths), band, 0.0, right) == \
        timeline_mod.pack_milestones(xs, widths, band, 0.0, right)


def test_crowded_diamonds_measure_few_titles():
    xs = [i * 1.5 for i in range(400)]
    measured = _Measured([120.0] * len(xs))
    places, rows = timeline_mod.pack_milestones(xs, measured, (0.0, 600.0), 0.0, 600.0)
    assert rows == MAX_ROWS
    titled = sum(place.width > 0 for place in places)
    assert 0 < titled < 40
    assert len(measured.read) < 100


# --- the timeline as drawn -------------------------------------------------------------------


def test_the_sample_titles_fit_at_every_zoom(demo_tab):
    view = demo_tab.timeline.view
    for zoom in (None, 1.0, 0.5, 6.0):
        if zoom is not None:
            view.set_scale(zoom)
        check_labels(demo_tab)
    view.fit()
    # titles are not alternated above and below the diamonds: each is on its diamond's row
    for milestone_id, label in view._labels.items():
        marker = view.marker(milestone_id)
        assert abs(label.sceneBoundingRect().center().y() - marker.pos().y()) < 2


def test_crowded_titles_are_shortened_with_the_whole_title_on_hover(tab, qtbot):
    crowd(tab)
    view = tab.timeline.view
    view.set_scale(10.0)
    assert check_labels(tab) > 0, "some titles had to be shortened"
    lane = view.scene().layout.lanes[0]
    assert lane.rows == MAX_ROWS
    view.set_scale(1.5)  # days apart are pixels apart
    check_labels(tab)
    # a diamond without a title still tells it, with those it overlaps
    bare = [m for m in lane.milestones if view.label(m.id) is None]
    assert bare
    for milestone in bare:
        marker = view.marker(milestone.id)
        view.ensureVisible(marker, 0, 0)
        assert milestone.title in tooltip_at(view, view.mapFromScene(marker.pos()))
    view.set_scale(timeline_mod.MAX_PX_PER_DAY)  # zoomed in, room for every title again
    assert check_labels(tab) == 0
    assert all(view.label(m.id) is not None for m in lane.milestones)


def _today_lines(view) -> list[QLineF]:
    colors = view.scene().colors
    return [item.line() for item in view.scene().items()
            if isinstance(item, QGraphicsLineItem) and item.pen().color() == colors.today]


def test_the_today_line_never_crosses_a_text(tab):
    # a phase whose name and facts are where today is
    phase = plan.plan_overview().phases[0]
    plan.update_phase(phase.id, "start_date", (TODAY - dt.timedelta(days=3)).isoformat())
    plan.update_phase(phase.id, "end_date", (TODAY + dt.timedelta(days=60)).isoformat())
    plan.add_milestone(phase.id, "Hold eight informational interviews",
                       due_date=(TODAY - dt.timedelta(days=2)).isoformat())
    tab.reload_now()
    view = tab.timeline.view
    for zoom in (None, 4.0, 12.0):
        if zoom is not None:
            view.set_scale(zoom)
        lines = _today_lines(view)
        x = view.x_for(TODAY)
        assert lines and all(line.x1() == line.x2() == x for line in lines)
        texts = [item.sceneBoundingRect() for item in view.scene().items()
                 if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()
                 and item.zValue() < 7]
        crossed = [r for r in texts if r.left() <= x <= r.right()]
        assert crossed, "some text is where today is"
        for line in lines:
            segment = QRectF(x - 1, min(line.y1(), line.y2()), 2, abs(line.y2() - line.y1()))
            assert not any(segment.intersects(r) for r in texts)
        # the line still runs the whole height, but for those gaps
        total = sum(abs(line.y2() - line.y1()) for line in lines)
        assert total > view.scene().layout.height * 0.5


def test_every_lane_can_be_seen_whole(tab, qtbot):
    for n in range(6):
        plan.add_phase(f"Extra phase {n}", start_date=f"2026-{n + 3:02d}-01",
                       end_date=f"2026-{n + 4:02d}-28")
    crowd(tab, 8)
    view = tab.timeline.view
    layout = view.scene().layout
    assert len(layout.lanes) == 10
    assert view.sceneRect().height() == layout.height
    for lane in layout.lanes:
        assert lane.bottom - lane.top <= view.viewport().height()
        view.ensureVisible(0, lane.top, 1, lane.bottom - lane.top, 0, 0)
        top = view.mapFromScene(0, lane.top).y()
        bottom = view.mapFromScene(0, lane.bottom).y()
        assert top >= 0 and bottom <= view.viewport().height(), lane.phase.name


def test_the_plan_tab_gives_the_timeline_the_height_of_its_lanes(demo_window, qtbot):
    demo_window.resize(1366, 768)
    tab = demo_window.show_tab("planTab")
    view = tab.timeline.view
    qtbot.waitUntil(lambda: view.viewport().height() >= view.scene().layout.height)
    assert view.verticalScrollBar().maximum() == 0, "every lane shows at once"
