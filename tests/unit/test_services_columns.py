"""Rows are built by name from one column list per query: a column added, dropped or moved in
a query cannot put a value into another field."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from careerpivot.services import paths
from careerpivot.services._base import Columns
from careerpivot.store.models import Path


class Pair(NamedTuple):
    id: int
    title: str


def test_a_row_is_filled_by_name_whatever_the_order():
    columns = Columns(title=Path.title, id=Path.id)
    assert columns.make(Pair, ("Product", 7)) == Pair(id=7, title="Product")


def test_a_field_without_a_column_is_refused():
    with pytest.raises(TypeError, match="Pair"):
        Columns(id=Path.id).make(Pair, (1,))


def test_paths_come_back_with_their_counts_in_the_right_fields(workspace):
    path_id = paths.add_path("Product management")
    paths.add_assumption(path_id, "Daily work is mostly meetings")
    row = paths.get_path(path_id)
    assert (row.title, row.assumption_count, row.interview_count) == (
        "Product management", 1, 0)
