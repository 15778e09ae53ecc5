"""The value summary's service: profile fields with validation, chosen skills, portfolio."""

from __future__ import annotations

import pytest

from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import ValidationError
from careerpivot.services import development, workspace
from careerpivot.services import summary as service
from careerpivot.store.models import LearningItem, Skill


def make_skill(name: str, **fields) -> int:
    from careerpivot.core.validation import name_key

    return Skill.create(name=name, key=name_key(name), **fields).id


# --- the profile ------------------------------------------------------------------------------


def test_new_workspace_has_an_empty_profile(workspace):
    profile = service.get_profile()
    assert profile == service.ProfileData()
    assert service.summary_document_data().is_empty


@pytest.mark.parametrize(("field", "typed", "stored"), [
    ("full_name", "  Zoë   Łukasiewicz-Ngô ", "Zoë Łukasiewicz-Ngô"),
    ("headline", "产品经理 · مدير المنتجات", "产品经理 · مدير المنتجات"),
    ("email", "mailto:zoe@example.org", "zoe@example.org"),
    ("phone", "+44 (0)7700 900418", "+44 (0)7700 900418"),
    ("website", "www.zoe.example", "https://www.zoe.example"),
    ("linkedin", "linkedin.com/in/zoe", "https://linkedin.com/in/zoe"),
    ("narrative", "Line one\r\nLine two\n\nNew paragraph", "Line one\nLine two\n\nNew paragraph"),
    ("ask", "<script>alert(1)</script>; DROP TABLE profile;--",
     "<script>alert(1)</script>; DROP TABLE profile;--"),
    ("page_size", "Letter", "Letter"),
])
def test_profile_fields_are_cleaned_and_stored(workspace, field, typed, stored):
    assert service.update_profile(field, typed) == stored
    assert getattr(service.get_profile(), field) == stored
    assert workspace_changed()


def workspace_changed() -> bool:
    return workspace.needs_backup()


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("email", "zoe@", "not an e-mail address"),
    ("website", "javascript:alert(1)", "Only web addresses"),
    ("linkedin", "not a url", "cannot contain spaces"),
    ("phone", "call me maybe", "phone number"),
    ("page_size", "A3", "Unknown value"),
    ("full_name", "x" * 201, "too long"),
])
def test_bad_input_is_refused_and_nothing_is_stored(workspace, field, typed, message):
    before = service.get_profile()
    with pytest.raises(ValidationError) as info:
        service.update_profile(field, typed)
    assert message in info.value.message
    assert info.value.field == field
    assert service.get_profile() == before


def test_unknown_field_is_refused(workspace):
    with pytest.raises(ValidationError):
        service.update_profile("id", 5)


def test_save_function_for_the_form_binder(workspace):
    service.save_profile_field(service.PROFILE_ID, "full_name", "Amara")
    assert service.profile_values()["full_name"] == "Amara"


# --- skills -----------------------------------------------------------------------------------


def test_choose_order_and_remove_skills(workspace):
    a = make_skill("Stakeholder management", transferable=True)
    b = make_skill("SQL", current_level=1, target_level=3)
    c = make_skill("Jira")
    groups = {choice.name: choice.group for choice in service.available_skills()}
    assert groups == {"Stakeholder management": "strength", "SQL": "developing",
                      "Jira": "other"}
    for sid in (a, b, c):
        service.add_skill(sid)
    assert [s.name for s in service.chosen_skills()] == ["Stakeholder management", "SQL", "Jira"]
    assert service.available_skills() == []
    assert service.move_skill(c, -2)
    assert not service.move_skill(c, -1)  # already first
    assert [s.skill_id for s in service.chosen_skills()] == [c, a, b]
    assert service.remove_skill(a) == 1
    assert service.remove_skill(a) is None
    service.add_skill(a, position=0)
    assert [s.skill_id for s in service.chosen_skills()] == [a, c, b]
    service.set_skill_order([b, a, 999])
    assert [s.skill_id for s in service.chosen_skills()] == [b, a, c]
    assert [s.position for s in service.chosen_skills()] == [0, 1, 2]
    assert service.summary_document_data().skills == ("SQL", "Stakeholder management", "Jira")


def test_a_skill_cannot_be_chosen_twice_or_when_missing(workspace):
    a = make_skill("SQL")
    service.add_skill(a)
    with pytest.raises(ValidationError):
        service.add_skill(a)
    with pytest.raises(NotFoundError):
        service.add_skill(4242)


def test_a_skill_with_learning_counts_as_in_development(workspace):
    sid = make_skill("Discovery")
    development.add_learning("Discovery course", "course", skill_ids=[sid])
    assert service.available_skills()[0].group == "developing"


