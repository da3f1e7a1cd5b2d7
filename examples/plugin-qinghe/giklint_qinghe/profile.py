"""The ``qinghe`` profile: 山东省 rules as shipped with giklint, plus what 青禾市 asks more.

A report repository selects it in ``giklint.toml`` with ``province = "qinghe"``. It has the shape of
a giklint configuration file (giklint's docs/configuration.md).
"""
from __future__ import annotations

from typing import Any, Dict

PROFILE_NAME = "qinghe"
BASE_PROVINCE = "shandong"

QINGHE: Dict[str, Any] = {
    "extends": BASE_PROVINCE,
    "rules": {
        # 青禾市政务公开办 collects the departments' reports ten days before the national 1月31日
        "late-publication": {"deadline": "01-20"},
        "qinghe-hotline": {"hotline": "12345"},
    },
}


def qinghe_profile():
    from giklint.config import Profile

    return Profile(name=PROFILE_NAME, description="青禾市：山东省配置，部门报告1月20日前发布，须给出12345热线或政务公开专栏网址",
                   data=QINGHE)
