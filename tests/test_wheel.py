"""The wheel a user installs carries every rule, profile and schema, and works outside the checkout.

Builds the wheel (``python -m build --wheel --no-isolation``) from a copy of the project, installs it
with pip into a fresh venv in a temporary folder, and runs the installed ``giklint`` from another
folder, where nothing of the checkout is importable.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _venv import copy_tree, make_venv
from conftest import EXAMPLES, ROOT


def source_rules():
    from giklint_rules import rule_classes

    return rule_classes()


def source_profiles():
    return sorted(p.name for p in (ROOT / "rules" / "profiles").glob("*.toml"))


def source_schemas():
    return sorted(p.name for p in (ROOT / "schemas").glob("*.json"))


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv, an empty working folder) with the freshly built wheel installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    started = time.monotonic()
    source = copy_tree(ROOT, tmp / "source")
    build = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                            str(tmp / "dist"), str(source)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    wheels = list((tmp / "dist").glob("giklint-*.whl"))
    assert len(wheels) == 1, wheels
    built = time.monotonic() - started
    venv = make_venv(tmp / "venv", str(wheels[0]))
    venv.seconds["build wheel"] = built
    print(f"\ntest_wheel timings (s): {', '.join(f'{k} {v:.1f}' for k, v in venv.seconds.items())}")
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return venv, elsewhere


def installed_package_files(venv, cwd: Path, package: str, pattern: str):
    code = (f"import {package}, pathlib; root = pathlib.Path({package}.__file__).parent; "
            f"print('\\n'.join(sorted(str(p.relative_to(root)) for p in root.glob({pattern!r}))))")
    return venv.run("python", "-c", code, cwd=cwd).stdout.split()


def test_giklint_runs_from_the_venv_not_the_checkout(installed):
    venv, elsewhere = installed
    where = venv.run("python", "-c", "import giklint, giklint_rules; print(giklint.__file__, giklint_rules.__file__)",
                     cwd=elsewhere).stdout.split()
    assert all(Path(p).resolve().is_relative_to(venv.root.resolve()) for p in where), where


def test_every_builtin_rule_is_listed(installed):
    venv, elsewhere = installed
    listing = venv.run("giklint", "rules", cwd=elsewhere).stdout
    expected = source_rules()
    assert expected, "no rule classes in rules/*.py"
    missing = [f"{r.code} {r.slug}" for r in expected if r.code not in listing or r.slug not in listing]
    assert not missing, f"not in the installed `giklint rules`: {missing}"


def test_every_profile_is_installed_and_usable(installed):
    venv, elsewhere = installed
    assert source_profiles(), "no profiles in rules/profiles"
    assert installed_package_files(venv, elsewhere, "giklint_rules", "profiles/*.toml") == \
        [f"profiles/{name}" for name in source_profiles()]
    report = elsewhere / "clean-2021.md"
    shutil.copy(EXAMPLES / "reports" / "clean-2021.md", report)
    for name in source_profiles():
        province = name[: -len(".toml")]
        proc = venv.run("giklint", "check", "--province", province, report.name, cwd=elsewhere, check=False)
        assert proc.returncode in (0, 1), f"--province {province}: exit {proc.returncode}: {proc.stderr}"


def test_every_schema_is_installed_unchanged(installed):
    venv, elsewhere = installed
    names = installed_package_files(venv, elsewhere, "giklint_schemas", "*.json")
    assert names == source_schemas()
    code = "import giklint_schemas, pathlib, sys; sys.stdout.write((pathlib.Path(giklint_schemas.__file__).parent / sys.argv[1]).read_text('utf-8'))"
    for name in names:
        text = venv.run("python", "-c", code, name, cwd=elsewhere).stdout
        assert text == (ROOT / "schemas" / name).read_text(encoding="utf-8"), name


def test_check_works_on_a_copied_example(installed):
    venv, elsewhere = installed
    for name in ("clean-2021.md", "faulty-balance.md"):
        shutil.copy(EXAMPLES / "reports" / name, elsewhere / name)
    clean = venv.run("giklint", "check", "clean-2021.md", cwd=elsewhere, check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    faulty = venv.run("giklint", "check", "faulty-balance.md", cwd=elsewhere, check=False)
    assert faulty.returncode == 1 and "balance" in faulty.stdout, faulty.stdout + faulty.stderr
