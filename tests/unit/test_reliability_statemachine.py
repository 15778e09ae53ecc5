"""The services against a plain-Python model, and text round trips.

A hypothesis state machine creates, edits and deletes contacts, tags, introductions, paths,
assumptions, interviews, guide questions and answers, evidence and skill mentions through the
services, undoes any of it the way the Edit > Undo stack does (deletes through
``workspace.restore_snapshot``, adds by deleting, edits by storing the old value), and after
every step reads the whole workspace back through the services: it must equal the model.

The property tests store any Unicode text (emoji, right-to-left, CJK, control characters,
up to 1 MiB) through a service and read it back identical after the documented clean-up:
outer whitespace stripped, CRLF and CR become LF, NUL removed, a lone surrogate becomes U+FFFD.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import (
    MAX_TEXT,
    ValidationError,
    clean_line,
    clean_text,
    name_key,
)
from careerpivot.services import development, interviews, network, paths, workspace
from careerpivot.store import db

# --- text ------------------------------------------------------------------------------------

#: Text people paste: emoji (with joiners and skin tones), right-to-left, CJK, combining marks,
#: Windows line ends, tabs, zero-width and control characters, NUL.
TRICKY = st.sampled_from([
    "Zoë", "👩🏽‍💻 dev", "مرحبا", "שלום עולם", "数据分析", "e\u0301", "\u200b", "line\r\nbreak",
    "\r", "\t", "\x00", "\x07", "\u2028", " ", "\n\n", "ǅ", "ﬁ", "𝔘𝔫𝔦", "\U0001F1EB\U0001F1F7",
])
TEXT = st.lists(st.one_of(st.text(max_size=12), TRICKY), max_size=5).map("".join)


def documented(text: str) -> str:
    """What a multi-line field stores, as the user documentation states it."""
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()


# --- the workspace each run starts from ------------------------------------------------------

_TEMPLATE: dict[str, Path] = {}


@pytest.fixture(scope="module", autouse=True)
def _machine_folder(tmp_path_factory: pytest.TempPathFactory):
    """Where the state machine's runs put their workspaces (each run gets its own)."""
    _TEMPLATE["base"] = tmp_path_factory.mktemp("machine")
    yield
    _TEMPLATE.clear()


def _fresh_workspace() -> Path:
    """A new seeded workspace, copied from one built once (seeding takes longer than a run).

    The run's connection does not wait for the disk (``synchronous=OFF``): this test is about
    what the services store, not about surviving power loss (the kill test and the defaults
    cover that), and it makes each step several times cheaper, so more steps fit."""
    base = _TEMPLATE["base"]
    if "path" not in _TEMPLATE:
        workspace.open_workspace(base / "template.careerpivot", backups_root=base / "b")
        workspace.close()
        _TEMPLATE["path"] = base / "template.careerpivot"
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=base))
    target = folder / "run.careerpivot"
    shutil.copyfile(_TEMPLATE["path"], target)
    workspace.open_workspace(target, create=False, backups_root=folder / "b")
    db.database.execute_sql("PRAGMA synchronous = OFF")
    return folder


TAG_NAMES = ["Fintech", "fintech", " FINTECH ", "mentor", "Mentor", "health", "Zoë", "ZOË",
             "data  science", "Data Science"]
SKILL_NAMES = ["SQL", "sql", "Stakeholder  management", "stakeholder management", "Python",
               "Zoë's method", "数据分析"]
VERDICTS = ["supported", "challenged", "nuanced"]


