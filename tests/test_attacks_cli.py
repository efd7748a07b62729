"""Attacks on the command line and the process: odd arguments, odd files, failures inside the
renderer, a closed pipe, Ctrl-C, two renders of one report at once.

Each attack asserts the exit status, the message, that no traceback reaches the user, and that
nothing is published by a command that failed.
"""

import contextlib
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rapportlib import errorlog
from rapportlib.cli import main
from rapportlib.render import orchestrator
from rapportlib.render.lock import report_lock

ROOT = Path(__file__).resolve().parents[1]
PARAMS = "params/vasteras/2020.yml"
PNR = "19121212-1212"  # a personal identity number's shape, in an error message
LOG_LINE = re.compile(r"oväntat fel \((\w+)\); detaljerna finns i den privata loggen (\S+\.log)$")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the example project as the working folder; the user's cache folder in tmp_path."""
    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def cli(*argv: str) -> tuple[int, str, str]:
    """``rapport ARGV`` in this process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse
            status = exc.code
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return status, out.getvalue(), err.getvalue()


def run(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rapportlib.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def published(project: Path) -> list[str]:
    output = project / "output"
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) if output.exists() else []


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- arguments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "de här argumenten saknas: KOMMANDO"),
        (("frobnicate",), "ogiltigt val: 'frobnicate'"),
        (("render", "--bogus", PARAMS), "okända argument: --bogus"),
        (("indicators", PARAMS, PARAMS), "okända argument"),
        (("indicators",), "de här argumenten saknas: PARAMS"),
        (("render", "--jobs", "0", PARAMS), "argument --jobs: minst 1, inte 0"),
        (("render", "--jobs", "-1", PARAMS), "argument --jobs: minst 1, inte -1"),
        (("render", "--jobs", "två", PARAMS), "argument --jobs: ett heltal, inte 'två'"),
        (("render", "--jobs", "", PARAMS), "argument --jobs: ett heltal, inte ''"),
        (("render", "--lock-timeout", "nan", PARAMS), "argument --lock-timeout: ett ändligt antal sekunder"),
        (("render", "--lock-timeout", "inf", PARAMS), "argument --lock-timeout: ett ändligt antal sekunder"),
        (("render", "--lock-timeout", "-5", PARAMS), "argument --lock-timeout: ett ändligt antal sekunder"),
        (("demo", "--teams", "0"), "argument --teams: minst 1, inte 0"),
        (("demo", "--teams", "1000000"), "argument --teams: högst 1000, inte 1000000"),
        (("render", "--engine", "latex", PARAMS), "ogiltigt val: 'latex'"),
    ],
)
def test_odd_arguments_exit_2_with_the_reason(project, argv, message):
    status, out, err = cli(*argv)
    assert status == 2 and message in err and out == ""
    assert published(project) == [] and not (project / "demo").exists()


def test_huge_jobs_is_capped_with_a_warning(project, monkeypatch):
    import rapportlib.render

    seen = {}

    def fake_render_all(targets, layout, jobs=None, **kwargs):
        seen["jobs"] = jobs
        return {"rendered": [], "unchanged": [], "failed": [], "seconds": 0.0}

    monkeypatch.setattr(rapportlib.render, "render_all", fake_render_all)
    status, out, err = cli("render", "--jobs", str(10**12), PARAMS)
    limit = 4 * (os.cpu_count() or 1)
    assert status == 0 and seen["jobs"] == limit
    assert f"Varning: --jobs {10**12} är fler än {limit}" in err


def test_params_and_all_together_are_refused(project):
    status, _, err = cli("render", "--all", PARAMS)
    assert status == 2 and "params-filer eller --all, inte båda" in err
    assert published(project) == []


def test_a_missing_params_dir_is_named(project):
    status, _, err = cli("render", "--all", "--params-dir", "finns-inte")
    assert status == 2 and "finns-inte: --params-dir: en mapp med params-filer" in err


# --- the params file ---------------------------------------------------------------------------


def test_params_that_is_a_folder(project):
    for command in ("indicators", "validate", "render"):
        status, out, err = cli(command, "params")
        assert status == 2 and "params: en params-fil, inte en mapp" in err and out == ""
    assert published(project) == []


def test_params_that_is_missing_stops_the_render_before_any_report(project):
    status, _, err = cli("render", PARAMS, "params/vasteras/1999.yml")
    assert status == 2 and "params/vasteras/1999.yml: filen finns inte" in err
    assert published(project) == []  # the valid one is not rendered either: a typo fails fast


def test_params_that_is_a_fifo_is_refused_without_blocking(project):
    fifo = project / "params" / "kö.yml"
    os.mkfifo(fifo)
    proc = run("validate", str(fifo), cwd=project, timeout=60)  # a read would block for ever
    assert proc.returncode == 2 and "inte en FIFO" in proc.stderr and "Traceback" not in proc.stderr


def test_params_that_is_an_endless_device(project):
    status, _, err = cli("indicators", "/dev/zero")
    assert status == 2 and "/dev/zero: en vanlig fil (inte en FIFO, en enhet eller en socket)" in err


def test_params_that_cannot_be_read(project, monkeypatch):
    """Root reads any file, so the refusal of the kernel is simulated for this one path."""
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if str(path).endswith("2020.yml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    status, _, err = cli("validate", PARAMS)
    assert status == 2 and "filen kan inte läsas (behörighet saknas)" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000")
def test_params_of_mode_000(project):
    (project / PARAMS).chmod(0)
    proc = run("validate", PARAMS, cwd=project)
    assert proc.returncode == 2 and "behörighet saknas" in proc.stderr


@pytest.mark.parametrize("name", ["a\0b.yml", "x" * 5000 + ".yml"])
def test_params_names_the_system_cannot_open(project, name):
    status, _, err = cli("indicators", name)
    assert status == 2 and "filen kan inte öppnas" in err


# --- --output ----------------------------------------------------------------------------------


def test_output_that_is_a_file(project):
    (project / "site").write_text("not a folder")
    status, _, err = cli("render", PARAMS, "--output", "site")
    assert status == 2 and "site: --output: en mapp att publicera i, inte en fil" in err
    assert (project / "site").read_text() == "not a folder" and not (project / "build").exists()


@pytest.mark.parametrize("output", ["params", "params/vasteras", "data/x", "notebooks", "build/site"])
def test_output_inside_the_projects_own_folders(project, output):
    """Publishing swaps whole <team>/<period>/ folders: in params/ it would replace the team's texts."""
    before = snapshot(project / "params")
    status, _, err = cli("render", PARAMS, "--output", output)
    assert status == 2 and "--output: en mapp utanför" in err and "kan skriva över projektets filer" in err
    assert snapshot(project / "params") == before and not (project / "build").exists()


