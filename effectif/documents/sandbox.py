"""A sandboxed Django template engine for the bodies HR writes.

The engine knows a short list of tags and filters (conditions, loops, text formatting) and
nothing else: no `{% load %}`, `{% include %}`, `{% extends %}`, `{% debug %}`, `{% url %}`,
`{% csrf_token %}`, `{% autoescape %}`, no `safe` filter; it has no template loader, so no file
can be read. Its context holds read-only mappings of plain values built by `merging`, never a
model instance, so a template cannot reach the database nor an object's internals (Django
already refuses names starting with an underscore). The output is sanitised HTML.

A render is bounded, so that a few nested loops cannot keep the server busy for minutes nor
fill its memory: the turns of all its loops (`EFFECTIF_TEMPLATE_MAX_LOOP_ITERATIONS`) and the
characters it produces (`EFFECTIF_TEMPLATE_MAX_OUTPUT_BYTES`, counted as each part of a loop
is rendered, and for every text a filter builds) are counted; past either, the document is
refused with a French message.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from django import template
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError, defaultfilters, defaulttags
from django.template.base import Lexer, Node, NodeList, TokenType
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from effectif.documents.merging import (
    MARKER_CLASS,
    TOKEN_CLOSE,
    TOKEN_OPEN,
    marker_text,
    registry,
)
from effectif.documents.sanitising import sanitise_html

register = template.Library()

DEFAULT_MAX_LOOP_ITERATIONS = 20_000
DEFAULT_MAX_OUTPUT_BYTES = 2 * 1024 * 1024


class TemplateTooLong(ValidationError):
    """A render past the limits of `Budget` (a ValidationError in French for `body`)."""


class Budget:
    """What one render may still do: loop turns and characters produced."""

    def __init__(self) -> None:
        self.max_turns = int(
            getattr(settings, "EFFECTIF_TEMPLATE_MAX_LOOP_ITERATIONS", DEFAULT_MAX_LOOP_ITERATIONS)
        )
        self.max_output = int(
            getattr(settings, "EFFECTIF_TEMPLATE_MAX_OUTPUT_BYTES", DEFAULT_MAX_OUTPUT_BYTES)
        )
        self.turns = 0
        self.output = 0

    def turn(self) -> None:
        self.turns += 1
        if self.turns > self.max_turns:
            raise TemplateTooLong(
                {
                    "body": [
                        _(
                            "Le modèle produit un document trop long : ses boucles "
                            "({%% for %%}) font plus de %(turns)s tours. Simplifiez les boucles "
                            "imbriquées."
                        )
                        % {"turns": f"{self.max_turns:,}".replace(",", "\u202f")}
                    ]
                }
            )

    def produce(self, size: int) -> None:
        self.output += size
        self.check(self.output)

    def check(self, size: int) -> None:
        if size > self.max_output:
            raise TemplateTooLong(
                {
                    "body": [
                        _(
                            "Le modèle produit un document trop long (plus de %(size)s) : "
                            "réduisez les répétitions de texte et les boucles."
                        )
                        % {"size": _size(self.max_output)}
                    ]
                }
            )


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return _("%(n)s Mo") % {"n": f"{size / (1024 * 1024):g}".replace(".", ",")}
    return _("%(n)s octets") % {"n": size}


#: The budget of the render in progress (none outside `render_body`).
_BUDGET: ContextVar[Budget | None] = ContextVar("document_template_budget", default=None)


class _Counted:
    """A node of a loop's body whose output is counted as it is produced (what nested
    counted nodes produced is counted once, by them)."""

    def __init__(self, node: Node, budget: Budget) -> None:
        self.node, self.budget = node, budget

    def render_annotated(self, context: Context) -> str:
        before = self.budget.output
        text = str(self.node.render_annotated(context))
        self.budget.produce(len(text) - (self.budget.output - before))
        return text


class _LoopBody(NodeList):
    """The body of a `{% for %}`: Django's loop goes through it once per turn, which is when
    the turn is counted."""

    def __iter__(self) -> Iterator[Any]:
        budget = _BUDGET.get()
        if budget is None:  # compiling, or walking the nodes: no render to bound
            yield from super().__iter__()
            return
        budget.turn()
        for node in super().__iter__():
            yield _Counted(node, budget)


def do_bounded_for(parser: Any, token: Any) -> Node:
    """`{% for %}` whose turns and output count against the render's budget."""
    node = defaulttags.do_for(parser, token)
    node.nodelist_loop = _LoopBody(cast(NodeList, node.nodelist_loop))
    return node


