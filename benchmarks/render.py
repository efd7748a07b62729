"""Benchmark: rendering a federation of N teams, against baselines measured in the same run.

    .venv/bin/python benchmarks/render.py [--teams 20] [--jobs N] [--baseline N] [--dask]

On a synthetic federation (``rapport demo``) it times, one after another on this machine:
  (a) the naive sequence per report: the `papermill` command line, `jupyter nbconvert --to html`,
      then the PDF step, each its own process;
  (b) one `rapport render PARAMS` per report, each its own process (a CI loop over teams);
  (c) `rapport render --all` (warm workers forking one child per report), with the time of each
      stage per report (``RAPPORT_TIMINGS``) and the CPU it used (core-seconds per report);
  (d) the same again with ``--force`` into another folder: every published file must be
      byte-identical;
  (e) a no-change rebuild, and a rebuild after one narrative file changed;
  (f) with ``--dask``: ``--executor dask`` on a local cluster of two single-threaded workers
      (reports per core-minute, memory per worker).
(a) and (b) run on the first ``--baseline`` reports (default: all) and are compared per report.
Nothing is asserted: the ratios are printed.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STAGES = ("fork", "prepare", "execute", "charts", "html", "pdf", "publish")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict | None = None, **kw) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (of the command and its children) and standard output."""
    cpu, start = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, **kw)
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start, _children_cpu() - cpu, proc.stdout


def naive(params: list[Path], out: Path) -> float:
    out.mkdir()
    start = time.perf_counter()
    for p in params:
        executed = out / f"{p.parent.name}.ipynb"
        run([str(BIN / "papermill"), str(ROOT / "notebooks" / "vasteras.ipynb"), str(executed),
             "-p", "params_path", str(p), "--cwd", str(ROOT / "notebooks"), "--no-progress-bar"])
        run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
        run([sys.executable, "-c", "import nbformat, sys; from rapportlib.render.pdf import to_pdf; "
             "to_pdf(nbformat.read(sys.argv[1], as_version=4), __import__('pathlib').Path(sys.argv[2]))",
             str(executed), str(executed.with_suffix(".pdf"))])
    return time.perf_counter() - start


def stage_table(path: Path, began: float, ended: float) -> list[str]:
    """Mean stage times, and where the batch's wall time went: start-up before the first report,
    the reports (how busy they kept the cores), and the end after the last."""
    lines_ = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    rows = [line["stages"] for line in lines_]
    means = "  ".join(f"{s} {statistics.mean(r.get(s, 0) for r in rows):.2f}" for s in STAGES)
    lines = [f"  stages per report, mean of {len(rows)} (s):  {means}"]
    lines.append("  (charts is part of execute; fork is the child's start)")
    first, last = min(r["began"] for r in lines_), max(r["ended"] for r in lines_)
    busy = sum(r["ended"] - r["began"] for r in lines_) / ((os.cpu_count() or 1) * (last - first))
    lines.append(f"  wall time: {first - began:.2f} s start-up before the first report, {last - first:.2f} s of "
                 f"reports ({busy:.0%} of the cores' time in a report), {ended - last:.2f} s after the last")
    return lines


def identical(a: Path, b: Path) -> str:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    differ = [f for f in files if not (b / f).is_file() or not filecmp.cmp(a / f, b / f, shallow=False)]
    same = f"{len(files) - len(differ)} of {len(files)} files byte-identical"
    return same + (f"; differ: {differ[:5]}" if differ else "")


def _cpu(process) -> float:
    """A process's CPU time with its finished children's and its live descendants' (a Dask
    worker's helper, which forks the reports, and the helper's service live as long as the worker)."""
    t = process.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in process.children(recursive=True):
        c = child.cpu_times()
        total += c.user + c.system + c.children_user + c.children_system
    return total


def _memory(process) -> tuple[float, float]:
    """Resident memory (MiB) of a process, and of it with its live descendants."""
    own = process.memory_info().rss / 2**20
    return own, own + sum(c.memory_info().rss for c in process.children(recursive=True)) / 2**20


