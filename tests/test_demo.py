"""The example data are made by the seeded generator: regenerating gives the committed bytes."""

from pathlib import Path

from rapportlib.demo import write_examples

ROOT = Path(__file__).resolve().parents[1]


def test_generator_reproduces_committed_example_data(tmp_path):
    written = write_examples(tmp_path)
    assert written, "the generator wrote nothing"
    for path in written:
        committed = ROOT / "data/example" / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} differs from the generator's output"


def test_example_data_hold_no_personnummer():
    import re

    pattern = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+]?\d{4}(?!\d)")
    for path in (ROOT / "data/example").rglob("*.csv"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path
