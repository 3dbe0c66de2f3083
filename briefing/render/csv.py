"""RFC 4180 CSV for the tabular commands, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from briefing.render import Options, UnsupportedFormatError, inert
from briefing.views import View

# A cell starting with one of these runs as a formula in Excel, LibreOffice and
# Google Sheets; a leading apostrophe makes the spreadsheet show it as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return ("'" if cell.startswith(_FORMULA_START) else "") + inert(cell)


def render(view: View, options: Options) -> str:
    """The view's table: a header row, then one row per item; ids and JSON's values."""
    if view.table is None:
        raise UnsupportedFormatError(f"'{view.command}' is not tabular")
    out = io.StringIO()
    if options.bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in view.table.columns])
    writer.writerows([neutralise(cell) for cell in row] for row in view.table.rows)
    return out.getvalue()
