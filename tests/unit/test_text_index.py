"""The folded-text index (store/text_index.py) behind the interview search
(services/text_search.py): it finds exactly what a scan of the folded text finds, stays in
step with every write, survives a migration and a JSON import, stores no copy of the text, and
a search is one statement whatever the size."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpivot.core.text import fold
from careerpivot.core.validation import name_key
from careerpivot.services import development, exports, interviews, network, paths
from careerpivot.services import workspace as ws
from careerpivot.services.interviews import reads
from careerpivot.store import db, list_keys, migrations, models, text_index
from careerpivot.store.models import (
    Answer,
    Contact,
    Interview,
    Path,
    database,
)

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def work(clock, tmp_path):
    clock.set_today(TODAY)
    info = ws.open_workspace(tmp_path / "w.careerpivot", backups_root=tmp_path / "backups")
    yield info
    ws.close()


# --- the oracles: the searches as they read the text before the index ------------------------


def scanned_interviews(search: str) -> set[int]:
    """The interview search as a scan: every word in the folded text (``cp_fold`` and
    ``instr``) of the path, the interview's fields or one of its answers, or in the contact's
    name or organization folded by the list's rule (``core.text.fold``: accents forgotten;
    ``cp_fold`` for a word that rule folds to nothing)."""
    query = (Interview.select(Interview.id)
             .join(Contact, on=(Interview.contact == Contact.id)).switch(Interview)
             .join(Path, pw.JOIN.LEFT_OUTER, on=(Interview.path == Path.id)))
    for term in name_key(search).split():
        own = development.fold(Path.title, *(getattr(Interview, f) for f in reads._TEXT_FIELDS))
        in_answers = pw.fn.EXISTS(Answer.select(pw.SQL("1")).where(
            (Answer.interview == Interview.id)
            & (pw.fn.instr(development.fold(Answer.answer), term) > 0)))
        if fold(term):
            person = ((pw.fn.instr(pw.fn.cp_text_fold(Contact.name), fold(term)) > 0)
                      | (pw.fn.instr(pw.fn.cp_text_fold(Contact.organization), fold(term)) > 0))
        else:
            person = pw.fn.instr(development.fold(Contact.name, Contact.organization), term) > 0
        query = query.where((pw.fn.instr(own, term) > 0) | in_answers | person)
    return {r[0] for r in query.tuples()}


def indexed_interviews(search: str) -> set[int]:
    return {r.id for r in interviews.list_interviews(search=search)}


# --- any text, any words -----------------------------------------------------------------------

#: Pieces that fold in interesting ways, and the syntax of FTS5 queries.
PIECES = ["Zoë", "ZOË", "zoe\u0308", "Ölfabrik", "straße", "STRASSE", "ﬁle", "İstanbul", "ı",
          "¨", "\u0301", "数据分析", "東京", "مرحبا", "דוד", "🚀", "👩‍💻", '"', '""', "*", "(", ")",
          "NEAR", "AND", "OR", "NOT", "^", ":", "-", "leadership", "ship", "data science",
          " ", "  ", "\n", "\t", "ab", "a", "Ⅻ", "㎴", "Ａ", "[", "]", "?", "[!a]", "[a-z]", "%",
          "_", "\x1c", "\x0b", "\r\n", "e\u0301", "Kelvin \u212a"]
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(_chars, max_size=4)),
                max_size=6).map("".join)


@st.composite
def searches(draw, texts: list[str]) -> str:
    """A search: words cut from the texts (so they are found), pieces, or anything."""
    words = []
    for _ in range(draw(st.integers(1, 3))):
        source = draw(st.sampled_from([t for t in texts if t] or ["x"]))
        start = draw(st.integers(0, len(source) - 1))
        end = draw(st.integers(start + 1, len(source)))
        words.append(draw(st.one_of(st.just(source[start:end]), st.sampled_from(PIECES),
                                    st.text(_chars, min_size=1, max_size=4))))
    return " ".join(words)


SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(data=st.data(), texts=st.lists(TEXT, min_size=12, max_size=12))
def test_the_index_finds_exactly_what_the_scan_finds(work, data, texts):
    with database.atomic() as txn:
        path = Path.insert(title=texts[0]).execute()
        people = [Contact.insert(name=texts[1], organization=texts[2]).execute(),
                  Contact.insert(name=texts[3], organization="").execute()]
        talks = [
            Interview.insert(contact=people[0], path=path, notes=texts[4],
                             challenges=texts[5]).execute(),
            Interview.insert(contact=people[1], path=None, context=texts[6],
                             resonated=texts[7]).execute(),
            Interview.insert(contact=people[1], path=path, surprises=texts[8]).execute(),
        ]
        for n, text in enumerate(texts[9:]):
            Answer.insert(interview=talks[n % 2], question_text="Q?", answer=text).execute()
        for _ in range(4):
            search = data.draw(searches(texts))
            assert indexed_interviews(search) == scanned_interviews(search), search
        txn.rollback()


# --- what a person types ---------------------------------------------------------------------


@pytest.fixture
def talks(work):
    pm = paths.add_path("Product leadership")
    zoe = network.create_contact(name="Zoë Ångström", organization="Ölfabrik")
    wang = network.create_contact(name="王伟", organization="数据有限公司", role="Analyst",
                                  notes="Met at the data science meetup")
    network.set_tags(wang, ["Mentor", "Café crowd"])
    a = interviews.create_interview(zoe, pm, "2026-02-01")
    b = interviews.create_interview(wang, None, "2026-02-02")
    interviews.update_interview(a, "notes", "She leads the ROADMAP review; ship weekly.")
    interviews.update_interview(b, "challenges", "数据分析 takes most of the week")
    answer = Answer.insert(interview=b, question_text="Tools?",
                           answer='Uses "Looker" (mostly) AND SQL*').execute()
    return {"a": a, "b": b, "zoe": zoe, "wang": wang, "path": pm, "answer": answer}


def test_words_are_found_in_any_case_inside_words_and_across_fields(talks):
    a, b = talks["a"], talks["b"]
    assert indexed_interviews("ZOË") == {a}  # any case
    assert indexed_interviews("zoe") == {a}  # a person's name is found without its accents
    assert indexed_interviews("ångström") == {a} and indexed_interviews("angstrom") == {a}
    assert indexed_interviews("olfabrik") == {a}  # (the organization too)
    assert indexed_interviews("ship") == {a}  # "leadership", "ship": inside words
    assert indexed_interviews("lead") == {a}  # a prefix
    assert indexed_interviews("dmap") == {a}  # the middle of a word
    assert indexed_interviews("数据") == {b}  # a word inside a sentence, and an organization
    assert indexed_interviews("分析 week") == {b}  # several words, each anywhere
    assert indexed_interviews("roadmap 数据") == set()  # every word must be found
    assert indexed_interviews("ölfabrik leadership") == {a}  # organization and path title


def test_one_and_two_character_words(talks):
    a, b = talks["a"], talks["b"]
    assert indexed_interviews("王") == {b}
    assert indexed_interviews("伟") == {b}
    assert indexed_interviews("sq") == {b}  # in an answer
    assert indexed_interviews("z roadmap") == {a}  # with a longer word
    assert indexed_interviews("q ship") == set()
    for search in ("ab", "zz", "王 数据", "a b", "we ro"):
        assert indexed_interviews(search) == scanned_interviews(search), search


def test_the_syntax_of_full_text_queries_is_taken_literally(talks):
    b = talks["b"]
    assert indexed_interviews('"looker"') == {b}
    assert indexed_interviews("(mostly)") == {b}
    assert indexed_interviews("sql*") == {b}
    assert indexed_interviews("AND") == {b}  # a word like any other ("and" is in the answer)
    assert indexed_interviews("(mo?tly)") == set()  # "?" is a character like any other
    for search in ('"', '""', "*", "NEAR(a b)", "a OR b", "-sql", "^uses", "text:x", "%", "_",
                   "[mostly]", "sql[*]", "[a-z]ooker", "l??ker", "sq?", "s*", "]", "(mostly"):
        assert indexed_interviews(search) == scanned_interviews(search), search


# --- kept in step --------------------------------------------------------------------------


def test_every_write_keeps_the_index_in_step(talks):
    a, b, wang = talks["a"], talks["b"], talks["wang"]
    assert text_index.integrity_problems(against_rows=True) == []
    interviews.update_interview(a, "notes", "Nothing about maps now")
    assert indexed_interviews("roadmap") == set()
    interviews.set_answer(talks["answer"], "Tableau")
    assert indexed_interviews("looker") == set() and indexed_interviews("tableau") == {b}
    network.update_contact(talks["zoe"], "organization", "Brauhaus")
    assert indexed_interviews("brauhaus") == {a} and indexed_interviews("ölfabrik") == set()
    paths.update_path(talks["path"], "title", "Operations")
    assert indexed_interviews("operations") == {a} and indexed_interviews("leadership") == set()
    network.update_contact(wang, "name", "Wei Wang")
    assert indexed_interviews("wei wang") == {b} and indexed_interviews("王") == set()
    c = interviews.create_interview(wang, talks["path"], "2026-02-03")
    interviews.update_interview(c, "surprises", "A brand new roadmap")
    assert indexed_interviews("roadmap") == {c}
    interviews.delete_interview(c)
    assert indexed_interviews("roadmap") == set()
    network.delete_contacts([wang])
    assert indexed_interviews("数据") == set()
    paths.delete_path(talks["path"])
    assert indexed_interviews("operations") == set()
    assert text_index.integrity_problems(against_rows=True) == []
    assert db.integrity_report() == []


def test_the_check_reports_an_index_out_of_step_or_damaged(talks):
    database.execute_sql("UPDATE fold_interview SET text = 'other' WHERE rowid = ?",
                         (talks["a"],))
    assert text_index.integrity_problems() == []  # (the quick check reads the index alone)
    assert any("interview" in p for p in text_index.integrity_problems(against_rows=True))
    database.execute_sql("DELETE FROM fold_answer_data WHERE id > 10")
    assert any("answer" in p for p in text_index.integrity_problems())


def test_the_file_keeps_a_copy_only_of_the_text_lower_does_not_fold(talks):
    a, b = talks["a"], talks["b"]
    stored = {r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'fold%'")}
    assert stored == {f"{k.index}{part}" for k in text_index.KINDS.values()
                      for part in ("", "_data", "_idx", "_config", "_text")}  # no "_content"
    kept = dict(database.execute_sql("SELECT id, text FROM fold_interview_text").fetchall())
    assert set(kept) == {b}  # a's notes are all ASCII: SQLite's lower() is their fold
    assert "数据分析 takes most of the week" in kept[b]
    assert database.execute_sql("SELECT id FROM fold_answer_text").fetchall() == []
    (text,) = database.execute_sql("SELECT text FROM fold_interview_v WHERE id = ?",
                                   (a,)).fetchone()
    assert "she leads the roadmap review; ship weekly." in text  # in lower case as it is read
    interviews.update_interview(a, "notes", "Café  ROADMAP")
    (text,) = database.execute_sql("SELECT text FROM fold_interview_text WHERE id = ?",
                                   (a,)).fetchone()
    assert "café roadmap" in text  # folded by name_key: spacing folded, accents kept
    assert indexed_interviews("café") == {a} and indexed_interviews("cafe") == set()
    interviews.update_interview(a, "notes", "plain again")
    assert set(dict(database.execute_sql("SELECT id, text FROM fold_interview_text"))) == {b}
    assert text_index.integrity_problems(against_rows=True) == []


def test_texts_with_odd_spacing_are_found_as_name_key_finds_them(talks):
    a = talks["a"]
    for notes in ("two  spaces\tand\ttabs\r\nlines\n\nend", "Zoë\u00a0non\u2003breaking  x",
                  "x\x1cy\x0bz\x0cw", "ＡＢＣ ﬁle"):
        interviews.update_interview(a, "notes", notes)
        for search in ("spaces", "tabs", "lines end", "and", "breaking", "non", "x", "y", "w",
                       "abc", "file", "es\tand"):
            assert indexed_interviews(search) == scanned_interviews(search), (notes, search)
    assert text_index.integrity_problems(against_rows=True) == []


def test_a_search_is_one_statement_whatever_the_size(talks):
    def ours(search: str) -> list[str]:
        seen: list[str] = []
        database.connection().set_trace_callback(seen.append)
        try:
            interviews.list_interviews(search=search)
        finally:
            database.connection().set_trace_callback(None)
        return [s for s in seen if not s.startswith("--")]  # (SQLite's own, inside it)

    small = [ours(s) for s in ("roadmap", "ro", "roadmap ro w")]
    for k in range(30):
        person = network.create_contact(name=f"Person {k}", organization="Roadmap Inc")
        talk = interviews.create_interview(person, None, "2026-02-04")
        interviews.update_interview(talk, "notes", f"roadmap {k}")
    large = [ours(s) for s in ("roadmap", "ro", "roadmap ro w")]
    assert [len(s) for s in small] == [len(s) for s in large] == [1, 1, 1]


# --- a migrated file, a JSON import ------------------------------------------------------------


def test_a_schema_7_file_gets_the_index_of_its_rows(schema1_copy, dbtools, tmp_path):
    models.database.init(str(schema1_copy), pragmas=(("foreign_keys", 1),))
    try:
        migrations.migrate(until=7)
    finally:
        models.database.close()
    with dbtools.raw(schema1_copy, readonly=True) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 7
        assert not con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'fold%'"
                               ).fetchall()
    before = dbtools.digests(schema1_copy, without_write_mark=True)

    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    assert (info.schema_before, info.schema_now) == (7, migrations.CURRENT_VERSION)
    assert text_index.integrity_problems(against_rows=True) == []
    for search in ("דוד", "acme", "数据", "ab", "🚀", "the", "interview"):
        assert indexed_interviews(search) == scanned_interviews(search), search
    assert indexed_interviews("acme")
    db.close()
    after = dbtools.digests(schema1_copy, without_write_mark=True)
    added = {t for t in after if t.startswith("fold_")} | {list_keys.TABLE}  # (step 8's)
    assert {t: d for t, d in after.items() if t not in added} == before


def test_a_json_import_leaves_the_search_working(talks, tmp_path):
    path = exports.export_json(tmp_path / "export.json").path
    searches_ = ("zoë", "ship", "数据", "sq", "王 week")
    found = {s: indexed_interviews(s) for s in searches_}
    ws.close()
    ws.open_workspace(tmp_path / "new.careerpivot", backups_root=tmp_path / "b")
    exports.import_json(path)
    assert text_index.integrity_problems(against_rows=True) == []
    assert {s: indexed_interviews(s) for s in searches_} == found


def test_the_fold_function_and_the_queries_follow_the_rules():
    assert text_index.fold_sql("Zoë  ÅNG", None, "x\ny") == name_key("Zoë  ÅNG x\ny")
    assert text_index.trigram_query('ab"cab"c') == '"ab""" AND "b""c" AND """ca" AND "cab"'
    assert text_index.trigram_query("ababab") == '"aba" AND "bab"'
    assert [text_index.indexed(w) for w in ("abc", "ab", "a*b", "数据分", "ab\x00cd")] == [
        True, False, True, True, False]
