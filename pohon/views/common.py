"""What the pohon kinerja pages share: the scoped lookups, the builder's context, file names."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django_htmx.http import HttpResponseClientRedirect

from pohon import services
from pohon.models import PohonKinerja, Simpul
from sakip import access
from sakip.access import Perm


def get_pohon(request, pk: int, perm: Perm = Perm.VIEW) -> PohonKinerja:
    return access.get_for_user(
        request.user, PohonKinerja.objects.select_related("opd__pemda", "periode", "versi__renstra"), perm, pk=pk
    )


def get_simpul(request, pk: int, perm: Perm = Perm.EDIT) -> Simpul:
    return access.get_for_user(
        request.user, Simpul.objects.select_related("pohon__opd__pemda", "pohon__versi", "parent"), perm, pk=pk
    )


def filename(pohon: PohonKinerja, suffix: str) -> str:
    return f"pohon-kinerja-{(pohon.opd.singkatan or pohon.opd.kode).replace('/', '-')}-{pohon.tahun_berlaku}{suffix}"


def page_context(request, pohon: PohonKinerja) -> dict:
    tree = services.load(pohon)
    temuan = services.check(tree)
    return {
        "pohon": pohon,
        "tree": tree,
        "nodes": tree.flat(),
        "temuan": temuan,
        "ringkasan": [(k, label, sum(1 for t in temuan if t.jenis == k)) for k, label in services.JENIS_TEMUAN.items()],
        "can_edit": access.can(request.user, Perm.EDIT, pohon),
        "plan_editable": bool(pohon.versi and pohon.versi.is_draft),
    }


def saved_response(request, pohon: PohonKinerja, message: str):
    if request.htmx:
        messages.success(request, message)
        return HttpResponseClientRedirect(pohon.get_absolute_url())
    messages.success(request, message)
    return redirect(pohon)
