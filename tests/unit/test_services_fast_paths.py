"""The faster ways the services read big lists give exactly the answers of the plain ways
(tests/benchmarks measures how much faster): the interview list joined in Python, the
development list's evidence counted from grouped mentions and look-up tables, the JSON import
filling the full-text index at the end."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import peewee as pw
import pytest

from careerpivot.core import priority
from careerpivot.core.errors import ImportFileError
from careerpivot.core.evidence import level_key, organization_key
from careerpivot.core.validation import name_key, parse_date
from careerpivot.services import development, exports, interviews
from careerpivot.services import workspace as ws
from careerpivot.services.interviews import reads as interview_reads
from careerpivot.store.db import database
from careerpivot.store.models import Interview, SkillMention
from careerpivot.store.models import Path as PathModel

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark workspace at 1/20 of its size (Unicode, repeated mentions, all)."""
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    path = tmp_path_factory.mktemp("fast") / "small.careerpivot"
    generator.generate(path, scale=0.05, seed=3)
    return path


@pytest.fixture
def small(small_file: Path, tmp_path: Path):
    target = tmp_path / "small.careerpivot"
    target.write_bytes(small_file.read_bytes())
    info = ws.open_workspace(target, create=False, backups_root=tmp_path / "backups")
    yield info
    ws.close()


# --- the interview list -----------------------------------------------------------------------


def _joined(**filters: object) -> list[interviews.InterviewRow]:
    """The list as the one-statement join reads it (as list_interviews() with a search)."""
    query = interview_reads._list_query()
    status = filters.get("status")
    if status:
        query = query.where(Interview.status.in_([status] if isinstance(status, str)
                                                 else list(status)))
    if filters.get("path_id") is not None:
        query = query.where(Interview.path == filters["path_id"])
    if filters.get("contact_id") is not None:
        query = query.where(Interview.contact == filters["contact_id"])
    start = parse_date("date_from", filters.get("date_from"))
    end = parse_date("date_to", filters.get("date_to"))
    if start is not None:
        query = query.where(Interview.scheduled_at >= start.isoformat())
    if end is not None:
        query = query.where((Interview.scheduled_at != "")
                            & (pw.fn.substr(Interview.scheduled_at, 1, 10) <= end.isoformat()))
    undated = Interview.scheduled_at == ""
    if filters.get("newest_first"):
        query = query.order_by(undated, Interview.scheduled_at.desc(), Interview.id.desc())
    else:
        query = query.order_by(undated, Interview.scheduled_at, Interview.id)
    return [interview_reads._row(r) for r in query.tuples()]


def test_the_interview_list_without_a_search_is_the_join(small):
    path_ids = [p for (p,) in PathModel.select(PathModel.id).tuples()]
    contact_id = Interview.select(Interview.contact).first().contact_id
    # an undated interview and one without a path, which sort and join apart
    with database.atomic():
        Interview.update(scheduled_at="").where(Interview.id == 1).execute()
        Interview.update(path=None).where(Interview.id == 2).execute()
    cases = [{}, {"newest_first": True}, {"status": "completed"},
             {"status": ["completed", "scheduled"], "newest_first": True},
             {"contact_id": contact_id}, {"date_from": "2025-01-01"},
             {"date_to": "2025-06-30", "path_id": path_ids[0]}]
    cases += [{"path_id": p} for p in path_ids]
    for filters in cases:
        assert interviews.list_interviews(**filters) == _joined(**filters), filters
    assert len(interviews.list_interviews()) == Interview.select().count()


# --- the development list ---------------------------------------------------------------------


def _evidence_by_hand() -> dict[int, tuple[int, ...]]:
    """Each skill's counts computed in Python from the raw rows: the mentions of held
    conversations only (status completed), each with the person as they were when it was
    held (never the contact's data of today)."""
    held = {i: (contact, organization_key(organization), level_key(level))
            for i, contact, organization, level in database.execute_sql(
                "SELECT id, contact_id, held_organization, held_level FROM interview "
                "WHERE status = 'completed'").fetchall()}
    by_skill: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for skill_id, interview_id, importance in database.execute_sql(
            "SELECT skill_id, interview_id, importance FROM skill_mention").fetchall():
        if interview_id in held:
            by_skill[skill_id].append((interview_id, importance))  # as stored, 2.5 included
    result = {}
    for (skill_id,) in database.execute_sql("SELECT id FROM skill").fetchall():
        found = by_skill.get(skill_id, [])
        talks = {i for i, _ in found}
        result[skill_id] = (
            len(found),
            len({i for i, imp in found if imp >= 3}),
            len({i for i, imp in found if imp == 2}),
            len({i for i, imp in found if imp <= 1}),
            len(talks),
            len({held[i][0] for i in talks}),
            len({held[i][1] for i in talks} - {""}),
            len({held[i][2] for i in talks} - {""}),
        )
    return result


def _held_totals_by_hand() -> dict[int, int]:
    """Each skill's "of Y conversations": the held conversations of the paths of the held
    conversations that mentioned it (no path counts as one more path)."""
    path_of = dict(database.execute_sql(
        "SELECT id, IFNULL(path_id, 0) FROM interview WHERE status = 'completed'").fetchall())
    paths: dict[int, set[int]] = defaultdict(set)
    for skill_id, interview_id in database.execute_sql(
            "SELECT skill_id, interview_id FROM skill_mention").fetchall():
        if interview_id in path_of:
            paths[skill_id].add(path_of[interview_id])
    return {skill_id: sum(1 for p in path_of.values() if p in mine)
            for skill_id, mine in paths.items()}


