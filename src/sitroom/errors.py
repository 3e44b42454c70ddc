"""The one exception tree of sitroom.

SitroomError
 ├── ConfigError          a setting or environment variable is wrong
 ├── CaseError            a case folder is invalid (carries file, line, field)
 ├── StoreError           the database cannot be opened, migrated or written
 │    └── NotFound        a requested row does not exist
 ├── CollectError         a source could not be fetched or parsed (recorded, never fatal to a run)
 │    ├── FetchError      transport failures, bad status, size/redirect/time limits
 │    └── ParseError      a feed, page or import line that cannot be read
 ├── InputError           a document given to the coder could not be read at all
 ├── MergeError           an analyst edit contradicts the stored events (refused with a message)
 ├── AnalysisError        an analysis command names an unknown hypothesis, rating or case
 └── WatchError           a watch rule is invalid or unknown (says which field and why)
      └── DeliveryError   an alert could not be delivered (recorded on its outbox row, retried)

A failure of one item inside a run becomes a recorded result (see ``model.ErrorRecord``); only
failures that leave nothing to do propagate as exceptions.
"""

from __future__ import annotations


class SitroomError(Exception):
    """Root of every error sitroom raises on purpose."""


class ConfigError(SitroomError):
    """A setting has a value sitroom cannot use."""


class CaseError(SitroomError):
    """A case file is invalid; says which file, line and field."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None, field: str = ""):
        self.file, self.line, self.field = file, line, field
        where = file + (f":{line}" if line else "")
        prefix = f"{where}: " if where else ""
        suffix = f" (field {field!r})" if field else ""
        super().__init__(f"{prefix}{message}{suffix}")


class StoreError(SitroomError):
    """The database could not be opened, migrated or written."""


class NotFound(StoreError):
    """A requested row does not exist."""


class CollectError(SitroomError):
    """A source could not be collected."""


class FetchError(CollectError):
    """Transport failure, bad HTTP status, or a size, redirect or time limit was hit."""


class ParseError(CollectError):
    """A feed, page or import line could not be parsed."""


class InputError(SitroomError):
    """A document given to the coder could not be read at all."""


class MergeError(SitroomError):
    """An analyst edit contradicts the stored events."""


class AnalysisError(SitroomError):
    """An analysis request names something the case does not know (the message lists it)."""


class WatchError(SitroomError):
    """A watch rule is invalid or names something unknown; ``field`` says which part."""

    def __init__(self, message: str, *, field: str = ""):
        self.field = field
        super().__init__(message)


class DeliveryError(WatchError):
    """An alert could not be delivered (a webhook or mail server refused or timed out)."""
