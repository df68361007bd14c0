"""renstra's items in the Beranda inbox (:mod:`sakip.inbox`; registered in :class:`renstra.apps.RenstraConfig`):
for the planner, the draft Renstra versions to finish and the indicators of a draft still without a target
for every year of the period. Two queries whatever the size of the plans."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from renstra.models import Indikator, RenstraVersi
from sakip.inbox import Item


def _drafts(scope):
    return RenstraVersi.objects.filter(
        renstra__opd_id__in=scope.editable_opd_ids, status=RenstraVersi.Status.DRAFT
    ).select_related("renstra__opd", "renstra__periode")


def draf_renstra(user, scope, today) -> list[Item]:
    """Draft versions in the planner's OPD, to finish and have ditetapkan (or delete)."""
    if not scope.editable_opd_ids:
        return []
    drafts = list(_drafts(scope))
    if not drafts:
        return []
    span = F("elemen__versi__renstra__periode__tahun_akhir") - F("elemen__versi__renstra__periode__tahun_awal") + 1
    kosong = Counter(
        Indikator.objects.filter(elemen__versi__in=drafts)
        .annotate(n=Count("target"))
        .filter(n__lt=span)
        .values_list("elemen__versi_id", flat=True)
    )
    items = []
    for versi in drafts:
        name = f"{versi.renstra.opd.nama} {versi.renstra.periode.tahun_awal}–{versi.renstra.periode.tahun_akhir}"
        items.append(
            Item(
                "renstra-draf",
                _("Selesaikan draf Renstra %(nama)s, %(label)s") % {"nama": name, "label": versi.label},
                versi.get_absolute_url(),
                _("Belum ditetapkan; dibuat %(tgl)s.")
                % {"tgl": date_format(timezone.localtime(versi.created_at), "j F Y")},
            )
        )
        if kosong[versi.pk]:
            items.append(
                Item(
                    "target-kosong",
                    _("Lengkapi target %(label)s · %(nama)s") % {"nama": name, "label": versi.label},
                    reverse("renstra:target_grid", args=[versi.pk]),
                    _("%(n)d indikator belum bertarget untuk setiap tahun periode.") % {"n": kosong[versi.pk]},
                )
            )
    return items
