"""The LKE templates: the official one and the pemda's adaptations; copy, and change (a template in use is
frozen: the change goes into a new copy)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from evaluasi import services
from evaluasi.forms import KriteriaForm, TemplatForm
from evaluasi.models import Kriteria, Templat
from sakip import access


def _templat(request, pk: int) -> Templat:
    return get_object_or_404(Templat.objects.for_user(request.user), pk=pk)


def templat_list(request):
    daftar = Templat.objects.for_user(request.user).select_related("pemda", "asal")
    return render(
        request,
        "evaluasi/templat_list.html",
        {"daftar": daftar, "bisa_ubah": access.may_adapt_templates(request.user, request.user.pemda_id)},
    )


def templat_detail(request, pk: int):
    templat = _templat(request, pk)
    lke = services.load_templat(templat)
    return render(
        request,
        "evaluasi/templat_detail.html",
        {
            "templat": templat,
            "komponen": lke.komponen,
            "jumlah": len(lke.kriteria),
            "dipakai": templat.dipakai(),
            "bisa_ubah": access.may_adapt_templates(request.user, request.user.pemda_id),
        },
    )


@require_POST
def templat_copy(request, pk: int):
    templat = _templat(request, pk)
    if not access.may_adapt_templates(request.user, request.user.pemda_id):
        raise PermissionDenied
    baru = services.copy_templat(templat, request.user.pemda_id)
    messages.success(request, _("Templat disalin untuk pemda Anda. Sesuaikan kriterianya di sini."))
    return redirect(baru)


@require_http_methods(["GET", "POST"])
def templat_update(request, pk: int):
    templat = _templat(request, pk)
    if not access.may_adapt_templates(request.user, request.user.pemda_id):
        raise PermissionDenied
    form = TemplatForm(
        request.POST or None,
        instance=Templat(nama=templat.nama, skala=templat.skala, aturan_batas=templat.aturan_batas),
    )
    if request.method == "POST" and form.is_valid():
        try:
            baru = services.update_templat(
                templat, request.user.pemda_id, **{f: form.cleaned_data[f] for f in form.fields}
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if baru.pk != templat.pk:
                messages.info(
                    request, _("Templat ini sudah dipakai atau resmi: perubahan disimpan sebagai templat baru.")
                )
            return redirect(baru)
    return render(request, "evaluasi/templat_form.html", {"form": form, "templat": templat})


@require_http_methods(["GET", "POST"])
def kriteria_update(request, pk: int):
    kriteria = get_object_or_404(
        Kriteria.objects.select_related("sub__komponen__templat"),
        pk=pk,
        sub__komponen__templat__in=Templat.objects.for_user(request.user),
    )
    if not access.may_adapt_templates(request.user, request.user.pemda_id):
        raise PermissionDenied
    templat = kriteria.sub.komponen.templat
    form = KriteriaForm(request.POST or None, instance=kriteria)
    if request.method == "POST" and form.is_valid():
        try:
            baru = services.update_kriteria(
                kriteria, request.user.pemda_id, **{f: form.cleaned_data[f] for f in form.fields}
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if baru.sub.komponen.templat_id != templat.pk:
                messages.info(
                    request, _("Templat ini sudah dipakai atau resmi: perubahan disimpan sebagai templat baru.")
                )
            return redirect(baru.sub.komponen.templat)
    return render(request, "evaluasi/templat_form.html", {"form": form, "templat": templat, "kriteria": kriteria})
