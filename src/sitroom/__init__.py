"""sitroom: a self-hosted situation room for political crises.

The flow is collect -> read -> code -> merge -> store -> watch -> present; each stage is a package
and stages hand each other the frozen dataclasses of ``sitroom.model``. Importing this package is
cheap: models load lazily, on first use.
"""

from sitroom.errors import SitroomError

__version__ = "0.1.0"
__all__ = ["SitroomError", "__version__"]
