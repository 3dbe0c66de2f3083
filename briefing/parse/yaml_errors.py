"""PyYAML's parser errors as located problems that say what was expected, and a hint.

PyYAML describes an error in two phrases, a *context* ("while scanning a
quoted scalar") and a *problem* ("found unexpected end of stream"), each with
a mark. `RULES` maps those phrases to our messages, first match wins: when a
PyYAML upgrade rewords a phrase, the fix is an edit to this table, and the
bad-file corpus (tests/bad/) shows which rule stopped matching.

A message or hint may use these fields, filled from the error and the text:
{at} the character at the error, {found} what was found there, {opened}
where the enclosing quote or bracket was opened, {alias} the alias named,
{depth} the nesting limit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from briefing.errors import MAX_DEPTH, Problem
from briefing.parse.text import split_lines

if TYPE_CHECKING:
    from yaml.error import Mark


class Rule(NamedTuple):
    """Our wording for one PyYAML error, chosen by phrases it contains."""

    #: Each must occur in PyYAML's problem phrase (any one of them, when several).
    problem: tuple[str, ...]
    #: Each must occur in PyYAML's context phrase (any one of them, when several).
    context: tuple[str, ...]
    message: str
    hint: str
    #: Report at the context's mark (where the quote or scalar began), not the problem's.
    at_context: bool = False


_QUOTE: Final = "put the text in quotes"
_DEPTH_HINT: Final = "the limit is {depth} levels; a knowledge file needs about 6"

RULES: Final[tuple[Rule, ...]] = (
    Rule(
        (),
        ("expected a single document",),
        "expected one YAML document, found a second one (---)",
        "a knowledge file holds one dialogue; put each in its own file",
    ),
    Rule(
        ("expected <document start>",),
        (),
        "expected the end of the file, found more content",
        "remove what follows the end of the document: a '...' line or an extra closing"
        " bracket ends it early",
    ),
    Rule(
        ("found undefined alias",),
        (),
        "expected a value, found the alias '{alias}'; aliases are not allowed",
        "write the value out in full, or put text starting with '*' in quotes",
    ),
    Rule(
        ("duplicate anchor",),
        (),
        "expected a plain value, found a second anchor of the same name;"
        " anchors and aliases are not allowed",
        "remove each '&name' anchor and write each value out in full",
    ),
    Rule(
        (),
        ("duplicate anchor",),
        "expected a plain value, found a second anchor of the same name;"
        " anchors and aliases are not allowed",
        "remove each '&name' anchor and write each value out in full",
    ),
    Rule(
        (),
        ("scanning an alias",),
        "expected a value, found '*', which starts an alias",
        _QUOTE + ": YAML reads a value starting with '*' specially",
        at_context=True,
    ),
    Rule(
        (),
        ("scanning an anchor",),
        "expected a value, found '&', which starts an anchor",
        _QUOTE + ": YAML reads a value starting with '&' specially",
        at_context=True,
    ),
    Rule(
        (),
        ("scanning a tag",),
        "expected a value, found a malformed tag ('!')",
        _QUOTE + ": YAML reads a value starting with '!' as a tag",
        at_context=True,
    ),
    Rule(
        ("cannot start any token",),
        (),
        "expected a value, found '{at}', which cannot start unquoted text",
        _QUOTE,
    ),
    Rule(
        ("mapping values are not allowed",),
        (),
        "expected a value, found ': ' inside unquoted text",
        _QUOTE + ", or if this is a key, line it up with the keys above it",
    ),
    Rule(
        ("block sequence entries are not allowed",),
        (),
        "expected a value, found a '- ' list item on the same line as its key",
        "start the list on the next line, indented, or put the text in quotes",
    ),
    Rule(
        ("end of stream",),
        ("scanning a quoted scalar",),
        "expected a closing quote for the text quoted at {opened}, found the end of the file",
        'close the quote; inside double quotes write \\" for a quote character',
        at_context=True,
    ),
    Rule(
        ("escape", "hexdecimal"),
        ("quoted scalar",),
        "expected a valid escape after '\\' in double-quoted text",
        "write a backslash as \\\\, or use single quotes",
    ),
    Rule(
        ("could not find expected ':'",),
        (),
        "expected 'key: value', found a line without ': '",
        "indent a continued value further than its key, or put it in quotes",
        at_context=True,
    ),
    Rule(
        ("did not find expected key",),
        (),
        "expected a key at this indentation",
        "line this up with the other keys of the mapping, or indent it under its key",
    ),
    Rule(
        ("did not find expected '-' indicator",),
        (),
        "expected a '- ' list item at this indentation",
        "line this up with the other items of the list, or indent it under its key",
    ),
    Rule(
        ("did not find expected ',' or ']'",),
        (),
        "expected ',' or ']' in the list opened at {opened}",
        "close the list with ']', and quote items that contain ',', '[' or ']'",
    ),
    Rule(
        ("did not find expected ',' or '}'",),
        (),
        "expected ',' or '}}' in the mapping opened at {opened}",
        "close the mapping with '}}', and quote values that contain ',', '{{' or '}}'",
    ),
    Rule(
        ("expected node content",),
        (),
        "expected a value, found {found}",
        "{node_hint}",
    ),
    Rule(
        ("directive",),
        (),
        "expected content, found a '%' directive that is not supported here",
        "remove the '%' line; knowledge files need no directives",
    ),
    Rule(
        (),
        ("directive",),
        "expected content, found a '%' directive that is not supported here",
        "remove the '%' line; knowledge files need no directives",
    ),
    Rule(
        ("tag handle",),
        (),
        "expected a value, found a tag with an undefined handle",
        "remove the tag; knowledge files use no tags",
    ),
    Rule(
        (),
        ("scanning a block scalar",),
        "expected a line break after the '|' or '>' that starts a block of text",
        "start the text on the next line, indented; only '-', '+' or a digit may follow",
    ),
    Rule(
        ("maximum nesting depth",),
        (),
        "nesting is too deep for the parser",
        _DEPTH_HINT,
    ),
)


def rule_for(problem: str, context: str) -> Rule | None:
    """The first rule whose phrases PyYAML's problem and context contain."""
    for rule in RULES:
        if rule.problem and not any(p in problem for p in rule.problem):
            continue
        if rule.context and not any(c in context for c in rule.context):
            continue
        return rule
    return None


