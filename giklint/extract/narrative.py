"""Numbers in the text that restate table figures (新收/受理 N 件, 结转 N 件, 行政复议 N 件 …) and
"共N…，其中a…、b…" enumerations.

(stub: the extraction work fills this in)
"""
from __future__ import annotations

from typing import List, Sequence

from giklint.document import Line
from giklint.extract.sections import Sections


def extract_narrative(lines: Sequence[Line], sections: Sections) -> List[dict]:
    return []
