"""A Papermill engine that runs a notebook's cells in this process, in a fresh IPython shell.

``papermill.execute_notebook(..., engine_name="rapport-inprocess")`` injects the parameters and
keeps the executed notebook's form as with a kernel: each code cell gets its execution count, the
value of its last expression an ``execute_result``, ``display()`` a ``display_data``, printed text a
``stream`` and an exception an ``error`` output (after which no further cell runs, and Papermill
raises :class:`papermill.exceptions.PapermillExecutionError`).

No kernel is started, so nothing is imported again: the process must be one report's own. A
batch forks one child per report from a warm worker (:mod:`.forking`); a single ``rapport render``
runs its one report in its own process.
"""

from __future__ import annotations

import io
import sys
import traceback

from papermill.engines import Engine, papermill_engines

NAME = "rapport-inprocess"


def _shell():
    """A new IPython shell showing every MIME type (as a kernel's shell does)."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    formatter = shell.display_formatter
    formatter.active_types = list(formatter.format_types)
    return shell


class _Capture:
    """Routes one cell's displays, results and printed text into nbformat outputs."""

    def __init__(self, shell):
        from IPython.core.displayhook import DisplayHook
        from IPython.core.displaypub import DisplayPublisher

        self.shell = shell
        self.outputs: list = []
        capture = self

        class Publisher(DisplayPublisher):
            def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kw):
                capture.add("display_data", data=data, metadata=metadata or {})

        class Hook(DisplayHook):
            def __call__(self, result=None):
                if result is None:
                    return
                data, metadata = shell.display_formatter.format(result)
                capture.add("execute_result", data=data, metadata=metadata, execution_count=capture.count)

        self.publisher, self.hook = Publisher(shell=shell), Hook(shell=shell)
        self.count = 0

    def add(self, output_type: str, **fields) -> None:
        from nbformat.v4 import new_output

        self.flush()
        self.outputs.append(new_output(output_type, **fields))

    def flush(self) -> None:
        """Printed text so far, as stream outputs (in order with the displays)."""
        for name, stream in (("stdout", self.stdout), ("stderr", self.stderr)):
            text = stream.getvalue()
            if text:
                from nbformat.v4 import new_output

                self.outputs.append(new_output("stream", name=name, text=text))
                stream.seek(0)
                stream.truncate()

    def run(self, source: str, count: int) -> tuple[list, BaseException | None]:
        """Run one cell; its outputs, and its exception if it raised one."""
        shell = self.shell
        self.outputs, self.count = [], count
        self.stdout, self.stderr = io.StringIO(), io.StringIO()
        saved = (shell.display_pub, shell.displayhook, shell.display_trap.hook, sys.stdout, sys.stderr)
        shell.display_pub, shell.displayhook, shell.display_trap.hook = self.publisher, self.hook, self.hook
        sys.stdout, sys.stderr = self.stdout, self.stderr
        try:
            result = shell.run_cell(source, store_history=False, silent=False)
        finally:
            shell.display_pub, shell.displayhook, shell.display_trap.hook, sys.stdout, sys.stderr = saved
        error = result.error_before_exec or result.error_in_exec
        if isinstance(error, KeyboardInterrupt):  # IPython caught Ctrl-C in the cell: it stops the render
            raise error
        self.flush()
        if error is not None:
            from nbformat.v4 import new_output

            lines = traceback.format_exception(type(error), error, error.__traceback__)
            self.outputs.append(
                new_output("error", ename=type(error).__name__, evalue=str(error), traceback=lines)
            )
        return self.outputs, error


class InProcessEngine(Engine):
    """Papermill's engine interface, cells run by :class:`_Capture` in this process."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        shell = _shell()
        shell.showtraceback = lambda *a, **k: None  # the error output holds the traceback
        capture = _Capture(shell)
        count = 0
        for index, cell in enumerate(nb_man.nb.cells):
            if cell.cell_type != "code":
                continue
            count += 1
            nb_man.cell_start(cell, index)
            outputs, error = capture.run(cell.source, count)
            cell.execution_count = count
            cell.outputs = outputs
            if error is not None:
                nb_man.cell_exception(cell, index, exception=error)
                nb_man.cell_complete(cell, index)
                break
            nb_man.cell_complete(cell, index)


papermill_engines.register(NAME, InProcessEngine)
