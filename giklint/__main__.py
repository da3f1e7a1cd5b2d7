"""``python -m giklint``: the command, run without the current folder on the import path.

``python -m`` puts the current folder first on ``sys.path`` (unless ``-P`` or ``PYTHONSAFEPATH``).
When that folder is a tree being checked, whatever it holds would be imported before the installed
modules giklint imports later, and a ``*.dist-info`` folder in it would be found as an installed
plugin: code from the checked tree run without the user trusting it. The console script never has
the current folder on its path; this makes ``python -m giklint`` the same. (giklint itself is already
imported by then, and its own modules are found through the package, not through ``sys.path``.)
"""
import os
import sys

if sys.path and sys.path[0] and os.path.abspath(sys.path[0]) == os.getcwd():
    del sys.path[0]

from giklint.entry import run  # noqa: E402 - after the path is made safe

run()
