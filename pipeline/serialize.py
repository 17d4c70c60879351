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
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


_AS_IS = frozenset({str, int, float, bool, type(None)})


def to_plain(obj: Any) -> Any:
    """A dataclass (or a tuple/list/dict of them) as JSON-ready values; dates as ISO strings."""
    kind: Any = type(obj)
    if kind in _AS_IS:  # most values: checked first, by exact type, because this runs for every one
        return obj
    names = _field_names(kind)
    if names is not None:
        return {name: to_plain(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, or None for any other type; asked once per type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def from_plain(cls: type[T], data: Any) -> T:
    """Rebuild an instance of `cls` from `to_plain` output."""
    return typing.cast(T, _converter(typing.cast(Any, cls))(data))


def prepare(cls: type) -> None:
    """Resolve now how `cls` (and every type in it) is rebuilt, as `from_plain` does on first use."""
    _converter(cls)


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type hint) of a dataclass's fields; resolving hints is slow, so once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _identity(data: Any) -> Any:
    return data


@functools.cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function rebuilding values of type `tp` from plain data (None stays None); made once per
    type, so that rebuilding a row does not inspect type hints again (publish rebuilds every row)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _converter(next(a for a in typing.get_args(tp) if a is not type(None)))
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is _identity:
                return lambda data: None if data is None else tuple(data)
            return lambda data: None if data is None else tuple(item(v) for v in data)
        items = tuple(_converter(a) for a in args)
        return lambda data: None if data is None else tuple(c(v) for c, v in zip(items, data, strict=True))
    if origin is list:
        item = _converter(typing.get_args(tp)[0])
        return lambda data: None if data is None else [item(v) for v in data]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        fields = tuple((name, _converter(hint)) for name, hint in _fields_of(tp))
        record = tp

        def build(data: Any) -> Any:
            if data is None:
                return None
            return record(**{name: convert(data.get(name)) for name, convert in fields})

        return build
    if tp is dt.date:
        return lambda data: None if data is None else dt.date.fromisoformat(data)
    return _identity
