"""Synthetic municipal documents with gold spans: decision letters, e-mails with signatures,
journal notes, tip reports and minutes.

A template refers to a small cast of invented people (``{p1.full}``, ``{p2.gen}`` …) and to
places, organisations and identifiers. Names show up the way they do in real case files: in
headers, ALL CAPS, as lowercase e-mail local parts, with genitive -s, hyphenated, inverted
(``Lindqvist, Anna``), as initials, and non-Nordic.

Templates whose name starts with ``heldout`` are used only for the held-out evaluation set,
together with the held-out half of the name lists.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import lexicon, namepool
from .data import Example

TEMPLATES: dict[str, str] = {}

TEMPLATES["beslut_bistand"] = """{kommun}
{nämnd}

BESLUT
Datum: {date}
Dnr: {dnr}

Sökande: {p1.full}
Personnummer: {pnr}
Adress: {addr}

Ansökan om ekonomiskt bistånd

Beslut
{nämnd} beviljar {p1.full} ekonomiskt bistånd med {amount} kronor för {month}.

Motivering
{p1.last} har ansökt om bistånd till hyra och livsmedel. Av {p1.lastgen} kontoutdrag framgår att
hushållet saknar andra inkomster. {p1.first} har varit inskriven hos {org} sedan {date}.
{p2.full}, {rel} till sökanden, bor i hushållet.

Handläggare
{p3.full}, {role}
{p3.email}, {phone}
"""

TEMPLATES["beslut_avslag"] = """BESLUT OM AVSLAG
{p1.caps}
{addr}

Datum {date}                                   Dnr {dnr}

Ni har ansökt om {service}. {nämnd} avslår ansökan.

Skäl för beslutet
Utredningen visar att {p1.first} {p1.last} inte uppfyller kraven. Enligt uppgift från {org}
har {p1.first} en inkomst som överstiger normen. {p1.lastgen} ombud {p2.full} har yttrat sig
den {date} men har inte tillfört något nytt.

Beslutet kan överklagas hos {court}. Skrivelsen ska ha kommit in till {nämnd} inom tre
veckor från den dag ni fick del av beslutet.

{p3.full}
{role}, {kommun}
"""

TEMPLATES["epost_intern"] = """Från: {p1.full} <{p1.email}>
Skickat: den {date} {time}
Till: {p2.email}
Kopia: {p3.full}
Ämne: Sv: {p4.full} – ärende {dnr}

Hej {p2.first}!

Tack för ditt mejl. Jag har pratat med {p4.first} i telefon idag och {p4.first} bekräftar att
{rel} {p5.first} flyttat till {place} i {month}. Kan du kolla med {org} om {p4.lastgen}
ersättning ska stoppas? Jag återkommer när jag har fått svar från {p3.first}.

Med vänliga hälsningar

{p1.full}
{role}
{kommun}
Tel: {phone}
{p1.email}
"""

TEMPLATES["epost_medborgare"] = """From: {p1.email}
Date: {date}
To: registrator@{domain}
Subject: {subject}

Hej,

Jag heter {p1.full} och skriver angående min {rel} {p2.full}. Vi har fått ett brev från
{nämnd} om att {p2.first} inte längre får {service}. Jag förstår inte varför.
{p2.first} har bott i {place} i hela sitt liv och har ingen annan hjälp.
Ni kan nå mig på {phone}.

Mvh {p1.first}

--
{p1.caps}
{addr}
"""

TEMPLATES["journal"] = """TJÄNSTEANTECKNING
Datum: {date}
Upprättad av: {p3.full}, {role}
Dnr: {dnr}

Hembesök hos {p1.full} ({pnr}) på {addr} tillsammans med {p4.full}.
{p1.first} berättar att {rel} {p2.first} varit sjuk sedan {month} och att {p2.first} inte orkar
gå till skolan. {p1.last} uppger att familjen har kontakt med {org}. Enligt {p4.last} har
lägenheten brister som hyresvärden {company} inte åtgärdat.
{p1.first} samtycker till att vi kontaktar {p2.lastgen} lärare på {school}.

