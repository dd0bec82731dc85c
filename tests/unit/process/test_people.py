"""People found in a project's documents: lists, labels, declarations, e-mails, staff."""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.model import EmailFacts
from recordkeeper.process import find_people
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.ruleset.process import ProcessRules
from tests.unit.process.helpers import doc

RULES_DIR = Path(__file__).resolve().parents[3] / "rules"


@pytest.fixture(scope="module")
def rules() -> ProcessRules:
    return load_ruleset(RULES_DIR).one("process")


def roles_by_name(rules, docs) -> dict[str, set[str]]:
    return {p.name: set(p.roles) for p in find_people(rules, docs)}


def test_label_list_in_register_order_and_lower_case(rules) -> None:
    plan = doc(
        "p.docx", "project_plan", "Sakkunniga i projektgruppen: Ek, Karin, lars berg och K. Lund."
    )
    found = roles_by_name(rules, [plan])
    assert set(found) == {"Karin Ek", "lars berg"}  # "K. Lund" alone has no full given name
    assert found["Karin Ek"] == {"expert"}


def test_section_list_with_titles_and_organisations(rules) -> None:
    text = (
        "Rekommendationsgrupp\nMaria Lind, överläkare, Region Skåne\n"
        "Olof Sund (Region Uppsala)\n\nÖvrigt"
    )
    found = roles_by_name(rules, [doc("rg.docx", "other", text)])
    assert found == {"Maria Lind": {"rg_member"}, "Olof Sund": {"rg_member"}}


def test_patient_representative_is_also_an_rg_member(rules) -> None:
    found = roles_by_name(rules, [doc("rg.docx", "other", "Patientrepresentant: Nils Holm")])
    assert found == {"Nils Holm": {"patient_representative", "rg_member"}}


def test_table_rows_with_a_role_column(rules) -> None:
    text = (
        "Namn\tRoll\tOrganisation\nKarin Ek\tSakkunnig\tRegion Skåne\nAnna Berg\tProjektledare\tSoS"
    )
    found = roles_by_name(rules, [doc("deltagare.xlsx", "other", text)])
    assert found == {"Karin Ek": {"expert"}}


def test_staff_are_left_out(rules) -> None:
    text = "Projektledare: Anna Berg\nSakkunniga: Karin Ek, Anna Berg"
    assert set(roles_by_name(rules, [doc("p.docx", "project_plan", text)])) == {"Karin Ek"}


def test_declaration_subject_from_label_file_name_or_sender(rules) -> None:
    docs = [
        doc("a/Jävsdeklaration_Lars_Berg.pdf", "coi_declaration", ""),
        doc("a/scan.pdf", "coi_declaration", "Namn: EK Karin\nUppdrag: sakkunnig"),
        doc(
            "a/svar.eml",
            "coi_declaration",
            "Här kommer min deklaration",
            email=EmailFacts(sender="Maria Lind <maria.lind@regionskane.se>", subject="Jäv"),
        ),
    ]
    people = {p.name: p for p in find_people(rules, docs)}
    assert set(people) == {"Lars Berg", "Karin Ek", "Maria Lind"}
    assert people["Lars Berg"].subject_of == {"a/Jävsdeklaration_Lars_Berg.pdf"}
    assert people["Karin Ek"].roles == {"expert"}


def test_agreement_makes_its_subject_an_expert(rules) -> None:
    agreement = doc("Avtal.docx", "agreement", "Uppdragstagare: Karin Ek")
    assert roles_by_name(rules, [agreement]) == {"Karin Ek": {"expert"}}


def test_survey_recipients_are_rg_members(rules) -> None:
    survey = doc(
        "enkat.eml",
        "survey",
        "Enkät",
        email=EmailFacts(
            sender="anna.berg@sos.se",
            recipients=("Maria Lind <maria.lind@x.se>", "olof.sund@region.se"),
            subject="Enkät om textförslag",
        ),
    )
    assert roles_by_name(rules, [survey]) == {
        "Maria Lind": {"rg_member"},
        "Olof Sund": {"rg_member"},
    }


