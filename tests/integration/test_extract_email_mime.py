"""E-mail MIME structure edge cases: the results the fast MIME walk must keep.

Each message is written as raw bytes (the way other mail programs write them,
not only the way the stdlib does), so a walk that splits, strips or decodes
differently changes one of these results.
"""

from __future__ import annotations

import base64
from pathlib import Path

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason

_HEAD = (
    "From: =?iso-8859-1?q?=C5sa_=D6berg?= <asa@example.org>\n"
    'To: fmb@example.org, "Ek, Karin" <karin@example.org>\n'
    "Cc: =?utf-8?b?UGVyIMOFcw==?= <per@example.org>\n"
    "Subject: =?utf-8?q?Synpunkter_p=C3=A5?=\n =?utf-8?q?_textf=C3=B6rslaget?=\n"
    "Date: Tue, 6 May 2025 16:00:00 +0200\n"
    "Message-ID: <1@example.invalid>\n"
    "MIME-Version: 1.0\n"
)


def _write(tmp_path: Path, name: str, text: str, *, crlf: bool = False) -> Path:
    raw = text.encode("latin-1")
    if crlf:
        raw = raw.replace(b"\n", b"\r\n")
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def _facts(path: Path) -> DocumentFacts:
    result = extract_file(path, path.name, Limits())
    assert isinstance(result, DocumentFacts), result
    assert result.email is not None
    return result


def _nested(blob: str) -> str:
    return (
        _HEAD + 'Content-Type: multipart/mixed; boundary="outer"\n'
        "\n"
        "This is a multi-part message in MIME format.\n"
        "--outer\n"
        'Content-Type: multipart/alternative; boundary="inner"\n'
        "\n"
        "--inner\n"
        "Content-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "Hej!=0A\n"
        "H=E4r kommer v=E5ra synpunkter p=E5 f=F6rslaget.\n"
        "\n"
        "--inner\n"
        "Content-Type: text/html; charset=utf-8\n"
        "\n"
        "<p>HTML-versionen</p>\n"
        "--inner--\n"
        "\n"
        "--outer\n"
        "Content-Type: application/pdf\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment;\n"
        " filename*=utf-8''Underlag%20f%C3%B6r%20FK.pdf\n"
        "\n" + blob + "\n"
        "--outer\n"
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;\n"
        ' name="=?utf-8?q?J=C3=A4vsdeklaration.docx?="\n'
        "Content-Disposition: attachment;\n"
        ' filename="=?utf-8?q?J=C3=A4vsdeklaration.docx?="\n'
        "Content-Transfer-Encoding: base64\n"
        "\n"
        "UEsDBA==\n"
        "--outer\n"
        "Content-Type: image/png\n"
        "Content-Disposition: inline; filename=logo.png\n"
        "\n"
        "iVBORw0KGgo=\n"
        "--outer\n"
        "Content-Type: text/plain\n"
        "Content-Disposition: attachment\n"
        "\n"
        "an attachment without a name is neither body nor attachment\n"
        "--outer--\n"
        "epilogue text\n"
    )


def _blob() -> str:
    return base64.encodebytes(bytes(range(256)) * 2000).decode("ascii")


def test_nested_multipart_with_encoded_names(tmp_path: Path) -> None:
    for crlf in (False, True):
        facts = _facts(_write(tmp_path, f"nested{crlf}.eml", _nested(_blob()), crlf=crlf))
        assert facts.email is not None
        assert facts.email.sender == "Åsa Öberg <asa@example.org>"
        assert facts.email.recipients == ("fmb@example.org", "Ek, Karin <karin@example.org>")
        assert facts.email.cc == ("Per Ås <per@example.org>",)
        assert facts.email.subject == "Synpunkter på textförslaget"
        assert facts.email.attachment_names == (
            "Underlag för FK.pdf",
            "Jävsdeklaration.docx",
            "logo.png",
        )
        newline = "\r\n" if crlf else "\n"
        assert facts.text == f"Hej!\n{newline}Här kommer våra synpunkter på förslaget.", repr(
            facts.text
        )
        assert facts.metadata == {"subject": "Synpunkter på textförslaget"}


def test_html_alternative_only_and_unknown_charset(tmp_path: Path) -> None:
    html = (
        _HEAD + 'Content-Type: multipart/alternative; boundary="b"\n'
        "\n"
        "--b\n"
        "Content-Type: text/html; charset=x-no-such-charset\n"
        "Content-Transfer-Encoding: base64\n"
        "\n" + base64.encodebytes("<p>Svara på</p><p>enkäten</p>".encode()).decode() + "--b--\n"
    )
    assert _facts(_write(tmp_path, "html.eml", html)).text == "Svara på\nenkäten"


def test_windows_1252_single_part(tmp_path: Path) -> None:
    text = (
        _HEAD + "Content-Type: text/plain; charset=windows-1252\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        "Mötet i Örebro – protokoll\n"
    )
    path = tmp_path / "cp1252.eml"
    path.write_bytes(text.encode("cp1252"))
    assert _facts(path).text == "Mötet i Örebro – protokoll\n"