def test_deleting_a_skill_takes_it_off_the_summary(workspace):
    a = make_skill("SQL")
    service.add_skill(a)
    Skill.delete().where(Skill.id == a).execute()
    assert service.chosen_skills() == []


# --- the portfolio ----------------------------------------------------------------------------


def test_portfolio_items_crud_order_and_include(workspace):
    first = service.add_portfolio_item("Rolled out a tool", "Cut planning by 30%",
                                       "example.org/case")
    second = service.add_portfolio_item("Café relaunch 王")
    third = service.add_portfolio_item("Hidden", included=False)
    rows = service.portfolio_items()
    assert [r.id for r in rows] == [first, second, third]
    assert rows[0].url == "https://example.org/case"
    assert service.move_portfolio_item(third, -2)
    assert [r.id for r in service.portfolio_items()] == [third, first, second]
    service.update_portfolio_item(second, "result", "Three weeks,\n  sold out")
    assert service.get_portfolio_item(second).result == "Three weeks, sold out"
    service.update_portfolio_item(third, "included", True)
    service.update_portfolio_item(first, "included", "false")
    titles = [p.title for p in service.summary_document_data().portfolio]
    assert titles == ["Hidden", "Café relaunch 王"]
    service.set_portfolio_order([second, first])
    assert [r.id for r in service.portfolio_items()] == [second, first, third]


@pytest.mark.parametrize(("field", "value"), [
    ("title", "   "), ("url", "ftp://x.org"), ("kind", "hobby"), ("learning", 4242),
    ("colour", "red"),
])
def test_bad_portfolio_values_are_refused(workspace, field, value):
    item = service.add_portfolio_item("Title")
    with pytest.raises((ValidationError, NotFoundError)):
        service.update_portfolio_item(item, field, value)
    assert service.get_portfolio_item(item).title == "Title"


def test_an_experiment_becomes_a_portfolio_item(workspace):
    learning = LearningItem.create(title="Shadowed a discovery sprint", kind="shadowing",
                                   result="Ran two customer interviews.\nWrote the synthesis.")
    LearningItem.create(title="SQL course", kind="course")
    choices = service.experiment_choices()
    assert [c.title for c in choices] == ["Shadowed a discovery sprint"]
    item = service.add_experiment(learning.id)
    row = service.get_portfolio_item(item)
    assert row.kind == "experiment" and row.learning_id == learning.id
    assert row.learning_title == "Shadowed a discovery sprint"
    assert row.result == "Ran two customer interviews. Wrote the synthesis."
    entry = service.summary_document_data().portfolio[0]
    assert entry.kind == "experiment"


def test_delete_portfolio_item_is_undoable(workspace):
    item = service.add_portfolio_item("Keep me", "result")
    snap = service.delete_portfolio_item(item)
    assert service.portfolio_items() == []
    workspace_mod = workspace_restore(snap)
    assert workspace_mod[0].title == "Keep me"
    with pytest.raises(NotFoundError):
        service.get_portfolio_item(4242)


def workspace_restore(snap):
    workspace.restore_snapshot(snap)
    return service.portfolio_items()


def test_summary_document_of_the_sample_workspace(demo_workspace):
    doc = service.summary_document_data()
    assert doc.full_name and doc.headline and doc.narrative and doc.ask
    assert len(doc.skills) >= 4 and len(doc.portfolio) >= 3
    assert doc.skills == tuple(s.name for s in service.chosen_skills())


def test_reading_the_profile_never_writes(workspace):
    """A read-only workspace (or one that lost its profile row) still shows its summary:
    reading never writes; the row comes back with the first edit."""
    from careerpivot.services import summary
    from careerpivot.store.models import Profile

    Profile.delete().execute()
    assert summary.get_profile().full_name == ""
    assert Profile.select().count() == 0
    summary.update_profile("full_name", "Zoë")
    assert summary.get_profile().full_name == "Zoë"


# --- what a summary still lacks ---------------------------------------------------------------


def test_a_new_summary_lacks_every_essential_part(workspace):
    assert service.missing_parts(service.summary_document_data()) == (
        "full_name", "narrative", "skills", "ask")


def test_the_sample_summary_lacks_nothing(demo_workspace):
    assert service.missing_parts(service.summary_document_data()) == ()


def test_missing_parts_are_named_in_the_order_of_the_form(workspace):
    service.update_profile("full_name", "Zoë Ngô")
    service.update_profile("ask", "   \n  ")  # blank is nothing
    skill = make_skill("SQL")
    service.add_skill(skill)
    assert service.missing_parts(service.summary_document_data()) == ("narrative", "ask")
    service.update_profile("narrative", "Ten years of plans that shipped.")
    service.update_profile("ask", "An introduction.")
    assert service.missing_parts(service.summary_document_data()) == ()
