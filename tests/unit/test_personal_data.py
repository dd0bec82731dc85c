"""Personal-data detection: counts and kinds only; look-alikes do not count."""

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recordkeeper.classify import personal_data
from recordkeeper.classify.personal_data import (
    _CUES,
    _EMAIL,
    _NAME,
    _NAME_CUES,
    _NOT_NAMES,
    _PHONE,
    _PNR,
    _RUN_CLASSES,
    _SURNAME_FIRST,
    _WORD,
    _class_runs,
    _cue_ends,
    _cue_hits,
    _digit_runs,
    _emails,
    _generic,
    _id_number_kind,
    _id_numbers,
    _latin1,
    _lowered,
    _phones,
    _unlowered,
    _without,
    detect_personal_data,
    number_windows,
    personal_data_scan,
    personal_identifiers,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Personnummer: 19811228-9874.", {"personnummer": 1}),
        ("pnr 811228-9874", {"personnummer": 1}),
        ("född 811228+9874", {"personnummer": 1}),
        ("personnummer 8112289874", {"personnummer": 1}),
        ("198112289874", {"personnummer": 1}),
        ("Samordningsnummer 701063-2391", {"samordningsnummer": 1}),
        ("skottdag 20840229-1234", {"personnummer": 1}),
    ],
)
def test_valid_identity_numbers_are_counted(text: str, expected: dict[str, int]) -> None:
    assert dict(detect_personal_data(text).counts) == expected


@pytest.mark.parametrize(
    "text",
    [
        "19811228-9875",  # wrong check digit
        "991332-1239",  # month 13, check digit right
        "850229-1233",  # 29 February in a year that has none
        "701093-2391",  # coordination day 93 - 60 = 33
        "ordernummer 8112289874",  # ten bare digits with no cue
        "Dnr 2.4-12345/2025",
        "datum 2025-03-01",
        "belopp 1234567890,50",
    ],
)
def test_look_alikes_are_not_personal_identity_numbers(text: str) -> None:
    counts = detect_personal_data(text).counts
    assert "personnummer" not in counts
    assert "samordningsnummer" not in counts


def test_phone_numbers_in_swedish_formats_are_counted() -> None:
    text = "Ring 070-123 45 67 eller 08-555 123 45 eller +46 70 123 45 67."
    assert detect_personal_data(text).counts == {"phone": 3}


def test_functional_mailboxes_are_not_people() -> None:
    findings = detect_personal_data(
        "Skicka till registrator@socialstyrelsen.se eller anna.svensson@region.se",
        generic_mailboxes=["registrator"],
    )
    assert findings.counts == {"email": 1}


def test_header_addresses_count_once_per_person() -> None:
    findings = detect_personal_data(
        "Hej Bo, se bifogat. bo.ek@fk.se",
        addresses=["bo.ek@fk.se", "Bo Ek <BO.EK@fk.se>"],
    )
    assert findings.counts == {"email": 1}


def test_names_next_to_a_signature_cue_are_counted() -> None:
    text = "Tack!\n\nMed vänlig hälsning\nKarin Berg\nProjektledare, Socialstyrelsen"
    assert detect_personal_data(text).counts == {"name": 1}


def test_capitalised_words_without_a_cue_are_not_names() -> None:
    assert detect_personal_data("Kort Om Diagnosen beskriver Symtom Och Prognos.").counts == {}


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        ("Rolf Axelsson berättade om sin egen sjukskrivning 2019.", 1),
        ("Hassan Amini pointed out that most return within weeks.", 1),
        ("Søren Kjærgaard fortalte at han selv hadde vært sykmeldt.", 1),
        ("Anders Nyqvist föreslog X. Helena Brandt menade Y. Anders Nyqvist sa: ja.", 2),
        # a role, one word, an organisation, a verb inside a longer word: no statement
        ("Projektledaren berättade om tidplanen. Region Skåne föreslog ändringar.", 0),
        ("Närvarande: Anna Berg, Karl Ek. Beslut: texten sammanställs.", 0),
        ("Anna Berg saknade underlaget.", 0),
    ],
)
def test_a_name_before_a_verb_of_saying_is_a_statement(text: str, statements: int) -> None:
    assert detect_personal_data(text).counts.get("statement", 0) == statements


