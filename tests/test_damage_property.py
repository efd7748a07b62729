"""Property-based robustness of the command line: a valid register, randomly damaged, is either
accepted or rejected with exit status 2 and the file named on standard error; never a traceback,
and a render never leaves a partly written report behind."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rapportlib.cli import main

ROOT = Path(__file__).resolve().parents[1]
TEAM = "skadetest"  # a team of its own: the private build/ folder is shared with other tests

HEADER = (
    "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,avslut_detalj,tidigt_avhopp,"
    "remittent,forsorjning_fore,forsorjning_efter,utbildning,ar_i_offentlig_forsorjning,delinsats"
)
ROWS = (
    "S01,kvinna,1985,2020-03-02,2021-02-15,arbete,,nej,af,forsorjningsstod,lon,gymnasium,2.5,Grupp A",
    "S02,man,1990,2020-06-01,,,,,fk,sjukpenning,,grundskola,1.0,Grupp A",
    "S03,kvinna,1978,2021-01-11,2021-02-01,,,,kommun,forsorjningsstod,,okand,,Grupp B",
    "S04,man,1995,2021-02-01,2021-10-29,studier,,,region,aktivitetsstod,studiestod,gymnasium,0.5,",
    "S05,kvinna,1969,2021-03-15,,,,,annan,sjukersattning,,hogskola_upp_till_3,6,",
    "S06,man,1988,2021-04-01,2021-11-30,annat,flyttat,,af,a_kassa;forsorjningsstod,ingen_offentlig,,3.5,",
    "S07,kvinna,2000,2021-05-03,2021-12-15,fortsatt_rehabilitering,,,fk,aktivitetsersattning,,grundskola,1.5,",
    "S08,man,1975,2021-06-14,,,,,kommun,forsorjningsstod,,gymnasium,8,",
)
VALID = (HEADER + "\n" + "\n".join(ROWS) + "\n").encode("utf-8")
PARAMS = (
    f"team: {TEAM}\nname: Skadetest\nfederation: Testförbundet\ntemplate: sodra-dalarna\n"
    "period: {start: 2021-01-01, end: 2021-12-31}\ndata: {participants: deltagare.csv}\n"
)
NOISE = st.text(alphabet="0123456789-–/:.,; abcxyzåäöÅÄÖéABC\t", max_size=14)

# ------------------------------------------------------------------------------ damage


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", errors="replace").split("\n")


def _join(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


@st.composite
def damaged(draw, max_damages: int = 3) -> bytes:
    """The valid register with one to ``max_damages`` random damages applied in turn."""
    data = VALID
    for _ in range(draw(st.integers(1, max_damages))):
        kind = draw(
            st.sampled_from(
                [
                    "blank_cell",
                    "delete_cell",
                    "replace_cell",
                    "duplicate_row",
                    "drop_row",
                    "swap_headers",
                    "truncate",
                    "insert_bytes",
                    "delimiter",
                ]
            )
        )
        lines = _lines(data)
        body = [i for i, line in enumerate(lines) if line.strip()]
        if kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "insert_bytes":
            at = draw(st.integers(0, len(data)))
            noise = draw(st.binary(min_size=1, max_size=8))
            data = data[:at] + noise + data[at:]
        elif not body:
            continue
        elif kind in ("blank_cell", "delete_cell", "replace_cell"):
            i = draw(st.sampled_from(body))
            cells = lines[i].split(",")
            j = draw(st.integers(0, len(cells) - 1))
            if kind == "blank_cell":
                cells[j] = ""
            elif kind == "delete_cell":
                del cells[j]
            else:
                cells[j] = draw(NOISE)
            lines[i] = ",".join(cells)
            data = _join(lines)
        elif kind in ("duplicate_row", "drop_row"):
            i = draw(st.sampled_from(body))
            lines[i : i + 1] = [lines[i], lines[i]] if kind == "duplicate_row" else []
            data = _join(lines)
        elif kind == "swap_headers":
            cells = lines[0].split(",")
            if len(cells) > 1:
                a, b = draw(st.lists(st.integers(0, len(cells) - 1), min_size=2, max_size=2, unique=True))
                cells[a], cells[b] = cells[b], cells[a]
                lines[0] = ",".join(cells)
                data = _join(lines)
        elif kind == "delimiter":
            i = draw(st.sampled_from(body))
            lines[i] = lines[i].replace(",", draw(st.sampled_from([";", "\t", "|"])))
            data = _join(lines)
    return data


def _write_case(folder: Path, register: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deltagare.csv").write_bytes(register)
    params = folder / "params.yml"
    params.write_text(PARAMS, encoding="utf-8")
    return params


def _run(argv: list[str]) -> tuple[int, str]:
    """``main(argv)`` in-process with standard output and error captured (hypothesis runs many
    examples per test, so pytest's per-test ``capsys`` would mix them)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, err.getvalue()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------------------- tests


def test_the_undamaged_register_is_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, err = _run(["validate", str(_write_case(tmp_path, VALID))])
    assert status == 0, err


@settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(register=damaged())
def test_validate_accepts_or_names_the_file(tmp_path_factory, monkeypatch, register):
    monkeypatch.chdir(ROOT)
    params = _write_case(tmp_path_factory.mktemp("skada"), register)
    status, err = _run(["validate", str(params)])
    assert status in (0, 2), err
    if status == 2:
        assert any("deltagare.csv" in line for line in err.splitlines()), err
    assert "Traceback" not in err


EARLIER = {"index.html": b"<p>earlier index</p>\n", f"{TEAM}/2021/report.html": b"<p>earlier report</p>\n"}


@settings(
    max_examples=6,  # each valid example runs the notebook and Typst (~10 s); with the explicit one, ~7 examples
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(register=damaged(max_damages=1))
@example(register=VALID)  # the success branch, every run
def test_render_publishes_all_or_nothing(tmp_path_factory, monkeypatch, register):
    monkeypatch.chdir(ROOT)
    base = tmp_path_factory.mktemp("skada")
    params = _write_case(base, register)
    out = base / "out"
    for name, content in EARLIER.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)
    before = _snapshot(out)
    status, err = _run(["render", str(params), "--output", str(out), "--force"])  # build/ is shared
    if status == 0:
        folder = out / TEAM / "2021"
        for name in ("report.html", "report.pdf", "indicators.json"):
            assert (folder / name).stat().st_size > 0, name
        assert (folder / "report.html").read_bytes() != EARLIER[f"{TEAM}/2021/report.html"]
        assert not [p for p in out.rglob(".*")], "a staging folder was left in the published tree"
    else:
        assert "Traceback" not in err
        assert _snapshot(out) == before, err
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir()) == [TEAM, f"{TEAM}/2021"]


@pytest.mark.parametrize(
    "register",
    [VALID.replace(b"\n", b"\r"), VALID.replace(b"Grupp B", b"Grupp\rB"), b"\r" + VALID],
    ids=["cr-line-ends", "cr-inside-a-cell", "cr-before-the-header"],
)
def test_carriage_return_is_accepted_or_rejected_cleanly(tmp_path, monkeypatch, register):
    monkeypatch.chdir(ROOT)
    status, err = _run(["validate", str(_write_case(tmp_path, register))])
    assert status in (0, 2), err
