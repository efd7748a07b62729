"""Attacks on what rapport publishes: text that tries to become code, and personal data that tries
to get out.

One hostile project is rendered once (module fixture): narrative with HTML, scripts, remote images,
``javascript:`` links and raw Typst; a federation, a team name, a budget line and a data file name
with quotes, backslashes and Typst code. Every attack asserts on what was published (HTML, PDF
text and metadata). Then personal data is injected into copies of the published files and the
publish gate must stop each kind, naming file and place, never the value; through the command line
that is exit status 2, no traceback, and the earlier report untouched.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rapportlib import cli
from rapportlib.errors import InputError
from rapportlib.layout import Layout
from rapportlib.markup import md_literal, narrative, safe_link, typst_string
from rapportlib.notebooks import notebook_for
from rapportlib.render import gate, orchestrator
from rapportlib.render.pdf import PANDOC_FORMAT

ROOT = Path(__file__).resolve().parents[1]

TEAM = 'Team "Kvot" \\ #set document(keywords: "KAPAD-TEAM") #read("/etc/passwd")'
FEDERATION = 'Förbund ", author: "KAPAD-FÖRBUND") #import "/etc/x.typ": * // \\'
BUDGET_FILE = 'ekonomi-#set-"x"-\\.csv'
NARRATIVE = r"""
Attack <script>alert("x")</script> och <iframe src="https://evil.example/"></iframe> och
<style>body { display: none }</style> och <img src="x" onerror="alert(2)"> och <svg onload="alert(3)"></svg>.

