"""The Quarto engine (``--engine quarto``): Quarto renders the executed notebook.

Outputs carry ``text/html`` (taken by HTML), ``text/markdown`` and ``image/svg+xml`` (taken by the
PDF), so Quarto and the built-in engine read the same notebook. Needs ``quarto`` on the PATH (see
docs/quarto.md).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def quarto_outputs(executed: Path, staging: Path) -> None:
    """Render an executed notebook with Quarto (HTML with embedded resources; PDF through Typst)
    into ``staging``."""
    for fmt_args, produced, name in (
        (["--to", "html", "-M", "embed-resources:true"], executed.with_suffix(".html"), "report.html"),
        (["--to", "typst"], executed.with_suffix(".pdf"), "report.pdf"),
    ):
        proc = subprocess.run(["quarto", "render", str(executed), *fmt_args], capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"quarto render {' '.join(fmt_args)}: {proc.stderr.strip()[-500:]}")
        shutil.move(str(produced), staging / name)