def test_findings_never_hold_the_values() -> None:
    findings = detect_personal_data("Anna Svensson 19811228-9874 anna@x.se 070-123 45 67")
    assert all(isinstance(n, int) for n in findings.counts.values())
    assert "9874" not in repr(findings)
    assert "anna" not in repr(findings).lower()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("anna", ".", "@", "-", "+", "_", "x" * 70, " ", "\n", "se", "ä", "1", "@@"),
                *("a.b", "y" * 63, "z" * 64, "..", ".-"),
            ]
        ),
        max_size=40,
    )
)
def test_addresses_are_found_as_by_a_scan_of_the_whole_text(pieces: list[str]) -> None:
    # the scan is cut to the stretch around the `@`s; the matches must not change
    text = "".join(pieces)
    assert [m.span() for m in _emails(text)] == [m.span() for m in _EMAIL.finditer(text)]
    assert _without(text, _emails(text)) == _EMAIL.sub(" ", text)
    # `_EMAIL`'s runs are possessive: the matches are those of the pattern as first written
    plain = re.compile(r"(?<![\w.+-])([\w.+-]{1,64})@([\w-]{1,63}(?:\.[\w-]{1,63})+)")
    assert [m.groups() for m in _EMAIL.finditer(text)] == [m.groups() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "23", "+", "++", " ", "-", "/", "(", ")", "a", "\n"]), max_size=40
    )
)
def test_digit_runs_are_those_of_the_plain_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = re.compile(r"\+?\d[\d \-+/()]{6,}\d")
    assert _digit_runs(text) == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1", "23", "+", " ", "-", "/", "(", ")", "a", "é", "²", "½", "\xa0", "٣", "۴", "–"]
        ),
        max_size=40,
    )
)
def test_digit_runs_of_latin1_text_are_those_of_the_plain_pattern(pieces: list[str]) -> None:
    # a Latin-1 text is scanned for 0-9, any other for `\d` (other scripts' digits too)
    text = "".join(pieces)
    plain = re.compile(r"\+?\d[\d \-+/()]{6,}\d")
    want = [m.span() for m in plain.finditer(text)]
    assert _digit_runs(text, _latin1(text) is not None) == want
    assert _digit_runs(text) == want


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Med Vänlig", "MVH", "mvh", "Hälsningar", "HÄLSNINGAR", "namn:", "NAMN:", " "),
                *("Kontaktperson", "kontakt:", "/s/", "Best Regards", "vanlig", "İ", "–", "ß"),
                *("Ä", "ä", "å", "Å", "x", "\n", "é", "É", "Σ", "ſ", "K"),
            ]
        ),
        max_size=30,
    )
)
def test_cue_ends_are_those_found_in_the_lower_cased_text(pieces: list[str]) -> None:
    # a Latin-1 text is lowered and searched as bytes; any other as a str
    text = "".join(pieces)
    found = _CUES.find_matches_as_indexes(text.lower(), overlapping=True)
    want = {end for index, _, end in found if index < len(_NAME_CUES)}
    assert _cue_ends(text) == want


# characters beyond Latin-1 that lower-casing or `\\d` treat in their own way: Turkish
# I's (`İ` lowers to two characters), Greek sigmas (final by context), long s, Kelvin
# sign, other scripts' digits, superscripts, a dash and a quote, a NUL
_TRICKY = [
    *("1", "23", "+", " ", "-", "/", "(", ")", "a", "A", "é", "É", "Ÿ", "ÿ", "²", "½", "\xa0"),
    *("٣", "۴", "５", "–", "’", "İ", "ı", "Σ", "ΑΣ", "σ", "ſ", "\u212a", "ẞ", "\x00", "Ⅻ"),
    *("Med Vänlig", "MVH", "namn:", "/s/", "KONTAKT:", "\n", "😀"),
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), max_size=40))
def test_lowered_bytes_agree_with_lower_wherever_a_cue_or_digit_run_can_be(
    pieces: list[str],
) -> None:
    # a cue (Latin-1, no digit, no NUL) or a digit run is found in both at the same
    # positions when they agree on each such character and differ only elsewhere
    text = "".join(pieces)
    lowered = _lowered(text)
    if lowered is None:  # lower() changes the length: searched as before
        assert len(text.lower()) != len(text)
        return
    assert len(lowered) == len(text.lower()) == len(text)
    for char, low, got in zip(text, text.lower(), lowered, strict=True):
        if re.match(r"\d", char):
            assert chr(got) in "0123456789"
        else:
            assert chr(got) == (low if ord(low) < 256 else "\x00")
    plain = re.compile(r"\+?\d[\d \-+/()]{6,}\d")
    assert _class_runs(text, lowered.translate(_RUN_CLASSES)) == [
        m.span() for m in plain.finditer(text)
    ]
    found = _CUES.find_matches_as_indexes(text.lower(), overlapping=True)
    want = {end for index, _, end in found if index < len(_NAME_CUES)}
    assert _cue_ends(text, lowered) == want


