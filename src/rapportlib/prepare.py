"""Prepare one report: the single step from a params file to what may be published.

``prepare`` reads the params file, loads and validates every input, computes the indicators, runs
the consistency checks, applies small-count protection and audits it (a hidden small count that
the published figures narrow down raises :class:`~rapportlib.checks.ConsistencyError`, exit
status 3, in drafts too) and reads the team's narrative, once. It returns one immutable
:class:`Prepared` value; ``rapport validate``, ``rapport indicators``, ``rapport render`` and the
notebook kernel all start from it, and nothing downstream reads an input file or applies a rule
again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks import Check, ConsistencyError
from .errors import InputError, Problem
from .lookup import Templates
from .params import Params, load_params
from .sensitive import Sensitive, collect


@dataclass(frozen=True)
class Prepared:
    """One report's inputs, validated and computed; everything downstream is a function of this."""

    params: Params
    indicators: dict  # as published: after small-count protection
    warnings: tuple[str, ...] = ()  # input problems that do not stop a report
    failed: tuple[Check, ...] = ()  # consistency checks that do not hold
    refusals: tuple[Problem, ...] = ()  # what a final report refuses besides failed checks
    input_hash: str = ""  # sha256 of the params file, its data files and its narrative files
    narrative: dict = field(default_factory=dict)  # section name → {part title → Part}
    enrolments: int = 0
    participants: int = 0
    # What the publish gate looks for in the outputs (participant ids, birth year + date pairs,
    # free text); it stays in the rendering process and is never written for the kernel.
    sensitive: Sensitive = field(default_factory=Sensitive, repr=False, compare=False)

    def require_final(self) -> None:
        """Raise what a final report refuses: :class:`InputError` for texts (missing, numbers typed
        by hand, hidden figures), else :class:`ConsistencyError` for failed checks."""
        if self.refusals:
            raise InputError(list(self.refusals))
        if self.failed:
            raise ConsistencyError(list(self.failed))

    def save(self, path: Path) -> Path:
        """Write this value for the notebook kernel (a private file under ``build/``), without
        :attr:`sensitive`: the kernel needs none of it."""
        path.write_bytes(pickle.dumps(replace(self, sensitive=Sensitive()), protocol=pickle.HIGHEST_PROTOCOL))
        path.chmod(0o600)
        return path

    @staticmethod
    def read(path: str | Path) -> Prepared:
        """Read a value written by :meth:`save` (only ever a file rapport itself wrote)."""
        value = pickle.loads(Path(path).read_bytes())  # noqa: S301 - rapport's own private build file
        if not isinstance(value, Prepared):
            raise TypeError(f"{path}: not a prepared report")
        return value


def input_hash(params: Params, narrative_files: list[Path]) -> str:
    """A content hash of the params file, its data files and its narrative files."""
    digest = hashlib.sha256()
    for path in [params.path, *sorted(params.data.values()), *sorted(narrative_files)]:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _require_enrolments(params: Params, register, served: int) -> None:
    """A period in which nobody was enrolled cannot make a report (an empty register is refused by
    the loader)."""
    file = str(params.data["participants"])
    if served == 0:
        first = register["inskrivningsdatum"].min()
        last = register["avslutsdatum"].max() if register["avslutsdatum"].notna().all() else None
        span = f"{first:%Y-%m-%d} – " + ("" if last is None else f"{last:%Y-%m-%d}")
        raise InputError(
            [
                Problem(
                    str(params.path),
                    None,
                    "period",
                    f"{params.start} – {params.end}",
                    f"en period då någon var inskriven (registret {Path(file).name} täcker {span.strip()})",
                )
            ]
        )


