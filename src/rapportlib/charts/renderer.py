"""Where a chart's SVG is drawn: by vl-convert, in a batch worker's service process when there is
one (:mod:`rapportlib.service`: its JavaScript engine started once for all the reports the
worker renders, a spec drawn before answered from memory), else in this process."""

from __future__ import annotations

from .. import service


def draw(spec: dict, locale: dict | str | None = None) -> str:
    """The SVG of a Vega-Lite spec, numbers in ``locale`` (a vl-convert format locale)."""
    try:
        return service.call(draw_here, spec, locale)
    except service.JobFailed as exc:
        raise ValueError(str(exc)) from None


@service.remembered
def draw_here(spec: dict, locale: dict | str | None) -> str:
    """The SVG of a Vega-Lite spec, drawn by vl-convert in this process."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec, format_locale=locale) if locale else vlc.vegalite_to_svg(spec)


def warm() -> None:
    """Start vl-convert's JavaScript engine in this process (about 0.4 s, once) on a tiny chart."""
    encoding = {"x": {"field": "x", "type": "quantitative"}}
    draw_here({"data": {"values": [{"x": 1}]}, "mark": "bar", "encoding": encoding}, None)
