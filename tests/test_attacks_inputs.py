"""Attacks on the inputs, each through the real command line in a small project of its own.

Every attack starts from a valid project (register, budget, survey, follow-ups, params file,
narrative) and breaks one thing as a hostile or careless user would: an identity number where
it could be published, a file or value beyond a bound, a number that is no number, a CSV that
would lose rows, an alias that makes every count 0, a text in another encoding. For each,
``rapport validate`` (or ``render``) must exit with status 2, name where the problem is, never
print a traceback, never show the identity number in any form, and publish nothing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PNR = "811218-9876"  # Skatteverket's published example of a personnummer
SAM = "811278-9876"  # the same as a samordningsnummer (day + 60)
#: Parts of the two numbers that no output may show, whatever separator the attack used.
SECRET = ("811218", "811278", "9876")

REGISTER = (
    "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,avslut_detalj,remittent,"
    "ar_i_offentlig_forsorjning\n"
    "A1,kvinna,1980,2020-02-01,,,,af,2\n"
    "A2,man,1985,2020-03-01,2020-09-30,arbete,,fk,1\n"
    "A3,kvinna,1990,2020-04-01,2020-11-30,studier,,kommun,0.5\n"
)
BUDGET = "post;budget;utfall\nPersonal;2 150 000;1 130 513\nLokaler;40 000;4 230\n"
SURVEY = "omgang,fraga,svar\n1,1,till_stor_del\n2,2,ja\n"
FOLLOWUPS = "deltagar_id,uppfoljning_manad,uppfoljningsdatum,status\nA2,6,2021-03-30,arbete\n"
PARAMS = (
    "team: t\n"
    "name: Samverkansteam Test\n"
    "federation: Testförbundet\n"
    "period: {start: 2020-01-01, end: 2020-12-31}\n"
    "data:\n"
    "  participants: ../../data/deltagare.csv\n"
    "  budget: ../../data/ekonomi.csv\n"
    "  survey: ../../data/enkat.csv\n"
    "  followups: ../../data/uppfoljning.csv\n"
    "privacy: {threshold: 0}\n"
)
SUMMARY = "## Deltagare\n\nUnder året skrevs {{ flows.new }} deltagare in.\n"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def params(self) -> Path:
        return self.root / "params" / "t" / "2020.yml"

    @property
    def narrative(self) -> Path:
        return self.root / "params" / "t" / "2020"

    def data(self, name: str) -> Path:
        return self.root / "data" / name

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    def add_params(self, text: str) -> None:
        self.params.write_text(self.params.read_text(encoding="utf-8") + text, encoding="utf-8")


def _project(tmp_path: Path) -> Project:
    project = Project(tmp_path)
    (tmp_path / "notebooks").symlink_to(ROOT / "notebooks")
    (tmp_path / "data").mkdir()
    for name, text in {
        "deltagare.csv": REGISTER,
        "ekonomi.csv": BUDGET,
        "enkat.csv": SURVEY,
        "uppfoljning.csv": FOLLOWUPS,
    }.items():
        project.data(name).write_text(text, encoding="utf-8")
    project.narrative.mkdir(parents=True)
    project.params.write_text(PARAMS, encoding="utf-8")
    (project.narrative / "sammanfattning.md").write_text(SUMMARY, encoding="utf-8")
    return project


def _run(project: Project, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "rapportlib.cli", *args]
    return subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=120)


@dataclass(frozen=True)
class Attack:
    id: str
    change: Callable[[Project], None]
    expect: tuple[str, ...]  # in standard error, each
    command: str = "validate"


def _attack(id: str, change: Callable[[Project], None], *expect: str, command: str = "validate"):
    return pytest.param(Attack(id, change, expect, command), id=id)


# ----------------------------------------------------------------------- changes


def register_cell(old: str, new: str) -> Callable[[Project], None]:
    return lambda p: p.edit(p.data("deltagare.csv"), old, new)


def data_cell(name: str, old: str, new: str) -> Callable[[Project], None]:
    return lambda p: p.edit(p.data(name), old, new)


def params_value(old: str, new: str) -> Callable[[Project], None]:
    return lambda p: p.edit(p.params, old, new)


def params_extra(text: str) -> Callable[[Project], None]:
    return lambda p: p.add_params(text)


def narrative(name: str, content: bytes) -> Callable[[Project], None]:
    return lambda p: (p.narrative / name).write_bytes(content)


def _renamed_data_file(p: Project) -> None:
    p.data("deltagare.csv").rename(p.data(f"{PNR}.csv"))
    p.edit(p.params, "data/deltagare.csv", f"data/{PNR}.csv")


def _linked_data_file(p: Project) -> None:
    p.data("deltagare.csv").rename(p.data(f"{PNR}.csv"))
    p.data("deltagare.csv").symlink_to(p.data(f"{PNR}.csv"))


def _renamed_params_file(p: Project) -> None:
    p.params.rename(p.params.with_name(f"{PNR}.yml"))


def _sparse_large_register(p: Project) -> None:
    with p.data("deltagare.csv").open("r+b") as handle:
        handle.truncate(200_000_001)  # sparse: nothing is written


def _alias_bomb(p: Project) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 9)}]" for k in range(1, 10)]
    p.add_params("\n".join(lines) + "\n")


def _narrative_folder(p: Project) -> None:
    (p.narrative / "sammanfattning.md").unlink()
    (p.narrative / "sammanfattning.md").mkdir()


def _xlsx_register_with_pnr(p: Project) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for line in REGISTER.replace("A3,", f"{SAM},").splitlines():
        book.active.append(line.split(","))
    book.save(p.data("deltagare.xlsx"))
    p.edit(p.params, "data/deltagare.csv", "data/deltagare.xlsx")


WIDE = ",".join(["x"] * 1500)

IDENTITY = [
    _attack(
        "pnr-with-space-as-register-id",
        register_cell("A1,", "811218 9876,"),
        "deltagare.csv, rad 2, kolumn 'deltagar_id': ett pseudonymt id, inte ett personnummer (värdet visas inte)",
    ),
    _attack(
        "samordningsnummer-in-free-text",
        register_cell("arbete,,fk", f"arbete,ringde {SAM},fk"),
        "deltagare.csv, rad 3, kolumn 'avslut_detalj': text utan personnummer eller samordningsnummer",
    ),
    _attack(
        "pnr-with-en-dash-in-a-number-column",
        register_cell("kommun,0.5", "kommun,811218\u20139876"),
        "deltagare.csv, rad 4, kolumn 'ar_i_offentlig_forsorjning': text utan personnummer",
    ),
    _attack(
        "pnr-with-no-break-space-in-a-code-column",
        register_cell("A2,man", "A2,811218\u00a09876"),
        "deltagare.csv, rad 3, kolumn 'kon': text utan personnummer",
    ),
    _attack(
        "pnr-in-an-unknown-column",
        lambda p: (
            p.edit(p.data("deltagare.csv"), "forsorjning\n", "forsorjning,anteckning\n")
            or p.edit(p.data("deltagare.csv"), ",af,2\n", ",af,2,\n")
            or p.edit(p.data("deltagare.csv"), ",fk,1\n", f",fk,1,ring {PNR}\n")
            or p.edit(p.data("deltagare.csv"), ",kommun,0.5\n", ",kommun,0.5,\n")
        ),
        "deltagare.csv, rad 3, kolumn 'anteckning': text utan personnummer",
    ),
    _attack(
        "pnr-as-a-header",
        register_cell("ar_i_offentlig_forsorjning\n", f"ar_i_offentlig_forsorjning,{PNR}\n"),
        "deltagare.csv, rad 1: en rubrik utan personnummer eller samordningsnummer (kolumn nr 10",
    ),
    _attack(
        "samordningsnummer-in-an-xlsx-register",
        _xlsx_register_with_pnr,
        "deltagare.xlsx, rad 4, kolumn 'deltagar_id': ett pseudonymt id",
    ),
    _attack(
        "pnr-in-a-budget-line",
        data_cell("ekonomi.csv", "Lokaler;", f"Lokaler {PNR};"),
        "ekonomi.csv, rad 3, kolumn 'post': text utan personnummer",
    ),
    _attack(
        "pnr-in-a-survey-answer",
        data_cell("enkat.csv", "2,2,ja", f"2,2,{PNR}"),
        "enkat.csv, rad 3, kolumn 'svar': text utan personnummer",
    ),
    _attack(
        "pnr-without-separator-as-followup-date",
        data_cell("uppfoljning.csv", "2021-03-30", "198112189876"),
        "uppfoljning.csv, rad 2, kolumn 'uppfoljningsdatum': text utan personnummer",
    ),
    _attack(
        "pnr-in-the-team-name",
        params_value("name: Samverkansteam Test", f"name: Samverkansteam Test {PNR}"),
        "2020.yml, rad 2, kolumn 'name': text utan personnummer eller samordningsnummer (värdet visas inte)",
    ),
    _attack(
        "samordningsnummer-in-the-federation",
        params_value("federation: Testförbundet", f'federation: "Testförbundet {SAM}"'),
        "2020.yml, rad 3, kolumn 'federation': text utan personnummer",
    ),
    _attack(
        "pnr-as-a-plan-budget-line",
        params_extra(f"plan:\n  costs:\n    Lön {PNR}: 10000\n"),
        "2020.yml, rad 13, kolumn 'plan.costs.Lön [dolt nummer]': text utan personnummer",
    ),
    _attack(
        "pnr-in-a-staff-role",
        params_extra(f"staff:\n  - {{roll: coach {PNR}, organisation: Kommunen, fte: 1.0}}\n"),
        "2020.yml, rad 12, kolumn 'staff[0].roll': text utan personnummer",
    ),
    _attack(
        "pnr-as-an-alias-label",
        params_extra(f"aliases: {{codes: {{kon: {{'{PNR}': kvinna}}}}}}\n"),
        "kolumn 'aliases.codes.kon.[dolt nummer]': text utan personnummer",
    ),
    _attack(
        "pnr-in-an-unknown-params-key",
        params_extra(f"anteckning: kontakt {PNR}\n"),
        "2020.yml, rad 11, kolumn 'anteckning': text utan personnummer",
    ),
    _attack(
        "pnr-in-a-data-file-name",
        _renamed_data_file,
        "2020.yml, rad 6, kolumn 'data.participants': text utan personnummer",
    ),
    _attack(
        "data-file-linked-to-a-pnr-name",
        _linked_data_file,
        "2020.yml, kolumn 'data.participants': ett filnamn utan personnummer eller samordningsnummer",
    ),
    _attack(
        "pnr-in-the-params-file-name",
        _renamed_params_file,
        "[dolt nummer].yml: ett filnamn utan personnummer eller samordningsnummer (namnet visas inte)",
    ),
    _attack(
        "pnr-in-the-narrative",
        narrative("sammanfattning.md", f"## Deltagare\n\nEn deltagare ({PNR}) fick arbete.\n".encode()),
        "sammanfattning.md, rad 3: text utan personnummer eller samordningsnummer (värdet visas inte)",
    ),
    _attack(
        "samordningsnummer-in-a-narrative-comment",
        narrative("deltagare-resultat.md", f"<!-- fråga om {SAM} -->\n## Analys\n\nBra.\n".encode()),
        "deltagare-resultat.md, rad 1: text utan personnummer",
    ),
    _attack(
        "pnr-in-a-literal-placeholder",
        narrative("personal-process.md", f'## Beskrivning\n\nRing {{{{ "{PNR}" }}}}.\n'.encode()),
        "personal-process.md, rad 3: text utan personnummer",
    ),
    _attack(
        "pnr-as-a-narrative-file-name",
        narrative(f"{PNR}.md", b"## Del\n\nText.\n"),
        "[dolt nummer].md: ett filnamn utan personnummer eller samordningsnummer (namnet visas inte)",
    ),
]

LIMITS = [
    _attack("yaml-alias-bomb", _alias_bomb, "2020.yml, rad 12: YAML utan alias (*namn)"),
    _attack(
        "yaml-nested-5000-levels",
        params_extra("djup: " + "[" * 5000 + "]" * 5000 + "\n"),
        "2020.yml, rad 11: YAML med högst 20 nivåer",
    ),
    _attack(
        "params-file-of-2-mb", params_extra("# " + "x" * 2_000_000 + "\n"), "2020.yml: en params-fil på högst 1 MB"
    ),
    _attack(
        "params-infinite-goal",
        params_extra("goals: {arbete: .inf}\n"),
        "2020.yml, rad 11, kolumn 'goals.arbete': värdet '.inf': ett ändligt tal",
    ),
    _attack(
        "params-nan-plan-figure",
        params_extra("plan: {capacity: {max_months: .nan}}\n"),
        "kolumn 'plan.capacity.max_months': värdet '.nan': ett ändligt tal",
    ),
    _attack(
        "params-1e400",
        params_extra("payback: {period_cost: 1.0e+400}\n"),
        "kolumn 'payback.period_cost': värdet '1.0e+400': ett ändligt tal",
    ),
    _attack(
        "params-1e400-read-as-text-by-yaml",
        params_extra("plan: {capacity: {max_months: 1e400}, income: {Kommunen: inf}}\n"),
        "kolumn 'plan.capacity.max_months': värdet '1e400': ett antal",
        "kolumn 'plan.income.Kommunen': värdet 'inf': ett belopp",
    ),
    _attack(
        "payback-cost-as-text",
        params_extra("payback: {period_cost: 1e400, costs: {sjukpenning: {payer: fk, kr_per_year: mycket}}}\n"),
        "kolumn 'payback.period_cost': värdet '1e400': ett belopp i kronor",
        "kolumn 'payback.costs.sjukpenning'",
    ),
    _attack(
        "params-40-digit-integer",
        params_extra("privacy2: {threshold: " + "9" * 40 + "}\n"),
        "kolumn 'privacy2.threshold'",
    ),
    _attack(
        "params-python-and-binary-tags",
        params_extra("x: !!binary aGVsbG8=\ny: !!python/object/apply:os.system [echo]\n"),
        "2020.yml, rad 11, kolumn 'x': ett värde utan YAML-tagg",
        "2020.yml, rad 12, kolumn 'y': ett värde utan YAML-tagg",
    ),
    _attack(
        "params-not-utf8",
        lambda p: p.params.write_bytes(PARAMS.replace("Test", "Tëst").encode("cp1252")),
        "2020.yml: ogiltig YAML (filen är inte UTF-8",
    ),
    _attack("register-of-200-mb", _sparse_large_register, "deltagare.csv: en fil på högst 200 MB"),
    _attack(
        "cell-of-10001-characters",
        register_cell("arbete,,fk", "arbete," + "x" * 10_001 + ",fk"),
        "deltagare.csv, rad 3, kolumn 'avslut_detalj': en cell på högst 10 000 tecken (cellen har 10 001)",
    ),
    _attack(
        "cell-over-the-csv-field-limit",
        register_cell("arbete,,fk", 'arbete,"' + "y" * 200_000 + '",fk'),
        "deltagare.csv, rad 3, kolumn 'avslut_detalj': en cell på högst 10 000 tecken (cellen har 200 000)",
    ),
    _attack(
        "row-of-1500-cells",
        register_cell("A3,", WIDE + "\nA3,"),
        "deltagare.csv, rad 4: högst 1000 celler på en rad",
    ),
    _attack(
        "infinite-budget-amount",
        data_cell("ekonomi.csv", "40 000", "inf"),
        "ekonomi.csv, rad 3, kolumn 'budget': värdet 'inf': ett belopp i kronor",
    ),
    _attack(
        "1e400-years-on-support",
        register_cell("kommun,0.5", "kommun,1e400"),
        "deltagare.csv, rad 4, kolumn 'ar_i_offentlig_forsorjning': värdet '1e400'",
    ),
    _attack(
        "infinite-survey-question",
        data_cell("enkat.csv", "1,1,", "1,inf,"),
        "enkat.csv, rad 2, kolumn 'fraga': värdet 'inf'",
    ),
    _attack(
        "narrative-in-windows-1252",
        narrative("sammanfattning.md", "## Deltagare\n\nTeamet har fått nya lokaler.\n".encode("cp1252")),
        "sammanfattning.md, rad 3: text i UTF-8 (byte 0xE5 är inte UTF-8; spara filen som UTF-8)",
    ),
    _attack(
        "narrative-in-utf16",
        narrative("sammanfattning.md", "## Deltagare\n".encode("utf-16")),
        "sammanfattning.md, rad 1: text i UTF-8 (byte 0xFF",
    ),
    _attack(
        "narrative-folder-named-like-a-section", _narrative_folder, "sammanfattning.md: en textfil (.md), inte en mapp"
    ),
    _attack(
        "narrative-of-2-mb",
        narrative("sammanfattning.md", b"## Deltagare\n\n" + b"Text. " * 400_000),
        "sammanfattning.md: en textfil på högst 1 MB",
    ),
]

CSV = [
    _attack(
        "stray-quote-swallowing-the-register",
        register_cell("A2,man", '"A2,man'),
        'deltagare.csv, rad 3: ett citattecken (") som stängs',
    ),
    _attack(
        "text-after-a-closing-quote",
        register_cell("A2,man", '"A2"x,man'),
        'deltagare.csv, rad 3: "," direkt efter ett stängande citattecken',
    ),
    _attack(
        "row-with-a-cell-too-many",
        register_cell(",fk,1\n", ",fk,1,extra\n"),
        "deltagare.csv, rad 3: lika många celler som rubrikraden (9); raden har 10",
    ),
    _attack(
        "row-with-a-cell-too-few",
        register_cell(",kommun,0.5\n", ",kommun\n"),
        "deltagare.csv, rad 4: lika många celler som rubrikraden (9); raden har 8",
    ),
    _attack(
        "alias-mapping-sex-to-unknown-codes",
        params_extra("aliases: {codes: {kon: {kvinna: hen, man: hen}}}\n"),
        "kolumn 'aliases.codes.kon.kvinna': värdet 'hen': en av annat, kvinna, man",
        "kolumn 'aliases.codes.kon.man': värdet 'hen'",
    ),
    _attack(
        "alias-to-an-unknown-column",
        params_extra("aliases: {columns: {kön: [Gender]}}\n"),
        "kolumn 'aliases.columns': värdet 'kön': en kolumn i registret",
    ),
    _attack(
        "alias-of-an-unknown-code-list",
        params_extra("aliases: {codes: {kommun: {Avesta: af}}}\n"),
        "kolumn 'aliases.codes': värdet 'kommun': en kodlista",
    ),
    _attack(
        "alias-years-as-text",
        params_extra("aliases: {codes: {ar_i_offentlig_forsorjning: {Länge: många}}}\n"),
        "kolumn 'aliases.codes.ar_i_offentlig_forsorjning.Länge': värdet 'många': ett antal år",
    ),
]

RENDERED = [
    _attack(
        "render-pnr-in-the-federation",
        params_value("federation: Testförbundet", f"federation: Testförbundet {PNR}"),
        "kolumn 'federation': text utan personnummer",
        command="render",
    ),
    _attack(
        "render-narrative-folder-named-like-a-section",
        _narrative_folder,
        "sammanfattning.md: en textfil (.md), inte en mapp",
        command="render",
    ),
    _attack(
        "render-stray-quote",
        register_cell("A2,man", '"A2,man'),
        'deltagare.csv, rad 3: ett citattecken (") som stängs',
        command="render",
    ),
    _attack(
        "render-pnr-in-the-narrative",
        narrative("sammanfattning.md", f"## Deltagare\n\nSe {SAM}.\n".encode()),
        "sammanfattning.md, rad 3: text utan personnummer",
        command="render",
    ),
]


@pytest.mark.parametrize("attack", IDENTITY + LIMITS + CSV + RENDERED)
def test_attack_is_refused_naming_where_and_showing_nothing(attack: Attack, tmp_path):
    project = _project(tmp_path)
    attack.change(project)
    params = next((project.root / "params" / "t").glob("*.yml"))
    started = time.monotonic()
    proc = _run(project, attack.command, str(params))
    output = proc.stdout + proc.stderr
    assert proc.returncode == 2, output
    for expected in attack.expect:
        assert expected in proc.stderr, output
    assert "Traceback" not in output and "Error:" not in output
    for secret in SECRET:
        assert secret not in output, f"{secret!r} shown"
    assert not (project.root / "output").exists(), "nothing is published"
    assert time.monotonic() - started < 60


def test_the_valid_project_passes(tmp_path):
    project = _project(tmp_path)
    proc = _run(project, "validate", str(project.params))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK") and "utanför projektets mapp" not in proc.stderr


def test_a_file_outside_the_project_is_a_warning_with_its_full_path(tmp_path):
    (tmp_path / "projekt").mkdir()
    project = _project(tmp_path / "projekt")
    elsewhere = tmp_path / "annanstans"
    elsewhere.mkdir()
    project.data("deltagare.csv").rename(elsewhere / "deltagare.csv")
    project.edit(project.params, "../../data/deltagare.csv", str(elsewhere / "deltagare.csv"))
    (project.narrative / "personal-process.md").symlink_to(elsewhere / "text.md")
    (elsewhere / "text.md").write_text("## Beskrivning\n\nText.\n", encoding="utf-8")
    proc = _run(project, "validate", str(project.params))
    assert proc.returncode == 0, proc.stderr
    root = project.root.resolve()
    for path in (elsewhere / "deltagare.csv", elsewhere / "text.md"):
        assert f"Varning: {path.resolve()}: en fil utanför projektets mapp {root}" in proc.stderr


def test_new_writes_names_as_quoted_yaml(tmp_path):
    import yaml

    project = _project(tmp_path)
    name, federation = 'Team "X"\nprivacy: {threshold: 0}', "Förbund: #1"
    proc = _run(project, "new", "hedemora", "2024", "--name", name, "--federation", federation)
    assert proc.returncode == 0, proc.stderr
    written = yaml.safe_load((project.root / "params/hedemora/2024.yml").read_text(encoding="utf-8"))
    assert (written["name"], written["federation"]) == (name, federation)
    assert "privacy" not in written


def test_new_refuses_an_identity_number_in_a_name(tmp_path):
    project = _project(tmp_path)
    proc = _run(project, "new", "hedemora", "2024", "--name", f"Team {PNR}")
    assert proc.returncode == 2 and "--name: text utan personnummer" in proc.stderr
    assert not any(s in proc.stdout + proc.stderr for s in SECRET)
    assert not (project.root / "params/hedemora").exists()
