"""Copying rows in bulk: a tree (rows of one model pointing at their parent) and the rows that hang from it.

The mechanics behind every new version that starts as a copy of an old one (a Renstra perubahan, a PK
perubahan, a revision of a pohon kinerja). A copy takes every concrete field of its original except the
primary key; ``overrides`` set fields to a value, or to ``value(original)`` when the value is callable;
``remap`` points a foreign key at the copy of its target. Copies are inserted with ``bulk_create``: no
``save()`` and no signals, and the database must return primary keys (PostgreSQL, SQLite ≥ 3.35).
Imports no app.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models
from django.db.models.options import Options

M = TypeVar("M", bound=models.Model)


def _attname(meta: Options[Any], name: str) -> str:
    """The attribute holding a concrete field's value: ``sasaran`` → ``sasaran_id``."""
    field = meta.get_field(name)
    assert isinstance(field, models.Field)  # not a reverse relation
    return field.attname


def _copy(row: M, overrides: Mapping[str, Any], remap: Mapping[str, Mapping[Any, models.Model | None]]) -> M:
    meta = row._meta
    values = {f.attname: getattr(row, f.attname) for f in meta.concrete_fields if not f.primary_key}
    for name, mapping in remap.items():
        old = values.pop(_attname(meta, name))
        values[name] = None if old is None else mapping[old]
    for name, value in overrides.items():
        values.pop(_attname(meta, name), None)
        values[name] = value(row) if callable(value) else value
    return type(row)(**values)


def copy_of(row: M, *, remap: Mapping[str, Mapping[Any, models.Model | None]] | None = None, **overrides: Any) -> M:
    """An unsaved copy of one row, for a copy that is validated (``full_clean``) and saved on its own;
    ``remap`` and ``overrides`` work as in :func:`copy_rows`."""
    return _copy(row, overrides, remap or {})


def copy_rows(
    rows: Iterable[M], *, remap: Mapping[str, Mapping[Any, models.Model | None]] | None = None, **overrides: Any
) -> dict[Any, M]:
    """Copy rows of one model in one ``bulk_create``, in the order given; returns old pk → copy.

    ``remap={"sasaran": strategi_map}`` points each copy's ``sasaran`` at ``strategi_map[original.sasaran_id]``
    (a missing key is an error: a dependent row whose owner was not copied).
    """
    rows = list(rows)
    if not rows:
        return {}
    copies = [_copy(row, overrides, remap or {}) for row in rows]
    created = type(rows[0])._default_manager.bulk_create(copies)
    return {old.pk: new for old, new in zip(rows, created, strict=True)}


def copy_tree(
    rows: Iterable[M],
    *,
    parent: str = "parent",
    remap: Mapping[str, Mapping[Any, models.Model | None]] | None = None,
    **overrides: Any,
) -> dict[Any, M]:
    """Copy the rows of a tree, parents before children, one ``bulk_create`` per depth; returns old pk → copy.

    Each copy's ``parent`` points at its parent's copy; a row whose parent is not among ``rows`` becomes a root.
    Rows keep their given order within a depth. ``remap`` and ``overrides`` work as in :func:`copy_rows`.
    """
    pending = list(rows)
    if not pending:
        return {}
    attname = _attname(pending[0]._meta, parent)
    ids = {row.pk for row in pending}
    # Parents outside the copied rows map to None, so that the remap below never misses.
    parents: dict[Any, M | None] = {getattr(r, attname): None for r in pending if getattr(r, attname) not in ids}
    mapping: dict[Any, M] = {}
    while pending:
        ready = [r for r in pending if getattr(r, attname) in parents]
        if not ready:
            raise ValueError("The rows' parents form a cycle.")
        copied = copy_rows(ready, remap={**(remap or {}), parent: parents}, **overrides)
        mapping.update(copied)
        parents.update(copied)
        pending = [r for r in pending if r.pk not in copied]
    return mapping
