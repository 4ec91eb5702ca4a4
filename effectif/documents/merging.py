"""Merge fields: what a template may print, where the values come from, and who registers them.

A *group* is a namespace of merge fields (`salarie`, `employeur`, `contrat`…), documented field
by field with an example used for the preview. A *subject* is what a document is generated for
(an employee, a contract; later a candidate, a departure, a medical visit): it knows how to
fetch one in the requesting user's scope and how to build the values of its groups.

Apps above this one register their own groups and subjects in their `AppConfig.ready()`
(the hiring app for candidates, the departures app for departures…):

    from effectif.documents.merging import MergeField, MergeGroup, Subject, registry

    registry.register_group(
        MergeGroup("candidat", _("Candidat"), (MergeField("nom_complet", _("nom"), "Mme X"),))
    )
    registry.register_subject(
        Subject(
            key="candidat",                      # in the URL: /documents/generer/candidat/<pk>/
            label=_("Candidat"),
            groups=("candidat", "employeur", "document", "saisie"),
            get=candidate_get,                   # (user, pk) -> object in scope, else 404
            values=candidate_merge_values,       # object -> {"candidat": {...}, "employeur": ...}
            employer=lambda c: c.employer,       # whose letterhead and templates
            employee=lambda c: None,             # the personnel file to file into, if any
            describe=str,
            url=lambda c: reverse("hiring:candidate", args=[c.pk]),
            kinds=frozenset({"refus_candidature", "invitation_entretien"}),
            file=file_candidate_letter,          # (generated, obj, user) -> message, see below
        )
    )

A subject without a personnel file may still keep what is generated for it: its `file`
callable stores the document where the subject's app keeps it (a candidate's letters) and
returns the message shown to the user; without one, the document is only downloaded.

`subjects.employer_values` and `subjects.document_values` build the shared groups.
Values are plain: strings, booleans, lists of plain dicts, never model instances; an empty
value is a `Missing` marker, printed « [à compléter : …] » so that nothing silently vanishes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from django.utils.translation import gettext as _

MARKER_CLASS = "a-completer"


def marker_text(label: str) -> str:
    """How a field with no value is printed."""
    return _("[à compléter : %(label)s]") % {"label": label}


#: How an empty or unknown field travels through rendering: « ⟦salarie.adresse⟧ ». The text
#: survives escaping and filters; `sandbox.render_body` turns it into a visible marker.
TOKEN_OPEN, TOKEN_CLOSE = "\u27e6", "\u27e7"


def readable(key: str) -> str:
    """A field name typed by HR, as a label: "date_d_effet" → "date d'effet"."""
    return re.sub(r"(^|_)([cdjlmnst])_", r"\1\2'", key).replace("_", " ")


class Missing:
    """A merge field with no value: false in `{% if %}`, a marker when printed."""

    do_not_call_in_templates = True

    def __init__(self, path: str, label: str) -> None:
        self.path = path
        self.label = label

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[Any]:  # a missing list: `{% for %}` shows its `{% empty %}`
        return iter(())

    def __str__(self) -> str:
        return f"{TOKEN_OPEN}{self.path}{TOKEN_CLOSE}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Missing) and other.path == self.path

    def __hash__(self) -> int:
        return hash(self.path)

    def __repr__(self) -> str:
        return f"Missing({self.path!r})"


@dataclass(frozen=True)
class MergeField:
    name: str
    label: Any
    example: Any = ""
    #: "text", "bool" (a condition for `{% if %}`) or "list" (rows for `{% for %}`)
    kind: str = "text"


@dataclass(frozen=True)
class MergeGroup:
    key: str
    label: Any
    fields: tuple[MergeField, ...]
    #: any key is accepted and, with no value, shows a marker (values typed at generation)
    open_ended: bool = False

    def field(self, name: str) -> MergeField | None:
        return next((f for f in self.fields if f.name == name), None)

    def sample(self) -> dict[str, Any]:
        return {f.name: f.example for f in self.fields}


@dataclass(frozen=True)
class Subject:
    """What documents are generated for. `get(user, pk)` fetches one in the user's scope (404
    otherwise); `values(obj)` returns {group key: {field: value}}."""

    key: str
    label: Any
    groups: tuple[str, ...]
    get: Callable[[Any, Any], Any]
    values: Callable[[Any], dict[str, dict[str, Any]]]
    employer: Callable[[Any], Any]
    employee: Callable[[Any], Any]
    describe: Callable[[Any], str]
    #: the URL of the subject's page, to come back to after generating
    url: Callable[[Any], str]
    #: template kinds that may be generated for this subject
    kinds: frozenset[str] = field(default_factory=frozenset)
    #: for a subject without personnel file: (generated, obj, user) -> message, to keep the
    #: document in the subject's own records
    file: Callable[[Any, Any, Any], str] | None = None


class MergeRegistry:
    def __init__(self) -> None:
        self._groups: dict[str, MergeGroup] = {}
        self._subjects: dict[str, Subject] = {}

    def register_group(self, group: MergeGroup) -> None:
        self._groups[group.key] = group

    def register_subject(self, subject: Subject) -> None:
        self._subjects[subject.key] = subject

    def group(self, key: str) -> MergeGroup | None:
        return self._groups.get(key)

    def groups(self, keys: Iterable[str] | None = None) -> list[MergeGroup]:
        if keys is None:
            return list(self._groups.values())
        return [self._groups[k] for k in keys if k in self._groups]

    def subject(self, key: str) -> Subject | None:
        return self._subjects.get(key)

    def subjects(self) -> list[Subject]:
        return list(self._subjects.values())

    def subjects_for_kind(self, kind: str) -> list[Subject]:
        return [s for s in self._subjects.values() if kind in s.kinds]

    def groups_for_kind(self, kind: str) -> list[MergeGroup]:
        """The groups a template of this kind can use: those of its subjects, in order."""
        keys: list[str] = []
        for subject in self.subjects_for_kind(kind):
            keys.extend(k for k in subject.groups if k not in keys)
        if not keys:  # a kind no installed app generates yet: document everything known
            keys = list(self._groups)
        return self.groups(keys)

    def label_of(self, path: str) -> str:
        """The label of a field by its path ("contrat.motif"), or a readable form of the path."""
        group_key, _sep, name = path.partition(".")
        group = self._groups.get(group_key)
        found = group.field(name) if group is not None else None
        if found is not None:
            return str(found.label)
        if group is not None and group.open_ended:
            return readable(name)
        return path

    def sample_values(self, kind: str) -> dict[str, dict[str, Any]]:
        return {group.key: group.sample() for group in self.groups_for_kind(kind)}


registry = MergeRegistry()


class _OpenEnded(dict[str, Any]):
    """A group whose unknown keys are typed at generation: each is a marker until then."""

    group = ""

    def __missing__(self, key: str) -> Missing:
        return Missing(f"{self.group}.{key}", readable(key))


def fill_missing(
    group: str, values: Mapping[str, Any], labels: Mapping[str, Any]
) -> dict[str, Any]:
    """Replace empty values (None, "", empty list) by markers naming the field."""
    filled: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or value == "" or value == []:
            filled[name] = Missing(f"{group}.{name}", str(labels.get(name, name)))
        else:
            filled[name] = value
    return filled


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if value is None or isinstance(value, str | bool | int | Missing):
        return value
    return str(value)  # anything else becomes text: no object reaches a template


def merge_context(
    values: Mapping[str, Mapping[str, Any]], complements: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The template context: read-only mappings of plain values, with empty fields marked and
    the values HR typed at generation (`complements`, by path "group.field") applied."""
    groups: dict[str, dict[str, Any]] = {}
    for key, fields in values.items():
        group = registry.group(key)
        labels = {f.name: f.label for f in group.fields} if group else {}
        groups[key] = fill_missing(key, fields, labels)
    for path, text in (complements or {}).items():
        group_key, _sep, name = path.partition(".")
        if not name or not text.strip():
            continue
        target = groups.setdefault(group_key, {})
        current = target.get(name)
        if current is None or isinstance(current, Missing):
            target[name] = text.strip()
    context: dict[str, Any] = {}
    for key, fields in groups.items():
        group = registry.group(key)
        if group is not None and group.open_ended:
            open_group = _OpenEnded({name: _freeze(value) for name, value in fields.items()})
            open_group.group = key
            context[key] = MappingProxyType(open_group)
        else:
            context[key] = _freeze(fields)
    for group in registry.groups():
        if group.open_ended and group.key not in context:
            empty = _OpenEnded()
            empty.group = group.key
            context[group.key] = MappingProxyType(empty)
    return context
