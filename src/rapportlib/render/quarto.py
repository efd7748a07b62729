"""The Quarto engine (``--engine quarto``): Quarto renders the executed notebook.

Outputs carry ``text/html`` (taken by HTML), ``text/markdown`` and ``image/svg+xml`` (taken by the
PDF), so Quarto and the built-in engine read the same notebook. Quarto's options (language,
formats, table of contents) are in the templates' ``_quarto.yml``, not in the notebooks; it is
copied next to the executed notebook, where Quarto reads it as the folder's project file. Needs
``quarto`` on the PATH (see docs/quarto.md).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..lookup import builtin_folder

#: Quarto's project file, beside the template notebooks.
PROJECT_FILE = "_quarto.yml"


def project_file(notebook: Path) -> Path | None:
    """The ``_quarto.yml`` for a template notebook: the one in its folder, else rapportlib's own
    (a workspace template copied without it), else None."""
    for folder in (notebook.parent, builtin_folder()):
        if (folder / PROJECT_FILE).is_file():
            return folder / PROJECT_FILE
    return None


def quarto_outputs(executed: Path, staging: Path, options: Path | None = None) -> None:
    """Render an executed notebook with Quarto (HTML with embedded resources; PDF through Typst)
    into ``staging``; ``options`` (a ``_quarto.yml``) is copied next to the notebook first."""
    if options is not None:
        shutil.copyfile(options, executed.parent / PROJECT_FILE)
    for fmt_args, produced, name in (
        (["--to", "html", "-M", "embed-resources:true"], executed.with_suffix(".html"), "report.html"),
        (["--to", "typst"], executed.with_suffix(".pdf"), "report.pdf"),
    ):
        proc = subprocess.run(["quarto", "render", str(executed), *fmt_args], capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"quarto render {' '.join(fmt_args)}: {proc.stderr.strip()[-500:]}")
        shutil.move(str(produced), staging / name)
