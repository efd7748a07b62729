"""The params file: typed sections with one default each, one check per section, a JSON round trip."""

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

from rapportlib.errors import InputError
from rapportlib.params import Params, Privacy, Rules, SurveySettings, load_params
from rapportlib.params_sections import (
    Found,
    check_aliases,
    check_data,
    check_goals,
    check_identity,
    check_narrative_dir,
    check_payback,
    check_period,
    check_plan,
    check_privacy,
    check_rules,
    check_staff,
    check_survey,
)

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = "team: korpus\nperiod: {start: 2021-01-01, end: 2021-12-31}\ndata: {participants: deltagare.csv}\n"
FULL = MINIMAL + (
    "name: Korpusteamet\nfederation: Testförbundet\ntemplate: vasteras\n"
    "rules: {trial_months: 3, in_goal: [arbete], throughput_population: all_exits}\n"
    "privacy: {threshold: 3, strict: true}\n"
    "survey: {top: 3}\n"
    "narrative: texter/2021\n"
    "goals: {arbete: 0.25, payback_months: 34}\n"
    "plan: {capacity: {concurrent: 30, max_months: 12}, unit: tkr, costs: {Personal: 620}}\n"
    "staff:\n  - {roll: coach, organisation: Avesta kommun, fte: 1.0}\n"
    "payback: {period_cost: 2300000, financing: {staten: 0.5, region: 0.25, kommun: 0.25}}\n"
    "aliases: {columns: {deltagar_id: [Klientnummer]}, codes: {remittent: {Jobbtorget: kommun}}}\n"
    "farg: blå\n"
)


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "deltagare.csv").write_text("", encoding="utf-8")
    path = tmp_path / "params.yml"
    path.write_text(text, encoding="utf-8")
    return path


def check(section, raw: dict):
    """A section check's value and its messages (as printed, without the file name)."""
    found = Found(Path("params.yml"))
    value = section(raw, found)
    return value, [str(p).removeprefix("params.yml, ") for p in found.problems]


# ----------------------------------------------------------------------------- defaults


def test_a_minimal_file_takes_every_default(tmp_path):
    params = load_params(write(tmp_path, MINIMAL))
    assert (params.team, params.name, params.federation, params.template) == ("korpus", "korpus", "", "sodra-dalarna")
    assert params.rules == Rules() == Rules(2, ("arbete", "studier", "fortsatt_rehabilitering"), "in_goal")
    assert params.privacy == Privacy() == Privacy(threshold=5, strict=False)
    assert params.survey == SurveySettings() == SurveySettings(top=2)
    assert params.narrative is None
    assert (params.goals, params.plan, params.staff, params.payback, params.aliases) == ({}, {}, (), {}, {})
    assert params.extra == {} and params.data_options == {"participants": {}}


def test_a_params_value_built_by_hand_has_the_same_defaults(tmp_path):
    params = Params(tmp_path / "p.yml", "t", "T", "F", "vasteras", dt.date(2023, 1, 1), dt.date(2023, 12, 31), {})
    assert (params.rules, params.privacy, params.survey, params.narrative) == (
        Rules(),
        Privacy(),
        SurveySettings(),
        None,
    )
    assert (params.goals, params.plan, params.staff, params.payback, params.aliases, params.extra) == (
        {},
        {},
        (),
        {},
        {},
        {},
    )


def test_every_section_is_read_into_its_field_and_unknown_keys_stay_in_extra(tmp_path):
    params = load_params(write(tmp_path, FULL))
    assert (params.name, params.federation, params.template) == ("Korpusteamet", "Testförbundet", "vasteras")
    assert params.rules == Rules(3, ("arbete",), "all_exits")
    assert params.privacy == Privacy(3, True) and params.survey == SurveySettings(3)
    assert params.narrative == (tmp_path / "texter" / "2021").resolve()
    assert params.goals == {"arbete": 0.25, "payback_months": 34}
    assert params.plan["capacity"] == {"concurrent": 30, "max_months": 12}
    assert params.staff == ({"roll": "coach", "organisation": "Avesta kommun", "fte": 1.0},)
    assert params.payback["financing"]["staten"] == 0.5
    assert params.aliases["codes"] == {"remittent": {"Jobbtorget": "kommun"}}
    assert params.extra == {"farg": "blå"}


