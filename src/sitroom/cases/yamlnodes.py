"""YAML read with line numbers kept, so every case error can say where it is.

PyYAML's composer gives nodes that carry marks; we turn them into plain values wrapped in
``Located`` (value plus line). Duplicate mapping keys, which PyYAML silently accepts, are
reported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.errors import CaseError


@dataclass(frozen=True)
class Located:
    """A YAML value with the 1-based line it starts on; mappings and lists hold Located items."""

    value: Any
    line: int
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def plain(self) -> Any:
        """The value with every Located wrapper removed."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def _convert(node: Any, file: str, problems: list[CaseError], constructor: Any) -> Located:
    """Turn a composed PyYAML node into Located values, noting duplicate keys."""
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)
        out: dict[str, Located] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = constructor.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                problems.append(CaseError(f"key {key!r} is not a string", file=file,
                                          line=key_line, field=str(key)))
                key = str(key)
            if key in out:
                problems.append(CaseError(
                    f"duplicate key {key!r} (first on line {key_lines[key]})",
                    file=file, line=key_line, field=key))
                continue
            key_lines[key] = key_line
            out[key] = _convert(value_node, file, problems, constructor)
        return Located(out, line, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(n, file, problems, constructor) for n in node.value], line)
    try:
        value = constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problems.append(CaseError(f"unreadable value: {exc}", file=file, line=line))
        value = None
    return Located(value, line)


def read_yaml(path: Path, problems: list[CaseError]) -> Located | None:
    """Parse one YAML file into Located values; syntax errors go to ``problems`` (None back)."""
    import yaml

    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(CaseError(f"cannot read: {exc}", file=file))
        return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problems.append(CaseError(f"not valid YAML: {exc.problem or exc}", file=file, line=line))
        return None
    except yaml.YAMLError as exc:
        problems.append(CaseError(f"not valid YAML: {exc}", file=file))
        return None
    if node is None:
        return Located(None, 1)
    return _convert(node, file, problems, yaml.constructor.SafeConstructor())
