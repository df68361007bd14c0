"""kinerja's items in the Beranda inbox (:mod:`sakip.inbox`; registered in :class:`kinerja.apps.KinerjaConfig`).

The pimpinan: PKs waiting for their signature. The planner: PKs and realisasi returned to them, and the open
quarters still to fill with their closing dates. Evaluators and the pimpinan: realisasi waiting for their
verification. The admin pemda: OPD behind schedule (values missing in a closed quarter of the year). Each
provider runs a fixed number of queries (one more per open or closed quarter, of which a pemda has a handful).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.models import JendelaRealisasi, PerjanjianKinerja, Realisasi
from kinerja.realisasi.dasbor import _kelengkapan
from kinerja.realisasi.jendela import ditutup, terbuka
from kinerja.realisasi.verifikasi import antrean
from renstra.models import RenstraVersi
from sakip.inbox import Item
from sakip.lib.periode import roman
from sakip.models import Penugasan, Peran, PerangkatDaerah

SEGERA = 7  # days before a closing date from which a quarter to fill is urgent (the first reminder)
BATAS_BUTIR = 20  # returned realisasi listed one by one; more are counted in the last item


def tanggal(hari: datetime.date) -> str:
    return date_format(hari, "j F Y")


def sisa_hari(tenggat: datetime.date, today: datetime.date) -> str:
    days = (tenggat - today).days
    if days == 0:
        return _("hari ini hari terakhir")
    return ngettext("%(n)d hari lagi", "%(n)d hari lagi", days) % {"n": days}


def timezone_date(moment) -> datetime.date:
    return timezone.localdate(moment) if moment else timezone.localdate()


def pk_tanda_tangan(user, scope, today) -> list[Item]:
    """PKs submitted for a position the pimpinan holds today: theirs to sign (or return)."""
    if Peran.Jenis.PIMPINAN not in scope.roles or not user.pegawai_id:
        return []
    held = Penugasan.objects.aktif_pada(today).filter(pegawai_id=user.pegawai_id).values("jabatan_id")
    pks = PerjanjianKinerja.objects.filter(
        status=PerjanjianKinerja.Status.DIAJUKAN, jabatan_id__in=Subquery(held), opd__pemda_id=user.pemda_id
    ).select_related("jabatan", "opd")
    return [
        Item(
            "pk-tanda-tangan",
            _("Tandatangani %(pk)s") % {"pk": f"{pk.get_jenis_display()} {pk.tahun} · {pk.jabatan.nama}"},
            pk.get_absolute_url(),
            _("%(opd)s · diajukan %(tgl)s oleh %(nama)s")
            % {"opd": pk.opd.nama, "tgl": tanggal(timezone_date(pk.diajukan_pada)), "nama": pk.diajukan_oleh_nama},
            mendesak=True,
        )
        for pk in pks
    ]


def pk_dikembalikan(user, scope, today) -> list[Item]:
    """Draft PKs the pimpinan returned with a note, in the planner's OPD."""
    if not scope.editable_opd_ids:
        return []
    pks = (
        PerjanjianKinerja.objects.filter(opd_id__in=scope.editable_opd_ids, status=PerjanjianKinerja.Status.DRAFT)
        .exclude(catatan_pengembalian="")
        .select_related("jabatan", "opd")
    )
    return [
        Item(
            "pk-dikembalikan",
            _("Perbaiki %(pk)s") % {"pk": f"{pk.get_jenis_display()} {pk.tahun} · {pk.jabatan.nama}"},
            pk.get_absolute_url(),
            _("Dikembalikan pimpinan: %(catatan)s") % {"catatan": pk.catatan_pengembalian},
            mendesak=True,
        )
        for pk in pks
    ]


def realisasi_dikembalikan(user, scope, today) -> list[Item]:
    """Realisasi an evaluator or the pimpinan returned, in the planner's OPD, each to correct on its page."""
    if not scope.editable_opd_ids:
        return []
    returned = Realisasi.objects.filter(
        status=Realisasi.Status.DIKEMBALIKAN, indikator__elemen__versi__renstra__opd_id__in=scope.editable_opd_ids
    ).select_related("indikator")
    rows = list(returned.order_by("-tahun", "triwulan", "indikator__urutan", "pk")[: BATAS_BUTIR + 1])
    items = [
        Item(
            "realisasi-dikembalikan",
            _("Perbaiki realisasi TW %(tw)s %(tahun)s: %(ind)s")
            % {"tw": roman(r.triwulan), "tahun": r.tahun, "ind": r.indikator.uraian},
            reverse("realisasi:realisasi_detail", args=[r.indikator_id, r.tahun, r.triwulan]),
            _("Dikembalikan oleh %(nama)s: %(komentar)s") % {"nama": r.diverifikasi_oleh_nama, "komentar": r.komentar},
            mendesak=True,
        )
        for r in rows[:BATAS_BUTIR]
    ]
    if len(rows) > BATAS_BUTIR:
        items.append(
            Item(
                "realisasi-dikembalikan",
                _("Realisasi lain yang dikembalikan"),
                reverse("realisasi:realisasi_index"),
                _("Lebih dari %(n)d realisasi dikembalikan; lihat di halaman Realisasi.") % {"n": BATAS_BUTIR},
            )
        )
    return items