def dask_run(params_dir: Path, site: Path, n: int) -> list[str]:
    import psutil
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        procs = [psutil.Process(pid) for pid in pids]
        before = sum(_cpu(p) for p in procs)
        command = [str(BIN / "rapport"), "render", "--all", "--force", "--executor", "dask", "--scheduler"]
        command += [cluster.scheduler_address, "--params-dir", str(params_dir), "--output", str(site)]
        wall, cpu, _ = run(command, cwd=ROOT)
        after = sum(_cpu(p) for p in procs)
        memory = [_memory(p) for p in procs]
    core = after - before + cpu
    return [
        f"dask, 2 local workers:          {wall:7.1f} s = {wall / n:5.2f} s per report, {core / n:4.2f} core-s per "
        f"report = {60 * n / core:5.1f} reports per core-minute",
        "  memory per worker at the end (resident; with its helper and service): "
        + ", ".join(f"{own:.0f} MiB ({every:.0f} MiB)" for own, every in memory),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--baseline", type=int, default=None, help="reports for the naive and per-process baselines")
    parser.add_argument("--dask", action="store_true", help="also measure --executor dask on a local cluster")
    parser.add_argument("--no-identical", action="store_true", help="skip the second render compared byte for byte")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    run([str(BIN / "rapport"), "demo", "--teams", str(args.teams), "--out", str(work / "fed")])
    params = sorted((work / "fed" / "params").rglob("*.yml"))
    base = params[: args.baseline or len(params)]
    n, b = len(params), len(base)

    slow = naive(base, work / "naive")
    single = 0.0
    for p in base:
        single += run([str(BIN / "rapport"), "render", str(p), "--output", str(work / "single")], cwd=ROOT)[0]

    timings = work / "timings.jsonl"
    command = [str(BIN / "rapport"), "render", "--all", "--params-dir", str(work / "fed" / "params")]
    command += ["--jobs", str(args.jobs)] if args.jobs else []
    began = time.time()
    fast, cpu, _ = run([*command, "--output", str(work / "site")], env={"RAPPORT_TIMINGS": str(timings)}, cwd=ROOT)
    ended = time.time()
    rebuild, _, _ = run([*command, "--output", str(work / "site")], cwd=ROOT)
    same = "not checked (--no-identical)"
    if not args.no_identical:
        run([*command, "--force", "--output", str(work / "again")], cwd=work)  # its own build folder: work/build
        same = identical(work / "site", work / "again")
    text = params[0].with_suffix("") / "framtiden.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn ny mening.\n", encoding="utf-8")
    one, _, out_one = run([*command, "--output", str(work / "site")], cwd=ROOT)
    rendered = re.search(r"Klart: (\d+) renderade", out_one)

    per = fast / n
    print(f"machine: {os.cpu_count()} cores; reports: {n} (baselines on {b})")
    print(f"naive (papermill, nbconvert, PDF per report):  {slow / b:5.2f} s per report")
    print(f"one `rapport render` per report, own process:  {single / b:5.2f} s per report")
    print(f"rapport render --all:                          {per:5.2f} s per report, {cpu / n:4.2f} core-s per report "
          f"(aim ≤ 1.5) = {60 * n / cpu:5.1f} reports per core-minute")
    print(*stage_table(timings, began, ended), sep="\n")
    print(f"speed-up over one process per report:          {single / b / per:5.1f}×   (aim ≥ 6×)")
    print(f"speed-up over naive:                           {slow / b / per:5.1f}×   (aim ≥ 10×)")
    print(f"renders again with --force:                    {same}")
    print(f"no-change rebuild:                             {rebuild:5.2f} s   (aim < 0.5 s)")
    print(f"one narrative file changed:                    {one:5.1f} s, reports re-rendered: "
          f"{rendered.group(1) if rendered else '?'} (aim: exactly 1)")
    if args.dask:
        print(*dask_run(work / "fed" / "params", work / "dask", n), sep="\n")


if __name__ == "__main__":
    main()
