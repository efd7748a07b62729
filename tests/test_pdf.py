"""pandoc as the PDF step runs it: with a small starting heap where that pandoc takes runtime
options, without where it refuses them, and the same Typst either way."""

import stat

import pytest

from rapportlib.render import pdf


@pytest.fixture
def fresh():
    """A monkeypatch, with pandoc's command found afresh before and after."""
    pdf._pandoc.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        yield patch
    pdf._pandoc.cache_clear()


def test_the_shipped_pandoc_runs_with_a_small_heap_and_writes_the_same_typst(fresh):
    import pypandoc

    assert pdf._pandoc() == (pypandoc.get_pandoc_path(), *pdf.RTS_OPTIONS)
    text = "## Rubrik\n\nEn *mening* med 62,5 % och [x].\n\n| A | B |\n|---|--:|\n| a | 1 |\n"
    with_options = pdf.convert(text)
    fresh.setattr(pdf, "_pandoc", lambda: (pypandoc.get_pandoc_path(),))
    assert with_options == pdf.convert(text)
    assert "= Rubrik" in with_options and "#emph[mening]" in with_options


def test_a_pandoc_without_runtime_options_runs_without_them(fresh, tmp_path):
    import pypandoc

    fake = tmp_path / "pandoc"
    fake.write_text('#!/bin/sh\nfor a in "$@"; do [ "$a" = "+RTS" ] && exit 1; done\nexit 0\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    fresh.setattr(pypandoc, "get_pandoc_path", lambda: str(fake))
    assert pdf._pandoc() == (str(fake),)


def test_convert_runs_pandoc_as_found(fresh):
    import subprocess

    commands, real = [], subprocess.run
    fresh.setattr(subprocess, "run", lambda command, **kw: commands.append(command) or real(command, **kw))
    found = pdf._pandoc()
    pdf.convert("Text.")
    assert tuple(commands[-1][: len(found)]) == found
