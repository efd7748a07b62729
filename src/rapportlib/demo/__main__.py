"""``python -m rapportlib.demo [OUTDIR]`` (re)writes the example data (default ``data/example``)."""

from .examples import main

if __name__ == "__main__":
    raise SystemExit(main())
