"""What a report notebook calls: load once, then display numbered tables, figures and text.

Every displayed block carries several MIME types, so each output format picks what suits it
(Quarto's rule): HTML takes ``text/html``; the PDF takes ``text/markdown`` or ``image/svg+xml``;
consoles take ``text/plain``.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from pathlib import Path

from . import charts, comparison, fmt, sentences, tables
from .errors import Problem
from .headings import Numbering, heading_html, number_html
from .hidden import mark
from .markup import md_literal, narrative
from .narrative import fill
from .notebook_css import notebook_style
from .prepare import Prepared, prepare
from .tables.legend import with_legend


@dataclass(frozen=True)
class Block:
    """A displayable piece of the report in several formats."""

    html: str
    markdown: str | None
    text: str
    svg: str | None = None  # a figure as the PDF draws it (its HTML drawing is in ``html``)
    meta: dict = field(default_factory=dict)

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/html": self.html, "text/plain": self.text}
        if self.markdown is not None:
            data["text/markdown"] = self.markdown
        if self.svg is not None:
            data["image/svg+xml"] = self.svg
        return data, ({"rapport": self.meta} if self.meta else {})


#: What a section without data shows: nothing at all (a cell whose value is None has no output).
EMPTY = None

#: Which indicator a conditional section needs.
_NEEDS = {
    "survey": lambda ind: "survey" in ind,
    "followups": lambda ind: "followups" in ind,
    "goals": lambda ind: "goals" in ind,
    "budget": lambda ind: "budget" in ind or "economy_plan" in ind,
    "staff": lambda ind: "staff" in ind,
    "employment": lambda ind: ind["employment"]["exits"]["recorded"],
    "units": lambda ind: bool(ind["outcomes"]["by_unit"]),
    "plan": lambda ind: "economy_plan" in ind,
    "goal_areas": lambda ind: bool(ind.get("goal_areas")),
    "continued": lambda ind: "continued" in ind,
    "breakoffs": lambda ind: "breakoffs" in ind,
    "applications": lambda ind: "applications" in ind,
    "health": lambda ind: "health" in ind,
    "context": lambda ind: bool(ind.get("context")),
    "timeline": lambda ind: bool(ind.get("timeline")),
    "predecessor": lambda ind: "predecessor" in ind,
}


class Report:
    """One team's report for one period, drawn from its :class:`~rapportlib.prepare.Prepared` value,
    with numbering of tables and figures.

    In a draft (``final=False``) failed checks and what a final report would refuse are listed in
    the "Om rapporten" part; a final report has been refused before its notebook runs.

    Headings are numbered as the published page and the PDF number them (:mod:`rapportlib.headings`).
    ``interactive`` (a notebook run in JupyterLab, not by ``rapport render``) puts the page's
    class rules (:mod:`rapportlib.notebook_css`) in the title block, so the notebook is laid out
    as the page is; a rendered report never carries them.
    """

    def __init__(self, prepared: Prepared, final: bool = False, interactive: bool = False):
        self.prepared = prepared
        self.params = prepared.params
        self.indicators = prepared.indicators
        self.final = final
        self.interactive = interactive
        self._tables = 0
        self._figures = 0
        self._sections = Numbering()

    @functools.cached_property
    def marked(self) -> dict:
        """The indicators with hidden figures as :data:`~rapportlib.fmt.HIDDEN` (:func:`mark`), made
        once for every table that reads them so."""
        return mark(self.indicators)

    @classmethod
    def load(cls, params_path: str | Path, final: bool = False, prepared_path: str | None = None) -> Report:
        """The report of a params file. ``prepared_path`` (set by ``rapport render``) holds the report
        already prepared; without it (e.g. "Run all" in JupyterLab) it is prepared here, and a final
        report raises what :meth:`Prepared.require_final` raises, and the title block carries the
        page's style (see the class)."""
        if prepared_path:
            return cls(Prepared.read(prepared_path), final)
        from .layout import Layout, project_root

        templates = Layout.default(project_root(Path(params_path).resolve().parent)).templates
        prepared = prepare(params_path, templates)
        if final:
            prepared.require_final()
        return cls(prepared, final, interactive=True)

    # ------------------------------------------------------------- narrative

    def text(self, section: str, part: str = "") -> Block | None:
        """The team's text for one part of a section, figures filled in from the indicators.

        A missing file or part shows a visible "Text saknas" marker in a draft (a final report with
        a missing text is refused before it runs).
        """
        found = self.prepared.narrative.get(section, {}).get(part)
        if found is None or not found.text.strip():
            where = f"{section}.md" + (f", del ”{part}”" if part else "")
            message = f"Text saknas: {where}"
            return Block(
                f'<p class="text-missing" role="note">{html.escape(message)}</p>',
                f"**{md_literal(message)}**",
                message,
                meta={"missing_text": where},
            )
        body = fill(found, self.indicators)
        page, markdown = narrative(body)  # raw HTML as text, links by an allow-list, no images
        page, _ = number_html(page, self._sections)  # a heading in the text counts as on the page
        return Block(f'<div class="narrative">{page}</div>', markdown, body)

    def hand_typed(self) -> list[Problem]:
        """What a final report would refuse in the texts (numbers typed by hand, hidden figures),
        for review in a draft; missing texts show where they belong."""
        return [p for p in self.prepared.refusals if p.row is not None]

    def heading(self, text: str, level: int = 2, needs: str | None = None, numbered: bool = True) -> Block | None:
        """A section heading (``level`` 2–4), shown only when the data the section ``needs`` are
        present. A numbered heading gets the next section number, as the page and the PDF number it;
        an unnumbered one (``numbered=False``) gets none and does not advance the count.

        ``text/html`` shows the number (what JupyterLab and the HTML page show), ``text/markdown``
        is the heading as pandoc reads it, ``{.unnumbered}`` marking an unnumbered one (what the
        PDF and Quarto's Typst take), ``text/plain`` the text.
        """
        if level not in (2, 3, 4):
            raise ValueError(f"a heading's level is 2, 3 or 4, not {level!r}")
        if needs is not None and not _NEEDS[needs](self.indicators):
            return EMPTY
        number = self._sections.number(level) if numbered else ""
        anchor = self._sections.slug(text)
        markdown = f"{'#' * level} {md_literal(text)}" + ("" if numbered else " {.unnumbered}")
        return Block(heading_html(level, number, anchor, html.escape(text)), markdown, text)

    def goal_areas(self, level: int = 4) -> Block | None:
        """The goal areas (*målområden*) of the params file, each with its heading, goal, goals
        table and tables (:mod:`rapportlib.report_goals`); nothing when there are none."""
        from .report_goals import goal_area_blocks, joined

        return joined(goal_area_blocks(self, level))

    def data_quality(self) -> Block | None:
        """Data quality, in the "Om rapporten" part: in a draft, every consistency check with its
        figures (failures first)."""
        checks = self.indicators["checks"]
        bad = [c for c in checks if not c["ok"]]
        if self.final or not bad:
            text = f"Alla {len(checks)} kontroller av att siffrorna hänger ihop stämmer."
            block = Block(f'<p class="checks-ok">{html.escape(text)}</p>', text, text)
        else:
            block = self.table("checks")
        warnings = self.indicators.get("input_warnings", 0)
        if warnings:
            text = (
                f"Underlaget innehåller {fmt.count(warnings, 'uppgift', 'uppgifter')} som bör kontrolleras i "
                "registret, till exempel en ålder utanför 15–75 år vid inskrivningen."
            )
            block = Block(
                block.html + f'<p class="input-warnings">{html.escape(text)}</p>',
                f"{block.markdown}\n\n{text}",
                f"{block.text}\n{text}",
            )
        typed = [] if self.final else self.hand_typed()
        if not typed:
            return block
        listing = "; ".join(str(p) for p in typed)
        note = f"Att åtgärda i texterna före en slutlig rapport: {listing}."
        return Block(
            block.html + f'<p class="hand-typed">{html.escape(note)}</p>',
            f"{block.markdown}\n\n{md_literal(note)}",
            f"{block.text}\n{note}",
        )

    # ---------------------------------------------------------------- pieces

    def title_block(self) -> Block | None:
        """Title, team, förbund, period and the key figures. Its ``meta`` names the document: ``kind``
        (*Helårsrapport* for twelve months, else *Delårsrapport*), ``period`` in words and ``title``
        (kind, team and period), for the HTML title and the PDF's cover and title."""
        p, ind = self.params, self.indicators
        period = fmt.period(p.start, p.end)
        kind = "Insatsplan" if ind.get("kind") == "plan" else fmt.report_kind(p.start, p.end)
        title = f"{kind} {p.name}, {period}"
        key, compared = self.key_figures(), comparison.key_comparisons(self.marked)
        cards = "".join(
            f'<div class="kpi"><span class="kpi-value">{html.escape(v)}</span>'
            f'<span class="kpi-label">{html.escape(k)}</span>{comparison.card_html(compared.get(k))}</div>'
            for k, v in key
        )
        before = f", jämförs med {comparison.period_words(self.marked)}" if compared else ""
        style = notebook_style() if self.interactive else ""  # in JupyterLab only
        page = (
            f'{style}<header class="title-block"><p class="kicker">{html.escape(p.federation)}</p>'
            f"<h1>{html.escape(kind)} {html.escape(p.name)}</h1>"
            f'<p class="period">Period: {html.escape(period)}{html.escape(before)}</p>'
            f'<div class="kpis" aria-label="Nyckeltal">{cards}</div></header>'
        )
        caption = f"Nyckeltal{'; föregående period ' + comparison.period_words(self.marked) if compared else ''}"
        markdown = f"{comparison.key_table(key, compared)}\n\n: {md_literal(caption)} {{#tbl-kpi}}"
        return Block(
            page,
            markdown,
            title,
            meta={
                "role": "title",
                "kind": kind,
                "title": title,
                "team": p.name,
                "federation": p.federation,
                "period": period,
                "start": fmt.date(p.start),
                "end": fmt.date(p.end),
                "team_slug": ind["team"],
            },
        )

    def key_figures(self) -> list[tuple[str, str]]:
        """The few figures a reader looks for first, each with a label that is a whole phrase."""
        ind = self.indicators
        if ind.get("kind") == "plan":
            from .plan import key_figures

            return key_figures(ind)
        f, o = ind["flows"], ind["outcomes"]
        months = ind["throughput"]["months"]["all"]
        figures = [
            ("Deltagare under perioden", fmt.number(f["served"])),
            ("Nyinskrivna under perioden", fmt.number(f["new"])),
            ("Avslutade under perioden", fmt.number(f["exits"])),
            ("Andel i mål", fmt.percent(o["in_goal_share"])),
        ]
        if months is not None:  # hidden or without anyone to measure: not a key figure
            figures.append(("Genomströmningstid i genomsnitt", fmt.months(months)))
        if "budget" in ind:
            figures.append(("Kvar av budgeten", fmt.kronor(ind["budget"]["total"]["remaining"])))
        return figures

    def summary(self) -> Block | None:
        """A short summary in Swedish whose every figure comes from the indicators, worded by value
        (:func:`rapportlib.sentences.summary`)."""
        text = sentences.summary(self.marked)
        return Block(f'<p class="summary">{html.escape(text)}</p>', text, text)

    def about(self) -> Block | None:
        """*Om rapporten*: where the figures come from and how they are defined, rounded and protected."""
        if self.indicators.get("kind") == "plan":
            from .plan import about

            paragraphs = about(self.indicators)
        else:
            paragraphs = sentences.about(self.indicators, bool(self.hand_typed()))
        page = "".join(f'<p class="about">{html.escape(p)}</p>' for p in paragraphs)
        return Block(page, "\n\n".join(md_literal(p) for p in paragraphs), "\n".join(paragraphs))

    def table(self, name: str, *args) -> Block | None:
        """A numbered table by name, e.g. ``rep.table("flow")`` or ``rep.table("referrer", "new")``;
        a table with nothing to read (every figure zero or hidden) is a sentence instead.

        ``name`` is a key of :data:`rapportlib.tables.TABLES` (a ``-`` reads as ``_``); any other
        name raises :class:`KeyError` listing the known names.
        """
        builder = tables.TABLES.get(name.replace("-", "_"))
        if builder is None:
            raise KeyError(f"no table named {name!r}; known tables: {', '.join(sorted(tables.TABLES))}")
        shown = self.__dict__.setdefault("_shown", set())  # (name, args) of the tables shown so far
        if (name.replace("-", "_"), args) in shown:  # shown already (e.g. in a goal area)
            return EMPTY
        shown.add((name.replace("-", "_"), args))
        tab = builder(self.marked if getattr(builder, "marks_hidden", False) else self.indicators, *args)
        if tab is None:
            return EMPTY
        if tab.is_empty():
            return self._nothing_to_read(tab)
        tab = with_legend(tab, (self.indicators.get("privacy") or {}).get("threshold", 5))
        self._tables += 1
        n = self._tables
        return Block(tab.to_html(n), tab.to_markdown(n), tab.to_text(n), meta={"table": tab.key, "number": n})

    def _nothing_to_read(self, tab: tables.Table) -> Block:
        """The sentence that stands for a table whose every figure is zero or hidden."""
        hidden = any(cell.strip() == fmt.DASH for row in tab.rows for cell in row)
        why = (
            "grupperna är så små att uppgifterna är dolda av hänsyn till den enskilde"
            if hidden
            else "alla uppgifter är noll"
        )
        text = f"{tab.caption}: ingen tabell visas, eftersom {why}."
        return Block(
            f'<p class="table-empty">{html.escape(text)}</p>', md_literal(text), text, meta={"table": tab.key}
        )

    # ---------------------------------------------------------------- layout

    def side_by_side(self, *blocks: Block | None) -> Block | None:
        """Small related tables beside each other where the page has room (in the PDF a grid that
        stacks them when they do not fit; in HTML a row that wraps on a narrow screen)."""
        shown = [b for b in blocks if b is not None]
        if len(shown) < 2:
            return shown[0] if shown else EMPTY
        md = "\n\n".join(b.markdown or "" for b in shown)
        return Block(
            '<div class="side-by-side">' + "".join(b.html for b in shown) + "</div>",
            f"::: {{#side-by-side}}\n{md}\n:::",
            "\n\n".join(b.text for b in shown),
            meta={"side_by_side": [b.meta for b in shown]},
        )

    def new_page(self) -> Block:
        """Where a main part of the report starts a new page (in the PDF, and when the HTML is
        printed); other parts follow on the same page."""
        return Block('<div class="new-page"></div>', "::: {#new-page}\n:::", "")

    def figure(self, name: str, *args) -> Block | None:
        """A numbered chart by name, e.g. ``rep.figure("throughput_history")``.

        ``name`` is a key of :data:`rapportlib.charts.FIGURES` (a ``-`` reads as ``_``); any other
        name raises :class:`KeyError` listing the known names.
        """
        builder = charts.FIGURES.get(name.replace("-", "_"))
        if builder is None:
            raise KeyError(f"no figure named {name!r}; known figures: {', '.join(sorted(charts.FIGURES))}")
        fig = builder(self.indicators, *args)
        if fig is None:
            return EMPTY
        self._figures += 1
        n = self._figures
        caption = f"Figur {n}: {fig.caption}"
        page = (
            f'<figure class="chart" id="fig-{fig.key}"><div class="chart-svg" role="img" '
            f'aria-label="{html.escape(fig.alt)}">{fig.svg}</div>'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>"
        )
        meta = {"figure": fig.key, "caption": caption, "alt": fig.alt}
        return Block(page, None, fig.alt, svg=fig.svg_print, meta=meta)
