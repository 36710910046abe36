"""One corpus file: its bytes and what its manifest entry says about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from pages import Person, personnummer


@dataclass
class Case:
    """One corpus file and its manifest entry."""

    name: str
    attack: str
    data: bytes
    pages: int
    visible: list[str]
    hidden: list[str]
    ocr_only: list[str] = field(default_factory=list)
    notes: str = ""

    def manifest(self) -> dict:
        entry = {
            "name": self.name,
            "attack": self.attack,
            "pages": self.pages,
            "secrets": self.visible + self.hidden,
            "visible_secrets": self.visible,
            "ocr_only_secrets": self.ocr_only,
        }
        if self.notes:
            entry["notes"] = self.notes
        return entry


def person(name: str, birth: str, serial: str, century: bool = False) -> Person:
    """A fictional person whose personnummer gets a valid check digit (``birth`` YYYYMMDD)."""
    return Person(name, personnummer(birth, serial, century))
