import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import pytest  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Every example params file rendered once into a temporary site: (layout, {params stem: folder})."""
    from rapportlib.layout import Layout, all_params
    from rapportlib.render import render

    base = tmp_path_factory.mktemp("site")
    layout = Layout(ROOT / "notebooks", base / "output", base / "build")
    folders = {f"{p.parent.name}/{p.stem}": render(p, layout) for p in all_params(ROOT)}
    return layout, folders
