"""Swedish text material for sample documents: diagnoses, ICF categories, phrases.

Owns only words. Which document uses which words, and what the document is
labelled, is decided in `documents.py`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["DIAGNOSES", "ICF", "Diagnosis", "filler_paragraphs"]


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """A diagnosis an FMB project covers, with the facts its texts draw on."""

    name: str
    icd: str
    uncomplicated: bool
    symptoms: str
    treatment: str
    prognosis: str
    recommendation: str
    icf: tuple[str, ...]


ICF = {
    "b130": "Energi och driftfunktioner",
    "b134": "Sömnfunktioner",
    "b140": "Uppmärksamhetsfunktioner",
    "b144": "Minnesfunktioner",
    "b152": "Emotionella funktioner",
    "b280": "Smärtförnimmelse",
    "b455": "Funktioner för fysisk uthållighet",
    "b710": "Funktioner för rörlighet i leder",
    "b730": "Muskelkraftsfunktioner",
    "d230": "Genomföra daglig rutin",
    "d240": "Hantera stress och andra psykologiska krav",
    "d410": "Ändra grundläggande kroppsställning",
    "d415": "Bibehålla en kroppsställning",
    "d430": "Lyfta och bära föremål",
    "d440": "Handens finmotoriska användning",
    "d450": "Gå",
}

DIAGNOSES = {
    "lumbago": Diagnosis(
        "Lumbago",
        "M54.5",
        False,
        "Smärta i nedre delen av ryggen, ofta med stelhet och nedsatt rörlighet.",
        "Fortsatt aktivitet, information och vid behov smärtlindring och fysioterapi.",
        "De flesta blir bättre inom några veckor, men besvären kan återkomma.",
        "Överväg sjukskrivning på deltid under 1–2 veckor vid arbete med tunga lyft.",
        ("b280", "b710", "d410", "d415", "d430"),
    ),
    "covid": Diagnosis(
        "Långvarig covid",
        "U09.9",
        False,
        "Uttalad trötthet, ansträngningsutlöst försämring, andfåddhet och kognitiva besvär.",
        "Symtomlindring, individuellt anpassad rehabilitering och energibesparande strategier.",
        "Förloppet varierar; många förbättras under första året men en del har kvarstående besvär.",
        "Överväg gradvis återgång i arbete med hänsyn till ansträngningsutlöst försämring.",
        ("b130", "b140", "b144", "b455", "d230", "d240"),
    ),
    "radius": Diagnosis(
        "Distal radiusfraktur",
        "S52.5",
        True,
        "Smärta, svullnad och nedsatt funktion i handleden efter fall på utsträckt hand.",
        "Gipsbehandling eller operation följt av handträning.",
        "Läkningstiden är vanligen 6–8 veckor; funktionen återkommer oftast väl.",
        "Överväg sjukskrivning 6–8 veckor vid arbete som kräver kraft i handen.",
        ("b280", "b710", "b730", "d430", "d440"),
    ),
    "utmattning": Diagnosis(
        "Utmattningssyndrom",
        "F43.8A",
        False,
        "Psykisk och fysisk utmattning, koncentrationssvårigheter och sömnstörning.",
        "Samtalsbehandling, återhämtning och stegvis aktivitetsökning.",
        "Återhämtningen tar ofta månader; kognitiva besvär kan kvarstå längre.",
        "Överväg deltidssjukskrivning under rehabiliteringen i stället för heltid.",
        ("b130", "b134", "b140", "b152", "d230", "d240"),
    ),
    "karpaltunnel": Diagnosis(
        "Karpaltunnelsyndrom",
        "G56.0",
        True,
        "Domningar och stickningar i tumme, pek- och långfinger, ofta nattetid.",
        "Nattlig handledsortos, kortisoninjektion eller operation.",
        "Efter operation återgår de flesta i arbete inom några veckor.",
        "Överväg sjukskrivning 2–4 veckor efter operation vid handintensivt arbete.",
        ("b280", "b730", "d440"),
    ),
    "fibromyalgi": Diagnosis(
        "Fibromyalgi",
        "M79.7",
        False,
        "Långvarig utbredd smärta, trötthet och sömnstörning.",
        "Fysisk aktivitet, psykologisk behandling och smärtlindring.",
        "Besvären är ofta långvariga men varierar över tid.",
        "Överväg i första hand anpassning av arbetet före sjukskrivning.",
        ("b130", "b134", "b280", "b455", "d230"),
    ),
    "migran": Diagnosis(
        "Migrän",
        "G43.9",
        True,
        "Återkommande anfall av huvudvärk med illamående och ljuskänslighet.",
        "Anfallsbehandling och vid täta anfall förebyggande läkemedel.",
        "God prognos; anfallsfrekvensen minskar ofta med behandling.",
        "Sjukskrivning behövs sällan utöver enstaka dagar vid anfall.",
        ("b280", "b140", "d230"),
    ),
}

_FILLER = (
    "Arbetet följer instruktion 3.1.3.5 Ta fram och publicera försäkringsmedicinskt beslutsstöd.",
    "Texterna ska vara kortfattade och riktade till läkare och handläggare.",
    "Underlaget har stämts av med sakkunnig i projektgruppen.",
    "Statistik från Försäkringskassan redovisas i bilagan Kunskapsunderlag med metodbeskrivning.",
    "Synpunkter inhämtas från rekommendationsgruppen via webbenkät med två veckors svarstid.",
    "NPO Rehabilitering, habilitering och försäkringsmedicin får underlaget samtidigt.",
    "Tidplanen kan behöva justeras efter uppstartsmötet.",
    "Rekommendationerna formuleras i uppmaningsform, till exempel överväg.",
    "ICF-kategorierna bedöms som centrala eller kompletterande av sakkunnig.",
    "Frågan lyftes på enhetsmötet och återkoppling sker via e-post.",
    "Se även Socialstyrelsens nationella riktlinjer och nationella vårdförlopp.",
    "Sjukfallens längd redovisas som median, medelvärde samt 25:e och 75:e percentilen.",
)


def filler_paragraphs(rng: random.Random, count: int) -> list[str]:
    """`count` plausible sentences of project prose, shuffled."""
    return [rng.choice(_FILLER) for _ in range(count)]