def test_the_development_list_counts_the_evidence_exactly(small):
    # a repeated mention, a skill nobody mentioned, one organization spelt two ways
    first = SkillMention.get_by_id(1)
    with database.atomic():
        SkillMention.insert(interview=first.interview_id, skill=first.skill_id,
                            importance=3).execute()
        database.execute_sql("UPDATE interview SET held_organization = 'CAFÉ THÉÂTRE' "
                             "WHERE contact_id = 1")
        # the contacts of today do not count: only the person as they were when held
        database.execute_sql("UPDATE contact SET organization = 'Elsewhere', level = 'lead' "
                             "WHERE id % 3 = 0")
    development.add_skill("Unmentioned", "tool")
    expected = _evidence_by_hand()
    ranked = development.ranked_skills()
    assert {r.skill_id for r in ranked} == set(expected)
    for r in ranked:
        assert (r.mentions, r.essential, r.important, r.nice, r.interviews, r.people,
                r.organizations, r.levels) == expected[r.skill_id], r.name
    without = development.ranked_skills(include_transferable=False)
    assert [r.skill_id for r in without] == [r.skill_id for r in ranked if not r.transferable]


def test_the_development_list_is_the_ranking_of_the_evidence(small):
    """Every row of the list (counts, priority, explanation, learning, order) is what
    core.priority makes of the evidence counted by hand, with the awkward cases present: a
    conversation that rated a skill at two importances, importances outside 1-3 (an older
    file, an edit by hand), organizations and levels that fold together or to nothing."""
    skills = [development.add_skill(f"Edge case {n}", target_level=2) for n in range(4)]
    talks = [i for (i,) in database.execute_sql(
        "SELECT id FROM interview WHERE status = 'completed' ORDER BY id")]
    with database.atomic():
        for skill, talk, importance in [
                (skills[0], talks[0], 3), (skills[0], talks[0], 2), (skills[0], talks[1], 1),
                (skills[1], talks[2], 5), (skills[1], talks[3], 4), (skills[1], talks[2], 3),
                (skills[2], talks[4], 0), (skills[2], talks[5], -1), (skills[2], talks[4], 1),
                (skills[3], talks[6], 2.5)]:
            database.execute_sql(
                "INSERT INTO skill_mention (interview_id, skill_id, importance, note) "
                "VALUES (?, ?, ?, '')", (talk, skill, importance))
        database.execute_sql("UPDATE interview SET held_organization = '   ' WHERE id % 7 = 0")
        database.execute_sql("UPDATE interview SET held_organization = 'ACME  robotics' "
                             "WHERE id % 11 = 0")
        database.execute_sql("UPDATE interview SET held_level = ' Senior' WHERE id % 13 = 0")
    development.update_skill(skills[1], "target_level", 4)
    development.update_skill(skills[2], "transferable", True)
    development.add_learning("Evening course", skill_ids=[skills[0], skills[1]],
                             start_date="2026-02-01")
    development.add_learning("Old book", "book", skill_ids=[skills[0]], status="dropped")
    development.add_learning("Undated practice", "practice", skill_ids=[skills[0]])

    evidence = _evidence_by_hand()
    totals = _held_totals_by_hand()
    learning = defaultdict(list)
    for item in development.list_learning():  # by start date, undated last
        if item.status != "dropped":
            for skill_id, _name in item.skills:
                learning[skill_id].append(item.title)
    expected = []
    for row in development.list_skills():
        counts = evidence[row.id]
        ev = priority.SkillEvidence(*counts, total_conversations=totals.get(row.id, 0))
        p = priority.priority(ev, row.current_level, row.target_level, row.transferable)
        expected.append(development.RankedSkill(
            row.id, row.name, row.kind, row.current_level, row.target_level,
            row.transferable, p.gap, p.score, p.evidence, p.explanation, *counts,
            totals.get(row.id, 0), tuple(learning[row.id])))
    expected.sort(key=lambda r: (-r.score, name_key(r.name), r.skill_id))

    assert development.ranked_skills() == expected
    # mentions, essential, important, nice to have, conversations
    assert [evidence[s][:5] for s in skills] == [
        (3, 1, 1, 1, 2), (3, 2, 0, 0, 2), (3, 0, 0, 2, 2), (1, 0, 0, 0, 1)]


# --- the JSON import and the full-text index ----------------------------------------------------


def _triggers() -> list[tuple[str, str]]:
    return sorted(database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def test_a_json_import_leaves_the_full_text_index_whole(small, tmp_path):
    search = pytest.importorskip("careerpivot.store.search")
    path = exports.export_json(tmp_path / "export.json").path
    before = exports.dump_tables()
    triggers = _triggers()
    ws.close()
    ws.open_workspace(tmp_path / "new.careerpivot", backups_root=tmp_path / "b")
    exports.import_json(path)
    assert exports.dump_tables() == before
    assert _triggers() == triggers  # put back as they were
    for statement in search.integrity_statements():
        database.execute_sql(statement)  # raises when an index differs from its table
    name = before["contact"][0]["name"].split()[0]
    (count,) = database.execute_sql(
        "SELECT count(*) FROM fts_contact WHERE fts_contact MATCH ?", (f'"{name}"',)).fetchone()
    assert count >= 1


def test_a_refused_json_import_keeps_the_triggers(small, tmp_path):
    pytest.importorskip("careerpivot.store.search")
    doc = json.loads(exports.export_json(tmp_path / "export.json").path.read_bytes())
    doc["tables"]["contact"][0]["introduced_by_id"] = 10**9  # a dangling reference
    ws.close()
    ws.open_workspace(tmp_path / "new.careerpivot", backups_root=tmp_path / "b")
    triggers = _triggers()
    with pytest.raises(ImportFileError, match="not in the export"):
        exports.import_json(json.dumps(doc).encode())
    assert _triggers() == triggers
    assert exports.is_empty()