[klicka](javascript:alert(document.cookie)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)
[JS](JaVaScRiPt:alert(5)) [säker](https://example.org/rapport) [post](mailto:info@example.org) [lokal](file:///etc/passwd)

![spårpixel](https://evil.example/pixel.png) ![inbäddad](data:image/png;base64,iVBORw0KGgo=)

<a href="javascript:alert(4)">rå länk</a> <object data="https://evil.example/x.swf"></object>
<meta http-equiv="refresh" content="0;url=https://evil.example/">

```{=typst}
#set document(title: "KAPAD-BLOCK")
```

Inline `#set document(author: "KAPAD-INLINE")`{=typst} och #set document(title: "KAPAD-TEXT") och
#read("/etc/passwd") och #import "/etc/x.typ": * och $#read("/etc/hostname")$ och @kapad och <etikett>
och = rubrik och // kommentar och \#escaped.
"""


def _project(base: Path) -> Path:
    """A project whose team, federation, budget, data file name and narrative are hostile."""
    shutil.copytree(ROOT / "notebooks", base / "notebooks")
    folder = base / "params" / "evil"
    shutil.copytree(ROOT / "params/avesta/2021-22", folder / "2021-22")
    summary = folder / "2021-22" / "sammanfattning.md"
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("\n\n## Personal", f"\n{NARRATIVE}\n## Personal", 1), encoding="utf-8")
    data = base / "data"
    data.mkdir()
    shutil.copy(ROOT / "data/example/avesta/deltagare.csv", data / "deltagare.csv")
    (data / BUDGET_FILE).write_text(
        "post;budget;utfall;prognos\n"
        '"Personal #set document(title: ""KAPAD-BUDGET"")";2 150 000;1 130 513;0\n'
        'Lokaler `#read("/etc/passwd")`{=typst};40 000;4 230;30 000\n'
        '"Övrigt | *fet* <b>x</b> $x$ \\ ""citat""";110 000;54 907;-20 000\n',
        encoding="utf-8",
    )
    params = folder / "2021-22.yml"
    source = (ROOT / "params/avesta/2021-22.yml").read_text(encoding="utf-8")
    source = re.sub(r"(?m)^(team|name|federation):.*$", "", source)
    source = re.sub(r"(?ms)^data:.*?(?=^rules:)", "", source)
    quote = lambda s: "'" + s.replace("'", "''") + "'"  # noqa: E731
    params.write_text(
        f"team: evil\nname: {quote(TEAM)}\nfederation: {quote(FEDERATION)}\n{source}"
        f"data:\n  participants: {quote(str(data / 'deltagare.csv'))}\n  budget: {quote(str(data / BUDGET_FILE))}\n",
        encoding="utf-8",
    )
    return params


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile project rendered once: (params, layout, published folder, Prepared)."""
    from rapportlib.prepare import prepare
    from rapportlib.render import render

    base = tmp_path_factory.mktemp("hostile")
    params = _project(base)
    layout = Layout.default(base)
    folder = render(params, layout)
    return params, layout, folder, prepare(params, layout.templates)


@pytest.fixture(scope="module")
def page(hostile):
    return (hostile[2] / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf(hostile):
    from pypdf import PdfReader

    reader = PdfReader(hostile[2] / "report.pdf")
    text = "\n".join(p.extract_text() for p in reader.pages)
    return reader, " ".join(text.split())


def _narrative_html(page: str) -> str:
    return "".join(re.findall(r'<div class="narrative">(.*?)</div>', page, flags=re.S))


def _tags(page: str) -> list[tuple[str, dict]]:
    """Every element of a page as (tag, attributes), as a browser would parse it."""
    from html.parser import HTMLParser

    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Parser().feed(page)
    return found


def test_script_in_narrative_is_shown_as_text(page):
    assert not [t for t, _ in _tags(page) if t == "script"]
    assert re.search(r"&lt;script&gt;alert\((&quot;|\")x(&quot;|\")\)&lt;/script&gt;", page)


def test_iframe_object_and_meta_refresh_are_text(page):
    tags = _tags(page)
    assert not [t for t, _ in tags if t in ("iframe", "object", "embed", "link", "base", "form")]
    assert not [a for t, a in tags if t == "meta" and "http-equiv" in a]
    assert "&lt;iframe" in page and "&lt;meta http-equiv" in page


def test_style_from_narrative_is_text_and_the_page_has_one_style_sheet(page):
    assert [t for t, _ in _tags(page)].count("style") == 1 and "&lt;style&gt;body" in page


def test_no_event_handler_attribute_anywhere(page):
    assert not [(t, a) for t, attrs in _tags(page) for a in attrs if a.startswith("on")]


def test_javascript_vbscript_data_and_file_links_are_dropped(page):
    links = [a.get("href", "") for t, a in _tags(page) if t == "a"]
    own = ["../../index.html", "report.pdf"]  # the page's own links, to the site index and its PDF
    assert links[:2] == own, links
    assert all(re.match(r"(https?://|mailto:|#)", href) for href in links[2:]), links
    for text in ("klicka", "data", "vb", "JS", "lokal", "rå länk"):
        assert text in _narrative_html(page)


def test_https_and_mailto_links_are_kept(page):
    body = _narrative_html(page)
    assert '<a href="https://example.org/rapport" rel="noreferrer">säker</a>' in body
    assert '<a href="mailto:info@example.org" rel="noreferrer">post</a>' in body


def test_remote_and_data_images_are_not_published(page):
    assert not [t for t, _ in _tags(page) if t == "img"]
    assert "evil.example/pixel" not in page and "data:image" not in page
    assert "spårpixel" in _narrative_html(page) and "inbäddad" in _narrative_html(page)


def test_html_names_are_escaped(page, hostile):
    import html

    heading = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert html.unescape(heading) == f"Helårsrapport {TEAM}" and "<" not in heading
    index = (hostile[1].output / "index.html").read_text(encoding="utf-8")
    assert "Team &quot;Kvot&quot;" in index and not [t for t, _ in _tags(index) if t == "script"]


def test_budget_line_markup_is_text_in_html(page):
    assert "&lt;b&gt;x&lt;/b&gt;" in page and not [t for t, _ in _tags(page) if t == "b"]


# --- PDF: nothing a user writes runs as Typst ------------------------------------------------------


def test_pdf_metadata_is_only_the_title_and_the_federation(pdf):
    reader, _ = pdf
    meta = reader.metadata
    title = f"Helårsrapport {TEAM}, juli 2021 – juni 2022"
    assert meta.title == title
    assert meta.author == FEDERATION
    assert "/Keywords" not in meta and "/Subject" not in meta
    assert reader.xmp_metadata.dc_title == {"x-default": title}


def test_raw_typst_block_in_narrative_is_printed_not_run(pdf):
    _, text = pdf
    assert '#set document(title: "KAPAD-BLOCK")' in text


def test_inline_raw_typst_and_typst_code_in_narrative_are_printed(pdf):
    _, text = pdf
    for literal in (
        '#set document(author: "KAPAD-INLINE")',
        '#set document(title: "KAPAD-TEXT")',
        '#import "/etc/x.typ": *',
        '$#read("/etc/hostname")$',
        "@kapad",
        "<etikett>",
        "// kommentar",
        "och #escaped.",  # a Markdown escape, as in the HTML
    ):
        assert literal in text, literal


def test_no_file_was_read_into_the_pdf(pdf):
    _, text = pdf
    assert "root:" not in text and '#read("/etc/passwd")' in text


def test_team_and_federation_are_printed_literally(pdf):
    _, text = pdf
    assert TEAM in text and FEDERATION in text  # header and cover


def test_budget_lines_are_printed_literally(pdf):
    _, text = pdf
    assert '#set document(title: "KAPAD-BUDGET")' in text
    assert 'Lokaler `#read("/etc/passwd")`{=typst}' in text
    assert 'Övrigt | *fet* <b>x</b> $x$ \\ "citat"' in text


def test_data_file_name_stays_out_of_the_reader_text_and_is_literal_in_the_json(pdf, hostile):
    import json

    _, text = pdf
    assert BUDGET_FILE not in text and "budgetuppföljning" in text  # the provenance line names sources in words
    details = json.loads((hostile[2] / "indicators.json").read_text(encoding="utf-8"))["provenance"]
    assert details["files"]["budget"]["name"] == BUDGET_FILE


def test_no_html_or_script_reaches_the_pdf_as_anything_but_text(pdf):
    _, text = pdf
    assert '<script>alert("x")</script>' in text and "evil.example/pixel.png" not in text


# --- escaping functions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        'a "b" c',
        "back\\slash",
        '", title: "x") #read("/etc/passwd") //',
        "rad 1\nrad 2\ttab\r",
        "nul \x00 och \x1b[31m",
        "\u2028radseparator",
        '#set document(title: "x")',
    ],
)
def test_typst_string_round_trips_through_typst(tmp_path, value):
    import typst
    from pypdf import PdfReader

    source = tmp_path / "t.typ"
    source.write_text(f"#set document(title: {typst_string(value)})\n#{typst_string(value)}\n", encoding="utf-8")
    typst.compile(str(source), output=str(tmp_path / "t.pdf"), root=str(tmp_path))
    assert PdfReader(tmp_path / "t.pdf").metadata.title == value  # the string, exactly: nothing ran


@pytest.mark.parametrize(
    "value",
    ["```{=typst}\n#x\n```", "`#x`{=typst}", "$x$", "@key", "<b>x</b>", "{.class}", "| a |", "# rubrik", "1. a"],
)
def test_md_literal_gives_pandoc_nothing_to_interpret(value):
    import pypandoc

    out = pypandoc.convert_text(md_literal(value), "plain", format=PANDOC_FORMAT, extra_args=["--wrap=none"])
    assert out.strip() == " ".join(value.split())


@pytest.mark.parametrize(
    "url, kept",
    [
        ("https://example.org/a b", None),
        ("https://example.org/a(b)", "https://example.org/a%28b%29"),
        ("http://x.se/?q=1&r=2", "http://x.se/?q=1&r=2"),
        ("mailto:a@b.se", "mailto:a@b.se"),
        ('https://x.se/"><script>', "https://x.se/%22%3E%3Cscript%3E"),
        ("javascript:alert(1)", None),
        (" JAVASCRIPT:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,x", None),
        ("vbscript:x", None),
        ("file:///etc/passwd", None),
        ("//evil.example/x", None),
        ("#anchor", None),
        ("relative/path", None),
    ],
)
def test_safe_link_allows_only_web_and_mail_addresses(url, kept):
    assert safe_link(url) == kept


def test_narrative_markdown_escapes_every_user_character():
    html, markdown = narrative('Text #read("x") *fet* <b>x</b> [l](javascript:x) ![b](https://e/x.png)')
    assert "<b>" not in html and "<img" not in html and "javascript" not in html
    assert markdown.strip() == 'Text \\#read(\\"x\\") *fet* \\<b\\>x\\</b\\> l b'


# --- templates are names, never paths ---------------------------------------------------------------


@pytest.mark.parametrize(
    "template", ["../../etc/passwd", "/etc/passwd", "sodra-dalarna/../vasteras", "..", "sodra-dalarna.ipynb", "a\\b"]
)
def test_template_paths_are_refused(template):
    with pytest.raises(InputError, match="ett mallnamn, inte en sökväg"):
        notebook_for(ROOT / "notebooks", template, Path("x.yml"))


def test_template_path_in_params_exits_2_at_validation(tmp_path, monkeypatch, capsys):
    params = tmp_path / "params" / "x" / "2021.yml"
    params.parent.mkdir(parents=True)
    source = (ROOT / "params/avesta/2021-22.yml").read_text(encoding="utf-8")
    source = source.replace("template: sodra-dalarna", "template: ../../../notebooks/vasteras")
    source = source.replace("../../data/", f"{ROOT}/data/")
    params.write_text(source, encoding="utf-8")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    monkeypatch.chdir(tmp_path)
    for command in (["validate", str(params)], ["render", str(params)]):
        assert cli.main(command) == 2
        err = capsys.readouterr().err
        assert "template" in err and "ett mallnamn, inte en sökväg" in err and "Traceback" not in err
    assert not (tmp_path / "output").exists()


# --- the publish gate: personal data injected into staged outputs is stopped -----------------------

PNR = "19830104-1234"  # shaped like a personnummer: the gate must stop it (a rejection test)
SAMORDNING = "830164-1234"  # day + 60


@pytest.fixture
def staged(hostile, tmp_path):
    """A copy of the hostile report's published files, as a staging folder, and its Prepared value."""
    _, _, folder, prepared = hostile
    copy = tmp_path / "staging"
    shutil.copytree(folder, copy)
    return copy, prepared


def _blocked(folder: Path, prepared, secret: str, pages: dict | None = None) -> str:
    with pytest.raises(gate.LeakError) as caught:
        gate.check(folder, prepared.sensitive, pages)
    message = str(caught.value)
    assert secret.casefold() not in message.casefold(), "the message must not repeat the value"
    assert message.startswith("Publiceringen stoppades") and "ligger kvar" in message
    return message


def _inject_html(folder: Path, snippet: str) -> None:
    path = folder / "report.html"
    path.write_text(path.read_text(encoding="utf-8").replace("</main>", f"{snippet}</main>"), encoding="utf-8")


def _a_participant(prepared) -> tuple[str, int, str]:
    """The first participant of the register: id, birth year, enrolment date."""
    reg = (ROOT / "data/example/avesta/deltagare.csv").read_text(encoding="utf-8").splitlines()[1].split(",")
    assert reg[0].casefold() in prepared.sensitive.ids and (int(reg[2]), reg[3]) in prepared.sensitive.pairs
    return reg[0], int(reg[2]), reg[3]


def test_the_hostile_report_itself_passes_the_gate(staged):
    folder, prepared = staged
    gate.check(folder, prepared.sensitive)  # no false alarm on a whole real report


def test_gate_stops_a_personnummer_in_html_text(staged):
    folder, prepared = staged
    _inject_html(folder, f"<p>Kontakt {PNR}</p>")
    assert "report.html, text: ett personnummer" in _blocked(folder, prepared, PNR)


def test_gate_stops_a_personnummer_in_an_html_attribute(staged):
    folder, prepared = staged
    _inject_html(folder, '<div title="830104 1234"></div>')
    assert "report.html, attributet title i <div>: ett personnummer" in _blocked(folder, prepared, "830104")


def test_gate_stops_a_samordningsnummer_in_indicators_json(staged):
    folder, prepared = staged
    path = folder / "indicators.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"name": "', f'"name": "{SAMORDNING} '), encoding="utf-8")
    assert "indicators.json, fältet name: ett samordningsnummer" in _blocked(folder, prepared, SAMORDNING)


def test_gate_stops_a_participant_id_split_by_inline_markup(staged):
    folder, prepared = staged
    pid, _, _ = _a_participant(prepared)
    _inject_html(folder, f"<p>{pid[:2]}<b>{pid[2:]}</b></p>")
    assert "report.html, text: ett deltagar-id ur registret" in _blocked(folder, prepared, pid)


def test_gate_stops_a_participant_id_as_a_json_key(staged):
    folder, prepared = staged
    pid, _, _ = _a_participant(prepared)
    path = folder / "indicators.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"flows": {', f'"flows": {{"{pid}": 1, ', 1))
    assert "indicators.json, en nyckel i flows: ett deltagar-id ur registret" in _blocked(folder, prepared, pid)


def test_gate_stops_a_birth_year_next_to_an_enrolment_date(staged):
    folder, prepared = staged
    _, year, day = _a_participant(prepared)
    _inject_html(folder, f"<table><tr><td>{day}</td><td>{year}</td></tr></table>")
    message = _blocked(folder, prepared, day)
    assert "report.html, text: en deltagares födelseår intill ett av deltagarens datum" in message
    assert str(year) not in message


def test_gate_stops_a_birth_year_next_to_a_date_written_in_swedish(staged):
    folder, prepared = staged
    _, year, day = _a_participant(prepared)
    y, m, d = (int(x) for x in day.split("-"))
    month = "januari februari mars april maj juni juli augusti september oktober november december".split()[m - 1]
    _inject_html(folder, f"<p>född {year}, inskriven {d} {month} {y}</p>")
    assert "en deltagares födelseår" in _blocked(folder, prepared, day)


def test_gate_stops_free_text_detail_from_the_register(staged):
    folder, prepared = staged
    detail = prepared.sensitive.details[0]
    _inject_html(folder, f"<p>Avslut: {detail.upper()}</p>")
    assert "report.html, text: fritext ur indata (avslut_detalj)" in _blocked(folder, prepared, detail)


def test_gate_reads_free_text_hyphenated_across_pdf_lines(hostile):
    _, _, _, prepared = hostile
    detail = prepared.sensitive.details[0]
    cut = len(detail) // 2 + detail[len(detail) // 2 :].find(" ") + 3
    assert gate.DETAIL in gate.Scanner(prepared.sensitive).kinds(f"{detail[:cut]}-\n{detail[cut:]}")


def _pdf_with(folder: Path, tmp_path: Path, **meta: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(folder / "report.pdf"))
    writer.add_metadata({f"/{k}": v for k, v in meta.items()})
    with open(tmp_path / "new.pdf", "wb") as out:
        writer.write(out)
    shutil.move(tmp_path / "new.pdf", folder / "report.pdf")


def test_gate_stops_a_personnummer_in_pdf_metadata_title(staged, tmp_path):
    folder, prepared = staged
    _pdf_with(folder, tmp_path, Title=f"Rapport {PNR}")
    assert "report.pdf, metadata Title: ett personnummer" in _blocked(folder, prepared, PNR)


def test_gate_stops_a_participant_id_in_pdf_keywords(staged, tmp_path):
    folder, prepared = staged
    pid, _, _ = _a_participant(prepared)
    _pdf_with(folder, tmp_path, Keywords=f"rapport, {pid}")
    assert "report.pdf, metadata Keywords: ett deltagar-id ur registret" in _blocked(folder, prepared, pid)


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_gate_stops_a_personnummer_in_pdf_text_and_xmp(tmp_path, hostile, extractor, monkeypatch):
    import typst

    if extractor == "pdftotext" and not shutil.which("pdftotext"):
        pytest.skip("Poppler's pdftotext is not installed (the gate then reads the text with pypdf)")
    if extractor == "pypdf":  # as on a machine without Poppler
        monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    _, _, _, prepared = hostile
    folder = tmp_path / "staging"
    folder.mkdir()
    (tmp_path / "t.typ").write_text(
        f'#set document(title: "Rapport {SAMORDNING}")\nDeltagaren {PNR} avslutades.\n', encoding="utf-8"
    )
    typst.compile(str(tmp_path / "t.typ"), output=str(folder / "report.pdf"), root=str(tmp_path))
    message = _blocked(folder, prepared, PNR)
    assert "report.pdf, text på sida 1: ett personnummer" in message
    assert "report.pdf, metadata Title: ett samordningsnummer" in message
    assert "report.pdf, XMP-metadata: ett samordningsnummer" in message


def test_gate_reads_the_site_index_as_it_would_be_rewritten(staged):
    folder, prepared = staged
    pid, _, _ = _a_participant(prepared)
    message = _blocked(folder, prepared, pid, pages={"index.html": f"<table><tr><th>{pid}</th></tr></table>"})
    assert "index.html, text: ett deltagar-id ur registret" in message


def test_gate_keeps_quiet_about_decimals_and_tables_of_small_numbers():
    scanner = gate.Scanner()
    assert scanner.kinds("Månader: 10,6805169706 och 0.8301011234") == []
    cells = "".join(f"<td>{n}</td>" for n in ("12", "03", "15", "01", "23"))
    assert scanner.hits("report.html", gate.html_parts(f"<table><tr>{cells}</tr></table>")) == []


def test_the_kernel_never_receives_the_sensitive_values(hostile, tmp_path):
    from rapportlib.prepare import Prepared

    _, _, _, prepared = hostile
    assert prepared.sensitive
    pid, _, _ = _a_participant(prepared)
    saved = prepared.save(tmp_path / "p.pickle")
    assert not Prepared.read(saved).sensitive and pid.encode() not in saved.read_bytes()


def test_a_leak_stops_the_render_with_exit_2_and_leaves_the_earlier_report(hostile, monkeypatch, capsys):
    params, layout, folder, _ = hostile
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    index = (layout.output / "index.html").read_bytes()
    builtin = orchestrator.ENGINES["builtin"]

    def leaky(nb, params, layout, staging):  # an engine that writes a personnummer into the PDF title
        builtin(nb, params, layout, staging)
        _pdf_with(staging, staging.parent, Title=f"Rapport {PNR}")

    monkeypatch.setitem(orchestrator.ENGINES, "builtin", leaky)
    monkeypatch.chdir(params.parents[2])
    assert cli.main(["render", "--force", str(params)]) == 2
    err = capsys.readouterr().err
    assert "report.pdf, metadata Title: ett personnummer" in err
    assert PNR not in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert (layout.output / "index.html").read_bytes() == index


def test_a_file_that_is_no_readable_pdf_is_read_as_bytes(tmp_path):
    (tmp_path / "report.pdf").write_bytes(f"%PDF-1.7 trasig {PNR}\n".encode())
    with pytest.raises(gate.LeakError, match=r"report\.pdf, innehållet \(ingen läsbar PDF\): ett personnummer"):
        gate.check(tmp_path)
