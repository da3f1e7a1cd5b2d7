"""The report model as a file: JSON, or YAML with the Chinese labels as comments beside the keys.

``giklint parse --format yaml`` writes YAML a person can read and correct; ``giklint parse`` and
``giklint check`` read it (or the JSON) back, schema-checked first, with errors naming the key.
"""
from __future__ import annotations

import io
import json
from typing import Any, Dict

from giklint import template
from giklint.errors import InputError, NotAReportError

MODEL_SUFFIXES = (".json", ".yaml", ".yml")

_META_LABELS = {
    "title": "标题", "agency": "发布机关", "year": "报告年度", "template": "表格格式（2019/2021/pre-2019）",
    "period": "统计期限", "contacts": "联系方式", "signature": "落款", "published": "发布日期",
    "phone": "电话", "fax": "传真", "email": "电子邮箱", "address": "地址", "postcode": "邮编",
    "start": "起", "end": "止", "raw": "原文", "valid": "是否规范", "date": "日期",
}
_TABLE_LABELS = {"active_disclosure": "表二 主动公开政府信息情况", "applications": "表三 收到和处理政府信息公开申请情况",
                 "review_litigation": "表四 政府信息公开行政复议、行政诉讼情况"}


def to_json(model: Dict[str, Any]) -> str:
    return json.dumps(model, ensure_ascii=False, indent=2) + "\n"


def to_yaml(model: Dict[str, Any]) -> str:
    """YAML via ruamel.yaml, with Chinese labels as end-of-line comments on meta and table keys."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    def commented(value):
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = commented(v)
            return out
        if isinstance(value, list):
            return [commented(v) for v in value]
        return value

    data = commented(model)
    meta = data.get("meta")
    if isinstance(meta, CommentedMap):
        _label(meta, _META_LABELS)
        for sub in ("period", "contacts", "signature"):
            if isinstance(meta.get(sub), CommentedMap):
                _label(meta[sub], _META_LABELS)
    tables = data.get("tables")
    if isinstance(tables, CommentedMap):
        _label(tables, _TABLE_LABELS)
        for name, table in tables.items():
            if not isinstance(table, CommentedMap):
                continue
            for row_key, row in table.items():
                row_name = template.row_label(name, row_key)
                if row_name != row_key:
                    table.yaml_add_eol_comment(row_name, row_key)
                if isinstance(row, CommentedMap):
                    for col in row:
                        label = template.column_label(name, col, row_key)
                        if label != col:
                            row.yaml_add_eol_comment(label, col)
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _label(mapping, labels) -> None:
    for key in mapping:
        if key in labels:
            mapping.yaml_add_eol_comment(labels[key], key)


def _plain(value):
    """ruamel's commented containers to plain dicts and lists (the schema validator wants plain ones)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _load_json(text: str, path: str, max_digits: int) -> Any:
    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > max_digits:
            raise ValueError(f"整数“{digits[:20]}…”超过 {max_digits} 位")
        return int(digits)

    def constant(name: str) -> float:
        raise ValueError(f"不允许 {name}（模型中的数都应是有限的数）")

    try:
        return json.loads(text, parse_int=integer, parse_constant=constant)
    except RecursionError:
        raise InputError(path, "不是有效的JSON：嵌套层数过多") from None
    except ValueError as exc:
        raise InputError(path, f"不是有效的JSON：{exc}") from None


def _load_yaml(text: str, path: str, max_aliases: int) -> Any:
    """YAML, its alias uses counted first: a 342-byte alias bomb expands to gigabytes when built."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import AliasEvent

    yaml = YAML(typ="safe")
    try:
        aliases = 0
        for event in yaml.parse(text):
            if isinstance(event, AliasEvent):
                aliases += 1
                if aliases > max_aliases:
                    raise InputError(path, f"YAML别名（*引用）数超过上限 {max_aliases:,}，可能是别名炸弹"
                                           f"（可用环境变量 GIKLINT_MAX_YAML_ALIASES 调整）")
        return yaml.load(text)
    except YAMLError as exc:
        raise InputError(path, f"不是有效的YAML：{str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise InputError(path, "不是有效的YAML：嵌套层数过多") from None
    except ValueError as exc:  # int() of more than 4,300 digits
        raise InputError(path, "不是有效的YAML：整数位数过多") from None


def check_values(value: Any, path: str, limits: Any) -> None:
    """At most ``max_model_nodes`` values (aliases expanded), nested at most ``max_nesting`` deep (a
    recursive alias is infinitely deep), no integer of more than ``max_number_digits`` digits, no inf
    or nan. Iterative: a deep model cannot overflow the stack."""
    import math

    from giklint.limits import exceeded

    max_digits = limits.max_number_digits
    stack = [(value, 1, "")]
    nodes = 0
    while stack:
        item, depth, key = stack.pop()
        nodes += 1
        if nodes > limits.max_model_nodes:
            raise exceeded(path, "模型的值的个数（别名展开后）", limits.max_model_nodes, "max_model_nodes")
        if depth > limits.max_nesting:
            raise InputError(path, f"嵌套层数超过上限 {limits.max_nesting}（{key[:40] or '顶层'}…），"
                                   f"可能是自引用的YAML别名")
        if isinstance(item, dict):
            stack.extend((v, depth + 1, f"{key}.{k}" if key else str(k)) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, depth + 1, f"{key}[{i}]") for i, v in enumerate(item))
        elif isinstance(item, float) and not math.isfinite(item):
            raise InputError(path, f"{key}: 不允许 {item}（模型中的数都应是有限的数）")
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 10 ** max_digits:
            raise InputError(path, f"{key}: 整数超过 {max_digits} 位")


def read_model(data: bytes, path: str) -> Dict[str, Any]:
    """A model file (JSON or YAML) back to the model dict, validated against the report schema."""
    from giklint.encoding import decode
    from giklint.limits import current, exceeded
    from giklint.schema import errors

    limits = current()
    if len(data) > limits.max_model_bytes:
        raise exceeded(path, "模型文件大小", limits.max_model_bytes, "max_model_bytes")
    try:
        text, _ = decode(data)
    except UnicodeDecodeError:
        raise InputError(path, "无法识别文件的字符编码") from None
    if path.lower().endswith(".json"):
        model = _load_json(text, path, limits.max_number_digits)
    else:
        model = _load_yaml(text, path, limits.max_yaml_aliases)
    check_values(model, path, limits)
    model = _plain(model)
    from giklint.report_kind import NOT_A_MODEL, is_model_file_content

    if not is_model_file_content(model):
        raise NotAReportError(path, NOT_A_MODEL)
    problems = errors(model, "report")
    if problems:
        raise InputError(path, "不符合报告模型的结构（schemas/report.schema.json）：" + "；".join(problems[:5]))
    return model
