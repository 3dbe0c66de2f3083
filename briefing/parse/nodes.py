"""What a composed node is, and how messages describe what YAML made of it."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from yaml.nodes import Node

TAG: Final = "tag:yaml.org,2002:"
STR: Final = TAG + "str"
MAP: Final = TAG + "map"
SEQ: Final = TAG + "seq"
NULL: Final = TAG + "null"
INT: Final = TAG + "int"
TAG_NAMES: Final = {
    TAG + "bool": "a boolean",
    INT: "a number",
    TAG + "float": "a number",
    NULL: "nothing (null)",
    TAG + "timestamp": "a date",
    TAG + "value": "a special value",
    TAG + "merge": "a merge key",
    MAP: "a mapping",
    SEQ: "a list",
    STR: "text",
}
# The node kind each allowed tag belongs on.
TAG_KIND: Final = dict.fromkeys(TAG_NAMES, "scalar") | {MAP: "mapping", SEQ: "sequence"}
ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
DIGITS_RE = re.compile(r"(?:0|[1-9][0-9]*)\Z")
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")


def node_kind(node: Node) -> str:
    """'scalar', 'sequence' or 'mapping' (a class attribute the type stubs omit)."""
    kind: str = node.id  # type: ignore[attr-defined]
    return kind


def short_tag(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def explicit(node: Node) -> bool:
    """Whether a scalar's tag is written out (like '!!int') rather than read from its form."""
    import yaml

    plain = getattr(node, "style", None) in (None, "")
    resolver: Any = yaml.resolver.Resolver()
    return bool(resolver.resolve(yaml.ScalarNode, node.value, (plain, not plain)) != node.tag)


def reading(node: Node) -> str:
    """What YAML 1.1 makes of a scalar that is not text, for messages."""
    import yaml

    name = TAG_NAMES[node.tag]
    if explicit(node):
        return f"{shown(node.value)}, tagged '{short_tag(node.tag)}'"
    if node.tag == NULL:
        if not node.value:
            return "nothing (null)"
        return f"{shown(node.value)}, which YAML reads as nothing (null)"
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node)
    except Exception:  # only for a friendlier message; any failure keeps the plain one
        value = None
    if isinstance(value, bool):
        name = f"the boolean {'true' if value else 'false'}"
    elif isinstance(value, float) and math.isnan(value):
        name = "a number (not-a-number)"
    elif isinstance(value, float) and math.isinf(value):
        name = "a number (infinity)"
    elif isinstance(value, int | float) and str(value) != node.value:
        name = f"the number {value}"
    elif isinstance(value, dt.datetime):
        name = "a date and time"
    return f"{shown(node.value)}, which YAML reads as {name}"


def shown(value: str) -> str:
    return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}...'"
