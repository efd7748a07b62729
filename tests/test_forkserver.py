"""The warm helper a process running threads (a Dask worker) hands its reports to."""

import pytest

from rapportlib.render import forkserver


@pytest.fixture()
def fresh_helpers(monkeypatch):
    monkeypatch.setattr(forkserver, "_free", None)
    monkeypatch.setattr(forkserver, "_started", 0)
    yield
    while forkserver._free is not None and not forkserver._free.empty():
        helper = forkserver._free.get()
        helper.process.stdin.close()
        helper.process.wait(30)


def test_a_helper_runs_each_task_and_is_reused(fresh_helpers):
    assert forkserver.render(len, "abc") == 3  # any picklable task: the helper calls task(params)
    assert forkserver.render(len, "abcd") == 4
    assert forkserver._started == 1


def test_a_helper_that_died_is_replaced(fresh_helpers):
    assert forkserver.render(len, "ab") == 2
    dead = forkserver._free.get()
    dead.process.kill()
    dead.process.wait(30)
    forkserver._free.put(dead)
    with pytest.raises(forkserver.HelperFailed, match="without an answer"):
        forkserver.render(len, "abc")
    assert forkserver._started == 0
    assert forkserver.render(len, "abcde") == 5  # a new helper
