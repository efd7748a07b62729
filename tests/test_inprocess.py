"""Cells run in-process (a Papermill engine) and reports rendered in forked children: the same
executed notebook as a kernel gives, errors stop the run, and nothing passes between reports."""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from rapportlib import service
from rapportlib.layout import Layout
from rapportlib.prepare import prepare
from rapportlib.render.execution import execute
from rapportlib.render.forking import ChildFailed, run_forked
from rapportlib.render.inprocess import NAME

ROOT = Path(__file__).resolve().parents[1]


def _outputs(nb) -> str:
    return json.dumps([[dict(o) for o in c.get("outputs", [])] for c in nb.cells], sort_keys=True)


def test_in_process_cells_give_the_outputs_a_kernel_gives(tmp_path):
    params = ROOT / "params/vasteras/2020.yml"
    runs = {}
    for mode in ("kernel", "inprocess"):
        layout = Layout(ROOT / "notebooks", tmp_path / mode / "output", tmp_path / mode / "build")
        nb = execute(prepare(params, layout.templates), layout, inprocess=mode == "inprocess")
        runs[mode] = (nb, [c.execution_count for c in nb.cells if c.cell_type == "code"])
    assert _outputs(runs["kernel"][0]) == _outputs(runs["inprocess"][0])
    assert runs["kernel"][1] == runs["inprocess"][1]


