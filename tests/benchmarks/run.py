"""The benchmarks: CareerPivot on a large workspace, each figure beside its target.

    .venv/bin/python tests/benchmarks/run.py [--repeat N] [--json out.json] [--scale 1 4]
    .venv/bin/python tests/benchmarks/run.py --compare 1x.json 4x.json [--markdown out.md]

Generates the large workspace once (``generate.py``, seeded; cached, see ``--workspace``),
works on a fresh copy of it, and measures every figure as the median of repeated runs, each in
fresh child processes (``children.py``) on the offscreen platform, with settings, logs and
backups in a temporary home. Start-up and memory are measured side by side with a bare PySide6
QMainWindow started the same way in the same run, alternating the two, because absolute times
on a shared machine are noise; every other figure is printed beside its floor, the same data
read with the standard library's ``sqlite3`` in the same run (``children_floors.py``). Prints a
table (what, median, floor, ratio, reference, ratio, target, holds) and writes JSON with every
sample. Given two scales (or two JSON files), also the growth of each figure from the first to
the second beside its floor's. Exit status 0 when every target holds, 1 otherwise.

See tests/benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GENERATOR = HERE / "generate.py"
CHILDREN = HERE / "children.py"
#: The groups of figures; "floors" goes with any group that has floors.
GROUPS = ("startup", "gui", "services", "loop", "io")

STARTUP_RATIO = 1.5
MEMORY_RATIO = 1.5
KEYSTROKE_S = 0.030
TAB_SWITCH_S = 0.150
RANKING_S = 0.100
PDF_S = 0.250
#: readiness, who to ask next, the weekly review's data: each a few grouped queries
LOOP_S = 0.100
JSON_S = 10.0

TAB_TITLES = {
    "pathsTab": "Paths", "networkTab": "Network", "interviewsTab": "Interviews",
    "developmentTab": "Development", "planTab": "Plan", "summaryTab": "Summary",
}


# --- the workspace ---------------------------------------------------------------------------


def default_workspace(scale: float, seed: int) -> Path:
    """The cache file: a change of the generator or of the store (the schema) means a new
    file, so a run never measures a migration."""
    hasher = hashlib.sha256()
    for source in [GENERATOR, *sorted((ROOT / "careerpivot" / "store").glob("*.py"))]:
        hasher.update(source.read_bytes())
    digest = hasher.hexdigest()[:10]
    return (Path(tempfile.gettempdir()) / "careerpivot-bench"
            / f"large-s{scale:g}-seed{seed}-{digest}.careerpivot")


def ensure_workspace(path: Path, scale: float, seed: int, env: dict[str, str]) -> None:
    if path.exists():
        print(f"Large workspace: {path} (cached)", flush=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.parent == default_workspace(scale, seed).parent:
        # an older generator's or schema's file of the same size and seed: 160 MB each
        for old in path.parent.glob(f"large-s{scale:g}-seed{seed}-*.careerpivot"):
            old.unlink()
    partial = path.with_name(path.name + ".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    print(f"Generating the large workspace into {path} (about 25 s)…", flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(GENERATOR), str(partial), "--scale", str(scale),
                    "--seed", str(seed)], check=True, env=env, cwd=ROOT)
    for suffix in ("-wal", "-shm"):
        if Path(str(partial) + suffix).exists():
            raise RuntimeError(f"the generator left {partial}{suffix} behind")
    partial.rename(path)
    print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)


# --- children --------------------------------------------------------------------------------


def child_env(home: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / ".runtime"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])]),
        # An installed app has its bytecode compiled; measure that, not the compiler. The
        # bytecode goes to a cache outside the checkout.
        "PYTHONPYCACHEPREFIX": str(cache / "pycache"),
    })
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    (home / ".runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def run_child(args: list[str], env: dict[str, str], timeout: float = 600) -> dict:
    env = dict(env, CP_BENCH_T0=repr(time.monotonic()))
    done = subprocess.run([sys.executable, str(CHILDREN), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child {args} failed ({done.returncode}):\n{done.stdout}\n"
                           f"{done.stderr}")
    if done.stderr.strip():
        print(f"  note: child {args[0]} wrote to stderr:\n    "
              + done.stderr.strip().replace("\n", "\n    "), flush=True)
    return json.loads(lines[-1][len("BENCH "):])


# --- figures ---------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def figure(key: str, what: str, samples: list[float], *, unit: str = "s",
           reference: list[float] | None = None, max_ratio: float | None = None,
           limit: float | None = None, strict: bool = True,
           floor: list[float] | None = None) -> dict:
    value = median(samples)
    row: dict = {"key": key, "what": what, "unit": unit, "median": value,
                 "samples": samples, "min": min(samples), "max": max(samples)}
    if reference is not None:
        ref = median(reference)
        row.update(reference=ref, reference_samples=reference, ratio=value / ref)
    if floor:
        set_floor(row, floor)
    if max_ratio is not None:
        row["target"] = f"≤ {max_ratio:g}×"
        row["holds"] = row["ratio"] <= max_ratio
    elif limit is not None:
        row["target"] = f"{'<' if strict else '≤'} {_fmt(limit, unit)}"
        row["holds"] = value < limit if strict else value <= limit
    else:
        row["target"] = "—"
        row["holds"] = None
    return row


def set_floor(row: dict, samples: list[float]) -> None:
    """The figure's floor: the least work any implementation does for it (a query)."""
    value = median(samples)
    row.update(floor=value, floor_samples=samples,
               floor_ratio=row["median"] / value if value > 0 else None)


