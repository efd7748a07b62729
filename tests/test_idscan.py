"""``rapport scan``: where a file holds something shaped like an identity number, never what."""

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from rapportlib.idscan import MESSAGE, scan

ROOT = Path(__file__).resolve().parents[1]


def _luhn_digit(nine: str) -> str:
    total = 0
    for i, ch in enumerate(nine):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def _number(sep: str = "-") -> str:
    """A number shaped like a personnummer, built here so that it can be rejected: the date is
    Skatteverket's published example's, the serial made up, the check digit computed."""
    date, serial = "81" + "12" + "18", "987"
    return f"{date}{sep}{serial}{_luhn_digit(date + serial)}"


PNR = _number()  # there to be rejected
TAIL = PNR[-4:]


def _run(files, capsys):
    status = scan([Path(f) for f in files])
    err = capsys.readouterr().err
    assert PNR not in err and PNR.replace("-", "") not in err and TAIL not in err, "a number is never echoed"
    return status, err


def test_a_clean_text_file_passes(tmp_path, capsys):
    clean = tmp_path / "text.md"
    clean.write_text("## Beskrivning\n\nTeamet hade 2021-06-12 ett möte; telefon 0771-524 600.\n", encoding="utf-8")
    assert _run([clean], capsys) == (0, "")


def test_reports_file_and_line_of_each_hit(tmp_path, capsys):
    text = tmp_path / "analys.md"
    text.write_text(f"rad ett\nDeltagare {PNR} slutade.\nrad tre\n{_number(' ')}\n", encoding="utf-8")
    status, err = _run([text], capsys)
    assert status == 1
    assert err.splitlines() == [f"{text}:2: {MESSAGE}", f"{text}:4: {MESSAGE}"]


def test_windows_1252_register(tmp_path, capsys):
    register = tmp_path / "deltagare.csv"
    register.write_bytes(f"deltagar_id;kön\nA1;kvinna\n{_number(chr(0x2013))};man\n".encode("cp1252"))
    status, err = _run([register], capsys)
    assert status == 1 and f"{register}:3: " in err


def test_xlsx_cells_and_sheet_names(tmp_path, capsys):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Deltagare"
    ws.append(["deltagar_id", "kon"])
    ws.append(["A1", "kvinna"])
    ws.append([int(PNR.replace("-", "")), "man"])  # typed as a number, as Excel users do
    other = book.create_sheet("Tom")
    other["C5"] = f"kontakt {PNR}"
    path = tmp_path / "register.xlsx"
    book.save(path)
    status, err = _run([path], capsys)
    assert status == 1
    assert err.splitlines() == [f"{path}:Deltagare!A3: {MESSAGE}", f"{path}:Tom!C5: {MESSAGE}"]


def test_a_clean_workbook_passes(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["deltagar_id", "inskrivningsdatum"])
    book.active.append(["A1", "2021-06-12"])
    path = tmp_path / "ok.xlsx"
    book.save(path)
    assert _run([path], capsys) == (0, "")


def test_other_binaries_are_skipped_with_a_note(tmp_path, capsys):
    image = tmp_path / "logo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0" + PNR.encode())
    status, err = _run([image], capsys)
    assert status == 0 and "hoppas över" in err and str(image) in err


def test_utf16_text_is_read(tmp_path, capsys):
    path = tmp_path / "export.txt"
    path.write_text(f"id\n{PNR}\n", encoding="utf-16")
    assert _run([path], capsys)[0] == 1


def test_a_number_in_the_path_is_reported_hidden(tmp_path, capsys):
    path = tmp_path / f"{PNR}.md"
    path.write_text("inget här\n", encoding="utf-8")
    status, err = _run([path], capsys)
    assert status == 1 and "sökvägen" in err and "[dolt nummer]" in err


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_a_file_that_cannot_be_read_is_status_2(tmp_path, capsys, make):
    path = tmp_path / "x"
    if make == "folder":
        path.mkdir()
    status, err = _run([path], capsys)
    assert status == 2 and "kunde inte gås igenom" in err


def test_a_hit_outweighs_an_unreadable_file(tmp_path, capsys):
    text = tmp_path / "a.md"
    text.write_text(PNR, encoding="utf-8")
    assert _run([tmp_path / "saknas.md", text], capsys)[0] == 1


def test_broken_workbook_is_unreadable(tmp_path, capsys):
    import zipfile

    path = tmp_path / "trasig.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<inte xml")
    status, err = _run([path], capsys)
    assert status == 2 and "Excel" in err


def test_command_line(tmp_path):
    clean, dirty = tmp_path / "ok.md", tmp_path / "nej.md"
    clean.write_text("inget\n", encoding="utf-8")
    dirty.write_text(f"x {PNR}\n", encoding="utf-8")
    run = lambda *f: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "rapportlib.cli", "scan", *map(str, f)], cwd=ROOT, capture_output=True, text=True
    )
    ok = run(clean)
    assert ok.returncode == 0 and ok.stdout == ok.stderr == ""
    bad = run(clean, dirty)
    assert bad.returncode == 1 and f"{dirty}:1: {MESSAGE}" in bad.stderr and PNR not in bad.stderr + bad.stdout