@pytest.mark.parametrize("output", [".", ".."])
def test_output_that_is_the_project_or_above_it(project, output):
    status, _, err = cli("render", PARAMS, "--output", output)
    assert status == 2 and "inte projektets mapp eller en mapp ovanför den" in err


# --- unexpected errors -------------------------------------------------------------------------


def _log_of(line: str) -> Path:
    match = LOG_LINE.search(line)
    assert match, line
    return Path(match[2])


def _assert_private_log(log: Path, kind: str) -> str:
    assert log.is_file()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and kind in text
    assert PNR not in text and "[dolt nummer]" in text  # redacted even in the private log
    return text


def test_an_error_inside_the_renderer_is_one_line_and_a_private_log(project, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError(f"kernel crashed on\ncell text {PNR}")

    monkeypatch.setattr(orchestrator, "execute", broken)
    status, out, err = cli("render", PARAMS)
    assert status == 1
    assert out.startswith("Klart: 0 renderade, 0 oförändrade, 1 misslyckade")
    lines = [line for line in err.splitlines() if "oväntat fel" in line]
    assert len(lines) == 1 and PNR not in err and "kernel crashed" not in err
    log = _log_of(lines[0])
    assert log.parent == Path("build/logs")  # relative to the working folder, the project
    text = _assert_private_log(log, "RuntimeError: kernel crashed on")
    assert "rapport render, rapporten params/vasteras/2020.yml" in text
    assert published(project) == []


def test_an_error_in_indicators_is_exactly_one_line(project, monkeypatch):
    import rapportlib.prepare

    def broken(*args, **kwargs):
        raise KeyError(f"no such column {PNR}")

    monkeypatch.setattr(rapportlib.prepare, "prepare", broken)
    status, out, err = cli("indicators", PARAMS)
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("rapport: oväntat fel (KeyError)")
    text = _assert_private_log(_log_of(err.strip()), "KeyError")
    assert "kommando: rapport indicators params/vasteras/2020.yml" in text


def test_outside_a_project_the_log_goes_to_the_users_cache(tmp_path, monkeypatch):
    import rapportlib.prepare

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "p.yml").write_text("team: x\n")
    monkeypatch.setattr(rapportlib.prepare, "prepare", lambda *a, **k: 1 / 0)
    status, _, err = cli("indicators", "p.yml")
    assert status == 1
    log = _log_of(err.strip())
    assert log.parent == Path("cache/rapport/logs") and stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "ZeroDivisionError: division by zero" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("blocker", ["file", "symlink"])
def test_a_build_logs_that_is_not_a_private_folder_is_not_used(project, monkeypatch, blocker):
    """build/logs as a file, or as a link to a folder others can read: the log goes to the cache."""
    import rapportlib.prepare

    (project / "build").mkdir()
    elsewhere = project / "shared"
    elsewhere.mkdir()
    if blocker == "file":
        (project / "build" / "logs").write_text("")
    else:
        (project / "build" / "logs").symlink_to(elsewhere)
    monkeypatch.setattr(rapportlib.prepare, "prepare", lambda *a, **k: [][1])
    status, _, err = cli("indicators", PARAMS)
    assert status == 1 and _log_of(err.strip()).parent == Path("cache/rapport/logs")
    assert list(elsewhere.iterdir()) == []


