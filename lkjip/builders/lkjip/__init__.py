"""The LKjIP of an OPD for a year (PermenPAN-RB 53/2014, laid out as seed 001 does): one module per
chapter (:mod:`.bab1` … :mod:`.bab4`, with the Lampiran), one function per numbered table.

Every figure comes from the realisasi module's computations (:func:`kinerja.realisasi.dasbor_opd`), so
the document, the dashboard and their Excel files agree to the last digit.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kinerja.realisasi.dasbor import dasbor_opd
from lkjip import narasi
from lkjip.builders.lkjip.bab1 import bab1
from lkjip.builders.lkjip.bab2 import bab2
from lkjip.builders.lkjip.bab3 import bab3
from lkjip.builders.lkjip.bab4 import bab4, lampiran
from lkjip.isi import Isi, penandatangan, tanggal_dokumen, tempat_dokumen
from lkjip.models import Jenis
from renstra.models import Level


def build(dokumen) -> Isi:
    opd, tahun = dokumen.opd, dokumen.tahun
    tanggal = tanggal_dokumen(dokumen)
    d = dasbor_opd(opd, tahun)
    plan = d.sheet.plan
    sasaran_nodes = plan.of_level(Level.SASARAN) if plan else []
    texts = narasi.isi(dokumen)
    isi = Isi(
        jenis=Jenis.LKJIP,
        judul=_("LAPORAN KINERJA INSTANSI PEMERINTAH"),
        subjudul=_("TAHUN %(t)s") % {"t": tahun},
        opd=opd,
        pemda=opd.pemda,
        tahun_dokumen=tahun,
        tanggal=tanggal,
        penandatangan=penandatangan(opd, tanggal),
        tempat=tempat_dokumen(dokumen),
        nomor=dokumen.nomor,
        nama_file=f"LKjIP-{tahun}-{opd.singkatan or opd.kode}",
        sasaran=sasaran_nodes,
    )
    isi.bab("", _("KATA PENGANTAR"))
    isi.narasi("kata_pengantar", texts)
    isi.ttd()
    if not narasi.kosong(texts.get("ikhtisar", "")):
        isi.bab("", _("IKHTISAR EKSEKUTIF"))
        isi.narasi("ikhtisar", texts)
    bab1(isi, texts, opd)
    bab2(isi, texts, d, tahun)
    bab3(isi, texts, d, sasaran_nodes, dokumen)
    bab4(isi, texts)
    lampiran(isi, opd, tahun)
    return isi
