"""Rendering: execute the notebook with Papermill, then publish HTML, PDF and indicators.json.

The executed notebook (which holds the report's outputs) stays in a private build folder; only
aggregates reach ``output/``. Each report is written to a staging folder and swapped in when
complete, so a failed render leaves the earlier report in place.

Modules, one job each:

- :mod:`.orchestrator`: :func:`render`, one report from params file to published folder;
- :mod:`.execution`: Papermill and the pool of pre-started kernels;
- :mod:`.htmlpage` and :mod:`.pdf`: the built-in engine's HTML page and PDF (pandoc → Typst);
- :mod:`.quarto`: the Quarto engine;
- :mod:`.provenance`: the line saying where a report comes from;
- :mod:`.publish`: staging, atomic exchange, recovery after an interrupted run;
- :mod:`.stamp`: what a report depends on, for incremental builds;
- :mod:`.batch`: :func:`render_all` and the executors (``local``, ``dask``);
- :mod:`.site`: ``output/index.html``.

Nothing here imports pandas or nbformat at import time: a no-change rebuild needs neither.
"""

from ..errors import InputError
from ..layout import Layout, all_params
from .batch import EXECUTORS, Outcome, render_all
from .orchestrator import ENGINES, render
from .publish import publish, recover
from .site import write_index
from .stamp import is_current

__all__ = [
    "ENGINES",
    "EXECUTORS",
    "InputError",
    "Layout",
    "Outcome",
    "all_params",
    "is_current",
    "publish",
    "recover",
    "render",
    "render_all",
    "write_index",
]
