"""The one detector of personal identity numbers: every shape people write, never a false date."""

import pytest

from rapportlib import identity

VALID = "811218-9876"  # Skatteverket's published example; check digit agrees


@pytest.mark.parametrize(
    "text",
    [
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "811218+9876",
        "811218 9876",
        "811218\u20139876",
        "811218\u00a09876",
        "811278-9876",  # samordningsnummer: day + 60
        "Kontakta 811218-9875 i morgon",  # wrong check digit: still personal data
    ],
)
def test_shapes_are_found(text):
    assert identity.contains(text)


@pytest.mark.parametrize(
    "text",
    ["2021-06-12", "20210612", "0771-524 600", "2 150 000 kr", "SFS 2018:1937", "A1", "811318-9876", "811200-9876"],
)
def test_other_numbers_are_not(text):
    assert not identity.contains(text)


def test_kind_and_check_digit_and_redaction():
    (m,) = identity.find(f"id {VALID}.")
    assert m.kind == "ett personnummer" and m.luhn and (m.start, m.end) == (3, 14)
    (c,) = identity.find("811278-9876")
    assert c.kind == "ett samordningsnummer"
    assert identity.redact(f"a {VALID} b") == "a [dolt nummer] b"
