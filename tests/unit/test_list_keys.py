"""The contact list's stored keys stay in step with the contacts whoever writes: the
services, tags renamed or removed, a merge, a delete and its undo; and a file whose keys were
changed by hand is reported by the workspace check."""

from __future__ import annotations

from careerpivot.core.text import fold
from careerpivot.services import contact_list, merge, network
from careerpivot.store import db, list_keys
from careerpivot.store.models import Tag, database


def keys(contact_id: int) -> tuple:
    return database.execute_sql(
        f"SELECT name, organization, role, search, tags FROM {list_keys.TABLE} WHERE id = ?",
        (contact_id,)).fetchone()


def in_step() -> bool:
    return database.execute_sql(list_keys.check_statement()).fetchall() == []


def test_keys_follow_every_change_of_a_contact(workspace):
    ana = network.create_contact(name="Ána Lima", organization="ÄCME", tags="Zeta, beta",
                                 notes="Met at the Café")
    assert keys(ana) == ("ana lima", "acme", "", "ana lima\nacme\n\nmet at the cafe",
                         "beta, zeta")
    network.update_contact(ana, "role", "Product Lead")
    network.update_contact(ana, "notes", "")
    assert keys(ana)[2:4] == ("product lead", "ana lima\nacme\nproduct lead\n")
    network.update_contact(ana, "tags", "Ωmega")
    assert keys(ana)[4] == fold("Ωmega")
    Tag.update(name="Alpha").where(Tag.name == "Ωmega").execute()
    assert keys(ana)[4] == "alpha" and in_step()


def test_keys_follow_merges_deletes_and_undo(workspace):
    from careerpivot.services import workspace as ws

    ana = network.create_contact(name="Ana Lima", tags="mentor")
    twin = network.create_contact(name="ana  lima", organization="Acme", tags="fintech")
    record = merge.merge_contacts(ana, [twin])
    assert keys(twin) is None and "fintech" in keys(ana)[4] and in_step()
    merge.unmerge(record)
    assert keys(twin) is not None and in_step()
    snapshot = network.delete_contacts([ana])
    assert keys(ana) is None and in_step()
    ws.restore_snapshot(snapshot)
    assert keys(ana) == ("ana lima", "", "", "ana lima\n\n\n", "mentor") and in_step()


def test_namesakes_are_found_by_the_name_key(workspace):
    ana = network.create_contact(name="Ana Lima")
    other = network.create_contact(name="ANA LIMA", organization="Beta")
    network.create_contact(name="Ána Lima")  # another name: the accent is kept
    assert contact_list.same_name(ana) == [(other, "ANA LIMA", "Beta")]


def test_a_key_changed_by_hand_is_reported_by_the_check(workspace):
    ana = network.create_contact(name="Ana Lima")
    assert db.integrity_report() == []
    database.execute_sql(f"UPDATE {list_keys.TABLE} SET name = 'zzz' WHERE id = ?", (ana,))
    assert any("contact list" in p for p in db.integrity_report())
    database.execute_sql(f"DELETE FROM {list_keys.TABLE}")
    assert any("1 contact" in p for p in db.integrity_report())
