"""Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer."""

from datetime import date
from typing import Literal

Sex = Literal["female", "male"]

class Personnummer:
    """A checked personnummer or samordningsnummer.

    Parses ``YYMMDD-NNNC``, ``YYMMDD+NNNC``, ``YYYYMMDD-NNNC`` and the forms without
    separator, inferring the century of 10-digit forms against ``reference`` (default today).
    Raises ``InvalidIdentifier`` naming the input and the problem.
    """

    def __init__(
        self,
        text: str,
        *,
        reference: date | None = None,
        allow_interim: bool = False,
        ignore_whitespace: bool = False,
    ) -> None: ...
    @staticmethod
    def parse_lenient(text: str) -> Personnummer:
        """Parses after removing all whitespace; interim numbers are refused."""
    @staticmethod
    def from_parts(birth_date: date, serial: int, samordningsnummer: bool = False) -> Personnummer:
        """The number for a date of birth and serial (1–999), with its check digit."""
    @property
    def birth_date(self) -> date:
        """The real date of birth (for a samordningsnummer without the 60)."""
    @property
    def sex(self) -> Sex:
        """The legal sex encoded in the second-to-last digit."""
    @property
    def is_samordningsnummer(self) -> bool: ...
    @property
    def is_interim(self) -> bool: ...
    def age_at(self, date: date) -> int | None:
        """Age in whole years on ``date``; ``None`` before the date of birth."""
    def format_short(self, reference: date | None = None) -> str:
        """``YYMMDD-NNNC`` as written on ``reference`` (``+`` from the year of turning 100)."""
    def format_long(self) -> str:
        """``YYYYMMDD-NNNC``, also what ``str()`` gives."""
    def digits(self) -> str:
        """The 12 characters ``YYYYMMDDNNNC``."""
    def short_digits(self) -> str:
        """The 10 characters ``YYMMDDNNNC``."""
    def __eq__(self, other: object) -> bool: ...
    def __lt__(self, other: Personnummer) -> bool: ...
    def __le__(self, other: Personnummer) -> bool: ...
    def __gt__(self, other: Personnummer) -> bool: ...
    def __ge__(self, other: Personnummer) -> bool: ...
    def __hash__(self) -> int: ...

class Organisationsnummer:
    """A checked organisationsnummer of a legal entity (not a sole trader's personnummer)."""

    def __init__(self, text: str) -> None: ...
    @staticmethod
    def parse_lenient(text: str) -> Organisationsnummer:
        """Parses after removing all whitespace."""
    @property
    def group(self) -> str | None:
        """The kind of legal entity from the first digit, e.g. ``"aktiebolag"``."""
    @property
    def group_label(self) -> str | None:
        """The group's Swedish label."""
    def digits(self) -> str:
        """The 10 digits."""
    def long_digits(self) -> str:
        """The 12 digits with prefix ``16``."""
    def __eq__(self, other: object) -> bool: ...
    def __lt__(self, other: Organisationsnummer) -> bool: ...
    def __le__(self, other: Organisationsnummer) -> bool: ...
    def __gt__(self, other: Organisationsnummer) -> bool: ...
    def __ge__(self, other: Organisationsnummer) -> bool: ...
    def __hash__(self) -> int: ...

def parse_organisation_id(
    text: str, *, reference: date | None = None, lenient: bool = False
) -> Organisationsnummer | Personnummer:
    """A business's number: an organisationsnummer, or a sole trader's personnummer."""

def is_valid_personnummer(text: str, reference: date | None = None) -> bool:
    """Whether ``Personnummer(text)`` would accept ``text``."""

def is_valid_organisationsnummer(text: str) -> bool:
    """Whether ``Organisationsnummer(text)`` would accept ``text``."""

def luhn_is_valid(digits: str) -> bool:
    """Whether the last digit is the Luhn check digit of the ones before it."""

def luhn_check_digit(payload: str) -> int | None:
    """The Luhn check digit completing ``payload``; ``None`` if it holds a non-digit."""
