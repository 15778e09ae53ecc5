"""The full export's document: its envelope, its layout and its error messages."""

from __future__ import annotations

import json

import pytest

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