def test_mentions_in_many_forms_merge_into_one_person(rules) -> None:
    docs = [
        doc("p.docx", "project_plan", "Sakkunniga: Karin Maria Ek"),
        doc("j.pdf", "coi_declaration", "Namn: Ek, Karin"),
        doc("m.docx", "other", "Projektgrupp\nK. Ek"),
    ]
    people = find_people(rules, docs)
    assert [p.name for p in people] == ["Karin Maria Ek"]
    assert people[0].seen_in == {"p.docx", "j.pdf", "m.docx"}


def test_prose_is_not_a_member_list(rules) -> None:
    text = "Rekommendationsgruppen rekryteras via ansvarigt NPO och ska omfatta Region Skåne."
    assert roles_by_name(rules, [doc("p.docx", "project_plan", text)]) == {}


def test_greeting_lines_are_not_members(rules) -> None:
    # an NPO reply: the nominations, then the signature on one line with the greeting
    text = (
        "NPO föreslår följande:\nRekommendationsgrupp: Eva Lind, Olof Sund\n"
        "Mvh Kerstin\nHälsningar Lena\nMvh Helena Borg, Socialstyrelsen"
    )
    found = roles_by_name(rules, [doc("SV_ förfrågan.docx", "nomination_request", text)])
    assert found == {"Eva Lind": {"rg_member"}, "Olof Sund": {"rg_member"}}


def test_initials_and_signed_markers_in_file_names_are_not_names(rules) -> None:
    docs = [
        # a form line holding two fields: the name ends where the next field starts
        doc(
            "02 Projektgrupp/JD_KE_signerad.pdf",
            "coi_declaration",
            "DEKLARATION AV JÄV\nNamn: Karin Ek      Befattning: överläkare handkirurgi",
        ),
        doc("02 Projektgrupp/Avtal_AH_underskrivet.pdf", "agreement", ""),  # a scan
        doc("02 Projektgrupp/JD_AH_signerad.pdf", "coi_declaration", ""),
        doc("02 Projektgrupp/Avtal_Sofia_Lindgren_sign.pdf", "agreement", ""),
    ]
    people = {p.name: p for p in find_people(rules, docs)}
    assert set(people) == {"Karin Ek", "Sofia Lindgren"}
    assert people["Karin Ek"].subject_of == {"02 Projektgrupp/JD_KE_signerad.pdf"}


def test_a_folder_of_both_groups_gives_way_to_the_groups_own_list(rules) -> None:
    # "Experts/" holds the declarations of experts and RG members alike (issue #4); the
    # list titled for the recommendation group says who is in it
    docs = [
        doc("Experts/JD RG Anna Sund.pdf", "coi_declaration", "Jävsdeklaration\nNamn: Anna Sund"),
        doc("Experts/Jävsdeklaration Erik Nordin.pdf", "coi_declaration", "Namn: Erik Nordin"),
        doc(
            "Experts/RG sammansättning.docx",
            "nomination_request",
            "Namn\nYrke\nRegion\nAnna Sund\nPsykolog\nRegion Värmland",
            title="Rekommendationsgruppens sammansättning",
        ),
    ]
    assert roles_by_name(rules, docs) == {"Anna Sund": {"rg_member"}, "Erik Nordin": {"expert"}}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Namn: Nilsson Ek, Lena\nNamnförtydligande: Lena Nilsson Ek", "Lena Nilsson Ek"),
        ("Namn: Karin Sjöberg, ortoped", "Karin Sjöberg"),
    ],
)
def test_a_double_surname_in_register_order_is_one_person(rules, text, name) -> None:
    people = find_people(rules, [doc("02 Jäv/Jävsdeklaration.pdf", "coi_declaration", text)])
    assert [p.name for p in people] == [name]


