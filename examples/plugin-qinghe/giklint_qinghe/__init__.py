"""giklint-qinghe: 青禾市政务公开办的 giklint 插件 (an example third-party plugin).

Registered through the ``giklint`` entry point in ``pyproject.toml``. It contributes one rule,
``QH101 qinghe-hotline``, and a profile ``qinghe`` that a report repository selects in its
``giklint.toml``; the profile builds on a shipped province profile and tightens the deadline.
"""
from __future__ import annotations

from giklint import hookimpl

__version__ = "1.0.0"


@hookimpl
def giklint_rules():
    from giklint_qinghe.hotline import QingheHotline

    return [QingheHotline]


@hookimpl
def giklint_profiles():
    from giklint_qinghe.profile import qinghe_profile

    return [qinghe_profile()]
