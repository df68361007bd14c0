"""The trees: the list, creating, the builder page, its settings, revisions and translation into the Renstra."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pohon import services
from pohon.forms import PohonForm, RevisiForm
from pohon.models import Lintas, PohonKinerja
from pohon.views.common import get_pohon, page_context, saved_response
from renstra.services import VersiTerkunci
from sakip import access, audit
from sakip.access import Perm
from sakip.lib.values import parse_id
from sakip.models import PerangkatDaerah


def _index(request, data=None, status: int = 200):
    """The trees of every OPD in scope, what other OPDs count on these OPDs for (crosscutting), and the form
    that creates a tree for an OPD the user plans."""
    scope = access.scope_for(request.user)
    opds = list(PerangkatDaerah.objects.for_user(request.user).select_related("pemda").order_by("kode"))
    trees = (
        PohonKinerja.objects.filter(opd__in=opds)
        .select_related("opd", "periode", "versi")
        .order_by("opd__kode", "-periode__tahun_awal", "-tahun_berlaku")
    )
    editable = [o for o in opds if scope.everything or o.pk in scope.editable_opd_ids]
    incoming = Lintas.objects.masuk(request.user).order_by("mitra__kode", "simpul__pohon__opd__kode")
    form = PohonForm(data, opds=editable) if editable else None
    context = {"trees": trees, "form": form, "incoming": incoming}
    return form, render(request, "pohon/index.html", context, status=status)


def index(request):
    return _index(request)[1]


@require_POST
def pohon_create(request):
    form, _page = _index(request, request.POST)
    if form is None:
        raise PermissionDenied
    if form.is_valid():  # the model's clean() checks the year and the pemda of the period
        try:
            pohon = services.create_pohon(form)
        except ValidationError as error:  # a tree of that year was created meanwhile
            messages.error(request, " ".join(error.messages))
            return _index(request, request.POST, status=400)[1]
        messages.success(request, _("Pohon kinerja dibuat. Mulailah dari outcome (tujuan OPD)."))
        return redirect(pohon)
    return _index(request, request.POST, status=400)[1]


def pohon_detail(request, pk: int):
    """The builder: the tree as an outline with its checks; planners add, edit, move and translate here."""
    pohon = get_pohon(request, pk)
    context = page_context(request, pohon)
    if request.htmx and request.GET.get("fragment") == "tree":
        return render(request, "pohon/_tree.html", context)
    return render(request, "pohon/detail.html", context)


@require_POST
def pohon_terjemahkan(request, pk: int):
    """Create the missing plan elements from the chosen nodes."""
    pohon = get_pohon(request, pk, Perm.EDIT)
    ids = [i for x in request.POST.getlist("simpul") if (i := parse_id(x)) is not None]
    if not ids:
        messages.warning(request, _("Pilih simpul yang akan diterjemahkan."))
        return redirect(pohon)
    if pohon.versi is None:
        messages.error(request, _("Pohon ini belum terhubung ke Renstra; buat Renstra perangkat daerah ini dulu."))
        return redirect(pohon)
    try:
        created = services.terjemahkan(pohon, ids)
    except VersiTerkunci as error:
        messages.error(request, str(error))
    except services.GagalTerjemah as error:
        messages.error(request, _("Tidak ada yang dibuat:"))
        for node, message in error.errors:
            messages.error(request, f"\u201c{node.kinerja[:80]}\u201d: {message}")
    else:
        if created:
            messages.success(
                request,
                _("%(n)s komponen Renstra dibuat dan ditautkan: %(daftar)s.")
                % {"n": len(created), "daftar": "; ".join(f"{e.get_level_display()} {e.nama[:50]}" for e in created)},
            )
        else:
            messages.info(request, _("Semua simpul terpilih sudah diterjemahkan."))
    return redirect(pohon)


@require_http_methods(["GET", "POST"])
def pohon_update(request, pk: int):
    pohon = get_pohon(request, pk, Perm.EDIT)
    form = PohonForm(request.POST or None, instance=pohon, opds=[pohon.opd])
    if request.method == "POST" and form.is_valid():
        try:
            services.update_pohon(form)
        except audit.Berubah as error:
            form.berubah(error)
        else:
            return saved_response(request, pohon, _("Tahap 1 disimpan."))
    template = "pohon/_simpul_form.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {"form": form, "title": _("Tahap 1: outcome"), "pohon": pohon, "action": request.get_full_path()},
    )


@require_POST
def pohon_revisi(request, pk: int):
    pohon = get_pohon(request, pk, Perm.EDIT)
    form = RevisiForm(request.POST)
    if form.is_valid():
        try:
            baru = services.revisi(pohon, form.cleaned_data["tahun"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Revisi berlaku %(t)s dibuat dari pohon ini.") % {"t": baru.tahun_berlaku})
            return redirect(baru)
    else:
        pesan = " ".join(form.errors.get("tahun", [])) or _("Isi tahun berlaku revisi.")
        messages.error(request, _("Tahun berlaku revisi: %(pesan)s") % {"pesan": pesan})
    return redirect(pohon)
