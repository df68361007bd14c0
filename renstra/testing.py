"""Plans for tests and the benchmark: a small one by hand, or any size generated."""

from __future__ import annotations

from decimal import Decimal

from renstra.models import Elemen, Indikator, Level, Pagu, Periode, Renstra, RenstraVersi, Target


def make_periode(pemda, start: int = 2021, end: int = 2026) -> Periode:
    return Periode.objects.create(pemda=pemda, nama=f"RPJMD {start}–{end}", tahun_awal=start, tahun_akhir=end)


def make_versi(opd, periode) -> RenstraVersi:
    renstra = Renstra.objects.create(opd=opd, periode=periode)
    return RenstraVersi.objects.create(renstra=renstra, nomor=1)


def generate_plan(
    versi: RenstraVersi,
    *,
    programs: int = 2,
    kegiatan_per_program: int = 2,
    sub_per_kegiatan: int = 2,
    indicators_per_element: int = 1,
) -> RenstraVersi:
    """tujuan → sasaran → programs → kegiatan → sub kegiatan, each with indicators, targets and pagu."""
    years = versi.years
    tujuan = Elemen.objects.create(versi=versi, level=Level.TUJUAN, nama="Tujuan 1", urutan=1)
    sasaran = Elemen.objects.create(versi=versi, level=Level.SASARAN, parent=tujuan, nama="Sasaran 1", urutan=1)
    elements = [tujuan, sasaran]
    subs = []
    for p in range(1, programs + 1):
        kode_p = f"8.01.{p:02d}"
        program = Elemen(versi=versi, level=Level.PROGRAM, parent=sasaran, kode=kode_p, nama=f"Program {p}", urutan=p)
        program.save()
        elements.append(program)
        for k in range(1, kegiatan_per_program + 1):
            kode_k = f"{kode_p}.2.{k:02d}"
            kegiatan = Elemen.objects.create(
                versi=versi, level=Level.KEGIATAN, parent=program, kode=kode_k, nama=f"Kegiatan {p}.{k}", urutan=k
            )
            elements.append(kegiatan)
            subs.extend(
                Elemen.objects.bulk_create(
                    Elemen(
                        versi=versi,
                        level=Level.SUB_KEGIATAN,
                        parent=kegiatan,
                        kode=f"{kode_k}.{s:04d}",
                        nama=f"Sub kegiatan {p}.{k}.{s}",
                        urutan=s,
                    )
                    for s in range(1, sub_per_kegiatan + 1)
                )
            )
    elements.extend(subs)
    indicators = Indikator.objects.bulk_create(
        Indikator(elemen=e, uraian=f"Jumlah keluaran {e.kode or e.nama} ({i})", satuan="Dokumen", urutan=i)
        for e in elements
        for i in range(1, indicators_per_element + 1)
    )
    Target.objects.bulk_create(
        Target(indikator=ind, tahun=y, nilai=Decimal(y - 2000)) for ind in indicators for y in years
    )
    Pagu.objects.bulk_create(Pagu(elemen=s, tahun=y, jumlah=Decimal("1000000.00")) for s in subs for y in years)
    return versi
