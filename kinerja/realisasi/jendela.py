"""Entry windows: which triwulan an OPD may fill now (the admin pemda opens and closes them)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from kinerja.models import JendelaRealisasi, Realisasi
from sakip.lib.periode import Triwulan, romawi
from sakip.models import PerangkatDaerah

TRIWULAN = tuple(Triwulan.values)
KOLOM_TW = {f"tw{q}": q for q in TRIWULAN}


class Terkunci(Exception):
    """The triwulan is closed for this OPD."""


def kunci_opd(opd) -> None:
    """Lock the OPD's row to the end of the transaction, before a write of its realisasi checks the windows.

    :func:`save_jendela` locks every OPD row of the pemda before it opens or closes a triwulan, so a save
    already running when a triwulan is closed finishes first, and a save that starts later waits and then
    reads the window closed: no value lands in a closed quarter. (``FOR NO KEY UPDATE``: rows that merely
    refer to the OPD are still written freely.)
    """
    list(PerangkatDaerah.objects.select_for_update(no_key=True).filter(pk=opd.pk).values_list("pk", flat=True))


@transaction.atomic
def save_jendela(form) -> JendelaRealisasi:
    """Open, close or reopen a triwulan (a valid :class:`kinerja.forms.JendelaForm`), once no realisasi save
    of the pemda's OPD is running (see :func:`kunci_opd`; the rows are locked in one order, so two admins
    never deadlock)."""
    pemda_id = form.instance.pemda_id
    opd = PerangkatDaerah.objects.select_for_update(no_key=True).filter(pemda_id=pemda_id).order_by("pk")
    list(opd.values_list("pk", flat=True))
    return form.save()


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


def ensure_open(opd, tahun: int, triwulan: int, status: dict[int, bool] | None = None) -> None:
    status = status if status is not None else status_jendela(opd, tahun)
    if not status.get(triwulan):
        raise Terkunci(
            _("Triwulan %(tw)s %(tahun)s ditutup; minta admin pemda membukanya kembali.")
            % {"tw": romawi(triwulan), "tahun": tahun}
        )


def tahun_awal(opd, today_year: int) -> int:
    """The year the realisasi pages open on for an OPD: this year when there is work in it (a quarter window of
    the pemda, a realisasi), else the latest year with realisasi, else this year."""
    if JendelaRealisasi.objects.filter(pemda_id=opd.pemda_id, tahun=today_year).exists():
        return today_year
    from_data = (
        Realisasi.objects.filter(indikator__elemen__versi__renstra__opd=opd, tahun__lte=today_year)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return from_data or today_year
