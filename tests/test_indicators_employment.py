"""Employment (*sysselsättning*) before enrolment and after exit (indicators/employment.py)."""

from __future__ import annotations

import pytest

from rapportlib.indicators.employment import employment_before_after
from rapportlib.load import read_register

from helpers_register import enrolment, period_populations, register

START, END = "2021-01-01", "2021-12-31"
STATUSES = ("arbete_osubventionerat", "arbete_subventionerat", "studier", "aktivt_arbetssokande",
            "ingen_sysselsattning")


def exits_of(*rows):
    return period_populations(register(*rows), START, END)["exits"]


def employment_exits():
    return exits_of(
        # two work statuses after exit: counted once in work_or_studies
        enrolment("a", "2020-01-01", "2021-02-01", anledning="arbete", syss_fore=("ingen_sysselsattning",),
                  syss_efter=("arbete_osubventionerat", "arbete_subventionerat")),
        enrolment("b", "2020-01-01", "2021-03-01", anledning="studier", syss_fore=("aktivt_arbetssokande",),
                  syss_efter=("studier",)),
        enrolment("c", "2020-01-01", "2021-04-01", anledning="aktivt_arbetssokande", syss_fore=("studier",),
                  syss_efter=("aktivt_arbetssokande",)),
        enrolment("d", "2020-01-01", "2021-05-01", anledning="annat"),  # nothing recorded
        # early dropouts: left out of the counts, counted as "without measurement"
        enrolment("e", "2021-06-01", "2021-06-20", syss_fore=("ingen_sysselsattning",),
                  syss_efter=("arbete_osubventionerat",)),
        enrolment("f", "2021-07-01", "2021-12-01", anledning="arbete", avhopp=True,
                  syss_efter=("arbete_osubventionerat",)),
        # still enrolled: not an exit
        enrolment("g", "2020-01-01", syss_fore=("ingen_sysselsattning",)),
    )


def test_counts_per_status_before_and_after():
    result = employment_before_after(employment_exits())
    assert result["recorded"] is True
    assert result["persons"] == 4  # a, b, c, d; e and f are dropouts, g is still enrolled
    status = result["status"]
    assert tuple(status) == STATUSES
    assert status["arbete_osubventionerat"] == {"before": 0, "after": 1, "change": 1, "change_pct": None}  # a
    assert status["arbete_subventionerat"] == {"before": 0, "after": 1, "change": 1, "change_pct": None}  # a
    # studier: c before, b after → 1 − 1 = 0; 0 / 1
    assert status["studier"]["before"] == 1 and status["studier"]["after"] == 1
    assert status["studier"]["change"] == 0
    assert status["studier"]["change_pct"] == pytest.approx(0.0)
    # aktivt arbetssökande: b before, c after
    assert (status["aktivt_arbetssokande"]["before"], status["aktivt_arbetssokande"]["after"]) == (1, 1)
    # ingen sysselsättning: a before, none after → 0 − 1 = −1; −1 / 1
    assert (status["ingen_sysselsattning"]["before"], status["ingen_sysselsattning"]["after"]) == (1, 0)
    assert status["ingen_sysselsattning"]["change"] == -1
    assert status["ingen_sysselsattning"]["change_pct"] == pytest.approx(-1.0)


def test_work_or_studies_counts_each_person_once():
    ws = employment_before_after(employment_exits())["work_or_studies"]
    assert ws["before"] == 1  # c (studier)
    assert ws["after"] == 2  # a (two work statuses, once) and b (studier); not 3
    assert ws["change"] == 1  # 2 − 1
    assert ws["change_pct"] == pytest.approx(1.0)  # 1 / 1


def test_without_measurement_is_the_dropouts():
    assert employment_before_after(employment_exits())["without_measurement"] == 2  # e (dates), f (flag)


def test_register_without_employment_columns():
    exits = exits_of(
        enrolment("a", "2020-01-01", "2021-02-01", anledning="arbete"),
        enrolment("b", "2020-01-01", "2021-03-01", anledning="studier"),
        enrolment("e", "2021-06-01", "2021-06-20"),  # dropout
    )
    assert "sysselsattning_fore" not in exits
    result = employment_before_after(exits)
    assert result["recorded"] is False
    assert result["persons"] == 2  # a, b
    for code in STATUSES:
        assert result["status"][code] == {"before": 0, "after": 0, "change": 0, "change_pct": None}
    assert result["work_or_studies"] == {"before": 0, "after": 0, "change": 0, "change_pct": None}
    assert result["without_measurement"] == 1  # e


def test_no_exits():
    exits = exits_of(enrolment("g", "2020-01-01", syss_fore=("studier",)))  # still enrolled
    result = employment_before_after(exits)
    assert result["persons"] == 0
    assert result["status"]["studier"] == {"before": 0, "after": 0, "change": 0, "change_pct": None}
    assert result["without_measurement"] == 0


def test_register_file_without_employment_columns_is_not_recorded(tmp_path):
    path = tmp_path / "deltagare.csv"
    path.write_text(
        "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent\n"
        "a,kvinna,1990,2020-01-01,2021-02-01,arbete,af\n",
        encoding="utf-8",
    )
    exits = period_populations(read_register(path), START, END)["exits"]
    assert len(exits) == 1  # a
    assert employment_before_after(exits)["recorded"] is False  # the file has no employment columns
