"""Patterns compiled the first time they are used.

The drafter's readings are some 150 regular expressions, many of them long alternations of
vocabulary; compiling them all costs more than drafting an article, and an article needs only
some of them (a readout never reaches the patterns of wire datelines). A `Pattern` is written
and read like a compiled one (`search`, `match`, `finditer`, ...) and compiles on first use,
after which its methods are the compiled pattern's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

#: What a compiled pattern lends a `Pattern` once it is compiled.
_METHODS: Final = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split", "flags")


class Pattern:
    """`re.compile(source, flags)`, compiled when first used."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self._flags = flags

    if TYPE_CHECKING:
        flags: int

        def search(
            self, string: str, pos: int = ..., endpos: int = ...
        ) -> re.Match[str] | None: ...

        def match(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...

        def fullmatch(
            self, string: str, pos: int = ..., endpos: int = ...
        ) -> re.Match[str] | None: ...

        def finditer(
            self, string: str, pos: int = ..., endpos: int = ...
        ) -> Iterator[re.Match[str]]: ...

        def findall(self, string: str, pos: int = ..., endpos: int = ...) -> list[Any]: ...

        def sub(
            self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = ...
        ) -> str: ...

        def split(self, string: str, maxsplit: int = ...) -> list[str | Any]: ...

    else:
        # Hidden from the type checker, so that only the methods declared above type-check.

        def __getattr__(self, name: str) -> Any:
            # Called only while the methods are missing: compile, take the compiled ones.
            if name not in _METHODS:
                raise AttributeError(name)
            compiled = re.compile(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            return getattr(compiled, name)
