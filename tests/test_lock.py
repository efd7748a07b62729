"""A lock per report: a second render of the same report waits, renders of other reports do not."""

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from rapportlib.layout import Layout
from rapportlib.render import render
from rapportlib.render.lock import LOCK, LockTimeout, report_lock

ROOT = Path(__file__).resolve().parents[1]


def test_a_second_holder_waits_says_so_once_and_then_goes_on(tmp_path):
    said, order = [], []
    release = threading.Event()

    def first():
        with report_lock(tmp_path, "avesta/2020") as waited:
            order.append(("first", waited))
            release.wait(5)
            order.append("first done")

    holder = threading.Thread(target=first)
    holder.start()
    while not order:
        time.sleep(0.01)
    threading.Timer(0.5, release.set).start()
    with report_lock(tmp_path, "avesta/2020", notify=said.append, poll=0.02) as waited:
        order.append(("second", waited))
    holder.join()
    assert order == [("first", False), "first done", ("second", True)]
    assert len(said) == 1 and said[0].startswith("rapport: väntar på en annan rendering av avesta/2020 (process ")
    assert (tmp_path / LOCK).stat().st_mode & 0o777 == 0o600


def test_a_wait_longer_than_the_timeout_stops_with_a_clear_message(tmp_path):
    with report_lock(tmp_path, "avesta/2020"):
        started = time.monotonic()
        with pytest.raises(LockTimeout) as caught, report_lock(tmp_path, "avesta/2020", timeout=0.3, notify=print):
            pass
        assert 0.3 <= time.monotonic() - started < 5
    message = str(caught.value)
    assert message.startswith("avesta/2020: en annan rendering av samma rapport (process ")
    assert "efter 0.3 s väntan" in message and "--lock-timeout" in message
    with report_lock(tmp_path, "avesta/2020", timeout=0):  # released: taken at once
        pass


def test_other_reports_have_other_locks(tmp_path):
    with report_lock(tmp_path / "a", "a/2020"), report_lock(tmp_path / "b", "b/2020", timeout=0) as waited:
        assert waited is False


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    code = (
        "import sys, time; from pathlib import Path; from rapportlib.render.lock import report_lock\n"
        "with report_lock(Path(sys.argv[1]), 'x/2020'):\n    print('held', flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    with pytest.raises(LockTimeout):
        with report_lock(tmp_path, "x/2020", timeout=0.1, notify=lambda line: None):
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    with report_lock(tmp_path, "x/2020", timeout=5, notify=lambda line: None):
        pass


def test_a_held_lock_stops_only_its_own_report(tmp_path):
    """One report's lock held by "another process" (this test): another report renders meanwhile,
    the locked one gives up after its timeout before anything is read, executed or published."""
    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    layout = Layout(tmp_path / "notebooks", tmp_path / "output", tmp_path / "build")
    with report_lock(layout.build / "vasteras" / "2020", "vasteras/2020"):
        folder = render(tmp_path / "params/avesta/2018.yml", layout)
        assert sorted(p.name for p in folder.iterdir()) == ["indicators.json", "report.html", "report.pdf"]
        with pytest.raises(LockTimeout):
            render(tmp_path / "params/vasteras/2020.yml", layout, lock_timeout=0.2)
    assert not (layout.output / "vasteras").exists()
    assert sorted(p.name for p in (layout.build / "vasteras" / "2020").iterdir()) == [LOCK]
