"""Configuration: files, province profiles, and the settings they resolve to (``docs/configuration.md``).

Discovery: ``--config FILE``, else the first of ``giklint.toml``, ``.giklint.toml`` and ``pyproject.toml``
with a ``[tool.giklint]`` table, searching from the checked file's folder upward (first found wins;
one answer per folder is cached).

Precedence, lowest first: the ``national`` profile, the selected province profile (and the profiles it
``extends``), the configuration files (a file's ``extends = "path.toml"`` builds on another file),
then the command line. For ``[rules.<slug>]`` tables later layers override earlier ones key by key,
tables inside them (``deadlines = {department = "01-28"}``) merged the same way; lists are replaced.
``select``, ``report_type`` and ``fail_on`` come from the last layer that sets them; ``ignore`` entries
of every layer add up. Every layer is validated against ``schemas/config.schema.json``; unknown keys,
wrong types, unknown rules and unknown rule options are :class:`~giklint.errors.ConfigError` naming the
file and the key.
"""
from __future__ import annotations

import copy
import fnmatch
import json
import os
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from giklint import lazy_re, selection, toml_cache
from giklint.errors import ConfigError
from giklint.options import Options
from giklint.records import dataclass
from giklint.template import DEFAULT_REPORT_TYPE
from giklint.rule import declared_option, option_defaults

CONFIG_FILE_NAMES = ("giklint.toml", ".giklint.toml", "pyproject.toml")
DEFAULT_PROFILE = "national"
DEFAULT_FAIL_ON = "warning"
DEFAULT_RULE_TIME_LIMIT = 60.0  # seconds one rule may take on one report (giklint.timelimit)
# meaningless in a profile, which has no folder (exclusions: read by giklint/targets.py)
LOCAL_ONLY_KEYS = ("plugins", "per-file-ignores", "exclude", "extend-exclude", "force-exclude", "respect-gitignore")
SEVERITY_KEY = "severity"  # in [rules.<slug>]: the findings' severity, not an option of the rule


@dataclass
class Profile:
    """A named configuration shipped with giklint or a plugin: the shape of a ``giklint.toml``."""

    name: str
    description: str = ""
    data: Dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the file it was read from, for messages
    # giklint's own profiles are proven schema-valid by the tests and not checked again on every run
    # (that alone imported jsonschema); a plugin's profiles are checked when used
    shipped: bool = False


@dataclass
class ConfigSource:
    """One layer of configuration: a file, a profile, or the command line."""

    label: str  # how messages name it: a file path, 配置“sichuan”（path）, 命令行
    data: Dict[str, Any]
    base_dir: Optional[Path] = None  # relative plugin paths, per-file-ignores and extends start here
    key_prefix: str = ""  # "tool.giklint." inside pyproject.toml
    profile_name: Optional[str] = None  # set for a profile's layer


