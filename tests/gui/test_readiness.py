"""Evidence readiness as a person sees it: the Paths tab's Readiness page (the figure, the rule,
every belief, the untested ones by category), the figure rising when a verdict settles a
belief and falling back on undo, and the Overview's row per path opening the path."""

from __future__ import annotations

from gui_steps import choose, open_interview
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from careerpivot.core import evidence
from careerpivot.services import interviews, paths, readiness
from careerpivot.ui.context import Area
from careerpivot.ui.itemmodels import readiness as rm
from careerpivot.ui.tabs.paths.tab import PAGE_ASSUMPTIONS, PAGE_READINESS


def readiness_page(window):
    tab = window.show_tab("pathsTab")
    tab.pages.setCurrentIndex(PAGE_READINESS)
    return tab, tab.readiness_page


def overview_readiness(qtbot, window):
    tab = window.show_tab("overviewTab")
    tab.inner_tabs.setCurrentWidget(tab.readiness_page)
    page = tab.readiness_page
    qtbot.waitUntil(lambda: page.model.rowCount() == len(paths.list_paths()), timeout=10000)
    return tab, page


def settled_by_one_more(path_id: int):
    """The path's next step (a belief one more person would settle) and a held conversation
    of that path with someone who has not spoken on it yet."""
    step = readiness.readiness_of(path_id).readiness.next_step()
    assert step.standing.missing() == (1, False)
    spoke = {e.contact_id for e in paths.assumption_evidence(step.assumption_id)}
    talk = next(r for r in interviews.list_interviews()
                if r.path_id == path_id and r.status == "completed" and r.contact_id not in spoke)
    return step, talk


def test_the_models_pass_the_model_tester(qtmodeltester, qtbot, demo_window):
    _tab, page = readiness_page(demo_window)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)
    page.model.sort(rm.R_PEOPLE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.model)
    _overview, by_path = overview_readiness(qtbot, demo_window)
    qtmodeltester.check(by_path.model)


def test_the_page_shows_the_figure_the_rule_and_every_belief(demo_window, qtbot):
    tab, page = readiness_page(demo_window)
    pid = tab.current_path_id()
    r = readiness.readiness_of(pid).readiness
    assert 0 < r.settled < r.total
    figure = page.findChild(QLabel, "readinessFigure")
    assert figure.text() == (f"{r.settled} of {r.total} beliefs settled — {r.percent} %")
    assert page.bar.isVisible() and page.bar.value() == round(r.share * 1000)
    assert tab.pages.tabText(PAGE_READINESS) == f"Readiness ({r.percent} %)"
    # the rule behind it, with the thresholds the evidence rule uses
    rule = page.findChild(QLabel, "readinessRule")
    assert f"at least {evidence.TRIANGULATION_MIN_PEOPLE} different people" in rule.text()
    # the path's entry in the list says it briefly; the other paths' follow from a worker
    assert tab.paths_list.currentItem().text().endswith(f"\n{r.percent} % settled")
    others = [tab.paths_list.item(i) for i in range(tab.paths_list.count())
              if tab.paths_list.item(i) is not tab.paths_list.currentItem()]
    assert others
    for item in others:
        share = readiness.readiness_of(item.data(Qt.ItemDataRole.UserRole)).readiness.percent
        qtbot.waitUntil(lambda i=item, p=share: i.text().endswith(f"\n{p} % settled"))

    # every belief: status, people, organizations, levels and what it lacks
    model = page.model
    assert model.rowCount() == r.total
    first = r.items[0]
    settled_row = next(i for i in range(r.total) if r.items[i].settled)
    assert model.index(settled_row, rm.R_STATUS).data() == "Settled"
    heard = r.items[settled_row].heard
    assert [model.index(settled_row, c).data() for c in (rm.R_PEOPLE, rm.R_ORGANIZATIONS,
                                                         rm.R_LEVELS)] == [
        str(heard.people), str(heard.organizations), str(heard.levels)]
    assert model.index(0, rm.R_STATEMENT).data() == first.statement
    assert model.index(0, rm.R_LACKS).data() == first.lacks()
    untested_row = next(i for i in range(r.total) if r.items[i].status == "untested")
    assert model.index(untested_row, rm.R_LACKS).data().startswith(
        "No held conversation has tested it yet.")
    # sortable: most people first, then back to the path's own order
    page.table.sortByColumn(rm.R_PEOPLE, Qt.SortOrder.DescendingOrder)
    people = [int(model.index(i, rm.R_PEOPLE).data()) for i in range(model.rowCount())]
    assert people == sorted(people, reverse=True)
    page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [i.assumption_id for i in model.items()] == [i.assumption_id for i in r.items]

    # untested by category, the beliefs listed on hover
    tree = page.untested
    categories = {tree.topLevelItem(i).text(0): tree.topLevelItem(i)
                  for i in range(tree.topLevelItemCount())}
    assert sum(int(text.rsplit(": ", 1)[1]) for text in categories) == r.untested_count
    pay = next(item for text, item in categories.items() if text.startswith("Pay"))
    pay_statements = [i.statement for i in dict(r.untested)["pay"]]
    assert all(s in pay.toolTip(0) for s in pay_statements)

    # Enter on a belief opens it on the Assumptions page
    page.table.setFocus()
    page.table.setCurrentIndex(model.index(untested_row, rm.R_STATEMENT))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert tab.pages.currentIndex() == PAGE_ASSUMPTIONS
    assert tab.current_assumption().id == r.items[untested_row].assumption_id
    # and so does a belief picked in the untested list
    tab.pages.setCurrentIndex(PAGE_READINESS)
    page.untested.itemActivated.emit(pay.child(0), 0)
    assert tab.pages.currentIndex() == PAGE_ASSUMPTIONS
    assert tab.current_assumption().statement == pay_statements[0]


