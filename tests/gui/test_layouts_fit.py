"""The lists fit the screens people have: a 1366×768 laptop, and 200 % on a 1920×1080 screen
(a 960×540 logical screen). The key columns and labels keep the width their text needs — the
reason a skill ranks where it does (at least 60 characters on a line, or two lines), the
skill's name, a learning item's title, the organization a conversation was with, a belief's
status and the verdict and person of its evidence, every column's header — there is no
sideways scrolling where the columns can fit, the Interviews filters take one line on the
laptop, and the Overview's due list, the Development tab's three lists and the Paths tab's
assumptions and their evidence show at least five rows.

Qt reads the screen and the scale when the QApplication is made, so each screen runs in a process
of its own (``tests/gui/layout_probe.py``), on the offscreen platform with a screen described by
a configuration file. The checks are on widths and elided texts, never on pixels."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

PROBE = Path(__file__).resolve().parent / "layout_probe.py"

SCREENS = {
    "1366x768": ({"width": 1366, "height": 768, "physicalWidth": 361, "physicalHeight": 203},
                 None),
    "1920x1080 at 200 %": ({"width": 1920, "height": 1080, "physicalWidth": 508,
                            "physicalHeight": 286}, "2"),
}


def probe(tmp_path: Path, demo_file: Path, screen: dict, scale: str | None) -> dict:
    from careerpivot.core import clock

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "screen", "x": 0, "y": 0, "logicalDpi": 96, **screen}]}))
    workspace = tmp_path / "sample.careerpivot"
    shutil.copyfile(demo_file, workspace)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    done = subprocess.run([sys.executable, str(PROBE), str(workspace),
                           clock.now().isoformat(timespec="seconds")],
                          env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module", params=list(SCREENS))
def seen(request, tmp_path_factory, demo_file):
    screen, scale = SCREENS[request.param]
    facts = probe(tmp_path_factory.mktemp("screen"), demo_file, screen, scale)
    facts["laptop"] = scale is None
    expected = [screen["width"] // int(scale or 1), screen["height"] // int(scale or 1)]
    assert facts["screen"] == expected
    return facts


def test_the_reason_a_skill_ranks_is_read_whole_enough(seen):
    ranked = seen["development"]["ranked"]
    # 60 characters on one line, or the reason wraps over two lines of half that
    if ranked["lines"] == 1:
        assert ranked["flexible"] >= seen["development"]["why_60"], ranked
        assert not ranked["word_wrap"]
    else:
        assert ranked["word_wrap"] and 2 * ranked["flexible"] >= seen["development"]["why_60"]
        assert ranked["row_height"] >= 2 * 14
    if seen["laptop"]:
        assert ranked["lines"] == 1, "a laptop shows the reason on one line"
        assert ranked["visible_rows"] >= 10
    else:
        assert ranked["whole_rows"] >= 5, ranked


def test_every_development_list_shows_five_rows_and_whole_names(seen):
    dev = seen["development"]
    for name in ("ranked", "strengths", "learning"):
        assert dev[name]["whole_rows"] >= 5, (name, dev[name])
    # a skill's name is read whole (on two lines, every word whole)
    assert dev["ranked_skills_cut"] == [] and dev["strength_skills_cut"] == []
    # a learning item's title: at least its 28 characters; the titles that short are whole
    assert dev["learning_title"] >= dev["learning_title_needed"]
    assert [t for t in dev["learning_titles_cut"] if len(t) <= 28] == []
    if seen["laptop"]:
        assert len(dev["learning_titles_cut"]) <= 1  # the one of 54 characters


def test_the_development_lists_keep_their_headers_and_fit_sideways(seen):
    dev = seen["development"]
    for name in ("ranked", "strengths", "learning"):
        assert dev[name]["elided_headers"] == [], name  # "Priority", not "Prio"
    # no sideways scrolling, on the laptop and at 200 % alike (a narrow screen starts with
    # fewer optional columns shown)
    for name in ("ranked", "strengths", "learning"):
        assert not dev[name]["hscroll"], name


def test_the_interviews_list_shows_organizations_and_dates_whole(seen):
    interviews = seen["interviews"]
    table = interviews["table"]
    assert not table["hscroll"]
    assert table["elided_headers"] == []
    assert interviews["date"] >= interviews["date_needed"]
    # typical names ("Brightline Software") everywhere; every name of the sample on a laptop
    assert interviews["organization"] >= interviews["organization_typical"]
    if seen["laptop"]:
        assert interviews["organization"] >= interviews["organization_needed"]
        assert interviews["filter_rows"] == 1
    else:
        assert interviews["filter_rows"] <= 2


def test_the_contacts_fit_sideways_with_their_names_whole(seen):
    network = seen["network"]
    table = network["table"]
    # no sideways scrolling (a narrow screen starts with fewer optional columns shown), every
    # header and every name of the sample whole; the editor beside gives way, never cut
    assert not table["hscroll"] and table["elided_headers"] == [], table
    assert network["names_cut"] == []
    assert not network["editor_cut"]


def test_the_interview_editor_fits_its_width_for_every_conversation(seen):
    facts = seen["interview_editor"]
    # every page of every conversation of the sample: up and down, never sideways
    assert facts["wide_pages"] == []
    # the list beside it: the date and the person whole
    assert facts["contacts_cut"] == [] and facts["dates_cut"] == []


def test_the_assumptions_and_their_evidence_show_five_rows_whole(seen):
    facts = seen["paths"]
    for name in ("assumptions", "evidence"):
        table = facts[name]
        assert not table["hscroll"] and table["elided_headers"] == [], (name, table)
    assert facts["assumptions"]["whole_rows"] >= 5, facts["assumptions"]
    assert facts["evidence"]["whole_rows"] >= min(5, facts["evidence_count"]), facts
    # the statement and the quote keep their least width; a status, a verdict and the
    # person who gave it are read whole
    assert facts["statement"] >= facts["statement_needed"]
    assert facts["quote"] >= facts["quote_needed"]
    assert facts["status_cut"] == [] and facts["verdicts_cut"] == []
    assert facts["people_cut"] == []
    # the path's field and motivation fold away only on the short screen
    assert facts["details_shown"] == seen["laptop"]


def test_the_due_list_shows_at_least_five_rows(seen):
    overview = seen["overview"]
    assert overview["due_row"] > 0
    assert overview["due_rows_shown"] >= 5, overview


def test_the_overview_panes_below_give_way_first(seen):
    # on the sample: the due list keeps its six rows, whatever the charts below would take
    overview = seen["overview"]
    assert overview["due_rows_shown"] >= 6, overview
    # on a new workspace (its first steps shown): the note that nothing is due is whole and
    # the tab fits the window
    fresh = seen["fresh_overview"]
    assert fresh["due_empty_shown"] and fresh["first_steps_shown"], fresh
    assert fresh["due_empty_height"] >= fresh["due_empty_wanted"], fresh
    assert fresh["tab_least_height"] <= fresh["tab_height"], fresh
    assert fresh["lower_height"] > 0, fresh


# --- in this process: what the user changes stays ----------------------------------------


@pytest.fixture
def development(qtbot, app_ctx, demo_workspace):
    from careerpivot.ui.tabs.development import DevelopmentTab

    tab = DevelopmentTab(app_ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def drag_column_edge(qtbot, table, column: int, by: int) -> None:
    """Drag the right edge of ``column``'s header by ``by`` pixels, as a person does."""
    from PySide6.QtCore import QPoint

    header = table.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + by, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + by, y))


