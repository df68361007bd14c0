"""The nomenclature of programs, kegiatan and sub kegiatan: list and import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from renstra.forms import (
    NomenklaturImportForm,
)
from renstra.importers import nomenklatur as nomenklatur_importer
from renstra.models import (
    Nomenklatur,
)
from sakip import access


def nomenklatur_list(request):
    q = request.GET.get("q", "").strip()
    items = Nomenklatur.objects.all()
    if q:
        items = items.filter(Q(kode__startswith=q) | Q(nama__icontains=q) | Q(indikator__icontains=q))
    versi = request.GET.get("versi", "")
    if versi:
        items = items.filter(versi=versi)
    may_import = bool(access.scope_for(request.user).managed_pemda_ids) or request.user.is_superuser
    return render(
        request,
        "renstra/nomenklatur_list.html",
        {
            "items": items[:300],
            "total": items.count(),
            "q": q,
            "versi": versi,
            "versions": Nomenklatur.Versi.choices,
            "may_import": may_import,
        },
    )


@require_http_methods(["GET", "POST"])
def nomenklatur_import(request):
    scope = access.scope_for(request.user)
    if not (scope.managed_pemda_ids or scope.everything):
        raise PermissionDenied
    form = NomenklaturImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = nomenklatur_importer.import_nomenklatur(
            form.cleaned_data["versi"], form.cleaned_data["berkas"], pemda=request.user.pemda_id
        )
        if not result.errors:
            messages.success(
                request,
                _("Nomenklatur diimpor: %(c)d baru, %(u)d diperbarui.") % {"c": result.created, "u": result.updated},
            )
            return redirect("renstra:nomenklatur_list")
    return render(request, "renstra/nomenklatur_import.html", {"form": form, "result": result})
