"""What ``rapport`` and each of its commands accept, with the help texts a user reads (Swedish,
like the rest of the interface): a sentence per option and an example per command."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import __version__, cli_args

DESCRIPTION = """\
Verksamhetsrapporter för samverkansteam: ett deltagarregister, en budget, enkätsvar och teamets
egna texter blir en kontrollerad rapport per team och period, som HTML och PDF.

Kom igång i en egen mapp (en arbetsyta):
  rapport init min-arbetsyta
  cd min-arbetsyta
  rapport render --all

Skriv `rapport KOMMANDO --help` för hjälp om ett kommando.
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples as written (line breaks kept), options aligned, in Swedish."""

    def __init__(self, prog):
        super().__init__(prog, max_help_position=34)

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="användning: " if prefix is None else prefix)


#: argparse's own error messages, in Swedish (what follows the colon is kept).
_ERRORS = (
    (re.compile(r"the following arguments are required: "), "de här argumenten saknas: "),
    (re.compile(r"unrecognized arguments: "), "okända argument: "),
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)$"), r"ogiltigt val: \1 (välj bland \2)"),
    (re.compile(r"expected one argument"), "ett värde behövs"),
    (re.compile(r"^argument "), "argument "),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are in Swedish, with the usage line above them."""

    def error(self, message: str):
        for pattern, swedish in _ERRORS:
            message = pattern.sub(swedish, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _swedish(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """argparse's own words in Swedish: the titles of the argument lists and ``--help``."""
    p._positionals.title = "argument"
    p._optionals.title = "flaggor"
    p.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    return p


def _command(sub, name: str, summary: str, text: str, example: str) -> argparse.ArgumentParser:
    return _swedish(
        sub.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}.\n\n{text}",
            epilog=f"Exempel:\n{example}",
            formatter_class=_Formatter,
            add_help=False,
        )
    )


def _params(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "params", metavar="PARAMS", help="params-filen för ett team och en period, t.ex. params/avesta/2023.yml"
    )


def _reading(sub) -> None:
    p = _command(
        sub,
        "indicators",
        "skriv rapportens alla siffror som JSON",
        "Skriver indikatorerna (samma siffror som i rapporten, små tal skyddade) på standard ut.",
        "  rapport indicators params/avesta/2023.yml > indikatorer.json",
    )
    _params(p)
    p = _command(
        sub,
        "validate",
        "kontrollera indata och texter utan att rendera",
        "Läser alla filer som params-filen pekar på och listar varje fel med fil, rad, kolumn och\n"
        "värde. Avslutas med status 0 när allt går att använda, annars 2.",
        "  rapport validate params/avesta/2023.yml\n  rapport validate --final params/avesta/2023.yml",
    )
    _params(p)
    p.add_argument(
        "--final", action="store_true", help="kontrollera som inför en slutlig rapport: alla texter ska finnas"
    )


def _making(sub) -> None:
    p = _command(
        sub,
        "init",
        "skapa en arbetsyta för förbundets egna rapporter",
        "Skapar mappen med params/, data/ (hålls utanför git), templates/ för egna mallar, .gitignore,\n"
        "en README och ett exempelteam med syntetiska data som går att rendera direkt.",
        "  rapport init min-arbetsyta\n  rapport init . --federation \"Samordningsförbundet Mitt\"",
    )
    p.add_argument("folder", metavar="MAPP", type=Path, help="mappen att skapa (eller en tom mapp)")
    p.add_argument("--federation", help="samordningsförbundets namn, som det står i rapporterna")
    p.add_argument("--no-example", action="store_true", help="skapa arbetsytan utan exempelteam")
    p = _command(
        sub,
        "new",
        "ny params-fil och tomma textfiler för ett team och en period",
        "Skriver params/TEAM/PERIOD.yml och en textfil per avsnitt som mallen behöver. Befintliga\n"
        "filer skrivs aldrig över.",
        "  rapport new avesta 2024 --name \"Samverkansteam Avesta\"\n"
        "  rapport new sater 2024-07-01:2025-06-30 --template vasteras",
    )
    p.add_argument("team", metavar="TEAM", help="teamets kortnamn (a-z, 0-9 och -), t.ex. avesta")
    p.add_argument("period", metavar="PERIOD", help="ett år (2023) eller START:SLUT (2022-07-01:2023-06-30)")
    p.add_argument("--template", default="sodra-dalarna", help="rapportmallen (se `rapport templates`)")
    p.add_argument("--name", help="teamets namn som det står i rapporten")
    p.add_argument("--federation", help="samordningsförbundets namn")
    p = _command(
        sub,
        "templates",
        "lista rapportmallarna och var de finns",
        "Visar varje mall som en params-fil kan välja, och om den kommer från arbetsytans templates/\n"
        "eller följer med rapport. En mall i templates/ med samma namn som en inbyggd ersätter den.",
        "  rapport templates\n  rapport templates --copy vasteras",
    )
    p.add_argument(
        "--copy", metavar="MALL", help="kopiera en inbyggd mall till arbetsytans templates/ för att ändra den där"
    )
    p = _command(
        sub,
        "demo",
        "skapa en arbetsyta med ett syntetiskt förbund med N team",
        "Skriver en arbetsyta (som `rapport init`) med N påhittade team, deras register, params-filer\n"
        "och texter. Bra för att prova rapport och för att mäta hur snabbt den renderar.",
        "  rapport demo --teams 20 --out demo\n  cd demo && rapport render --all",
    )
    p.add_argument("--teams", type=cli_args.teams, default=20, help="antal team (standard 20)")
    p.add_argument("--out", type=Path, default=Path("demo"), help="mappen att skriva till (standard demo/)")


