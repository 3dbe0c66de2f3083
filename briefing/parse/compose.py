"""PyYAML's safe composer: the node tree of a knowledge file, each node with its marks."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from briefing.errors import MAX_DEPTH, DataError, fail
from briefing.parse.text import line_col
from briefing.parse.yaml_errors import yaml_problem

if TYPE_CHECKING:
    from yaml.nodes import Node


@functools.cache
def loader_class() -> Any:
    """The safe loader (the C one when available), with a leaner tag resolver.

    The composer asks the resolver for the tag of every scalar. PyYAML's own
    resolve() also walks the path resolvers, which a safe loader never has;
    this one goes straight to the implicit resolvers for plain scalars, with
    the same answers, and makes composing a large file noticeably faster.
    """
    import yaml
    from yaml.nodes import MappingNode, ScalarNode

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    implicit = base.yaml_implicit_resolvers
    if None in implicit:  # pragma: no cover - resolvers for any first character
        return base
    default_scalar, default_seq, default_map = (
        base.DEFAULT_SCALAR_TAG,
        base.DEFAULT_SEQUENCE_TAG,
        base.DEFAULT_MAPPING_TAG,
    )

    class Loader(base):  # type: ignore[misc,valid-type]
        def resolve(self, kind: type, value: Any, implicit_flags: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if implicit_flags[0]:
                    for tag, regexp in implicit.get(value[:1] if value else "", ()):
                        if regexp.match(value):
                            return str(tag)
                return str(default_scalar)
            return str(default_map if kind is MappingNode else default_seq)

    return Loader


def compose(text: str, file: str) -> Node | None:
    """The YAML node tree of TEXT, read with a safe loader (the C one when available)."""
    import yaml

    loader = loader_class()(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        raise DataError([yaml_problem(exc, text, file)]) from None
    except yaml.reader.ReaderError as exc:  # pragma: no cover - decode() refuses these first
        prefix = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
        line, col = line_col(prefix, len(prefix))
        fail(
            file,
            f"expected text, found character U+{exc.character:04X}, which YAML does not allow",
            "remove it",
            line=line,
            column=col,
        )
    except RecursionError:  # pragma: no cover - only the pure-Python parser recurses
        fail(
            file,
            "nesting is too deep for the parser",
            f"the limit is {MAX_DEPTH} levels; a knowledge file needs about 6",
            line=1,
            column=1,
        )
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        fail(file, f"cannot parse YAML: {exc}", "see docs/schema.md")
    finally:
        loader.dispose()
