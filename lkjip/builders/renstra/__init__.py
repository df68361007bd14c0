"""The Renstra of an OPD, one document per version (Permendagri 86/2017, Bab I–VIII, T-C.23 to T-C.28):
one function per chapter here, the tables in :mod:`.tables`.

The plan tables come from :func:`renstra.services.load_plan`, the same tree the Renstra pages show;
T-C.23 and T-C.24 (the previous period's service) from the rows the planner typed or copied.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kinerja.realisasi.lembar import kebijakan_pemda
from lkjip import narasi
from lkjip.builders.renstra import rumusan
from lkjip.builders.renstra.tables import nama_versi, perbandingan, tc23, tc24, tc28
from lkjip.isi import Isi, penandatangan, tanggal_dokumen, tempat_dokumen
from lkjip.models import BarisPeriodeLalu, Jenis, Permasalahan, TenagaNonAsn
from renstra import services
from renstra.tabel import tc25, tc26, tc27


def build(dokumen) -> Isi:
    versi = dokumen.versi
    renstra = versi.renstra
    opd, periode = renstra.opd, renstra.periode
    tanggal = tanggal_dokumen(dokumen)
    texts = narasi.isi(dokumen)
    plan = services.load_plan(versi, with_targets=True)
    perubahan = versi.jenis != versi.Jenis.MURNI
    title = {
        versi.Jenis.PERUBAHAN: _("RENCANA STRATEGIS PERUBAHAN"),
        versi.Jenis.PENYESUAIAN: _("PENYESUAIAN RENCANA STRATEGIS"),
    }.get(versi.jenis, _("RENCANA STRATEGIS"))
    isi = Isi(
        jenis=Jenis.RENSTRA,
        judul=title,
        subjudul=_("TAHUN %(a)s–%(b)s") % {"a": periode.tahun_awal, "b": periode.tahun_akhir},
        opd=opd,
        pemda=opd.pemda,
        tahun_dokumen=periode.tahun_awal,
        tanggal=tanggal,
        penandatangan=penandatangan(opd, tanggal),
        tempat=tempat_dokumen(dokumen),
        nomor=dokumen.nomor,
        nama_file=f"Renstra-{periode.tahun_awal}-{periode.tahun_akhir}-{opd.singkatan or opd.kode}-v{versi.nomor}",
    )
    if not narasi.kosong(texts.get("kata_pengantar", "")):
        isi.bab("", _("KATA PENGANTAR"))
        isi.narasi("kata_pengantar", texts)
        isi.ttd()
    bab1(isi, texts)
    bab2(isi, texts, dokumen, periode)
    bab3(isi, texts, dokumen)
    previous = versi.dasar if perubahan and dokumen.sertakan_perbandingan else None
    old_plan = services.load_plan(previous, with_targets=True) if previous else None
    bab4(isi, texts, plan, versi, previous, old_plan)
    bab5(isi, texts, plan)
    isi.bab("BAB VI", _("RENCANA PROGRAM DAN KEGIATAN SERTA PENDANAAN"))
    isi.narasi("rencana_program", texts)
    isi.teks(rumusan.rencana_program_html(plan))
    if old_plan:
        isi.tabel(perbandingan(previous, versi))
    isi.bab("BAB VII", _("KINERJA PENYELENGGARAAN BIDANG URUSAN"), wide=len(plan.years) > 4)
    isi.narasi("kinerja_urusan", texts)
    isi.tabel(tc28(plan, opd))
    isi.bab("BAB VIII", _("PENUTUP"))
    isi.narasi("penutup", texts)
    isi.ttd()
    # As seed 000 places it: after the closing, as the attachment Bab VI refers to.
    isi.bab(_("LAMPIRAN"), _("RENCANA PROGRAM, KEGIATAN, DAN PENDANAAN"), wide=True)
    isi.tabel(tc27(plan))
    return isi


def _section(isi: Isi, texts, nomor: str, judul: str, kunci: str, *, always: bool = True) -> None:
    """A numbered section with its narrative; one that is not ``always`` printed is left out while empty."""
    if always or not narasi.kosong(texts.get(kunci, "")):
        isi.sub(judul, nomor)
        isi.narasi(kunci, texts)


def bab1(isi: Isi, texts) -> None:
    isi.bab("BAB I", _("PENDAHULUAN"))
    _section(isi, texts, "1.1", _("Latar Belakang"), "latar_belakang")
    _section(isi, texts, "1.2", _("Landasan Hukum"), "landasan_hukum")
    _section(isi, texts, "1.3", _("Maksud dan Tujuan"), "maksud_tujuan")
    isi.sub(_("Sistematika Penulisan"), "1.4")
    isi.narasi(
        "sistematika",
        texts,
        fallback=_(
            "<p>Renstra ini disusun dengan sistematika sesuai Permendagri Nomor 86 Tahun 2017: Bab I Pendahuluan; "
            "Bab II Gambaran Pelayanan Perangkat Daerah; Bab III Permasalahan dan Isu-isu Strategis; Bab IV Tujuan "
            "dan Sasaran; Bab V Strategi dan Arah Kebijakan; Bab VI Rencana Program dan Kegiatan serta Pendanaan; "
            "Bab VII Kinerja Penyelenggaraan Bidang Urusan; Bab VIII Penutup.</p>"
        ),
    )


def bab2(isi: Isi, texts, dokumen, periode) -> None:
    """With T-C.23 and T-C.24, the previous period's service."""
    opd = isi.opd
    isi.bab("BAB II", _("GAMBARAN PELAYANAN PERANGKAT DAERAH"))
    _section(isi, texts, "2.1", _("Tugas, Fungsi dan Struktur Organisasi"), "tugas_fungsi")
    _section(isi, texts, "2.2", _("Sumber Daya Perangkat Daerah"), "sumber_daya")
    isi.tabel(rumusan.tabel_pegawai(opd))
    isi.narasi("sumber_daya_non_asn", texts)
    isi.tabel(rumusan.tabel_non_asn(list(TenagaNonAsn.objects.filter(dokumen_id=dokumen.pk)), opd))
    isi.narasi("sarana_prasarana", texts)
    isi.sub(_("Kinerja Pelayanan Perangkat Daerah"), "2.3")
    isi.narasi("kinerja_pelayanan", texts)
    rows = list(
        BarisPeriodeLalu.objects.filter(dokumen_id=dokumen.pk)
        .prefetch_related("nilai")
        .order_by("tabel", "urutan", "pk")
    )
    kinerja_rows = [r for r in rows if r.tabel == BarisPeriodeLalu.Tabel.KINERJA]
    isi.tabel(tc23(opd, kinerja_rows, periode, kebijakan_pemda(opd.pemda)))
    isi.tabel(tc24(opd, [r for r in rows if r.tabel == BarisPeriodeLalu.Tabel.PENDANAAN], periode))
    _section(isi, texts, "2.4", _("Tantangan dan Peluang Pengembangan Pelayanan Perangkat Daerah"), "tantangan_peluang")


