"""`{% shown_type request as t %}`: the type of a leave request as the page's reader may read
it (`leave.visibility`), for the type badge (`leave/partials/type.html`) and its comment."""

from __future__ import annotations

from typing import Any

from django import template

from effectif.leave.models import LeaveRequest
from effectif.leave.visibility import ShownType, TypeReader

register = template.Library()

_READER = "leave_reader"


def reader_of(context: template.Context) -> TypeReader:
    """The view's reader (`leave_reader` in the context), else one for the logged-in user kept
    for the rest of the rendering."""
    given = context.get(_READER)
    if isinstance(given, TypeReader):
        return given
    kept: Any = context.render_context.dicts[0]  # outlives the included templates
    reader = kept.get(_READER)
    if not isinstance(reader, TypeReader):
        reader = kept[_READER] = TypeReader(getattr(context.get("request"), "user", None))
    return reader


@register.simple_tag(takes_context=True)
def shown_type(context: template.Context, request: LeaveRequest) -> ShownType:
    return reader_of(context).shown(request)


@register.simple_tag(takes_context=True)
def shown_comment(context: template.Context, request: LeaveRequest) -> Any:
    return reader_of(context).comment(request)
