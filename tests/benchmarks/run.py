"""The benchmarks: CareerPivot on a large workspace, each figure beside its target.

    .venv/bin/python tests/benchmarks/run.py [--repeat N] [--json out.json]

Generates the large workspace once (``generate.py``, seeded; cached, see ``--workspace``),
works on a fresh copy of it, and measures every figure as the median of repeated runs, each in
fresh child processes (``children.py``) on the offscreen platform, with settings, logs and
backups in a temporary home. Start-up and memory are measured side by side with a bare PySide6
QMainWindow started the same way in the same run, alternating the two, because absolute times
on a shared machine are noise. Prints a table (what, median, reference, ratio, target, holds)
and writes JSON with every sample. Exit status 0 when every target holds, 1 otherwise.

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
           limit: float | None = None, strict: bool = True) -> dict:
    value = median(samples)
    row: dict = {"key": key, "what": what, "unit": unit, "median": value,
                 "samples": samples, "min": min(samples), "max": max(samples)}
    if reference is not None:
        ref = median(reference)
        row.update(reference=ref, reference_samples=reference, ratio=value / ref)
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


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "KiB":
        return f"{value / 1024:.1f} MiB"
    if value < 1:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def table(rows: list[dict], *, markdown: bool = False) -> str:
    head = ["what", "median", "reference", "ratio", "target", "holds"]
    body = []
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if "ratio" in r else "—"
        holds = {True: "yes", False: "NO", None: "—"}[r["holds"]]
        body.append([r["what"], _fmt(r["median"], r["unit"]),
                     _fmt(r.get("reference"), r["unit"]), ratio, r["target"], holds])
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
                           reference=[t for r in runs for t in r[key]["floor_s"]],
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
    parser.add_argument("--scale", type=float, default=1.0,
                        help="size of the workspace, 1 = 5,000 contacts and 20,000 "
                             "interviews (default)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", nargs="+", choices=["startup", "gui", "services", "loop", "io"],
                        help="measure only these groups")
    args = parser.parse_args(argv)
    groups = args.only or ["startup", "gui", "services", "loop", "io"]
    startup_repeat = args.startup_repeat or args.repeat + 2

    master = args.workspace or default_workspace(args.scale, args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="careerpivot-bench-run-"))
    cache = master.parent
    try:
        env = child_env(scratch / "home", cache)
        ensure_workspace(master, args.scale, args.seed, env)
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
            rows += measure_gui(work, env, args.repeat, raw, args.scale)
        if "services" in groups:
            rows += measure_services(work, env, args.repeat, raw)
        if "loop" in groups:
            rows += measure_loop(work, env, args.repeat, raw)
        if "io" in groups:
            rows += measure_io(work, env, args.io_repeat, scratch, raw)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print()
    print(table(rows))
    missed = [r for r in rows if r["holds"] is False]
    print()
    print("Every target holds." if not missed else
          f"{len(missed)} target(s) missed: " + ", ".join(r["key"] for r in missed))
    meta = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "repeat": args.repeat, "startup_repeat": startup_repeat, "io_repeat": args.io_repeat,
        "scale": args.scale, "seed": args.seed, "workspace": str(master),
    }
    try:
        from PySide6 import __version__ as pyside_version

        meta["pyside6"] = pyside_version
    except ImportError:
        pass
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "figures": rows, "raw": raw},
                                        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Wrote {args.json}")
    if args.markdown:
        args.markdown.write_text(table(rows, markdown=True) + "\n", encoding="utf-8")
        print(f"Wrote {args.markdown}")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
