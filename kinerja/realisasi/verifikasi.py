"""Verification of realisasi: who may verify, the queue, verifying or returning."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.models import Realisasi
from sakip import access
from sakip.models import Peran


def sees_pemda(user) -> bool:
    """Who sees every OPD of the pemda side by side: the admin pemda and evaluators."""
    scope = access.scope_for(user)
    return scope.everything or bool(scope.managed_pemda_ids) or Peran.Jenis.EVALUATOR in scope.roles


def can_verify(user, opd_id: int) -> bool:
    """Evaluators of the OPD and its pimpinan verify; the planners who enter the values do not."""
    scope = access.scope_for(user)
    if scope.everything:
        return True
    if opd_id not in scope.readable_opd_ids or opd_id in scope.editable_opd_ids:
        return False
    return bool(scope.roles & {Peran.Jenis.EVALUATOR, Peran.Jenis.PIMPINAN})


@transaction.atomic
def verifikasi(items, *, actor, setuju: bool, komentar: str = "") -> int:
    """Mark realisasi as verified, or return them with a comment (required)."""
    if not setuju and not komentar.strip():
        raise ValueError(_("Tuliskan alasan pengembalian."))
    count = 0
    for item in items:
        item.status = Realisasi.Status.DIVERIFIKASI if setuju else Realisasi.Status.DIKEMBALIKAN
        item.komentar = "" if setuju else komentar.strip()
        item.diverifikasi_oleh, item.diverifikasi_pada = actor, timezone.now()
        item.save(update_fields=["status", "komentar", "diverifikasi_oleh", "diverifikasi_pada", "updated_at"])
        count += 1
    return count


def antrean(user, tahun: int | None = None):
    """Realisasi waiting for verification that this user may verify."""
    scope = access.scope_for(user)
    qs = Realisasi.objects.for_user(user).filter(status=Realisasi.Status.MENUNGGU).exclude(nilai=None, teks="")
    if not scope.everything:
        allowed = [o for o in scope.readable_opd_ids if can_verify(user, o)]
        qs = qs.filter(indikator__elemen__versi__renstra__opd_id__in=allowed)
    if tahun:
        qs = qs.filter(tahun=tahun)
    return qs.select_related("indikator__elemen__versi__renstra__opd").order_by(
        "indikator__elemen__versi__renstra__opd__kode", "tahun", "triwulan", "indikator__urutan"
    )