def _bounded(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose text or list may not grow past the output limit (`add` doubling a
    text forty times would otherwise fill the memory)."""

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None and function is defaultfilters.join and len(args) > 1:
            value, separator = args[0], args[1]
            try:
                estimate = sum(len(str(item)) for item in value)
                estimate += len(str(separator)) * max(len(value) - 1, 0)
            except TypeError:
                estimate = 0
            budget.check(estimate)
        result = function(*args, **kwargs)
        if budget is not None and isinstance(result, str | list | tuple):
            budget.check(len(result))
        return result

    return bounded


SAFE_TAGS = {
    "if": defaulttags.do_if,
    "for": do_bounded_for,
    "with": defaulttags.do_with,
    "firstof": defaulttags.firstof,
    "now": defaulttags.now,
    "comment": defaulttags.comment,
    "spaceless": defaulttags.spaceless,
    "verbatim": defaulttags.verbatim,
}
SAFE_FILTERS = {
    name: getattr(defaultfilters, function)
    for name, function in {
        "upper": "upper",
        "lower": "lower",
        "capfirst": "capfirst",
        "title": "title",
        "default": "default",
        "default_if_none": "default_if_none",
        "yesno": "yesno",
        "length": "length",
        "join": "join",
        "first": "first",
        "last": "last",
        "linebreaks": "linebreaks_filter",
        "linebreaksbr": "linebreaksbr",
        "pluralize": "pluralize",
        "truncatewords": "truncatewords",
        "cut": "cut",
        "add": "add",
        "divisibleby": "divisibleby",
        "slice": "slice_filter",
        "striptags": "striptags",
        "wordcount": "wordcount",
    }.items()
}
for _name, _tag in SAFE_TAGS.items():
    register.tag(_name, _tag)
for _name, _filter in SAFE_FILTERS.items():
    register.filter(_name, _bounded(_filter))


class SandboxedEngine(Engine):
    default_builtins = []  # not even Django's default tags: only ours


@functools.cache
def _engine(language: str) -> SandboxedEngine:
    return SandboxedEngine(
        dirs=[],
        app_dirs=False,
        loaders=[],
        libraries={},
        builtins=["effectif.documents.sandbox"],
        autoescape=True,
        debug=False,
        string_if_invalid=f"{TOKEN_OPEN}%s{TOKEN_CLOSE}",
    )


def engine() -> SandboxedEngine:
    return _engine(get_language() or "fr")


def compile_body(body: str) -> template.Template:
    """The compiled template, or a ValidationError in French naming the problem."""
    try:
        return engine().from_string(body)
    except TemplateSyntaxError as error:
        raise ValidationError(
            {
                "body": [
                    _("Le modèle contient une erreur de syntaxe : %(error)s")
                    % {"error": _explain(str(error))}
                ]
            }
        ) from error


def _explain(message: str) -> str:
    match = re.search(r"Invalid block tag on line (\d+): '([^']+)'", message)
    if match:
        return _(
            "la balise « %(tag)s » (ligne %(line)s) n'est pas autorisée ou est mal fermée. "
            "Balises permises : %(allowed)s."
        ) % {"tag": match[2], "line": match[1], "allowed": ", ".join(sorted(SAFE_TAGS))}
    match = re.search(r"Invalid filter: '([^']+)'", message)
    if match:
        return _("le filtre « %(name)s » n'est pas autorisé. Filtres permis : %(allowed)s.") % {
            "name": match[1],
            "allowed": ", ".join(sorted(SAFE_FILTERS)),
        }
    return message


@dataclass(frozen=True)
class Rendered:
    html: str
    #: (path, label) of the fields printed as « [à compléter : …] », in order, without repeats
    missing: list[tuple[str, str]]


_TOKEN = re.compile(f"{TOKEN_OPEN}([^{TOKEN_CLOSE}<>]{{1,120}}){TOKEN_CLOSE}")


def render_body(body: str, context: dict[str, Any]) -> Rendered:
    """Render a body on a merge context (`merging.merge_context`): sanitised HTML where each
    empty or unknown field is a visible marker, and the list of those fields."""
    compiled = compile_body(body)
    budget = Budget()
    token = _BUDGET.set(budget)
    try:
        output = str(compiled.render(Context(context, autoescape=True)))
    finally:
        _BUDGET.reset(token)
    budget.check(len(output))
    missing: dict[str, str] = {}

    def marker(match: re.Match[str]) -> str:
        path = html.unescape(match[1]).strip().lower()
        label = missing.setdefault(path, registry.label_of(path))
        return (
            f'<mark class="{MARKER_CLASS}" data-champ="{html.escape(path)}">'
            f"{html.escape(marker_text(label))}</mark>"
        )

    output = _TOKEN.sub(marker, output)
    return Rendered(html=sanitise_html(output), missing=list(missing.items()))


_BOUND_NAMES = re.compile(r"\bfor\s+([\w\s,]+?)\s+in\b|\bwith\b(.*)$|\bas\s+(\w+)")
_DOTTED = re.compile(r"(?<![\w.\"'])([A-Za-z_]\w*)\.(\w+)")


def referenced_fields(body: str) -> set[tuple[str, str]]:
    """The (group, field) pairs a body refers to, leaving out loop and `with` variables."""
    bound: set[str] = set()
    found: set[tuple[str, str]] = set()
    for token in Lexer(body).tokenize():
        if token.token_type not in (TokenType.VAR, TokenType.BLOCK):
            continue
        contents = token.contents
        if token.token_type == TokenType.BLOCK:
            for match in _BOUND_NAMES.finditer(contents):
                if match[1]:
                    bound.update(n.strip() for n in match[1].split(","))
                if match[2]:
                    bound.update(re.findall(r"(\w+)\s*=", match[2]))
                if match[3]:
                    bound.add(match[3])
        for group, name in _DOTTED.findall(contents):
            found.add((group, name))
    return {(g, n) for g, n in found if g not in bound}
