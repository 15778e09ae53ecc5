"""The full export's document: its envelope, its layout and its error messages."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.core.errors import ImportFileError
from careerpivot.formats import jsonbackup

TABLES = {
    "profile": [{"id": 1, "full_name": "Zoë \"Z\" Müller", "note": "line\nbreak 🎉"}],
    "setting": [],
    "contact": [{"id": 1, "name": "Ada", "score": 2.5, "gone": None},
                {"id": 7, "name": "Grace", "score": 3.0, "gone": 1}],
}


def document() -> bytes:
    return jsonbackup.write_document(TABLES, schema=2, exported_at="2026-03-14T09:30:00Z",
                                     application="CareerPivot test")


def test_round_trip_and_layout():
    data = document()
    parsed = json.loads(data)
    assert parsed["format"] == "careerpivot" and parsed["version"] == 1
    assert parsed["schema"] == 2
    doc = jsonbackup.read_document(data)
    assert doc.tables == TABLES
    assert doc.exported_at == "2026-03-14T09:30:00Z"
    assert isinstance(doc.tables["contact"][1]["score"], float)
    # one row per line: a row's line can be named
    lines = data.decode().split("\n")
    assert json.loads(lines[jsonbackup.locate(data, "contact", 1) - 1]) == TABLES["contact"][1]
    assert jsonbackup.locate(data, "missing", 0) is None
    assert jsonbackup.looks_like_export(data)


@pytest.mark.parametrize(("mutate", "text", "line"), [
    (lambda d: d[: len(d) // 2], "not valid JSON", None),
    (lambda d: d.replace(b'"careerpivot"', b'"other"'), "not a CareerPivot full export", 1),
    (lambda d: d.replace(b'"version": 1', b'"version": 9'), "newer version", 1),
    (lambda d: d.replace(b'"schema": 2', b'"schema": "2"'), "schema", 1),
    (lambda d: d.replace(b'"setting": []', b'"setting": {}'), "not a list of rows", None),
    (lambda d: b"[1, 2]", "not a CareerPivot full export", 1),
    (lambda d: b"[" * 100000, "nested too deeply", None),
])
def test_refused_documents(mutate, text, line):
    with pytest.raises(ImportFileError, match=text) as info:
        jsonbackup.read_document(mutate(document()))
    if line is not None:
        assert info.value.line == line
    else:
        assert info.value.line is None or info.value.line >= 1


# --- reading a batch of rows at a time -------------------------------------------------------

cells = st.none() | st.booleans() | st.integers(-(2 ** 70), 2 ** 70) \
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40)
tables_strategy = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.lists(st.dictionaries(st.text(max_size=6), cells, max_size=5), max_size=6),
    max_size=4)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(tables=tables_strategy, chunk=st.integers(1, 64), layout=st.sampled_from(
    ["ours", "one line", "indented", "header last"]))
def test_what_is_read_a_chunk_at_a_time_is_what_json_reads(tables, chunk, layout):
    """Whatever the chunk a value or a line break falls across, and whatever the layout,
    the rows read are the ones ``json.loads`` reads."""
    head = {"format": "careerpivot", "version": 1, "schema": 2, "exported_at": "t",
            "application": "a"}
    if layout == "ours":
        data = jsonbackup.write_document(tables, schema=2, exported_at="t", application="a")
    elif layout == "header last":
        data = json.dumps({"tables": tables, **head}).encode()
    else:
        data = json.dumps({**head, "tables": tables}, ensure_ascii=False,
                          indent=2 if layout == "indented" else None).encode()
    reader = jsonbackup.ExportReader(lambda: io.BytesIO(data), batch=2, chunk=chunk)
    assert reader.header().schema == 2
    read: dict[str, list[dict]] = {}
    for batch in reader.tables():
        assert len(batch.rows) <= 2 and len(batch.lines) == len(batch.rows)
        read.setdefault(batch.table, []).extend(batch.rows)
    reader.finish()
    assert read == json.loads(data)["tables"]


def test_each_row_comes_with_its_line_and_the_document_must_end_well():
    data = document()
    reader = jsonbackup.ExportReader(lambda: io.BytesIO(data))
    reader.header()
    batches = [b for b in reader.tables() if b.rows]
    reader.finish()
    contact = next(b for b in batches if b.table == "contact")
    assert contact.lines == [jsonbackup.locate(data, "contact", i) for i in range(2)]
    for damaged, text in [
        (data + b"{}", "Extra data"),
        (data.replace(b'"setting": []', b'"contact": []'), "appears twice"),
        (data[:-3] + b', "schema": 3}\n', "names its schema twice"),
        (data[:-3] + b', "tables": {}}\n', "holds its tables twice"),
        (data.replace(b'"Grace"', b'"Gr\xffce"'), "not UTF-8"),
        (data.replace(b'"score": 3.0', b'"score": 3.0]'), "not valid JSON"),
    ]:
        with pytest.raises(ImportFileError, match=text) as info:
            jsonbackup.read_document(damaged)
        assert info.value.line is not None and info.value.line >= 1
    with pytest.raises(ImportFileError, match="not valid JSON") as info:
        jsonbackup.read_document(data.replace(b'"score": 3.0', b'"score": 3.0]'))
    assert info.value.line == jsonbackup.locate(data, "contact", 1)