def bab3(isi: Isi, texts, dokumen) -> None:
    """Tabel 3.1 in 3.1; the telaahan sections are printed only when written (numbered as they come)."""
    isi.bab("BAB III", _("PERMASALAHAN DAN ISU-ISU STRATEGIS PERANGKAT DAERAH"))
    n = iter(range(1, 10))
    permasalahan = _("Identifikasi Permasalahan berdasarkan Tugas dan Fungsi Pelayanan")
    _section(isi, texts, f"3.{next(n)}", permasalahan, "permasalahan")
    isi.tabel(rumusan.tabel_permasalahan(list(Permasalahan.objects.filter(dokumen_id=dokumen.pk))))
    isi.narasi("permasalahan_penutup", texts)
    for kunci, judul in (
        ("telaahan_visi_misi", _("Telaahan Visi, Misi dan Program Kepala Daerah dan Wakil Kepala Daerah Terpilih")),
        ("telaahan_renstra_kl", _("Telaahan Renstra Kementerian/Lembaga dan Renstra Provinsi")),
        ("telaahan_rtrw", _("Telaahan Rencana Tata Ruang Wilayah dan Kajian Lingkungan Hidup Strategis")),
    ):
        if not narasi.kosong(texts.get(kunci, "")):
            _section(isi, texts, f"3.{next(n)}", judul, kunci)
    _section(isi, texts, f"3.{next(n)}", _("Penentuan Isu-isu Strategis"), "isu_strategis")


def bab4(isi: Isi, texts, plan, versi, previous, old_plan) -> None:
    """4.1 Tujuan (with their indicators and targets) and 4.2 Sasaran (listed, then T-C.25); a Renstra
    Perubahan printed with its comparison shows the version it changes first."""
    isi.bab("BAB IV", _("TUJUAN DAN SASARAN"), wide=len(plan.years) > 4)
    isi.narasi("tujuan_sasaran", texts)
    isi.sub(_("Tujuan"), "4.1")
    isi.narasi("tujuan", texts)
    isi.teks(rumusan.tujuan_html(plan))
    isi.tabel(rumusan.tabel_tujuan(plan))
    isi.sub(_("Sasaran"), "4.2")
    isi.narasi("sasaran", texts)
    sasaran = rumusan.sasaran_list(plan)
    if sasaran:
        isi.teks("<p>" + _("Sasaran Renstra ini adalah:") + "</p>" + rumusan.ol(sasaran))
    if old_plan:
        lama, baru = nama_versi(previous, versi)
        isi.tabel(tc25(old_plan, "4.2.a", suffix=_(" (Renstra %(v)s)") % {"v": lama}))
        isi.tabel(tc25(plan, "4.2.b", suffix=_(" (Renstra %(v)s)") % {"v": baru}))
    else:
        isi.tabel(tc25(plan, "T-C.25"))


def bab5(isi: Isi, texts, plan) -> None:
    """T-C.26, then its strategi and its kebijakan as numbered lists (seed 000)."""
    isi.bab("BAB V", _("STRATEGI DAN ARAH KEBIJAKAN"))
    isi.narasi("strategi_kebijakan", texts)
    isi.tabel(tc26(plan))
    strategi, kebijakan = rumusan.strategi_list(plan), rumusan.kebijakan_list(plan)
    if strategi:
        isi.teks("<p>" + _("Dari tabel di atas, strategi yang ditempuh adalah:") + "</p>" + rumusan.ol(strategi))
    if kebijakan:
        isi.teks(
            "<p>" + _("Strategi tersebut dijabarkan dalam kebijakan sebagai berikut:") + "</p>" + rumusan.ol(kebijakan)
        )
