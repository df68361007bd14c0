"""lkjip's kind in the search box (:mod:`sakip.search`; registered in :class:`lkjip.apps.LkjipConfig`): the
documents (LKjIP of a year, Renstra of a version) of the OPD the user may read, by kind, year or OPD. One query."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lkjip.models import Dokumen, Jenis
from sakip import search


def _url(dokumen: Dokumen) -> str:
    if dokumen.jenis == Jenis.LKJIP:
        return reverse("lkjip:lkjip_detail", args=[dokumen.opd_id, dokumen.tahun])
    return reverse("lkjip:renstra_detail", args=[dokumen.versi_id])


@search.register("dokumen", _("Dokumen"), urutan=50)
def cari_dokumen(user, scope, words, limit) -> list[search.Hit]:
    fields = ["jenis", "tahun", "opd__nama", "opd__singkatan", "versi__renstra__periode__nama"]
    found = (
        Dokumen.objects.for_user(user)
        .filter(search.matches(words, fields))
        .select_related("opd", "versi__renstra__opd", "versi__renstra__periode")
        .order_by("jenis", "-tahun", "opd__kode", "pk")[: limit + 1]
    )
    return [search.Hit(str(d), _url(d), keterangan=d.get_jenis_display()) for d in found]