def test_session4_habits_in_names_forms_and_folders(rules) -> None:
    # issue #4, session 4: a surname that is also a city, a mail-reply prefix and
    # JV/AVT abbreviations in file names, a form whose label and value are table cells,
    # and an "RG" folder holding the group's roster
    docs = [
        doc(
            "RG/SV_ Inbjudan att delta i rekommendationsgruppen.eml",
            "coi_declaration",
            "Hej Amir, jag deltar gärna. Jävsdeklarationen bifogas.",
            email=EmailFacts(sender="Hanna Lund <hanna.lund@rjl.se>", subject="SV: Inbjudan"),
        ),
        doc(
            "RG/SV_ Jävsdeklaration RG depression.eml",
            "coi_declaration",
            "Jag har inga bindningar.",
            email=EmailFacts(sender="Tomas Berglund <tomas.berglund@rg.se>", subject="SV: Jäv"),
        ),
        doc("AVT/AVT_Lindgren_S_signed.pdf", "agreement", ""),
        doc("AVT/uppdragsbekraftelse_holmgren.pdf", "agreement", ""),
        doc("JV/JV_Okafor_David.pdf", "coi_declaration", ""),
        doc(
            "PG/JV_fysioterapeut_AS.docx",
            "coi_declaration",
            "Jävsdeklaration\nNamn\nAnna Sjöberg\nUppdrag\nSakkunnig, projektgrupp",
        ),
        doc("RG/RG members.xlsx", "nomination_request", "Name\tProfession\nOlle Vik\tLäkare"),
        doc("Plan/Tidplan.xlsx", "project_plan", "Aktivitet\tAnsvarig\nRekrytera PG och RG\tJN"),
    ]
    people = {p.name: p for p in find_people(rules, docs)}
    # "Lindgren S" (initials only, no full name to join) is nobody; "Avt"/"Jv"/"Sv" no names
    assert set(people) == {
        "Hanna Lund",
        "Tomas Berglund",
        "Okafor David",
        "Anna Sjöberg",
        "Olle Vik",
    }
    assert people["Anna Sjöberg"].subject_of == {"PG/JV_fysioterapeut_AS.docx"}
    assert people["Olle Vik"].roles == {"rg_member"}


