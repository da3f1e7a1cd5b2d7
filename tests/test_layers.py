"""No module imports from a layer above its own (imports inside functions count too).

The layers, bottom up, as README.md describes them: the official vocabulary; load (bytes to a
document); extract (document to report model); validate (the schema, model files); rules (the rule
API, configuration, the rules of ``rules/``); output; the engine (one model in, findings out); the
run (plugins, reading a report, resolving a run's configuration, the batch runner, the Python API);
the command line. A module may import from its own layer and any layer below.
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"giklint": ROOT / "giklint", "giklint_rules": ROOT / "rules"}

LAYERS: List[Tuple[str, Tuple[str, ...]]] = [
    ("vocabulary", ("giklint.errors", "giklint.frozen", "giklint.limits", "giklint.template", "giklint.hookspecs", "giklint.__version__",
                    "giklint.hookimpl", "giklint.lazy_re", "giklint.regex_cache", "giklint.records", "giklint.class_recipe", "giklint.toml_cache", "giklint.user_cache",
                    "giklint.gc_policy", "giklint.dates")),
    ("load", ("giklint.document", "giklint.encoding", "giklint.loaders")),
    ("extract", ("giklint.extract",)),
    ("validate", ("giklint.schema", "giklint.modelio", "giklint.model", "giklint.model_dict",
                  "giklint.report_kind")),
    ("rules", ("giklint.rule", "giklint.vocabulary", "giklint.tabletools", "giklint.texttools", "giklint.engine_rules",
               "giklint.config", "giklint.trust", "giklint.options", "giklint.selection", "giklint.suppress", "giklint.pairing",
               "giklint.similarity", "giklint_rules")),
    ("output", ("giklint.output",)),
    ("engine", ("giklint.engine", "giklint.model_places", "giklint.timelimit")),
    ("run", ("giklint.plugins", "giklint.plugin_cache", "giklint.builtin", "giklint.reader", "giklint.resolve",
             "giklint.runner", "giklint.cluster", "giklint.targets", "giklint.progress", "giklint.api",
             "giklint.testing", "giklint.crossyear", "giklint.pool", "giklint.own_files", "giklint.result_cache")),
    ("cli", ("giklint.cli", "giklint.cli_zh", "giklint.run_notes", "giklint.settings_view", "giklint.__main__", "giklint.entry",
             "giklint")),  # the package itself: the facade parse()/lint()
]
RANK: Dict[str, int] = {prefix: rank for rank, (_, prefixes) in enumerate(LAYERS) for prefix in prefixes}


def layer_of(module: str) -> Optional[int]:
    """The rank of the layer ``module`` belongs to (longest matching prefix; ``giklint`` itself only
    for the package's own module, so a new module must be given a layer), None when none fits."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        rank = RANK.get(".".join(parts[:end]))
        if rank is not None and (end == len(parts) or parts[:end] != ["giklint"]):
            return rank
    return None


def module_name(path: Path) -> str:
    for package, folder in PACKAGES.items():
        if folder in path.parents:
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    raise ValueError(path)


def _is_module(name: str) -> bool:
    package, *rest = name.split(".")
    folder = PACKAGES.get(package)
    if folder is None:
        return False
    target = folder.joinpath(*rest)
    return target.with_suffix(".py").is_file() or (target / "__init__.py").is_file()


def imported(source: str) -> Iterator[Tuple[int, str]]:
    """(line, module or ``package.name``) of every import in ``source``, at any depth.

    A relative import is given as ``.``-prefixed and has no layer: the project imports absolutely.
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            yield node.lineno, "." * node.level + (node.module or "")
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                yield node.lineno, full if _is_module(full) or node.module == "giklint" else node.module


def violations(source: str, module: str) -> List[str]:
    own = layer_of(module)
    found = []
    for line, name in imported(source):
        if name.split(".")[0] not in PACKAGES and not name.startswith("."):
            continue
        rank = layer_of(name)
        if rank is None or (own is not None and rank > own):
            where = "no layer" if rank is None else f"layer {LAYERS[rank][0]}"
            found.append(f"{module}:{line} ({LAYERS[own][0]}) imports {name} ({where})")
    return found


def all_modules() -> Iterator[Tuple[str, Path]]:
    for folder in PACKAGES.values():
        for path in sorted(folder.rglob("*.py")):
            yield module_name(path), path


def test_every_module_has_a_layer():
    assert [name for name, _ in all_modules() if layer_of(name) is None] == []


def test_no_module_imports_from_a_layer_above_it():
    found = [problem for name, path in all_modules()
             for problem in violations(path.read_text(encoding="utf-8"), name)]
    assert found == []


def test_an_upward_import_is_found_even_inside_a_function():
    source = "from giklint.document import Document\n\ndef f():\n    from giklint.engine import check_report\n"
    assert violations(source, "giklint.extract.tables") == [
        "giklint.extract.tables:4 (extract) imports giklint.engine (layer engine)"]
    assert violations("from giklint import __version__\n", "giklint.output.sarif") == []
    assert violations("import giklint.cli\n", "giklint_rules.balance") != []
    assert violations("from . import template\n", "giklint.extract.tables") != []
    assert layer_of("giklint.new_module") is None and layer_of("giklint") is not None
