"""TOML parsed on an earlier run (giklint/toml_cache.py): the same data as tomllib, nothing parsed
again while the text is unchanged, a changed text parsed afresh, and a cache file that can only ever
save time."""
from __future__ import annotations

import sys

import pytest

from giklint import toml_cache
from giklint.config import read_toml
from giklint.errors import ConfigError
from giklint.user_cache import KeptTable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TEXT = '''description = "测试"
[rules.late-publication]
deadlines = { department = "01-31" }
[rules.overview-length]
max_chars = 1000
ratio = 0.5
flags = [true, false]
'''


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """toml_cache as in a new process, with its file under tmp_path."""
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(toml_cache, "PARSED", KeptTable("toml", toml_cache.MAX_TEXTS, toml_cache.PARSED.valid))
    return tmp_path


def _new_process() -> None:
    toml_cache.PARSED.write()  # what the process does at exit
    toml_cache.PARSED.forget()


def test_kept_between_runs_and_same_as_tomllib(fresh_cache, monkeypatch):
    assert toml_cache.parse(TEXT) == tomllib.loads(TEXT)
    _new_process()
    monkeypatch.setattr(toml_cache, "loads", lambda text: pytest.fail("parsed again"))
    first = toml_cache.parse(TEXT)
    assert first == tomllib.loads(TEXT)
    first["rules"]["overview-length"]["max_chars"] = 5  # a caller changing its copy
    assert toml_cache.parse(TEXT)["rules"]["overview-length"]["max_chars"] == 1000


def test_changed_text_parsed_afresh(fresh_cache):
    toml_cache.parse(TEXT)
    _new_process()
    changed = TEXT.replace("1000", "800")
    assert toml_cache.parse(changed)["rules"]["overview-length"]["max_chars"] == 800
    assert changed in toml_cache.PARSED.added


def test_dates_are_parsed_each_run(fresh_cache):
    text = "day = 2022-01-31\n"
    assert toml_cache.parse(text) == tomllib.loads(text)
    assert toml_cache.PARSED.added == {}


def test_invalid_toml_is_a_config_error_and_not_kept(fresh_cache, tmp_path):
    path = tmp_path / "giklint.toml"
    path.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="不是有效的TOML"):
        read_toml(path)
    assert toml_cache.PARSED.added == {}


@pytest.mark.parametrize("spoil", [lambda path: path.write_bytes(b"\x00garbage"),
                                   lambda path: path.chmod(0o666)], ids=["damaged", "writable-by-others"])
def test_damaged_or_foreign_file_is_ignored(fresh_cache, spoil):
    toml_cache.parse(TEXT)
    toml_cache.PARSED.write()
    [cache_file] = fresh_cache.iterdir()
    spoil(cache_file)
    toml_cache.PARSED.forget()
    assert toml_cache.parse(TEXT) == tomllib.loads(TEXT)
    assert TEXT in toml_cache.PARSED.added  # parsed again
