"""evaluasi's part of ``load_demo``: the official LKE 88/2021 template; Kabupaten Blitar's Inspektorat evaluating
Bakesbangpol for 2023 and 2024 (final, totals on the seed's published predikat: BB (75,16) and B (66,55)), with
recommendations and their follow-up; Balangan's evaluation of Kesbangpol 2024 in progress. The grades are
invented (marked demo) so that they add up to the published totals; the team's demo logins are added here."""

from __future__ import annotations

import datetime

from django.utils import timezone

from evaluasi import lke88, services
from evaluasi.models import (
    Evaluasi,
    Jawaban,
    Komponen,
    Kriteria,
    PeranTim,
    Rekomendasi,
    SubKomponen,
    Templat,
    Tingkat,
)
from sakip.demo import DEMO_PASSWORD
from sakip.models import Peran, PerangkatDaerah, UnitKerja, User

OPD_BLITAR = "8.01.0.00.0.00.02.0000"
OPD_BALANGAN = "8.01.0.00.0.00.01.0000"

# Two characters per criterion, in the template's order (1.a.1 … 4.c.5); found so that the totals are the seed's.
GRADES = {
    2023: "CCB CCBBC C C CCB A CCB CCCCBBCCB BBA BBA A A A B CCC BBB C CCB B B A BBBBBBA A A BBA BBBBCCCCCCCCCCB "
    "C B CCBBB BBB BBCCA A B A B A BBB CCC B BBBBBBB A B BBBBA ",
    2024: "C CCB B B C C C B CCCCD B CCA BBB B CCB BBCCB BBB C CCCCCCCCB BBBBC C B B BBB A CCB B CCBBD C D D CCD "
    "C CCBBCCC CCCCBBB B B B B B BBA C CCCCB CCCCB CCA B BBBBCC",
}
#: the OPD's self-assessment is one step more generous here and there (as self-assessments are)
NAIK = {"B": "BB", "CC": "B", "C": "CC", "D": "C"}

# (username, nama, pemda kode, OPD kode, team role)
TIM = [
    ("ketuatim.blitar", "Ketua Tim Inspektorat Blitar", "blitar", OPD_BLITAR, PeranTim.KETUA),
    ("dalnis.blitar", "Pengendali Teknis Inspektorat Blitar", "blitar", OPD_BLITAR, PeranTim.PENGENDALI),
    ("ketuatim.balangan", "Ketua Tim Inspektorat Balangan", "balangan", OPD_BALANGAN, PeranTim.KETUA),
    ("dalnis.balangan", "Pengendali Teknis Inspektorat Balangan", "balangan", OPD_BALANGAN, PeranTim.PENGENDALI),
]

CATATAN = {
    "1.a.7": "PK baru ditandatangani kepala badan; PK administrator dan pengawas belum lengkap.",
    "1.b.5": "Sebagian indikator belum dilengkapi definisi operasional dan formula.",
    "2.b.4": "Realisasi diisi per triwulan, namun verifikasi TW IV terlambat.",
    "3.a.6": "LKjIP disampaikan sebelum 31 Maret.",
    "4.c.1": "Rekomendasi tahun lalu sebagian besar telah ditindaklanjuti.",
}

REKOMENDASI = {
    2023: [
        (
            "1",
            "Lengkapi Perjanjian Kinerja seluruh pejabat administrator dan pengawas.",
            datetime.date(2024, 6, 30),
            True,
        ),
        (
            "2",
            "Susun manual IKU yang memuat definisi operasional dan formula setiap indikator.",
            datetime.date(2024, 9, 30),
            True,
        ),
    ],
    2024: [
        ("2", "Manfaatkan hasil pengukuran kinerja sebagai dasar pemberian TPP.", datetime.date(2025, 9, 30), False),
        ("3", "Sajikan analisis efisiensi penggunaan sumber daya dalam LKjIP.", datetime.date(2025, 3, 31), False),
    ],
}