def test_a_column_the_user_resizes_keeps_its_width(development, qtbot):
    from careerpivot.ui.itemmodels import skills as sm

    table = development.development_list
    header = table.horizontalHeader()
    before = header.sectionSize(sm.SKILL)
    drag_column_edge(qtbot, table, sm.SKILL, 40)
    assert header.sectionSize(sm.SKILL) > before
    widened = header.sectionSize(sm.SKILL)
    # a reload (the data changed) sizes the other columns again, not this one
    development.reload_now()
    development.skills_model.set_rows(development.skills_model.skills())
    assert header.sectionSize(sm.SKILL) == widened
    assert not table.horizontalScrollBar().isVisible()


def test_the_lists_layout_is_kept_between_sessions(development, app_ctx, qtbot):
    from careerpivot.ui.itemmodels import skills as sm
    from careerpivot.ui.tabs.development import DevelopmentTab

    development.lower_tabs.setCurrentWidget(development.learning)
    development.development_list.setColumnHidden(sm.LEARNING, True)
    development.lists_splitter.setSizes([300, 400])
    development.save_state(app_ctx.settings)
    sizes = development.lists_splitter.sizes()

    again = DevelopmentTab(app_ctx)
    qtbot.addWidget(again)
    again.resize(1300, 700)
    again.show()
    qtbot.waitExposed(again)
    again.restore_state(app_ctx.settings)
    assert again.lower_tabs.currentWidget() is again.learning
    assert again.development_list.isColumnHidden(sm.LEARNING)
    assert again.lists_splitter.sizes() == sizes
    # the reason still takes the room the other columns leave
    header = again.development_list.horizontalHeader()
    assert header.sectionResizeMode(sm.WHY) == header.ResizeMode.Stretch


