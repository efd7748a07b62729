"""Benchmark: rendering a federation of N teams, naive versus `rapport render --all`.

    .venv/bin/python benchmarks/render.py [--teams 20] [--jobs N]

In one run, on a synthetic federation (``rapport demo``), times:
  (a) the naive baseline: for each report one after another, the `papermill` command line, then
      `jupyter nbconvert --to html`, then the PDF step;
  (b) `rapport render --all` (parallel, pre-started kernels);
  (c) a no-change rebuild, and (d) a rebuild after changing one narrative file.
Prints the ratios, and the per-report cost against its floor (starting a kernel and importing the
library), all measured in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(cmd: list[str], **kw) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start, proc.stdout


def floor_seconds() -> float:
    """Starting one kernel and importing rapportlib in it: what every report pays at least."""
    code = (
        "import time; t=time.perf_counter()\n"
        "from jupyter_client.manager import start_new_kernel\n"
        "km, kc = start_new_kernel(kernel_name='python3')\n"
        "kc.execute_interactive('import rapportlib.report', timeout=300)\n"
        "print(time.perf_counter()-t); kc.stop_channels(); km.shutdown_kernel(now=True)\n"
    )
    return float(run([sys.executable, "-c", code])[1].strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    run([str(BIN / "rapport"), "demo", "--teams", str(args.teams), "--out", str(work / "fed")])
    params = sorted((work / "fed" / "params").rglob("*.yml"))
    floor = floor_seconds()

    naive_out = work / "naive"
    naive_out.mkdir()
    start = time.perf_counter()
    for p in params:
        executed = naive_out / f"{p.parent.name}.ipynb"
        run([str(BIN / "papermill"), str(ROOT / "notebooks" / "vasteras.ipynb"), str(executed),
             "-p", "params_path", str(p), "--cwd", str(ROOT / "notebooks"), "--no-progress-bar"])
        run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
        run([sys.executable, "-c", "import nbformat, sys; from rapportlib.render.pdf import to_pdf; "
             "to_pdf(nbformat.read(sys.argv[1], as_version=4), __import__('pathlib').Path(sys.argv[2]))",
             str(executed), str(executed.with_suffix(".pdf"))])
    naive = time.perf_counter() - start

    command = [str(BIN / "rapport"), "render", "--all", "--params-dir", str(work / "fed" / "params"),
               "--output", str(work / "site")] + (["--jobs", str(args.jobs)] if args.jobs else [])
    fast, out = run(command, cwd=ROOT)
    rebuild, out_again = run(command, cwd=ROOT)
    text = params[0].with_suffix("") / "framtiden.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn ny mening.\n", encoding="utf-8")
    one, out_one = run(command, cwd=ROOT)
    rendered = re.search(r"Klart: (\d+) renderade", out_one)

    n = len(params)
    print(f"reports:                        {n}")
    print(f"floor (kernel start + import):  {floor:6.2f} s per report")
    print(f"naive (papermill, nbconvert, PDF, one after another): {naive:7.1f} s = {naive / n:5.2f} s per report "
          f"= {naive / n / floor:4.1f}× floor")
    print(f"rapport render --all:           {fast:7.1f} s = {fast / n:5.2f} s per report "
          f"= {fast / n / floor:4.1f}× floor")
    print(f"speed-up over naive:            {naive / fast:5.1f}×   (aim ≥ 3×)")
    print(f"no-change rebuild:              {rebuild:7.2f} s   (aim < 1 s)  [{out_again.strip().splitlines()[-1]}]")
    print(f"one narrative file changed:     {one:7.1f} s, reports re-rendered: "
          f"{rendered.group(1) if rendered else '?'} (aim: exactly 1)")


if __name__ == "__main__":
    main()
