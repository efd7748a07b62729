"""Rendering: execute the notebook with Papermill, then publish HTML, PDF and indicators.json.

The executed notebook (which holds the report's outputs) stays in a private build folder; only
aggregates reach ``output/``. Each report is written to a temporary folder beside its published
folder and swapped in when complete, so a failed render leaves the earlier report in place.

Quarto compatibility: outputs carry ``text/html`` (taken by HTML), ``text/markdown`` and
``image/svg+xml`` (taken by the PDF); the PDF path here does what Quarto does for
``format: typst``: Markdown through pandoc to Typst, compiled by Typst.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import shutil
import string
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, fmt
from .checks import Check, ConsistencyError
from .errors import InputError
from .layout import Layout, all_params, project_root  # noqa: F401 - also imported from here
from .notebooks import check_narrative, notebook_for
from .params import Params, load_params

if TYPE_CHECKING:  # pandas and nbformat are imported where needed: a no-change rebuild needs neither
    import nbformat

def _template(name: str) -> str:
    return resources.files("rapportlib").joinpath("templates", name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- execution


def execute(
    params: Params, layout: Layout, final: bool = False, km=None, indicators: dict | None = None
) -> nbformat.NotebookNode:
    """Run the template's notebook for one params file; the executed copy is kept under ``build/``.

    ``km`` is a kernel manager, started or not (see :mod:`rapportlib.kernels`), used for this report
    only and shut down afterwards; without one, a kernel on private sockets is made for it.
    ``indicators``, when given, are handed to the notebook through a private file so the kernel
    does not read and compute everything again.
    """
    import nbformat
    import papermill

    build_dir = layout.build / params.team / params.period_slug
    build_dir.mkdir(parents=True, exist_ok=True)
    target = build_dir / "report.ipynb"
    notebook = notebook_for(layout.notebooks, params.template, params.path)
    parameters = {"params_path": str(params.path), "final": final}
    if indicators is not None:
        private = build_dir / "indicators.private.json"
        private.write_text(json.dumps(indicators, ensure_ascii=False), encoding="utf-8")
        parameters["indicators_path"] = str(private)
    owned = None
    if km is None:  # a kernel for this report only, on private sockets (see rapportlib.kernels)
        from .kernels import kernel_manager

        owned = tempfile.mkdtemp(prefix="rapport-kernel-")
        km = kernel_manager(owned, "k")
    try:
        papermill.execute_notebook(
            str(notebook),
            str(target),
            parameters=parameters,
            cwd=str(layout.notebooks),
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            # Papermill otherwise rewrites the whole notebook before and after every cell (about a
            # third of a report's execution time); it is written once, at the end or on failure.
            request_save_on_cell_execute=False,
            km=km,
        )
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        if owned:
            shutil.rmtree(owned, ignore_errors=True)
    return nbformat.read(target, as_version=4)


# --------------------------------------------------------------------- HTML


def _title_meta(nb: nbformat.NotebookNode) -> dict:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("rapport", {})
            if meta.get("role") == "title":
                return meta
    return {}


_HEADING = re.compile(r"<h([2-4])([^>]*)>(.*?)</h\1>", re.S)
_UNNUMBERED = re.compile(r"\s*\{(?:\.unnumbered|-)\}\s*")


def _slug(text: str, taken: set[str]) -> str:
    from .codes import fold

    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "avsnitt"
    slug, k = base, 2
    while slug in taken:
        slug, k = f"{base}-{k}", k + 1
    taken.add(slug)
    return slug


def number_headings(body: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Give every h2–h4 a stable id and the same section number Typst gives it in the PDF
    (headings marked ``{.unnumbered}`` get none and do not advance the count). Returns the new
    HTML and the headings as (level, number, id, text) for the table of contents."""
    counters = [0, 0, 0]
    taken: set[str] = set()
    found = []

    def replace(match):
        level, inner = int(match.group(1)), match.group(3)
        inner = re.sub(r'<a class="anchor-link".*?</a>', "", inner, flags=re.S)
        unnumbered = bool(_UNNUMBERED.search(inner))
        inner = _UNNUMBERED.sub("", inner).strip()
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        number = ""
        if not unnumbered:
            depth = level - 2
            counters[depth] += 1
            counters[depth + 1 :] = [0] * (2 - depth)
            number = ".".join(str(c) for c in counters[: depth + 1])
        anchor = _slug(text, taken)
        found.append((level, number, anchor, text))
        secno = f'<span class="secno">{number}</span> ' if number else ""
        cls = "" if number else ' class="unnumbered"'
        return f'<h{level} id="{anchor}"{cls}>{secno}{inner}</h{level}>'

    return _HEADING.sub(replace, body), found