def attach_floors(rows: list[dict], floors: dict[str, list[float]]) -> None:
    """Floors measured by their own child, to the figures of the same key."""
    for row in rows:
        if row["key"] in floors and "floor" not in row:
            set_floor(row, floors[row["key"]])


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "KiB":
        return f"{value / 1024:.1f} MiB"
    if value < 0.001:
        return f"{value * 1000:.3f} ms"
    if value < 1:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def growth_rows(first: list[dict], second: list[dict]) -> list[dict]:
    """Each figure of both runs: its median in each, the second over the first, and the same
    for its floor (or its reference)."""
    before = {r["key"]: r for r in first}
    rows = []
    for r in second:
        a = before.get(r["key"])
        if a is None or not a["median"]:
            continue
        row = {"key": r["key"], "what": r["what"], "unit": r["unit"],
               "first": a["median"], "second": r["median"], "growth": r["median"] / a["median"]}
        for base in ("floor", "reference"):
            if a.get(base) and r.get(base):
                row.update(base=base, base_growth=r[base] / a[base])
                break
        rows.append(row)
    return rows


def growth_table(rows: list[dict], first: str, second: str, *, markdown: bool = False) -> str:
    head = ["what", first, second, "growth", "floor's growth"]
    body = [[r["what"], _fmt(r["first"], r["unit"]), _fmt(r["second"], r["unit"]),
             _times(r["growth"]),
             (_times(r["base_growth"]) + (" (reference)" if r["base"] == "reference" else ""))
             if "base" in r else "—"] for r in rows]
    return _layout(head, body, markdown=markdown)


def table(rows: list[dict], *, markdown: bool = False) -> str:
    head = ["what", "median", "floor", "× floor", "reference", "ratio", "target", "holds"]
    body = []
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if "ratio" in r else "—"
        holds = {True: "yes", False: "NO", None: "—"}[r["holds"]]
        body.append([r["what"], _fmt(r["median"], r["unit"]), _fmt(r.get("floor"), r["unit"]),
                     _times(r.get("floor_ratio")), _fmt(r.get("reference"), r["unit"]), ratio,
                     r["target"], holds])
    return _layout(head, body, markdown=markdown)


def _layout(head: list[str], body: list[list[str]], *, markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
              for cells in body]
    return "\n".join(lines)


# --- the measurements ------------------------------------------------------------------------


def measure_startup(work: Path, env: dict[str, str], repeat: int, raw: dict) -> list[dict]:
    print(f"Start-up and memory: {repeat} × (bare window, app, bare window with the "
          "libraries), in turn…", flush=True)
    # one of each first, not counted: fonts, bytecode and the file in the page cache
    run_child(["startup", "bare"], env)
    run_child(["startup", "app", str(work)], env)
    bare: list[dict] = []
    app: list[dict] = []
    libraries: list[dict] = []
    kinds = [("bare", bare), ("app", app), ("libraries", libraries)]
    for i in range(repeat):
        for mode, into in kinds[i % 3:] + kinds[:i % 3]:
            args = ["startup", mode] + ([str(work)] if mode == "app" else [])
            into.append(run_child(args, env))
    raw["startup"] = {"bare": bare, "app": app, "libraries": libraries}
    ready = [r["ready_s"] for r in app if "ready_s" in r]
    return [
        figure("startup", "start-up to the first painted main window",
               [r["paint_s"] for r in app], reference=[r["paint_s"] for r in bare],
               max_ratio=STARTUP_RATIO),
        figure("memory", "peak memory (VmHWM) after start-up",
               [r["settled"]["hwm_kib"] for r in app], unit="KiB",
               reference=[r["settled"]["hwm_kib"] for r in bare], max_ratio=MEMORY_RATIO),
        figure("memory_floor", "… a bare window after importing peewee and QtCharts",
               [r["settled"]["hwm_kib"] for r in libraries], unit="KiB",
               reference=[r["settled"]["hwm_kib"] for r in bare]),
    ] + ([figure("ready", "start-up to the first tab painted with its data",
                 ready)] if ready else [])


