"""Invented Swedish people and the personal identifiers planted in sample documents.

Owns name pools, the ways a name is written in real documents ("Ek, Karin",
"K. Ek", middle names, capitals), and identifiers: personnummer and
samordningsnummer with a valid Luhn check digit, look-alikes with a wrong one,
e-mail addresses and phone numbers. Everything is drawn from a `random.Random`
the caller seeds, so a seed gives the same people every time. Nobody here is
real; e-mail domains are under `.example` style names or regions' own formats.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "Person",
    "fake_personnummer",
    "luhn_check_digit",
    "make_person",
    "name_variant",
    "personnummer",
    "samordningsnummer",
]

GIVEN = (
    "Åsa",
    "Björn",
    "Märta",
    "Örjan",
    "Göran",
    "Linnéa",
    "Karin",
    "Anders",
    "Ingrid",
    "Mikael",
    "Sofia",
    "Johan",
    "Eva",
    "Per",
    "Maria",
    "Lars",
    "Helena",
    "Jonas",
    "Anna",
    "Erik",
    "Ulla",
    "Håkan",
    "Ylva",
    "Stefan",
    "Ebba",
    "Sören",
    "Åke",
    "Hélène",
    "André",
    "Zoë",
    "Fatima",
    "Ahmed",
    "Nguyen",
    "Agnieszka",
    "Ibrahim",
    "Lena",
    "Pär",
    "Kjell",
    "Birgitta",
    "Malin",
)
MIDDLE = ("Maria", "Louise", "Johan", "Erik", "Elisabeth", "Marie", "Gustaf", "Kristina", "Olof")
FAMILY = (
    "Öberg",
    "Åkesson",
    "Ekström",
    "Sjögren",
    "Nyström",
    "Bäckström",
    "Lindqvist",
    "Håkansson",
    "Persson",
    "Karlsson",
    "Ek",
    "Al-Hassan",
    "Kowalski",
    "Lindén",
    "Wåhlin",
    "Strömberg",
    "Törnqvist",
    "Berg",
    "Jönsson",
    "Eriksson",
    "Mäkinen",
    "Nordén",
    "Söderlund",
    "Holmér",
    "Björklund",
    "Dahl",
    "Engström",
    "Fransson",
    "Gustafsson",
    "Hägg",
    "Nilsson Ek",
    "Rydén",
)
REGIONS = (
    ("Region Stockholm", "regionstockholm.se"),
    ("Region Skåne", "skane.se"),
    ("Västra Götalandsregionen", "vgregion.se"),
    ("Region Uppsala", "regionuppsala.se"),
    ("Region Norrbotten", "norrbotten.se"),
    ("Region Jönköpings län", "rjl.se"),
    ("Region Östergötland", "regionostergotland.se"),
)
PROFESSIONS = (
    "specialistläkare i allmänmedicin",
    "specialistläkare i ortopedi",
    "fysioterapeut",
    "arbetsterapeut",
    "specialistläkare i rehabiliteringsmedicin",
    "psykolog",
    "företagsläkare",
    "specialistläkare i infektionssjukdomar",
    "sjuksköterska",
    "kurator",
)
PATIENT_ORGS = (
    "Reumatikerförbundet",
    "Riksförbundet för smärtpatienter",
    "Covidföreningen i Sverige",
    "Neuroförbundet",
    "Patientföreningen Ryggen",
)


@dataclass(frozen=True, slots=True)
class Person:
    """An invented person; `name` is the canonical "Förnamn [Mellannamn] Efternamn" form."""

    given: str
    family: str
    middle: str | None
    email: str
    phone: str
    organisation: str
    profession: str
    personnummer: str
    roles: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.given, self.middle, self.family) if p)

    @property
    def short(self) -> str:
        return f"{self.given} {self.family}"


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit Swedish personnummer use, over YYMMDDNNN."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _number(rng: random.Random, *, day_offset: int, valid: bool, long_form: bool) -> str:
    year = rng.randint(1950, 1999)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28) + day_offset
    serial = rng.randint(100, 999)
    base = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    check = luhn_check_digit(base)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    prefix = f"{year // 100:02d}" if long_form else ""
    return f"{prefix}{base[:6]}-{base[6:]}{check}"


def personnummer(rng: random.Random, *, long_form: bool = True) -> str:
    """A personnummer with a valid check digit, e.g. 19750412-1234."""
    return _number(rng, day_offset=0, valid=True, long_form=long_form)


def samordningsnummer(rng: random.Random) -> str:
    """A samordningsnummer (day + 60) with a valid check digit."""
    return _number(rng, day_offset=60, valid=True, long_form=True)


def fake_personnummer(rng: random.Random) -> str:
    """A number shaped like a personnummer whose check digit is wrong: not personal data."""
    return _number(rng, day_offset=0, valid=False, long_form=True)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.lower().replace(" ", "").replace("-", "")


def make_person(rng: random.Random, roles: tuple[str, ...], used: set[str]) -> Person:
    """A new person whose "given family" is not in `used` (which is updated)."""
    while True:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        if f"{given} {family}" not in used:
            used.add(f"{given} {family}")
            break
    middle = rng.choice(MIDDLE) if rng.random() < 0.3 else None
    organisation, domain = rng.choice(REGIONS)
    if "patient_representative" in roles:
        organisation = rng.choice(PATIENT_ORGS)
        domain = "gmail.com" if rng.random() < 0.5 else "telia.com"
    profession = "patientrepresentant" if "patient_representative" in roles else ""
    return Person(
        given=given,
        family=family,
        middle=middle,
        email=f"{_ascii(given)}.{_ascii(family)}@{domain}",
        phone=f"07{rng.randint(0, 9)}-{rng.randint(100, 999)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        organisation=organisation,
        profession=profession or rng.choice(PROFESSIONS),
        personnummer=personnummer(rng),
        roles=roles,
    )


def name_variant(person: Person, rng: random.Random) -> str:
    """The person's name as a real document might write it."""
    forms = (
        person.name,
        person.short,
        f"{person.family}, {person.given}",
        f"{person.given[0]}. {person.family}",
        f"{person.family.upper()} {person.given}",
        f"{person.family}, {person.given} {person.middle or ''}".strip(),
        person.short.lower(),
    )
    return rng.choice(forms)