# pieces of identity numbers and phone numbers, long enough runs with nine, ten and more digits
_NUMBERS = [
    *("811228-9874", "19811228-9874", "701063-2391", "08-123 456 78", "+46 70 123 45 67"),
    *("2023-04-02", "123456789", "1234567890", "0046 8 12 34 56", "pnr ", "٣", "۴", "–"),
    *("1", "23", "+", " ", "-", "/", ".", ",", "a", "\n"),
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NUMBERS), max_size=12))
def test_identity_numbers_and_phones_skip_only_runs_that_cannot_hold_one(
    pieces: list[str],
) -> None:
    # a run with fewer than ten digits is not searched for an identity number: the same
    # counts as searching every run with the plain patterns
    text = "".join(pieces)
    lowered = _lowered(text)
    assert lowered is not None
    classes = lowered.translate(_RUN_CLASSES)
    runs = _class_runs(text, lowered.translate(_RUN_CLASSES))
    want: dict[str, int] = {}
    phones = 0
    for start, end in runs:
        for match in _PNR.finditer(text, start, end):
            kind = _id_number_kind(match, text)
            if kind is not None:
                want[kind] = want.get(kind, 0) + 1
        run = text[max(0, start - 1) : end + 1]
        if _PNR.search(run) is None:
            phones += sum(1 for _ in _PHONE.finditer(run))
    assert _id_numbers(text, runs, classes) == want == _id_numbers(text, runs)
    assert _phones(text, runs, classes) == phones == _phones(text, runs)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="abi.-", max_size=12),
    st.frozensets(st.text(alphabet="abi.-", min_size=1, max_size=5), max_size=6),
)
def test_generic_mailboxes_are_those_the_plain_test_finds(
    base: str, generic: frozenset[str]
) -> None:
    assert _generic(base, generic) == any(base == g or base.startswith(g + ".") for g in generic)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Anna", "Åsa", "Éva", "Berg-Ek", "Ek-", "ö", "x", "Q", "É", " ", "  ", "-", "_"),
                *("1", "\n", ",", "é", "ü", "ø", "ß", "Ω", "Karl", "Mats Ola", "a" * 22, "Lars_"),
                *("ÅÄÖ", "Ab-Cdø", "B" + "c" * 19, "-Dé", "Eø"),
            ]
        ),
        max_size=30,
    )
)
def test_name_matches_are_those_of_the_plain_pattern(pieces: list[str]) -> None:
    # `_NAME` puts its leading `\b` in a look-behind after the first capital and its
    # letter runs are possessive; the matches (and so the names counted) must be those
    # of the pattern as first written
    text = "".join(pieces)
    plain = re.compile(rf"\b{_WORD}(?: {_WORD}){{1,2}}\b")
    assert [m.span() for m in _NAME.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text)):  # the cue windows are slices: every start
        window = text[start : start + 20]
        assert [m.group() for m in _NAME.finditer(window)] == [
            m.group() for m in plain.finditer(window)
        ]


# Pieces of identity numbers and what may stand around them: a valid personnummer with and
# without century and separator, a samordningsnummer, look-alikes, the characters `_PNR`'s
# look-arounds read (`/`, `.`, `,`, a digit), separators, a cue, a digit of another script.
_NUMBER_PIECES = [
    *("8112289874", "19811228-9874", "811228-9874", "811228+9874", "701063-2391", "811228 9874"),
    *("1", "23", "/", ".", ",", "-", "+", " ", "(", ")", "x", "\n", "٣", "pnr ", "personnummer "),
    *("Berg, Anna", "Anna Berg", "Ek, Per Ola", "anna.berg@x.se", "Lund-Ek, Åsa", "É", "ß"),
]


