"""Build classified documents and whole projects as values for evaluator tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from recordkeeper.model import Classification, DocumentFacts, EmailFacts
from recordkeeper.process import ClassifiedDocument

TODAY = date(2025, 12, 1)


def doc(
    path: str,
    doc_class: str,
    text: str = "",
    *,
    title: str | None = None,
    headings: tuple[str, ...] = (),
    draft: bool = False,
    email: EmailFacts | None = None,
    created: datetime | None = None,
) -> ClassifiedDocument:
    facts = DocumentFacts(
        path=path,
        size=len(text),
        sha256=f"{abs(hash(path)):064x}"[:64],
        kind="eml" if email else "docx",
        text=text,
        title=title,
        headings=headings,
        email=email,
        created_at=created or datetime(2025, 3, 1, tzinfo=UTC),
    )
    return ClassifiedDocument(facts, Classification(doc_class, draft, False, False, 0.9))


def project(
    variant: str = "new",
    *,
    drop: tuple[str, ...] = (),
    experts: tuple[str, ...] = ("Karin Ek", "Lars Berg"),
    rg: tuple[str, ...] = ("Maria Lind", "Olof Sund"),
    patient_rep: str = "Nils Holm",
    coi_missing_for: tuple[str, ...] = (),
) -> list[ClassifiedDocument]:
    """A complete project of `variant`; `drop` removes documents by key."""
    variant_sentence = (
        "Uppdraget är att ta fram ett nytt försäkringsmedicinskt beslutsstöd."
        if variant == "new"
        else "Uppdraget är en uppdatering av det befintliga beslutsstödet."
    )
    docs: dict[str, ClassifiedDocument] = {
        "plan": doc(
            "01 Plan/Projektplan.docx",
            "project_plan",
            f"{variant_sentence}\nProjektledare: Anna Berg\n"
            f"Sakkunniga i projektgruppen: {', '.join(experts)}.",
        ),
        "stat_request": doc(
            "03 Statistik/Beställning statistik Midas.eml",
            "statistics",
            "Formell förfrågan till Försäkringskassan om uppgifter ur Midas.",
            email=EmailFacts(
                sender="anna.berg@sos.se", subject="Beställning av statistik ur Midas"
            ),
        ),
        "stat_data": doc("03 Statistik/Statistik sjukfall.xlsx", "statistics", "Antal sjukfall"),
        "rg_list": doc(
            "04 RG/Deltagare.docx",
            "other",
            "Rekommendationsgrupp\n"
            + "\n".join(f"{n}, läkare, Region Skåne" for n in rg)
            + f"\nPatientrepresentant: {patient_rep}",
        ),
        "rg_booking": doc(
            "04 RG/Kallelse.eml",
            "correspondence",
            "Välkommen till möte med rekommendationsgruppen den 3 oktober.",
            email=EmailFacts(
                sender="anna.berg@sos.se", subject="Kallelse till möte med rekommendationsgruppen"
            ),
        ),
        "brief": doc(
            "05 Text/Kort om diagnosen.docx",
            "text_proposal",
            "Symtom. Behandling. Prognos.",
            title="Textförslag Kort om diagnosen",
        ),
        "icf": doc("06 ICF/ICF-kategorier.docx", "icf_assessment", "ICF-kategorier för bedömning"),
        "icf_texts": doc(
            "06 ICF/Funktionsnedsättning.docx",
            "text_proposal",
            "Funktionsnedsättning och aktivitetsbegränsning enligt ICF",
            title="Reviderade ICF-texter",
        ),
        "startup": doc(
            "07 Uppstart/Minnesanteckningar uppstartsmöte.docx", "meeting_notes", "Uppstartsmöte"
        ),
        "proposal": doc(
            "08 Text/Textförslag med rekommendationer.docx",
            "text_proposal",
            "Rekommendationer: Överväg sjukskrivning.",
            title="Textförslag och rekommendationer",
            draft=True,
        ),
        "survey": doc(
            "09 Synpunkter/Enkät till RG.docx",
            "survey",
            "Missiv och enkät",
            created=datetime(2025, 9, 1, tzinfo=UTC),
        ),
        "mail_fk": doc(
            "09 Synpunkter/Underlag till FK.eml",
            "correspondence",
            "Bifogat underlag",
            email=EmailFacts(sender="anna.berg@sos.se", subject="Underlag för synpunkter"),
        ),
        "answers": doc("10 Svar/Enkätrapport.xlsx", "survey_response", "Svar"),
        "rg_meeting": doc(
            "10 Svar/Minnesanteckningar möte med rekommendationsgruppen.docx",
            "meeting_notes",
            "Möte",
            title="Minnesanteckningar RG-möte",
        ),
        "revised": doc(
            "11 Revidering/Reviderat textförslag.docx",
            "text_proposal",
            "Text",
            title="Reviderat textförslag",
        ),
        "handling": doc(
            "11 Revidering/Sammanställning av synpunkter.docx",
            "comments",
            "Så har synpunkterna omhändertagits",
        ),
        "final": doc("11 Revidering/Beslutsstöd slutversion.docx", "publication", "Slutversion"),
        "feedback": doc(
            "11 Revidering/Återkoppling till RG.eml",
            "correspondence",
            "Tack",
            email=EmailFacts(
                sender="anna.berg@sos.se", subject="Återkoppling till rekommendationsgruppen"
            ),
        ),
        "knowledge": doc("12 Kunskapsunderlag/Kunskapsunderlag.docx", "knowledge_basis", "Metod"),
        "approval": doc(
            "13 Beslut/Föredragning.docx",
            "approval",
            "Beslut fattas av "
            + ("AC (avdelningschef)." if variant == "new" else "EC (enhetschef)."),
        ),
        "report": doc("15 Avslut/Erfarenhetsrapport.docx", "experience_report", "Erfarenheter"),
    }
    for name in experts:
        if name not in coi_missing_for:
            docs[f"coi {name}"] = doc(
                f"02 Projektgrupp/Jävsdeklaration {name}.pdf", "coi_declaration", f"Namn: {name}"
            )
        docs[f"agreement {name}"] = doc(
            f"02 Projektgrupp/Avtal {name}.docx",
            "agreement",
            f"Uppdragstagare: {name}\nUppdraget: medverka som sakkunnig i projektgruppen.",
        )
    for name in (*rg, patient_rep):
        if name not in coi_missing_for:
            docs[f"coi {name}"] = doc(
                f"04 RG/Jäv/Jävsdeklaration {name}.pdf",
                "coi_declaration",
                f"Namn: {name}\nUppdrag: ledamot i rekommendationsgruppen",
            )
    return [d for key, d in docs.items() if key not in drop]
