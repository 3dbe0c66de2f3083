"""Where the first sentence of a summary ends, without splitting after abbreviations.

A full stop ends a sentence only when a space and a capital (or the end of the
text) follow, and the word before it is not an abbreviation: a known short form
("Dr.", "Gen."), a single letter (an initial, "S. Jaishankar"), or a word with
stops inside ("e.g.", "U.S."). "!" and "?" end a sentence before a space and a
capital. Closing quotes and brackets after the mark stay with the sentence.
"""

from __future__ import annotations

import re
from typing import Final

#: Short forms that are followed by a full stop and, usually, a capital.
ABBREVIATIONS: Final = frozenset(
    {
        "adm", "amb", "approx", "apr", "aug", "capt", "cf", "cmdr", "co", "col", "corp",
        "dec", "dept", "dr", "feb", "fig", "gen", "gov", "hon", "inc", "jan", "jr", "jul",
        "jun", "lt", "ltd", "maj", "mar", "min", "mr", "mrs", "ms", "mt", "no", "nos",
        "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "shri",
        "smt", "sr", "st", "vol", "vs",
    }
)  # fmt: skip

# A mark, any closing quotes or brackets, then white space and what comes next.
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+([\"'\u201c\u2018(\[]*)(\S)|\s*\Z)")


_BEFORE_WORD: Final = frozenset(" \t\n\r\f\v([\"'\u201c\u2018")


def is_abbreviation(text: str, stop: int, start: int = 0) -> bool:
    """Whether the full stop at STOP ends an abbreviation or an initial (looking no further
    back than START for the word it ends)."""
    begin = stop
    while begin > start and text[begin - 1] not in _BEFORE_WORD and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:stop]
    return len(word) == 1 or "." in word or word.casefold() in ABBREVIATIONS


def first_sentence(text: str) -> str:
    """The first sentence of TEXT, on one line; all of TEXT when it is one sentence."""
    text = " ".join(text.split())
    for match in _END.finditer(text):
        after = match.group(2)
        if after is not None and not after.isupper():
            continue
        if text[match.start()] == "." and is_abbreviation(text, match.start()):
            continue
        return text[: match.end()]
    return text
