"""Case folders: plain YAML files a user writes, loaded and validated into ``model.Case``."""

from sitroom.cases.loader import (
    find_cases,
    load_case,
    load_outlets,
    packaged_cases_dir,
    resolve_case,
    validate_case,
)

__all__ = [
    "find_cases",
    "load_case",
    "load_outlets",
    "packaged_cases_dir",
    "resolve_case",
    "validate_case",
]