def test_when_no_log_can_be_written_the_line_says_so(project, monkeypatch):
    import rapportlib.prepare

    def no_disk(folder, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(errorlog, "_create", no_disk)
    monkeypatch.setattr(rapportlib.prepare, "prepare", lambda *a, **k: [][1])
    status, _, err = cli("indicators", PARAMS)
    assert status == 1 and err.count("\n") == 1
    assert "oväntat fel (IndexError); loggen kunde inte skrivas" in err


def test_ctrl_c_is_one_line_and_status_130(project, monkeypatch):
    import rapportlib.prepare

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(rapportlib.prepare, "prepare", interrupted)
    for command in ("indicators", "render"):
        status, out, err = cli(command, PARAMS)
        assert status == 130 and err == "rapport: avbrutet (Ctrl-C); ingen rapport blir halvt publicerad.\n"
    assert published(project) == [] and not (project / "build" / "logs").exists()


def _interrupt_when_executing(project: Path, *args: str) -> tuple[int, str, str, float]:
    """``rapport ARGS`` started as from a terminal, Ctrl-C to its process group once a notebook runs."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "rapportlib.cli", *args],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal starts it
    )
    deadline = time.time() + 120
    while not list(project.glob("build/*/*/prepared.private.pickle")) and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the notebook is running
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err, time.monotonic() - sent


def test_ctrl_c_in_a_batch_lets_running_reports_finish_whole(project):
    status, out, err, _ = _interrupt_when_executing(project, "render", "--all", "--jobs", "2")
    assert status == 130 and out == ""
    assert err == "rapport: avbrutet (Ctrl-C); ingen rapport blir halvt publicerad.\n"
    for folder in (project / "output").glob("*/*"):  # a report is published whole, or not at all
        assert sorted(p.name for p in folder.iterdir()) == ["indicators.json", "report.html", "report.pdf"]


def test_ctrl_c_during_a_render_stops_it_at_once_and_publishes_nothing(project):
    earlier = project / "output" / "vasteras" / "2020"
    earlier.mkdir(parents=True)
    (earlier / "report.html").write_text("earlier")
    before = snapshot(project / "output")
    status, out, err, seconds = _interrupt_when_executing(project, "render", PARAMS, "--force")
    assert status == 130 and seconds < 30
    assert err == "rapport: avbrutet (Ctrl-C); ingen rapport blir halvt publicerad.\n" and out == ""
    assert snapshot(project / "output") == before


# --- pipes and concurrency ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["indicators", "validate"])
def test_a_closed_pipe_is_quiet(command):
    proc = subprocess.Popen(
        [sys.executable, "-m", "rapportlib.cli", command, "params/avesta/2021-22.yml"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141 and err == b""


def test_head_reads_one_line_and_rapport_stays_quiet():
    script = f"'{sys.executable}' -m rapportlib.cli indicators params/avesta/2021-22.yml | head -1"
    proc = subprocess.run(["bash", "-c", script + '; echo "status ${PIPESTATUS[0]}" >&2'],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.stdout == "{\n"
    assert re.fullmatch(r"status (0|141)\n", proc.stderr), proc.stderr  # 0 when it all fit in the pipe


def test_a_render_waiting_too_long_for_the_lock_stops_with_status_1(project):
    with report_lock(project / "build" / "vasteras" / "2020", "vasteras/2020"):
        status, out, err = cli("render", PARAMS, "--lock-timeout", "0.3")
    assert status == 1
    assert "rapport: väntar på en annan rendering av vasteras/2020 (process " in err
    assert "vasteras/2020: en annan rendering av samma rapport" in err and "--lock-timeout" in err
    assert "oväntat fel" not in err and published(project) == []


def test_two_renders_of_one_report_at_once_both_succeed(project):
    command = [sys.executable, "-m", "rapportlib.cli", "render", PARAMS]
    procs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for status, out, err in results:
        assert status == 0, err
        assert "Traceback" not in out + err
    summaries = sorted(out.strip().splitlines()[-1][:36] for _, out, _ in results)
    assert summaries == ["Klart: 0 renderade, 1 oförändrade, 0", "Klart: 1 renderade, 0 oförändrade, 0"]
    waited = [err for _, out, err in results if "väntar på en annan rendering av vasteras/2020" in err]
    assert len(waited) == 1 and "aktuell (renderad av en annan process)" in waited[0]
    folder = project / "output" / "vasteras" / "2020"
    assert sorted(p.name for p in folder.iterdir()) == ["indicators.json", "report.html", "report.pdf"]
    assert json.loads((folder / "indicators.json").read_text(encoding="utf-8"))["team"] == "vasteras"
    assert (folder / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "</html>" in (folder / "report.html").read_text(encoding="utf-8")
    assert not list((project / "build" / "vasteras" / "2020").glob(".*staging*"))