def test_multipart_without_boundary_lines_is_one_leaf(tmp_path: Path) -> None:
    text = (
        _HEAD + 'Content-Type: multipart/mixed; boundary="never-used"\n'
        "\n"
        "Content-Type: text/plain\n"
        "\n"
        "body without any boundary\n"
    )
    facts = _facts(_write(tmp_path, "noboundary.eml", text))
    assert facts.text == ""
    assert facts.email is not None
    assert facts.email.attachment_names == ()


def test_headers_only_and_trailing_blank_lines(tmp_path: Path) -> None:
    facts = _facts(_write(tmp_path, "headers.eml", _HEAD.rstrip("\n")))
    assert facts.text == ""
    assert facts.email is not None
    assert facts.email.subject == "Synpunkter på textförslaget"
    text = (
        _HEAD + 'Content-Type: multipart/mixed; boundary="b"\n'
        "\n"
        "--b\n"
        "Content-Type: text/plain\n"
        "\n"
        "kort\n\n\n\n"
        "--b\n"
        "Content-Disposition: attachment; filename=a.txt\n"
        "\n"
        "--b\n"
        "Content-Disposition: attachment; filename=b.txt\n"
        "--b--"
    )
    facts = _facts(_write(tmp_path, "blank.eml", text, crlf=True))
    assert facts.text == "kort"
    assert facts.email is not None
    assert facts.email.attachment_names == ("a.txt", "b.txt")


def test_deep_nesting_stops_at_the_depth_limit(tmp_path: Path) -> None:
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="x{i}y"\n\n--x{i}y\n' for i in range(12)
    )
    text = (
        _HEAD
        + opening
        + "Content-Disposition: attachment; filename=deep.txt\n\nx\n"
        + "".join(f"--x{i}y--\n" for i in reversed(range(12)))
    )
    facts = _facts(_write(tmp_path, "deep.eml", text))
    assert facts.email is not None
    assert facts.email.attachment_names == ()
    assert facts.text == ""


def test_broken_mail_reasons(tmp_path: Path) -> None:
    cases = {
        "nul.eml": (_HEAD + "\n\x00\x01 body\n", UnreadableReason.CORRUPT),
        "noheaders.eml": ("just some words\nand more\n", UnreadableReason.CORRUPT),
        "empty.eml": ("", UnreadableReason.EMPTY),
    }
    for name, (text, reason) in cases.items():
        result = extract_file(_write(tmp_path, name, text), name, Limits())
        assert isinstance(result, Unreadable), name
        assert result.reason is reason, name
    zipped = tmp_path / "zip.eml"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    result = extract_file(zipped, zipped.name, Limits())
    assert isinstance(result, Unreadable)
    assert (result.reason, result.detail) == (UnreadableReason.WRONG_EXTENSION, "content zip")


def test_control_bytes_threshold_of_the_content_sniffer(tmp_path: Path) -> None:
    """4096 bytes with 40 control bytes read as text, with 41 as binary (1 %)."""
    for controls, kind in ((40, "text"), (41, "binary")):
        path = tmp_path / f"data{controls}.dat"
        path.write_bytes(b"\x01" * controls + b"a" * (5000 - controls))
        result = extract_file(path, path.name, Limits())
        assert isinstance(result, Unreadable)
        assert (result.reason, result.detail) == (UnreadableReason.UNSUPPORTED, f"content {kind}")


def test_multipart_with_only_a_closing_boundary_has_no_leaves(tmp_path: Path) -> None:
    """A boundary line but no part: nothing, not the multipart itself, is a leaf."""
    text = (
        _HEAD + 'Content-Type: multipart/mixed; boundary="b"\n'
        'Content-Disposition: inline; filename="top.txt"\n'
        "\n"
        "--b--"
    )
    facts = _facts(_write(tmp_path, "closing.eml", text))
    assert facts.email is not None
    assert facts.email.attachment_names == ()
    without = _facts(_write(tmp_path, "noclosing.eml", text.replace("--b--", "no parts")))
    assert without.email is not None
    assert without.email.attachment_names == ("top.txt",)


def test_a_line_that_only_begins_with_the_boundary_stays_in_its_part(tmp_path: Path) -> None:
    """`--b` then more than `--` and blanks is no boundary line (the stdlib's rule)."""
    body = "--b\nContent-Type: text/plain\n\nHej\n--bara en rad som ser ut som en grans\n--b-- \n"
    text = _HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n' + body
    facts = _facts(_write(tmp_path, "prefix.eml", text, crlf=True))
    assert facts.text == "Hej\r\n--bara en rad som ser ut som en grans"


def test_an_inner_boundary_that_extends_the_outer_one_nests(tmp_path: Path) -> None:
    text = (
        _HEAD + 'Content-Type: multipart/mixed; boundary="=_x"\n'
        "\n"
        "--=_x\n"
        'Content-Type: multipart/alternative; boundary="=_x_alt"\n'
        "\n"
        "--=_x_alt\n"
        "Content-Type: text/html\n"
        "\n"
        "<p>Hej</p>\n"
        "--=_x_alt\n"
        "Content-Type: application/pdf\n"
        'Content-Disposition: inline; filename="inre.pdf"\n'
        "\n"
        "JVBE\n"
        "--=_x_alt--\n"
        "\n"
        "--=_x\n"
        "Content-Type: text/plain\n"
        "\n"
        "Bilaga\n"
        "--=_x--\n"
    )
    facts = _facts(_write(tmp_path, "nested-prefix.eml", text))
    assert facts.email is not None
    assert facts.email.attachment_names == ("inre.pdf",)
    assert facts.text == "Bilaga"