def test_the_header_menu_shows_the_optional_columns(development, qtbot):
    from PySide6.QtWidgets import QMenu

    from careerpivot.ui.itemmodels import skills as sm

    table = development.development_list
    header = table.horizontalHeader()
    assert table.isColumnHidden(sm.MENTIONS)
    header.customContextMenuRequested.emit(header.rect().center())
    menu = header.findChild(QMenu, "columnsMenu")
    qtbot.waitUntil(menu.isVisible)
    texts = [a.text() for a in menu.actions()]
    assert "Mentions" in texts and "Why" not in texts  # the reason always shows
    next(a for a in menu.actions() if a.text() == "Mentions").trigger()
    assert not table.isColumnHidden(sm.MENTIONS)
    assert header.sectionSize(sm.MENTIONS) >= development.ranked.column_fit.header_width(
        sm.MENTIONS)
    menu.close()


def test_a_short_window_folds_the_paths_form_until_the_user_chooses(qtbot, app_ctx,
                                                                    demo_workspace):
    from careerpivot.ui.tabs.paths import PathsTab

    def paths_tab(height: int) -> PathsTab:
        tab = PathsTab(app_ctx)
        qtbot.addWidget(tab)
        tab.resize(1200, height)
        tab.show()
        qtbot.waitExposed(tab)
        tab.reload_now()
        return tab

    tab = paths_tab(430)
    form = tab.form
    # too short for the form and five rows of each list: the field and motivation fold away
    qtbot.waitUntil(lambda: not form.details_shown())
    assert not form.why_edit.isVisible() and form.title_edit.isVisible()
    assert form.details_button.toolTip() == "Show the field and why it attracts you"
    qtbot.mouseClick(form.details_button, Qt.MouseButton.LeftButton)
    assert form.details_shown() and form.why_edit.isVisible()
    # the user's choice stays, whatever the height, and between sessions
    tab.resize(1200, 400)
    qtbot.waitUntil(lambda: not form._fit_timer.isActive())  # (the posted refit has run)
    assert form.details_shown()
    tab.save_state(app_ctx.settings)
    again = paths_tab(430)
    again.restore_state(app_ctx.settings)
    assert again.form.details_shown()

    # a tall window shows them from the start
    tall = paths_tab(800)
    assert tall.form.details_choice is None
    qtbot.waitUntil(tall.form.details_shown)