# ----------------------------------------------------------------------------- the JSON round trip


def test_to_dict_is_json_and_from_dict_gives_the_same_value(tmp_path):
    params = load_params(write(tmp_path, FULL))
    plain = params.to_dict()
    text = json.dumps(plain)
    assert plain["path"] == str(params.path) and plain["start"] == "2021-01-01" and plain["end"] == "2021-12-31"
    assert plain["narrative"] == str(params.narrative) and plain["data"]["participants"].endswith("deltagare.csv")
    again = Params.from_dict(json.loads(text))
    assert again == params and hash(again) == hash(params)
    assert isinstance(again.start, dt.date) and isinstance(again.narrative, Path) and isinstance(again.staff, tuple)
    assert again.rules.in_goal == ("arbete",) and again.privacy == Privacy(3, True)


def test_the_examples_survive_json_and_pickle():
    for path in sorted((ROOT / "params").rglob("*.yml")):
        params = load_params(path)
        assert Params.from_dict(json.loads(json.dumps(params.to_dict()))) == params, path
        assert pickle.loads(pickle.dumps(params)) == params, path


def test_to_dict_is_a_copy_and_from_dict_fills_in_defaults(tmp_path):
    params = load_params(write(tmp_path, FULL))
    plain = params.to_dict()
    plain["plan"]["capacity"]["concurrent"] = 99
    plain["staff"][0]["fte"] = 0.5
    assert params.plan["capacity"]["concurrent"] == 30 and params.staff[0]["fte"] == 1.0
    short = {k: plain[k] for k in ("path", "team", "name", "federation", "template", "start", "end", "data")}
    assert Params.from_dict(short).privacy == Privacy() and Params.from_dict(short).rules == Rules()


def test_params_are_hashable_by_their_identity(tmp_path):
    params = load_params(write(tmp_path, FULL))
    assert len({params, Params.from_dict(params.to_dict())}) == 1


# ----------------------------------------------------------------------------- one check per section


def test_identity():
    assert check(check_identity, {"team": "a-1"}) == (
        {"team": "a-1", "name": "a-1", "federation": "", "template": "sodra-dalarna"},
        [],
    )
    assert check(check_identity, {})[1] == ["kolumn 'team': nyckeln saknas"]
    assert check(check_identity, {"team": "Korpus"})[1] == ["kolumn 'team': värdet 'Korpus': en slug av a-z, 0-9 och -"]


def test_period():
    assert check(check_period, {"period": {"start": "2021-07-01", "end": "2022-06-30"}}) == (
        (dt.date(2021, 7, 1), dt.date(2022, 6, 30)),
        [],
    )
    assert check(check_period, {})[1] == ["kolumn 'period': nyckeln saknas"]
    assert check(check_period, {"period": 2021}) == (
        (None, None),
        ["kolumn 'period': värdet '2021': en mappning med nycklar (name: värde)"],
    )
    assert check(check_period, {"period": {"start": "januari", "end": "2021-02-31"}})[1] == [
        "kolumn 'period.start': värdet 'januari': ett datum ÅÅÅÅ-MM-DD",
        "kolumn 'period.end': värdet '2021-02-31': ett datum ÅÅÅÅ-MM-DD",
    ]
    assert check(check_period, {"period": {"start": "2021-12-31", "end": "2021-01-01"}})[1] == [
        "kolumn 'period.end': värdet '2021-01-01': ett datum efter period.start"
    ]


