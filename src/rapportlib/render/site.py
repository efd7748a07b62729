"""The site index, ``output/index.html``: every published report with key figures and links, a
cross-team comparison table and chart. Aggregates only: the figures of each report's
indicators.json."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from .. import fmt
from ..sensitive import Sensitive
from .assets import page_template
from .gate import LeakError, Scanner, html_parts
from .publish import write_atomic


def write_index(output: Path, sensitive: Sensitive | None = None) -> Path:
    """``output/index.html``: every published report with key figures and links, a cross-team
    comparison table and chart (aggregates only: the figures of each report's indicators.json).
    The page passes the publish gate first (identity numbers, and ``sensitive`` values when
    given); a hit raises :class:`~rapportlib.render.gate.LeakError` and the earlier index stays."""
    page = index_page(output)
    hits = Scanner(sensitive).hits("index.html", html_parts(page))
    if hits:
        raise LeakError(hits)
    return write_atomic(output / "index.html", page)


def _period(ind: dict, short: bool = False) -> str:
    """A report's period as a reader says it (``januari–december 2018``)."""
    start, end = (dt.date.fromisoformat(ind["period"][k]) for k in ("start", "end"))
    return fmt.period(start, end, short=short)


#: The index table's columns: (header, the class attribute of its cells).
COLUMNS = [
    ("Team", ""),
    ("Period", ""),
    ("Deltagare under perioden", ' class="num"'),
    ("I mål", ' class="num"'),
    ("Genomströmningstid", ' class="num"'),
    ("Budget kvar", ' class="num"'),
    ("Filer", ""),
]


def _row(folder: str, ind: dict) -> str:
    """One report's row: name, period, key figures and links. Every cell names its column in
    ``data-label`` (shown before the value where the table becomes a list, on a phone), and every
    link names its report for a screen reader."""
    f, o = ind["flows"], ind["outcomes"]
    name = ind.get("name", ind["team"])
    period = _period(ind)
    which = f'<span class="visually-hidden">: {html.escape(name)}, {html.escape(period)}</span>'
    links = " ".join(
        f'<a href="{folder}/{file}">{text}{which}</a>'
        for file, text in (("report.html", "Webbsida"), ("report.pdf", "PDF"), ("indicators.json", "Data (JSON)"))
    )
    remaining = ind.get("budget", {}).get("total", {}).get("remaining")
    values = [
        period,
        fmt.number(f["served"]),
        fmt.percent(o["in_goal_share"]),
        fmt.months(ind["throughput"]["months"]["all"]),
        fmt.kronor(remaining),
    ]
    cells = "".join(
        f'<td role="cell"{cls} data-label="{label}">{html.escape(v)}</td>'
        for (label, cls), v in zip(COLUMNS[1:-1], values, strict=True)
    )
    return (
        f'<tr role="row"><th scope="row" role="rowheader">{html.escape(name)}</th>{cells}'
        f'<td role="cell" class="links" data-label="Filer"><span class="file-links">{links}</span></td></tr>'
    )


def _table(rows: list[str]) -> str:
    """The index table, its caption above its (focusable, named) scroll region. The explicit roles
    keep it a table for screen readers where a phone's style sheet shows its rows as a list."""
    caption = "Publicerade rapporter och nyckeltal"
    head = "".join(f'<th scope="col" role="columnheader"{cls}>{label}</th>' for label, cls in COLUMNS)
    return (
        f'<div class="table-block"><p class="table-caption" aria-hidden="true">{caption}</p>'
        f'<div class="table-wrap" tabindex="0" role="region" aria-label="{caption}">'
        f'<table class="rapport-table index-table" role="table"><caption>{caption}</caption>'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>'
        f'<tbody role="rowgroup">{"".join(rows)}</tbody></table></div></div>'
    )


def index_page(output: Path, staged: tuple[str, Path] | None = None) -> str:
    """The text of ``output/index.html``; ``staged`` is (folder, indicators.json) of a report about
    to be published, shown as it will be once it is (so the gate can read the index beforehand)."""
    from .. import charts

    files = {path.parent.relative_to(output).as_posix(): path for path in output.glob("*/*/indicators.json")}
    if staged is not None:
        files[staged[0]] = staged[1]
    rows, compare, plans = [], [], []
    for folder, path in sorted(files.items(), key=lambda item: item[0].split("/")):
        ind = json.loads(path.read_text(encoding="utf-8"))
        if ind.get("kind") == "plan":  # a plan has no outcome to compare: listed on its own
            plans.append(_plan_item(folder, ind))
            continue
        rows.append(_row(folder, ind))
        compare.append(
            {
                "Rapport": f"{ind.get('name', ind['team'])}, {_period(ind, short=True)}",
                "I mål": ind["outcomes"]["in_goal_share"],
                "Genomströmningstid": ind["throughput"]["months"]["all"],
            }
        )
    chart = charts.comparison_chart(compare) if compare else None
    figure = (
        f'<figure class="chart"><div class="chart-svg" role="img" aria-label="{html.escape(chart.alt)}">{chart.svg}'
        f"</div><figcaption>{html.escape(chart.caption)}</figcaption></figure>"
        if chart
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Verksamhetsrapporter</title>\n<style>\n{page_template('report.css')}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>Verksamhetsrapporter</h1>\n{_table(rows)}\n{figure}\n"
        '<p class="table-note">I mål: andel av avsluten efter prövotiden enligt varje teams egen regel; '
        "teamens regler kan skilja sig åt, se respektive rapport.</p>\n"
        + (f'<h2>Insatsplaner</h2>\n<ul class="plans">{"".join(plans)}</ul>\n' if plans else "")
        + "</main>\n</body>\n</html>\n"
    )


def _plan_item(folder: str, ind: dict) -> str:
    """One plan in the index's list: its name and period, and links named for a screen reader."""
    name, period = ind.get("name", ind["team"]), _period(ind)
    which = f'<span class="visually-hidden">: insatsplan {html.escape(name)}</span>'
    links = " ".join(
        f'<a href="{folder}/{file}">{text}{which}</a>'
        for file, text in (("report.html", "Webbsida"), ("report.pdf", "PDF"), ("indicators.json", "Data (JSON)"))
    )
    return f"<li>{html.escape(name)}, {html.escape(period)}: {links}</li>"
