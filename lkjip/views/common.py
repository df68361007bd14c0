"""Finding the OPD, Renstra version and document behind a page, within the user's scope."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse

from lkjip import services
from lkjip.models import Dokumen, Jenis
from renstra.models import RenstraVersi
from sakip import access
from sakip.access import Perm
from sakip.views.generic import get_opd


def get_versi(request, versi_id: int, perm: Perm = Perm.VIEW) -> RenstraVersi:
    return access.get_for_user(
        request.user, RenstraVersi.objects.select_related("renstra__opd__pemda", "renstra__periode"), perm, pk=versi_id
    )


def get_dokumen(request, pk: int, perm: Perm = Perm.VIEW) -> Dokumen:
    return access.get_for_user(
        request.user,
        Dokumen.objects.select_related("opd__pemda", "versi__renstra__periode", "versi__dasar"),
        perm,
        pk=pk,
    )


def dokumen_url(dokumen: Dokumen) -> str:
    if dokumen.jenis == Jenis.LKJIP:
        return reverse("lkjip:lkjip_detail", args=[dokumen.opd_id, dokumen.tahun])
    return reverse("lkjip:renstra_detail", args=[dokumen.versi_id])


def ensure_dokumen(request, jenis: str, key: int, opd: int | None, perm: Perm) -> Dokumen:
    """The document behind a page, created on the first action that needs it."""
    if jenis == Jenis.LKJIP:
        owner = get_opd(request, opd, perm)
        if RenstraVersi.objects.berlaku(owner, key) is None:
            raise Http404
        return services.lkjip(owner, key, create=True)
    versi = get_versi(request, key)
    access.require(request.user, perm, versi.renstra.opd)
    return services.renstra(versi, create=True)
