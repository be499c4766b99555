"""The screener's core: models, money, loading, signals, scoring, state. No Qt here."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aigc-screener")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
