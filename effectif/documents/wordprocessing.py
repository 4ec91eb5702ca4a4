"""Editable Word documents (.docx).

Either built from the rendered HTML of a template (headings, paragraphs, bold, italic,
underline, lists, tables, line breaks; markers highlighted), with the letterhead in the page
header and footer; or, when the template comes with its own .docx, that file rendered by
docxtpl in a sandboxed Jinja environment on the same plain values, bounded like the HTML
bodies (`sandbox.Budget`): the turns of its loops are counted, and every text it builds
(joined with `~`, repeated with `*`, formatted, padded, replaced) and every part it renders
must stay within the output limit, checked before a large text is built.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any

from django.core.exceptions import ValidationError
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Pt, RGBColor
from jinja2 import ChainableUndefined, Environment, Template, TemplateError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import html as lxml_html

from effectif.documents.merging import Missing, marker_text
from effectif.documents.printing import LetterheadView
from effectif.documents.sandbox import Budget, TemplateTooLong

BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr", "blockquote"}
    | {"section", "header", "footer", "address", "li"}
)
CONTAINER_TAGS = frozenset({"div", "section", "header", "footer", "address"})
ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
ACCENT = RGBColor(0x1F, 0x3C, 0x88)
_SPACES = re.compile(r"\s+")


class _Writer:
    """Writes blocks into a document or a table cell, inline runs into the current paragraph."""

    def __init__(self, container: Any, fresh_paragraph: Any = None) -> None:
        self.container = container
        self.paragraph: Any = None
        self._fresh = fresh_paragraph  # a cell starts with one empty paragraph: use it first

    def new_paragraph(self, style: str | None = None) -> Any:
        if self._fresh is not None:
            paragraph, self._fresh = self._fresh, None
            if style:
                paragraph.style = style
        else:
            paragraph = self.container.add_paragraph(style=style)
        self.paragraph = paragraph
        return paragraph

    def current(self) -> Any:
        return self.paragraph if self.paragraph is not None else self.new_paragraph()

    def end_paragraph(self) -> None:
        self.paragraph = None


def _alignment(element: Any) -> Any:
    style = element.get("style") or ""
    match = re.search(r"text-align\s*:\s*(\w+)", style)
    if match:
        return ALIGNMENTS.get(match[1].lower())
    classes = (element.get("class") or "").split()
    if "date" in classes:
        return WD_ALIGN_PARAGRAPH.RIGHT
    return None


def _text(writer: _Writer, text: str | None, fmt: Mapping[str, bool]) -> None:
    if not text:
        return
    text = _SPACES.sub(" ", text)
    started = writer.paragraph
    if started is None or not started.runs or started.text.endswith("\n"):
        text = text.lstrip()  # no leading space at the start of a paragraph or a line
    if not text:
        return
    run = writer.current().add_run(text)
    run.bold = fmt.get("bold") or None
    run.italic = fmt.get("italic") or None
    run.underline = fmt.get("underline") or None
    run.font.strike = fmt.get("strike") or None
    run.font.superscript = fmt.get("sup") or None
    run.font.subscript = fmt.get("sub") or None
    if fmt.get("mark"):
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if fmt.get("small"):
        run.font.size = Pt(8)


INLINE_FORMATS = {
    "strong": "bold",
    "b": "bold",
    "th": "bold",
    "em": "italic",
    "i": "italic",
    "u": "underline",
    "s": "strike",
    "sup": "sup",
    "sub": "sub",
    "mark": "mark",
    "small": "small",
}


def _inline(writer: _Writer, element: Any, fmt: Mapping[str, bool]) -> None:
    """An inline element and its descendants, into the current paragraph."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        writer.current().add_run().add_break()
    else:
        inner = dict(fmt)
        if tag in INLINE_FORMATS:
            inner[INLINE_FORMATS[tag]] = True
        _text(writer, element.text, inner)
        for child in element:
            if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
                _block(writer, child, inner)
            else:
                _inline(writer, child, inner)
    _text(writer, element.tail, fmt)


def _children(writer: _Writer, element: Any, fmt: Mapping[str, bool]) -> None:
    _text(writer, element.text, fmt)
    for child in element:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            writer.end_paragraph()
            _block(writer, child, fmt)
            writer.end_paragraph()
            _text(writer, child.tail, fmt)
        else:
            _inline(writer, child, fmt)