def _identifiers_by_whole_text_scans(text: str) -> set[tuple[str, str]]:
    """`personal_identifiers` as first written: `_PNR` and the surname-first names searched
    over the whole text, the latter with a leading `\\b` and greedy letter runs."""
    found: set[tuple[str, str]] = set()
    for match in _PNR.finditer(text):
        if _id_number_kind(match, text) is not None:
            ten = match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"]
            found.add(("pnr", ten))
    in_text = list(_EMAIL.finditer(text))
    for m in in_text:
        found.add(("email", f"{m.group(1)}@{m.group(2)}".casefold()))
    plain_name = re.compile(rf"\b{_WORD}(?: {_WORD}){{1,2}}\b")
    surname_first = re.compile(rf"\b{_WORD}, {_WORD}(?: {_WORD})?\b")
    without_mail = _EMAIL.sub(" ", text)
    for pattern in (plain_name, surname_first):
        for m in pattern.finditer(without_mail):
            words = m.group(0).replace(",", " ").split()
            if not any(w.casefold() in _NOT_NAMES for w in words):
                found.add(("name", m.group(0)))
    return found


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=30))
def test_identifiers_are_those_of_scans_of_the_whole_text(pieces: list[str]) -> None:
    # identity numbers are searched only in digit runs and the characters after them
    # (`number_windows`); surname-first names with `_NAME`'s form of the pattern
    text = "".join(pieces)
    assert personal_identifiers(text) == _identifiers_by_whole_text_scans(text)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Pnr 811228-9874/", set()),  # the look-ahead reads past the digit run: no number
        ("Pnr 811228-9874.5", set()),
        ("Pnr 811228-9874.", {"8112289874"}),
        ("Pnr 811228-9874", {"8112289874"}),
        ("Pnr 811228-9874 /x", {"8112289874"}),
        ("1/811228-9874", set()),  # the look-behind reads before the run
        ("1.811228-9874", set()),
    ],
)
def test_identity_numbers_at_the_edges_of_a_digit_run(text: str, numbers: set[str]) -> None:
    found = {value for kind, value in personal_identifiers(text) if kind == "pnr"}
    assert found == numbers
    assert found == {v for k, v in _identifiers_by_whole_text_scans(text) if k == "pnr"}


def test_number_windows_hold_every_identity_number_of_the_corpus_texts() -> None:
    text = "Kontakt 070-123 45 67, pnr 19811228-9874/ och 811228-9874. Dnr 2.4-12/2025"
    windows = number_windows(text)
    assert windows == [(s, min(len(text), e + 2)) for s, e in _digit_runs(text)]
    for match in _PNR.finditer(text):
        assert any(s <= match.start() and match.end() <= e for s, e in windows)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Anna", "Åsa", "Berg-Ek", "Ek-", "ö", "x", "Q", "É", " ", ", ", ",", "-", "_"),
                *(
                    "1",
                    "\n",
                    "é",
                    "ü",
                    "ø",
                    "ß",
                    "Karl",
                    "Berg, Anna",
                    "a" * 22,
                    "Lars_",
                    "B" + "c" * 19,
                ),
            ]
        ),
        max_size=30,
    )
)
def test_surname_first_matches_are_those_of_the_plain_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = re.compile(rf"\b{_WORD}, {_WORD}(?: {_WORD})?\b")
    assert [m.span() for m in _SURNAME_FIRST.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


# --- the scan (Hyperscan): cues and whether digits are there, in one pass ---

SCAN = personal_data_scan()
needs_scan = pytest.mark.skipif(SCAN is None, reason="Hyperscan cannot run here")
_MIXED = [
    *_TRICKY, *_NUMBERS, "anna.berg@example.se", "info@x.se", "@", "Anna Berg", "Ek-Lund",
    *("Med vänliga hälsningar", "HÄLSNINGAR", "Kontaktperson: ", "mvh\n", "Från: ", "/s/"),
    *("Handläggare", "UNDERSKRIFT", "Namn:", "Best regards", "Kind Regards", "Karl-Åke Öst"),
    *("811228 9874", "19811228 9874", "811228+9874", "070-123 45 67"),
    *(" berättade", " SA", " sa", "d", " sade:", " Pointed Out", " ønsket", " påpekte", "s"),
    *("Søren Kjærgaard", " fortalte", " ansåg", " FRAGADE", "Rolf Axelsson", "Region Skåne"),
]  # fmt: skip
_RUN, _PNR_DIGITS_FOUND = personal_data._RUN, personal_data._PNR_DIGITS_FOUND


def _answer(hits: personal_data._Hits | None) -> tuple[set[int], list[tuple[int, int]], set[int]]:
    assert hits is not None
    return hits.ends, sorted(hits.verbs), hits.digits


@needs_scan
@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_MIXED), max_size=40))
def test_the_scan_counts_what_the_automaton_and_re_count(pieces: list[str]) -> None:
    # the counts with the scan are those without it; the scan finds every cue's end and
    # every verb's span where the automaton finds them in the lowered text, a digit run
    # exactly where `re` does, and says no identity number's digits are there only where
    # `_PNR` matches nowhere
    assert SCAN is not None
    text = "".join(pieces)
    for addresses in ((), ("Anna.Berg@example.se", "info@x.se")):
        want = personal_data._detected(text, addresses, ("info",))
        got = detect_personal_data(text, addresses=addresses, generic_mailboxes=("info",))
        assert got == want
        scanned = detect_personal_data(
            text, addresses=addresses, generic_mailboxes=("info",), scan=SCAN
        )
        assert scanned == want
    data = _unlowered(text)
    lowered = _lowered(text)
    if data is None:  # lower() lengthens the text: counted the automaton's way
        assert lowered is None
        return
    found = SCAN.scan(data)
    assert found is not None and lowered is not None
    assert found.ends == _cue_ends(text, lowered) == _cue_ends(text)
    # every verb no letter follows, perhaps more (a character beyond Latin-1 after it)
    automaton = _CUES.find_matches_as_indexes(text.lower(), overlapping=True)
    verbs = {(s, e) for i, s, e in automaton if i >= len(_NAME_CUES)}
    kept = {(s, e) for s, e in verbs if e == len(text) or not text[e].isalpha()}
    assert kept <= set(found.verbs) <= verbs
    assert personal_data._said(text, found.verbs) == _cue_hits(text)[1]
    assert (_RUN in found.digits) == bool(_class_runs(text, lowered.translate(_RUN_CLASSES)))
    has_ten = re.search(r"\d{6}[-+ ]?\d{4}", text) is not None
    assert (_PNR_DIGITS_FOUND in found.digits) == has_ten
    if _PNR_DIGITS_FOUND not in found.digits:
        assert _PNR.search(text) is None


