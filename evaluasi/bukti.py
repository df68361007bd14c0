"""Evidence found, not uploaded: what Sakip's own data shows for the LKE criteria that it can evidence.

:func:`kumpulkan` reads an OPD's year once — the Renstra version in force, the PK per position, the rencana aksi,
the realisasi per quarter, the indicators' definitions, the pohon kinerja, the LKjIP and last year's
recommendations — in a fixed number of queries whatever the amount of data, and returns a :class:`Temuan` per
rule key (``Kriteria.sumber``): lines of evidence with links, and a suggested grade where a rule can give one.
The suggestion follows the keberadaan scale of 88/2021 by the share fulfilled (100 % → BB, > 75 % → B,
> 50 % → CC, > 25 % → C, > 0 → D, nothing → E); the evaluator accepts it or overrides it with a reason.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluasi.models import Evaluasi, Rekomendasi
from kinerja.models import PerjanjianKinerja, Realisasi, RencanaAksi
from lkjip.models import Dokumen, Final, Jenis, Pembanding
from pohon.models import Lintas, PohonKinerja, Simpul, Tingkat
from renstra.models import Indikator, RenstraVersi
from sakip.lib.numbers import format_number
from sakip.models import Jabatan, Jenjang

#: the positions that sign a PK (89/2021, 53/2014): structural, not the functional or executing staff
JENJANG_PK = (Jenjang.JPT_PRATAMA, Jenjang.ADMINISTRATOR, Jenjang.PENGAWAS)


@dataclass
class Baris:
    """One line of evidence, with an optional link to where it is in Sakip."""

    teks: str
    url: str = ""
    ok: bool | None = None  # True: fulfilled, False: missing, None: neutral


@dataclass
class Temuan:
    """What Sakip found for one rule: its lines and the grade it suggests ('' when no rule can)."""

    judul: str
    baris: list[Baris] = field(default_factory=list)
    saran: str = ""
    dasar_saran: str = ""


def saran_dari_porsi(ada: int, total: int) -> str:
    """The keberadaan grade of a share fulfilled (AA and A need years of history Sakip does not judge)."""
    if total <= 0 or ada <= 0:
        return "E"
    porsi = Decimal(ada) / Decimal(total)
    if porsi >= 1:
        return "BB"
    for batas, grade in ((Decimal("0.75"), "B"), (Decimal("0.5"), "CC"), (Decimal("0.25"), "C")):
        if porsi > batas:
            return grade
    return "D"


def _persen(ada: int, total: int) -> str:
    return format_number(Decimal(100) * ada / total, 0) + "%" if total else "–"


def _renstra(versi: RenstraVersi | None, tahun: int) -> Temuan:
    t = Temuan(_("Renstra yang berlaku"))
    if versi is None:
        t.baris.append(
            Baris(_("Tidak ada versi Renstra yang ditetapkan dan berlaku pada %(t)s.") % {"t": tahun}, ok=False)
        )
        t.saran, t.dasar_saran = "E", _("Tidak ada Renstra yang ditetapkan.")
        return t
    tanggal = versi.dasar_hukum_tanggal or (
        timezone.localdate(versi.ditetapkan_pada) if versi.ditetapkan_pada else None
    )
    teks = _("%(versi)s, ditetapkan %(tgl)s, berlaku mulai %(mulai)s") % {
        "versi": f"{versi.renstra} — {versi.get_jenis_display()} ke-{versi.nomor}",
        "tgl": date_format(tanggal, "j F Y") if tanggal else _("(tanggal tidak tercatat)"),
        "mulai": versi.berlaku_mulai,
    }
    t.baris.append(Baris(teks, reverse("renstra:versi_detail", args=[versi.pk]), ok=True))
    if versi.dasar_hukum_nomor:
        t.baris.append(Baris(_("Dasar hukum: %(d)s") % {"d": versi.dasar_hukum_nomor}, ok=True))
    t.saran, t.dasar_saran = "BB", _("Renstra ditetapkan dan berlaku.")
    return t


def _pk(opd, tahun: int) -> Temuan:
    t = Temuan(_("Perjanjian Kinerja per jabatan"))
    jabatan = list(Jabatan.objects.filter(opd=opd, jenjang__in=JENJANG_PK).order_by("jenjang", "nama"))
    pks = PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun).order_by("jabatan_id", "-versi")
    terbaru: dict[int, PerjanjianKinerja] = {}
    for pk in pks:
        terbaru.setdefault(pk.jabatan_id, pk)
    signed = {j for j, pk in terbaru.items() if pk.status == PerjanjianKinerja.Status.DITANDATANGANI}
    n_signed = sum(1 for j in jabatan if j.pk in signed)
    t.baris.append(
        Baris(
            _("%(n)s dari %(m)s jabatan struktural punya PK %(t)s yang ditandatangani (%(p)s).")
            % {"n": n_signed, "m": len(jabatan), "t": tahun, "p": _persen(n_signed, len(jabatan))},
            ok=bool(jabatan) and n_signed == len(jabatan),
        )
    )
    for j in jabatan:
        pk = terbaru.get(j.pk)
        if pk is None:
            t.baris.append(Baris(_("%(j)s: belum ada PK") % {"j": j.nama}, ok=False))
        else:
            t.baris.append(
                Baris(
                    f"{j.nama}: {pk.get_status_display()}",
                    reverse("kinerja:pk_detail", args=[pk.pk]),
                    ok=j.pk in signed,
                )
            )
    t.saran = saran_dari_porsi(n_signed, len(jabatan))
    t.dasar_saran = _("Porsi jabatan dengan PK ditandatangani: %(p)s.") % {"p": _persen(n_signed, len(jabatan))}
    return t


def _rencana_aksi(opd, tahun: int, terisi_tw: Counter) -> Temuan:
    t = Temuan(_("Rencana aksi dan pemantauannya"))
    rows = list(
        RencanaAksi.objects.filter(
            pk_doc__opd=opd, pk_doc__tahun=tahun, pk_doc__status=PerjanjianKinerja.Status.DITANDATANGANI
        )
        .values("pk_doc_id", "pk_doc__jabatan__nama")
        .annotate(n=Count("pk"))
        .order_by("pk_doc__jabatan__nama")
    )
    if not rows:
        t.baris.append(Baris(_("Belum ada rencana aksi dari PK %(t)s yang ditandatangani.") % {"t": tahun}, ok=False))
    for row in rows:
        t.baris.append(
            Baris(
                _("%(j)s: %(n)s indikator berencana aksi") % {"j": row["pk_doc__jabatan__nama"], "n": row["n"]},
                reverse("kinerja:rencana_aksi_grid", args=[row["pk_doc_id"]]),
                ok=True,
            )
        )
    dipantau = sum(1 for tw in range(1, 5) if terisi_tw.get(tw))
    t.baris.append(
        Baris(_("Capaian dipantau pada %(n)s dari 4 triwulan.") % {"n": dipantau}, ok=dipantau == 4 if rows else False)
    )
    t.saran = saran_dari_porsi(dipantau, 4) if rows else "E"
    t.dasar_saran = _("Rencana aksi ada; triwulan yang dipantau: %(n)s/4.") % {"n": dipantau}
    return t


def _realisasi(opd, tahun: int, versi, n_indikator: int, terisi_tw: Counter, verif_tw: Counter) -> Temuan:
    t = Temuan(_("Realisasi per triwulan"))
    url = reverse("realisasi:indikator_grid", args=[opd.pk, tahun])
    for tw in range(1, 5):
        t.baris.append(
            Baris(
                _("TW %(tw)s: %(n)s dari %(m)s indikator diisi, %(v)s diverifikasi")
                % {
                    "tw": ["I", "II", "III", "IV"][tw - 1],
                    "n": terisi_tw.get(tw, 0),
                    "m": n_indikator,
                    "v": verif_tw.get(tw, 0),
                },
                url,
                ok=bool(n_indikator) and verif_tw.get(tw, 0) >= n_indikator,
            )
        )
    total = 4 * n_indikator
    t.saran = saran_dari_porsi(sum(verif_tw.values()), total)
    t.dasar_saran = _("Porsi sel realisasi yang diverifikasi: %(p)s.") % {"p": _persen(sum(verif_tw.values()), total)}
    return t


def _definisi(versi, n_indikator: int, n_definisi: int, tanpa: list[str]) -> Temuan:
    t = Temuan(_("Definisi operasional dan formula indikator"))
    url = reverse("renstra:versi_detail", args=[versi.pk]) if versi else ""
    t.baris.append(
        Baris(
            _("%(n)s dari %(m)s indikator punya definisi operasional/formula (%(p)s).")
            % {"n": n_definisi, "m": n_indikator, "p": _persen(n_definisi, n_indikator)},
            url,
            ok=bool(n_indikator) and n_definisi == n_indikator,
        )
    )
    for nama in tanpa:
        t.baris.append(Baris(_("Tanpa definisi: %(i)s") % {"i": nama}, url, ok=False))
    t.saran = saran_dari_porsi(n_definisi, n_indikator)
    t.dasar_saran = _("Porsi indikator dengan definisi: %(p)s.") % {"p": _persen(n_definisi, n_indikator)}
    return t


def _pohon(opd, tahun: int) -> Temuan:
    t = Temuan(_("Pohon kinerja: cascading dan crosscutting"))
    pohon = PohonKinerja.objects.berlaku(opd, tahun)
    if pohon is None:
        t.baris.append(Baris(_("Belum ada pohon kinerja yang berlaku pada %(t)s.") % {"t": tahun}, ok=False))
        t.saran, t.dasar_saran = "E", _("Tidak ada pohon kinerja.")
        return t
    url = reverse("pohon:pohon_detail", args=[pohon.pk])
    per_tingkat = dict(Simpul.objects.filter(pohon=pohon).values_list("tingkat").annotate(n=Count("pk")).order_by())
    agg = Simpul.objects.filter(pohon=pohon).aggregate(
        n=Count("pk"), berjabatan=Count("pk", filter=Q(jabatan__isnull=False))
    )
    n_lintas = Lintas.objects.filter(simpul__pohon=pohon).count()
    levels = [f"{label}: {per_tingkat[k]}" for k, label in Tingkat.choices if per_tingkat.get(k)]
    t.baris.append(
        Baris(
            _("%(n)s simpul pada %(l)s tingkat (%(d)s)") % {"n": agg["n"], "l": len(levels), "d": "; ".join(levels)},
            url,
            ok=True,
        )
    )
    t.baris.append(
        Baris(
            _("%(n)s simpul dijenjangkan ke jabatan (%(p)s)")
            % {"n": agg["berjabatan"], "p": _persen(agg["berjabatan"], agg["n"])},
            url,
            ok=agg["berjabatan"] == agg["n"],
        )
    )
    t.baris.append(
        Baris(_("%(n)s kinerja lintas perangkat daerah (crosscutting)") % {"n": n_lintas}, url, ok=n_lintas > 0)
    )
    t.saran = saran_dari_porsi(len(levels), len(Tingkat.choices))
    t.dasar_saran = _("Tingkat pohon yang terisi: %(n)s dari %(m)s.") % {"n": len(levels), "m": len(Tingkat.choices)}
    return t


def _lkjip(opd, tahun: int) -> Temuan:
    t = Temuan(_("LKjIP %(t)s") % {"t": tahun})
    dok = Dokumen.objects.filter(opd=opd, jenis=Jenis.LKJIP, tahun=tahun).first()
    final = Final.objects.filter(dokumen=dok).order_by("-nomor").first() if dok else None
    if final is None:
        t.baris.append(Baris(_("LKjIP %(t)s belum difinalkan.") % {"t": tahun}, ok=False))
        t.saran, t.dasar_saran = "E", _("Tidak ada LKjIP final.")
        return t
    url = reverse("lkjip:lkjip_detail", args=[opd.pk, tahun])
    tenggat = datetime.date(tahun + 1, 3, 31)
    tanggal = final.created_at.date()
    tepat = tanggal <= tenggat
    t.baris.append(
        Baris(
            _("Final ke-%(n)s, %(tgl)s (batas %(b)s): %(s)s")
            % {
                "n": final.nomor,
                "tgl": date_format(tanggal, "j F Y"),
                "b": date_format(tenggat, "j F Y"),
                "s": _("tepat waktu") if tepat else _("terlambat"),
            },
            url,
            ok=tepat,
        )
    )
    t.baris.append(Baris(_("SHA-256: %(h)s") % {"h": final.sha256}, url))
    n_pembanding = Pembanding.objects.filter(dokumen=dok).count()
    t.baris.append(
        Baris(_("Analisis capaian vs target tahunan, target Renstra dan tahun lalu: tersedia (Bab III)"), url, ok=True)
    )
    t.baris.append(Baris(_("%(n)s pembanding (benchmark)") % {"n": n_pembanding}, url, ok=n_pembanding > 0))
    t.saran = "BB" if tepat else "B"
    t.dasar_saran = _("LKjIP final %(s)s.") % {"s": _("tepat waktu") if tepat else _("terlambat")}
    return t


def _tindak_lanjut(evaluasi: Evaluasi) -> Temuan:
    t = Temuan(_("Tindak lanjut rekomendasi tahun lalu"))
    lalu = list(Rekomendasi.objects.filter(evaluasi__opd_id=evaluasi.opd_id, evaluasi__tahun=evaluasi.tahun - 1))
    if not lalu:
        t.baris.append(Baris(_("Tidak ada rekomendasi evaluasi %(t)s di Sakip.") % {"t": evaluasi.tahun - 1}))
        return t
    diterima = sum(1 for r in lalu if r.status == Rekomendasi.Status.DITERIMA)
    for r in lalu:
        t.baris.append(
            Baris(
                f"{r.uraian} — {r.get_status_display()} ({r.progres}%)",
                reverse("evaluasi:evaluasi_detail", args=[r.evaluasi_id]) + "#rekomendasi",
                ok=r.status == Rekomendasi.Status.DITERIMA,
            )
        )
    t.saran = saran_dari_porsi(diterima, len(lalu))
    t.dasar_saran = _("Rekomendasi yang tindak lanjutnya diterima: %(n)s dari %(m)s.") % {"n": diterima, "m": len(lalu)}
    return t


def kumpulkan(evaluasi: Evaluasi) -> dict[str, Temuan]:
    """The evidence of every rule for ``evaluasi``'s OPD and year, in a fixed number of queries."""
    opd, tahun = evaluasi.opd, evaluasi.tahun
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    indikator = Indikator.objects.filter(elemen__versi=versi) if versi else Indikator.objects.none()
    n_indikator = n_definisi = 0
    tanpa: list[str] = []
    terisi_tw: Counter = Counter()
    verif_tw: Counter = Counter()
    if versi:
        for uraian, definisi in indikator.values_list("uraian", "definisi"):
            n_indikator += 1
            if (definisi or "").strip():
                n_definisi += 1
            elif len(tanpa) < 10:
                tanpa.append(uraian)
        for tw, status, n in (
            Realisasi.objects.filter(indikator__elemen__versi=versi, tahun=tahun)
            .values_list("triwulan", "status")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            terisi_tw[tw] += n
            if status == Realisasi.Status.DIVERIFIKASI:
                verif_tw[tw] += n
    return {
        "renstra": _renstra(versi, tahun),
        "pk": _pk(opd, tahun),
        "rencana_aksi": _rencana_aksi(opd, tahun, terisi_tw),
        "realisasi": _realisasi(opd, tahun, versi, n_indikator, terisi_tw, verif_tw),
        "definisi": _definisi(versi, n_indikator, n_definisi, tanpa),
        "pohon": _pohon(opd, tahun),
        "lkjip": _lkjip(opd, tahun),
        "tindak_lanjut": _tindak_lanjut(evaluasi),
    }


#: the rule keys a criterion's ``sumber`` may name, with their titles (for the template editor)
ATURAN = {
    "renstra": _("Renstra yang berlaku"),
    "pk": _("Perjanjian Kinerja per jabatan"),
    "rencana_aksi": _("Rencana aksi dan pemantauannya"),
    "realisasi": _("Realisasi per triwulan"),
    "definisi": _("Definisi operasional indikator"),
    "pohon": _("Pohon kinerja"),
    "lkjip": _("LKjIP final"),
    "tindak_lanjut": _("Tindak lanjut rekomendasi"),
}
