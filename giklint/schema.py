"""JSON Schema validation (2020-12) of the report model, findings and configuration.

jsonschema is imported only when a validation is asked for: start-up stays fast for the paths that
never need it. Schemas ship in the ``giklint_schemas`` package (the project's top-level ``schemas/``).
The shipped schemas are checked against the meta-schema by the tests, never at run time; the model
the extractor builds is validated at run time only with ``--strict`` (the tests prove every example's
model valid), while a model that comes from outside (a JSON/YAML file, a dict) is always validated.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, List


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    """``name`` is ``report``, ``findings`` or ``config``."""
    from importlib import resources

    text = resources.files("giklint_schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _validator(name: str):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


def errors(instance: Any, name: str) -> List[str]:
    """Every way ``instance`` breaks schema ``name``, as ``key.path: message`` lines (empty when valid)."""
    found = []
    for error in sorted(_validator(name).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        path = ".".join(str(p) for p in error.absolute_path) or "(顶层)"
        found.append(f"{path}: {error.message}")
    return found


class SchemaError(ValueError):
    def __init__(self, name: str, problems: List[str]) -> None:
        super().__init__(f"{name} schema: " + "; ".join(problems[:5]))
        self.problems = problems


def validate(instance: Any, name: str = "report") -> None:
    problems = errors(instance, name)
    if problems:
        raise SchemaError(name, problems)
