"""kinerja's kind in the search box (:mod:`sakip.search`; registered in :class:`kinerja.apps.KinerjaConfig`):
the Perjanjian Kinerja the user may read, by year, position, the first party's name or the OPD. One query."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kinerja.models import PerjanjianKinerja
from sakip import search


@search.register("pk", _("Perjanjian Kinerja"), urutan=40)
def cari_pk(user, scope, words, limit) -> list[search.Hit]:
    fields = ["tahun", "jabatan__nama", "pertama_nama", "pertama_jabatan", "opd__nama", "opd__singkatan"]
    found = (
        PerjanjianKinerja.objects.for_user(user)
        .filter(search.matches(words, fields))
        .select_related("jabatan", "opd")
        .order_by("-tahun", "opd__kode", "jabatan__urutan", "-versi")[: limit + 1]
    )
    return [
        search.Hit(
            f"{pk.get_jenis_display()} {pk.tahun} · {pk.pertama_jabatan or pk.jabatan.nama}",
            pk.get_absolute_url(),
            keterangan=f"{pk.opd.singkatan or pk.opd.nama} · {pk.get_status_display()}"
            + (f" · {pk.pertama_nama}" if pk.pertama_nama else ""),
        )
        for pk in found
    ]