def _list(writer: _Writer, element: Any, fmt: Mapping[str, bool], depth: int) -> None:
    base = "List Number" if element.tag == "ol" else "List Bullet"
    style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
    for item in element:
        if item.tag != "li":
            continue
        writer.new_paragraph(style)
        _text(writer, item.text, fmt)
        for child in item:
            if child.tag in {"ul", "ol"}:
                writer.end_paragraph()
                _list(writer, child, fmt, depth + 1)
                if (child.tail or "").strip():
                    writer.new_paragraph(style)
                _text(writer, child.tail, fmt)
            elif child.tag in BLOCK_TAGS:
                _children(writer, child, fmt)
                _text(writer, child.tail, fmt)
            else:
                _inline(writer, child, fmt)
        writer.end_paragraph()


def _table(writer: _Writer, element: Any, fmt: Mapping[str, bool]) -> None:
    rows = list(element.iter("tr"))
    if not rows:
        return
    width = max(
        sum(int(c.get("colspan") or 1) for c in row if c.tag in {"td", "th"}) for row in rows
    )
    if width == 0:
        return
    signatures = "signatures" in (element.get("class") or "").split()
    table = writer.container.add_table(rows=len(rows), cols=width)
    if not signatures:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        column = 0
        for cell_element in (c for c in row if c.tag in {"td", "th"}):
            span = int(cell_element.get("colspan") or 1)
            cell = table.cell(r, column)
            if span > 1 and column + span - 1 < width:
                cell = cell.merge(table.cell(r, column + span - 1))
            inner = _Writer(cell, fresh_paragraph=cell.paragraphs[0])
            _children(inner, cell_element, {**fmt, "bold": cell_element.tag == "th"})
            if signatures:
                cell.add_paragraph()
                cell.add_paragraph()
            column += span
    writer.end_paragraph()


def _block(writer: _Writer, element: Any, fmt: Mapping[str, bool]) -> None:
    tag = element.tag
    if tag in {"ul", "ol"}:
        _list(writer, element, fmt, 0)
    elif tag == "table":
        _table(writer, element, fmt)
    elif tag == "hr":
        writer.new_paragraph()
    elif tag in CONTAINER_TAGS and any(
        isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element
    ):
        _children(writer, element, fmt)
    else:
        style = None
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            style = "Title" if tag == "h1" else f"Heading {min(int(tag[1]) - 1, 4)}"
        elif tag == "blockquote":
            style = "Quote"
        paragraph = writer.new_paragraph(style)
        alignment = _alignment(element)
        if tag == "h1":
            alignment = alignment or WD_ALIGN_PARAGRAPH.CENTER
        if alignment is not None:
            paragraph.alignment = alignment
        if "destinataire" in (element.get("class") or "").split():
            paragraph.paragraph_format.left_indent = Cm(9)
        _children(writer, element, fmt)
    writer.end_paragraph()


def _letterhead(document: Any, letterhead: LetterheadView) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(2)
    header = section.header.paragraphs[0]
    if letterhead.logo_bytes:
        header.add_run().add_picture(io.BytesIO(letterhead.logo_bytes), height=Cm(1.8))
        header.add_run().add_break()
    name = header.add_run(letterhead.employer_name)
    name.bold = True
    name.font.color.rgb = ACCENT
    details = [*letterhead.address_lines]
    if letterhead.siret:
        details.append(f"SIRET {letterhead.siret}")
    if letterhead.contact:
        details.append(letterhead.contact)
    for line in details:
        header.add_run().add_break()
        header.add_run(line).font.size = Pt(8)
    if letterhead.footer:
        footer = section.footer.paragraphs[0]
        footer.add_run(letterhead.footer).font.size = Pt(7.5)


def docx_from_html(*, body: str, letterhead: LetterheadView, title: str) -> bytes:
    """A .docx of a rendered (sanitised) body on the employer's letterhead."""
    document = Document()
    document.core_properties.title = title
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10)
    _letterhead(document, letterhead)
    root = lxml_html.fragment_fromstring(body or "<p></p>", create_parent="div")
    _children(_Writer(document), root, {})
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- Uploaded .docx templates (docxtpl) ------------------------------------------------------


class _MarkerUndefined(ChainableUndefined):
    """An unknown field in a .docx template prints its marker instead of failing."""

    def __str__(self) -> str:
        return marker_text(str(self._undefined_name or "?"))


