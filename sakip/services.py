"""Business operations of the core; views call these rather than writing models themselves."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from sakip import access
from sakip.models import Jabatan, Pemda, Penugasan, PerangkatDaerah, UnitKerja


@dataclass
class Node:
    obj: object
    children: list[Node] = field(default_factory=list)
    depth: int = 0


def _tree(items, parent_attr: str) -> list[Node]:
    nodes = {item.pk: Node(item) for item in items}
    roots = []
    for item in items:
        parent_id = getattr(item, parent_attr)
        (nodes[parent_id].children if parent_id in nodes else roots).append(nodes[item.pk])

    def set_depth(node_list, depth):
        for node in node_list:
            node.depth = depth
            set_depth(node.children, depth + 1)

    set_depth(roots, 0)
    return roots


def flatten(nodes: list[Node]) -> list[Node]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(flatten(node.children))
    return out


def unit_kerja_tree(opd: PerangkatDaerah) -> list[Node]:
    return _tree(list(UnitKerja.objects.filter(opd=opd)), "parent_id")


def jabatan_tree(opd: PerangkatDaerah, tanggal: datetime.date | None = None) -> list[Node]:
    """The positions of an OPD along the atasan chain, each with who holds it on ``tanggal`` (2 queries)."""
    tanggal = tanggal or timezone.localdate()
    holders = Penugasan.objects.aktif_pada(tanggal).select_related("pegawai").order_by("jenis", "-mulai")
    positions = list(
        Jabatan.objects.filter(opd=opd)
        .select_related("unit_kerja")
        .prefetch_related(Prefetch("penugasan", queryset=holders, to_attr="pemangku_list"))
    )
    for position in positions:
        # "definitif" sorts before "plh"/"plt": the definitive holder wins, as Jabatan.pemangku_pada does.
        position.pemangku = position.pemangku_list[0] if position.pemangku_list else None
    return _tree(positions, "atasan_id")


def opd_choices_for(user) -> list[PerangkatDaerah]:
    """The OPD a user works in, for the OPD switcher."""
    scope = access.scope_for(user)
    qs = PerangkatDaerah.objects.for_user(user).select_related("pemda").filter(aktif=True)
    if scope.editable_opd_ids and not scope.everything and not scope.managed_pemda_ids:
        qs = qs.filter(pk__in=scope.editable_opd_ids)
    return list(qs)


def active_opd(request) -> PerangkatDaerah | None:
    """The OPD the user chose in the switcher (kept in the session), else their first."""
    choices = getattr(request, "_opd_choices", None)
    if choices is None:
        choices = request._opd_choices = opd_choices_for(request.user)
    chosen = request.session.get("active_opd")
    for opd in choices:
        if opd.pk == chosen:
            return opd
    return choices[0] if choices else None


@transaction.atomic
def save_user_with_roles(form, formset):
    """Save a user and their roles together: both or neither."""
    user = form.save()
    formset.instance = user
    formset.save()
    access.forget_scope(user)
    return user


def lock_pemda(pemda_id: int) -> None:
    """Lock the pemda's row to the end of the transaction: a write of one of the pemda's settings (PK
    statement, capaian rules) or of its RPJMD waits for another running one, and then reads what it left.
    (``FOR NO KEY UPDATE``: rows that merely refer to the pemda are still written freely.)"""
    list(Pemda.objects.select_for_update(no_key=True).filter(pk=pemda_id).values_list("pk", flat=True))


@transaction.atomic
def save_form(form):
    """Save a valid model form of master data (pemda, OPD, unit kerja, jabatan, pegawai, penugasan, a user's
    password): the service hook of the generic create and update pages (``sakip.views.generic``).

    It locks nothing: master data has no parent whose state decides whether it may change (no status, no
    window), and a single row is written, which django-auditlog records through ``save()``.
    """
    return form.save()


@transaction.atomic
def delete_object(obj) -> None:
    """Delete one object of master data and what cascades from it, all or nothing (``ProtectedError`` when
    something still refers to it): the hook of the generic delete pages. Every row goes through the
    collector's signals, so django-auditlog records each; nothing is locked, as in :func:`save_form`."""
    obj.delete()
