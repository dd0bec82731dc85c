"""Answers kept by text are the answers for that text.

A place's fired signals (`_Place.memo`) and a document's personal data
(`CompiledRules.findings`) are kept by the text they read, so a body that recurs
(a copied file, a version saved again) is not searched again. These tests
classify documents whose texts recur, or nearly recur (the same opening, another
ending; the same body from other addresses), with kept answers and each again
with fresh rules: the answers must be the same, and what is kept must be the
answer for exactly its own key.
"""

from __future__ import annotations

from pathlib import Path

from recordkeeper.classify import classify_document, compile_rules
from recordkeeper.classify.compiled import _MEMO_LONGEST, CompiledRules
from recordkeeper.classify.personal_data import detect_personal_data
from recordkeeper.classify.views import build_views
from recordkeeper.model import Classification, DocumentFacts, EmailFacts
from recordkeeper.ruleset.load import load_ruleset

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")

OPENING = (
    "Textförslag och rekommendationer FMB Lumbago\n"
    "Symtom: Smärta i nedre delen av ryggen, ofta med stelhet och nedsatt rörlighet.\n"
    "Behandling: Fortsatt aktivitet, information och vid behov smärtlindring.\n"
)  # longer than the 200 characters kept before
ENDINGS = [
    "Prognos: De flesta blir bättre inom några veckor.",
    "Jävsdeklaration inkommen. Med vänlig hälsning Karin Wiik, projektledare",
    "Protokoll fört vid möte 2024-03-01. Beslut: texten fastställs. Slutversion.",
    "Ring Anna Svensson 070-123 45 67 om underlaget, anna.svensson@example.se",
]


def _doc(path: str, text: str, email: EmailFacts | None = None) -> DocumentFacts:
    kind = "eml" if email else "docx"
    return DocumentFacts(
        path=path, size=len(text), sha256="0" * 64, kind=kind, text=text, email=email
    )


def _fresh(doc: DocumentFacts) -> Classification:
    return classify_document(doc, compile_rules(RULES))


def test_a_recurring_body_is_answered_as_searched_afresh() -> None:
    kept = compile_rules(RULES)
    docs = [_doc(f"P/{i}-{j}.docx", OPENING + end) for i, end in enumerate(ENDINGS) for j in (0, 1)]
    docs += [_doc("P/lang.docx", OPENING * 60 + ENDINGS[1])]  # beyond what is kept
    answers = {d.path: classify_document(d, kept) for d in reversed(docs)}
    answers |= {d.path: classify_document(d, kept) for d in docs}  # now all from the memos
    for doc in docs:
        assert answers[doc.path] == _fresh(doc), doc.path
    # the endings differ in what they are: a memo keyed on less than the whole text fails
    assert len({(a.doc_class, a.reasons) for a in answers.values()}) >= 3
    content = kept.places["content"]
    window = RULES.scoring.text_window
    for doc in docs:
        body = build_views(doc, window, RULES.scoring.untitled).by_location["content"]
        held = content.memo.get(body)
        if len(body) > _MEMO_LONGEST:
            assert held is None
        else:
            assert held == content._fired(body)


def _findings(rules: CompiledRules, doc: DocumentFacts) -> dict[str, int]:
    return dict(classify_document(doc, rules).personal_data_findings.counts)


def test_personal_data_is_kept_by_text_and_addresses() -> None:
    kept = compile_rules(RULES)
    body = OPENING + ENDINGS[3]
    senders = ["registrator@example.se", "karin.wiik@example.se", "per.olsson@example.se"]
    mails = [
        _doc(f"M/{i}.eml", body, EmailFacts(sender=s, recipients=("info@example.se",)))
        for i, s in enumerate(senders)
    ]
    docs = [_doc("M/a.docx", body), *mails, _doc("M/b.docx", body), *mails]
    found = [_findings(kept, d) for d in docs]
    for doc, counts in zip(docs, found, strict=True):
        assert counts == _findings(compile_rules(RULES), doc)
    # the sender is a person in two of the mails: the addresses are part of the key
    assert found[1]["email"] < found[2]["email"] == found[3]["email"]
    for doc in docs:
        addresses = (doc.email.sender, *doc.email.recipients) if doc.email else ()
        held = kept.findings.get((body, addresses))
        generic = RULES.personal_data.generic_mailboxes
        assert held == detect_personal_data(body, addresses=addresses, generic_mailboxes=generic)
