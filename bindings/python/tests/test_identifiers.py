from datetime import date

import pytest

import lantero
from lantero.identifiers import (
    Organisationsnummer,
    Personnummer,
    is_valid_organisationsnummer,
    is_valid_personnummer,
    luhn_check_digit,
    luhn_is_valid,
    parse_organisation_id,
)

REFERENCE = date(2025, 1, 1)


def test_personnummer_parses_and_formats():
    pnr = Personnummer("121212+1212", reference=REFERENCE)
    assert str(pnr) == "19121212-1212"
    assert pnr.format_long() == "19121212-1212"
    assert pnr.format_short(REFERENCE) == "121212+1212"
    assert pnr.birth_date == date(1912, 12, 12)
    assert pnr.sex == "male"
    assert not pnr.is_samordningsnummer
    assert pnr.digits() == "191212121212"
    assert pnr.short_digits() == "1212121212"
    assert repr(pnr) == "Personnummer('19121212-1212')"


def test_samordningsnummer_has_the_real_birth_date():
    pnr = Personnummer("701063-2391", reference=REFERENCE)
    assert pnr.is_samordningsnummer
    assert pnr.birth_date == date(1970, 10, 3)


def test_invalid_personnummer_raises_with_the_library_message():
    with pytest.raises(lantero.InvalidIdentifier) as caught:
        Personnummer("19121212-1213")
    assert str(caught.value) == 'invalid personnummer "19121212-1213": check digit does not match'
    assert isinstance(caught.value, lantero.CoreError)
    assert isinstance(caught.value, lantero.LanteroError)


def test_options_and_lenient_parsing():
    with pytest.raises(lantero.InvalidIdentifier):
        Personnummer("000101-T220", reference=REFERENCE)
    assert Personnummer("000101-T220", reference=REFERENCE, allow_interim=True).is_interim
    assert str(Personnummer.parse_lenient("850709 9805")) == "19850709-9805"


def test_from_parts_and_age():
    born = date(1981, 12, 18)
    assert str(Personnummer.from_parts(born, 987)) == "19811218-9876"
    assert str(Personnummer.from_parts(born, 987, True)) == "19811278-9873"
    assert Personnummer.from_parts(born, 987).age_at(date(2025, 12, 17)) == 43
    assert Personnummer.from_parts(born, 987).age_at(date(1980, 1, 1)) is None
    with pytest.raises(lantero.InvalidIdentifier):
        Personnummer.from_parts(born, 0)


def test_equality_hash_and_order():
    a = Personnummer("19121212-1212")
    b = Personnummer("121212+1212", reference=REFERENCE)
    c = Personnummer("19811218-9876")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, c}) == 2
    assert sorted([c, a]) == [a, c]


def test_organisationsnummer():
    org = Organisationsnummer("5560160680")
    assert str(org) == "556016-0680"
    assert org.long_digits() == "165560160680"
    assert org.group == "aktiebolag"
    assert org == Organisationsnummer("16556016-0680")
    with pytest.raises(lantero.InvalidIdentifier, match="third digit must be 2 or more"):
        Organisationsnummer("121212-1212")


def test_organisation_id_tells_companies_from_sole_traders():
    assert isinstance(parse_organisation_id("556016-0680"), Organisationsnummer)
    owner = parse_organisation_id("811218-9876", reference=REFERENCE)
    assert isinstance(owner, Personnummer)
    assert str(owner) == "19811218-9876"


def test_validity_functions_and_luhn():
    assert is_valid_personnummer("19121212-1212")
    assert not is_valid_personnummer("19121212-1213")
    assert is_valid_personnummer("121212-1212", REFERENCE)
    assert is_valid_organisationsnummer("556016-0680")
    assert not is_valid_organisationsnummer("121212-1212")
    assert luhn_is_valid("8112189876")
    assert not luhn_is_valid("8112189875")
    assert luhn_check_digit("811218987") == 6
    assert luhn_check_digit("81121898x") is None
