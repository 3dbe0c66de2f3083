"""Knowledge-file bytes to the plain form, with every problem located at FILE:LINE:COL.

Parsing goes in steps, one module each:

- `text`: the raw bytes are checked (encoding, characters YAML cannot hold,
  nesting depth) before any parser sees them;
- `compose`: PyYAML's safe composer builds the node tree, which keeps a mark on
  every node; `yaml_errors` turns its errors into our messages;
- `anchors`: a file that may hold anchors or aliases is also read as events, to
  name every use of each anchor;
- `walk` (with `values` and `checks`): one pass over the nodes, driven by the
  spec in `briefing.schema`, validates them and builds the plain form.

Every problem says what was expected and what was found, with a hint, and
problems are reported in file order. Only files missing from the cache come
here, so nothing in this package is imported on a warm start.
"""

from __future__ import annotations

from briefing.errors import DataError, Problem, fail
from briefing.parse.anchors import may_share, sharing_problems
from briefing.parse.compose import compose
from briefing.parse.text import decode
from briefing.parse.walk import Parsed, Walker

__all__ = ["Parsed", "parse"]


def parse(data: bytes, file: str) -> Parsed:
    """Validate one knowledge file's bytes: its plain form, or DataError listing every problem."""
    text = decode(data, file)
    node = compose(text, file)
    if node is None:
        fail(
            file,
            "expected a knowledge file, found no content",
            "start with 'schema: 1', then 'dialogue:'; see docs/schema.md",
            line=1,
            column=1,
        )
    problems: list[Problem] = []
    shared = False
    if may_share(text):
        problems, shared = sharing_problems(text, file)
    walker = Walker(file, shared=shared)
    parsed = walker.document(node)
    problems.extend(walker.problems)
    if problems:
        problems.sort(key=lambda p: (p.line, p.column))
        raise DataError(problems)
    assert parsed is not None
    return parsed