def _notebook(tmp_path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "in.ipynb"
    nbformat.write(nb, path)
    return path


def test_results_displays_and_printed_text_become_outputs(tmp_path):
    shown = "from IPython.display import display, HTML\ndisplay(HTML('<b>x</b>'))"
    source = _notebook(tmp_path, "print('hej')\n1 + 1", shown)
    nb = papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"), engine_name=NAME, progress_bar=False)
    first, second = (c.outputs for c in nb.cells)
    assert [o.output_type for o in first] == ["stream", "execute_result"]
    assert first[0].text == "hej\n" and first[1].data["text/plain"] == "2" and first[1].execution_count == 1
    assert second[0].output_type == "display_data" and second[0].data["text/html"] == "<b>x</b>"


def test_an_error_stops_the_run_at_its_cell(tmp_path):
    source = _notebook(tmp_path, "x = 1", "raise ValueError('fel i cellen')", "x = 2")
    with pytest.raises(PapermillExecutionError) as caught:
        papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"), engine_name=NAME, progress_bar=False)
    assert caught.value.ename == "ValueError" and "fel i cellen" in caught.value.evalue
    code = [c for c in nbformat.read(tmp_path / "out.ipynb", as_version=4).cells if c.cell_type == "code"]
    assert code[1].outputs[-1].output_type == "error" and not code[2].outputs


_STATE = []


def _remember(value):
    _STATE.append(value)
    return list(_STATE)


def test_forked_children_share_nothing_and_report_failures():
    assert run_forked(_remember, "a") == ["a"]
    assert run_forked(_remember, "b") == ["b"]  # the first child's state died with it
    assert _STATE == []
    with pytest.raises(ChildFailed, match="ZeroDivisionError"):
        run_forked(lambda: 1 / 0)
    with pytest.raises(ChildFailed, match="without a result"):
        run_forked(os._exit, 9)


def _prints_ok(code: str, *args) -> None:
    """``code`` run in a Python process of its own (a service is forked before any thread runs)
    ends well, having printed ``ok``."""
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_workers_service_draws_and_typesets_what_this_process_would(tmp_path):
    code = (  # in a process of its own: the service is forked before any thread runs
        "import sys\n"
        "from pathlib import Path\n"
        "from rapportlib import service\n"
        "from rapportlib.charts import renderer\n"
        "from rapportlib.render.forking import run_forked\n"
        "from rapportlib.render.pdf import typeset\n"
        "encoding = {'x': {'field': 'a', 'type': 'quantitative'}}\n"
        "spec = {'data': {'values': [{'a': 3}]}, 'mark': 'bar', 'encoding': encoding}\n"
        "root = Path(sys.argv[1])\n"
        "(root / 'r.typ').write_text('#set document(title: \"T\", date: none)\\n= Rubrik\\nText.')\n"
        "(root / 'bad.typ').write_text('#set document(title: \"T\")\\n#nosuchfunction()')\n"
        "service.start()\n"
        "there = run_forked(renderer.draw, spec, 'sv-SE')\n"
        "run_forked(service.call, typeset, str(root / 'r.typ'), str(root / 'there.pdf'), str(root))\n"
        "try:\n"
        "    run_forked(service.call, typeset, str(root / 'bad.typ'), str(root / 'bad.pdf'), str(root))\n"
        "except Exception as exc:\n"
        "    assert 'nosuchfunction' in str(exc), exc\n"
        "else:\n"
        "    raise AssertionError('a Typst error was not handed back')\n"
        "assert service._connection is not None\n"
        "service.stop()\n"
        "assert renderer.draw(spec, 'sv-SE') == there, 'differs'\n"
        "typeset(str(root / 'r.typ'), str(root / 'here.pdf'), str(root))\n"
        "assert (root / 'here.pdf').read_bytes() == (root / 'there.pdf').read_bytes(), 'PDFs differ'\n"
        "print('ok')\n"
    )
    _prints_ok(code, tmp_path)


def test_a_service_warms_up_first_and_a_forked_process_starts_its_own(tmp_path):
    code = (  # in a process of its own: the service is forked before any thread runs
        "import os, sys\n"
        "from pathlib import Path\n"
        "from rapportlib import service\n"
        "from rapportlib.render.forking import run_forked\n"
        "root = Path(sys.argv[1])\n"
        "def warmup():\n"
        "    (root / 'warm').write_text(str(os.getpid()))\n"
        "service.start(warmup)\n"
        "first = service._connection\n"
        "service.start(warmup)\n"
        "assert service._connection is first, 'a second start in the same process starts nothing'\n"
        "ours = service.call(os.getpid)\n"
        "assert ours != os.getpid(), 'the job ran in the service'\n"
        "assert (root / 'warm').read_text() == str(ours), 'the warm-up ran in the service first'\n"
        "def child():\n"
        "    service.start()\n"
        "    return os.getpid(), service.call(os.getpid)\n"
        "pid, theirs = run_forked(child)\n"
        "assert theirs not in (ours, pid), 'a forked process starts its own service'\n"
        "assert service.call(os.getpid) == ours\n"
        "finalizer = service._finalizer\n"
        "service.stop()\n"
        "assert service.call(os.getpid) == os.getpid(), 'after stop, jobs are done here'\n"
        "assert not finalizer.still_active(), 'no longer an exit handler'\n"
        "print('ok')\n"
    )
    _prints_ok(code, tmp_path)


def test_a_service_that_does_not_answer_is_ended_and_the_work_done_here(tmp_path):
    code = (  # in a process of its own; a stuck service must neither hang the job nor the exit
        "import os, time\n"
        "from rapportlib import service\n"
        "service.ANSWER_WITHIN = 1\n"
        "service.start(lambda: time.sleep(600))\n"
        "stuck = service._pid\n"
        "assert service.call(os.getpid) == os.getpid(), 'done here after the service gave no answer'\n"
        "assert service._connection is None\n"
        "try:\n"
        "    os.kill(stuck, 0)\n"
        "except ProcessLookupError:\n"
        "    print('ok')\n"
    )
    _prints_ok(code)


_done: list = []


def _job(n: int, locale: dict) -> str:
    _done.append(n)
    return f"<svg>{n}</svg>"


@service.remembered
def _remembered_job(n: int, locale: dict) -> str:
    return _job(n, locale)


def test_a_service_answers_a_remembered_job_it_has_done_before_from_memory():
    import multiprocessing
    import threading

    _done.clear()
    ours, theirs = multiprocessing.Pipe()
    serving = threading.Thread(target=service._serve, args=(theirs,), daemon=True)
    serving.start()
    for job in (_job, _remembered_job):
        for n in (1, 2, 1, 1):
            ours.send((job, (n, {"decimal": ","})))
            assert ours.recv() == ("ok", f"<svg>{n}</svg>")
    ours.send((_remembered_job, (1, {"decimal": "."})))  # other arguments are another job
    assert ours.recv() == ("ok", "<svg>1</svg>")
    ours.close()
    serving.join(10)
    assert _done == [1, 2, 1, 1, 1, 2, 1]


def test_a_warm_worker_has_imported_all_that_a_report_imports(tmp_path):
    """A child forked from a warm worker imports nothing more (each import would be paid again by
    every report)."""
    code = (
        "import sys\n"
        "from pathlib import Path\nfrom rapportlib.layout import Layout\n"
        "from rapportlib.render.batch import RenderTask\n"
        "from rapportlib.render.forking import warm\n"
        "warm()\n"
        "before = set(sys.modules)\n"
        f"layout = Layout(*map(Path, {[str(ROOT / 'notebooks'), str(tmp_path / 'o'), str(tmp_path / 'b')]!r}))\n"
        f"outcome = RenderTask(layout, force=True, mode='inprocess')({str(ROOT / 'params/vasteras/2020.yml')!r})\n"
        "assert outcome.status == 'rendered', outcome\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"
