"""contact-missing (GK206), contact-invalid (GK207): 没有咨询联系方式，或电话、邮箱、邮编格式不正确

检查内容 / What it checks:
    contact-missing: 报告提供至少一种咨询联系方式：电话、电子邮箱或地址（选项 `fields`）。
    一种都没有时给警告，指在请读者联系的那句话上（“如对本报告有疑问，请与……联系”），没有这句话时
    指在正文末尾；选项 `require_all` 为 true 时，`fields` 中每一种都要有（如安徽的报告通常写全
    地址、邮编、电话、邮箱）。选项 `required` 为 false 时不检查。
    contact-invalid: 已写出的联系方式格式正确：
        电话：带区号的固定电话 0xx(x)-xxxxxxx(x)（区号后可用 - － — – ——或不用分隔，可带分机号）、
        不带区号的7～8位号码、400/800 热线、1[3-9] 开头的11位手机号、12345 类5位政务服务热线；
        电子邮箱：name@域名；邮编：6位数字。
为什么 / Why it matters:
    联系方式不是国家格式的强制内容，但普遍写在报告开头或末尾（“如对本报告有疑问，请与……联系”），
    便于公众就报告内容咨询，也是《政府信息公开条例》第四十五条“畅通”工作联系渠道的体现；
    一些省份的审核把它作为必备要素。号码位数不对、邮箱缺“@”，公众就无法联系。
选项 / Options:
    contact-missing: `required` (default true): 为 false 时不检查。
    `fields` (default ["phone", "email", "address"]): 算作联系方式的种类（phone、fax、email、address、postcode）。
    `require_all` (default false): 为 true 时 `fields` 中每一种都必须有。
    contact-invalid: 无。
不通过的例子 / Failing example:
    如对本报告有疑问，请与本局办公室联系（电话：0833-213875，邮编：61400）。
通过的例子 / Passing example:
    如对本报告有疑问，请与本局办公室联系（电话：0833-2138754，邮编：614000，电子邮箱：office@example.gov.cn）。
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List

from giklint import lazy_re
from giklint.model import Location
from giklint.rule import Context, Finding, Option, Rule
from giklint.texttools import document_end, document_start, shifted, squeeze, text_lines

# The sentence that invites questions, where contact details belong: 如对本报告有疑问，请与……联系
CONTACT_SENTENCE = lazy_re.compile(r"如对本?(?:年度)?报告(?:内容)?有(?:任何)?(?:疑问|问题|意见|建议)|请与[^。；]{0,40}?联系|联系(?:电话|方式|地址)")

DEFAULT_FIELDS = ["phone", "email", "address"]
CONTACT_KINDS_ZH = {"phone": "电话", "fax": "传真", "email": "电子邮箱", "address": "地址", "postcode": "邮编"}

_DASH = "-－—–"
_EXTENSION = rf"(?:[{_DASH}转]\d{{1,5}})?"
_PHONE = lazy_re.compile(
    rf"^(?:(?:\(0\d{{2,3}}\)|0\d{{2,3}}[{_DASH}]{{0,2}})\d{{7,8}}{_EXTENSION}"  # area code, "——" too
    rf"|\d{{7,8}}{_EXTENSION}"  # local number without area code
    rf"|[48]00[{_DASH}]?\d{{3}}[{_DASH}]?\d{{4}}"  # 400 / 800 hotlines
    r"|1[3-9]\d{9}"  # mobile
    r"|123\d{2})$"  # 12345-style government service hotlines
)
_EMAIL = lazy_re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_POSTCODE = lazy_re.compile(r"^\d{6}$")
_CHECKS = {"phone": _PHONE, "fax": _PHONE, "email": _EMAIL, "postcode": _POSTCODE}
_PROBLEM = {"phone": "号码格式不正确", "fax": "号码格式不正确", "email": "不是有效的电子邮箱地址", "postcode": "不是6位数字"}
# Several numbers written in one item: "0536-6221579、6221580"
_SEPARATORS = lazy_re.compile(r"[、，,；;/或及和]+")


def _contacts(ctx: Context) -> Dict[str, List[str]]:
    contacts = ctx.meta.contacts
    if contacts is None:
        return {}
    return {kind: [value for value in getattr(contacts, kind) if value.strip()] for kind in CONTACT_KINDS_ZH}


def contact_place(ctx: Context, contacts: Dict[str, List[str]]) -> Location:
    """Where contact details are, or belong: the first one given; else the sentence inviting questions
    (如对本报告有疑问，请与……联系); else the end of the text, where the 落款 and such a sentence stand.
    Never the title: a reviewer looks for the contact details where they are written."""
    for kind, values in contacts.items():
        location = ctx.location(f"meta.contacts.{kind}.0") if values else None
        if location:
            return location
    for text, location in text_lines(ctx):
        match = CONTACT_SENTENCE.search(text)
        if match and location:
            return shifted(location, match.start())
    return document_end(ctx) or document_start(ctx)


def _compact(value: str) -> str:
    """The value as written, normalised, without spaces (a phone like "0536 6221579" is fine)."""
    return squeeze(value).strip("。.;；,，")


class ContactMissing(Rule):
    code = "GK206"
    slug = "contact-missing"
    severity = "warning"
    summary = "没有提供电话、电子邮箱或地址等咨询联系方式"
    options = {
        "required": Option(bool, True, "是否要求提供联系方式"),
        "fields": Option(list, list(DEFAULT_FIELDS), "要求的联系方式种类", choices=list(CONTACT_KINDS_ZH), items=str),
        "require_all": Option(bool, False, "是否要求 fields 中的每一种都提供"),
    }

    def check(self, ctx: Context) -> Iterable[Finding]:
        if not ctx.options.get("required", True):
            return
        fields = [kind for kind in ctx.options.get("fields") or DEFAULT_FIELDS if kind in CONTACT_KINDS_ZH]
        contacts = _contacts(ctx)
        have = [kind for kind in fields if contacts.get(kind)]
        names = "、".join(CONTACT_KINDS_ZH[kind] for kind in fields)
        if not have:
            yield self.finding(ctx, f"报告没有提供咨询联系方式（{names}）", location=contact_place(ctx, contacts))
        elif ctx.options.get("require_all"):
            lacking = "、".join(CONTACT_KINDS_ZH[kind] for kind in fields if kind not in have)
            if lacking:
                yield self.finding(ctx, f"报告的联系方式缺少{lacking}", location=contact_place(ctx, contacts))


class ContactInvalid(Rule):
    code = "GK207"
    slug = "contact-invalid"
    severity = "warning"
    summary = "电话、电子邮箱或邮编的格式不正确"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        for kind, values in _contacts(ctx).items():
            pattern = _CHECKS.get(kind)
            if pattern is None:
                continue
            for index, value in enumerate(values):
                pieces = _SEPARATORS.split(_compact(value)) if kind in ("phone", "fax") else [_compact(value)]
                if all(pattern.match(piece) for piece in pieces if piece):
                    continue
                yield self.finding(ctx, f"{CONTACT_KINDS_ZH[kind]}“{value.strip()}”{_PROBLEM[kind]}",
                                   location=ctx.location(f"meta.contacts.{kind}.{index}") or document_start(ctx),
                                   context=value.strip())
