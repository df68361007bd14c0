"""The audit log: every create, update and delete of a registered model is recorded by django-auditlog.

Requests are attributed by :class:`AuditMiddleware`; code outside a request (management commands,
background jobs) wraps its writes in :func:`acting_as`. Bulk writes that bypass ``save()`` (``bulk_create``,
``bulk_update``, ``QuerySet.update``/``delete``) record one summary entry per operation with :func:`record`;
``sakip/tests/test_audit_completeness.py`` fails for a service that does not.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from contextlib import contextmanager
from typing import Any

from auditlog.context import disable_auditlog, set_extra_data
from auditlog.middleware import AuditlogMiddleware
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.lib.periode import long_date
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


Operasi = AuditEntry.Operasi


def record(
    operasi: str,
    obj: Model | type[Model],
    *,
    jumlah: Mapping[type[Model] | str, int],
    action: int = AuditEntry.Action.CREATE,
    pemda: int | None = None,
    opd: int | None = None,
    **data: Any,
) -> AuditEntry:
    """One summary entry for a bulk write (rows inserted, updated or deleted without ``save()``).

    ``operasi`` names the operation (:class:`AuditEntry.Operasi`), ``obj`` is the object it concerns (the new
    version, the PK, the tree …: its pemda and OPD place the entry in the right pemda's log), or a model when
    the operation concerns a list rather than one object (then ``pemda``/``opd`` place it); ``jumlah`` is the
    number of rows per model (a model or its ``app_label.model_name``) and ``data`` what else a reader
    needs: from which version (``dari``), the file and its ``sha256`` for an import. The actor is the one
    of the request (or of :func:`acting_as`), as for every other entry. Call it inside the operation's
    transaction, so the entry exists exactly when the rows do.
    """
    counts = {(m if isinstance(m, str) else m._meta.label_lower): int(n) for m, n in jumlah.items()}
    payload = json.loads(json.dumps({"jumlah": {k: n for k, n in counts.items() if n}, **data}, cls=DjangoJSONEncoder))
    fields: dict[str, Any] = {"action": action, "operasi": operasi, "data": payload, "changes": {}}
    place = {k: v for k, v in (("pemda", pemda), ("opd", opd)) if v is not None}
    if isinstance(obj, type):
        fields["additional_data"] = place
        return AuditEntry.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_pk="",
            object_repr=str(obj._meta.verbose_name_plural),
            **fields,
        )
    if place:
        fields["additional_data"] = {
            **(obj.get_additional_data() if hasattr(obj, "get_additional_data") else {}),
            **place,
        }
    entry = AuditEntry.objects.log_create(obj, force_log=True, **fields)
    assert entry is not None  # force_log: always an entry
    return entry


@contextmanager
def without_row_entries():
    """Inside: no entry per row (a bulk delete's cascade); the operation's :func:`record` entry stands for them."""
    with disable_auditlog():
        yield


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


class Berubah(ValidationError):
    """An edit made from a page older than the row: someone saved the row since the page was opened.
    ``token`` is the row's token now: a form that shows the message carries it, so saving again overwrites
    deliberately (as a grid cell does)."""

    def __init__(self, message: str, *, token: str, pk) -> None:
        super().__init__(message, code="berubah")
        self.token, self.pk = token, pk


def ensure_unchanged(obj: Model, token: str | None) -> None:
    """Refuse (:class:`Berubah`, saying who changed it and when) an edit of ``obj`` whose ``token`` (the row's
    ``updated_at`` as the page showed it) is not the row's now; no token (a new row, an old page) is no check.

    Call it inside the writing transaction, with the lock every writer of the row takes held, so that the
    second of two people saving the same row is told, rather than silently overwriting the first.
    """
    if not token or obj.pk is None:
        return
    current = type(obj)._base_manager.filter(pk=obj.pk).values_list("updated_at", flat=True).first()
    if current is None or current.isoformat() == token:
        return
    oleh, pada = last_change(type(obj), obj.pk)
    local = timezone.localtime(pada or current)
    waktu = local.strftime("%H.%M")
    if local.date() != timezone.localdate():
        waktu = f"{long_date(local.date())} {waktu}"
    raise Berubah(
        _(
            "“%(obj)s” diubah oleh %(oleh)s pada %(waktu)s setelah halaman ini dibuka; perubahan Anda belum "
            "disimpan. Buka lagi halaman ini untuk melihat isinya sekarang, atau simpan lagi untuk menimpanya."
        )
        % {"obj": str(obj)[:80], "oleh": oleh or _("pengguna lain"), "waktu": waktu},
        token=current.isoformat(),
        pk=obj.pk,
    )


# Models whose rows without a pemda are shared by every pemda (the official nomenclature): a change of such a
# row concerns every pemda, so every pemda's log shows it. The owning app registers the model in ``ready()``.
_SHARED: set[str] = set()


def share_with_every_pemda(label: str) -> None:
    """Show the changes of ``label``'s rows without a pemda (``"renstra.nomenklatur"``) in every pemda's log."""
    _SHARED.add(label.lower())


def _shared_types() -> list[ContentType]:
    return [ContentType.objects.get_for_model(apps.get_model(label)) for label in sorted(_SHARED)]


def shared_history(label: str) -> QuerySet[AuditEntry]:
    """The changes of the rows of ``label`` that belong to no pemda (the list every pemda shares), newest first."""
    ct = ContentType.objects.get_for_model(apps.get_model(label))
    return AuditEntry.objects.filter(content_type=ct, pemda_ref__isnull=True).select_related("content_type", "actor")


def for_pemda(pemda_ids) -> QuerySet[AuditEntry]:
    """The log of the pemda ``pemda_ids``: their own entries and the changes of what every pemda shares."""
    shared = Q(pemda_ref__isnull=True, content_type__in=_shared_types())
    return AuditEntry.objects.filter(Q(pemda_ref__in=pemda_ids) | shared).select_related("content_type", "actor")
