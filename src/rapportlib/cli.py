"""The ``rapport`` command line (data contract §4).

- ``rapport indicators PARAMS``: print the indicators JSON.
- ``rapport validate PARAMS``: check every input file; exit 0 when valid.
- ``rapport render PARAMS…`` / ``rapport render --all``: render reports to ``output/``.
- ``rapport init``, ``new``, ``templates``, ``demo``: make a workspace, a report, a template copy.
- ``rapport preview PARAMS``: serve a report's HTML, re-rendered as its files change.
- ``rapport scan FILES``: look for identity numbers (the workspace's pre-commit check).

What each command accepts, with its help texts, is in :mod:`rapportlib.cli_parser`.

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

import contextlib
import json
import os
import shlex
import sys
from pathlib import Path

from . import cli_args
from .cli_parser import parser
from .errors import InputError, Problem

EXIT_UNEXPECTED = 1
EXIT_INVALID = 2
EXIT_CHECK = 3  # a final render stopped by a failed consistency check
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_PIPE = 141  # 128 + SIGPIPE


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
    prepared = prepare(args.params, Layout.default(project_root(Path(args.params).resolve().parent)).templates)
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
            "inbyggda motorn (pandoc och Typst) behöver inte Quarto. Se docs/quarto.md."
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
        layout = Layout(layout.templates, args.output.resolve(), layout.build)
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

                # No monitor thread: a process running a thread cannot fork its warm workers.
                tqdm.monitor_interval = 0
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
    from .workspace import demo

    for path in demo(args.out, args.teams):
        print(path)
    print(f"Klart: rendera med `cd {shlex.quote(str(args.out))} && rapport render --all`.")
    return 0


def _init(args) -> int:
    from .workspace import init

    for path in init(args.folder, federation=args.federation, example=not args.no_example):
        print(path)
    print(f"Klart: arbetsytan finns i {args.folder}. Läs {args.folder / 'README.md'}.")
    return 0


def _templates(args) -> int:
    from .layout import Layout
    from .workspace import copy_template, describe_templates

    layout = Layout.default()
    if args.copy:
        print(copy_template(layout.templates, args.copy))
        return 0
    for line in describe_templates(layout.templates):
        print(line)
    return 0


def _preview(args) -> int:
    from .render.preview import preview

    cli_args.check_params(args.params)
    return preview(Path(args.params), port=args.port, open_browser=not args.no_browser)


def _scan(args) -> int:
    from .idscan import scan

    return scan(args.files)


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


_HANDLERS = {
    "indicators": _indicators,
    "validate": _validate,
    "render": _render,
    "new": _new,
    "demo": _demo,
    "init": _init,
    "templates": _templates,
    "preview": _preview,
    "scan": _scan,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser().parse_args(argv)
    handler = _HANDLERS[args.command]
    from .errors import ConsistencyError

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


def run() -> None:
    """The ``rapport`` program: :func:`main`, then the end of the process as at any exit (the exit
    handlers run: a batch's service ended and waited for, logs closed, output flushed) but without
    the interpreter's teardown, which frees every object of pandas, Altair and the rest one by one
    (about 0.3 s after a render, for nothing: the process ends). Where a thread other than daemons
    still runs (an interrupted preview's pool), the interpreter's own exit ends it as always."""
    import atexit
    import threading

    status = main()
    if any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        raise SystemExit(status)  # a thread still runs: the interpreter's own exit, which ends it first
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a reader that closed the pipe: already reported
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
