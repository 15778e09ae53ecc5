"""Links between rows (a learning item's skills, a contact's paths, a milestone's skills and
learning): set to exactly what is chosen; a choice that no longer exists is refused with a
message and leaves the links as they were."""

from __future__ import annotations

import pytest

from careerpivot.core.errors import ValidationError
from careerpivot.services import development, network, paths, plan


def test_learning_skills_are_set_exactly_and_a_missing_one_changes_nothing(workspace):
    sql = development.add_skill("SQL")
    stats = development.add_skill("Statistics")
    item = development.add_learning("SQL course", skill_ids=[sql])
    development.set_learning_skills(item, [stats, sql, stats])
    assert {s for s, _n in development.get_learning(item).skills} == {sql, stats}
    with pytest.raises(ValidationError, match="no longer exists") as info:
        development.set_learning_skills(item, [sql, 9999])
    assert info.value.field == "skills"
    assert {s for s, _n in development.get_learning(item).skills} == {sql, stats}
    development.set_learning_skills(item, [])
    assert development.get_learning(item).skills == ()


def test_contact_paths_are_set_exactly_and_a_missing_one_changes_nothing(workspace):
    first = paths.add_path("Product management")
    second = paths.add_path("Operations")
    contact = network.create_contact(name="Priya", path_ids=[first])
    network.set_paths(contact, [second])
    assert network.get_contact(contact).path_ids == (second,)
    with pytest.raises(ValidationError, match="no longer exists"):
        network.set_paths(contact, [first, 9999])
    assert network.get_contact(contact).path_ids == (second,)


def test_milestone_links_are_set_exactly_and_a_missing_one_changes_nothing(workspace):
    phase = plan.add_phase("Exploration")
    skill = development.add_skill("SQL")
    item = development.add_learning("SQL course")
    milestone = plan.add_milestone(phase, "Finish the course", skill_ids=[skill],
                                   learning_ids=[item])
    with pytest.raises(ValidationError, match="no longer exists"):
        plan.set_milestone_skills(milestone, [9999])
    with pytest.raises(ValidationError, match="no longer exists") as info:
        plan.set_milestone_learning(milestone, [item, 9999])
    assert info.value.field == "learning"
    row = plan.get_milestone(milestone)
    assert [s for s, _n in row.skills] == [skill]
    assert [i for i, _t in row.learning] == [item]
    plan.set_milestone_skills(milestone, [])
    assert plan.get_milestone(milestone).skills == ()
