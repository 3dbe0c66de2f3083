"""Fast, faithful, citable briefings on diplomatic meetings, in a terminal."""

__version__ = "0.1.0"