@dataclass
class ResolvedConfig:
    """The effective configuration for the files under one configuration file."""

    profile: str
    report_type: str
    fail_on: str
    select: Tuple[str, ...]
    ignore: Tuple[str, ...]
    rules: List[type]  # every known rule
    rule_settings: Dict[str, Dict[str, Any]] = field(default_factory=dict)  # slug -> merged [rules.<slug>]
    per_file_ignores: List[Tuple[str, Tuple[str, ...], Optional[Path]]] = field(default_factory=list)
    config_path: Optional[str] = None
    report_type_given: bool = False  # set by a configuration layer or --report-type, not the default
    rule_time_limit: float = DEFAULT_RULE_TIME_LIMIT
    # rules of an installed province plugin whose province this configuration does not choose
    dormant: Tuple[type, ...] = ()
    profile_chosen_by: str = ""  # who chose the profile: "--province", "giklint.toml: province", "默认配置"
    # rules_for's answers by what they depend on: a batch asks it several times per file, the same way
    _selected: Dict[Any, Tuple[type, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def province(self) -> Optional[str]:
        return None if self.profile == DEFAULT_PROFILE else self.profile

    def options_for(self, rule: type) -> Dict[str, Any]:
        """The rule's option defaults overlaid by the configuration (``severity`` included when set)."""
        return deep_merge(option_defaults(rule), self.rule_settings.get(rule.slug, {}))

    def rules_for(self, path: str) -> List[type]:
        """The rules selected for ``path``, after ``per-file-ignores``."""
        ignore = list(self.ignore)
        for pattern, selectors, base_dir in self.per_file_ignores:
            if path_matches(path, pattern, base_dir):
                ignore += selectors
        key = (tuple(self.rules), self.dormant, tuple(self.select), tuple(ignore))
        selected = self._selected.get(key)
        if selected is None:
            selected = self._selected[key] = tuple(
                rule for rule in self.rules if rule not in self.dormant and selection.is_selected(rule, self.select, ignore))
        return list(selected)

    def settings(self, published: Optional[str] = None) -> Dict[str, Any]:
        return {"province": self.province, "report_type": self.report_type, "published": published,
                "profile": self.profile, "report_type_given": self.report_type_given}


# -- reading files -----------------------------------------------------------------------------

def read_toml(path: Path) -> Dict[str, Any]:
    """A TOML file as a dict; unreadable or invalid TOML is a ConfigError naming the file."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: 配置文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取配置文件：{exc}") from None
    try:
        return toml_cache.parse(text)
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise ConfigError(f"{path}: 不是有效的TOML：嵌套层数过多") from None
    except Exception as exc:  # noqa: BLE001 - the parser's error class is imported only when parsing
        if isinstance(exc, toml_cache.decode_error()):
            raise ConfigError(f"{path}: 不是有效的TOML：{exc}") from None
        raise


def _giklint_table(path: Path, data: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The configuration inside a file: the whole file, or ``[tool.giklint]`` of a pyproject.toml."""
    if path.name != "pyproject.toml":
        return data
    table = (data.get("tool") or {}).get("giklint")
    return table if isinstance(table, dict) else None


def load_config_file(path: Path) -> ConfigSource:
    """Read and schema-check one configuration file."""
    path = Path(path)
    data = _giklint_table(path, read_toml(path))
    if data is None:
        raise ConfigError(f"{path}: 没有 [tool.giklint] 配置")
    source = ConfigSource(str(path), data, path.resolve().parent,
                          "tool.giklint." if path.name == "pyproject.toml" else "")
    check_schema(source)
    return source


@lru_cache(maxsize=None)
def find_config_file(folder: str) -> Optional[str]:
    """The configuration file that applies in ``folder`` (an absolute path), searching upward."""
    here = Path(folder)
    for name in CONFIG_FILE_NAMES:
        candidate = here / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_giklint_table(candidate)):
            return str(candidate)
    if here.parent == here:
        return None
    return find_config_file(str(here.parent))


# every way TOML can write the tool.giklint table: [tool.giklint], tool.giklint.x = …, a [tool] table
# with a giklint key, tool = { giklint = … }; quoted keys and spaces around the dots included
_MAY_HOLD_GIKLINT_TABLE = lazy_re.compile(rb"""tool["']?\s*\.\s*["']?giklint|\[\s*["']?tool["']?\s*\]|tool["']?\s*=""")


def _has_giklint_table(path: Path) -> bool:
    try:
        if not _MAY_HOLD_GIKLINT_TABLE.search(path.read_bytes()):  # most pyproject files: no TOML parser needed
            return False
    except OSError:
        return False
    try:
        return _giklint_table(path, read_toml(path)) is not None
    except ConfigError:  # a broken pyproject.toml without our table is not our business
        return False


def config_for(path: str, explicit: Optional[str] = None) -> Optional[str]:
    """The configuration file for a checked file (``explicit`` when the user named one)."""
    if explicit:
        return explicit
    folder = Path(path).parent if path not in ("-", "") else Path.cwd()
    return find_config_file(str(folder.resolve()))


def file_chain(path: Optional[str]) -> List[ConfigSource]:
    """The configuration file and the files it ``extends``, nearest first."""
    chain: List[ConfigSource] = []
    seen = set()
    current = Path(path) if path else None
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:
            raise ConfigError(f"{chain[-1].label}: extends: 配置文件循环引用（{current}）")
        seen.add(resolved)
        source = load_config_file(current)
        chain.append(source)
        base = source.data.get("extends")
        current = (source.base_dir / base) if base and _is_path(base) else None
    return chain


def _is_path(value: str) -> bool:
    return value.endswith(".toml") or "/" in value or "\\" in value


# -- profiles ----------------------------------------------------------------------------------

class ProfileFile(Profile):
    """A profile kept in a TOML file, read when first used: a run that uses one profile reads one
    file (and its ``extends`` chain), not every province's."""

    def __init__(self, path: Path, shipped: bool = False) -> None:  # not the dataclass one: it would set data
        self.name = path.stem
        self.source = str(path)
        self.shipped = shipped
        self._data: Optional[Dict[str, Any]] = None

    @property  # type: ignore[override]
    def data(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = read_toml(Path(self.source))
        return self._data

    @property  # type: ignore[override]
    def description(self) -> str:
        return str(self.data.get("description") or "")


def profiles_from_directory(path: Path, shipped: bool = False) -> List[Profile]:
    """Every ``*.toml`` in ``path`` as a profile named after the file (``sichuan.toml`` -> ``sichuan``),
    read when first used."""
    return [ProfileFile(file, shipped) for file in sorted(Path(path).glob("*.toml"))]


def profile_source(profile: Profile) -> ConfigSource:
    where = f"（{profile.source}）" if profile.source else ""
    return ConfigSource(f"配置“{profile.name}”{where}", profile.data, profile_name=profile.name)


def profile_chain(name: str, profiles: Dict[str, Profile], asked_by: str) -> List[ConfigSource]:
    """The profile ``name`` and those it extends, base first (``national`` always at the bottom)."""
    chain: List[ConfigSource] = []
    while True:
        if name not in profiles:
            raise ConfigError(f"{asked_by}: 未知的省级配置“{name}”；可用的有：{', '.join(sorted(profiles))}")
        source = profile_source(profiles[name])
        if any(s.label == source.label for s in chain):
            raise ConfigError(f"{source.label}: extends: 配置循环引用")
        if not profiles[name].shipped:
            check_schema(source)
        _check_profile_keys(source)
        chain.insert(0, source)
        parent = source.data.get("extends")
        if not parent:
            if name == DEFAULT_PROFILE or DEFAULT_PROFILE not in profiles:
                return chain
            parent = DEFAULT_PROFILE
        asked_by = f"{source.label}: extends"
        name = parent


def _check_profile_keys(source: ConfigSource) -> None:
    for key in LOCAL_ONLY_KEYS + ("province",):
        if key in source.data:
            where = "请改用 extends" if key == "province" else "只能写在本地配置文件中"
            raise ConfigError(f"{source.label}: {key}: 省级配置中不能使用此项，{where}")


def chosen_profile(chain: Sequence[ConfigSource], overrides: Options) -> Tuple[str, str]:
    """(profile name, who asked for it) from the command line, else the nearest file that names one."""
    if overrides.province:
        return overrides.province, "--province"
    for source in chain:
        if source.data.get("province"):
            return source.data["province"], f"{source.label}: {source.key_prefix}province"
        base = source.data.get("extends")
        if base and not _is_path(base):
            return base, f"{source.label}: {source.key_prefix}extends"
    return DEFAULT_PROFILE, "默认配置"


# -- validation --------------------------------------------------------------------------------

_TYPE_ZH = {"object": "表（table）", "array": "列表", "string": "字符串", "integer": "整数", "number": "数字",
            "boolean": "true/false", "null": "空值"}


def check_schema(source: ConfigSource) -> None:
    problems = schema_problems(source.data, source.key_prefix)
    if problems:
        raise ConfigError(f"{source.label}: " + f"\n{source.label}: ".join(problems))


def schema_problems(data: Any, prefix: str = "") -> List[str]:
    """Every way ``data`` breaks the configuration schema, as ``key: 说明`` lines in Chinese."""
    from jsonschema import Draft202012Validator

    from giklint.schema import load_schema

    schema = load_schema("config")
    problems = []
    for error in sorted(Draft202012Validator(schema).iter_errors(_plain_json(data)),
                        key=lambda e: [str(p) for p in e.absolute_path]):
        key = prefix + ".".join(str(p) for p in error.absolute_path)
        problems += _explain(error, key.rstrip(".") or "(顶层)", schema)
    return problems


def _plain_json(data: Any) -> Any:
    """TOML dates and times as strings, so the schema reports them as wrong types, not crashes."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False)) if _has_odd_values(data) else data


def _has_odd_values(data: Any) -> bool:
    if isinstance(data, dict):
        return any(_has_odd_values(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_odd_values(v) for v in data)
    return not isinstance(data, (str, int, float, bool, type(None)))


_BOUND_ZH = {"minimum": "不小于", "exclusiveMinimum": "大于", "maximum": "不大于", "exclusiveMaximum": "小于"}


def _explain(error, key: str, schema: Dict[str, Any]) -> List[str]:
    value = json.dumps(error.instance, ensure_ascii=False, default=str)
    if error.validator == "additionalProperties":
        known = list(error.schema.get("properties") or {})
        unknown = [k for k in error.instance if k not in known]
        prefix = "" if key == "(顶层)" else key + "."
        return [f"{prefix}{k}: 未知的配置项{_hint(k, known)}" for k in unknown]
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return [f"{key}: 应为{'或'.join(_TYPE_ZH.get(t, t) for t in expected)}，实际是 {value}"]
    if error.validator == "enum":
        return [f"{key}: 应为 {'、'.join(map(str, error.validator_value))} 之一，实际是 {value}"]
    if error.validator == "pattern":
        return [f"{key}: 格式不对（{value}）"]
    if error.validator == "minLength":
        return [f"{key}: 不能为空"]
    if error.validator in _BOUND_ZH:
        return [f"{key}: 应{_BOUND_ZH[error.validator]} {error.validator_value}，实际是 {value}"]
    return [f"{key}: {error.message}"]


def _hint(name: str, known: Iterable[str]) -> str:
    import difflib

    matches = difflib.get_close_matches(name, list(known), n=2, cutoff=0.6)
    return f"（可能是：{'、'.join(matches)}）" if matches else ""


# -- resolving ---------------------------------------------------------------------------------

def resolve(chain: Sequence[ConfigSource], rules: Sequence[type], profiles: Dict[str, Profile],
            overrides: Optional[Options] = None, config_path: Optional[str] = None,
            province_rules: Optional[Dict[type, FrozenSet[str]]] = None) -> ResolvedConfig:
    """Merge profile, files and command line into the effective configuration, checking every name.

    ``province_rules``: an installed plugin's rules -> its profiles; such a rule stays dormant unless
    one of those profiles is chosen (directly or through ``extends``) or ``select`` names the rule
    more closely than ``ALL``.
    """
    overrides = overrides if overrides is not None else Options()
    name, asked_by = chosen_profile(chain, overrides)
    profile_layers = profile_chain(name, profiles, asked_by)
    layers = profile_layers + list(reversed(chain))
    index = {}
    for rule in rules:
        index[rule.code.upper()] = rule
        index[rule.slug] = rule
    resolved = ResolvedConfig(profile=name, report_type=DEFAULT_REPORT_TYPE, fail_on=DEFAULT_FAIL_ON,
                              select=(selection.ALL,), ignore=(), rules=list(rules), config_path=config_path)
    resolved.profile_chosen_by = asked_by
    for source in layers:
        _apply_layer(resolved, source, index, rules)
    _apply_overrides(resolved, overrides, rules)
    lineage = {source.profile_name for source in profile_layers}
    resolved.dormant = tuple(rule for rule, provinces in (province_rules or {}).items()
                             if not provinces & lineage and selection.best(resolved.select, rule) <= 1)
    return resolved


def _apply_layer(resolved: ResolvedConfig, source: ConfigSource, index: Dict[str, type],
                 rules: Sequence[type]) -> None:
    data, where = source.data, f"{source.label}: {source.key_prefix}"
    for key in ("select", "ignore"):
        for selector in data.get(key) or []:
            _check_selector(selector, f"{where}{key}", rules)
    if "select" in data:
        resolved.select = tuple(data["select"])
    resolved.ignore += tuple(data.get("ignore") or ())
    for key in ("report_type", "fail_on", "rule_time_limit"):
        if key in data:
            setattr(resolved, key, data[key])
    if "report_type" in data:
        resolved.report_type_given = True
    for pattern, selectors in (data.get("per-file-ignores") or {}).items():
        for selector in selectors:
            _check_selector(selector, f"{where}per-file-ignores.{pattern}", rules)
        resolved.per_file_ignores.append((pattern, tuple(selectors), source.base_dir))
    for name, table in (data.get("rules") or {}).items():
        rule = index.get(name) or index.get(name.upper())
        if rule is None:
            raise ConfigError(f"{where}rules.{name}: 未知的规则{selection.hint(name, rules)}")
        _check_options(rule, table, f"{where}rules.{name}")
        merged = resolved.rule_settings.setdefault(rule.slug, {})
        deep_merge(merged, table)


def _apply_overrides(resolved: ResolvedConfig, overrides: Options, rules: Sequence[type]) -> None:
    for option, selectors in (("--select", overrides.select), ("--ignore", overrides.ignore)):
        for selector in selectors:
            _check_selector(selector, option, rules)
    if overrides.select:
        resolved.select = tuple(overrides.select)
    resolved.ignore += tuple(overrides.ignore)
    if overrides.report_type:
        resolved.report_type = overrides.report_type
        resolved.report_type_given = True
    if overrides.fail_on:
        resolved.fail_on = overrides.fail_on
    if overrides.rule_time_limit:
        resolved.rule_time_limit = overrides.rule_time_limit


def _check_selector(selector: str, where: str, rules: Sequence[type]) -> None:
    if not selection.names_a_rule(selector, rules):
        raise ConfigError(f"{where}: 未知的规则“{selector}”{selection.hint(selector, rules)}")


def _check_options(rule: type, table: Dict[str, Any], where: str) -> None:
    """Each configured option against the rule's declaration (:class:`giklint.rule.Option`)."""
    declared = dict(rule.options or {})
    for key, value in table.items():
        if key == SEVERITY_KEY:
            continue  # the schema checked its value
        if key not in declared:
            known = "、".join(sorted(declared)) or "无"
            raise ConfigError(f"{where}.{key}: 规则 {rule.code} {rule.slug} 没有这个选项"
                              f"{_hint(key, declared)}；可用的选项：{known}，以及 severity")
        option = declared_option(declared[key])
        problem = option.problem(value) if option is not None else None
        if problem:
            raise ConfigError(f"{where}.{key}: {problem}")


def deep_merge(base: Dict[str, Any], update: Dict[str, Any]) -> Dict[str, Any]:
    """``update`` into ``base`` (in place): tables merged key by key, everything else replaced."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


def path_matches(path: str, pattern: str, base_dir: Optional[Path]) -> bool:
    """Does a per-file-ignores glob match ``path``? Relative to ``base_dir``; a bare pattern also by name."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base_dir or Path.cwd()).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(absolute.name, pattern)
