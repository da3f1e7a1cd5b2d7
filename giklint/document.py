"""The load layer's output: a document as lines of text, each with a location in its source.

Every loader (text, Markdown, HTML, Word, PDF) turns bytes into a :class:`Document`. The extractor
knows nothing about the source format: it reads lines and, where a loader knows real table cells
(HTML ``<td>``, Word cells), the cells of a line. A location says where a thing stands in terms that
mean something for that format: line and column for text, page and line for PDF, paragraph or
table/row/cell for Word.
"""
from __future__ import annotations

from dataclasses import field
from typing import Dict, List, Optional

from giklint.records import dataclass

_new = object.__new__


@dataclass(frozen=True)
class Location:
    """Where something stands in the source. Only the fields that apply to the format are set."""

    line: Optional[int] = None  # 1-based line (text, HTML source); line within the page for PDF
    column: Optional[int] = None  # 1-based column, counted in characters
    page: Optional[int] = None  # PDF page, 1-based
    paragraph: Optional[int] = None  # DOCX paragraph, 1-based in document order
    table: Optional[int] = None  # DOCX table, 1-based
    row: Optional[int] = None  # DOCX table row, 1-based
    cell: Optional[int] = None  # DOCX table cell in its row, 1-based

    def shifted(self, columns: int) -> "Location":
        """The location ``columns`` characters further along the same line."""
        column = self.__dict__["column"]
        if column is None or columns == 0:
            return self
        made = _new(self.__class__)  # hundreds of times per report: dataclasses.replace in one step
        state = made.__dict__
        state.update(self.__dict__)
        state["column"] = column + columns
        return made

    def to_dict(self) -> Dict[str, int]:
        state = self.__dict__
        if (state["page"] is None and state["paragraph"] is None and state["table"] is None and state["row"] is None
                and state["cell"] is None and state["line"] is not None and state["column"] is not None):
            return {"line": state["line"], "column": state["column"]}  # (text: hundreds a report)
        return {k: v for k, v in state.items() if v is not None}

    @classmethod
    def from_dict(cls, data: Dict[str, int]) -> "Location":
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def describe(self) -> str:
        """The location in Chinese for messages: 第3页第12行, 第12行第5列, 表格2第3行第4格."""
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"表格{self.table}")
            if self.row is not None:
                parts.append(f"第{self.row}行")
            if self.cell is not None:
                parts.append(f"第{self.cell}格")
            return "".join(parts)
        if self.paragraph is not None:
            return "".join(parts) + f"第{self.paragraph}段"
        if self.line is not None:
            parts.append(f"第{self.line}行")
        if self.column is not None:
            parts.append(f"第{self.column}列")
        return "".join(parts)


@dataclass
class Cell:
    """A real table cell (from HTML or Word), with its own location."""

    text: str
    location: Location


@dataclass
class Line:
    """One line of the document.

    ``text`` is what the line says. For a table row read from a structured source, ``cells`` holds
    the row's cells (``text`` is then the cells joined by tabs); otherwise ``cells`` is None and the
    location of character ``i`` of ``text`` is ``location.shifted(i)``.
    """

    text: str
    location: Location
    cells: Optional[List[Cell]] = None


@dataclass
class Document:
    """A loaded document: its lines, plus what the container itself says (page metadata)."""

    path: str
    format: str  # "text", "markdown", "html", "docx", "pdf"
    lines: List[Line]
    encoding: Optional[str] = None
    metadata: Dict[str, str] = field(default_factory=dict)  # e.g. {"published": "2022-01-12", "title": …}
    notices: List[str] = field(default_factory=list)  # e.g. "no text layer" for a scanned PDF
    uncertain: List[Location] = field(default_factory=list)  # characters OCR read with low confidence

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
