"""Charts as a reader meets them: the body font, one type size, one colour per category, 3 : 1
contrast, Swedish numbers, every label drawn, readable on a phone, the figures also in words."""

import copy
import html
import re
from pathlib import Path

import pytest

from rapportlib import charts
from rapportlib.charts.palette import COLOURS, OUTLINE_FILL, contrast
from rapportlib.charts.style import PRINT, PRINT_FONT, SCREEN, SCREEN_FONT, Style, wrap
from rapportlib.codes import label
from rapportlib.prepare import prepare

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "src/rapportlib/templates"
#: The text column of the HTML at a 390 px phone (main's padding is .8rem a side), and of the PDF.
PHONE_COLUMN_PX = 390 - 2 * 12.8
PDF_COLUMN_PT = (21.0 - 2 * 2.2) / 2.54 * 72


def _figures(ind: dict) -> list:
    built = [b(ind) for name, b in charts.FIGURES.items() if name != "survey"]
    built += [charts.survey_chart(ind, rnd) for rnd in ("1", "2")]
    return [f for f in built if f is not None]


@pytest.fixture(scope="module")
def indicators():
    """Avesta (budget) and Västerås (survey, follow-ups): together every kind of chart."""
    return {
        name: prepare(ROOT / f"params/{name}", ROOT / "notebooks").indicators
        for name in ("avesta/2021-22.yml", "vasteras/2020.yml")
    }


@pytest.fixture(scope="module")
def figures(indicators):
    figs = [f for ind in indicators.values() for f in _figures(ind)]
    figs.append(charts.comparison_chart([{"Rapport": "Avesta 2021-07–2022-06", "I mål": 0.625}]))
    return figs


def _svgs(figures):
    return [(f.key, SCREEN, f.svg) for f in figures] + [(f.key, PRINT, f.svg_print) for f in figures if f.svg_print]


def _texts(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)] + [
        html.unescape(t) for t in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    ]


def _legend(svg: str) -> dict[str, str]:
    """Legend label → the fill of its symbol."""
    pairs = re.findall(r'role-legend-symbol".*?fill="(#[0-9a-f]{6})".*?role-legend-label".*?>([^<]+)</text>', svg)
    return {html.unescape(text): fill for fill, text in pairs}


def test_every_chart_spec_is_valid_vega_lite(indicators, monkeypatch):
    """Renders skip the schema check (``style.VALIDATE``); here every chart is drawn with it."""
    from rapportlib.charts import style

    monkeypatch.setattr(style, "VALIDATE", True)
    assert all(_figures(ind) for ind in indicators.values())


def test_every_chart_is_drawn_for_both_media(figures):
    assert {f.key for f in figures} >= {
        "throughput-history", "outcomes", "sex", "age", "referrers", "support", "survey-1", "survey-2",
        "followups", "budget", "comparison",
    }  # fmt: skip
    for f in figures:
        assert f.svg.startswith("<svg"), f.key
        assert f.svg_print.startswith("<svg") or (f.key == "comparison" and f.svg_print == ""), f.key
    assert next(f for f in figures if f.key == "comparison").svg_print == "", "the index page's chart is never printed"


def test_charts_use_the_body_font_of_each_medium(figures):
    body = re.search(r"body \{[^}]*font: [^ ]+ ([^;]+);", (TEMPLATES / "report.css").read_text()).group(1)
    assert body.strip() == SCREEN_FONT, "the HTML's body font families, in order"
    typ = re.search(r'#set text\([^)]*font: \(([^)]*)\)', (TEMPLATES / "report.typ").read_text()).group(1)
    assert PRINT_FONT.split(",")[0] == typ.split(",")[0], "the PDF's body font first"
    for key, style, svg in _svgs(figures):
        families = {html.unescape(f) for f in re.findall(r'font-family="([^"]*)"', svg)}
        assert families == {style.family}, (key, style.name, families)


def test_typst_has_the_print_font_whatever_the_system_has():
    import typst

    families = typst.Fonts(include_system_fonts=False).families()
    assert PRINT_FONT.split('"')[1] in families


def test_pdf_draws_chart_text_in_the_body_face(figures, tmp_path):
    """Typst sets an SVG's text in its own fonts: the PDF embeds Libertinus for the chart, nothing else."""
    import typst
    from pypdf import PdfReader

    (tmp_path / "c.svg").write_text(next(f for f in figures if f.key == "outcomes").svg_print, encoding="utf-8")
    (tmp_path / "c.typ").write_text('#image("c.svg", width: 100%)\n', encoding="utf-8")
    typst.compile(str(tmp_path / "c.typ"), output=str(tmp_path / "c.pdf"))
    fonts = set()
    for page in PdfReader(tmp_path / "c.pdf").pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("LibertinusSerif" in f for f in fonts), fonts


def test_one_type_size_per_medium(figures):
    for key, style, svg in _svgs(figures):
        sizes = {float(s) for s in re.findall(r'font-size="([0-9.]+)px"', svg)}
        assert sizes == {style.size}, (key, style.name, sizes)


def test_text_stays_readable_on_a_phone_and_in_print(figures):
    """The screen SVG scales with its column: at a 390 px phone its text is still 11 px or more;
    in the PDF, even at 85 % of the text column, 8 pt or more."""
    for f in figures:
        width = float(re.search(r'<svg[^>]* width="([0-9.]+)"', f.svg).group(1))
        assert re.search(r'<svg[^>]* viewBox="0 0 [0-9.]+ [0-9.]+"', f.svg), "scales with its column"
        assert width == SCREEN.width and SCREEN.size * min(1, PHONE_COLUMN_PX / width) >= 11, f.key
        if f.svg_print:
            print_width = float(re.search(r'<svg[^>]* width="([0-9.]+)"', f.svg_print).group(1))
            assert PRINT.size * 0.85 * PDF_COLUMN_PT / print_width >= 8, f.key


