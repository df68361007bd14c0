"""evaluasi's items in the Beranda inbox (:mod:`sakip.inbox`; registered in :class:`evaluasi.apps.EvaluasiConfig`):
the evaluations waiting for this user's level (the OPD's self-assessment, the evaluator's grades, the reviews),
the follow-ups waiting for the Inspektorat's acceptance, and the recommendations past their target date. Two
queries each."""

from __future__ import annotations

from django.utils.translation import gettext as _

from evaluasi.models import Evaluasi, PeranTim, Rekomendasi, StatusEvaluasi
from sakip.inbox import Item

#: the team roles that act at each stage
_PERAN_TAHAP = {
    StatusEvaluasi.EVALUASI: {PeranTim.ANGGOTA, PeranTim.KETUA, PeranTim.PENGENDALI},
    StatusEvaluasi.REVIU_KETUA: {PeranTim.KETUA},
    StatusEvaluasi.REVIU_PENGENDALI: {PeranTim.PENGENDALI},
}


def evaluasi_menunggu(user, scope, today) -> list[Item]:
    """Evaluations at the stage this user acts in."""
    items = []
    if scope.editable_opd_ids:
        for ev in Evaluasi.objects.filter(
            opd_id__in=scope.editable_opd_ids, status=StatusEvaluasi.MANDIRI
        ).select_related("opd"):
            items.append(
                Item(
                    "evaluasi-mandiri",
                    _("Isi penilaian mandiri LKE %(t)s") % {"t": ev.tahun},
                    ev.get_absolute_url(),
                    ev.opd.nama,
                    tenggat=ev.selesai,
                )
            )
    if scope.evaluated_opd_ids:
        for ev in (
            Evaluasi.objects.filter(opd_id__in=scope.evaluated_opd_ids, tim__user=user)
            .exclude(status__in=[StatusEvaluasi.MANDIRI, StatusEvaluasi.FINAL])
            .select_related("opd")
            .annotate_peran(user)
        ):
            if ev.peran_saya in _PERAN_TAHAP.get(ev.status, ()):
                items.append(
                    Item(
                        "evaluasi-nilai",
                        _("%(tahap)s: evaluasi %(opd)s %(t)s")
                        % {"tahap": ev.get_status_display(), "opd": ev.opd.nama, "t": ev.tahun},
                        ev.get_absolute_url(),
                        tenggat=ev.selesai,
                    )
                )
    return items


def rekomendasi_terlambat(user, scope, today) -> list[Item]:
    """For the OPD: recommendations past their target date not yet accepted; for its evaluators: follow-ups
    reported and waiting for acceptance."""
    items = []
    if scope.editable_opd_ids:
        for rek in Rekomendasi.objects.filter(
            evaluasi__opd_id__in=scope.editable_opd_ids, tenggat__lt=today, status=Rekomendasi.Status.TERBUKA
        ).select_related("evaluasi"):
            items.append(
                Item(
                    "rekomendasi-terlambat",
                    _("Tindak lanjuti rekomendasi LHE %(t)s") % {"t": rek.evaluasi.tahun},
                    rek.evaluasi.get_absolute_url() + "#rekomendasi",
                    rek.uraian[:120],
                    tenggat=rek.tenggat,
                    mendesak=True,
                )
            )
    if scope.evaluated_opd_ids:
        for rek in Rekomendasi.objects.filter(
            evaluasi__opd_id__in=scope.evaluated_opd_ids, status=Rekomendasi.Status.DILAPORKAN
        ).select_related("evaluasi__opd"):
            items.append(
                Item(
                    "rekomendasi-dilaporkan",
                    _("Periksa tindak lanjut %(opd)s") % {"opd": rek.evaluasi.opd.nama},
                    rek.evaluasi.get_absolute_url() + "#rekomendasi",
                    rek.uraian[:120],
                )
            )
    return items