def toc(headings: list[tuple[int, str, str, str]]) -> str:
    """A nested table of contents of the h2 and h3 headings."""
    items, open_sub = [], False
    for level, number, anchor, text in headings:
        if level > 3 or (level == 3 and not number):  # unnumbered subheadings (Beskrivning …) stay out
            continue
        entry = f'<a href="#{anchor}">{(number + " ") if number else ""}{html.escape(text)}</a>'
        if level == 2:
            if open_sub:
                items.append("</ol></li>")
                open_sub = False
            items.append(f"<li>{entry}")
            items.append("<ol>")
            open_sub = True
        else:
            items.append(f"<li>{entry}</li>")
    if open_sub:
        items.append("</ol></li>")
    listing = "".join(items).replace("<ol></ol>", "")
    return f'<nav class="toc" aria-label="Innehåll"><p class="toc-title">Innehåll</p><ol>{listing}</ol></nav>'


@functools.cache
def _html_exporter():
    """One exporter per process: building one compiles its templates (a tenth of a report's HTML time)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )


def to_html(nb: nbformat.NotebookNode, provenance: str) -> str:
    """One self-contained HTML page in Swedish: no code, no external requests."""
    import nbformat

    nb = nbformat.from_dict(nb)
    # Only what a reader sees; cells get stable ids (Papermill's injected cell has a random one).
    nb.cells = [c for c in nb.cells if c.cell_type == "markdown" or (c.cell_type == "code" and c.get("outputs"))]
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:03d}"
    body, _ = _html_exporter().from_notebook_node(nb)
    body, headings = number_headings(body)
    body = body.replace("</header>", f"</header>\n{toc(headings)}", 1)
    meta = _title_meta(nb)
    title = f"Verksamhetsrapport {meta.get('team', '')} {meta.get('period', '')}".strip()
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{_template('report.css')}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        f'<footer class="provenance">{html.escape(provenance)}</footer>\n</body>\n</html>\n'
    )


# ---------------------------------------------------------------------- PDF


def to_markdown(nb: nbformat.NotebookNode, asset_dir: Path) -> tuple[str, dict]:
    """The report as Markdown, as Quarto would see it: markdown cells, ``text/markdown`` outputs
    and SVG images (written to ``asset_dir``). Returns the Markdown and the title metadata."""
    parts, title = [], {}
    n_img = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data, meta = out.get("data", {}), out.get("metadata", {}).get("rapport", {})
            if meta.get("role") == "title":
                title = dict(meta, cover=data.get("text/markdown", ""))
            elif "text/markdown" in data:
                parts.append(data["text/markdown"])
            elif "image/svg+xml" in data:
                n_img += 1
                path = asset_dir / f"figur-{n_img}.svg"
                path.write_text(data["image/svg+xml"], encoding="utf-8")
                caption = meta.get("caption", "")
                parts.append(f"![{caption}]({path.name}){{width=85%}}")
    return "\n\n".join(parts), title


def _typst_markup(text: str) -> str:
    return re.sub(r"([\\#*_$@<>\[\]`~])", r"\\\1", text)


def _typst_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_pdf(nb: nbformat.NotebookNode, target: Path, provenance: str = "") -> None:
    """Render the PDF: Markdown → Typst (pandoc) → PDF (typst), A4, cover, contents, page numbers,
    and the ``provenance`` line at the end."""
    import pypandoc
    import typst

    with tempfile.TemporaryDirectory(prefix="rapport-typst-") as tmp:
        tmp = Path(tmp)
        markdown, title = to_markdown(nb, tmp)

        def convert(md: str) -> str:
            return pypandoc.convert_text(
                md, "typst", format="markdown", extra_args=["--shift-heading-level-by=-1", "--wrap=none"]
            )

        # One pandoc run for cover and body: they are split at a marker paragraph.
        marker = "RAPPORTCOVERENDMARKER"
        cover, _, body = convert(f"{title.get('cover', '')}\n\n{marker}\n\n{markdown}").partition(marker)
        page = string.Template(_template("report.typ")).substitute(
            title=_typst_string(f"Verksamhetsrapport {title.get('team', '')}"),
            federation=_typst_markup(title.get("federation", "")),
            team_name=_typst_markup(title.get("team", "")),
            period=_typst_markup(title.get("period", "")),
            cover=cover,
            body=body,
            provenance=_typst_markup(provenance),
        )
        (tmp / "report.typ").write_text(page, encoding="utf-8")
        typst.compile(str(tmp / "report.typ"), output=str(target), root=str(tmp))


# ---------------------------------------------------------------- publishing


def _commit() -> str | None:
    """The project's git commit, when rendered from a git checkout (not the clock: renders stay
    reproducible)."""
    import subprocess

    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _provenance(params: Params) -> str:
    """Where the report comes from, as plain text: rapport's version and commit, the period and a
    hash of every data file (never the clock, so renders stay byte-identical)."""
    import hashlib

    hashes = "; ".join(
        f"{path.name} sha256 {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
        for _, path in sorted(params.data.items())
    )
    commit = _commit()
    return (
        f"Rapporten är framtagen med rapport {__version__}"
        + (f" (commit {commit})" if commit else "")
        + f" för {params.name}, period {fmt.date(params.start)} – {fmt.date(params.end)}. "
        f"Underlag: {hashes}. Alla siffror är beräknade ur data; underlaget finns i indicators.json."
    )


def quarto_outputs(executed: Path, staging: Path) -> None:
    """Render an executed notebook with Quarto (HTML with embedded resources; PDF through Typst)
    into ``staging``. Needs ``quarto`` on the PATH (see docs/quarto.md)."""
    import subprocess

    for fmt_args, produced, name in (
        (["--to", "html", "-M", "embed-resources:true"], executed.with_suffix(".html"), "report.html"),
        (["--to", "typst"], executed.with_suffix(".pdf"), "report.pdf"),
    ):
        proc = subprocess.run(["quarto", "render", str(executed), *fmt_args], capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"quarto render {' '.join(fmt_args)}: {proc.stderr.strip()[-500:]}")
        shutil.move(str(produced), staging / name)


def render(
    params_path: str | Path,
    layout: Layout | None = None,
    final: bool = False,
    km=None,
    index: bool = True,
    engine: str = "builtin",
) -> Path:
    """Render one report; return its published folder. Invalid input raises ``InputError`` and, in a
    final render, a failed consistency check raises ``ConsistencyError``, both before anything is
    executed or written."""
    from .pipeline import indicators_for, published_indicators

    layout = layout or Layout.default()
    recover(layout.output)
    params = load_params(params_path)
    # Reading the inputs validates them (InputError before anything runs); computed once, here.
    _, computed = indicators_for(params.path)
    indicators = published_indicators(params, computed)
    check_narrative(params, indicators, notebook_for(layout.notebooks, params.template, params.path), final)
    failing = [Check(**c) for c in indicators["checks"] if not c["ok"]]
    if final and failing:
        raise ConsistencyError(failing)
    stamp = f"{input_stamp(params, layout)} {engine}"
    nb = execute(params, layout, final, km=km, indicators=computed)
    published = layout.output / params.team / params.period_slug
    staging = _staging_dir(layout, params, published)
    try:
        if engine == "quarto":
            quarto_outputs(layout.build / params.team / params.period_slug / "report.ipynb", staging)
        else:
            provenance = _provenance(params)
            (staging / "report.html").write_text(to_html(nb, provenance), encoding="utf-8")
            to_pdf(nb, staging / "report.pdf", provenance)
        (staging / "indicators.json").write_text(
            json.dumps(indicators, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8"
        )
        publish(staging, published)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    (layout.build / params.team / params.period_slug / "stamp.sha256").write_text(stamp, encoding="utf-8")
    if index:
        write_index(layout.output)
    return published


# ------------------------------------------------------------------- incremental


def input_stamp(params: Params, layout: Layout) -> str:
    """A content hash of everything a report depends on: the params file, its data files and
    narrative files, the template notebook and page templates, and rapportlib's own code."""
    import hashlib

    from .narrative import narrative_dir

    digest = hashlib.sha256(__version__.encode())
    files = [params.path, *params.data.values(), notebook_for(layout.notebooks, params.template, params.path)]
    folder = narrative_dir(params.path, params.extra.get("narrative"))
    files += sorted(folder.glob("*.md")) if folder.is_dir() else []
    package = Path(__file__).parent
    files += sorted(p for p in package.rglob("*") if p.suffix in (".py", ".yml", ".css", ".typ") and p.is_file())
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current(params_path: str | Path, layout: Layout, engine: str = "builtin") -> bool:
    """Whether the published report was made from exactly the present inputs."""
    params = load_params(params_path)
    published = layout.output / params.team / params.period_slug
    stamp = layout.build / params.team / params.period_slug / "stamp.sha256"
    complete = all((published / n).is_file() for n in ("report.html", "report.pdf", "indicators.json"))
    try:
        wanted = f"{input_stamp(params, layout)} {engine}"
        return complete and stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted
    except InputError:
        return False