def prepare(
    params_path: str | Path, notebooks: Templates | Path | None = None, today: dt.date | None = None
) -> Prepared:
    """Prepare one report. ``notebooks`` are the templates (or one folder of them, searched before
    rapportlib's own): the params file's template must be one of them, and it says which texts the
    report needs (without templates, missing texts are not looked for). Raises :class:`InputError`
    listing every problem in the inputs."""
    from .pipeline import compute_indicators, load_inputs, published_indicators
    from .privacy import check as audit_disclosure
    from .render.provenance import provenance_data

    params = load_params(params_path)
    notebook, problems = None, []
    if notebooks is not None:
        from .notebooks import notebook_for

        try:
            notebook = notebook_for(notebooks, params.template, params.path)
        except InputError as exc:
            problems = exc.problems
    sections, files, unreadable = _read_narrative(params)
    problems += unreadable
    try:
        inputs = load_inputs(params, today=today)
    except InputError as exc:
        raise InputError(problems + exc.problems) from None
    if problems:
        raise InputError(problems)
    register = inputs["participants"]
    computed = compute_indicators(params, inputs)
    _require_enrolments(params, register, computed["flows"]["served"])
    published = published_indicators(params, computed)
    audit_disclosure(published, computed)  # a small count that can be narrowed down stops every render
    if params.kind == "plan":  # the register's figures become the plan's comparison with its predecessor
        from .plan import plan_indicators

        published = plan_indicators(params, inputs, published)
    checks = _run_checks(published, computed, params, inputs, notebook)
    published["checks"] = [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in checks]
    published["input_warnings"] = len(inputs.get("warnings", []))  # a count: details via `rapport validate`
    published["provenance"] = provenance_data(params)  # version, commit, file hashes: for indicators.json only
    refusals = _narrative_problems(published, notebook, params)
    return Prepared(
        params=params,
        indicators=published,
        warnings=tuple(str(w) for w in inputs.get("warnings", []))
        + outside_project(params, files)
        + _rounding(published, notebook, params),
        failed=tuple(c for c in checks if not c.ok),
        refusals=tuple(refusals),
        input_hash=input_hash(params, files),
        narrative=sections,
        enrolments=len(register),
        participants=int(register["deltagar_id"].nunique()),
        sensitive=collect(register, inputs.get("followups")),
    )


def _run_checks(published: dict, computed: dict, params: Params, inputs: dict, notebook: Path | None) -> list[Check]:
    """The consistency checks: identities on the computed figures, the register counted again day
    by day, and every table the template publishes summed again from its cells."""
    from .checks import run_checks
    from .hidden import mark
    from .notebooks import table_calls
    from .report_goals import area_tables
    from .tables import TABLES

    calls = (table_calls(notebook) if notebook is not None else []) + area_tables(published)
    marked = mark(published)  # once, for every table that reads hidden figures as such
    tables = [
        (name, TABLES[name](marked if getattr(TABLES[name], "marks_hidden", False) else published, *args))
        for name, args in calls
        if name in TABLES and name != "checks"
    ]
    if params.kind != "plan":
        return run_checks(computed, register=inputs["participants"], start=params.start, end=params.end, tables=tables)
    from .plan import plan_checks, predecessor_period

    start, end = predecessor_period(params)
    return run_checks(computed, register=inputs["participants"], start=start, end=end, tables=tables) + plan_checks(
        published
    )


def _read_narrative(params: Params) -> tuple[dict, list[Path], list[Problem]]:
    """The team's section files, read once: section name → {part title → Part}, the files, and
    the problems of those that may not be read or published (:func:`~rapportlib.narrative.section_text`:
    not a file, too large, not UTF-8, an identity number in the name or the text)."""
    from .narrative import narrative_dir, read_section

    folder = narrative_dir(params.path, params.narrative)
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    sections, problems = {}, []
    for path in paths:
        try:
            parts = read_section(folder, path.stem)
        except InputError as exc:
            problems += exc.problems
            continue
        if parts is not None:  # None: a link to nothing
            sections[path.stem] = parts
    return sections, [p for p in paths if p.stem in sections], problems


def outside_project(params: Params, narrative_files: list[Path]) -> tuple[str, ...]:
    """Warnings, with the full path, for each data or narrative file that resolves outside the
    workspace of the params file (the nearest folder upwards holding ``params/``, else the params
    file's own folder): a path that climbs out with ``..``, an absolute path, a
    link."""
    from .identity import redact
    from .layout import project_root

    root = project_root(params.path.parent)
    paths = [*params.data.values(), *narrative_files]
    return tuple(
        redact(f"{path.resolve()}: en fil utanför projektets mapp {root} (kontrollera att det är rätt fil)")
        for path in paths
        if not path.resolve().is_relative_to(root)
    )


def _rounding(indicators: dict, notebook: Path | None, params: Params) -> tuple[str, ...]:
    """Placeholders that round a figure otherwise than the tables (warnings, never refusals)."""
    from .narrative import narrative_dir
    from .narrative_checks import rounding_warnings
    from .notebooks import sections

    folder = narrative_dir(params.path, params.narrative)
    wanted = sections(notebook) if notebook is not None else []
    return tuple(str(p) for p in rounding_warnings(folder, wanted, indicators))


def _narrative_problems(indicators: dict, notebook: Path | None, params: Params) -> list[Problem]:
    """Unknown placeholders raise at once (in drafts too); the rest is what a final report refuses."""
    from .narrative import narrative_dir
    from .narrative_checks import final_problems, unknown_placeholders
    from .notebooks import sections

    folder = narrative_dir(params.path, params.narrative)

    unknown = unknown_placeholders(folder, indicators)
    if unknown:
        raise InputError(unknown)
    return final_problems(folder, sections(notebook) if notebook is not None else [], indicators)