Nästa steg: {p3.first} bokar uppföljande möte vecka {week}.
"""

TEMPLATES["journal_kort"] = """{date} Telefonsamtal med {p1.full}
{p1.first} ringde och frågade om beslutet. Informerade om möjligheten att överklaga.
{p1.last} vill att {p2.full} ({rel}) ska få ta del av handlingarna. Fullmakt saknas.
/{p3.init}

{date} Kontakt med {org}
Handläggaren {p4.full} bekräftar att {p1.lastgen} ärende är avslutat där.
/{p3.init}
"""

TEMPLATES["tips"] = """Tips om misstänkt felaktig utbetalning
Inkom: {date}
Kanal: webbformulär

Beskrivning från uppgiftslämnaren:
jag vill tipsa om att {p1.lowfull} som bor på {addr} jobbar svart på {company} fast {p1.lowfirst}
får försörjningsstöd. {p1.lowfirst} kör en {car} och åker till {place} varje helg. hans {rel}
{p2.full} hjälper till med bokföringen. {p1.caps} har gjort så här i flera år!!

Uppgiftslämnare: {p3.full}, {p3.email}, {phone}
Handläggare: {p4.full}
"""

TEMPLATES["tips_anonym"] = """Anonymt tips
Datum {date}

Hej. Jag vet att {p1.full} ({p1.age} år) på {street} i {place} hyr ut sin lägenhet i andra hand
men ändå får bostadsbidrag. Hon bor egentligen hos sin {rel} {p2.full} i {place2}.
{p1.lastgen} bil står aldrig på parkeringen. Kolla med {org} så ser ni.

Anteckning av {p3.full}, {role}: tipset registrerat, {p1.last} förekommer i ärende {dnr}.
"""

TEMPLATES["protokoll"] = """PROTOKOLL
{nämnd}, {kommun}
Sammanträdesdatum: {date}

Beslutande
{p1.full} (S), ordförande
{p2.full} (M), vice ordförande
{p3.full} (C)

Övriga närvarande
{p4.full}, {role}
{p5.full}, nämndsekreterare

Justerare
{p2.full}

§ {para} Ekonomiskt bistånd – återkrav
Dnr {dnr}
Ärendet gäller {p6.full}, {pnr}, {addr}. {p6.last} har uppburit ekonomiskt bistånd
samtidigt som {p6.first} haft lön från {company}.
Beslut: Utskottet beslutar att återkräva {amount} kronor. {p4.first} {p4.last} redogör för ärendet.

Vid protokollet
{p5.full}

Ordförande                                     Justerare
{p1.full}                                 {p2.full}
"""

TEMPLATES["protokoll_lista"] = """§ {para} Delegationsbeslut
Förteckning över beslut fattade av {p4.full}, {role}:
- {p6.inv}, {pnr}: bistånd beviljat
- {p7.inv}: avslag
- {p8.full}: ansökan återkallad
Anmäls till {nämnd}. {p1.full} ({p1.party}) frågar om {p7.lastgen} ärende.
"""

# Held-out genres: used only for the held-out documents.
TEMPLATES["heldout_beslut_lss"] = """{kommun}
{nämnd}
BESLUT ENLIGT LSS

{p1.caps}
{addr}

Datum: {date}
Ärende: Ansökan om {service}

{p1.full} har ansökt om personlig assistans. {p1.first} har en diagnos som innebär stora och
varaktiga funktionshinder. {nämnd} beviljar {p1.first} {p1.last} assistans om {hours} timmar
per vecka. {p1.lastgen} {rel} {p2.full} har deltagit vid utredningen.

Upplysningar lämnas av {p3.full}, {role}, telefon {phone}, e-post {p3.email}.
"""

TEMPLATES["heldout_epost_skola"] = """Från: {p1.email}
Till: {p2.email}
Ämne: Frånvaro {p3.first} {p3.last}

Hej {p2.first},

{p3.first} i klass 7B har varit frånvarande tre veckor. Jag har sökt vårdnadshavaren
{p4.full} flera gånger utan svar. {p4.last} har tidigare sagt att familjen ska flytta till
{place}. Vi gör en orosanmälan till {nämnd} i dag.