def test_data(tmp_path):
    (tmp_path / "d.csv").write_text("", encoding="utf-8")
    found = Found(tmp_path / "params.yml")
    raw = {"data": {"participants": {"path": "d.csv", "sheet": 0, "header_row": 3}, "budget": None}}
    assert check_data(raw, found) == (
        {"participants": tmp_path / "d.csv"},
        {"participants": {"sheet": 0, "header_row": 3}},
    )
    assert found.problems == []
    raw = {"data": {"participants": "saknas.csv", "budget": {"sheet": 1}, "survey": {"path": "d.csv", "rad": 2}}}
    check_data(raw, found)
    assert [(p.column, p.value, p.expected) for p in found.problems] == [
        ("data.participants", "saknas.csv", "en fil som finns"),
        ("data.budget", None, "en sökväg, eller {path: …, sheet: …}"),
        ("data.survey", "rad", "sheet eller header_row"),
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"header_row": 0}, "kolumn 'data.participants.header_row': värdet '0': ett radnummer, 1 eller mer"),
        ({"header_row": True}, "kolumn 'data.participants.header_row': värdet 'True': ett radnummer, 1 eller mer"),
        ({"sheet": [1]}, "kolumn 'data.participants.sheet': värdet '[1]': ett bladnamn eller bladnummer (0 = första)"),
    ],
)
def test_data_options(tmp_path, options, message):
    (tmp_path / "d.csv").write_text("", encoding="utf-8")
    found = Found(tmp_path / "params.yml")
    check_data({"data": {"participants": {"path": "d.csv", **options}}}, found)
    assert [str(p).removeprefix(f"{found.path}, ") for p in found.problems] == [message]


def test_data_needs_the_register():
    assert check(check_data, {"data": {}})[1] == ["kolumn 'data.participants': sökväg till deltagarregistret"]
    assert check(check_data, {})[1] == ["kolumn 'data': nyckeln saknas"]


def test_rules():
    assert check(check_rules, {}) == (Rules(), [])
    assert check(check_rules, {"rules": {"in_goal": "arbete"}}) == (Rules(in_goal=("arbete",)), [])
    value, messages = check(
        check_rules, {"rules": {"trial_months": "två", "in_goal": ["jobb"], "throughput_population": "alla"}}
    )
    assert value.trial_months == 2
    assert messages == [
        "kolumn 'rules.trial_months': värdet 'två': ett antal månader, t.ex. 2",
        "kolumn 'rules.in_goal': värdet 'jobb': en av arbete, studier, fortsatt_rehabilitering, aktivt_arbetssokande, "
        "sjukdom, sjukersattning, annat",
        "kolumn 'rules.throughput_population': värdet 'alla': en av ('in_goal', 'all_exits')",
    ]
    assert check(check_rules, {"rules": {"trial_months": 25}})[1] == [
        "kolumn 'rules.trial_months': värdet '25': ett antal månader, t.ex. 2"
    ]
    assert check(check_rules, {"rules": {"in_goal": 3}})[1] == [
        "kolumn 'rules.in_goal': värdet '3': en lista av avslutsanledningar"
    ]
    assert check(check_rules, {"rules": [1]})[1] == [
        "kolumn 'rules': värdet '[1]': en mappning med nycklar (name: värde)"
    ]


def test_alias_targets_are_known():
    aliases = {"columns": {"kön": ["Gender"]}, "codes": {"kon": {"Hen": "hen"}, "kommun": {"A": "af"}}}
    assert check(check_aliases, {"aliases": aliases})[1] == [
        "kolumn 'aliases.columns': värdet 'kön': en kolumn i registret: deltagar_id, kon, fodelsear, "
        "inskrivningsdatum, remittent, avslutsdatum, avslutsanledning, avslut_detalj, tidigt_avhopp, "
        "forsorjning_fore, forsorjning_efter, utbildning, ar_i_offentlig_forsorjning, delinsats, "
        "sysselsattning_fore, sysselsattning_efter, fortsatt_till, avbrott_anledning, kommun",
        "kolumn 'aliases.codes.kon.Hen': värdet 'hen': en av annat, kvinna, man",
        "kolumn 'aliases.codes': värdet 'kommun': en kodlista: kon, avslutsanledning, remittent, forsorjning, "
        "utbildning, ja_nej, sysselsattning, ar_i_offentlig_forsorjning, fortsatt_till, avbrott_anledning",
    ]
    ok = {
        "codes": {
            "avslutsanledning": {"Utan mätning": "tidigt_avhopp"},
            "forsorjning_fore": {"FB": "lon"},
            "tidigt_avhopp": {"Avhopp": "ja"},
            "ar_i_offentlig_forsorjning": {"Länge": 10},
        }
    }
    assert check(check_aliases, {"aliases": ok})[1] == []


