"""The model, built from a validated plain form by functions made from the spec.

Fresh and cached loads both come here: the parser's plain form and a cache
entry are the same JSON-ready shape. Each record's builder is made once, from
its spec: a field's converter follows its kind (dates from ISO text, lists to
tuples, nested records by their own builder), and an inline record's fields
are read from under its key, in the model class's order.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from briefing import model
from briefing.schema import DATE, DOCUMENT, RECORD, SPEC, Field

Builder = Callable[..., Any]


def _identity(value: Any) -> Any:
    return value


def _converter(field: Field) -> Builder | None:
    """How one field's plain value becomes its model value (None: as it is)."""
    if field.kind == RECORD:
        nested = builder(field.record)
        if field.many:
            return lambda items: tuple(map(nested, items))
        if field.required:
            return nested
        return lambda value: None if value is None else nested(value)
    if field.kind == DATE:
        parse = dt.date.fromisoformat
        if field.many:
            return lambda items: tuple(map(parse, items))
        return parse if field.required else (lambda value: parse(value) if value else None)
    return tuple if field.many else None


_BUILDERS: dict[str, Builder] = {}


def model_fields(name: str) -> list[tuple[str, str, Builder | None]]:
    """(model field, key path, converter) for each model field of a record, in order.

    An inline record's fields come in its place, read from under its key.
    """
    out: list[tuple[str, str, Builder | None]] = []
    for field in SPEC[name].fields:
        if not field.in_model:
            continue
        if field.inline:
            out.extend(
                (sub, f"{field.name}.{key}", conv) for sub, key, conv in model_fields(field.record)
            )
        else:
            out.append((field.name, field.name, _converter(field)))
    return out


def model_order(name: str) -> list[tuple[str, str, Builder | None]]:
    """Record NAME's model fields in the order of its class, extras aside.

    The spec's order, except that fields the class gives a default come last: a
    NamedTuple must keep them there, after the extras too (a dialogue's `review`,
    written under `dialogue:`, follows the file's path). Fields added with a
    default leave positional construction of the model as it was.
    """
    defaults = SPEC[name].model._field_defaults  # type: ignore[attr-defined]
    steps = model_fields(name)
    return [s for s in steps if s[0] not in defaults] + [s for s in steps if s[0] in defaults]


def builder(name: str) -> Builder:
    """The function that builds record NAME's model from its plain form (made once)."""
    made = _BUILDERS.get(name)
    if made is not None:
        return made
    cls: Any = SPEC[name].model
    steps = model_order(name)
    if any("." in key for _, key, _ in steps):
        # A record with an inline part: read each key path; the extras go before the
        # fields with a default.
        defaults = cls._field_defaults
        paths = [(key.split("."), conv or _identity) for field, key, conv in steps]
        early = sum(1 for field, _, _ in steps if field not in defaults)

        def build_nested(plain: Any, *extra: Any) -> Any:
            values = []
            for keys, conv in paths:
                value = plain
                for key in keys:
                    value = value[key]
                values.append(conv(value))
            return cls(*values[:early], *extra, *values[early:])

        made = build_nested
    else:
        pairs = [(key, conv) for _, key, conv in steps]

        def build_flat(plain: Any) -> Any:
            return cls(*[plain[k] if c is None else c(plain[k]) for k, c in pairs])

        made = build_flat
    _BUILDERS[name] = made
    return made


def build_dialogue(plain: dict[str, Any], path: str) -> model.Dialogue:
    """The model of one dialogue from its plain (validated, JSON-ready) form."""
    built: model.Dialogue = builder(DOCUMENT.name)(plain, path)
    return built
