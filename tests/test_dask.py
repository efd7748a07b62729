"""`--executor dask`: reports sent to a Dask distributed cluster give the same outputs."""

import shutil
from pathlib import Path

import pytest

from rapportlib.layout import Layout
from rapportlib.render import render_all

ROOT = Path(__file__).resolve().parents[1]
distributed = pytest.importorskip("distributed")


def test_local_cluster_renders_the_same_bytes(site, tmp_path):
    _, folders = site
    shutil.copytree(ROOT / "params", tmp_path / "params")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    layout = Layout(ROOT / "notebooks", tmp_path / "output", tmp_path / "build")
    targets = [tmp_path / "params" / "vasteras" / "2020.yml", tmp_path / "params" / "avesta" / "2018.yml"]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = render_all(targets, layout, progress=None, executor="dask", scheduler=cluster.scheduler_address)
    assert sorted(o.params for o in summary["rendered"]) == sorted(map(str, targets)) and not summary["failed"]
    for key, folder in (("vasteras/2020", "vasteras/2020"), ("avesta/2018", "avesta/2018")):
        for name in ("report.pdf", "indicators.json"):
            assert (layout.output / folder / name).read_bytes() == (folders[key] / name).read_bytes(), (key, name)
