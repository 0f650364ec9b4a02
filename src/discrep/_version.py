"""The package version, in a module of its own so that values can carry it."""

__version__ = "0.1.0"
