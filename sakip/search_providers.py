"""sakip's own kind in the search box (:mod:`sakip.search`): the perangkat daerah the user may read, by code,
name or abbreviation. Registered in :class:`sakip.apps.SakipConfig`; one query."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sakip import search
from sakip.models import PerangkatDaerah


@search.register("opd", _("Perangkat daerah"), urutan=10)
def cari_opd(user, scope, words, limit) -> list[search.Hit]:
    """OPD within the scope (``for_user``): another pemda's never."""
    found = (
        PerangkatDaerah.objects.for_user(user)
        .filter(search.matches(words, ["kode", "nama", "singkatan"]))
        .select_related("pemda")
        .order_by("kode")[: limit + 1]
    )
    return [search.Hit(opd.nama, opd.get_absolute_url(), opd.kode, opd.pemda.nama) for opd in found]
