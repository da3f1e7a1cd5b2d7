"""Which local plugins a run may load: code from the checked tree runs only when the user trusts it.

Local plugins are Python files or modules a configuration lists under ``plugins``. Importing one runs
its code, so a report repository from someone else could run anything on the reviewer's machine
(like a ``setup.py``). giklint therefore loads them only when both hold (the trust model, README.md
and ``docs/configuration.md``):

- they are listed in the **root configuration**: the file ``--config`` names (or the Python API's
  ``config``), else the one found from the current folder upward, the project giklint runs in; a
  ``plugins`` key anywhere else (a configuration deeper in a checked folder, a file the root one
  ``extends``) is refused: a folder being checked never chooses code to run;
- the user **trusts** them: ``--trust-plugins``, ``GIKLINT_TRUST_PLUGINS=1`` in the environment, or
  ``trust_plugins=True`` in :func:`giklint.lint`.

Otherwise a configuration listing plugins is a :class:`~giklint.errors.ConfigError` (exit 2) that
names the file and says how to trust it; nothing from the list is imported. Once trusted, the root
configuration's plugins belong to the whole run: every configuration in it sees their rules.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence, Tuple

from giklint.config import ConfigSource, file_chain, find_config_file
from giklint.errors import ConfigError
from giklint.options import TRUST_VARIABLE

LocalSpecs = Tuple[Tuple[str, str], ...]  # (name as written, folder it is relative to)
HOW_TO_TRUST = (f"确认这些插件可信后，加 --trust-plugins 或设置环境变量 {TRUST_VARIABLE}=1 再运行"
                f"（Python API：lint(..., trust_plugins=True)）")
ROOT_ONLY = ("只有项目根目录的配置文件（运行 giklint 的文件夹向上找到的配置，或 --config 指定的文件）"
             "可以列出本地插件；被检查的文件夹中的配置不能决定运行哪些代码")


def root_config(explicit: Optional[str]) -> Optional[str]:
    """The root configuration of a run: ``explicit``, else the one found from the current folder."""
    if explicit:
        return explicit
    return find_config_file(str(Path.cwd().resolve()))


def listed(source: ConfigSource) -> LocalSpecs:
    folder = str(source.base_dir or Path.cwd())
    return tuple((str(item), folder) for item in source.data.get("plugins") or [])


def _same_file(source: ConfigSource, path: Optional[str]) -> bool:
    return path is not None and Path(source.label).resolve() == Path(path).resolve()


def check_chain(chain: Sequence[ConfigSource], root: Optional[str], trusted: bool, inline_is_root: bool = False) -> None:
    """Refuse a ``plugins`` list in ``chain`` that is not the root configuration's, or not trusted."""
    for index, source in enumerate(chain):
        if not listed(source):
            continue
        is_root = (inline_is_root and index == 0) or (index == 0 and _same_file(source, root))
        where = f"{source.label}: {source.key_prefix}plugins"
        if not is_root:
            raise ConfigError(f"{where}: 未加载其中列出的本地插件：{ROOT_ONLY}")
        if not trusted:
            names = "、".join(name for name, _ in listed(source))
            raise ConfigError(f"{where}: 这个配置列出了本地插件（{names}），但它们没有被信任：giklint 默认不运行"
                              f"被检查目录中的代码。{HOW_TO_TRUST}")


def run_plugins(root: Optional[str], trusted: bool) -> LocalSpecs:
    """The local plugins of a run: those the trusted root configuration lists (none when not trusted)."""
    if root is None or not trusted:
        return ()
    chain = file_chain(root)
    check_chain(chain, root, trusted)
    return listed(chain[0])


def names_listed(root: Optional[str]) -> Tuple[str, ...]:
    """The local plugins the root configuration lists, as written (none for a broken or missing file)."""
    if root is None or not os.path.isfile(root):
        return ()
    try:
        return tuple(name for name, _ in listed(file_chain(root)[0]))
    except ConfigError:
        return ()


def untrusted_note(root: Optional[str]) -> Optional[str]:
    """For ``rules``/``explain``: a note that the root configuration's plugins were not loaded."""
    names = names_listed(root)
    if not names:
        return None
    return f"{root} 列出的本地插件（{'、'.join(names)}）没有加载：它们没有被信任。{HOW_TO_TRUST}"
