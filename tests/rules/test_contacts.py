"""contact-missing and contact-invalid on hand-written models."""
from __future__ import annotations

import pytest
from _text_models import PREAMBLE, only, report, run

from giklint_rules.contacts import ContactInvalid, ContactMissing


def _contacts(**given):
    contacts = {"phone": [], "fax": [], "email": [], "address": [], "postcode": []}
    contacts.update(given)
    return contacts


def test_no_phone_email_or_address_is_a_warning():
    model = report(contacts=_contacts(postcode=["614000"]))
    finding = only(run(ContactMissing, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK206", "contact-missing", "warning")
    assert finding.message == "报告没有提供咨询联系方式（电话、电子邮箱、地址）"
    sentence = next(item for item in model["preamble"]["lines"] if "如对本报告有疑问" in item["text"])
    assert (finding.line, finding.column) == (sentence["location"]["line"], 1)  # at the sentence, not the title


def test_without_a_contact_sentence_the_finding_stands_at_the_end_of_the_text():
    preamble = [line for line in PREAMBLE if "联系" not in line]
    model = report(preamble=preamble, contacts=_contacts())
    finding = only(run(ContactMissing, model))
    last_line = max(item["location"]["line"] for part in model["sections"] for item in part["lines"])
    assert finding.line >= last_line and finding.line != model["meta"]["title_location"]["line"]


def test_a_missing_kind_is_marked_at_the_contacts_given():
    model = report(contacts=_contacts(phone=["0833-2138754"]))
    model["locations"]["meta.contacts.phone.0"] = {"line": 4, "column": 31}
    finding = only(run(ContactMissing, model, options={"require_all": True, "fields": ["phone", "email"]}))
    assert (finding.line, finding.column) == (4, 31)


@pytest.mark.parametrize("kind, value", [("phone", "0833-2138754"), ("email", "a@b.cn"), ("address", "某路1号")])
def test_any_one_contact_is_enough(kind, value):
    assert run(ContactMissing, report(contacts=_contacts(**{kind: [value]}))) == []


def test_options_required_and_require_all():
    model = report(contacts=_contacts(phone=["0833-2138754"]))
    options = {"require_all": True, "fields": ["phone", "address", "postcode"]}
    finding = only(run(ContactMissing, model, options=options))
    assert finding.message == "报告的联系方式缺少地址、邮编"
    assert run(ContactMissing, report(contacts=_contacts()), options={"required": False}) == []


@pytest.mark.parametrize("kind, value, problem", [
    ("phone", "0833-213875", "号码格式不正确"),
    ("phone", "138123456789", "号码格式不正确"),
    ("email", "lsszqwjj163.com", "不是有效的电子邮箱地址"),
    ("postcode", "61400", "不是6位数字"),
])
def test_malformed_contacts_are_named(kind, value, problem):
    model = report(contacts=_contacts(**{kind: [value]}))
    model["locations"][f"meta.contacts.{kind}.0"] = {"line": 4, "column": 20}
    finding = only(run(ContactInvalid, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK207", "contact-invalid", "warning")
    label = {"phone": "电话", "email": "电子邮箱", "postcode": "邮编"}[kind]
    assert finding.message == f"{label}“{value}”{problem}"
    assert (finding.line, finding.column) == (4, 20)


@pytest.mark.parametrize("phone", [
    "0536-6221579", "0792—6532910", "0591－23165385", "010 83926723", "(0351)4031583", "7411001",
    "400-123-4567", "13912345678", "12345", "0536-6221579转801", "0536-6221579、6221580",
])
def test_well_formed_phones_pass(phone):
    assert run(ContactInvalid, report(contacts=_contacts(phone=[phone], email=["office@example.gov.cn"],
                                                         postcode=["030001"]))) == []
