"""``rapport new TEAM PERIOD``: a params file and empty narrative files, from a template."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .errors import IDENTITY_EXPECTED, InputError, Problem
from .identity import contains
from .layout import Layout, params_dir
from .notebooks import available, sections

PARAMS = """\
# {title}, {start} – {end}. Made by `rapport new`; fill in the names and data paths.
team: {team}
name: {name}
federation: {federation}
template: {template}
period: {{start: {start}, end: {end}}}
data:
  participants: ../../data/{team}/deltagare.csv      # the register (CSV or XLSX), relative to this file
  # budget: ../../data/{team}/ekonomi.csv
  # survey: ../../data/{team}/enkat.csv
  # followups: ../../data/{team}/uppfoljning.csv
rules:
  trial_months: 2
  in_goal: [arbete, studier, fortsatt_rehabilitering]
  throughput_population: all_exits
"""

GUIDE = (
    "<!-- Skriv teamets text här. Siffror hämtas ur data med platshållare, t.ex. {{ flows.new }} "
    "eller {{ outcomes.in_goal_share }}; se docs/analyst.md. Kommentarer som denna syns inte i rapporten. -->"
)


def parse_period(text: str) -> tuple[dt.date, dt.date, str]:
    """``2023`` (a calendar year) or ``2022-07-01:2023-06-30``; returns start, end and a file stem."""
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return dt.date(year, 1, 1), dt.date(year, 12, 31), text
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[:/_](\d{4}-\d{2}-\d{2})", text)
    if not match:
        raise InputError(
            [Problem("PERIOD", None, None, text, "ett år (2023) eller START:SLUT (2022-07-01:2023-06-30)")]
        )
    start, end = dt.date.fromisoformat(match.group(1)), dt.date.fromisoformat(match.group(2))
    if end < start:
        raise InputError([Problem("PERIOD", None, None, text, "ett slutdatum efter startdatum")])
    return start, end, f"{start.year}-{str(end.year)[2:]}" if end.year == start.year + 1 else f"{start}_{end}"


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar: a quote, a colon or a line break stays part of the
    value and never becomes YAML (``--name $'X\\nprivacy: …'`` adds no key)."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1_000_000).rstrip("\n")


def _check_texts(texts: dict[str, str]) -> None:
    """Refuse an option's text holding an identity number (the value is never shown)."""
    problems = [
        Problem(option, None, None, None, IDENTITY_EXPECTED) for option, text in texts.items() if contains(text)
    ]
    if problems:
        raise InputError(problems)


def new_report(
    root: Path, team: str, period: str, template: str, name: str | None = None, federation: str | None = None
) -> list[Path]:
    """Write ``params/<team>/<stem>.yml`` and one Markdown file per narrative section; never overwrite."""
    if not re.fullmatch(r"[a-z0-9-]+", team):
        raise InputError([Problem("TEAM", None, None, team, "en slug av a-z, 0-9 och -")])
    templates = Layout.default(root).templates
    if template not in available(templates):
        raise InputError([Problem("--template", None, None, template, f"en av {', '.join(available(templates))}")])
    start, end, stem = parse_period(period)
    params = params_dir(root) / team / f"{stem}.yml"
    folder = params.with_suffix("")
    wanted: dict[str, list[str]] = {}
    for section, part in sections(templates.find(template)):
        wanted.setdefault(section, []).append(part)
    targets = [params] + [folder / f"{s}.md" for s in wanted]
    existing = [p for p in targets if p.exists()]
    if existing:
        raise InputError(
            [
                Problem(str(p.relative_to(root)), None, None, None, "en fil som inte redan finns (skrivs inte över)")
                for p in existing
            ]
        )
    name = name or f"Samverkansteam {team.capitalize()}"
    federation = federation or "Samordningsförbundet"
    _check_texts({"--name": name, "--federation": federation})
    folder.mkdir(parents=True, exist_ok=True)
    params.write_text(
        PARAMS.format(
            title=" ".join(name.split()),  # in a comment: on one line
            team=team,
            name=quoted(name),
            federation=quoted(federation),
            template=template,
            start=start.isoformat(),
            end=end.isoformat(),
        ),
        encoding="utf-8",
    )
    for section, parts in wanted.items():
        body = [GUIDE, ""]
        for part in parts:
            if part:
                body += [f"## {part}", "", ""]
        (folder / f"{section}.md").write_text("\n".join(body), encoding="utf-8")
    return targets