Hälsningar
{p1.full}
Mentor, {school}
"""

TEMPLATES["heldout_anteckning"] = """ANTECKNING {date}
Närvarande: {p1.full}, {p2.full}, {p3.full} ({role})

{p2.first} berättade att {p1.lastgen} {rel} {p5.full} har flyttat in. {p1.last} och {p5.last}
delar hyra. Enligt {p3.first} ska {org} kontaktas. {p5.caps} har inte folkbokfört sig i {place}.
"""

_PARTIES = ["S", "M", "C", "V", "L", "KD", "MP", "SD"]
_SERVICES = ["hemtjänst", "personlig assistans", "ledsagarservice", "bostadsanpassning",
             "ekonomiskt bistånd", "särskilt boende", "kontaktperson", "färdtjänst"]
_COURTS = ["förvaltningsrätten i Luleå", "förvaltningsrätten i Göteborg", "Förvaltningsrätten i Växjö"]
_SUBJECTS = ["Fråga om beslut", "Överklagande", "Angående min mamma", "Begäran om handlingar", "Klagomål"]
_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"]
_CARS = ["Volvo V70", "BMW", "Audi A6", "Mercedes", "Tesla", "Volkswagen Passat"]
_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "ç": "c", "ć": "c",
                        "č": "c", "š": "s", "ş": "s", "ž": "z", "ź": "z", "ń": "n", "ł": "l",
                        "ś": "s", "í": "i", "á": "a", "ó": "o", "'": ""})


@dataclass
class Person:
    firsts: list[str]
    lasts: list[str]
    hyphen_last: bool
    age: int

    @property
    def first(self) -> str:
        return self.firsts[0]

    @property
    def last(self) -> str:
        return ("-" if self.hyphen_last else " ").join(self.lasts)

    @property
    def full(self) -> str:
        return " ".join(self.firsts) + " " + self.last


def genitive(name: str) -> str:
    return name if name[-1] in "sxzSXZ" else name + "s"


def _ascii(s: str) -> str:
    return s.lower().translate(_ASCII)


@dataclass
class Names:
    """The names, places and companies a set of documents draws from."""

    firsts: list[str]
    lasts: list[str]
    # Share of draws from the wide international pool (``namepool``) instead of the hand lists.
    wide_share: float = 0.0
    wide_firsts: list[str] = field(default_factory=list)
    wide_lasts: list[str] = field(default_factory=list)
    wide_places: list[str] = field(default_factory=list)

    def first(self, rng: random.Random) -> str:
        return self._pick(rng, self.firsts, self.wide_firsts)

    def last(self, rng: random.Random) -> str:
        return self._pick(rng, self.lasts, self.wide_lasts)

    def place(self, rng: random.Random) -> str:
        return self._pick(rng, lexicon.PLACES, self.wide_places)

    def company(self, rng: random.Random) -> str:
        if not self.wide_share or rng.random() >= self.wide_share:
            return rng.choice(lexicon.COMPANIES)
        # A firm named after a person or a place, as Swedish firms often are.
        owner = self.last(rng) if rng.random() < 0.6 else self.place(rng)
        return f"{owner} {rng.choice(lexicon.TRADES)} {rng.choice(['AB', 'AB', 'HB'])}"

    def _pick(self, rng: random.Random, hand: list[str], wide: list[str]) -> str:
        # Without a pool, exactly one draw, as before the pool existed: the documents (and so
        # the shipped model) do not change.
        if self.wide_share and rng.random() < self.wide_share:
            return rng.choice(wide)
        return rng.choice(hand)


def split_names(seed: int, wide_share: float = 0.0) -> tuple[Names, Names]:
    """Seeded 80/20 split of every hand list into (training, held-out). With ``wide_share``, the
    training part also draws that share of its names and places from the wide pool, less every
    held-out name."""
    rng = random.Random(seed)
    train, held = Names([], []), Names([], [])
    for src, attr in ((lexicon.FIRST_NAMES_NORDIC, "firsts"), (lexicon.FIRST_NAMES_OTHER, "firsts"),
                      (lexicon.SURNAMES_NORDIC, "lasts"), (lexicon.SURNAMES_OTHER, "lasts")):
        items = sorted(set(src))
        rng.shuffle(items)
        cut = len(items) * 4 // 5
        getattr(train, attr).extend(items[:cut])
        getattr(held, attr).extend(items[cut:])
    if wide_share:
        train.wide_share = wide_share
        train.wide_firsts, train.wide_lasts = namepool.pool(exclude=set(held.firsts) | set(held.lasts))
        train.wide_places = list(namepool.places())
    return train, held


def make_person(rng: random.Random, names: Names) -> Person:
    firsts = [names.first(rng)]
    r = rng.random()
    if r < 0.10:
        firsts = [firsts[0] + "-" + names.first(rng)]
    elif r < 0.25:
        firsts.append(names.first(rng))
    lasts = [names.last(rng)]
    hyphen = False
    r = rng.random()
    if r < 0.08:
        lasts.append(names.last(rng))
        hyphen = True
    elif r < 0.14:
        lasts.append(names.last(rng))
    return Person(firsts, lasts, hyphen, rng.randint(19, 92))


@dataclass
class _Builder:
    text: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    length: int = 0

    def add(self, s: str, label: str | None = None) -> None:
        if label and s:
            self.spans.append((self.length, self.length + len(s), label))
        self.text.append(s)
        self.length += len(s)

    def add_name(self, s: str) -> None:
        """Adds a name; each whitespace-separated part is its own PER word within one span."""
        self.add(s, "PER")


def _pnr(rng: random.Random) -> str:
    y, m, d = rng.randint(1930, 2020), rng.randint(1, 12), rng.randint(1, 28)
    digits = f"{y % 100:02d}{m:02d}{d:02d}{rng.randint(100, 999)}"
    total = 0
    for i, ch in enumerate(digits):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v // 10 + v % 10
    check = (10 - total % 10) % 10
    body = f"{digits[:6]}-{digits[6:]}{check}"
    return (str(y // 100) if rng.random() < 0.5 else "") + body


def _email(rng: random.Random, p: Person, b: _Builder, domain: str) -> None:
    first = _ascii(p.first.replace("-", ""))
    last = _ascii(p.lasts[0].replace("-", ""))
    style = rng.random()
    if style < 0.55:
        b.add(first, "PER"); b.add("."); b.add(last, "PER")
    elif style < 0.7:
        b.add(first[0], None); b.add("."); b.add(last, "PER")
    elif style < 0.85:
        b.add(first, "PER"); b.add("."); b.add(last + str(rng.randint(10, 99)), "PER")
    else:
        b.add(first + last, "PER")
    b.add("@" + domain)


def render(template: str, rng: random.Random, names: Names) -> Example:
    """Fills one template with fresh people and values."""
    cast: dict[str, Person] = {}
    kommun_place = rng.choice(lexicon.PLACES[:45])
    b = _Builder()
    kommun_domain = _ascii(kommun_place) + ".se"
    for piece in re.split(r"(\{[^}]+\})", template):
        if not (piece.startswith("{") and piece.endswith("}")):
            b.add(piece)
            continue
        key = piece[1:-1]
        if "." in key and key.split(".")[0].startswith("p"):
            who, form = key.split(".", 1)
            if who not in cast:
                cast[who] = make_person(rng, names)
            _person(rng, cast[who], form, b, kommun_domain)
        else:
            _value(rng, key, b, kommun_place, kommun_domain, names)
    text = "".join(b.text)
    return Example(text, _join_adjacent(text, b.spans))


def _join_adjacent(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Merges spans of one type one space apart (``{p1.first} {p1.last}`` is one name, as the
    decoder and the news corpus would have it)."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if out and out[-1][2] == label and start == out[-1][1] + 1 and text[out[-1][1]] == " ":
            out[-1] = (out[-1][0], end, label)
        else:
            out.append((start, end, label))
    return out


def _person(rng: random.Random, p: Person, form: str, b: _Builder, domain: str) -> None:
    if form == "full":
        b.add_name(p.full)
    elif form == "first":
        b.add_name(p.first)
    elif form == "last":
        b.add_name(p.last)
    elif form == "gen":
        b.add_name(genitive(p.full))
    elif form == "lastgen":
        b.add_name(genitive(p.last))
    elif form == "caps":
        b.add_name(p.full.upper())
    elif form == "lowfull":
        b.add_name(p.full.lower() if rng.random() < 0.5 else p.full)
    elif form == "lowfirst":
        b.add_name(p.first.lower() if rng.random() < 0.5 else p.first)
    elif form == "inv":
        b.add_name(p.last); b.add(", "); b.add_name(" ".join(p.firsts))
    elif form == "init":
        b.add_name(p.first[0] + p.lasts[0][0] if rng.random() < 0.5 else p.first[0] + ". " + p.last)
    elif form == "email":
        _email(rng, p, b, domain if rng.random() < 0.6 else rng.choice(["gmail.com", "hotmail.com", "telia.com", "outlook.com"]))
    elif form == "age":
        b.add(str(p.age))
    elif form == "party":
        b.add(rng.choice(_PARTIES))
    else:
        raise ValueError(f"unknown person form {form!r}")


def _value(rng: random.Random, key: str, b: _Builder, kommun: str, domain: str, names: Names) -> None:
    if key == "kommun":
        b.add(kommun + rng.choice([" kommun", " stad"]), "ORG")
    elif key == "nämnd":
        b.add(rng.choice(["Socialnämnden", "Vård- och omsorgsnämnden", "Arbetsmarknadsnämnden",
                          "Socialnämndens individutskott", "Barn- och utbildningsnämnden"]), "ORG")
    elif key == "company":
        b.add(names.company(rng), "ORG")
    elif key in ("org", "school"):
        b.add(rng.choice(lexicon.INSTITUTIONS if key == "org" else lexicon.SERVICES), "ORG")
    elif key in ("place", "place2"):
        b.add(names.place(rng), "LOC")
    elif key == "street":
        b.add(rng.choice(lexicon.STREETS), "LOC")
    elif key == "addr":
        b.add(rng.choice(lexicon.STREETS), "LOC")
        b.add(f" {rng.randint(1, 80)}{rng.choice(['', '', ' B', ' lgh 1102'])}, {rng.randint(100, 999)} {rng.randint(10, 99)} ")
        b.add(kommun, "LOC")
    elif key == "court":
        b.add(rng.choice(_COURTS), "ORG")
    elif key == "date":
        b.add(f"{rng.randint(2019, 2027)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    elif key == "time":
        b.add(f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}")
    elif key == "dnr":
        b.add(f"{rng.choice(['SN', 'ON', 'KS', 'BUN', 'AMN'])} {rng.randint(2019, 2027)}/{rng.randint(1, 2999):04d}")
    elif key == "pnr":
        b.add(_pnr(rng))
    elif key == "phone":
        b.add(rng.choice(["070", "073", "076", "0480", "033", "08"]) + f"-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}")
    elif key == "amount":
        b.add(f"{rng.randint(1, 60)} {rng.randint(100, 999)}")
    elif key == "month":
        b.add(rng.choice(_MONTHS))
    elif key == "role":
        b.add(rng.choice(lexicon.ROLES))
    elif key == "rel":
        b.add(rng.choice(lexicon.RELATIONS))
    elif key == "service":
        b.add(rng.choice(_SERVICES))
    elif key == "subject":
        b.add(rng.choice(_SUBJECTS))
    elif key == "domain":
        b.add(domain)
    elif key == "car":
        b.add(rng.choice(_CARS))
    elif key in ("para", "week", "hours"):
        b.add(str(rng.randint(1, 140)))
    else:
        raise ValueError(f"unknown placeholder {key!r}")


def generate(count: int, seed: int, heldout: bool, wide_share: float = 0.0) -> list[Example]:
    """`count` documents: training genres with training names (``wide_share`` of them from the
    wide pool), or held-out genres and names."""
    rng = random.Random(seed)
    train_names, held_names = split_names(seed=1234, wide_share=0.0 if heldout else wide_share)
    names = held_names if heldout else train_names
    if heldout:
        # Held-out documents mix every genre; only the names are unseen.
        keys = sorted(TEMPLATES)
    else:
        keys = sorted(k for k in TEMPLATES if not k.startswith("heldout"))
    return [render(TEMPLATES[rng.choice(keys)], rng, names) for _ in range(count)]
