"""BAB IV Penutup and the Lampiran (the head's signed PK, attached as it was signed)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lkjip.builders.lkjip.common import esc, pk_kepala
from lkjip.isi import Isi


def bab4(isi: Isi, texts) -> None:
    isi.bab("BAB IV", _("PENUTUP"))
    isi.sub(_("Kesimpulan"), "A.")
    isi.narasi("kesimpulan", texts)
    isi.sub(_("Saran"), "B.")
    isi.narasi("saran", texts)
    isi.ttd()


def lampiran(isi: Isi, opd, tahun: int) -> None:
    pk = pk_kepala(opd, tahun)
    isi.bab(_("LAMPIRAN"), _("PERJANJIAN KINERJA TAHUN %(t)s") % {"t": tahun})
    if pk and pk.pdf:
        try:
            with pk.pdf.open("rb") as handle:
                content = handle.read()
        except OSError:
            content = b""
        if content:
            isi.teks(
                _("<p>Dilampirkan %(pk)s sebagaimana ditandatangani (SHA-256 %(sha)s).</p>")
                % {"pk": esc(str(pk)), "sha": pk.pdf_sha256}
            )
            isi.lampiran_pdf.append(content)
            isi.lampiran_sidik.append(pk.pdf_sha256)
            return
    isi.teks(
        _("<p><i>Perjanjian Kinerja kepala perangkat daerah tahun %(t)s belum ditandatangani.</i></p>") % {"t": tahun}
    )
