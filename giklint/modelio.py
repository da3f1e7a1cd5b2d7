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


def read_model(data: bytes, path: str) -> Dict[str, Any]:
    """A model file (JSON or YAML) back to the model dict, validated against the report schema."""
    from giklint.encoding import decode
    from giklint.schema import errors

    try:
        text, _ = decode(data)
    except UnicodeDecodeError:
        raise InputError(path, "无法识别文件的字符编码") from None
    if path.lower().endswith(".json"):
        try:
            model = json.loads(text)
        except ValueError as exc:
            raise InputError(path, f"不是有效的JSON：{exc}") from None
    else:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        try:
            model = _plain(YAML(typ="safe").load(text))
        except YAMLError as exc:
            raise InputError(path, f"不是有效的YAML：{str(exc).splitlines()[0]}") from None
    from giklint.report_kind import NOT_A_MODEL, is_model_file_content

    if not is_model_file_content(model):
        raise NotAReportError(path, NOT_A_MODEL)
    problems = errors(model, "report")
    if problems:
        raise InputError(path, "不符合报告模型的结构（schemas/report.schema.json）：" + "；".join(problems[:5]))
    return model
