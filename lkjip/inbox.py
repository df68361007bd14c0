"""lkjip's items in the Beranda inbox (:mod:`sakip.inbox`; registered in :class:`lkjip.apps.LkjipConfig`): for
evaluators, the documents of their OPD finalised in the last :data:`BARU_HARI` days, to read and download.
One query."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lkjip.models import Final, Jenis
from sakip.inbox import Item
from sakip.models import Peran

BARU_HARI = 30  # a final document is "new" for this many days, then leaves the inbox


def dokumen_final_baru(user, scope, today) -> list[Item]:
    """The latest final of each document finalised lately in the evaluator's OPD."""
    if Peran.Jenis.EVALUATOR not in scope.roles or not scope.readable_opd_ids:
        return []
    since = datetime.datetime.combine(today - datetime.timedelta(days=BARU_HARI), datetime.time(), datetime.UTC)
    finals = (
        Final.objects.filter(dokumen__opd_id__in=scope.readable_opd_ids, created_at__gte=since)
        .select_related("dokumen__opd", "dokumen__versi__renstra__periode")
        .order_by("dokumen_id", "-nomor")
    )
    items, seen = [], set()
    for final in finals:
        if final.dokumen_id in seen:
            continue
        seen.add(final.dokumen_id)
        doc = final.dokumen
        if doc.jenis == Jenis.LKJIP:
            url = reverse("lkjip:lkjip_detail", args=[doc.opd_id, doc.tahun])
        else:
            url = reverse("lkjip:renstra_detail", args=[doc.versi_id])
        tgl = date_format(timezone.localtime(final.created_at), "j F Y")  # the day as the Dokumen page shows it
        if final.difinalkan_oleh_nama:
            detail = _("Difinalkan %(tgl)s oleh %(nama)s") % {"tgl": tgl, "nama": final.difinalkan_oleh_nama}
        else:  # finalised by no one named (a command, the demo)
            detail = _("Difinalkan %(tgl)s") % {"tgl": tgl}
        items.append(
            Item("dokumen-final", _("Baca %(dok)s (final %(n)d)") % {"dok": doc.judul, "n": final.nomor}, url, detail)
        )
    return items
