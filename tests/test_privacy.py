"""Privacy: small counts protected with secondary suppression; nothing personal in published files."""

import json
import re
import shutil
import subprocess
from pathlib import Path

from rapportlib.codes import EXIT_DETAILS, fold
from rapportlib.load import read_register
from rapportlib.pipeline import indicators_for, published_indicators
from rapportlib.privacy import protect, suppress_grid

ROOT = Path(__file__).resolve().parents[1]


def test_primary_and_secondary_suppression_in_rows_and_columns():
    grid = [[10, 3, 8],
            [12, 9, 20],
            [0, 0, 7]]
    # 3 is below 5. Row 0 then has one hidden cell: hide its smallest other, 8. Column 1 has one
    # hidden (3): hide its smallest other, the 0 in row 2. Column 2 has one hidden (8): hide 7.
    # Now every row and column has 0 or 2 hidden cells.
    assert suppress_grid(grid, 5) == [[False, True, True],
                                      [False, False, False],
                                      [False, True, True]]


def test_zeros_are_shown_but_hidden_when_they_would_reveal_a_cell():
    # one row with a published total: 2 and 0 → hiding 2 alone is undone by total − 0
    assert suppress_grid([[2, 0]], 5, cols_total=False) == [[True, True]]
    # nothing below the threshold: nothing hidden
    assert suppress_grid([[5, 0, 7]], 5) == [[False, False, False]]
    # threshold 0 or 1 switches protection off
    assert suppress_grid([[1, 2]], 1) == [[False, False]]


def test_vasteras_outcome_by_sex_is_protected_in_what_is_published():
    params, ind = indicators_for(ROOT / "params/vasteras/2020.yml")
    pub = published_indicators(params, ind)
    # In goal by sex: 4 and 4, both below 5.
    assert pub["outcomes"]["in_goal_by_sex"] == {"kvinna": None, "man": None}
    by_sex = pub["outcomes"]["by_sex"]
    # Cells of 5 or more stay: illness 5 / 6, continued rehabilitation 9 / 6.
    assert (by_sex["kvinna"]["counts"]["sjukdom"], by_sex["man"]["counts"]["sjukdom"]) == (5, 6)
    rehab = "fortsatt_rehabilitering"
    assert (by_sex["kvinna"]["counts"][rehab], by_sex["man"]["counts"][rehab]) == (9, 6)
    # Work: 2 / 2 hidden; the totals stay published.
    assert by_sex["kvinna"]["counts"]["arbete"] is None and pub["outcomes"]["counts"]["arbete"] == 4
    assert "outcomes.in_goal_by_sex.kvinna" in pub["privacy"]["suppressed"]
    # Nothing is recoverable: in every row with a total, hidden cells are 0 or at least 2.
    for code in pub["outcomes"]["counts"]:
        hidden = [s for s in by_sex if by_sex[s]["counts"][code] is None]
        assert len(hidden) != 1, code
    # The input is not changed.
    assert ind["outcomes"]["in_goal_by_sex"] == {"kvinna": 4, "man": 4}


def test_strict_mode_protects_every_small_count():
    params, ind = indicators_for(ROOT / "params/avesta/2018.yml")
    pub = protect(ind, 5, strict=True)
    assert pub["flows"]["early_dropouts"] is None  # 3 dropouts
    assert pub["flows"]["new"] == 44  # totals are not counts below the threshold
    assert pub["payer"]["new"]["af"] is None and pub["payer"]["new"]["ingen_offentlig"] is None  # 2 and 1
    assert pub["privacy"]["strict"] is True
    assert protect(ind, 0)["privacy"]["suppressed"] == []  # threshold 0: off


def test_a_strict_report_renders_with_dashes_and_a_footnote(tmp_path):
    from rapportlib.layout import Layout
    from rapportlib.render import render

    source = (ROOT / "params/vasteras/2020.yml").read_text(encoding="utf-8")
    params = ROOT / "params/vasteras/2020-strikt.yml"
    try:
        params.write_text(source + "narrative: 2020\nprivacy: {threshold: 5, strict: true}\n", encoding="utf-8")
        folder = render(params, Layout(ROOT / "notebooks", tmp_path / "output", tmp_path / "build"))
    finally:
        params.unlink()
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "färre än 5 personer" in page
    published = json.loads((folder / "indicators.json").read_text(encoding="utf-8"))
    assert published["privacy"]["strict"] is True and published["outcomes"]["in_goal_by_sex"]["kvinna"] is None


# --- the scan: no participant's data in anything published ---------------------------------


def _published_texts(output: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        if path.suffix == ".pdf":
            data = path.read_bytes().decode("latin-1")
            if shutil.which("pdftotext"):
                data += subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
            texts[str(path)] = data
        else:
            texts[str(path)] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def _secrets() -> list[tuple[str, re.Pattern]]:
    """Every participant id, birth year + enrolment date combination and free-text detail."""
    found = []
    for register in (ROOT / "data/example").glob("*/deltagare.csv"):
        reg = read_register(register)
        for row in reg.itertuples():
            found.append((f"id {row.deltagar_id}", re.compile(rf"\b{re.escape(row.deltagar_id)}\b")))
            day = row.inskrivningsdatum.date().isoformat()
            year = str(row.fodelsear)
            found.append((f"{year} + {day}", re.compile(rf"{year}\W{{0,40}}{day}|{day}\W{{0,40}}{year}")))
            detail = row.avslut_detalj
            if isinstance(detail, str) and fold(detail) not in EXIT_DETAILS:
                found.append((f"detail {detail!r}", re.compile(re.escape(detail), re.I)))
    return found


def test_no_published_file_holds_personal_data(site):
    layout, _ = site
    texts = _published_texts(layout.output)
    assert any(p.endswith(".pdf") for p in texts) and any(p.endswith("indicators.json") for p in texts)
    secrets = _secrets()
    assert sum(name.startswith("detail") for name, _ in secrets) >= 3, "the example data must hold free text"
    hits = [(name, path) for name, pattern in secrets for path, text in texts.items() if pattern.search(text)]
    assert hits == []


def test_the_scan_would_notice_a_leak(site):
    secrets = _secrets()
    leaked = "<td>AV0007</td><td>Flyttar till Borlänge efter sommaren</td>"
    assert any(pattern.search(leaked) for name, pattern in secrets if name == "id AV0007")
    assert any(pattern.search(leaked) for name, pattern in secrets if name.startswith("detail 'Flyttar"))


def test_executed_notebooks_stay_out_of_the_published_site(site):
    layout, _ = site
    assert not list(layout.output.rglob("*.ipynb")) and list(layout.build.rglob("*.ipynb"))
