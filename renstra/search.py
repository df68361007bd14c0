"""renstra's kinds in the search box (:mod:`sakip.search`; registered in :class:`renstra.apps.RenstraConfig`):
plan elements by code or name and indicators by their wording, in the newest version of each Renstra the user may
read, each linking to its row in the plan tree. One query per kind."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from renstra.models import Elemen, Indikator, RenstraVersi
from sakip import search


def _newest(prefix: str):
    """A filter keeping rows of the newest version of their Renstra (``prefix``: the path to the version)."""
    newer = RenstraVersi.objects.filter(
        renstra_id=OuterRef(f"{prefix}renstra_id"), nomor__gt=OuterRef(f"{prefix}nomor")
    )
    return ~Exists(newer)


def _tempat(versi: RenstraVersi) -> str:
    opd = versi.renstra.opd
    periode = versi.renstra.periode
    return f"{opd.singkatan or opd.nama} · Renstra {periode.tahun_awal}–{periode.tahun_akhir} · {versi.label}"


def tree_url(elemen: Elemen) -> str:
    """The element's row in the plan tree of its version."""
    return reverse("renstra:versi_detail", args=[elemen.versi_id]) + f"#e-{elemen.pk}"


@search.register("elemen", _("Tujuan, sasaran, program, kegiatan, sub kegiatan"), urutan=20)
def cari_elemen(user, scope, words, limit) -> list[search.Hit]:
    found = (
        Elemen.objects.for_user(user)
        .filter(_newest("versi__"), search.matches(words, ["kode", "nama"]))
        .select_related("versi__renstra__opd", "versi__renstra__periode")
        .order_by(Length("kode"), "kode", "pk")[: limit + 1]
    )
    return [search.Hit(f"{e.get_level_display()}: {e.nama}", tree_url(e), e.kode, _tempat(e.versi)) for e in found]


@search.register("indikator", _("Indikator"), urutan=30)
def cari_indikator(user, scope, words, limit) -> list[search.Hit]:
    found = (
        Indikator.objects.for_user(user)
        .filter(_newest("elemen__versi__"), search.matches(words, ["uraian"]))
        .select_related("elemen__versi__renstra__opd", "elemen__versi__renstra__periode")
        .order_by("elemen__versi__renstra__opd__kode", "uraian", "pk")[: limit + 1]
    )
    return [
        search.Hit(
            ind.uraian,
            tree_url(ind.elemen),
            ind.elemen.kode,
            f"{ind.elemen.get_level_display()} {ind.elemen.nama} · {_tempat(ind.elemen.versi)}",
        )
        for ind in found
    ]
