"""The columns of the participant register (data contract §2): the one list of them.

``REQUIRED`` and ``OPTIONAL`` are every contract column; ``COLUMNS`` is the order in which a
register is written (by the demo generator, and by tests building one): every column except
``tidigt_avhopp`` (the dates decide where it is absent), the optional employment columns
(``EMPLOYMENT``), the exit details (``EXIT_PATHS``) and the home municipality (``HOME``), which a
writer appends when it has them.
``TYPED`` is the order of the columns of the frame :func:`rapportlib.load.read_register` returns.
"""

from __future__ import annotations

REQUIRED = ("deltagar_id", "kon", "fodelsear", "inskrivningsdatum", "remittent")
OPTIONAL = (
    "avslutsdatum",
    "avslutsanledning",
    "avslut_detalj",
    "tidigt_avhopp",
    "forsorjning_fore",
    "forsorjning_efter",
    "utbildning",
    "ar_i_offentlig_forsorjning",
    "delinsats",
    "sysselsattning_fore",
    "sysselsattning_efter",
    "fortsatt_till",
    "avbrott_anledning",
    "kommun",
)
#: Optional columns that describe exits in more detail (issue 14): where continued rehabilitation
#: went, and why an early dropout broke off. In a typed register always (empty when absent).
EXIT_PATHS = ("fortsatt_till", "avbrott_anledning")
#: The optional employment columns (*sysselsättning*): in a typed register only when the file has them.
EMPLOYMENT = ("sysselsattning_fore", "sysselsattning_efter")
#: The home municipality (*kommun*, where the participant is registered): read when the file has it,
#: written by the demo generator only for a plan's predecessor register.
HOME = ("kommun",)
#: The order in which a register is written (without ``tidigt_avhopp`` and ``EMPLOYMENT``).
COLUMNS = (
    "deltagar_id",
    "kon",
    "fodelsear",
    "inskrivningsdatum",
    "avslutsdatum",
    "avslutsanledning",
    "avslut_detalj",
    "remittent",
    "forsorjning_fore",
    "forsorjning_efter",
    "utbildning",
    "ar_i_offentlig_forsorjning",
    "delinsats",
)
#: The columns of a typed register, in order: ``rad`` (the row in the file) first.
TYPED = ("rad", "deltagar_id", *REQUIRED[1:], *OPTIONAL)

#: Which code list each coded column uses.
CODED = {
    "kon": "kon",
    "remittent": "remittent",
    "avslutsanledning": "avslutsanledning",
    "utbildning": "utbildning",
    "tidigt_avhopp": "ja_nej",
    "fortsatt_till": "fortsatt_till",
    "avbrott_anledning": "avbrott_anledning",
}
#: Which code list each list column (``;``-separated codes, first is the main one) uses.
LISTS = {
    "forsorjning_fore": "forsorjning",
    "forsorjning_efter": "forsorjning",
    "sysselsattning_fore": "sysselsattning",
    "sysselsattning_efter": "sysselsattning",
}
#: Column name → its code list (a params file's ``aliases: codes:`` may name either).
KIND_OF_COLUMN = {**CODED, **LISTS}
#: An exit reason alias meaning "early dropout, no reason" (SUS: *utskrivning utan mätning*).
DROPOUT_CODE = "tidigt_avhopp"