def test_each_category_has_one_colour_in_every_chart(figures):
    seen: dict[str, dict[str, str]] = {}
    for key, style, svg in _svgs(figures):
        for text, fill in _legend(svg).items():
            seen.setdefault(text, {})[f"{key}/{style.name}"] = fill
    assert seen, "no legends found"
    for text, fills in seen.items():
        assert len(set(fills.values())) == 1, (text, fills)
    legend = {text: next(iter(fills.values())) for text, fills in seen.items()}
    assert legend["Kvinnor"] == COLOURS["sex"]["kvinna"] and legend["Män"] == COLOURS["sex"]["man"]
    assert legend["I mål"] == COLOURS["result"]["in_goal"]
    assert legend["Inte alls"] == COLOURS["survey"]["inte_alls"]
    assert legend["Efter 6 mån"] == COLOURS["time"]["6"]


def test_a_colour_keeps_its_meaning():
    """The sex colours mean nothing else, and no two dimensions share a colour except the grey of
    what is left over ("annat", "övriga avslut")."""
    owners: dict[str, set[str]] = {}
    for dimension, colours in COLOURS.items():
        assert len(set(colours.values())) == len(colours), f"{dimension}: two categories share a colour"
        for code, c in colours.items():
            owners.setdefault(c, set()).add(f"{dimension}.{code}")
    shared = {c: o for c, o in owners.items() if len(o) > 1}
    assert shared == {COLOURS["sex"]["annat"]: {"sex.annat", "result.other"}}
    assert not set(OUTLINE_FILL) & {c for cs in COLOURS.values() for c in cs.values()}


def test_every_mark_has_3_to_1_contrast_with_the_page(figures):
    for c in [c for cs in COLOURS.values() for c in cs.values()] + [OUTLINE_FILL[1]]:
        assert contrast(c) >= 3, c
    for key, style, svg in _svgs(figures):
        for c in set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg)) - {"#ffffff"}:
            assert contrast(c) >= 3, (key, style.name, c, round(contrast(c), 2))
        assert not re.search(r'(?:fill|stroke)="(?!#|none|white|transparent|black)', svg.replace('fill="white"', ""))


def test_numbers_are_written_the_swedish_way(figures):
    texts = {key: _texts(svg) for key, _, svg in _svgs(figures)}
    every = [t for ts in texts.values() for t in ts]
    assert not [t for t in every if re.search(r"\d%|\d\.\d|\d,\d{3}\b|\d \d", t)], "20 %, 16,8, 2 150 000"
    assert "25\u00a0%" in texts["survey-1"] and "100\u00a0%" in texts["survey-1"]
    assert any(re.fullmatch(r"\d+\u00a0%", t) for t in texts["followups"])
    assert "2\u00a0150\u00a0000\u00a0kr" in texts["budget"]
    assert any(re.fullmatch(r"\d+,\d\u00a0mån", t) for t in texts["throughput-history"])
    assert "62,5\u00a0%" in texts["comparison"]


def test_every_category_label_is_drawn_whole(indicators, figures):
    outcomes = next(f for f in figures if f.key == "outcomes")
    for svg, style in ((outcomes.svg, SCREEN), (outcomes.svg_print, PRINT)):
        drawn = _texts(svg)
        for code in indicators["avesta/2021-22.yml"]["outcomes"]["counts"]:
            for line in wrap(label("exit_reason", code), style).split("\n"):
                assert line in drawn, (style.name, line)


def test_long_labels_wrap_evenly_and_never_cut_a_word():
    narrow = Style("test", "x", 10, 200, 0.5)  # 18 characters a line
    assert wrap("Sjukdom, behov av medicinsk rehabilitering", narrow) == "Sjukdom, behov\nav medicinsk\nrehabilitering"
    assert wrap("Inskrivna vid periodens slut", narrow) == "Inskrivna vid\nperiodens slut"
    assert wrap("Sjukpenning/rehabiliteringspenning", narrow) == "Sjukpenning/\nrehabiliteringspenning"
    assert wrap("jul 2017–jun 2018", Style("test", "x", 10, 120, 0.5)) == "jul 2017–\njun 2018"
    assert wrap("Arbete", narrow) == "Arbete"
    assert wrap("juli 2015 – juni 2016", narrow) == "juli 2015 –\njuni 2016", "a spaced dash keeps its spaces"
    assert wrap("juli 2015 – juni 2016", Style("test", "x", 10, 400, 0.5)) == "juli 2015 – juni 2016"


def test_each_figure_states_its_values_in_words(figures):
    for f in figures:
        values = [
            html.unescape(t) for t in re.findall(r'aria-roledescription="text mark"[^>]*>([^<]+)</text>', f.svg)
        ]
        assert len(f.alt) > 40 and f.alt.endswith("."), f.key
        assert all(v in f.alt for v in values), (f.key, [v for v in values if v not in f.alt])


def test_hidden_counts_are_said_in_words(indicators):
    ind = copy.deepcopy(indicators["avesta/2021-22.yml"])
    ind["sex"]["new"]["man"] = None
    ind["privacy"] = {"threshold": 5, "strict": True, "suppressed": ["sex.new.man"]}
    fig = charts.sex_age_chart(ind)
    assert "män färre än 5" in fig.alt and "–" not in fig.alt
    assert "färre än 5" in _texts(fig.svg) and "färre än 5" in _texts(fig.svg_print)


def test_charts_are_deterministic(indicators):
    ind = indicators["vasteras/2020.yml"]
    assert [(f.svg, f.svg_print) for f in _figures(ind)] == [(f.svg, f.svg_print) for f in _figures(ind)]
