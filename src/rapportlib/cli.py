"""The ``rapport`` command line (data contract §4).

- ``rapport indicators PARAMS``: print the indicators JSON.
- ``rapport validate PARAMS``: check every input file; exit 0 when valid.
- ``rapport render PARAMS…`` / ``rapport render --all``: render reports to ``output/``.

Exit statuses, and what the user sees (never a traceback):

- 2: invalid input or arguments; the problems are listed on standard error;
- 3: a final render (``--final``) stopped by a failed consistency check;
- 1: anything unexpected: one line on standard error naming a private log that holds the
  traceback (:mod:`rapportlib.errorlog`: ``build/logs/rapport-YYYYMMDD-HHMMSS-PID.log``, or the
  user's cache folder outside a project); also a render that waited too long for another render
  of the same report (``--lock-timeout``);
- 130: interrupted (Ctrl-C), with one line;
- 141: standard output closed by its reader (``rapport indicators … | head -1``), quietly, as a
  command killed by SIGPIPE would report it to the shell: a script with ``set -o pipefail`` sees
  what it sees for ``cat`` or ``grep`` in the same place.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import sys
from pathlib import Path

from . import __version__, cli_args
from .errors import InputError, Problem

EXIT_UNEXPECTED = 1
EXIT_INVALID = 2
EXIT_CHECK = 3  # a final render stopped by a failed consistency check
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_PIPE = 141  # 128 + SIGPIPE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rapport", description="Årsrapporter för samverkansteam.")
    parser.add_argument("--version", action="version", version=f"rapport {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("indicators", help="skriv indikatorerna som JSON")
    p.add_argument("params")
    p = sub.add_parser("validate", help="kontrollera indata och texter")
    p.add_argument("params")
    p.add_argument("--final", action="store_true", help="kräv även alla texter som mallen behöver")
    p = sub.add_parser("new", help="ny params-fil och tomma textfiler för ett team och en period")
    p.add_argument("team", help="teamets kortnamn, t.ex. avesta")
    p.add_argument("period", help="ett år (2023) eller START:SLUT (2022-07-01:2023-06-30)")
    p.add_argument("--template", default="sodra-dalarna", help="rapportmall (en notebook i notebooks/)")
    p.add_argument("--name", help="teamets namn i rapporten")
    p.add_argument("--federation", help="samordningsförbundets namn")
    p = sub.add_parser("demo", help="skapa ett syntetiskt förbund med N team (för prestandamätning)")
    p.add_argument("--teams", type=cli_args.teams, default=20, help="antal team (standard 20)")
    p.add_argument("--out", type=Path, default=Path("demo"), help="mapp att skriva till (standard demo/)")
    p = sub.add_parser("render", help="rendera rapporter (HTML, PDF, indicators.json)")
    p.add_argument("params", nargs="*")
    p.add_argument("--all", action="store_true", help="alla params-filer under params/")
    p.add_argument("--output", type=Path, help="publiceringsmapp (standard: output/)")
    p.add_argument("--final", action="store_true", help="slutlig version: avbryt om en kontroll inte stämmer")
    p.add_argument("--jobs", type=cli_args.count, help="antal rapporter parallellt (standard: antal kärnor)")
    p.add_argument("--force", action="store_true", help="rendera även rapporter vars indata inte ändrats")
    p.add_argument("--params-dir", type=Path, help="mapp med params-filer för --all (standard: params/)")
    p.add_argument("--engine", choices=("builtin", "quarto"), default="builtin", help="renderare (standard: builtin)")
    p.add_argument("--executor", choices=("local", "dask"), default="local", help="var rapporterna körs")
    p.add_argument(
        "--scheduler", help="adress till en Dask-schemaläggare, t.ex. tcp://10.0.0.5:8786 (med --executor dask)"
    )
    p.add_argument(
        "--lock-timeout",
        type=cli_args.seconds,
        default=None,
        metavar="SEKUNDER",
        help="hur länge en rendering väntar på en annan rendering av samma rapport (standard 1800)",
    )
    return parser


def _indicators(args) -> int:
    from .prepare import prepare

    cli_args.check_params(args.params)
    prepared = prepare(args.params)
    json.dump(prepared.indicators, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return 0


def _validate(args) -> int:
    from .layout import Layout, project_root
    from .prepare import prepare

    cli_args.check_params(args.params)
    notebooks = Layout.default(project_root(Path(args.params).resolve().parent)).notebooks
    if not notebooks.is_dir():  # a params file outside a project: the working folder's templates
        notebooks = Layout.default().notebooks
    prepared = prepare(args.params, notebooks)
    for warning in prepared.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    if args.final:
        prepared.require_final()
    else:
        for problem in prepared.refusals:
            print(f"Varning (stoppar en slutlig rapport): {problem}", file=sys.stderr)
        for check in prepared.failed:
            print(f"Varning (stoppar en slutlig rapport): kontroll {check.name}: {check.detail}", file=sys.stderr)
    print(f"OK: {args.params}: {prepared.enrolments} inskrivningar, {prepared.participants} deltagare.")
    return 0


def _engine_problem(args) -> str | None:
    import shutil

    if args.engine == "quarto" and shutil.which("quarto") is None:
        return (
            "rapport render --engine quarto: Quarto finns inte på PATH.\n"
            "Installera Quarto 1.4 eller senare (https://quarto.org/docs/get-started/ eller "
            "`conda install -c conda-forge quarto`) och kör igen, eller rendera utan --engine: den "
            "inbyggda motorn (nbconvert och Typst) behöver inte Quarto. Se docs/quarto.md."
        )
    if args.executor == "dask" and not args.scheduler:
        return "rapport render --executor dask: ange --scheduler ADRESS (en Dask distributed-schemaläggare)"
    return None


def _targets(args) -> list[Path]:
    """The params files to render; a missing, odd or unreadable one is refused before any render."""
    from .layout import all_params, params_files

    if args.all and args.params:
        raise InputError([Problem("rapport render", None, None, None, "params-filer eller --all, inte båda")])
    if not args.all:
        for text in args.params:
            cli_args.check_params(text)
        return [Path(p) for p in args.params]
    if args.params_dir is not None and not args.params_dir.is_dir():
        raise InputError([Problem(str(args.params_dir), None, None, None, "--params-dir: en mapp med params-filer")])
    return params_files(args.params_dir) if args.params_dir else all_params()


def _render(args) -> int:
    from .layout import Layout, project_root
    from .render import render_all
    from .render.lock import DEFAULT_TIMEOUT

    problem = _engine_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_INVALID
    targets = _targets(args)
    if not targets:
        print("rapport render: ange params-filer eller --all", file=sys.stderr)
        return EXIT_INVALID
    layout = Layout.default()
    if args.output:
        cli_args.check_output(args.output, project_root(), targets)
        layout = Layout(layout.notebooks, args.output.resolve(), layout.build)
    with _Progress(sys.stderr) as progress:
        summary = render_all(
            targets,
            layout,
            jobs=cli_args.jobs(args.jobs),
            force=args.force,
            final=args.final,
            progress=progress,
            engine=args.engine,
            executor=args.executor,
            scheduler=args.scheduler,
            lock_timeout=DEFAULT_TIMEOUT if args.lock_timeout is None else args.lock_timeout,
        )
    for outcome in sorted(summary["failed"], key=lambda o: o.params):
        print(f"{_shown(outcome.params)}: misslyckades\n{outcome.message}", file=sys.stderr)
    seconds = f"{summary['seconds']:.1f}".replace(".", ",")
    print(
        f"Klart: {len(summary['rendered'])} renderade, {len(summary['unchanged'])} oförändrade, "
        f"{len(summary['failed'])} misslyckade, {seconds} s."
    )
    return max((o.code for o in summary["failed"]), default=0)


_STATUS = {"rendered": "renderad", "failed": "misslyckades", "unchanged": "aktuell (renderad av en annan process)"}


def _shown(path: str) -> str:
    """A params path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