@needs_scan
@pytest.mark.parametrize("verb", personal_data._VERB_TEXTS)
def test_the_scan_finds_each_verb_of_saying_where_the_automaton_does(verb: str) -> None:
    # each verb in any case, at the end, before punctuation, a character beyond Latin-1,
    # and inside a longer word (reported or not: `_said` decides, as for the automaton)
    assert SCAN is not None
    for after in ("", ".", ": ja", "\u2013", "\u0142", "s", "\u00e5"):
        for said in (verb, verb.upper(), verb.title()):
            text = f"Anna Berg{said}{after}"
            data = _unlowered(text)
            found = SCAN.scan(data) if data is not None else None
            assert found is not None
            assert personal_data._said(text, found.verbs) == _cue_hits(text)[1]
            assert detect_personal_data(text, scan=SCAN) == personal_data._detected(text, (), ())


def test_a_character_beyond_latin1_that_is_no_letter_is_scanned_as_no_letter() -> None:
    # the scan reports a verb of saying only before a byte of no letter (or NUL): every
    # character the text may hold that is no letter must be one there (`_lowered_char`)
    for code in range(256, 0x110000):
        char = chr(code)
        lower = char.lower()
        if char.isalpha() or len(lower) != 1 or ord(lower) > 255:
            continue  # a letter, or NUL or not scanned at all
        data = _unlowered(char)
        assert data is None or not chr(data[0]).isalpha(), hex(code)


@needs_scan
def test_a_busy_scan_or_a_text_that_lower_lengthens_is_counted_the_automatons_way() -> None:
    assert SCAN is not None
    text = (
        "Med vänlig hälsning\nAnna Berg, 811228-9874, 08-123 456 78, anna.berg@x.se\n"
        "Rolf Axelsson berättade."
    )
    want = personal_data._detected(text, (), ())
    assert set(want.counts) == {"email", "name", "personnummer", "phone", "statement"}
    data = _unlowered(text)
    assert data is not None
    assert SCAN.lock.acquire()
    try:  # another thread scanning with the same scratch space
        assert SCAN.scan(data) is None
        assert detect_personal_data(text, scan=SCAN) == want
    finally:
        SCAN.lock.release()
    assert detect_personal_data(text, scan=SCAN) == want
    twin = "\u0130 " + text  # lower() makes two characters of it
    assert _unlowered(twin) is None
    assert detect_personal_data(twin, scan=SCAN) == personal_data._detected(twin, (), ())
    # pickled as its database (a worker's); one that does not load there is built again
    copy = pickle.loads(pickle.dumps(SCAN))
    assert copy is not None
    answer = _answer(SCAN.scan(data))
    assert _answer(copy.scan(data)) == answer
    assert answer[0] and answer[1] and answer[2] == {_RUN, _PNR_DIGITS_FOUND}
    again = personal_data._loaded(b"not a database")
    assert again is not None and _answer(again.scan(data)) == answer


def test_without_hyperscan_there_is_no_scan_and_the_same_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Med vänlig hälsning\nAnna Berg, 811228-9874, 08-123 456 78"
    want = detect_personal_data(text)
    monkeypatch.setattr(personal_data, "hyperscan", None)
    personal_data.personal_data_scan.cache_clear()
    try:
        assert personal_data_scan() is None
        assert personal_data._loaded(b"a database from elsewhere") is None
        assert detect_personal_data(text, scan=None) == want
    finally:
        monkeypatch.undo()
        personal_data.personal_data_scan.cache_clear()