def _versi_berlaku(opd_ids, tahun: int) -> dict[int, int]:
    """OPD → the Renstra version in force in ``tahun`` (one query)."""
    versions: dict[int, int] = {}
    for versi_id, opd_id in (
        RenstraVersi.objects.berlaku_pada(tahun)
        .filter(renstra__opd_id__in=opd_ids)
        .values_list("pk", "renstra__opd_id")
    ):
        versions.setdefault(opd_id, versi_id)
    return versions


def jendela_diisi(user, scope, today) -> list[Item]:
    """The open quarters the planner's OPD has not finished filling, with the days left when dated."""
    if not scope.editable_opd_ids:
        return []
    opds = {o.pk: o for o in PerangkatDaerah.objects.filter(pk__in=scope.editable_opd_ids)}
    windows = list(
        JendelaRealisasi.objects.filter(pemda_id__in={o.pemda_id for o in opds.values()})
        .filter(terbuka(today))
        .order_by("ditutup_pada", "tahun", "triwulan")
    )
    items = []
    for window in windows:
        versions = _versi_berlaku([o for o, opd in opds.items() if opd.pemda_id == window.pemda_id], window.tahun)
        _counts, expected, filled = _kelengkapan(list(versions.values()), window.tahun, {window.triwulan})
        for opd_id, versi_id in versions.items():
            missing = expected[versi_id] - filled[versi_id]
            if missing <= 0:
                continue
            when = ""
            if window.ditutup_pada:
                when = _(" · ditutup %(tgl)s (%(sisa)s)") % {
                    "tgl": tanggal(window.ditutup_pada),
                    "sisa": sisa_hari(window.ditutup_pada, today),
                }
            items.append(
                Item(
                    "jendela",
                    _("Isi realisasi TW %(tw)s %(tahun)s · %(opd)s")
                    % {"tw": roman(window.triwulan), "tahun": window.tahun, "opd": opds[opd_id].nama},
                    reverse("realisasi:indikator_grid", args=[opd_id, window.tahun]),
                    _("%(n)d dari %(total)d isian belum diisi") % {"n": missing, "total": expected[versi_id]} + when,
                    tenggat=window.ditutup_pada,
                    mendesak=bool(window.ditutup_pada and (window.ditutup_pada - today).days <= SEGERA),
                )
            )
    return items


def verifikasi_menunggu(user, scope, today) -> list[Item]:
    """Realisasi waiting for this evaluator's or pimpinan's verification, per OPD and year."""
    if not (scope.roles & {Peran.Jenis.EVALUATOR, Peran.Jenis.PIMPINAN}):
        return []
    groups = (
        antrean(user)
        .order_by()
        .values_list("indikator__elemen__versi__renstra__opd__nama", "tahun")
        .annotate(n=Count("pk"))
        .order_by("indikator__elemen__versi__renstra__opd__nama", "tahun")
    )
    return [
        Item(
            "verifikasi",
            _("Verifikasi realisasi %(tahun)s · %(opd)s") % {"tahun": tahun, "opd": opd},
            reverse("realisasi:verifikasi_list") + f"?tahun={tahun}",
            ngettext("%(n)d realisasi menunggu verifikasi", "%(n)d realisasi menunggu verifikasi", n) % {"n": n},
        )
        for opd, tahun, n in groups
    ]


def opd_tertinggal(user, scope, today) -> list[Item]:
    """For the admin pemda: OPD with values missing in a quarter of this year that is already closed."""
    if not scope.managed_pemda_ids:
        return []
    tahun = today.year
    due: dict[int, set[int]] = defaultdict(set)
    for pemda_id, q in (
        JendelaRealisasi.objects.filter(pemda_id__in=scope.managed_pemda_ids, tahun=tahun)
        .filter(ditutup(today))
        .values_list("pemda_id", "triwulan")
    ):
        due[pemda_id].add(q)
    if not due:
        return []
    opds = {o.pk: o for o in PerangkatDaerah.objects.filter(pemda_id__in=due, aktif=True)}
    versions = _versi_berlaku(list(opds), tahun)
    items = []
    for pemda_id, quarters in due.items():
        mine = {o: v for o, v in versions.items() if opds[o].pemda_id == pemda_id}
        _counts, expected, filled = _kelengkapan(list(mine.values()), tahun, quarters)
        label = ", ".join(roman(q) for q in sorted(quarters))
        for opd_id, versi_id in sorted(mine.items(), key=lambda kv: opds[kv[0]].kode):
            missing = expected[versi_id] - filled[versi_id]
            if missing > 0:
                items.append(
                    Item(
                        "opd-tertinggal",
                        _("%(opd)s tertinggal") % {"opd": opds[opd_id].nama},
                        reverse("realisasi:opd_dashboard", args=[opd_id, tahun]),
                        _("%(n)d dari %(total)d isian TW %(tw)s %(tahun)s belum diisi; triwulan itu sudah ditutup")
                        % {"n": missing, "total": expected[versi_id], "tw": label, "tahun": tahun},
                    )
                )
    return items


PROVIDERS = (
    pk_tanda_tangan,
    pk_dikembalikan,
    realisasi_dikembalikan,
    jendela_diisi,
    verifikasi_menunggu,
    opd_tertinggal,
)
