"""Dataclasses whose methods' compiled code is kept between runs (giklint/records.py): the classes are
the ones ``dataclasses.dataclass`` makes, a later run compiles nothing, and the cache file can only
ever save time (a damaged, foreign or other-version file is ignored, never run)."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Tuple

import pytest

from giklint import records
from giklint.user_cache import KeptTable

pytestmark = pytest.mark.skipif(not records._USABLE, reason="the code cache is CPython's")


def _make(decorator):
    @decorator(frozen=True)
    class Place:
        """a test class"""
        line: int
        column: int = 0
        tags: Tuple[str, ...] = ()
        notes: list = dataclasses.field(default_factory=list, compare=False)

    return Place


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """records as in a new process, with its cache file under tmp_path."""
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(records, "CODES", KeptTable("dataclass-methods", records.MAX_CODES, records.CODES.valid))
    monkeypatch.setattr(records, "RECIPES", KeptTable("dataclass-recipe", records.MAX_RECIPES, records.RECIPES.valid))
    return tmp_path


def _new_process() -> None:
    records.CODES.forget()
    records.RECIPES.forget()


def test_same_class_as_dataclasses(fresh_cache):
    ours, theirs = _make(records.dataclass), _make(dataclasses.dataclass)
    for cls in (ours, theirs):
        place = cls(3, column=4, tags=("a",))
        assert dataclasses.is_dataclass(cls)
        assert [f.name for f in dataclasses.fields(cls)] == ["line", "column", "tags", "notes"]
        assert place == cls(3, 4, ("a",), ["ignored by eq"]) and place != cls(3, 5)
        assert hash(place) == hash(cls(3, 4, ("a",)))
        assert dataclasses.replace(place, column=9).column == 9
        assert dataclasses.asdict(place) == {"line": 3, "column": 4, "tags": ("a",), "notes": []}
        assert cls(1).notes is not cls(1).notes
        with pytest.raises(dataclasses.FrozenInstanceError):
            place.line = 5
        with pytest.raises(TypeError):
            cls()
    assert repr(ours(1, 2, ("b",))) == repr(theirs(1, 2, ("b",))) == "_make.<locals>.Place(line=1, column=2, tags=('b',), notes=[])"
    assert "exec" not in vars(dataclasses)  # the stand-in is only there while a class is made


def test_code_kept_and_reused(fresh_cache):
    _make(records.dataclass)
    assert records.CODES.added, "the first class compiles its methods"
    assert records.RECIPES.added, "and writes down what dataclasses did"
    records.CODES.write()  # what the process does at exit
    records.RECIPES.write()
    cache_files = list(fresh_cache.iterdir())
    assert len(cache_files) == 2 and all(path.stat().st_mode & 0o077 == 0 for path in cache_files)  # readable by this user only

    _new_process()
    place_class = _make(records.dataclass)
    assert records.CODES.added == {} and records.RECIPES.added == {}, "a later run compiles nothing and makes the class from its recipe"
    assert place_class(1, 2).column == 2 and place_class(1, 2) == place_class(1, 2) != place_class(1, 3)


def _write_then_reload(fresh_cache: Path, spoil) -> bool:
    _make(records.dataclass)
    records.CODES.write()
    records.RECIPES.write()
    for cache_file in fresh_cache.iterdir():
        spoil(cache_file)
    _new_process()
    _make(records.dataclass)(1)
    return bool(records.CODES.added) and bool(records.RECIPES.added)


def _flip_last_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def _other_version(path: Path) -> None:
    import marshal
    import zlib

    version, codes = marshal.loads(path.read_bytes()[4:])
    payload = marshal.dumps(("2.7.18 (another Python)", codes))
    path.write_bytes(zlib.crc32(payload).to_bytes(4, "big") + payload)  # a valid file of another Python


@pytest.mark.parametrize("spoil", [
    _flip_last_byte,
    lambda path: path.write_bytes(b"\x00\x01"),
    _other_version,
    pytest.param(lambda path: path.chmod(0o666), marks=pytest.mark.skipif(os.name == "nt", reason="POSIX modes")),
], ids=["damaged", "truncated", "other-python", "writable-by-others"])
def test_untrusted_or_damaged_file_is_compiled_afresh(fresh_cache, spoil):
    assert _write_then_reload(fresh_cache, spoil), "the file's code was used"


def test_no_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("GIKLINT_CACHE_DIR", "")
    monkeypatch.setattr(records, "CODES", KeptTable("dataclass-methods", records.MAX_CODES))
    monkeypatch.setattr(records, "RECIPES", KeptTable("dataclass-recipe", records.MAX_RECIPES))
    assert _make(records.dataclass)(1, 2).column == 2
    records.CODES.write()
    records.RECIPES.write()
    assert list(tmp_path.iterdir()) == []


def test_a_new_process_compiles_none_of_giklints_classes(tmp_path):
    """What the cache is for: the second ``giklint check`` makes its ~60 classes from kept code."""
    script = textwrap.dedent("""
        import sys
        from giklint import cli, records
        try:
            cli.main(["check", sys.argv[1]])
        except SystemExit:
            pass
        print("compiled", len(records.CODES.added), "recipes", len(records.RECIPES.added))
    """)
    report = Path(__file__).resolve().parents[1] / "examples" / "reports" / "clean-2021.md"
    env = dict(os.environ, GIKLINT_CACHE_DIR=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", script, str(report)], capture_output=True, text=True,
                           env=env, check=True).stdout for _ in range(2)]
    (first, first_recipes), (second, second_recipes) = ([int(word) for word in run.split()[-3::2]] for run in runs)
    assert first >= 50 and second == 0  # ~60 classes: one compile per method (per class from Python 3.13)
    assert first_recipes >= 50 and second_recipes == 0  # and each class made from its recipe
