"""The audit log: every create, update and delete of a registered model is recorded by django-auditlog.

Requests are attributed by :class:`AuditMiddleware`; code outside a request (management commands,
background jobs) wraps its writes in :func:`acting_as`. Bulk writes that bypass ``save()`` must call
:func:`record` themselves.
"""

from __future__ import annotations

import datetime
from contextlib import contextmanager

from auditlog.context import set_extra_data
from auditlog.middleware import AuditlogMiddleware
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from sakip.models import AuditEntry


def actor_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return f"{user.get_full_name()} ({user.username})" if user.get_full_name() != user.username else user.username


class AuditMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, also copying the actor's name into each entry."""

    def get_extra_data(self, request):
        data = super().get_extra_data(request)
        data["actor_name"] = lambda: actor_name(getattr(request, "user", None))
        return data


@contextmanager
def acting_as(user=None, *, label: str = ""):
    """Attribute the writes inside to ``user`` (or to ``label`` when a system process makes them)."""
    with set_extra_data({"actor": user, "actor_name": actor_name(user) or label}):
        yield


def record(obj: Model, action: int, changes: dict, **extra) -> AuditEntry | None:
    """Record a change made without ``save()`` (bulk updates): ``changes`` is {field: [before, after]}."""
    return AuditEntry.objects.log_create(obj, action=action, changes=changes, force_log=True, **extra)


def history_of(obj: Model) -> QuerySet[AuditEntry]:
    ct = ContentType.objects.get_for_model(obj.__class__)
    return AuditEntry.objects.filter(content_type=ct, object_pk=str(obj.pk)).select_related("content_type", "actor")


def last_change(model: type[Model], pk=None, **deleted) -> tuple[str, datetime.datetime | None]:
    """Who last changed the object ``pk`` of ``model``, and when, from the log: (name, time), or ("", None).

    An object that is gone is found by the values its deletion's entry recorded, ``deleted`` ({field: value};
    a foreign key is recorded as the related object's text), e.g. ``last_change(Target, indikator=str(ind),
    tahun=2024)``.
    """
    ct = ContentType.objects.get_for_model(model)
    entries = AuditEntry.objects.filter(content_type=ct)
    if pk is not None:
        entries = entries.filter(object_pk=str(pk))
    else:
        entries = entries.filter(action=AuditEntry.Action.DELETE)
        for name, value in deleted.items():
            entries = entries.filter(**{f"changes__{name}__0": value})
    entry = entries.order_by("-timestamp").only("actor_name", "timestamp").first()
    return (entry.actor_name, entry.timestamp) if entry else ("", None)


def for_pemda(pemda_ids) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(pemda_ref__in=pemda_ids).select_related("content_type", "actor")
