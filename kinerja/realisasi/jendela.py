"""Entry windows: which triwulan an OPD may fill now (the admin pemda opens and closes them).

A window is open for entry when the admin switched it open (``terbuka``) and today lies within its dates
(``dibuka_pada`` to ``ditutup_pada``, both inclusive, either left empty: unbounded). Past its closing date a
window counts as closed exactly as if the admin had closed it (read-only, realisasi due, late if missing)
without anyone touching the switch; reopening it for chosen OPD (``dibuka_untuk``) overrides both.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.models import JendelaRealisasi, Realisasi
from sakip.lib.periode import Triwulan, roman
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
    """Whether each triwulan of the year is open for the OPD today: open and within its dates, or reopened
    for it. No window: closed."""
    today = timezone.localdate()
    windows = JendelaRealisasi.objects.filter(pemda_id=opd.pemda_id, tahun=tahun).annotate(
        untuk_opd=Count("dibuka_untuk", filter=Q(dibuka_untuk=opd))
    )
    status = dict.fromkeys(TRIWULAN, False)
    for window in windows:
        status[window.triwulan] = window.terbuka_pada(today) or window.untuk_opd > 0
    return status


def triwulan_ditutup(pemda, tahun: int) -> set[int]:
    """Quarters whose window was opened and is now closed (switched off, or past its closing date): realisasi
    should be in."""
    return set(
        JendelaRealisasi.objects.filter(pemda=pemda, tahun=tahun)
        .filter(ditutup(timezone.localdate()))
        .values_list("triwulan", flat=True)
    )


def ditutup(hari) -> Q:
    """The windows closed on ``hari``: switched off or past their closing date."""
    return Q(terbuka=False) | Q(ditutup_pada__lt=hari)


def terbuka(hari) -> Q:
    """The windows open for entry on ``hari`` (see :meth:`JendelaRealisasi.terbuka_pada`)."""
    return (
        Q(terbuka=True)
        & (Q(dibuka_pada=None) | Q(dibuka_pada__lte=hari))
        & (Q(ditutup_pada=None) | Q(ditutup_pada__gte=hari))
    )


def ensure_open(opd, tahun: int, triwulan: int, status: dict[int, bool] | None = None) -> None:
    status = status if status is not None else status_jendela(opd, tahun)
    if not status.get(triwulan):
        raise Terkunci(
            _("Triwulan %(tw)s %(tahun)s ditutup; minta admin pemda membukanya kembali.")
            % {"tw": roman(triwulan), "tahun": tahun}
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
