"""The benchmark's report stays readable as the app changes (no time is measured here): every
floor the floors child measures on a workspace of today's schema stands under a figure of the
runner; each figure shows its floor; two runs give each figure's growth beside its floor's; the
Markdown file holds both tables."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def run():
    return _load("run")


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "small.careerpivot"
    _load("generate").generate(path, scale=0.05, seed=5)
    return path


def _figures(run, scale: float, slow: float) -> list[dict]:
    rows = [run.figure("keystroke_network", "one keystroke", [0.004 * slow, 0.006 * slow],
                       limit=0.03),
            run.figure("memory", "peak memory", [90_000.0], unit="KiB",
                       reference=[50_000.0], max_ratio=1.5),
            run.figure("pdf", "one-page PDF", [0.02], limit=0.25)]
    run.attach_floors(rows, {"keystroke_network": [0.001 * scale, 0.003 * scale]})
    return rows


def test_each_floor_of_the_floors_child_stands_under_a_figure(small_file, tmp_path, run):
    sys.path.insert(0, str(BENCH))
    try:
        floors_child = _load("children_floors")
        emitted: list[dict] = []
        assert floors_child.floors(str(small_file), str(tmp_path), 1, emitted.append) == 0
    finally:
        sys.path.remove(str(BENCH))
    result = emitted[0]
    assert result["notes"] == {}, "every floor's query runs on today's schema"
    keys = set(result["floors"])
    assert {"keystroke_network", "keystroke_interviews", "tab_network",
            "text_search_interviews", "ranking", "json_export", "json_import"} <= keys
    figure_keys = {"keystroke_network", "keystroke_interviews", "text_search_interviews",
                   "ranking", "ranking_first", "json_export", "json_import"}
    figure_keys |= {f"tab_{title.lower()}" for title in run.TAB_TITLES.values()}
    assert keys <= figure_keys, "a floor no figure shows"
    assert not list(tmp_path.iterdir()), "the dump and the loaded copies are removed"


def test_a_figure_shows_its_floor_and_two_runs_their_growth(run, tmp_path, capsys):
    first = {"meta": {"scale": 1.0, "when": "a"}, "figures": _figures(run, 1, 1), "raw": {}}
    second = {"meta": {"scale": 4.0, "when": "b"}, "figures": _figures(run, 4, 2), "raw": {}}
    row = first["figures"][0]
    assert row["floor"] == pytest.approx(0.002) and row["floor_ratio"] == pytest.approx(2.5)
    assert "2.50×" in run.table(first["figures"]).splitlines()[2]

    growth = {r["key"]: r for r in run.growth_rows(first["figures"], second["figures"])}
    assert growth["keystroke_network"]["growth"] == pytest.approx(2.0)
    assert growth["keystroke_network"]["base_growth"] == pytest.approx(4.0)
    assert growth["memory"]["base"] == "reference"
    assert "base" not in growth["pdf"]

    markdown = tmp_path / "out.md"
    files = []
    for i, data in enumerate((first, second)):
        files.append(tmp_path / f"{i}.json")
        files[-1].write_text(json.dumps(data), encoding="utf-8")
    assert run.main(["--compare", *map(str, files), "--markdown", str(markdown)]) == 0
    text = markdown.read_text(encoding="utf-8")
    assert "## Scale 1×" in text and "## Scale 4×" in text
    assert "## Growth from 1× to 4×" in text
    assert "| one keystroke | 5.0 ms | 10.0 ms | 2.00× | 4.00× |" in text
    assert "Growth from 1× to 4×" in capsys.readouterr().out
