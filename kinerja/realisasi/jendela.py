"""Entry windows: which triwulan an OPD may fill now (the admin pemda opens and closes them)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from kinerja.models import JendelaRealisasi
from sakip.lib.periode import Triwulan, romawi

TRIWULAN = tuple(Triwulan.values)
KOLOM_TW = {f"tw{q}": q for q in TRIWULAN}


class Terkunci(Exception):
    """The triwulan is closed for this OPD."""


def status_jendela(opd, tahun: int) -> dict[int, bool]:
    """Whether each triwulan of the year is open for the OPD: open, or reopened for it. No window: closed."""
    windows = JendelaRealisasi.objects.filter(pemda_id=opd.pemda_id, tahun=tahun).annotate(
        untuk_opd=Count("dibuka_untuk", filter=Q(dibuka_untuk=opd))
    )
    status = dict.fromkeys(TRIWULAN, False)
    for window in windows:
        status[window.triwulan] = window.terbuka or window.untuk_opd > 0
    return status


def triwulan_ditutup(pemda, tahun: int) -> set[int]:
    """Quarters whose window was opened and is now closed: realisasi should be in."""
    return set(
        JendelaRealisasi.objects.filter(pemda=pemda, tahun=tahun, terbuka=False).values_list("triwulan", flat=True)
    )


def pastikan_terbuka(opd, tahun: int, triwulan: int, status: dict[int, bool] | None = None) -> None:
    status = status if status is not None else status_jendela(opd, tahun)
    if not status.get(triwulan):
        raise Terkunci(
            _("Triwulan %(tw)s %(tahun)s ditutup; minta admin pemda membukanya kembali.")
            % {"tw": romawi(triwulan), "tahun": tahun}
        )