def test_aliases():
    aliases = {"columns": {"deltagar_id": ["Klientnummer"]}, "codes": {"kon": {"K": "kvinna"}}}
    assert check(check_aliases, {"aliases": aliases}) == (aliases, [])
    assert check(check_aliases, {}) == ({}, [])
    assert check(check_aliases, {"aliases": ["kon"]})[1] == [
        "kolumn 'aliases': värdet \"['kon']\": en mappning med nycklar (name: värde)"
    ]
    assert check(check_aliases, {"aliases": {"columns": 1, "codes": {"kon": "K"}}})[1] == [
        "kolumn 'aliases.columns': värdet '1': en mappning med nycklar (name: värde)",
        "kolumn 'aliases.codes.kon': värdet 'K': en mappning med nycklar (name: värde)",
    ]


def test_payback():
    payback = {"period_cost": 2300000, "financing": {"staten": 0.5, "region": 0.25, "kommun": 0.25}}
    assert check(check_payback, {"payback": payback}) == (payback, [])
    assert check(check_payback, {"payback": {"financing": {"landsting": 1}}})[1] == [
        "kolumn 'payback.financing': värdet 'landsting': staten, region eller kommun"
    ]
    assert check(check_payback, {"payback": {"financing": {"staten": 0.5, "kommun": 0.25}}})[1] == [
        "kolumn 'payback.financing': värdet \"{'staten': 0.5, 'kommun': 0.25}\": andelar som summerar till 1"
    ]
    assert check(check_payback, {"payback": {"financing": {"staten": "hälften"}}})[1][0].endswith(
        "andelar som summerar till 1"
    )
    costs = {"sjukpenning": {"payer": "fk", "kr_per_year": 200000}}
    assert check(check_payback, {"payback": {"costs": costs}})[1] == []
    assert check(check_payback, {"payback": {"period_cost": "1e400", "costs": {"lon": 5, "bidrag": {}}}})[1] == [
        "kolumn 'payback.period_cost': värdet '1e400': ett belopp i kronor, t.ex. 2300000",
        "kolumn 'payback.costs.lon': värdet '5': {payer: kommun, region, fk, af eller staten_ovrigt, kr_per_year: "
        "ett belopp, t.ex. 118000}",
        "kolumn 'payback.costs': värdet 'bidrag': en försörjningskälla: forsorjningsstod, sjukpenning, "
        "aktivitetsersattning, sjukersattning, aktivitetsstod, a_kassa, studiestod, lon, ingen_offentlig",
    ]
    assert check(check_payback, {"payback": {"costs": 5}})[1] == [
        "kolumn 'payback.costs': värdet '5': en mappning med nycklar (name: värde)"
    ]


def test_privacy():
    assert check(check_privacy, {}) == (Privacy(5, False), [])
    assert check(check_privacy, {"privacy": {"threshold": 0, "strict": True}}) == (Privacy(0, True), [])
    assert check(check_privacy, {"privacy": {"threshold": "fem", "strict": "ja"}}) == (
        Privacy(),
        [
            "kolumn 'privacy.threshold': värdet 'fem': ett heltal, t.ex. 5 (0 = av)",
            "kolumn 'privacy.strict': värdet 'ja': true eller false",
        ],
    )
    assert check(check_privacy, {"privacy": {"threshold": 101}})[1] == [
        "kolumn 'privacy.threshold': värdet '101': ett heltal, t.ex. 5 (0 = av)"
    ]