class ServicesMachine(RuleBasedStateMachine):
    """The model: plain dicts keyed by the ids the services returned."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = _fresh_workspace()
        self.m: dict[str, dict] = {
            "contacts": {},  # id -> {name, notes, tags (keys), paths (ids), introducer}
            "paths": {},  # id -> {title, notes}
            "assumptions": {},  # id -> {path, statement}
            "interviews": {},  # id -> {contact, path}
            "answers": {},  # id -> {interview, question, answer}
            "evidence": {},  # (interview, assumption) -> (verdict, quote)
            "mentions": {},  # id -> {interview, skill (key), importance, note}
        }
        # Tags and skills are found or created by name and outlive their uses (and undo):
        # the spelling used first is kept.
        self.tag_names: dict[str, str] = {}
        self.skill_names: dict[str, str] = {}
        self.undo_stack: list[tuple[str, object, dict]] = []
        self.gone: set[int] = set()  # ids of contacts deleted (for edits of a deleted row)

    def teardown(self) -> None:
        workspace.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- helpers ------------------------------------------------------------------------------
    def _push(self, label: str, undo, before: dict) -> None:
        self.undo_stack.append((label, undo, before))

    def _pick(self, data, table: str):
        return data.draw(st.sampled_from(sorted(self.m[table])), label=table)

    def _tag_keys(self, names: list[str]) -> list[str]:
        keys: dict[str, str] = {}
        for name in names:
            cleaned = clean_line("tags", name, max_len=100)
            if cleaned:
                keys.setdefault(name_key(cleaned), cleaned)
        for key, spelling in keys.items():
            self.tag_names.setdefault(key, spelling)
        return list(keys)

    def _drop_interview(self, m: dict, interview_id: int) -> None:
        del m["interviews"][interview_id]
        m["answers"] = {k: v for k, v in m["answers"].items()
                        if v["interview"] != interview_id}
        m["evidence"] = {k: v for k, v in m["evidence"].items() if k[0] != interview_id}
        m["mentions"] = {k: v for k, v in m["mentions"].items()
                         if v["interview"] != interview_id}

    # --- contacts -----------------------------------------------------------------------------
    @rule(name=TEXT, notes=TEXT,
          tags=st.lists(st.sampled_from(TAG_NAMES), max_size=4), data=st.data())
    def create_contact(self, name, notes, tags, data):
        introducer = None
        if self.m["contacts"] and data.draw(st.booleans(), label="introduced"):
            introducer = self._pick(data, "contacts")
        if not clean_line("name", name):
            with pytest.raises(ValidationError):
                network.create_contact(name=name, notes=notes, tags=tags,
                                       introduced_by=introducer)
            return
        before = copy.deepcopy(self.m)
        new_id = network.create_contact(name=name, notes=notes, tags=tags,
                                        introduced_by=introducer)
        assert new_id not in self.m["contacts"]
        self.m["contacts"][new_id] = {
            "name": clean_line("name", name), "notes": clean_text("notes", notes),
            "tags": set(self._tag_keys(tags)), "paths": set(), "introducer": introducer,
        }
        self.gone.discard(new_id)
        self._push("add contact", lambda: network.delete_contacts([new_id]), before)

    @precondition(lambda self: self.m["contacts"])
    @rule(data=st.data(), field=st.sampled_from(["name", "notes"]), value=TEXT)
    def edit_contact(self, data, field, value):
        contact_id = self._pick(data, "contacts")
        row = self.m["contacts"][contact_id]
        if field == "name" and not clean_line("name", value):
            with pytest.raises(ValidationError):
                network.update_contact(contact_id, field, value)
            return
        before = copy.deepcopy(self.m)
        old = row[field]
        network.update_contact(contact_id, field, value)
        row[field] = clean_line("name", value) if field == "name" else clean_text("n", value)
        self._push("edit", lambda: network.update_contact(contact_id, field, old), before)

    @precondition(lambda self: self.gone)
    @rule(data=st.data(), value=TEXT)
    def edit_a_deleted_contact(self, data, value):
        contact_id = data.draw(st.sampled_from(sorted(self.gone)))
        with pytest.raises(NotFoundError):
            network.update_contact(contact_id, "notes", value)

    @precondition(lambda self: self.m["contacts"])
    @rule(data=st.data(), tags=st.lists(st.sampled_from(TAG_NAMES), max_size=4))
    def set_tags(self, data, tags):
        contact_id = self._pick(data, "contacts")
        row = self.m["contacts"][contact_id]
        before = copy.deepcopy(self.m)
        old = [self.tag_names[k] for k in row["tags"]]
        network.set_tags(contact_id, tags)
        row["tags"] = set(self._tag_keys(tags))
        self._push("tags", lambda: network.set_tags(contact_id, old), before)

    @precondition(lambda self: self.m["contacts"] and self.m["paths"])
    @rule(data=st.data())
    def set_paths(self, data):
        contact_id = self._pick(data, "contacts")
        chosen = data.draw(st.sets(st.sampled_from(sorted(self.m["paths"]))), label="paths")
        row = self.m["contacts"][contact_id]
        before = copy.deepcopy(self.m)
        old = sorted(row["paths"])
        network.set_paths(contact_id, sorted(chosen))
        row["paths"] = set(chosen)
        self._push("paths", lambda: network.set_paths(contact_id, old), before)

    @precondition(lambda self: self.m["contacts"])
    @rule(data=st.data())
    def set_introducer(self, data):
        contact_id = self._pick(data, "contacts")
        introducer = data.draw(st.one_of(st.none(), st.sampled_from(sorted(self.m["contacts"]))),
                               label="introducer")
        contacts = self.m["contacts"]
        circle = introducer == contact_id
        current = introducer
        seen: set[int] = set()
        while current is not None and current not in seen and not circle:
            seen.add(current)
            current = contacts[current]["introducer"]
            circle = current == contact_id
        if circle:
            with pytest.raises(ValidationError):
                network.update_contact(contact_id, "introduced_by", introducer)
            return
        before = copy.deepcopy(self.m)
        old = contacts[contact_id]["introducer"]
        network.update_contact(contact_id, "introduced_by", introducer)
        contacts[contact_id]["introducer"] = introducer
        self._push("introducer",
                   lambda: network.update_contact(contact_id, "introduced_by", old), before)

    @precondition(lambda self: self.m["contacts"])
    @rule(data=st.data())
    def delete_contact(self, data):
        contact_id = self._pick(data, "contacts")
        before = copy.deepcopy(self.m)
        snap = network.delete_contacts([contact_id])
        m = self.m
        del m["contacts"][contact_id]
        for row in m["contacts"].values():
            if row["introducer"] == contact_id:
                row["introducer"] = None
        for interview_id in [i for i, r in m["interviews"].items() if r["contact"] == contact_id]:
            self._drop_interview(m, interview_id)
        self.gone.add(contact_id)
        self._push("delete contact", lambda: workspace.restore_snapshot(snap), before)

    # --- paths and assumptions ----------------------------------------------------------------
    @rule(title=st.one_of(TEXT, st.sampled_from(["Product", "product ", "UX research"])))
    def add_path(self, title):
        cleaned = clean_line("title", title)
        taken = {name_key(p["title"]) for p in self.m["paths"].values()}
        if not cleaned or name_key(cleaned) in taken:
            with pytest.raises(ValidationError):
                paths.add_path(title)
            return
        before = copy.deepcopy(self.m)
        path_id = paths.add_path(title)
        self.m["paths"][path_id] = {"title": cleaned, "notes": ""}
        self._push("add path", lambda: paths.delete_path(path_id), before)

    @precondition(lambda self: self.m["paths"])
    @rule(data=st.data(), notes=TEXT)
    def edit_path_notes(self, data, notes):
        path_id = self._pick(data, "paths")
        before = copy.deepcopy(self.m)
        old = self.m["paths"][path_id]["notes"]
        paths.update_path(path_id, "notes", notes)
        self.m["paths"][path_id]["notes"] = clean_text("notes", notes)
        self._push("path notes", lambda: paths.update_path(path_id, "notes", old), before)

    @precondition(lambda self: self.m["paths"])
    @rule(data=st.data())
    def delete_path(self, data):
        path_id = self._pick(data, "paths")
        before = copy.deepcopy(self.m)
        snap = paths.delete_path(path_id)
        m = self.m
        del m["paths"][path_id]
        gone = {a for a, r in m["assumptions"].items() if r["path"] == path_id}
        m["assumptions"] = {a: r for a, r in m["assumptions"].items() if a not in gone}
        m["evidence"] = {k: v for k, v in m["evidence"].items() if k[1] not in gone}
        for row in m["contacts"].values():
            row["paths"].discard(path_id)
        for row in m["interviews"].values():
            if row["path"] == path_id:
                row["path"] = None
        self._push("delete path", lambda: workspace.restore_snapshot(snap), before)

    @precondition(lambda self: self.m["paths"])
    @rule(data=st.data(), statement=TEXT)
    def add_assumption(self, data, statement):
        path_id = self._pick(data, "paths")
        if not clean_text("statement", statement):
            with pytest.raises(ValidationError):
                paths.add_assumption(path_id, statement)
            return
        before = copy.deepcopy(self.m)
        assumption_id = paths.add_assumption(path_id, statement)
        self.m["assumptions"][assumption_id] = {
            "path": path_id, "statement": clean_text("statement", statement)}
        self._push("add assumption", lambda: paths.delete_assumption(assumption_id), before)

    @precondition(lambda self: self.m["assumptions"])
    @rule(data=st.data())
    def delete_assumption(self, data):
        assumption_id = self._pick(data, "assumptions")
        before = copy.deepcopy(self.m)
        snap = paths.delete_assumption(assumption_id)
        del self.m["assumptions"][assumption_id]
        self.m["evidence"] = {k: v for k, v in self.m["evidence"].items()
                              if k[1] != assumption_id}
        self._push("delete assumption", lambda: workspace.restore_snapshot(snap), before)

    # --- interviews, guides and answers -------------------------------------------------------
    @precondition(lambda self: self.m["contacts"])
    @rule(data=st.data())
    def create_interview(self, data):
        contact_id = self._pick(data, "contacts")
        path_id = data.draw(st.one_of(st.none(), st.sampled_from(sorted(self.m["paths"])))
                            if self.m["paths"] else st.none(), label="path")
        before = copy.deepcopy(self.m)
        interview_id = interviews.create_interview(contact_id, path_id, status="completed")
        self.m["interviews"][interview_id] = {"contact": contact_id, "path": path_id}
        self._push("add interview", lambda: interviews.delete_interview(interview_id), before)

    @precondition(lambda self: self.m["interviews"])
    @rule(data=st.data())
    def delete_interview(self, data):
        interview_id = self._pick(data, "interviews")
        before = copy.deepcopy(self.m)
        snap = interviews.delete_interview(interview_id)
        self._drop_interview(self.m, interview_id)
        self._push("delete interview", lambda: workspace.restore_snapshot(snap), before)

    @precondition(lambda self: self.m["interviews"])
    @rule(data=st.data(), question=TEXT)
    def add_question(self, data, question):
        interview_id = self._pick(data, "interviews")
        if not clean_text("question_text", question):
            with pytest.raises(ValidationError):
                interviews.add_guide_question(interview_id, question)
            return
        before = copy.deepcopy(self.m)
        answer_id = interviews.add_guide_question(interview_id, question)
        self.m["answers"][answer_id] = {"interview": interview_id, "answer": "",
                                        "question": clean_text("q", question)}
        self._push("add question", lambda: interviews.remove_guide_question(answer_id), before)

    @precondition(lambda self: self.m["answers"])
    @rule(data=st.data(), answer=TEXT)
    def set_answer(self, data, answer):
        answer_id = self._pick(data, "answers")
        before = copy.deepcopy(self.m)
        old = self.m["answers"][answer_id]["answer"]
        interviews.set_answer(answer_id, answer)
        self.m["answers"][answer_id]["answer"] = clean_text("answer", answer)
        self._push("answer", lambda: interviews.set_answer(answer_id, old), before)

    @precondition(lambda self: self.m["answers"])
    @rule(data=st.data())
    def remove_question(self, data):
        answer_id = self._pick(data, "answers")
        before = copy.deepcopy(self.m)
        snap = interviews.remove_guide_question(answer_id)
        del self.m["answers"][answer_id]
        self._push("remove question", lambda: workspace.restore_snapshot(snap), before)

    # --- evidence and skill mentions ----------------------------------------------------------
    @precondition(lambda self: self.m["interviews"] and self.m["assumptions"])
    @rule(data=st.data(), verdict=st.sampled_from(VERDICTS), quote=TEXT)
    def set_evidence(self, data, verdict, quote):
        interview_id = self._pick(data, "interviews")
        assumption_id = self._pick(data, "assumptions")
        key = (interview_id, assumption_id)
        before = copy.deepcopy(self.m)
        old = self.m["evidence"].get(key)
        interviews.set_evidence(interview_id, assumption_id, verdict, quote)
        self.m["evidence"][key] = (verdict, clean_text("quote", quote))
        if old is None:
            undo = lambda: interviews.clear_evidence(interview_id, assumption_id)  # noqa: E731
        else:
            undo = lambda: interviews.set_evidence(interview_id, assumption_id, *old)  # noqa: E731
        self._push("evidence", undo, before)

    @precondition(lambda self: self.m["evidence"])
    @rule(data=st.data())
    def clear_evidence(self, data):
        interview_id, assumption_id = data.draw(st.sampled_from(sorted(self.m["evidence"])))
        before = copy.deepcopy(self.m)
        snap = interviews.clear_evidence(interview_id, assumption_id)
        assert snap is not None
        del self.m["evidence"][(interview_id, assumption_id)]
        self._push("clear evidence", lambda: workspace.restore_snapshot(snap), before)

    @precondition(lambda self: self.m["interviews"])
    @rule(data=st.data(), skill=st.sampled_from(SKILL_NAMES),
          importance=st.integers(1, 3), note=TEXT)
    def add_mention(self, data, skill, importance, note):
        interview_id = self._pick(data, "interviews")
        key = name_key(clean_line("skill", skill))
        if any(r["interview"] == interview_id and r["skill"] == key
               for r in self.m["mentions"].values()):
            with pytest.raises(ValidationError):
                interviews.add_mention(interview_id, skill, importance, note)
            return
        before = copy.deepcopy(self.m)
        mention_id = interviews.add_mention(interview_id, skill, importance, note)
        self.skill_names.setdefault(key, clean_line("skill", skill))
        self.m["mentions"][mention_id] = {"interview": interview_id, "skill": key,
                                          "importance": importance,
                                          "note": clean_text("note", note)}
        self._push("add mention", lambda: interviews.remove_mention(mention_id), before)

    @precondition(lambda self: self.m["mentions"])
    @rule(data=st.data(), importance=st.integers(1, 3), note=TEXT)
    def edit_mention(self, data, importance, note):
        mention_id = self._pick(data, "mentions")
        row = self.m["mentions"][mention_id]
        before = copy.deepcopy(self.m)
        old = (row["importance"], row["note"])
        interviews.update_mention(mention_id, "importance", importance)
        interviews.update_mention(mention_id, "note", note)
        row["importance"], row["note"] = importance, clean_text("note", note)

        def undo() -> None:
            interviews.update_mention(mention_id, "importance", old[0])
            interviews.update_mention(mention_id, "note", old[1])

        self._push("edit mention", undo, before)

    @precondition(lambda self: self.m["mentions"])
    @rule(data=st.data())
    def remove_mention(self, data):
        mention_id = self._pick(data, "mentions")
        before = copy.deepcopy(self.m)
        snap = interviews.remove_mention(mention_id)
        del self.m["mentions"][mention_id]
        self._push("remove mention", lambda: workspace.restore_snapshot(snap), before)

    # --- undo ---------------------------------------------------------------------------------
    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self):
        _label, undo, before = self.undo_stack.pop()
        undo()
        self.m = before
        self.gone -= set(before["contacts"])

    # --- the database equals the model ----------------------------------------------------------
    @invariant()
    def database_equals_model(self):
        m = self.m
        contacts = {
            r.id: (r.name, r.notes, r.tags, tuple(sorted(r.path_ids)), r.introduced_by_id,
                   r.interview_count)
            for r in network.list_contacts(include_archived=True)
        }
        assert contacts == {
            cid: (r["name"], r["notes"],
                  tuple(sorted((self.tag_names[k] for k in r["tags"]), key=name_key)),
                  tuple(sorted(r["paths"])), r["introducer"],
                  sum(1 for i in m["interviews"].values() if i["contact"] == cid))
            for cid, r in m["contacts"].items()
        }
        assert {p.id: (p.title, p.notes, p.assumption_count, p.interview_count)
                for p in paths.list_paths()} == {
            pid: (r["title"], r["notes"],
                  sum(1 for a in m["assumptions"].values() if a["path"] == pid),
                  sum(1 for i in m["interviews"].values() if i["path"] == pid))
            for pid, r in m["paths"].items()
        }
        assert {a.id: (a.path_id, a.statement) for a in paths.list_assumptions()} == {
            aid: (r["path"], r["statement"]) for aid, r in m["assumptions"].items()}
        rows = interviews.list_interviews()
        assert {i.id: (i.contact_id, i.path_id) for i in rows} == {
            iid: (r["contact"], r["path"]) for iid, r in m["interviews"].items()}
        answers, evidence, mentions = {}, {}, {}
        for row in rows:
            detail = interviews.get_interview(row.id)
            answers.update({a.id: (row.id, a.question_text, a.answer) for a in detail.answers})
            evidence.update({(row.id, e.assumption_id): (e.verdict, e.quote)
                             for e in detail.evidence})
            mentions.update({x.id: (row.id, x.skill_name, x.importance, x.note)
                             for x in detail.mentions})
        assert answers == {k: (r["interview"], r["question"], r["answer"])
                           for k, r in m["answers"].items()}
        assert evidence == m["evidence"]
        assert mentions == {k: (r["interview"], self.skill_names[r["skill"]], r["importance"],
                                r["note"]) for k, r in m["mentions"].items()}
        assert {s.name: s.mention_count for s in development.list_skills()} == {
            name: sum(1 for r in m["mentions"].values() if r["skill"] == key)
            for key, name in self.skill_names.items()}


ServicesMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
test_services_against_the_model = ServicesMachine.TestCase


class LongerServicesMachine(ServicesMachine):
    """The same machine for many more and longer runs (``--run-slow``)."""


LongerServicesMachine.TestCase.settings = settings(
    max_examples=600, stateful_step_count=60, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
LongerServicesMachine.TestCase.pytestmark = [pytest.mark.slow]
test_services_against_the_model_at_length = LongerServicesMachine.TestCase


@pytest.mark.usefixtures("workspace")
def test_undoing_a_delete_after_undoing_a_tag_edit_restores_the_contact():
    """Edit > Undo, twice, after deleting a contact and then clearing another's tags.

    Found by the state machine: SQLite gives the highest free id again, so undoing the tag
    edit gave Ana's captured tag link id to a new link, and undoing the delete failed (the
    contact could not come back). ``snapshot.restore`` now moves such a row to a new id."""
    ana = network.create_contact(name="Ana Lima", tags="fintech")
    bo = network.create_contact(name="Bo Chen", tags="mentor")
    snap = network.delete_contacts([ana])  # delete Ana (her tag link is in the snapshot)
    network.set_tags(bo, [])  # clear Bo's tags: the link table is now empty
    network.set_tags(bo, ["mentor"])  # undo 1 (FormBinder's undo): a new link, id 1 again
    workspace.restore_snapshot(snap)  # undo 2: Ana's link comes back, though id 1 is taken
    assert network.get_contact(ana).tags == ("fintech",)
    assert network.get_contact(bo).tags == ("mentor",)


@pytest.mark.usefixtures("workspace")
def test_undoing_a_skill_delete_after_undoing_a_new_mention_restores_the_skill():
    """Edit > Undo, twice, after deleting a skill and then logging a new one in a
    conversation: the skill created with the mention took the deleted skill's id and stays
    when the mention is undone (the same cause as above)."""
    interview_id = interviews.create_interview(network.create_contact(name="Ana Lima"),
                                                status="completed")
    sql = development.add_skill("SQL")
    snap = development.delete_skill(sql)  # delete the skill SQL
    mention = interviews.add_mention(interview_id, "Python")  # creates the skill Python
    interviews.remove_mention(mention)  # undo 1: the mention goes, the skill Python stays
    workspace.restore_snapshot(snap)  # undo 2: SQL comes back, though its id is taken
    assert sorted(s.name for s in development.list_skills()) == ["Python", "SQL"]


# --- text round trips ------------------------------------------------------------------------


@pytest.fixture
def contact(workspace) -> int:
    return network.create_contact(name="Round Trip")


ROUND_TRIP = settings(max_examples=50, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


@ROUND_TRIP
@given(text=st.one_of(st.text(), TEXT))
@example(text="Broken paste \ud83d from the clipboard")  # a lone surrogate
@example(text="\x00\r\n  mixed\r\nline ends\rand NUL\x00 \t")
def test_any_text_round_trips_through_a_service(contact, text):
    network.update_contact(contact, "notes", text)
    assert network.get_contact(contact).notes == documented(text)
    assert "\ud83d" not in network.get_contact(contact).notes


@pytest.mark.usefixtures("workspace")
@ROUND_TRIP
@given(text=st.one_of(st.text(), TEXT))
def test_any_answer_round_trips(text):
    contact_id = network.create_contact(name="Ana")
    interview_id = interviews.create_interview(contact_id)
    answer_id = interviews.add_guide_question(interview_id, "What surprised you?")
    interviews.set_answer(answer_id, text)
    (answer,) = interviews.get_interview(interview_id).answers
    assert answer.answer == documented(text)


@ROUND_TRIP
@given(name=st.one_of(st.text(max_size=600), TEXT))
def test_any_name_is_stored_on_one_line_or_refused(contact, name):
    """A single-line field folds inner whitespace (line breaks too) into one space."""
    before = network.get_contact(contact).name
    expected = " ".join(documented(name).split())
    if not expected or len(expected) > 500:
        with pytest.raises(ValidationError) as err:
            network.update_contact(contact, "name", name)
        assert err.value.field == "name" and err.value.message
        assert network.get_contact(contact).name == before
        return
    network.update_contact(contact, "name", name)
    assert network.get_contact(contact).name == expected


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(unit=st.text(alphabet=st.characters(exclude_categories=["Cs", "Zs", "Zl", "Zp", "Cc"]),
                    min_size=1, max_size=40))
def test_a_one_mebibyte_note_round_trips_and_one_more_character_is_refused(contact, unit):
    body = (unit * (MAX_TEXT // len(unit) + 1))[:MAX_TEXT - 2]
    text = f"«{body}»"  # no outer whitespace: the stored text is exactly what was given
    assert len(text) == MAX_TEXT
    network.update_contact(contact, "notes", text)
    assert network.get_contact(contact).notes == text

    with pytest.raises(ValidationError) as err:
        network.update_contact(contact, "notes", text + "!")
    assert "too long" in err.value.message
    assert network.get_contact(contact).notes == text, "the stored note is untouched"

