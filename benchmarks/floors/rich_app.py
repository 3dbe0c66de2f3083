"""Floor B: floor A's app, but the command imports Rich and prints a two-row table.

python benchmarks/floors/rich_app.py topics
"""

import typer

app = typer.Typer()


@app.command()
def topics() -> None:
    """Print a two-row Rich table."""
    # Imported here, as briefing imports its Rich renderer only when asked for it.
    from rich.console import Console  # noqa: TID251 - this floor exists to measure Rich
    from rich.table import Table  # noqa: TID251 - same reason

    table = Table(title="Topics")
    table.add_column("Topic")
    table.add_column("Weight", justify="right")
    table.add_row("Economic security", "8")
    table.add_row("Critical minerals", "5")
    Console().print(table)


@app.command()
def other() -> None:
    """A second command, so that the app is a group like briefing's."""


if __name__ == "__main__":
    app()
