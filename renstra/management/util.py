"""Finding the OPD and period that management commands name with --opd, --pemda and --periode."""

from django.core.management.base import CommandError

from renstra.models import Periode
from sakip.models import PerangkatDaerah


def find_opd(kode: str, pemda: str | None = None) -> PerangkatDaerah:
    matches = PerangkatDaerah.objects.filter(kode=kode)
    if pemda:
        matches = matches.filter(pemda__kode=pemda)
    found = list(matches.select_related("pemda")[:2])
    if not found:
        raise CommandError(f"Perangkat daerah dengan kode {kode!r} tidak ditemukan.")
    if len(found) > 1:
        raise CommandError(f"Kode {kode!r} dipakai di beberapa pemda; sebutkan --pemda.")
    return found[0]


def find_periode(opd: PerangkatDaerah, text: str) -> Periode:
    try:
        start, end = (int(part) for part in text.replace("–", "-").split("-"))
    except ValueError:
        raise CommandError(f"Periode {text!r} harus ditulis seperti 2021-2026.") from None
    periode = Periode.objects.filter(pemda=opd.pemda, tahun_awal=start, tahun_akhir=end).first()
    if periode is None:
        raise CommandError(f"{opd.pemda} belum punya periode RPJMD {start}–{end}.")
    return periode
