"""The nodes of a tree, edited in the builder's dialogs: create, update, move, reorder, delete."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pohon import services
from pohon.forms import IndikatorFormSet, PindahForm, SimpulForm
from pohon.models import JENJANG_BAKU, Simpul
from pohon.views.common import get_pohon, get_simpul, saved_response
from renstra.models import Indikator
from sakip import audit
from sakip.access import Perm


@require_http_methods(["GET", "POST"])
def simpul_form(request, pohon: int | None = None, pk: int | None = None):
    if pk:
        node = get_simpul(request, pk)
        pohon_obj = node.pohon
    else:
        pohon_obj = get_pohon(request, pohon, Perm.EDIT)
        parent = None
        if request.GET.get("parent") or request.POST.get("parent"):
            parent = get_object_or_404(Simpul, pohon=pohon_obj, pk=request.GET.get("parent") or request.POST["parent"])
        options = services.child_tingkat(parent)
        if not options:
            return HttpResponse(_("Kinerja operasional adalah tingkat terendah."), status=400)
        node = Simpul(pohon=pohon_obj, parent=parent, tingkat=options[0], jenjang=JENJANG_BAKU[options[0]])
    form = SimpulForm(request.POST or None, instance=node)
    linked = node.terjemahan.values_list("elemen_id", flat=True) if node.pk else []
    plan_indicators = Indikator.objects.filter(elemen__versi=pohon_obj.versi).select_related("elemen")
    if request.method == "POST" and "elemen" in request.POST:
        plan_indicators = plan_indicators.filter(elemen_id__in=request.POST.getlist("elemen"))
    elif node.pk:
        plan_indicators = plan_indicators.filter(elemen_id__in=list(linked))
    formset = IndikatorFormSet(
        request.POST or None,
        instance=node if node.pk else Simpul(pohon=pohon_obj),
        form_kwargs={"plan_indicators": plan_indicators},
        prefix="ind",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_simpul_form(form, formset)
        except audit.Berubah as error:
            form.berubah(error)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            return saved_response(
                request, pohon_obj, _("Simpul \u201c%(s)s\u201d disimpan.") % {"s": saved.kinerja[:60]}
            )
    title = _("Ubah simpul") if node.pk else _("Tambah simpul")
    if not node.pk and node.parent_id:
        title += " \u2014 " + _("di bawah \u201c%(p)s\u201d") % {"p": node.parent.kinerja[:60]}
    template = "pohon/_simpul_form.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {
            "form": form,
            "formset": formset,
            "title": title,
            "pohon": pohon_obj,
            "parent": node.parent,
            "action": request.get_full_path(),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def simpul_move(request, pk: int):
    node = get_simpul(request, pk)
    tree = services.load(node.pohon)
    form = PindahForm(request.POST or None, choices=services.parent_choices(tree, node))
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["parent"]
        parent = get_object_or_404(Simpul, pohon=node.pohon, pk=target) if target else None
        try:
            services.move_simpul(node, parent)
        except ValidationError as error:
            form.add_error("parent", error.messages)
        else:
            return saved_response(request, node.pohon, _("Cabang dipindahkan."))
    template = "pohon/_simpul_form.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {"form": form, "title": _("Pindahkan cabang \u201c%(s)s\u201d") % {"s": node.kinerja[:60]}, "pohon": node.pohon,
         "action": request.get_full_path()},
    )  # fmt: skip


@require_POST
def simpul_reorder(request, pk: int, arah: str):
    node = get_simpul(request, pk)
    services.reorder_simpul(node, -1 if arah == "naik" else 1)
    return saved_response(request, node.pohon, _("Urutan diubah."))


@require_http_methods(["GET", "POST"])
def simpul_delete(request, pk: int):
    node = get_simpul(request, pk)
    pohon = node.pohon
    if request.method == "POST":
        text = node.kinerja[:60]
        services.delete_simpul(node)
        return saved_response(request, pohon, _("Simpul \u201c%(s)s\u201d dan cabangnya dihapus.") % {"s": text})
    tree = services.load(pohon)
    below = len(tree.descendants(tree.nodes[node.pk]))
    template = "pohon/_simpul_delete.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {"node": node, "below": below, "pohon": pohon, "action": request.get_full_path(), "title": _("Hapus simpul")},
    )
