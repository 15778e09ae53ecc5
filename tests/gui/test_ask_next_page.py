"""The Paths tab's "Who to ask next" page as a person uses it: whom to ask about a path and
why, then writing the request or planning the conversation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from careerpivot.services import interviews, network, paths
from careerpivot.ui.context import Area
from careerpivot.ui.dialogs.add_interview import AddInterviewDialog
from careerpivot.ui.dialogs.outreach import OutreachDialog
from careerpivot.ui.itemmodels import ask_next as model
from careerpivot.ui.tabs.paths.tab import PAGE_ASK_NEXT


def ask_next_page(window, title: str | None = None):
    tab = window.show_tab("pathsTab")
    if title is not None:
        tab.select_path(next(p.id for p in paths.list_paths() if p.title == title))
    tab.pages.setCurrentIndex(PAGE_ASK_NEXT)
    page = tab.ask_next_page
    assert tab.pages.currentWidget() is page and page.objectName() == "askNextPage"
    return tab, page


def listed(page) -> list[str]:
    m = page.model
    return [m.index(r, model.S_NAME).data() for r in range(m.rowCount())]


def choose(qtbot, page, name: str) -> None:
    row = listed(page).index(name)
    rect = page.table.visualRect(page.model.index(row, model.S_NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_suggestion().name == name


def test_the_sample_lists_ranked_people_with_their_reasons(demo_window, qtmodeltester):
    tab, page = ask_next_page(demo_window, "Product management")
    assert tab.pages.tabText(PAGE_ASK_NEXT) == "As&k Next"
    qtmodeltester.check(page.model)
    assert page.stack.currentWidget() is page.table
    names = listed(page)
    assert len(names) >= 5 and "Aisha Rahman" in names
    assert "Marcus Bell" not in names  # his conversation is already scheduled
    intro = page.intro.text()
    assert intro.startswith("Open assumptions: ") and "Ranked by what a conversation" in intro
    assert "Not listed: 2 people with a conversation already planned" in intro
    aisha = names.index("Aisha Rahman")
    reason = page.model.index(aisha, model.S_REASON).data()
    assert reason.startswith("A new level and organization for ")  # beside its columns
    assert reason.endswith("; introduced by Zoë Łukasiewicz-Ngô, not yet contacted")
    assert page.model.index(aisha, model.S_LEVEL).data() == "Senior"
    assert "Introduced by" in page.model.index(aisha, model.S_REASON).data(
        Qt.ItemDataRole.ToolTipRole)
    # nothing chosen, nothing to do
    assert not page.write_button.isEnabled() and not page.plan_button.isEnabled()


def test_plan_conversation_takes_the_person_off_the_list(demo_window, qtbot, monkeypatch):
    tab, page = ask_next_page(demo_window, "Product management")
    pm = tab.current_path_id()
    choose(qtbot, page, "Aisha Rahman")
    assert page.write_button.isEnabled() and page.plan_button.isEnabled()
    asked = []

    def ask(cls, parent, contacts, path_choices, *, contact_id=None, path_id=None):
        asked.append((contact_id, path_id))
        return {"contact_id": contact_id, "path_id": path_id, "scheduled_at": "",
                "minutes": 30, "mode": "video"}

    monkeypatch.setattr(AddInterviewDialog, "ask", classmethod(ask))
    aisha = page.current_suggestion().contact_id
    before = {r.id for r in interviews.list_interviews()}
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    assert asked == [(aisha, pm)]  # the person and the path offered first
    new, = [r for r in interviews.list_interviews() if r.id not in before]
    assert (new.contact_id, new.path_id, new.status) == (aisha, pm, "requested")
    # planned now: off the list, and counted among those on their way
    qtbot.waitUntil(lambda: "Aisha Rahman" not in listed(page))
    assert "Not listed: 3 people" in page.intro.text()
    assert not page.plan_button.isEnabled()
    # undo takes the conversation back: she is listed again
    demo_window.ctx.undo.undo()
    qtbot.waitUntil(lambda: "Aisha Rahman" in listed(page))


def test_enter_plans_and_write_request_opens_the_composer(demo_window, qtbot, monkeypatch):
    _tab, page = ask_next_page(demo_window, "Operations leadership")
    choose(qtbot, page, "Mei Tanaka")
    mei = page.current_suggestion().contact_id
    composed = []
    monkeypatch.setattr(OutreachDialog, "compose",
                        classmethod(lambda cls, ctx, parent, **kw: composed.append(kw)))
    qtbot.mouseClick(page.write_button, Qt.MouseButton.LeftButton)
    assert composed == [{"contact_id": mei, "template_key": "request"}]

    asked = []
    monkeypatch.setattr(AddInterviewDialog, "ask", classmethod(
        lambda cls, *args, **kwargs: asked.append(kwargs) or None))  # cancelled
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert asked and asked[0]["contact_id"] == mei
    assert "Mei Tanaka" in listed(page)  # nothing planned, nothing changed


def test_the_page_says_what_to_do_and_follows_changes(main_window, qtbot):
    path = paths.add_path("UX research")
    main_window.ctx.bus.changed.emit(Area.PATHS)
    _tab, page = ask_next_page(main_window, "UX research")
    assert page.stack.currentWidget() is page.empty
    assert "Write down what you believe about this path first" in page.empty.text()
    paths.add_assumption(path, "Research roles are mostly in large companies")
    main_window.ctx.bus.changed.emit(Area.PATHS)
    qtbot.waitUntil(lambda: "Add contacts at other organizations or levels, or ask for "
                            "introductions" in page.empty.text())
    assert page.intro.text().startswith("Open assumptions: 1 of 1.")
    network.create_contact(name="Rae", organization="Initech", level="lead")
    main_window.ctx.bus.changed.emit(Area.CONTACTS)
    qtbot.waitUntil(lambda: listed(page) == ["Rae"])
    assert page.stack.currentWidget() is page.table
    assert page.model.index(0, model.S_REASON).data() == (
        "A new level and organization for 1 open assumption")