def _as_kind(d, kind: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(d, facts=replace(d.facts, kind=kind))


def test_session5_habits_in_names(rules) -> None:
    # issue #4, session 5: a nominee list cell in register order with a double surname,
    # titles after semicolons, a title before a name, RG nominees in prose ("Till RG"),
    # an English agreement's contractor, and a web form's export of declarations
    docs = [
        doc("RG/Nominerade.xlsx", "nomination_request", "Namn\tRoll\nNilsson Ek, Anna Olof\tRG"),
        doc(
            "RG/Jävsdeklaration Anna Nilsson Ek.pdf",
            "coi_declaration",
            "Namnförtydligande: Anna Olof Nilsson Ek",
        ),
        doc(
            "Mail/SV_ Förfrågan.eml",
            "nomination_request",
            "Till rekommendationsgruppen: Jonas Åberg, allmänläkare; Lisa Dahl, fysioterapeut; "
            "samt Gun Sjöstedt, patientföreträdare.\n"
            "Till RG föreslår vi Nadia Haddad, Tomas Berglund och Olle Vik.",
            email=EmailFacts(sender="NPO <npo@region.se>", subject="SV: Förfrågan om sakkunniga"),
        ),
        doc("Plan/Projektplan.docx", "project_plan", "Projektledare Malin Berg.\nÖvrigt."),
        doc(
            "Experts/Engagement letter Dahlberg_signerad.pdf",
            "agreement",
            "Between Socialstyrelsen and Henrik Dahlberg (the expert).",
        ),
        _as_kind(
            doc(
                "RG/Jävsdeklarationer RG (svar).xlsx",
                "coi_declaration",
                "ID\nNamn\nHar du ekonomiska intressen?\n2026-03-04 08:12\nAnders Wallin\nNej\n"
                "2026-03-05 13:40\nEklöf, Maja\nJa, styrelseledamot i patientförening",
            ),
            "xlsx",
        ),
    ]
    people = {p.name: p for p in find_people(rules, docs)}
    assert set(people) >= {
        "Anna Olof Nilsson Ek",
        "Jonas Åberg",
        "Lisa Dahl",
        "Gun Sjöstedt",
        "Tomas Berglund",
        "Henrik Dahlberg",
        "Anders Wallin",
        "Maja Eklöf",
    }
    # no phantoms: a surname alone, a title taken into a name, a file-name word
    assert not {
        n
        for n in people
        if n.split()[-1] in ("Ek", "Allmänläkare", "Fysioterapeut") and n != "Anna Olof Nilsson Ek"
    }
    assert not [n for n in people if "Projektledare" in n or "Letter" in n or "Malin" in n]
    assert people["Anna Olof Nilsson Ek"].subject_of == {"RG/Jävsdeklaration Anna Nilsson Ek.pdf"}
    assert people["Tomas Berglund"].roles == {"rg_member"}
    assert people["Henrik Dahlberg"].roles == {"expert"}
    assert people["Anders Wallin"].subject_of == {"RG/Jävsdeklarationer RG (svar).xlsx"}
    assert people["Maja Eklöf"].subject_of == {"RG/Jävsdeklarationer RG (svar).xlsx"}


def test_two_people_in_one_cell_stay_two(rules) -> None:
    # no "-sson" surname first: "Karin Ek, Lars Berg" is two people, not "Lars Berg Karin Ek"
    plan = doc("p.docx", "project_plan", "Sakkunniga: Karin Ek, Lars Berg")
    assert set(roles_by_name(rules, [plan])) == {"Karin Ek", "Lars Berg"}


def test_session6_habits_in_names(rules) -> None:
    # issue #4, session 6: particles and hyphens in names, a bilingual form label, a Swedish
    # contract's "(nedan kallad ...)", a folder per expert, a web form's CSV export, a prose
    # line naming several people, and a double surname alone in a file name
    docs = [
        doc(
            "mejl/meddelande1.msg",
            "nomination_request",
            "Hej Tove,\nTill projektgruppen föreslår vi Anna-Karin Lööf Hassan (infektion, "
            "Linköping), Jean-Marc Dubois och Björn af Klinteberg.\n"
            "Till RG föreslår vi Karl-Erik von Essen, Maria Nilsson-Öberg och Ahmed Al-Khatib.",
        ),
        doc("avtal/avtal_loof-hassan_underskrivet.pdf", "agreement"),
        doc(
            "avtal/Avtal Klinteberg.pdf",
            "agreement",
            "AVTAL OM ERSÄTTNING\nmellan Socialstyrelsen och Björn af Klinteberg (nedan kallad "
            "den sakkunniga)",
        ),
        doc("jäv/DoI_Dubois.pdf", "coi_declaration", "Name / Namn: jean-marc dubois"),
        doc("Sakkunniga/Eva Nilsson-Ahlqvist/Avtal.pdf", "agreement", "Avtal om ersättning"),
        _as_kind(
            doc(
                "RG/Formulär jäv RG.csv",
                "coi_declaration",
                "Tidstämpel;Namn;Roll\n2026-03-01 18:22;Karin Lindahl Strömberg;Allmänläkare\n",
            ),
            "text",
        ),
        _as_kind(
            doc(
                "enkät/export.csv",
                "survey_response",
                "Respondent,Completed,Q1 Agree\n1,2026-04-22,Yes\n",
            ),
            "text",
        ),
    ]
    people = {p.name: p for p in find_people(rules, docs)}
    assert set(people) == {
        "Anna-Karin Lööf Hassan",
        "Jean-Marc Dubois",
        "Björn af Klinteberg",
        "Karl-Erik von Essen",
        "Maria Nilsson-Öberg",
        "Ahmed Al-Khatib",
        "Eva Nilsson-Ahlqvist",
        "Karin Lindahl Strömberg",
    }
    for name in ("Karl-Erik von Essen", "Maria Nilsson-Öberg", "Ahmed Al-Khatib"):
        assert people[name].roles == {"rg_member"}
    for name in ("Anna-Karin Lööf Hassan", "Jean-Marc Dubois", "Björn af Klinteberg"):
        assert "expert" in people[name].roles
    loof_hassan = people["Anna-Karin Lööf Hassan"]
    assert loof_hassan.subject_of == {"avtal/avtal_loof-hassan_underskrivet.pdf"}
    assert people["Björn af Klinteberg"].subject_of == {"avtal/Avtal Klinteberg.pdf"}
    assert people["Jean-Marc Dubois"].subject_of == {"jäv/DoI_Dubois.pdf"}
    eva = people["Eva Nilsson-Ahlqvist"]
    assert eva.subject_of == {"Sakkunniga/Eva Nilsson-Ahlqvist/Avtal.pdf"}
    assert people["Karin Lindahl Strömberg"].subject_of == {"RG/Formulär jäv RG.csv"}


def test_a_surname_alone_names_a_declaration_only_when_one_person_has_it(rules) -> None:
    plan = doc(
        "Projektplan.docx",
        "project_plan",
        "Sakkunniga: Björn af Klinteberg, Karin Ek, Lars Ek\n"
        "Deltagare: Maria Lind, Lena Sjö-Björk (patientföreträdare), Anna Berg (projektledare)",
    )
    docs = [
        plan,
        doc("DoI_afKlinteberg_scan.pdf", "coi_declaration"),  # a textless scan
        doc("Jävsdeklaration Ek.pdf", "coi_declaration"),  # two people named Ek: nobody's
    ]
    people = {p.name: p for p in find_people(rules, docs)}
    assert people["Björn af Klinteberg"].subject_of == {"DoI_afKlinteberg_scan.pdf"}
    assert not people["Karin Ek"].subject_of and not people["Lars Ek"].subject_of
    assert people["Lena Sjö-Björk"].roles == {"patient_representative", "rg_member"}
    assert "Anna Berg" not in people and "Maria Lind" not in people  # staff; no role given


def test_the_words_left_out_of_file_names_are_rule_data(rules) -> None:
    # code review, session 7: which file-name words are never part of a name
    # (`name_noise_words`) is the agency's vocabulary, in the process rules
    docs = [
        doc("jäv/Intyg_Karin_Ek_signerat.pdf", "coi_declaration", ""),
        doc("avtal/Avtal Lars Berg 2026.pdf", "agreement", ""),
    ]
    assert "Lars Berg" in roles_by_name(rules, docs)
    assert "Karin Ek" not in roles_by_name(rules, docs)  # "Intyg" is no noise word here
    more = rules.model_copy(update={"name_noise_words": (*rules.name_noise_words, "intyg")})
    assert {"Karin Ek", "Lars Berg"} <= set(roles_by_name(more, docs))
    none = rules.model_copy(update={"name_noise_words": ()})
    assert not {"Karin Ek", "Lars Berg"} & set(roles_by_name(none, docs))


def test_english_document_words_in_file_names_are_no_names(rules) -> None:
    # session 7 blind holdout: "Conflict of interest - Tomas Wiklund.pdf" and "Fee agreement
    # signed LM.pdf" made the phantoms "Conflict Tomas Wiklund" and "Fee LM"
    docs = [
        doc("2026-02-16/Conflict of interest - Tomas Wiklund.pdf", "coi_declaration", ""),
        doc("2026-02-20/Fee agreement Tomas Wiklund.docx", "agreement", ""),
        doc("2026-02-18/Fee agreement signed LM.pdf", "agreement", ""),
    ]
    assert set(roles_by_name(rules, docs)) == {"Tomas Wiklund"}


def test_a_sentence_after_a_role_word_and_a_colon_is_no_name(rules) -> None:
    """A project plan's "En sakkunnig räcker: sjukskrivningen är okomplicerad." (session 10)
    named an expert "sjukskrivningen är okomplicerad": a label's value may be lower case,
    but a verb is never part of a name."""
    text = "En sakkunnig räcker: sjukskrivningen är okomplicerad.\nSakkunnig: Lina Forsgren"
    found = roles_by_name(rules, [doc("plan.docx", "project_plan", text)])
    assert found == {"Lina Forsgren": {"expert"}}


def test_attached_in_a_mail_file_name_is_no_name(rules) -> None:
    """A mail saved as "Jävsdeklaration bifogad - Leif Dahlgren.msg" (session 10) named
    "Bifogad Leif Dahlgren"."""
    docs = [doc("Mejl/Jävsdeklaration bifogad - Leif Dahlgren.msg", "coi_declaration", "")]
    assert set(roles_by_name(rules, docs)) == {"Leif Dahlgren"}