def yaml_problem(exc: Any, text: str, file: str) -> Problem:
    """A PyYAML MarkedYAMLError as a located problem that says what was expected."""
    problem_mark: Mark | None = exc.problem_mark
    context_mark: Mark | None = exc.context_mark
    mark = problem_mark or context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    lines = split_lines(text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    at = here[col - 1 : col]

    # A tab is reported where the indentation holds it, whatever PyYAML's phrase.
    if "tab" in problem or (at == "\t" and "cannot start any token" in problem):
        indent = here[: len(here) - len(here.lstrip(" \t"))]
        tab_col = indent.index("\t") + 1 if "\t" in indent else col
        return Problem(
            file,
            line,
            tab_col,
            "",
            "expected spaces, found a tab used for indentation",
            "indent with spaces only",
        )

    rule = rule_for(problem, context)
    opened = (
        f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        if context_mark is not None
        else "above"
    )
    if rule is None:
        message = problem or "invalid YAML"
        if context and context_mark is not None:
            message += f" ({context} at {opened})"
        return Problem(
            file,
            line,
            col,
            "",
            message,
            "check the indentation and quoting here and on the line above",
        )
    at_end = mark is not None and mark.index >= len(text.rstrip())
    alias = re.match(r"\*[^\s,\[\]{}]*", here[col - 1 :])
    fields = {
        "at": at,
        "found": f"'{at}', which cannot start unquoted text"
        if at
        else f"the end of the {'file' if at_end else 'line'}",
        "opened": opened,
        "alias": alias.group() if alias else "*",
        "depth": MAX_DEPTH,
        "node_hint": _QUOTE if at else "finish the value, or close the '[' or '{' left open",
    }
    where = context_mark if rule.at_context and context_mark is not None else None
    if where is not None:
        line, col = where.line + 1, where.column + 1
    return Problem(file, line, col, "", rule.message.format(**fields), rule.hint.format(**fields))
