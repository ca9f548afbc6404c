"""PMO maturity assessment and knowledge site generator (the `pmo` command)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pmo-maturity")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0"
