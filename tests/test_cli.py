"""The `rapport` command line: JSON on stdout, exit status 2 and a clear message on bad input."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE_KEYS = (
    "team",
    "period",
    "flows",
    "sex",
    "outcomes",
    "throughput",
    "age",
    "age_bands",
    "referrer",
    "payer",
    "benefit_years",
    "support",
)


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "rapportlib.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_indicators_prints_the_contract_json():
    proc = run("indicators", "params/avesta/2021-22.yml")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in CORE_KEYS:
        assert key in data
    assert data["period"] == {"start": "2021-07-01", "end": "2022-06-30"}
    assert data["outcomes"]["in_goal_share"] == 0.625


def test_validate_accepts_the_examples():
    for params in sorted((ROOT / "params").rglob("*.yml")):
        proc = run("validate", str(params))
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("OK")


def _bad_params(tmp_path, register_text):
    (tmp_path / "deltagare.csv").write_text(register_text, encoding="utf-8")
    params = tmp_path / "bad.yml"
    params.write_text(
        "team: test\nname: Test\nperiod: {start: 2020-01-01, end: 2020-12-31}\ndata: {participants: deltagare.csv}\n",
        encoding="utf-8",
    )
    return params


def test_bad_register_exits_2_naming_file_row_column_and_value(tmp_path):
    params = _bad_params(
        tmp_path,
        "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent\n"
        "A1,kvinna,1980,2020-02-01,,,af\n"
        "A2,kvinna,1980,2020-13-01,,,af\n"
        "A3,okänt,1980,2020-02-01,,,af\n",
    )
    for command in ("validate", "indicators"):
        proc = run(command, str(params))
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert "deltagare.csv, rad 3, kolumn 'inskrivningsdatum': värdet '2020-13-01'" in proc.stderr
        assert "deltagare.csv, rad 4, kolumn 'kon': värdet 'okänt'" in proc.stderr


def test_missing_params_file_exits_2(tmp_path):
    proc = run("indicators", str(tmp_path / "nope.yml"))
    assert proc.returncode == 2
    assert "filen finns inte" in proc.stderr and "Traceback" not in proc.stderr


def test_exit_without_reason_is_an_error_unless_an_early_dropout(tmp_path):
    params = _bad_params(
        tmp_path,
        "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent\n"
        "A1,kvinna,1980,2020-02-01,2020-03-10,,af\n"  # 38 days: inside a 2-month trial, no reason needed
        "A2,kvinna,1980,2020-02-01,2020-09-01,,af\n",  # 7 months: a reason is required
    )
    proc = run("validate", str(params))
    assert proc.returncode == 2
    assert "rad 3, kolumn 'avslutsanledning'" in proc.stderr
    assert "rad 2" not in proc.stderr


def test_validate_prints_age_warnings_but_accepts_the_file(tmp_path):
    params = _bad_params(
        tmp_path,
        "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent\n"
        "A1,kvinna,1930,2020-02-01,,,af\n",  # 90 years old at enrolment
    )
    proc = run("validate", str(params))
    assert proc.returncode == 0, proc.stderr
    assert "Varning: deltagare.csv, rad 2, kolumn 'fodelsear'" in proc.stderr and "1930" not in proc.stderr


def test_quarto_engine_says_what_to_install_when_quarto_is_absent(tmp_path):
    import os

    env = dict(os.environ, PATH=str(Path(sys.executable).parent))  # a PATH without quarto
    proc = subprocess.run([sys.executable, "-m", "rapportlib.cli", "render", "--engine", "quarto",
                           "params/vasteras/2020.yml", "--output", str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Quarto finns inte på PATH" in proc.stderr and "quarto.org" in proc.stderr
    assert not any(tmp_path.iterdir()), "nothing is written"


def test_quarto_engine_hands_the_executed_notebook_to_quarto(tmp_path):
    """Quarto itself cannot be installed here; a stand-in `quarto` on the PATH records how it is
    called and writes what Quarto would, so rapport's side of the contract is checked."""
    import os
    import shutil

    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    fake = tmp_path / "bin" / "quarto"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\n"
        'echo "$@" >> "$(dirname "$0")/calls"\n'
        'nb="$2"; case "$4" in html) ext=html;; typst) ext=pdf;; esac\n'
        'printf "quarto %s\\n" "$ext" > "${nb%.ipynb}.$ext"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    env = dict(os.environ, PATH=f"{fake.parent}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin")
    proc = subprocess.run([sys.executable, "-m", "rapportlib.cli", "render", "--engine", "quarto",
                           "params/vasteras/2020.yml"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    executed = tmp_path / "build" / "vasteras" / "2020" / "report.ipynb"
    assert (fake.parent / "calls").read_text().splitlines() == [
        f"render {executed} --to html -M embed-resources:true",
        f"render {executed} --to typst",
    ]
    # Quarto's options beside the notebook (its project file), none in the notebook itself.
    assert (executed.parent / "_quarto.yml").read_bytes() == (tmp_path / "notebooks" / "_quarto.yml").read_bytes()
    assert not [c for c in json.loads(executed.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "raw"]
    published = tmp_path / "output" / "vasteras" / "2020"
    assert (published / "report.html").read_text() == "quarto html\n"
    assert (published / "report.pdf").read_text() == "quarto pdf\n"
    assert json.loads((published / "indicators.json").read_text(encoding="utf-8"))["team"]


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})


def test_the_program_ends_with_mains_status_and_waits_for_a_thread_still_running():
    quick = "from rapportlib import cli\ncli.main = lambda: 3\ncli.run()\n"
    assert _python(quick).returncode == 3
    pool = (  # an idle pool nobody shut down (an interrupted preview): ended as by the interpreter
        "import concurrent.futures, time\n"
        "from rapportlib import cli\n"
        "def main():\n"
        "    global pool\n"
        "    pool = concurrent.futures.ThreadPoolExecutor(1)\n"
        "    pool.submit(time.sleep, 0.2)\n"
        "    return 2\n"
        "cli.main = main\n"
        "cli.run()\n"
    )
    assert _python(pool).returncode == 2


def test_the_progress_bar_on_a_terminal_starts_no_thread():
    """A process running a thread cannot fork warm workers (render/forking.can_fork)."""
    code = (
        "import io, threading\n"
        "from rapportlib import cli\n"
        "class Terminal(io.StringIO):\n"
        "    def isatty(self):\n"
        "        return True\n"
        "with cli._Progress(Terminal()) as progress:\n"
        "    progress(None, 0, 3)\n"
        "    assert progress.bar is not None\n"
        "    print(threading.active_count())\n"
    )
    done = _python(code)
    assert done.stdout.strip() == "1", done.stderr
