"""vCard in (2.1, 3.0, 4.0 as an iPhone, Google Contacts and Outlook write them) and out."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.core.errors import ImportFileError
from careerpivot.formats import vcard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def read(name: str):
    return vcard.parse_vcards((FIXTURES / name).read_bytes())


def test_iphone_3_0():
    priya, chris = read("iphone.vcf")
    assert priya.line == 1
    assert priya.name == "Priya Raman"
    assert priya.organization == "Northwind Analytics"  # ORG's first component
    assert priya.role == "Senior Product Manager"
    assert priya.emails == ("priya.raman@example.com",)  # grouped item1.EMAIL
    assert priya.phones == ("+44 7700 900123",)
    # the LinkedIn profile (X-SOCIALPROFILE) comes first, the home page after it
    assert priya.urls[0] == "http://www.linkedin.com/in/priya-raman-4b2a91"
    assert "https://northwind.example/team/priya" in priya.urls
    assert priya.notes == "Met at ProductCamp London, 2023.\nAsk about discovery interviews."
    assert chris.name == "Chris" and chris.line > 20  # after the folded photo
    assert chris.phones == ("(555) 010-4477",)


def test_google_contacts_3_0():
    grace, tomas = read("google_contacts.vcf")
    assert grace.name == "Grace Ho"
    assert grace.organization == "Adventure Works, Ltd"  # escaped comma
    assert grace.urls == ("https://www.linkedin.com/in/grace-ho",)  # Google escapes ":"
    assert grace.emails == ("grace.ho@example.com", "grace@home.example")
    assert grace.notes.endswith("into engineering management; prefers mornings.")  # unfolded
    assert grace.tags == ("Mentors",)  # Google's own "myContacts" is not a tag
    assert tomas.name == "Tomás Ortega" and tomas.tags == ()


def test_outlook_2_1_quoted_printable_with_charset():
    juergen, li = read("outlook_2_1.vcf")
    assert juergen.name == "Jürgen Müller"
    assert juergen.organization == "Contoso GmbH"
    assert juergen.phones == ("+49 30 1234567",)
    assert juergen.emails == ("juergen.mueller@example.de",)
    # the soft line break joins "k=" and "ennt"; the photo's base64 lines are skipped
    assert "hilfsbereit, kennt viele Leute" in juergen.notes
    assert juergen.notes.endswith("Zweite Zeile.")
    assert not juergen.problem
    assert li.name == "李伟"  # UTF-8 quoted-printable
    assert li.emails == ("li.wei@example.cn",)


def test_vcard_4_0():
    (amelie,) = read("vcard_4_0.vcf")
    assert amelie.name == "Dr. Amélie Laurent"
    assert amelie.organization == "Université de Lyon"
    assert amelie.phones == ("+33-6-12-34-56-78",)  # tel: URI
    assert amelie.emails == ("amelie.laurent@example.fr",)
    # folded between characters of a multi-byte text
    assert "— très utile; follow up in the spring." in amelie.notes
    assert amelie.tags == ("Research", "Lyon")


def test_name_from_n_when_fn_is_missing():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Hopper;Grace;Brewster;;\r\nEND:VCARD\r\n"
    (record,) = vcard.parse_vcards(data)
    assert record.name == "Grace Brewster Hopper"


def test_a_card_without_a_name_is_a_problem():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n"
    (record,) = vcard.parse_vcards(data)
    assert record.problem.startswith("no name")


def test_a_line_that_is_not_a_property_is_a_problem_of_its_card():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nthis is not a property\r\nEND:VCARD\r\n"
    (record,) = vcard.parse_vcards(data)
    assert record.problem == "line 4 is not a vCard property"


@pytest.mark.parametrize(("data", "line", "text"), [
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n", 1, "truncated"),
    (b"BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\nEND:VCARD\r\n", 4, "never began"),
    (b"Hello\r\nBEGIN:VCARD\r\n", 1, "not a vCard file"),
    (b"BEGIN:VCARD\r\nFN;CHARSET=klingon:Ada\r\nEND:VCARD\r\n", 2, "not known"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\xe9\r\nEND:VCARD\r\n", 3, "not utf-8"),
    (b"BEGIN:VCARD\r\nFN:A\x00da\r\nEND:VCARD\r\n", 2, "binary"),
])
def test_broken_files_name_the_line(data, line, text):
    with pytest.raises(ImportFileError) as info:
        vcard.parse_vcards(data)
    assert info.value.line == line
    assert text in info.value.message


def test_a_2_1_card_without_charset_falls_back_to_windows_1252():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jos\xe9 N\xfa\xf1ez\r\nEND:VCARD\r\n"
    (record,) = vcard.parse_vcards(data)
    assert record.name == "José Núñez"


def test_utf16_file():
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n"
    (record,) = vcard.parse_vcards(text.encode("utf-16"))
    assert record.name == "Zoë"


# --- writing -----------------------------------------------------------------------------------

TRICKY = vcard.VCardContact(
    uid="urn:uuid:8d1f3a8e-6f8a-4b7e-9a55-2f1b3c4d5e6f",
    name="Zoë O'Brien-Nakamura",
    organization="Fabrikam, Inc.; R&D",
    role="Lead \\ Architect",
    email="zoe@example.com",
    phone="+81 3-1234-5678",
    url="https://www.linkedin.com/in/zoe?x=1,2;3",
    note="Line one, with a comma; and a semicolon\nLine two — 🎉 " + "long text " * 30 + "end",
    categories=("Mentors, senior", "Japan"),
    revised=_dt.datetime(2026, 3, 14, 9, 30, tzinfo=_dt.UTC),
)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_written_cards_read_back(version):
    data = vcard.write_vcards([TRICKY], version)
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:" + version.encode() + b"\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never folded inside a character
    assert b"\n" not in data.replace(b"\r\n", b"")
    (record,) = vcard.parse_vcards(data)
    assert record.name == TRICKY.name
    assert record.organization == TRICKY.organization
    assert record.role == TRICKY.role
    assert record.emails == (TRICKY.email,)
    assert record.phones == (TRICKY.phone,)
    assert record.urls == (TRICKY.url,)
    assert record.notes == TRICKY.note
    assert record.tags == TRICKY.categories
    (card,) = vcard.parse_cards(data)
    assert card.version == version
    assert card.first("UID") == TRICKY.uid
    assert vcard.split_structured(card.first("N"))[:2] == ["O'Brien-Nakamura", "Zoë"]


def test_unsupported_version():
    with pytest.raises(ValueError):
        vcard.write_vcards([TRICKY], "2.1")


names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                max_size=120).filter(lambda s: s.strip() == s and s)
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"),
                max_size=400).map(lambda s: "".join(
                    c for c in s if c in "\n\t" or not (ord(c) < 32 or ord(c) == 127))).map(
                    str.strip)


@settings(max_examples=60, deadline=None)
@given(name=names, organization=texts, note=texts, version=st.sampled_from(["3.0", "4.0"]))
def test_any_text_survives_a_round_trip(name, organization, note, version):
    organization = " ".join(organization.split())
    contact = vcard.VCardContact(uid="urn:uuid:1", name=name, organization=organization,
                                 note=note)
    (record,) = vcard.parse_vcards(vcard.write_vcards([contact], version))
    assert record.name == name.strip()
    assert record.organization == organization.strip()
    assert record.notes == note.strip()
