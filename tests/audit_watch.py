"""Watching bulk writes: every ``bulk_create``, ``bulk_update``, ``QuerySet.update()`` and ``QuerySet.delete()``
on a model registered with django-auditlog, noted while a service runs, so that a test can demand the
service's summary audit entry (:func:`sakip.audit.record`) for each of them.

Managers forward these methods to the queryset at call time, so patching ``QuerySet`` also catches
``Model.objects.bulk_create``.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from auditlog.registry import auditlog
from django.db.models import QuerySet

from sakip.models import AuditEntry

BULK_METHODS = ("bulk_create", "bulk_update", "update", "delete")


@dataclass
class Watch:
    writes: list[tuple[str, str]] = field(default_factory=list)  # (model label, method)
    entries: list[AuditEntry] = field(default_factory=list)  # the summary entries written meanwhile

    @property
    def written(self) -> set[str]:
        return {label for label, _method in self.writes}

    def unrecorded(self) -> list[str]:
        """Models bulk-written without a summary entry naming them (a row count per model, or the operation's
        object itself: a deleted version's cascade is counted by its delete)."""
        covered: set[str] = set()
        for entry in self.entries:
            covered |= set((entry.data or {}).get("jumlah", {}))
        return sorted(label for label in self.written if label not in covered)


@contextmanager
def watch_bulk_writes():
    """Note the bulk writes to audited models inside, and the summary entries recorded."""
    watch = Watch()
    originals = {name: getattr(QuerySet, name) for name in BULK_METHODS}
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def wrap(name):
        original = originals[name]

        def method(self, *args, **kwargs):
            if auditlog.contains(self.model):
                watch.writes.append((self.model._meta.label_lower, name))
            return original(self, *args, **kwargs)

        return method

    for name in BULK_METHODS:
        setattr(QuerySet, name, wrap(name))
    try:
        yield watch
    finally:
        for name, original in originals.items():
            setattr(QuerySet, name, original)
    watch.entries = list(AuditEntry.objects.filter(pk__gt=last).exclude(operasi=""))
