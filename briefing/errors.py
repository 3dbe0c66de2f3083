"""Problems in knowledge files, the error that carries them, and the parser's limits.

Every module that finds something wrong with the data reports it here, in one
shape: a located `Problem` (FILE:LINE:COL: path: message (hint)), collected
into one `DataError`. Nothing in this module imports the rest of `briefing`,
so any module may import it without making a cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, NamedTuple, NoReturn

#: Deepest bracket nesting accepted; far beyond any real knowledge file, far
#: below what would exhaust a parser's stack.
MAX_DEPTH: Final = 64
#: Lines indented this far (counting '- ', '? ' and ': ' indicators) are refused.
MAX_INDENT: Final = MAX_DEPTH * 4
#: Files larger than this (in MiB) are refused unless the limit is raised.
DEFAULT_MAX_FILE_MIB: Final = 16
MIB: Final = 1024 * 1024


def size_text(n: int) -> str:
    """N bytes, said the way the size limits are (KiB and MiB)."""
    if n < 1024:
        return f"{n} byte" + ("" if n == 1 else "s")
    if n < MIB:
        return f"{n / 1024:.1f} KiB"
    return f"{n / MIB:.1f} MiB"


class Problem(NamedTuple):
    """One located problem in a knowledge file (line and column are 1-based; 0 for none)."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: " if self.line else f"{self.file}: "
        field = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{field}{self.message}{hint}"


class DataError(Exception):
    """The knowledge could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def fail(
    file: object, message: str, hint: str | None = None, *, line: int = 0, column: int = 0
) -> NoReturn:
    """Stop with one problem in FILE (at LINE:COLUMN when given)."""
    raise DataError([Problem(str(file), line, column, "", message, hint)])


def close_matches(
    word: str,
    choices: Iterable[str],
    *,
    n: int = 1,
    cutoff: float = 0.6,
    key: Callable[[str], str] | None = None,
) -> list[str]:
    """Up to N of CHOICES that WORD is probably a misspelling of, best first.

    KEY maps a choice (and the word) to the form compared, such as a folded
    name; the choices are returned as given. When nothing is close, a choice
    that differs from the word only in case is still offered.
    """
    import difflib  # only for messages: never on the path of a good run

    forms: dict[str, str] = {}
    for choice in choices:
        forms.setdefault(key(choice) if key else choice, choice)
    wanted = key(word) if key else word
    close = difflib.get_close_matches(wanted, list(forms), n=n, cutoff=cutoff)
    if close:
        return [forms[c] for c in close]
    lowered = {form.lower(): choice for form, choice in forms.items()}
    same = lowered.get(wanted.lower())
    return [same] if same is not None else []


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the choice WORD is closest to, or None."""
    close = close_matches(word, choices)
    return f"did you mean '{close[0]}'?" if close else None
