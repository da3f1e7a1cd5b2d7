"""Module-level patterns compiled at first use (giklint/lazy_re.py), from programs kept between runs
(giklint/regex_cache.py): the same matches as ``re.compile``, every pattern valid although none is
compiled at import, and a cache file that can only ever save time."""
from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
from pathlib import Path

import pytest

import giklint
import giklint_rules
from giklint import lazy_re, regex_cache
from giklint.lazy_re import LazyPattern
from giklint.user_cache import KeptTable

SAMPLES = ["联系电话：0536-6221579", "（七）总计 12 3 0", "2021年1月1日至2021年12月31日", "", "abc\n"]


def _lazy_patterns(value, where):
    if isinstance(value, LazyPattern):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lazy_patterns(item, f"{where}[{key!r}]")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _lazy_patterns(item, f"{where}[{index}]")
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for name in value.__dataclass_fields__:
            yield from _lazy_patterns(getattr(value, name), f"{where}.{name}")


def every_module_level_pattern():
    found = []
    for package in (giklint, giklint_rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(".__main__"):  # runs the command line when imported
                continue
            try:
                module = importlib.import_module(info.name)
            except ImportError:  # an optional extra's module (OCR engines) when the extra is absent
                continue
            for name, value in vars(module).items():
                found += _lazy_patterns(value, f"{info.name}.{name}")
    return found


def test_every_module_level_pattern_compiles_although_none_is_compiled_at_import():
    patterns = every_module_level_pattern()
    assert len(patterns) > 150  # the extractors' and rules' patterns are all lazily compiled
    for where, pattern in patterns:
        try:
            compiled = re.compile(pattern.pattern, pattern._flags)
        except re.error as exc:  # pragma: no cover - the failure this test exists for
            pytest.fail(f"{where}: {exc}")
        for sample in SAMPLES:
            text = sample.encode("utf-8") if isinstance(pattern.pattern, bytes) else sample
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)], where


def test_a_lazy_pattern_is_the_compiled_pattern_once_used():
    phone = lazy_re.compile(r"(?P<area>0\d{2,3})[-－](?P<number>\d{7,8})")
    assert "search" not in vars(phone)  # nothing compiled yet
    assert phone.pattern.startswith("(?P<area>")
    found = phone.search("电话：0536-6221579")
    assert found is not None and found.group("area", "number") == ("0536", "6221579")
    assert phone.groupindex == {"area": 1, "number": 2} and phone.groups == 2
    assert phone.sub("X", "0536-6221579 和 010－12345678") == "X 和 X"
    assert phone.flags == re.compile(phone.pattern).flags
    assert re.compile(r"x", re.IGNORECASE).flags == lazy_re.compile(r"x", re.IGNORECASE).flags


def test_an_invalid_pattern_fails_at_first_use_like_re_compile():
    broken = lazy_re.compile(r"(unclosed")
    with pytest.raises(re.error):
        broken.search("x")


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """regex_cache as in a new process, with its cache file under tmp_path."""
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(tmp_path))
    new_process(monkeypatch)
    return tmp_path


def new_process(monkeypatch):
    monkeypatch.setattr(regex_cache, "PROGRAMS", KeptTable("regex", regex_cache.MAX_PROGRAMS))


PATTERN = r"(?P<org>[\u4e00-\u9fff]{2,20}?)(?:局|委员会)"


@pytest.mark.skipif(not regex_cache._USABLE, reason="the program cache is CPython's")
def test_a_later_run_takes_the_program_from_the_cache_file(fresh_cache, monkeypatch):
    first = regex_cache.compile(PATTERN)
    regex_cache.PROGRAMS.write()  # what the first run does at exit
    assert len(list(fresh_cache.glob("regex-*.table"))) == 1

    new_process(monkeypatch)
    monkeypatch.setattr(regex_cache, "_program", lambda *a: pytest.fail("compiled again, the cache unused"))
    second = regex_cache.compile(PATTERN)
    text = "青禾市教育局、青禾市发展和改革委员会"
    assert [m.group("org") for m in second.finditer(text)] == [m.group("org") for m in first.finditer(text)] \
        == ["青禾市教育", "青禾市发展和改革"]
    assert (second.pattern, second.flags, second.groupindex) == (first.pattern, first.flags, first.groupindex)


@pytest.mark.skipif(not regex_cache._USABLE, reason="the program cache is CPython's")
def test_a_damaged_or_tampered_cache_means_compiling_afresh(fresh_cache, monkeypatch):
    regex_cache.compile(PATTERN)
    regex_cache.PROGRAMS.write()
    (cache_file,) = fresh_cache.glob("regex-*.table")
    version, programs = marshal.loads(cache_file.read_bytes()[4:])  # behind its checksum
    flags, code, groups, index, names = programs[(PATTERN, 0)]
    programs[(PATTERN, 0)] = (flags, [999] + code[1:], groups, index, names)  # not a program _sre accepts
    cache_file.write_bytes(KeptTable.encode(programs))  # a valid file holding a bad program
    new_process(monkeypatch)
    assert regex_cache.compile(PATTERN).search("青禾市教育局").group("org") == "青禾市教育"

    cache_file.write_bytes(b"\x00not marshal at all")
    new_process(monkeypatch)
    assert regex_cache.compile(PATTERN).search("青禾市教育局").group("org") == "青禾市教育"


def test_no_cache_file_when_caching_is_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("GIKLINT_CACHE_DIR", "")
    new_process(monkeypatch)
    assert regex_cache.compile(PATTERN).search("青禾市教育局")
    regex_cache.PROGRAMS.write()
    monkeypatch.chdir(tmp_path)
    assert not list(Path(tmp_path).rglob("regex-*"))