def test_a_part_without_header_fields_is_plain_text_and_the_body(tmp_path: Path) -> None:
    """MIME: a part's content type defaults to text/plain; a part with no header
    field at all is a Message of length 0, which is false (`plain or html` lost it)."""
    text = _HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n\nHej\n--b--\n'
    assert _facts(_write(tmp_path, "headerless.eml", text)).text == "Hej"


def test_a_forwarded_mail_attached_whole_is_walked_into(tmp_path: Path) -> None:
    """message/rfc822: its parts are the mail's, as in the stdlib's walk (the
    forwarded declaration's name counts; the outer text stays the body's start). The
    mail carried whole follows the outer text as an inline forward shows it (session 8:
    it was left out, so such a mail was classed by its covering line alone)."""
    forwarded = (
        "From: karin@example.org\n"
        "Subject: Min deklaration\n"
        'Content-Type: multipart/mixed; boundary="in"\n'
        "\n"
        "--in\n"
        "Content-Type: text/plain\n"
        "\n"
        "Bifogar min jävsdeklaration.\n"
        "--in\n"
        "Content-Type: application/pdf\n"
        "Content-Disposition: attachment; filename=Javsdeklaration.pdf\n"
        "\n"
        "JVBE\n"
        "--in--\n"
    )
    outer = "--out\nContent-Type: text/plain\n\nSe bifogat.\n--out\n"
    text = (
        _HEAD + 'Content-Type: multipart/mixed; boundary="out"\n\n' + outer
        + "Content-Type: message/rfc822\n"
        + 'Content-Disposition: attachment; filename="VB.eml"\n\n'
        + forwarded + "--out--\n"
    )  # fmt: skip
    facts = _facts(_write(tmp_path, "fwd.eml", text))
    assert facts.email is not None
    assert facts.email.attachment_names == ("Javsdeklaration.pdf",)
    assert facts.text.startswith(  # (the inner part names no charset: Latin-1 read as UTF-8)
        "Se bifogat.\n\n-----Ursprungligt meddelande-----\nFrån: karin@example.org\n"
        "Ämne: Min deklaration\n\nBifogar min j"
    )
    assert facts.text.endswith("vsdeklaration.")


def test_a_mail_with_cr_only_line_ends_has_its_body_and_attachments(tmp_path: Path) -> None:
    """Lines ending in a lone CR (old Mac mail programs, some gateways) are lines, as
    for the stdlib's feed parser: the multipart is split and the attachment counted."""
    raw = _nested(_blob()).encode("latin-1").replace(b"\n", b"\r")
    path = tmp_path / "cr.eml"
    path.write_bytes(raw)
    facts = _facts(path)
    assert facts.email is not None
    assert facts.email.subject == "Synpunkter på textförslaget"
    names = ("Underlag för FK.pdf", "Jävsdeklaration.docx", "logo.png")
    assert facts.email.attachment_names == names
    assert "Här kommer våra synpunkter" in facts.text


def test_a_digest_part_without_content_type_is_a_message(tmp_path: Path) -> None:
    """RFC 2046 5.1.5: in multipart/digest a part's default type is message/rfc822, so
    a part with no header fields holds a whole mail, walked into as the stdlib does
    (its body is no body of the digest; its attachment counts; its text follows the
    digest's own, as a mail forwarded inline)."""
    text = (
        _HEAD + 'Content-Type: multipart/mixed; boundary="out"\n\n'
        "--out\nContent-Type: text/plain\n\nInkomna mejl, samlade.\n"
        '--out\nContent-Type: multipart/digest; boundary="dig"\n\n'
        "--dig\n\n"
        "From: fk@example.org\nSubject: Synpunkter\n"
        'Content-Type: multipart/mixed; boundary="in"\n\n'
        "--in\nContent-Type: text/plain\n\nSynpunkter från FK.\n"
        "--in\nContent-Type: application/pdf\n"
        "Content-Disposition: attachment; filename=Synpunkter FK.pdf\n\nJVBE\n--in--\n"
        "--dig\n\n"
        "From: npo@example.org\nSubject: Yttrande\n\nNPO instämmer.\n"
        "--dig--\n"
        "--out--\n"
    )
    facts = _facts(_write(tmp_path, "digest.eml", text))
    assert facts.email is not None
    assert facts.email.attachment_names == ("Synpunkter FK.pdf",)
    assert facts.text.startswith("Inkomna mejl, samlade.\n\n")
    first, second = facts.text.split("-----Ursprungligt meddelande-----\n")[1:]
    assert first.startswith("Från: fk@example.org\nÄmne: Synpunkter\n\nSynpunkter fr")
    assert second.startswith("Från: npo@example.org\nÄmne: Yttrande\n\nNPO inst")
