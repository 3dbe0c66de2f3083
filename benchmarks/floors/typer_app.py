"""Floor A: the smallest useful Typer app, in the same environment as briefing.

    python benchmarks/floors/typer_app.py topics

Two commands, so that Typer builds a command group and parses a subcommand as
`briefing topics` does; the command prints one line.
"""

import typer

app = typer.Typer()


@app.command()
def topics() -> None:
    """Print one line."""
    print("Topics: one line of output")


@app.command()
def other() -> None:
    """A second command, so that the app is a group like briefing's."""


if __name__ == "__main__":
    app()
