"""The project's example reports and the facts written into them (examples/reports/*.facts.yaml)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from conftest import EXAMPLES, load_yaml

REPORTS_DIR = EXAMPLES / "reports"
FACTS_SUFFIX = ".facts.yaml"


def examples() -> List[Tuple[Path, Dict[str, Any]]]:
    """(report path, facts) of every example, sorted by file name."""
    found = []
    for facts_path in sorted(REPORTS_DIR.glob("*" + FACTS_SUFFIX)):
        facts = load_yaml(facts_path)
        found.append((REPORTS_DIR / facts["file"], facts))
    return found


def example_params():
    import pytest

    return [pytest.param(path, facts, id=path.name) for path, facts in examples()]


def norm(text: Optional[str]) -> Optional[str]:
    """Text as compared: NFKC (full-width digits and brackets to plain ones), without any white space."""
    if text is None:
        return None
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def serious_problems(facts: Dict[str, Any], key: str = "problems") -> List[str]:
    """Slugs of the facts' problems at error or warning level."""
    return [p["rule"] for p in facts.get(key) or [] if p.get("severity") in ("error", "warning")]


@lru_cache(maxsize=None)
def script_module(path: Path) -> Any:
    """An example-generating script (``make_*.py`` beside the examples) imported as a module."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
