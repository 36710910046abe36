"""The compiled half of the package; import ``lantero`` and its submodules instead."""

__version__: str
