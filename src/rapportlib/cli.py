"""The ``rapport`` command line (data contract §4).

- ``rapport indicators PARAMS``: print the indicators JSON.
- ``rapport validate PARAMS``: check every input file; exit 0 when valid.
- ``rapport render PARAMS…`` / ``rapport render --all``: render reports to ``output/``.

Invalid input exits with status 2 and lists the problems on standard error, never a traceback;
a final render (``--final``) stopped by a failed consistency check exits with status 3.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .checks import ConsistencyError
from .errors import InputError

EXIT_INVALID = 2
EXIT_CHECK = 3  # a final render stopped by a failed consistency check


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
    p = sub.add_parser("render", help="rendera rapporter (HTML, PDF, indicators.json)")
    p.add_argument("params", nargs="*")
    p.add_argument("--all", action="store_true", help="alla params-filer under params/")
    p.add_argument("--output", type=Path, help="publiceringsmapp (standard: output/)")
    p.add_argument("--final", action="store_true", help="slutlig version: avbryt om en kontroll inte stämmer")
    return parser


def _indicators(args) -> int:
    from .pipeline import indicators_for, published_indicators

    params, result = indicators_for(args.params)
    result = published_indicators(params, result)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return 0


def _validate(args) -> int:
    from .params import load_params
    from .pipeline import indicators_for, load_inputs
    from .render import Layout
    from .templates import check_narrative, notebook_for

    params = load_params(args.params)
    inputs = load_inputs(params)
    _, indicators = indicators_for(args.params)
    notebooks = Layout.default().notebooks
    check_narrative(params, indicators, notebook_for(notebooks, params.template, params.path), final=args.final)
    for warning in inputs.get("warnings", []):
        print(f"Varning: {warning}", file=sys.stderr)
    reg = inputs["participants"]
    print(f"OK: {args.params}: {len(reg)} inskrivningar, {reg['deltagar_id'].nunique()} deltagare.")
    return 0


def _render(args) -> int:
    from .render import Layout, all_params, render

    layout = Layout.default()
    if args.output:
        layout = Layout(layout.notebooks, args.output.resolve(), layout.build)
    targets = all_params() if args.all else [Path(p) for p in args.params]
    if not targets:
        print("rapport render: ange params-filer eller --all", file=sys.stderr)
        return EXIT_INVALID
    failures = []
    for target in targets:
        try:
            folder = render(target, layout, final=args.final)
            print(f"{target}: {folder}")
        except InputError as exc:
            failures.append((target, EXIT_INVALID, str(exc)))
        except ConsistencyError as exc:
            failures.append((target, EXIT_CHECK, str(exc)))
        except Exception as exc:  # a failing report must not stop the others
            first = str(exc).strip().splitlines()
            failures.append((target, 1, f"{type(exc).__name__}: {first[-1] if first else ''}"))
    for target, _, message in failures:
        print(f"{target}: misslyckades\n{message}", file=sys.stderr)
    if failures:
        return max(code for _, code, _ in failures)
    return 0


def _new(args) -> int:
    from .render import project_root
    from .scaffold import new_report

    root = project_root()
    for path in new_report(root, args.team, args.period, args.template, args.name, args.federation):
        print(path.relative_to(root))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"indicators": _indicators, "validate": _validate, "render": _render, "new": _new}[args.command]
    try:
        return handler(args)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    raise SystemExit(main())
