"""Privacy: small counts protected with secondary suppression; nothing personal in published files."""

import json
import re
import shutil
import subprocess
from pathlib import Path

from rapportlib.codes import EXIT_DETAILS, fold
from rapportlib.load import read_register
from rapportlib.pipeline import indicators_for, published_indicators
from rapportlib.privacy import audit, protect

ROOT = Path(__file__).resolve().parents[1]


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
    assert pub["flows"]["new"] == 44  # totals are not counts below the threshold
    assert pub["payer"]["new"]["af"] is None and pub["payer"]["new"]["ingen_offentlig"] is None  # 2 and 1
    assert pub["outcomes"]["counts"]["studier"] is None  # 3, a count of one attribute: hidden in strict mode only
    assert protect(ind, 5)["outcomes"]["counts"]["studier"] == 3
    # The report's totals are never hidden, so the 3 early dropouts are published: 21 exits − 18 counted
    # exits gives them anyway (strict mode used to print "–" beside both totals).
    assert (pub["flows"]["early_dropouts"], pub["flows"]["exits"], pub["outcomes"]["denominator"]) == (3, 21, 18)
    assert pub["privacy"]["strict"] is True and audit(pub, ind) == []
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
