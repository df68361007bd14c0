"""The nomenclature of programs, kegiatan and sub kegiatan: list, import, add and edit.

The official Kepmendagri list (entries without pemda) belongs to the operator; a pemda's admin adds and edits
the pemda's own local entries, which only that pemda sees. ``access`` decides from the entry's ``pemda_id``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from renstra import services
from renstra.forms import PILIHAN_NOMENKLATUR, NomenklaturForm, NomenklaturImportForm, cari_nomenklatur
from renstra.importers import nomenklatur as nomenklatur_importer
from renstra.models import CHILD_LEVELS, Elemen, Nomenklatur
from renstra.views.common import get_versi
from sakip import access, audit
from sakip.access import Perm
from sakip.views.generic import require_pemda


def _owner(request):
    """Whose entries the user adds or imports: the operator's official list, else their own pemda's."""
    if request.user.is_superuser and request.user.pemda_id is None:
        return None
    pemda = require_pemda(request.user)
    access.require(request.user, Perm.MANAGE, pemda)
    return pemda


def nomenklatur_list(request):
    q = request.GET.get("q", "").strip()
    items = Nomenklatur.objects.for_user(request.user).select_related("pemda")
    if q:
        items = items.filter(Q(kode__startswith=q) | Q(nama__icontains=q) | Q(indikator__icontains=q))
    versi = request.GET.get("versi", "")
    if versi:
        items = items.filter(versi=versi)
    sumber = request.GET.get("sumber", "")
    if sumber == "resmi":
        items = items.official()
    elif sumber == "lokal":
        items = items.filter(pemda__isnull=False)
    scope = access.scope_for(request.user)
    shown = list(items[:300])
    for item in shown:
        item.may_edit = access.can(request.user, Perm.MANAGE, item)
    return render(
        request,
        "renstra/nomenklatur_list.html",
        {
            "items": shown,
            "total": items.count(),
            "q": q,
            "versi": versi,
            "sumber": sumber,
            "versions": Nomenklatur.Versi.choices,
            "may_import": bool(scope.managed_pemda_ids) or scope.everything,
        },
    )


@require_safe
def nomenklatur_riwayat(request):
    """The official list's change history (the operator's edits and imports), for everyone who reads the list:
    every pemda's plans use it, so every pemda sees what changed in it, when and by whom."""
    page = Paginator(audit.shared_history("renstra.nomenklatur"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "renstra/nomenklatur_riwayat.html",
        {"object_list": page.object_list, "page_obj": page},
    )


@require_http_methods(["GET", "POST"])
def nomenklatur_edit(request, pk: int | None = None):
    """Add an entry (official for the operator, local for a pemda admin) or edit one the user may change:
    another pemda's local entry is a 404, an official entry for a pemda admin a 403."""
    if pk is None:
        item = Nomenklatur(pemda=_owner(request))
    else:
        item = access.get_for_user(request.user, Nomenklatur.objects, Perm.MANAGE, pk=pk)
    form = NomenklaturForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        saved = services.save_nomenklatur(form)
        messages.success(request, _("Nomenklatur %(kode)s disimpan.") % {"kode": saved.kode})
        return redirect("renstra:nomenklatur_list")
    title = _("Ubah nomenklatur") if pk else _("Tambah nomenklatur lokal") if item.pemda_id else _("Tambah nomenklatur")
    return render(request, "renstra/nomenklatur_form.html", {"form": form, "item": item, "title": title})


@require_http_methods(["GET", "POST"])
def nomenklatur_import(request):
    pemda = _owner(request)
    form = NomenklaturImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = nomenklatur_importer.import_nomenklatur(
            form.cleaned_data["versi"], form.cleaned_data["berkas"], pemda=pemda
        )
        if not result.errors:
            messages.success(
                request,
                _("Nomenklatur diimpor: %(c)d baru, %(u)d diperbarui.") % {"c": result.created, "u": result.updated},
            )
            return redirect("renstra:nomenklatur_list")
    return render(request, "renstra/nomenklatur_import.html", {"form": form, "result": result, "pemda": pemda})


def nomenklatur_cari(request, versi: int):
    """The picker's type-ahead: entries a new or edited element of ``level`` under ``parent`` may take whose code
    or name match ``q``, at most :data:`~renstra.forms.PILIHAN_NOMENKLATUR`, as an HTMX fragment."""
    versi = get_versi(request, versi, Perm.EDIT)
    parent = None
    if request.GET.get("parent"):
        parent = get_object_or_404(Elemen, pk=request.GET["parent"], versi=versi)
    level = request.GET.get("level", "")
    if level not in [str(lv) for lv in CHILD_LEVELS[parent.level if parent else None]]:
        return HttpResponseBadRequest(_("Tingkat ini tidak dapat ditambahkan di sini."))
    query = request.GET.get("q", "").strip()[:100]
    items = cari_nomenklatur(Elemen(versi=versi, parent=parent, level=level), query)
    lebih = len(items) > PILIHAN_NOMENKLATUR
    context = {"items": items[:PILIHAN_NOMENKLATUR], "q": query, "limit": PILIHAN_NOMENKLATUR, "lebih": lebih}
    return render(request, "renstra/_nomenklatur_hasil.html", context)
