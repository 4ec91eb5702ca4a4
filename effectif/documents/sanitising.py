"""Keeping a template's HTML to what a letter needs.

The body of a template is written by HR in the browser; rendered, it is shown to other users and
printed. Only text formatting survives: paragraphs, headings, emphasis, lists, tables, line
breaks. Scripts, styles, images, links, forms, frames and event attributes are dropped, and the
only inline style kept is the text alignment.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset(
    {
        "p", "div", "span", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "b", "em", "i", "u", "s", "small", "sup", "sub", "mark", "blockquote",
        "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "section", "header", "footer", "address",
    }
)  # fmt: skip
VOID_TAGS = frozenset({"br", "hr"})
#: Elements dropped with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "svg", "math", "noscript"}
)
ALLOWED_ATTRIBUTES = frozenset({"class", "colspan", "rowspan", "data-champ"})
_STYLE_RULE = re.compile(
    r"^\s*(text-align\s*:\s*(left|right|center|justify)|width\s*:\s*\d{1,3}%)\s*$", re.I
)
_CLASS_VALUE = re.compile(r"^[\w\- ]{0,100}$")


def _clean_style(value: str) -> str:
    rules = [rule.strip() for rule in value.split(";") if rule.strip()]
    return "; ".join(rule for rule in rules if _STYLE_RULE.match(rule))


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.skipping += 1
            return
        if self.skipping or tag not in ALLOWED_TAGS:
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if name == "style":
                value = _clean_style(value)
                if value:
                    kept.append(f' style="{escape(value)}"')
            elif name in ALLOWED_ATTRIBUTES:
                if name == "class" and not _CLASS_VALUE.match(value):
                    continue
                if name in {"colspan", "rowspan"} and not value.isdigit():
                    continue
                kept.append(f' {name}="{escape(value)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_WITH_CONTENT:
            return
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.open and self.open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or tag not in self.open:
            return
        while self.open:  # close what was left open inside, then the element itself
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


def sanitise_html(html: str) -> str:
    """The HTML with only the allowed elements and attributes, every element closed."""
    parser = _Sanitiser()
    parser.feed(html)
    return parser.result()
