"""Patterns compiled the first time they are used.

The drafter's readings are some 150 regular expressions, many of them long alternations of
vocabulary; compiling them all costs more than drafting an article, and an article needs only
some of them (a readout never reaches the patterns of wire datelines). A `Pattern` is written
and read like a compiled one (`search`, `match`, `finditer`, ...) and compiles on first use,
after which its methods are the compiled pattern's own.

Compiling is most of what a short draft costs (tens of milliseconds, against a few for the
reading itself), so what the compiler makes of a pattern is kept in the cache directory, as
Python keeps the bytecode of a module: `remember` writes the compiled form of every pattern
this process compiled, and the next process hands it to the regular-expression engine
directly. The file is named for the engine's version and holds each pattern's source and
flags beside its code, so a changed pattern or another Python is compiled afresh. Anything
wrong with it costs speed, never a result: the engine checks the code it is given, and a
file that cannot be read, or code it refuses, is compiled from the source again.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

from briefing.cache import cache_dir

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
            compiled = compile_pattern(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            return getattr(compiled, name)


#: One compiled pattern as kept: effective flags, code, the number of groups and group names.
_Entry = tuple[int, list[int], int, dict[str, int]]

#: Entries beyond which the file keeps only what the last process used (old patterns go).
_MAX_KEPT: Final = 2000


@functools.cache
def _engine() -> tuple[Any, Any, Any] | None:
    """The engine and its compiler's two halves, where this Python has them as CPython does."""
    try:
        # Private modules: looked up by name, as there are no type stubs for them.
        _sre = importlib.import_module("_sre")
        _parser = importlib.import_module("re._parser")
        _compiler = importlib.import_module("re._compiler")
    except ImportError:  # pragma: no cover - CPython 3.11 and later have them
        return None
    needed = ((_sre, "compile"), (_parser, "parse"), (_compiler, "_code"))
    if not all(hasattr(module, name) for module, name in needed):
        return None  # pragma: no cover
    return _sre, _parser, _compiler


def _build(engine: tuple[Any, Any, Any], source: str, entry: _Entry) -> re.Pattern[str]:
    final, code, groups, names = entry
    index: list[str | None] = [None] * (groups + 1)
    for name, number in names.items():
        index[number] = name
    compiled: re.Pattern[str] = engine[0].compile(source, final, code, groups, names, tuple(index))
    return compiled


class _Kept:
    """The compiled forms read from the cache file, and those this process made since."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, int], _Entry] | None = None
        self.made: dict[tuple[str, int], _Entry] = {}

    @staticmethod
    def path() -> str | None:
        directory = cache_dir()
        engine = _engine()
        if directory is None or engine is None:
            return None
        sre = engine[0]
        version = f"{getattr(sre, 'MAGIC', 0)}-{getattr(sre, 'CODESIZE', 0)}"
        return os.path.join(directory, f"patterns-{sys.implementation.cache_tag}-{version}.json")

    def entries(self) -> dict[tuple[str, int], _Entry]:
        if self.known is None:
            self.known = {}
            path = self.path()
            try:
                if path is not None:
                    with open(path, "rb") as fh:
                        rows = json.loads(fh.read())
                    for source, flags, final, code, groups, names in rows:
                        self.known[(source, flags)] = (final, code, groups, names)
            except (OSError, ValueError, TypeError):
                self.known = {}
        return self.known

    def write(self) -> None:
        path = self.path()
        if not self.made or path is None:
            return
        kept = dict(self.entries())
        if len(kept) + len(self.made) > _MAX_KEPT:
            kept = {}
        kept.update(self.made)
        rows = [[source, flags, *entry] for (source, flags), entry in kept.items()]
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(rows, separators=(",", ":")))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        self.known = kept
        self.made = {}


_KEPT: Final = _Kept()


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the kept compiled form when there is one."""
    engine = _engine()
    if engine is None:  # pragma: no cover - see _engine
        return re.compile(source, flags)
    known = _KEPT.entries()
    key = (source, int(flags))
    entry = known.get(key)
    if entry is not None:
        try:
            return _build(engine, source, entry)
        except Exception:
            # Code the engine refuses (an edited or damaged file): compiled afresh below.
            del known[key]
    try:
        parsed = engine[1].parse(source, flags)
        code = [int(op) for op in engine[2]._code(parsed, flags)]
        state = parsed.state
        entry = (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict))
        compiled = _build(engine, source, entry)
    except re.error:
        raise
    except Exception:
        # A compiler unlike the one expected: the ordinary way, and nothing kept.
        return re.compile(source, flags)
    _KEPT.made[key] = entry
    return compiled


def remember() -> None:
    """Keep the compiled form of the patterns this process compiled, for the next one."""
    _KEPT.write()
