"""Article text to a knowledge file: sources (text, HTML, PDF, URL) read into text, then drafted.

Only the `draft` command imports this package; nothing else in `briefing` does,
so its optional dependencies stay off the start-up path of every other command.
"""
