"""Deterministic generator of synthetic, pseudonymous example data.

Run ``python -m rapportlib.demo [OUTDIR]`` to (re)write ``data/example/``. The registers are made
so that the example teams reproduce the published figures of the seed reports wherever those are
self-consistent (Avesta 2018 and 2021/22, Västerås 2020); everything else is plausible noise.

How it works, in two layers (``solver``):

1. **Counts.** The register's time is cut at the seed periods' boundaries into *intervals*, and
   into half-year *blocks*. Each planned exit belongs to a block; each enrolment to an interval.
   Flows at every period boundary depend only on how many enrol per interval and exit per block,
   so these are written down from the seeds (``avesta``, ``vasteras``). Each exit is then matched
   to an interval that still has someone of that sex enrolled.
2. **Durations.** The throughput windows of the seeds are sums of durations over pairs of blocks.
   A least-squares projection finds block sums that meet every window exactly while staying close
   to a plausible mean; each sum is then spread over the block's persons within what their
   interval and block allow, and dates are drawn to match.

Attributes (age, referrer, support sources, …) are then assigned (``attributes``) so that each
seed population gets the published counts, persons shared by two populations being fixed first.

The modules: ``model`` (exits, spells, scenarios, calendar), ``solver``, ``attributes``,
``avesta`` and ``vasteras`` (the seed scenarios), ``writers`` (the register's ``COLUMNS``, rows,
CSV), ``examples`` (``write_examples``, ``main``) and ``federation`` (``write_federation``, a
synthetic federation for benchmarks).
"""

from .examples import main, write_examples
from .federation import write_federation

__all__ = ["main", "write_examples", "write_federation"]
