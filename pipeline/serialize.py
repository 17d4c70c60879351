"""Frozen dataclasses to JSON-ready values and back, for the stage files under build/.

JSON keeps the intermediate stages readable and diffable; the type hints of each
dataclass say how to rebuild it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(obj: Any) -> Any:
    """A dataclass (or a tuple/list/dict of them) as JSON-ready values; dates as ISO strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def from_plain(cls: type[T], data: Any) -> T:
    """Rebuild an instance of `cls` from `to_plain` output."""
    return typing.cast(T, _build(cls, data))


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type hint) of a dataclass's fields; resolving hints is slow, so once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(options[0], data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if origin is list:
        return [_build(typing.get_args(tp)[0], v) for v in data]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp(**{name: _build(hint, data.get(name)) for name, hint in _fields_of(tp)})
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    return data