# ------------------------------------------------------------------- many reports

_POOL = None


def _worker_start(notebooks: str) -> None:
    global _POOL
    from multiprocessing import util

    from .kernels import KernelPool

    _POOL = KernelPool(cwd=notebooks)
    util.Finalize(None, _POOL.close, exitpriority=10)  # shut the spare kernel down when the worker ends


@dataclass(frozen=True)
class Outcome:
    """What became of one report in a batch."""

    params: str
    status: str  # "rendered", "unchanged" or "failed"
    code: int = 0  # the exit status a single render would have had
    message: str = ""  # the published folder, or why it failed
    seconds: float = 0.0


def _worker_render(params_path: str, layout: Layout, final: bool, engine: str = "builtin") -> Outcome:
    """Render one report in a worker; never raises."""
    import time

    from .checks import ConsistencyError

    started = time.perf_counter()

    def outcome(status: str, code: int, message: str) -> Outcome:
        return Outcome(params_path, status, code, message, time.perf_counter() - started)

    km = None
    try:
        km = _POOL.take() if _POOL is not None else None
        return outcome("rendered", 0, str(render(params_path, layout, final, km=km, index=False, engine=engine)))
    except InputError as exc:
        return outcome("failed", 2, str(exc))
    except ConsistencyError as exc:
        return outcome("failed", 3, str(exc))
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the others
        lines = str(exc).strip().splitlines()
        return outcome("failed", 1, f"{type(exc).__name__}: {lines[-1] if lines else ''}")
    finally:
        if km is not None and km.has_kernel:  # the report failed before its kernel ran: stop it
            km.shutdown_kernel(now=True)