def measure_gui(work: Path, env: dict[str, str], repeat: int, raw: dict,
                scale: float = 1.0) -> list[dict]:
    print(f"Tabs and search: {repeat} GUI sessions…", flush=True)
    contacts, interviews = round(5000 * scale), round(20000 * scale)
    runs = [run_child(["gui", str(work)], env) for _ in range(repeat)]
    raw["gui"] = runs
    rows = [figure("keystroke_network",
                   f"one keystroke of search, Network ({contacts:,} contacts)",
                   [t for r in runs for t in r["keys"]["network"]], limit=KEYSTROKE_S),
            figure("keystroke_interviews",
                   f"one keystroke of search, Interviews ({interviews:,})",
                   [t for r in runs for t in r["keys"]["interviews"]], limit=KEYSTROKE_S),
            figure("text_search_interviews",
                   "Interviews: notes and answers search (background, after the pause)",
                   [r["text_search_s"] for r in runs])]
    rows.append(figure("tab_overview", "Overview at start-up: show → painted with its data",
                       [r["overview_first_show_s"] for r in runs]))
    for name, title in TAB_TITLES.items():
        rows.append(figure(f"tab_{title.lower()}", f"first switch to the {title} tab",
                           [r["tabs"][name] for r in runs], limit=TAB_SWITCH_S))
    return rows


def measure_services(work: Path, env: dict[str, str], repeat: int, raw: dict) -> list[dict]:
    print(f"Ranking and the one-page PDF: {repeat} processes × {repeat + 1} calls…", flush=True)
    runs = [run_child(["services", str(work), str(repeat)], env) for _ in range(repeat)]
    raw["services"] = runs
    return [
        figure("ranking", "ranking the development list (ranked_skills)",
               [t for r in runs for t in r["ranked_skills"]["again_s"]], limit=RANKING_S),
        figure("ranking_first", "… its first call in a process",
               [r["ranked_skills"]["first_s"] for r in runs], limit=RANKING_S),
        figure("pdf", "building the one-page PDF",
               [t for r in runs for t in r["summary_pdf"]["again_s"]], limit=PDF_S),
        figure("pdf_first", "… the first in a session (loads ReportLab, fonts)",
               [r["summary_pdf"]["first_s"] for r in runs], limit=PDF_S),
    ]


def measure_loop(work: Path, env: dict[str, str], repeat: int, raw: dict) -> list[dict]:
    print(f"Closing the loop: {repeat} processes × {repeat + 1} calls…", flush=True)
    runs = [run_child(["loop", str(work), str(repeat)], env) for _ in range(repeat)]
    raw["loop"] = runs
    rows = []
    for key, what, limit in (
            ("readiness", "evidence readiness of every path (readiness)", LOOP_S),
            ("who_to_ask", "who to ask next, one path (who_to_ask)", LOOP_S),
            ("review_changes", "weekly review: the evidence that changed", LOOP_S),
            ("review", "… all of the review (with the development list)", None)):
        rows.append(figure(key, what, [t for r in runs for t in r[key]["again_s"]],
                           floor=[t for r in runs for t in r[key]["floor_s"]],
                           limit=limit))
    return rows


def measure_io(work: Path, env: dict[str, str], repeat: int, folder: Path,
               raw: dict) -> list[dict]:
    print(f"JSON export and import: {repeat} ×…", flush=True)
    runs = []
    for i in range(repeat):
        target = folder / f"io-{i}"
        target.mkdir()
        runs.append(run_child(["io", str(work), str(target)], env))
        shutil.rmtree(target)
    raw["io"] = runs
    return [
        figure("json_export", "JSON export of the large workspace",
               [r["export_s"] for r in runs], limit=JSON_S),
        figure("json_import", "JSON import into a new workspace",
               [r["import_s"] for r in runs], limit=JSON_S),
    ]


def measure_floors(work: Path, env: dict[str, str], repeat: int, folder: Path,
                   raw: dict) -> dict[str, list[float]]:
    """The floors of the figures (``children_floors.py``), keyed as the figures."""
    print("Floors: the same data read with sqlite3…", flush=True)
    target = folder / "floors"
    target.mkdir()
    try:
        result = run_child(["floors", str(work), str(target), str(repeat)], env)
    finally:
        shutil.rmtree(target, ignore_errors=True)
    raw["floors"] = result
    for key, note in result.get("notes", {}).items():
        print(f"  note: no floor for {key}: {note}", flush=True)
    return result["floors"]


