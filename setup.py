"""Ships the template notebooks of ``notebooks/`` and Quarto's options for them (``_quarto.yml``)
inside the package, as ``rapportlib/templates/notebooks/``, so that an installed ``rapport`` finds
them in any folder. Everything else about the package is in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib, "rapportlib", "templates", "notebooks")
        self.mkpath(str(target))
        folder = Path(__file__).parent.joinpath("notebooks")
        for source in [*sorted(folder.glob("*.ipynb")), folder / "_quarto.yml"]:
            self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildWithTemplates})