def render_all(
    targets: list[Path],
    layout: Layout,
    jobs: int | None = None,
    force: bool = False,
    final: bool = False,
    progress: Callable[[Outcome | None, int, int], None] | None = None,
    engine: str = "builtin",
    scheduler=None,
) -> dict:
    """Render many reports in parallel (a process pool sized to the machine), skipping those whose
    inputs have not changed. ``progress(outcome, done, total)`` is called as each report finishes,
    and once with ``(None, 0, total)`` before the first starts.
    Returns a summary: rendered, unchanged, failed (a list of :class:`Outcome` each), seconds."""
    import concurrent.futures
    import multiprocessing
    import time

    started = time.perf_counter()
    summary: dict = {"rendered": [], "unchanged": [], "failed": []}
    todo = []
    for target in targets:
        try:
            current = not force and is_current(target, layout, engine)
        except InputError:
            current = False
        if current:
            summary["unchanged"].append(Outcome(str(target), "unchanged"))
        else:
            todo.append(str(target))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))

    def finished(outcome: Outcome) -> None:
        summary[outcome.status].append(outcome)
        if progress:
            progress(outcome, len(summary["rendered"]) + len(summary["failed"]), len(todo))

    if progress and todo:
        progress(None, 0, len(todo))
    if todo and scheduler:  # a Dask distributed cluster: one task per report, same outputs
        from distributed import Client, as_completed

        with Client(scheduler) as client:
            futures = client.map(_worker_render, todo, layout=layout, final=final, engine=engine, pure=False)
            for future in as_completed(futures):
                finished(future.result())
    elif len(todo) == 1:  # one report: no pool to start
        finished(_worker_render(todo[0], layout, final, engine))
    elif todo:
        # "spawn": workers start clean; forking a process that holds kernel connections can deadlock.
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_worker_start, initargs=(str(layout.notebooks),)
        ) as pool:
            futures = [pool.submit(_worker_render, t, layout, final, engine) for t in todo]
            for future in concurrent.futures.as_completed(futures):
                finished(future.result())
    recover(layout.output)
    if summary["rendered"]:  # a run that published nothing leaves the index byte-identical
        write_index(layout.output)
    summary["seconds"] = time.perf_counter() - started
    return summary