def plain_values(context: Mapping[str, Any]) -> dict[str, Any]:
    """A merge context (`merging.merge_context`) as plain dicts and texts for Jinja."""

    def plain(value: Any) -> Any:
        if isinstance(value, Missing):
            return marker_text(value.label)
        if isinstance(value, Mapping):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return {key: plain(value) for key, value in context.items()}


class _BoundedCodeGenerator(CodeGenerator):
    """Every text joined with `~` goes through `environment.bounded`."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


class _BoundedTemplate(Template):
    """A part of the .docx rendered piece by piece, its size checked as it grows."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        environment = self.environment
        assert isinstance(environment, _BoundedEnvironment)
        pieces: list[str] = []
        size = 0
        for piece in self.generate(*args, **kwargs):
            size += len(piece)
            environment.budget.check(size - environment.source_size)
            pieces.append(piece)
        return "".join(pieces)


def _numbers(values: tuple[Any, ...]) -> list[int]:
    return [abs(int(v)) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]


def _length(value: Any) -> int:
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, list | tuple):
        return sum(len(str(item)) for item in value) + len(value)
    return len(str(value)) if isinstance(value, int | float) else 0


#: What Jinja passes a filter before its value, when the filter asks for it.
PASSED = (Environment, Context, EvalContext)


class _BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's sandbox with the limits of the HTML bodies (see the module's docstring)."""

    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self) -> None:
        super().__init__(undefined=_MarkerUndefined)
        self.budget = Budget()
        self.source_size = 0
        self.globals.pop("namespace", None)  # no value carried from one loop turn to the next
        self.globals["_tour"] = self._turns
        self.filters = {name: self._bounded_filter(f) for name, f in self.filters.items()}

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Template:
        self.source_size = len(source) if isinstance(source, str) else 0
        return super().from_string(source, *args, **kwargs)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.Name("_tour", "load"), [loop.iter], [], None, None)
        return tree

    def _turns(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            self.budget.turn()
            yield item

    def bounded(self, value: Any) -> Any:
        if isinstance(value, str | list | tuple):
            self.budget.check(len(value))
        return value

    def _estimate(self, value: Any, args: tuple[Any, ...]) -> None:
        """Refuse, before it is built, a text that padding, repeating or replacing would
        make longer than the limit."""
        lengths = [len(a) for a in args if isinstance(a, str)]
        factor = max([1, *_numbers(args), *lengths])
        self.budget.check((_length(value) + 1) * factor)

    def _bounded_filter(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            values = [a for a in args if not isinstance(a, PASSED)]  # not the context
            if values:
                self._estimate(values[0], (*values[1:], *kwargs.values()))
            return self.bounded(function(*args, **kwargs))

        return bounded

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | list | tuple):
            self._estimate(owner, (*args, *kwargs.values()))
        return self.bounded(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(times, int):
                    self.budget.check(len(sequence) * max(times, 0))
        elif operator == "**" and isinstance(left, int | float) and isinstance(right, int):
            if abs(right) > 256 or abs(left) > 2**64:
                self.budget.check(self.budget.max_output + 1)
        elif operator == "%" and isinstance(left, str):
            arguments = right if isinstance(right, tuple) else (right,)
            widths = [int(w) for w in re.findall(r"\d+", left)] + _numbers(arguments)
            self.budget.check(len(left) + max([0, *widths]))
        return self.bounded(super().call_binop(context, operator, left, right))


def docx_from_template(source: IO[bytes], context: Mapping[str, Any]) -> bytes:
    """Render an uploaded .docx template on a merge context. Raises TemplateError on a syntax
    error in the file."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(source)
    template.render(plain_values(context), jinja_env=_BoundedEnvironment(), autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def check_docx_template(source: IO[bytes], context: Mapping[str, Any]) -> str | None:
    """None if the file is a .docx that renders; else what is wrong, for the user."""
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            if "word/document.xml" not in archive.namelist():
                return "not-docx"
    except zipfile.BadZipFile:
        return "not-docx"
    source.seek(0)
    try:
        docx_from_template(source, context)
    except SecurityError:
        return "unsafe"
    except TemplateTooLong as error:
        raise ValidationError({"docx_file": error.messages}) from error
    except (TemplateError, OverflowError) as error:
        return str(error)
    finally:
        source.seek(0)
    return None
