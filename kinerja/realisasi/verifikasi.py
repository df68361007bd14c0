"""Verification of realisasi: who may verify, the queue, verifying or returning."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.models import JendelaRealisasi, Realisasi
from kinerja.realisasi.jendela import status_jendela
from sakip import access
from sakip.lib.periode import roman
from sakip.models import Peran, PerangkatDaerah


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


@dataclass
class Hasil:
    """What a verification did: how many realisasi, and the quarters reopened for correction."""

    jumlah: int = 0
    dibuka: list[str] = field(default_factory=list)


@transaction.atomic
def verifikasi(items, *, actor, setuju: bool, komentar: str = "") -> Hasil:
    """Mark realisasi as verified, or return them with a comment (required).

    A realisasi returned in a quarter already closed for its OPD reopens that quarter for the OPD
    (:func:`buka_untuk_perbaikan`): a return is an order to correct, and the planner must be able to.
    """
    if not setuju and not komentar.strip():
        raise ValueError(_("Tuliskan alasan pengembalian."))
    hasil = Hasil(dibuka=[] if setuju else buka_untuk_perbaikan(items))
    for item in items:
        item.status = Realisasi.Status.DIVERIFIKASI if setuju else Realisasi.Status.DIKEMBALIKAN
        item.komentar = "" if setuju else komentar.strip()
        item.diverifikasi_oleh, item.diverifikasi_pada = actor, timezone.now()
        item.save(update_fields=["status", "komentar", "diverifikasi_oleh", "diverifikasi_pada", "updated_at"])
        hasil.jumlah += 1
    return hasil


def buka_untuk_perbaikan(items) -> list[str]:
    """Reopen, for their OPD, the closed quarters of realisasi being returned (``dibuka_untuk``, audited like
    the admin's reopening; the window is created closed when the quarter never had one). The OPD rows are
    locked first, as :func:`kinerja.realisasi.jendela.save_jendela` does. Returns the quarters reopened, as
    "TW IV 2025 · Dinas X", for the message."""
    wanted: dict[tuple[int, int, int], None] = {}
    for item in items:
        wanted[(item.opd_id, item.tahun, item.triwulan)] = None
    opds = {
        o.pk: o
        for o in PerangkatDaerah.objects.select_for_update(no_key=True)
        .filter(pk__in={k[0] for k in wanted})
        .order_by("pk")
    }
    reopened = []
    for opd_id, tahun, triwulan in wanted:
        opd = opds[opd_id]
        if status_jendela(opd, tahun).get(triwulan):
            continue
        window, _created = JendelaRealisasi.objects.get_or_create(
            pemda_id=opd.pemda_id, tahun=tahun, triwulan=triwulan, defaults={"terbuka": False}
        )
        window.dibuka_untuk.add(opd)
        reopened.append(f"TW {roman(triwulan)} {tahun} · {opd.nama}")
    return reopened


def dibuka_untuk_perbaikan(opd, tahun: int, triwulan: int) -> bool:
    """Whether the quarter is open for the OPD only because it was reopened for it (after a return): closed
    for the pemda, open for this OPD."""
    window = JendelaRealisasi.objects.filter(pemda_id=opd.pemda_id, tahun=tahun, triwulan=triwulan).first()
    if window is None or window.terbuka_pada(timezone.localdate()):
        return False
    return window.dibuka_untuk.filter(pk=opd.pk).exists()


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