def test_survey():
    assert check(check_survey, {}) == (SurveySettings(2), [])
    assert check(check_survey, {"survey": {"top": 3}}) == (SurveySettings(3), [])
    for top in (7, 0, "två", True):
        assert check(check_survey, {"survey": {"top": top}}) == (
            SurveySettings(2),
            [f"kolumn 'survey.top': värdet '{top}': ett heltal 1–6 (vanligen 2 eller 3)"],
        )


def test_narrative():
    assert check(check_narrative_dir, {}) == (None, [])
    assert check(check_narrative_dir, {"narrative": "texter"}) == (Path("texter").resolve(), [])
    assert check(check_narrative_dir, {"narrative": 2020}) == (Path("2020").resolve(), [])
    assert check(check_narrative_dir, {"narrative": ["a"]}) == (
        None,
        ["kolumn 'narrative': värdet \"['a']\": en mapp med textfilerna, räknad från params-filens mapp"],
    )


def test_goals():
    assert check(check_goals, {"goals": {"arbete": 0.25, "in_goal": 0.6, "payback_months": 34}})[1] == []
    assert check(check_goals, {"goals": {"jobb": 0.25, "studier": "en femtedel"}})[1] == [
        "kolumn 'goals': värdet 'jobb': en avslutsanledning, in_goal, payback_months, budget_balance "
        "eller health_change",
        "kolumn 'goals.studier': värdet 'en femtedel': ett tal, t.ex. 0.25 (andel) eller 34 (månader)",
    ]


def test_plan():
    plan = {"capacity": {"max_months": 12}, "unit": "tkr", "income": {"Finansiering": 600}}
    assert check(check_plan, {"plan": plan}) == (plan, [])
    assert check(check_plan, {"plan": {"capacity": 30}})[1] == [
        "kolumn 'plan.capacity': värdet '30': en mappning med nycklar (name: värde)"
    ]
    bad = {"capacity": {"concurrent": "1e400"}, "costs": {"Lön": "x"}, "unit": "mkr"}
    assert check(check_plan, {"plan": bad})[1] == [
        "kolumn 'plan.capacity.concurrent': värdet '1e400': ett antal, t.ex. 30 (eller 12 månader för max_months)",
        "kolumn 'plan.costs.Lön': värdet 'x': ett belopp, t.ex. 600",
        "kolumn 'plan.unit': värdet 'mkr': kr eller tkr",
    ]


def test_staff():
    staff = [{"roll": "coach", "organisation": "Avesta kommun", "fte": 1}, {"roll": "handläggare"}]
    assert check(check_staff, {"staff": staff}) == (tuple(staff), [])
    assert check(check_staff, {}) == ((), [])
    expected = "en lista av {roll: …, organisation: …, fte: …}"
    assert check(check_staff, {"staff": {"roll": "coach"}})[1] == [
        f"kolumn 'staff': värdet \"{{'roll': 'coach'}}\": {expected}"
    ]
    assert check(check_staff, {"staff": ["coach", {"fte": "heltid"}]})[1] == [
        f"kolumn 'staff': värdet 'coach': {expected}",
        f"kolumn 'staff': värdet \"{{'fte': 'heltid'}}\": {expected}",
    ]


def test_load_params_lists_the_problems_of_every_section_at_once(tmp_path):
    text = MINIMAL.replace("korpus", "Korpus") + "privacy: {threshold: fem}\nsurvey: {top: 7}\nstaff: 3\n"
    with pytest.raises(InputError) as caught:
        load_params(write(tmp_path, text))
    assert [p.column for p in caught.value.problems] == ["team", "privacy.threshold", "survey.top", "staff"]