def _staging_dir(layout: Layout, params: Params, published: Path) -> Path:
    """A fresh folder to write a report into, outside the published tree when possible (on the
    same file system, so that publishing is a rename); stale ones from killed runs are removed."""
    published.parent.mkdir(parents=True, exist_ok=True)
    base = layout.build / params.team / params.period_slug
    base.mkdir(parents=True, exist_ok=True)
    if os.stat(base).st_dev != os.stat(published.parent).st_dev:
        base = published.parent  # another file system: stage beside the report, hidden
    for stale in base.glob(f".{params.period_slug}.staging.*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{params.period_slug}.staging.", dir=base))
    staging.chmod(0o755)  # a published folder is world-readable, unlike mkdtemp's default
    return staging


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2`` with ``RENAME_EXCHANGE``)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def publish(staging: Path, published: Path) -> None:
    """Replace ``published`` by the complete folder ``staging``: a reader, or a run killed at any
    moment, sees either the whole earlier report or the whole new one. After an exchange the
    earlier report is left in ``staging`` (removed by the caller)."""
    if not published.exists():
        os.replace(staging, published)
        staging.mkdir()  # keep the caller's clean-up uniform
    elif not _exchange(staging, published):
        previous = published.with_name(f".{published.name}.previous")
        os.replace(published, previous)  # the only non-atomic window; recover() undoes it
        os.replace(staging, published)
        os.replace(previous, staging)


def recover(output: Path) -> list[Path]:
    """Put back reports whose publishing was interrupted in the fallback's two-rename window."""
    restored = []
    for previous in output.glob("*/.*.previous"):
        target = previous.parent / previous.name[1 : -len(".previous")]
        if not target.exists():
            os.replace(previous, target)
            restored.append(target)
    return restored


def write_index(output: Path) -> Path:
    """``output/index.html``: every published report with key figures and links, a cross-team
    comparison table and chart (aggregates only: the figures of each report's indicators.json)."""
    from . import charts

    rows, compare = [], []
    for path in sorted(output.glob("*/*/indicators.json")):
        ind = json.loads(path.read_text(encoding="utf-8"))
        folder = path.parent.relative_to(output).as_posix()
        f, o = ind["flows"], ind["outcomes"]
        months = ind["throughput"]["months"]["all"]
        remaining = ind.get("budget", {}).get("total", {}).get("remaining")
        name = ind.get("name", ind["team"])
        period = f"{ind['period']['start']} – {ind['period']['end']}"
        rows.append(
            "<tr>"
            f'<th scope="row">{html.escape(name)}</th>'
            f'<td>{html.escape(period)}</td>'
            f'<td class="num">{fmt.number(f["served"])}</td>'
            f'<td class="num">{fmt.percent(o["in_goal_share"])}</td>'
            f'<td class="num">{fmt.months(months)}</td>'
            f'<td class="num">{fmt.kronor(remaining)}</td>'
            f'<td class="nowrap"><a href="{folder}/report.html">HTML</a> · <a href="{folder}/report.pdf">PDF</a> · '
            f'<a href="{folder}/indicators.json">JSON</a></td>'
            "</tr>"
        )
        compare.append(
            {
                "Rapport": f"{name} {ind['period']['start'][:7]}–{ind['period']['end'][:7]}",
                "I mål": o["in_goal_share"],
                "Genomströmningstid": months,
            }
        )
    chart = charts.comparison_chart(compare) if compare else None
    figure = (
        f'<figure class="chart"><div class="chart-svg" role="img" aria-label="{html.escape(chart.alt)}">{chart.svg}'
        f"</div><figcaption>{html.escape(chart.caption)}</figcaption></figure>"
        if chart
        else ""
    )
    page = (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Verksamhetsrapporter</title>\n<style>\n{_template('report.css')}</style>\n</head>\n<body>\n<main>\n"
        "<h1>Verksamhetsrapporter</h1>\n"
        '<div class="table-wrap"><table class="rapport-table"><caption>Publicerade rapporter och nyckeltal'
        "</caption><thead><tr>"
        '<th scope="col">Team</th><th scope="col">Period</th><th scope="col" class="num">Totalt arbetat med</th>'
        '<th scope="col" class="num">I mål</th><th scope="col" class="num">Genomströmningstid</th>'
        '<th scope="col" class="num">Budget kvar</th><th scope="col">Filer</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>\n{figure}\n"
        '<p class="table-note">I mål: andel av avsluten efter prövotiden enligt varje teams egen regel; '
        "teamens regler kan skilja sig åt, se respektive rapport.</p>\n</main>\n</body>\n</html>\n"
    )
    output.mkdir(parents=True, exist_ok=True)
    target = output / "index.html"
    tmp = output / f".index.html.{os.getpid()}"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, target)  # atomic: readers see the old or the new index, never half of one
    return target


__all__ = ["Layout", "render", "all_params", "write_index", "InputError"]