def _user(username, nama, pemda, opd) -> User:
    user, created = User.objects.update_or_create(
        username=username, defaults={"nama": nama, "pemda": pemda, "is_active": True}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Peran.objects.get_or_create(user=user, jenis=Peran.Jenis.EVALUATOR, opd=opd)
    return user


def _grades(kriteria: list[Kriteria], tahun: int) -> dict[int, str]:
    text = GRADES[tahun]
    return {c.pk: text[2 * i : 2 * i + 2].strip() for i, c in enumerate(kriteria)}


def _evaluasi(opd, tahun, templat, tim, *, status, sampai: str | None = None) -> Evaluasi | None:
    """One demo evaluation with its answers at every level up to ``status``; None when it exists already."""
    if Evaluasi.objects.filter(opd=opd, tahun=tahun).exists():
        return None
    ev = services.open_evaluasi(
        opd,
        tahun,
        templat,
        tim,
        mulai=datetime.date(tahun + 1, 4, 1),
        selesai=datetime.date(tahun + 1, 6, 30),
        demo=True,
    )
    lke = services.load_templat(templat)
    kriteria = sorted(lke.kriteria.values(), key=lambda c: (c.sub.komponen.urutan, c.sub.urutan, c.nomor))
    grades = _grades(kriteria, tahun)
    by_role = {p: u for u, p in tim}
    levels = [(Tingkat.MANDIRI, None)]
    if status != Evaluasi.Status.MANDIRI:
        levels.append(
            (Tingkat.ANGGOTA, by_role[PeranTim.ANGGOTA] if PeranTim.ANGGOTA in by_role else by_role[PeranTim.KETUA])
        )
    if status == Evaluasi.Status.FINAL:
        levels += [(Tingkat.KETUA, by_role[PeranTim.KETUA]), (Tingkat.PENGENDALI, by_role[PeranTim.PENGENDALI])]
    rows = []
    for tingkat, user in levels:
        for c in kriteria:
            if sampai and tingkat == Tingkat.ANGGOTA and c.sub.komponen.kode > sampai:
                continue
            grade = grades[c.pk] if tingkat != Tingkat.MANDIRI else NAIK.get(grades[c.pk], grades[c.pk])
            catatan = CATATAN.get(c.kode, "") if tingkat in (Tingkat.ANGGOTA, Tingkat.PENGENDALI) else ""
            rows.append(
                Jawaban(
                    evaluasi=ev,
                    kriteria=c,
                    tingkat=tingkat,
                    grade=grade,
                    catatan=catatan,
                    oleh=user,
                    oleh_nama=user.get_full_name() if user else "Perencana (data demo)",
                )
            )
    Jawaban.objects.bulk_create(rows)
    ev.status = status
    if status == Evaluasi.Status.FINAL:
        hasil = services.nilai(services.load(ev))
        now = timezone.make_aware(datetime.datetime(tahun + 1, 6, 20, 10))
        ev.nilai_akhir, ev.predikat = services.skor.bulat(hasil.total), hasil.predikat
        ev.dirilis_pada = ev.difinalkan_pada = now
        ev.difinalkan_oleh = by_role[PeranTim.PENGENDALI]
    ev.save()
    return ev


def load(stdout) -> None:
    templat = lke88.muat(Templat, Komponen, SubKomponen, Kriteria)
    opds = {
        o.kode: o for o in PerangkatDaerah.objects.filter(kode__in=[OPD_BLITAR, OPD_BALANGAN]).select_related("pemda")
    }
    users = {u.username: u for u in User.objects.filter(username__in=["evaluator.blitar", "evaluator.balangan"])}
    team: dict[str, list[tuple[User, str]]] = {}
    for username, nama, _pemda, opd_kode, peran in TIM:
        opd = opds[opd_kode]
        team.setdefault(opd_kode, []).append((_user(username, nama, opd.pemda, opd), peran))
    for opd_kode, anggota in ((OPD_BLITAR, "evaluator.blitar"), (OPD_BALANGAN, "evaluator.balangan")):
        team[opd_kode].append((users[anggota], PeranTim.ANGGOTA))
    blitar = opds[OPD_BLITAR]
    unit = UnitKerja.objects.filter(opd=blitar).order_by("urutan").first()
    for tahun in (2023, 2024):
        ev = _evaluasi(blitar, tahun, templat, team[OPD_BLITAR], status=Evaluasi.Status.FINAL)
        if ev is None:
            continue
        ev.inspektur_nama = "Inspektur Kabupaten Blitar (data demo)"
        ev.save(update_fields=["inspektur_nama"])
        for komponen, uraian, tenggat, selesai in REKOMENDASI[tahun]:
            rek = Rekomendasi(evaluasi=ev, komponen=komponen, uraian=uraian, tenggat=tenggat, unit_kerja=unit)
            if selesai:
                rek.status, rek.progres = Rekomendasi.Status.DITERIMA, 100
                rek.tindak_lanjut = "Telah dilaksanakan (data demo)."
                rek.diterima_oleh = users["evaluator.blitar"]
                rek.diterima_pada = timezone.make_aware(datetime.datetime(tahun + 1, 10, 15, 9))
            rek.save()
    _evaluasi(opds[OPD_BALANGAN], 2024, templat, team[OPD_BALANGAN], status=Evaluasi.Status.EVALUASI, sampai="1")
    stdout.write("Evaluasi AKIP demo: Bakesbangpol Blitar 2023 dan 2024 (final), Kesbangpol Balangan 2024 (berjalan).")
