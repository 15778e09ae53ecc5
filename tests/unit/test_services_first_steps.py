"""The first steps of a new workspace: each ticks when the user has done it, the buttons lead
to the right records, and the guide goes for good once hidden or finished."""

from __future__ import annotations

from careerpivot.core import first_steps as rule
from careerpivot.services import first_steps, interviews, network, paths
from careerpivot.services import workspace as ws


def ticked(state) -> list[str]:
    return [key for key, done in state.done.items() if done]


def test_a_new_workspace_shows_the_guide_with_no_step_done(workspace):
    state = first_steps.state()
    assert state.shown and state.reason == ""
    assert list(state.done) == list(rule.STEPS)
    assert ticked(state) == []
    assert (state.path_id, state.planned_id, state.held_id) == (None, None, None)


def test_each_step_ticks_when_it_is_done(workspace):
    pm = paths.add_path("Product management")
    state = first_steps.state()
    assert ticked(state) == [] and state.path_id == pm  # a path alone is not a belief
    belief = paths.add_assumption(pm, "Roadmaps are negotiated, not decided")
    assert ticked(first_steps.state()) == ["path"]

    # three practitioners, but all at one level: not yet
    people = [network.create_contact(name=name, level="mid") for name in ("Ana", "Bob", "Cy")]
    state = first_steps.state()
    assert "people" not in ticked(state)
    assert (state.progress.contacts, state.progress.levels) == (3, 1)
    network.update_contact(people[2], "level", "lead")
    assert ticked(first_steps.state()) == ["path", "people"]

    # planned is not held; the button leads to the planned one
    talk = interviews.create_interview(people[0], pm, "2026-03-12 10:00")
    state = first_steps.state()
    assert "conversation" not in ticked(state) and state.planned_id == talk
    interviews.update_interview(talk, "status", "completed")
    state = first_steps.state()
    assert ticked(state) == ["path", "people", "conversation"] and state.held_id == talk

    interviews.set_evidence(talk, belief, "supported", "It is all negotiation.")
    assert ticked(first_steps.state()) == ["path", "people", "conversation", "evidence"]

    assert first_steps.mark_development_seen() is True
    assert first_steps.mark_development_seen() is False  # (written once)
    state = first_steps.state()
    assert state.all_done and not state.shown and state.reason == "done"


def test_archived_contacts_and_unknown_levels_do_not_count(workspace):
    network.create_contact(name="Ana", level="mid")
    network.create_contact(name="Bob", level="")
    gone = network.create_contact(name="Cy", level="lead")
    network.update_contact(gone, "archived", True)
    progress = first_steps.state().progress
    assert (progress.contacts, progress.levels) == (2, 1)


def test_hiding_the_guide_is_kept_in_the_workspace(workspace, tmp_path):
    first_steps.hide()
    assert first_steps.state().reason == "hidden"
    ws.close()
    ws.open_workspace(workspace.path, create=False, backups_root=tmp_path / "backups")
    state = first_steps.state()
    assert not state.shown and state.reason == "hidden"


def test_a_finished_guide_does_not_come_back_when_data_goes(workspace):
    first_steps.hide(finished=True)
    assert first_steps.state().reason == "finished"


def test_the_sample_workspace_never_shows_the_guide(demo_workspace):
    state = first_steps.state()
    assert not state.shown and state.reason == "sample"


def test_the_sample_marker_is_the_one_the_sample_writes():
    from careerpivot.services.demo.build import DEMO_SETTING

    assert first_steps.SAMPLE_KEY == DEMO_SETTING


def test_a_read_only_workspace_shows_no_guide(workspace, monkeypatch):
    """Nothing could be done there (the store's read-only open has its own tests)."""
    monkeypatch.setattr(ws, "is_read_only", lambda: True)
    state = first_steps.state()
    assert not state.shown and state.reason == "read_only"


def test_the_guides_own_state_leaves_a_new_workspace_empty_for_a_full_import(workspace):
    """A new workspace whose guide was hidden, or whose Development tab was looked at, still
    takes a full JSON export (File > New Workspace, then import)."""
    from careerpivot.services import exports

    first_steps.mark_development_seen()
    first_steps.hide()
    assert exports.is_empty()


def test_the_guide_asked_for_again_shows_until_hidden_and_is_kept(workspace, tmp_path):
    first_steps.hide()
    first_steps.show_again()
    state = first_steps.state()
    assert state.shown and state.asked and state.reason == ""
    ws.close()
    ws.open_workspace(workspace.path, create=False, backups_root=tmp_path / "backups")
    assert first_steps.state().shown  # kept in the workspace, as hiding is
    first_steps.hide()
    assert first_steps.state().reason == "hidden"


def test_a_finished_guide_asked_for_again_shows_every_step_ticked(workspace):
    pm = paths.add_path("Product management")
    belief = paths.add_assumption(pm, "Roadmaps are negotiated")
    people = [network.create_contact(name=name, level=level)
              for name, level in (("Ana", "mid"), ("Bob", "lead"), ("Cy", "mid"))]
    talk = interviews.create_interview(people[0], pm, "2026-03-02 10:00", status="completed")
    interviews.set_evidence(talk, belief, "supported", "It is all negotiation.")
    first_steps.mark_development_seen()
    first_steps.hide(finished=True)
    assert first_steps.state().reason == "finished"
    first_steps.show_again()
    state = first_steps.state()
    assert state.shown and state.all_done and ticked(state) == list(rule.STEPS)


def test_the_sample_stays_without_a_guide_even_when_asked(demo_workspace):
    first_steps.show_again()
    assert first_steps.state().reason == "sample"

