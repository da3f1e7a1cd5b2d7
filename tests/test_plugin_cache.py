"""The cache of installed entry points: used while nothing is installed, read again when something is."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from giklint import plugin_cache, plugins, user_cache


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on sys.path (as site-packages is), and a cache folder of its own."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(tmp_path / "cache"))
    plugins.find_entry_points.cache_clear()
    yield folder
    plugins.find_entry_points.cache_clear()


def install(site: Path, dist: str, version: str, entry_points: str) -> None:
    """What pip leaves in site-packages for a distribution: its dist-info folder."""
    info = site / f"{dist}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[giklint]\n{entry_points}\n", encoding="utf-8")


def found(name: str):
    plugins.find_entry_points.cache_clear()
    return [ep for ep in plugins.find_entry_points() if ep[0] == name]


def test_the_cached_answer_is_the_scan_and_is_used_while_nothing_is_installed(site, monkeypatch):
    install(site, "giklint_fake", "1.0", "fake = giklint_fake")
    assert found("fake") == [("fake", "giklint_fake", "1.0")] == [ep for ep in plugins.scan_entry_points()
                                                                  if ep[0] == "fake"]
    assert list((site.parent / "cache").glob("entry-points-*.json"))

    def no_scan():
        raise AssertionError("scanned although nothing was installed")

    monkeypatch.setattr(plugins, "scan_entry_points", no_scan)
    assert found("fake") == [("fake", "giklint_fake", "1.0")]


def test_runs_with_another_search_path_keep_their_own_cache(site, tmp_path, monkeypatch):
    """``python -m giklint`` (the working folder first on sys.path) and the console script take turns
    in real use: each keeps its cache instead of invalidating the other's."""
    import sys

    install(site, "giklint_fake", "1.0", "fake = giklint_fake")
    other = tmp_path / "elsewhere"
    other.mkdir()
    found("fake")
    path = list(sys.path)
    monkeypatch.syspath_prepend(str(other))
    found("fake")
    assert len(list((site.parent / "cache").glob("entry-points-*.json"))) == 2

    def no_scan():
        raise AssertionError("scanned although nothing was installed")

    monkeypatch.setattr(plugins, "scan_entry_points", no_scan)
    assert found("fake") == [("fake", "giklint_fake", "1.0")]
    monkeypatch.setattr(sys, "path", path)
    assert found("fake") == [("fake", "giklint_fake", "1.0")]


def test_installing_upgrading_and_removing_a_package_are_seen(site):
    assert found("fake") == []
    install(site, "giklint_fake", "1.0", "fake = giklint_fake")
    assert found("fake") == [("fake", "giklint_fake", "1.0")]
    (site / "giklint_fake-1.0.dist-info").rename(site / "giklint_fake-1.1.dist-info")
    (site / "giklint_fake-1.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: giklint_fake\nVersion: 1.1\n", encoding="utf-8")
    assert found("fake") == [("fake", "giklint_fake", "1.1")]
    entry_points = site / "giklint_fake-1.1.dist-info" / "entry_points.txt"
    entry_points.write_text("[giklint]\nfake = giklint_fake.plugin\n", encoding="utf-8")
    stat = entry_points.stat()
    os.utime(entry_points, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))  # a coarse clock
    assert found("fake") == [("fake", "giklint_fake.plugin", "1.1")]
    for item in (site / "giklint_fake-1.1.dist-info").iterdir():
        item.unlink()
    (site / "giklint_fake-1.1.dist-info").rmdir()
    assert found("fake") == []


def test_a_broken_or_unwritable_cache_means_a_scan(site, tmp_path, monkeypatch):
    install(site, "giklint_fake", "1.0", "fake = giklint_fake")
    cache = tmp_path / "cache"
    cache.mkdir()
    assert found("fake")
    for file in cache.iterdir():
        file.write_text("{not json", encoding="utf-8")
    assert found("fake") == [("fake", "giklint_fake", "1.0")]
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(blocked / "cache"))  # cannot be made
    assert found("fake") == [("fake", "giklint_fake", "1.0")]


def test_the_cache_folder_follows_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.delenv("GIKLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache.cache_root() == tmp_path / "giklint"