def _rendering(sub) -> None:
    p = _command(
        sub,
        "render",
        "rendera rapporter till HTML, PDF och indicators.json",
        "Renderar varje params-fil till output/TEAM/PERIOD/ och en översiktssida output/index.html.\n"
        "Rapporter vars indata inte ändrats sedan förra gången hoppas över.",
        "  rapport render --all\n  rapport render --final params/avesta/2023.yml\n"
        "  rapport render --all --output publicerat --jobs 2",
    )
    p.add_argument("params", nargs="*", metavar="PARAMS", help="params-filer att rendera")
    p.add_argument("--all", action="store_true", help="rendera alla params-filer under params/")
    p.add_argument("--output", type=Path, help="mappen att publicera i (standard output/)")
    p.add_argument(
        "--final", action="store_true", help="slutlig version: avbryt om en text saknas eller en kontroll inte stämmer"
    )
    p.add_argument(
        "--jobs", type=cli_args.count, help="hur många rapporter som renderas samtidigt (standard: antal kärnor)"
    )
    p.add_argument("--force", action="store_true", help="rendera även rapporter vars indata inte ändrats")
    p.add_argument("--params-dir", type=Path, help="mappen med params-filer för --all (standard params/)")
    p.add_argument(
        "--engine",
        choices=("builtin", "quarto"),
        default="builtin",
        help="vem som gör HTML och PDF: den inbyggda motorn (standard) eller Quarto, om Quarto finns",
    )
    p.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="var rapporterna körs: på den här datorn (standard) eller i ett Dask-kluster",
    )
    p.add_argument("--scheduler", help="adressen till Dask-klustrets schemaläggare, t.ex. tcp://10.0.0.5:8786")
    p.add_argument(
        "--lock-timeout",
        type=cli_args.seconds,
        default=None,
        metavar="SEKUNDER",
        help="hur länge en rendering väntar på en annan rendering av samma rapport (standard 1800)",
    )
    p = _command(
        sub,
        "preview",
        "visa rapporten i webbläsaren medan du skriver",
        "Renderar rapportens HTML, visar den på http://127.0.0.1:PORT/ och renderar om när\n"
        "params-filen, en textfil eller en datafil ändras; sidan laddas om av sig själv. Avsluta med\n"
        "Ctrl-C. Förhandsvisningen publiceras inte: den ligger i build/.",
        "  rapport preview params/avesta/2023.yml\n  rapport preview params/avesta/2023.yml --port 8800",
    )
    _params(p)
    p.add_argument(
        "--port", type=cli_args.port, default=8765, help="porten att visa sidan på (standard 8765; 0 väljer en ledig)"
    )
    p.add_argument("--no-browser", action="store_true", help="öppna inte webbläsaren")
    p = _command(
        sub,
        "scan",
        "sök efter personnummer och samordningsnummer i filer",
        "Går igenom filerna och anger fil och rad för varje nummer som ser ut som ett personnummer\n"
        "eller samordningsnummer (numret visas aldrig). Status 1 om något hittas. Används av\n"
        "arbetsytans pre-commit-kontroll.",
        "  rapport scan params/avesta/2023/*.md\n  git ls-files | xargs rapport scan",
    )
    p.add_argument("files", nargs="+", metavar="FIL", type=Path, help="filer att gå igenom")


def parser() -> argparse.ArgumentParser:
    """The ``rapport`` command line."""
    top = _swedish(
        _Parser(prog="rapport", description=DESCRIPTION, formatter_class=_Formatter, add_help=False)
    )
    top.add_argument("--version", action="version", version=f"rapport {__version__}", help="visa versionen och avsluta")
    sub = top.add_subparsers(
        dest="command", required=True, metavar="KOMMANDO", title="kommandon", parser_class=_Parser
    )
    _making(sub)
    _reading(sub)
    _rendering(sub)
    return top