class _Progress:
    """Reports each finished report in a line; on a terminal a progress bar stays below the lines."""

    def __init__(self, stream):
        self.stream = stream
        self.bar = None
        self.tty = stream.isatty()

    def __enter__(self):
        return self

    def __call__(self, outcome, done: int, total: int) -> None:
        if outcome is None:  # the batch starts
            if self.tty:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit="rapport", desc="Renderar", leave=False, file=self.stream)
            return
        seconds = f"{outcome.seconds:.1f}".replace(".", ",")
        line = f"[{done:>{len(str(total))}}/{total}] {_shown(outcome.params)}: {_STATUS[outcome.status]} ({seconds} s)"
        if self.bar is None:
            print(line, file=self.stream, flush=True)
        else:  # the line above the bar, the bar stays at the bottom
            self.bar.write(line, file=self.stream)
            self.bar.update(1)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()



def _demo(args) -> int:
    from .demo import write_federation

    for path in write_federation(args.out, args.teams):
        print(path)
    return 0


def _new(args) -> int:
    from .layout import project_root
    from .scaffold import new_report

    root = project_root()
    for path in new_report(root, args.team, args.period, args.template, args.name, args.federation):
        print(path.relative_to(root))
    return 0


def _say(line: str) -> None:
    """A line on standard error, which may itself be a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def _closed_pipe() -> int:
    """The reader of standard output went away (``rapport indicators … | head -1``): stop quietly.
    As the Python documentation advises, standard output is pointed at /dev/null so that the
    interpreter's last flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PIPE


def _params_args(args) -> list[str]:
    value = getattr(args, "params", None)
    return [value] if isinstance(value, str) else list(value or [])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser().parse_args(argv)
    handler = {"indicators": _indicators, "validate": _validate, "render": _render, "new": _new, "demo": _demo}[
        args.command
    ]
    from .checks import ConsistencyError

    try:
        status = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's flush at exit
        return status
    except InputError as exc:
        _say(str(exc))
        return EXIT_INVALID
    except ConsistencyError as exc:
        _say(str(exc))
        return EXIT_CHECK
    except BrokenPipeError:
        return _closed_pipe()
    except KeyboardInterrupt:
        _say("rapport: avbrutet (Ctrl-C); ingen rapport blir halvt publicerad.")
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the user sees one line, the traceback goes to a private log
        from .errorlog import project_build, unexpected

        parents = [Path(p).parent for p in _params_args(args)]
        command = "kommando: " + shlex.join(["rapport", *map(str, argv)])
        _say("rapport: " + unexpected(exc, project_build(None, *parents), command))
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    raise SystemExit(main())
