"""The site index, ``output/index.html``: every published report with key figures and links, a
cross-team comparison table and chart. Aggregates only: the figures of each report's
indicators.json."""

from __future__ import annotations

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


def index_page(output: Path, staged: tuple[str, Path] | None = None) -> str:
    """The text of ``output/index.html``; ``staged`` is (folder, indicators.json) of a report about
    to be published, shown as it will be once it is (so the gate can read the index beforehand)."""
    from .. import charts

    files = {path.parent.relative_to(output).as_posix(): path for path in output.glob("*/*/indicators.json")}
    if staged is not None:
        files[staged[0]] = staged[1]
    rows, compare = [], []
    for folder, path in sorted(files.items(), key=lambda item: item[0].split("/")):
        ind = json.loads(path.read_text(encoding="utf-8"))
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
        f"<title>Verksamhetsrapporter</title>\n<style>\n{page_template('report.css')}</style>\n</head>\n<body>\n<main>\n"
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
    return page