def run_scale(args: argparse.Namespace, scale: float, groups: list[str]) -> dict:
    """Every asked figure on the workspace of ``scale``: {"meta", "figures", "raw"}."""
    startup_repeat = args.startup_repeat or args.repeat + 2
    master = args.workspace or default_workspace(scale, args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="careerpivot-bench-run-"))
    cache = master.parent
    try:
        env = child_env(scratch / "home", cache)
        ensure_workspace(master, scale, args.seed, env)
        work = scratch / "large.careerpivot"
        shutil.copyfile(master, work)
        # bytecode for the app, as an installed copy has (outside the checkout)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "careerpivot")],
                       check=True, env=env, cwd=ROOT)
        raw: dict = {}
        rows: list[dict] = []
        started = time.time()
        if "startup" in groups:
            rows += measure_startup(work, env, startup_repeat, raw)
        if "gui" in groups:
            rows += measure_gui(work, env, args.repeat, raw, scale)
        if "services" in groups:
            rows += measure_services(work, env, args.repeat, raw)
        if "loop" in groups:
            rows += measure_loop(work, env, args.repeat, raw)
        if "io" in groups:
            rows += measure_io(work, env, args.io_repeat, scratch, raw)
        if set(groups) - {"startup"}:
            attach_floors(rows, measure_floors(work, env, max(args.repeat, 3), scratch, raw))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    meta = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "repeat": args.repeat, "startup_repeat": startup_repeat, "io_repeat": args.io_repeat,
        "scale": scale, "seed": args.seed, "workspace": str(master),
    }
    try:
        from PySide6 import __version__ as pyside_version

        meta["pyside6"] = pyside_version
    except ImportError:
        pass
    return {"meta": meta, "figures": rows, "raw": raw}


def _runs_of(path: Path) -> list[dict]:
    """The runs a JSON file of this script holds (one, or one per scale)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("runs", [data])


def _scale_name(run: dict) -> str:
    return f"{run['meta'].get('scale', 1):g}×"


def report(runs: list[dict], markdown: Path | None) -> None:
    """The table of each run and, for two or more, the growth from the first to the last."""
    parts = []
    for run in runs:
        title = f"Scale {_scale_name(run)} ({run['meta'].get('when', '')})"
        print()
        print(title)
        print(table(run["figures"]))
        parts.append(f"## {title}\n\n" + table(run["figures"], markdown=True))
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        rows = growth_rows(first["figures"], last["figures"])
        names = (_scale_name(first), _scale_name(last))
        print()
        print(f"Growth from {names[0]} to {names[1]}")
        print(growth_table(rows, *names))
        parts.append(f"## Growth from {names[0]} to {names[1]}\n\n"
                     + growth_table(rows, *names, markdown=True))
    if markdown:
        markdown.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        print(f"Wrote {markdown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs per figure (default 5); start-up uses --startup-repeat")
    parser.add_argument("--startup-repeat", type=int, default=None,
                        help="start-up runs of the app and of the bare window each "
                             "(default: --repeat + 2)")
    parser.add_argument("--io-repeat", type=int, default=3,
                        help="JSON export/import runs (default 3: each takes seconds)")
    parser.add_argument("--json", type=Path, help="write every figure and sample here")
    parser.add_argument("--markdown", type=Path, help="write the table as Markdown here")
    parser.add_argument("--workspace", type=Path,
                        help="the generated large workspace (made if missing; default: a "
                             "cache file in the temporary folder, regenerated when "
                             "generate.py changes). It is never changed: runs use a copy.")
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0],
                        help="size of the workspace, 1 = 5,000 contacts and 20,000 "
                             "interviews (default); two or more: each in turn, then the "
                             "growth of each figure from the first to the last")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("FIRST", "SECOND"),
                        help="measure nothing: the growth of each figure from the run of "
                             "one JSON file (--json) to another's")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", nargs="+", choices=GROUPS,
                        help="measure only these groups")
    args = parser.parse_args(argv)
    if args.compare:
        report(_runs_of(args.compare[0])[:1] + _runs_of(args.compare[1])[-1:], args.markdown)
        return 0
    if args.workspace and len(args.scale) > 1:
        parser.error("--workspace names one file: give one --scale with it")
    groups = args.only or list(GROUPS)
    runs = [run_scale(args, scale, groups) for scale in args.scale]
    report(runs, args.markdown)
    missed = [f"{r['key']} ({_scale_name(run)})" for run in runs for r in run["figures"]
              if r["holds"] is False]
    print()
    print("Every target holds." if not missed else
          f"{len(missed)} target(s) missed: " + ", ".join(missed))
    if args.json:
        data = runs[0] if len(runs) == 1 else {
            "runs": runs, "growth": growth_rows(runs[0]["figures"], runs[-1]["figures"])}
        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"Wrote {args.json}")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