def test_a_path_without_beliefs_has_no_figure(main_window, qtbot):
    pid = paths.add_path("Data analysis")
    main_window.ctx.bus.changed.emit(Area.PATHS)
    tab, page = readiness_page(main_window)
    assert tab.select_path(pid)
    assert page.figure.text() == "No assumptions yet"
    assert not page.bar.isVisible()
    assert tab.pages.tabText(PAGE_READINESS) == "Readiness"
    assert "settled" not in tab.paths_list.currentItem().text()


def test_a_verdict_that_settles_a_belief_raises_the_figure_and_undo_lowers_it(demo_window,
                                                                               qtbot):
    tab, page = readiness_page(demo_window)
    pid = tab.current_path_id()
    before = readiness.readiness_of(pid).readiness
    step, talk = settled_by_one_more(pid)
    shown_before = page.figure.text()

    # the conversation's evidence page: one more person supports it
    itab = demo_window.show_tab("interviewsTab")
    open_interview(qtbot, itab, talk.id)
    editor = itab.editor
    editor.show_page(editor.PAGE_EVIDENCE)
    qtbot.waitUntil(lambda: editor.evidence.row_for(step.assumption_id) is not None)
    with qtbot.waitSignal(demo_window.ctx.bus.changed, timeout=5000):
        choose(qtbot, editor.evidence.row_for(step.assumption_id).verdict, "supported")
    tab, page = readiness_page(demo_window)
    after = readiness.readiness_of(pid).readiness
    assert after.settled == before.settled + 1
    assert page.figure.text() == (f"{after.settled} of {after.total} beliefs settled — "
                                  f"{after.percent} %")
    row = page.model.row_of(step.assumption_id)
    assert page.model.index(row, rm.R_STATUS).data() == "Settled"
    assert page.model.index(row, rm.R_PEOPLE).data() == "3"
    assert tab.paths_list.currentItem().text().endswith(f"{after.percent} % settled")

    # undo takes the verdict back: the figure with it
    demo_window.actions.undo.trigger()
    qtbot.waitUntil(lambda: page.figure.text() == shown_before)
    assert page.model.index(page.model.row_of(step.assumption_id), rm.R_STATUS).data() \
        == "Supported"


def test_the_overview_lists_every_path_and_opens_its_readiness(demo_window, qtbot):
    overview, page = overview_readiness(qtbot, demo_window)
    rows = readiness.readiness()
    model = page.model
    assert [model.index(i, rm.P_TITLE).data() for i in range(model.rowCount())] == [
        r.title for r in rows]
    first = rows[0].readiness
    assert model.index(0, rm.P_READINESS).data() == f"{first.settled} of {first.total} settled"
    share, text = model.index(0, rm.P_READINESS).data(rm.PROGRESS_ROLE)
    assert share == first.share and text.endswith("settled")
    assert model.index(0, rm.P_UNTESTED).data() == str(first.untested_count)
    step = first.next_step()
    assert model.index(0, rm.P_NEXT).data() == f"“{step.statement}”: {step.lacks()}"
    assert page.findChild(QLabel, "overviewReadinessRule").text() == rm.rule_text()

    # the evidence changes (supporters' conversations deleted): the row follows at once
    settled = next(i for i in first.items if i.settled)
    supporters = [e.interview_id for e in paths.assumption_evidence(settled.assumption_id)
                  if e.verdict == "supported" and e.held]
    while readiness.readiness_of(rows[0].path_id).readiness.settled == first.settled:
        interviews.delete_interview(supporters.pop())
    demo_window.ctx.bus.changed.emit(Area.INTERVIEWS)
    qtbot.waitUntil(lambda: model.index(0, rm.P_READINESS).data()
                    == f"{first.settled - 1} of {first.total} settled", timeout=10000)

    # Enter on the second path opens it on the Paths tab's Readiness page
    second = rows[1]
    page.table.setFocus()
    page.table.setCurrentIndex(model.index(1, rm.P_TITLE))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    paths_tab = demo_window.tab_widgets["pathsTab"]
    assert demo_window.tabs.currentWidget() is paths_tab
    assert paths_tab.current_path_id() == second.path_id
    assert paths_tab.pages.currentIndex() == PAGE_READINESS
    assert paths_tab.readiness_page.figure.text() == rm.figure_text(second.readiness)
    # the button does the same
    demo_window.show_tab("overviewTab")
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert paths_tab.current_path_id() == rows[0].path_id
    assert overview is not paths_tab
